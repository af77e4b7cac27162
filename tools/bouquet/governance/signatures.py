"""Detached SSH signatures of ballots and proxies (namespace ``bouquet-vote``).

The allowed signers are built from ``membres.yaml`` as of the opening commit, written to a
temporary directory, and each file is checked with ``ssh-keygen -Y verify`` for the member
named by its file name: a file signed with another member's key does not verify.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bouquet.governance.models import Membre

NAMESPACE = "bouquet-vote"
SIGNATURE_SUFFIX = ".sig"
KEY_PATTERN = re.compile(
    r"^((?:sk-)?(?:ssh|ecdsa)-[a-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,3})(?:\s.*)?$"
)


class SigningError(Exception):
    """``ssh-keygen`` is missing or refused to sign; French message."""


def allowed_signers(members: Mapping[str, Membre]) -> str:
    """The allowed_signers file: one line per declared key, restricted to our namespace."""
    lines = []
    for member_id in sorted(members):
        for key in members[member_id].cles_ssh:
            match = KEY_PATTERN.match(key.strip())
            if match:
                lines.append(f'{member_id} namespaces="{NAMESPACE}" {match[1]} {match[2]}')
    return "".join(line + "\n" for line in lines)


def verify_all(
    members: Mapping[str, Membre], signed: Mapping[str, tuple[str, bytes, bytes | None]]
) -> dict[str, str]:
    """Check ``{path: (member, content, signature or None)}``; return ``{path: reason}``."""
    refused: dict[str, str] = {}
    to_check: dict[str, tuple[str, bytes, bytes]] = {}
    for path, (member, content, signature) in signed.items():
        if signature is None:
            refused[path] = f"non signé : « {path.rsplit('/', 1)[-1]}{SIGNATURE_SUFFIX} » absent"
        elif member in members and not members[member].cles_ssh:
            refused[path] = f"aucune clé SSH déclarée pour « {member} » à l'ouverture du vote"
        else:
            to_check[path] = (member, content, signature)
    if not to_check:
        return refused
    with tempfile.TemporaryDirectory(prefix="bouquet-vote-") as tmp:
        allowed = Path(tmp) / "allowed_signers"
        allowed.write_text(allowed_signers(members), encoding="utf-8")
        jobs = sorted(to_check.items())
        workers = max(1, min(8, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(lambda job: _verify(allowed, Path(tmp), *job), jobs)
            for (path, (member, _, _)), ok in zip(jobs, outcomes, strict=True):
                if not ok:
                    refused[path] = (
                        f"signature refusée : elle n'est pas celle de « {member} » avec une clé "
                        "déclarée à l'ouverture, ou le fichier a été modifié après signature"
                    )
    return refused


def _verify(allowed: Path, tmp: Path, path: str, job: tuple[str, bytes, bytes]) -> bool:
    member, content, signature = job
    sig_file = tmp / (re.sub(r"[^a-zA-Z0-9_.-]", "_", path) + SIGNATURE_SUFFIX)
    sig_file.write_bytes(signature)
    try:
        done = subprocess.run(
            ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", member,
             "-n", NAMESPACE, "-s", str(sig_file)],
            input=content, capture_output=True, check=False,
        )
    except FileNotFoundError:
        return False
    return done.returncode == 0


def sign(path: Path, key: Path) -> Path:
    """Write ``path.sig`` with ``ssh-keygen -Y sign``; return the signature's path."""
    if not key.is_file():
        raise SigningError(f"clé introuvable : {key}")
    target = path.with_name(path.name + SIGNATURE_SUFFIX)
    try:
        done = subprocess.run(
            ["ssh-keygen", "-Y", "sign", "-n", NAMESPACE, "-f", str(key), str(path)],
            capture_output=True, check=False,
        )
    except FileNotFoundError as exc:
        raise SigningError("ssh-keygen est introuvable : installez OpenSSH (≥ 8.2)") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise SigningError(f"ssh-keygen n'a pas pu signer : {detail}")
    return target
