"""Real temporary git repositories holding governance files."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from repo import GitRepo


def keygen(directory: Path, name: str) -> tuple[Path, str]:
    """A fresh ed25519 key pair in ``directory``: (private key path, public key line)."""
    key = directory / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)],
                   check=True)
    return key, key.with_suffix(".pub").read_text().strip()


def members_yaml(members: Iterable[tuple[str, str]], keys: Mapping[str, str] | None = None) -> str:
    """``members``: (id, college) pairs."""
    keys = keys or {}
    lines = ["membres:"]
    for member_id, college in members:
        lines += [f"  - id: {member_id}", f"    nom: Organisation {member_id}",
                  f"    college: {college}"]
        if member_id in keys:
            lines += ["    cles_ssh:", f"      - {keys[member_id]}"]
    return "\n".join(lines) + "\n"


def instance_yaml(members: Iterable[str], colleges: Mapping[str, int] | None = None,
                  **rules: object) -> str:
    lines = ["id: comite", "nom: Comité du commun", "periodicite: mensuelle", "membres:"]
    lines += [f"  - {m}" for m in members]
    if colleges:
        lines.append("colleges:")
        lines += [f"  {name}: {weight}" for name, weight in colleges.items()]
    if rules:
        lines.append("regles:")
        for key, value in rules.items():
            text = "null" if value is None else str(value).lower() if isinstance(value, bool) \
                else f'"{value}"' if isinstance(value, str) else str(value)
            lines.append(f"  {key}: {text}")
    return "\n".join(lines) + "\n"


def decision_yaml(statut: str = "ouverte", **extra: str) -> str:
    lines = ["id: d1", "instance: comite", "objet: Adopter la charte"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    lines.append(f"statut: {statut}")
    return "\n".join(lines) + "\n"


DECISION = "governance/decisions/d1"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "depot", name="Secrétariat", email="secretariat@example.org")
