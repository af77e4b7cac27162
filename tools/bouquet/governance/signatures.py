"""Detached SSH signatures of ballots and proxies.

A signature binds the decision and the member: its namespace is
``bouquet-vote/<decision>/<member>`` (the decision's folder name and the file's member), so a
signed ballot copied into another decision, or under another member's name, does not verify.
The allowed signers are built from ``membres.yaml`` as of the opening commit, each key
restricted to its member's namespaces, and each file is checked (by ``bouquet.edges.ssh``,
which runs ``ssh-keygen -Y verify``) for the member named by its file name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from bouquet.edges import ssh
from bouquet.edges.ssh import SIGNATURE_SUFFIX
from bouquet.governance.models import Membre

__all__ = ["KEY_PATTERN", "NAMESPACE", "SIGNATURE_SUFFIX", "allowed_signers", "namespace",
           "sign", "verify_all"]

NAMESPACE = "bouquet-vote"
KEY_PATTERN = re.compile(
    r"^((?:sk-)?(?:ssh|ecdsa)-[a-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,3})(?:\s.*)?$"
)


def namespace(decision: str, member: str) -> str:
    """The signing namespace of ``member``'s ballot or proxy in ``decision``."""
    return f"{NAMESPACE}/{decision}/{member.lower()}"


def allowed_signers(members: Mapping[str, Membre], decision: str) -> str:
    """The allowed_signers file: one line per declared key, restricted to its member's
    namespace in ``decision``."""
    lines = []
    for member_id in sorted(members):
        allowed = namespace(decision, member_id)
        for key in members[member_id].cles_ssh:
            match = KEY_PATTERN.match(key.strip())
            if match:
                lines.append(f'{member_id} namespaces="{allowed}" {match[1]} {match[2]}')
    return "".join(line + "\n" for line in lines)


def verify_all(
    members: Mapping[str, Membre], signed: Mapping[str, tuple[str, bytes, bytes | None]], *,
    decision: str,
) -> dict[str, str]:
    """Check ``{path: (member, content, signature or None)}`` of ``decision``; return
    ``{path: reason}``."""
    refused: dict[str, str] = {}
    to_check: dict[str, tuple[str, str, bytes, bytes]] = {}
    for path, (member, content, signature) in signed.items():
        if signature is None:
            refused[path] = f"non signé : « {path.rsplit('/', 1)[-1]}{SIGNATURE_SUFFIX} » absent"
        elif member in members and not members[member].cles_ssh:
            refused[path] = f"aucune clé SSH déclarée pour « {member} » à l'ouverture du vote"
        else:
            to_check[path] = (member, namespace(decision, member), content, signature)
    if not to_check:
        return refused
    verified = ssh.verify(allowed_signers(members, decision), to_check)
    for path, (member, _, _, _) in sorted(to_check.items()):
        if not verified[path]:
            refused[path] = (
                f"signature refusée : ce n'est pas une signature de « {member} » pour la "
                f"décision « {decision} » avec une clé déclarée à l'ouverture (signature "
                "faite pour une autre décision ou un autre membre, ou fichier modifié après "
                "signature)"
            )
    return refused


def sign(content: bytes, name: str, key: Path, *, decision: str) -> str:
    """The signature of the ballot or proxy named ``name`` (``<member>.yaml``) of
    ``decision`` (``ssh-keygen -Y sign`` in its namespace). A French ``BouquetError`` when the
    key is missing or ``ssh-keygen`` refuses."""
    member = name.removesuffix(".yaml")
    return ssh.sign(content, name, key, namespace(decision, member))
