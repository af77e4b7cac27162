"""Real temporary git repositories holding governance files."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest


class GitRepo:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Secrétariat")
        self.git("config", "user.email", "secretariat@example.org")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.path), *args], capture_output=True,
                              text=True, check=True)
        return done.stdout.strip()

    def write(self, files: Mapping[str, str | bytes]) -> None:
        for name, content in files.items():
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")

    def commit(self, message: str, files: Mapping[str, str | bytes] | None = None) -> str:
        self.write(files or {})
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")


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
    return GitRepo(tmp_path / "depot")
