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
           "normalised",
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
    allowed = allowed_signers(members, decision)
    verified = ssh.verify(allowed, to_check)
    failed = {p: job for p, job in to_check.items() if not verified[p]}
    twins = {p: (m, ns, twin, s) for p, (m, ns, c, s) in failed.items()
             if (twin := _other_line_endings(c)) is not None}
    twin_verified = ssh.verify(allowed, twins) if twins else {}
    for path, (member, _, content, _) in sorted(failed.items()):
        if twin_verified.get(path):
            refused[path] = _line_endings_reason(content)
        else:
            refused[path] = (
                f"signature refusée : ce n'est pas une signature de « {member} » pour la "
                f"décision « {decision} » avec une clé déclarée à l'ouverture (signature "
                "faite pour une autre décision ou un autre membre, ou fichier modifié après "
                "signature)"
            )
    return refused


def _other_line_endings(content: bytes) -> bytes | None:
    """The same text with the other platform's line endings (CRLF ↔ LF), if it has lines."""
    if b"\r\n" in content:
        return content.replace(b"\r\n", b"\n")
    if b"\n" in content:
        return content.replace(b"\n", b"\r\n")
    return None


def _line_endings_reason(content: bytes) -> str:
    """The signature is right but was made over the other line endings: git converted them
    (``core.autocrlf``, the default of Git for Windows)."""
    if b"\r\n" in content:
        found, signed = "Windows (CRLF)", "Unix (LF)"
    else:
        found, signed = "Unix (LF)", "Windows (CRLF)"
    return (f"signature refusée à cause des fins de ligne : le fichier a des fins de ligne "
            f"{found}, mais il a été signé avec des fins de ligne {signed} (conversion de git, "
            "core.autocrlf) ; signez-le de nouveau avec « bouquet vote sign », qui enregistre "
            "des fins de ligne Unix (LF), et validez les deux fichiers")


def normalised(content: bytes) -> bytes:
    """A ballot or proxy as it is signed and kept: Unix line endings (LF), whatever the
    platform that saved it, so that git's conversions never change the signed bytes."""
    return content.replace(b"\r\n", b"\n")


def sign(content: bytes, name: str, key: Path, *, decision: str) -> str:
    """The signature of the ballot or proxy named ``name`` (``<member>.yaml``) of
    ``decision`` (``ssh-keygen -Y sign`` in its namespace). A French ``BouquetError`` when the
    key is missing or ``ssh-keygen`` refuses."""
    member = name.removesuffix(".yaml")
    return ssh.sign(content, name, key, namespace(decision, member))
