"""Detached SSH signatures of ballots and proxies (namespace ``bouquet-vote``).

The allowed signers are built from ``membres.yaml`` as of the opening commit, and each file is
checked (by ``bouquet.edges.ssh``, which runs ``ssh-keygen -Y verify``) for the member named by
its file name: a file signed with another member's key does not verify.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from bouquet.edges import ssh
from bouquet.edges.ssh import SIGNATURE_SUFFIX
from bouquet.governance.models import Membre

__all__ = ["KEY_PATTERN", "NAMESPACE", "SIGNATURE_SUFFIX", "allowed_signers", "sign",
           "verify_all"]

NAMESPACE = "bouquet-vote"
KEY_PATTERN = re.compile(
    r"^((?:sk-)?(?:ssh|ecdsa)-[a-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,3})(?:\s.*)?$"
)


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
    verified = ssh.verify(allowed_signers(members), NAMESPACE, to_check)
    for path, (member, _, _) in sorted(to_check.items()):
        if not verified[path]:
            refused[path] = (
                f"signature refusée : elle n'est pas celle de « {member} » avec une clé "
                "déclarée à l'ouverture, ou le fichier a été modifié après signature"
            )
    return refused


def sign(content: bytes, name: str, key: Path) -> str:
    """The signature of a ballot or proxy named ``name`` (``ssh-keygen -Y sign`` in our
    namespace). A French ``BouquetError`` when the key is missing or ``ssh-keygen`` refuses."""
    return ssh.sign(content, name, key, NAMESPACE)
