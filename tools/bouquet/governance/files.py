"""From raw governance files (path → bytes) to typed records, with French reasons.

Pure: the bytes come from git blobs or the working tree; nothing here touches the disk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel

from bouquet.content.reading.loader import load_yaml
from bouquet.diagnostics.record import Severity
from bouquet.errors import BouquetError
from bouquet.governance.models import MEMBER_ID_PATTERN, Bulletin, Procuration
from bouquet.governance.parsing import parse, reasons
from bouquet.governance.result import Ballot, Excluded, Proxy

GOVERNANCE_DIR = "governance"
MEMBERS_FILE = f"{GOVERNANCE_DIR}/membres.yaml"
INSTANCES_DIR = f"{GOVERNANCE_DIR}/instances"
DECISIONS_DIR = f"{GOVERNANCE_DIR}/decisions"
BALLOTS = "bulletins"
PROXIES = "procurations"

M = TypeVar("M", bound=BaseModel)


def instance_path(instance_id: str) -> str:
    return f"{INSTANCES_DIR}/{instance_id}.yaml"


def plain_data(path: str, data: bytes) -> object | None:
    """Plain data of a governance file read by the one positioned loader, or None when it
    cannot be read without an error (its diagnostics are ``bouquet validate``'s job)."""
    document, found = load_yaml(path, data)
    if document is None or any(d.severity is Severity.ERROR for d in found):
        return None
    return document.value


def load_model(model: type[M], data: bytes, path: str) -> M:
    """Parse ``data`` as ``model``, or raise ``BouquetError`` naming every problem."""
    parsed = parse(model, path, data)
    if parsed.record is None or parsed.errors:
        raise BouquetError(f"{path} : {reasons(parsed.diagnostics)}")
    return parsed.record


@dataclass(frozen=True, slots=True)
class Submissions:
    ballots: tuple[Ballot, ...]
    proxies: tuple[Proxy, ...]
    excluded: tuple[Excluded, ...]


def read_submissions(
    folder: str,
    files: Mapping[str, bytes],
    *,
    orders: Mapping[str, int] | None = None,
    refused: Mapping[str, str] | None = None,
) -> Submissions:
    """Ballots and proxies of ``folder``; ``refused`` maps path → reason (signature)."""
    orders, refused = orders or {}, refused or {}
    ballots: list[Ballot] = []
    proxies: list[Proxy] = []
    excluded: list[Excluded] = []
    seen: set[tuple[str, str]] = set()
    candidates = [p for p in files if submission_kind(folder, p) is not None]
    # A file named in lower case comes before its case variants, and only an accepted file
    # makes the others « doublon »: an unsigned or malformed variant never voids a valid one.
    for path in sorted(candidates, key=lambda p: (orders.get(p, 0), p != p.lower(), p)):
        kind, member = submission_kind(folder, path) or ("", "")
        reason = _refusal(member, kind, seen, refused.get(path))
        if reason is None:
            parsed = parse(Bulletin if kind == BALLOTS else Procuration, path, files[path])
            if parsed.errors:
                reason = f"fichier mal formé : {reasons(parsed.diagnostics)}"
            elif isinstance(parsed.record, Bulletin):
                ballots.append(Ballot(member, path, parsed.record))
            elif isinstance(parsed.record, Procuration):
                proxies.append(Proxy(member, path, parsed.record.mandataire, orders.get(path, 0)))
        if reason is not None:
            excluded.append(Excluded(path, reason))
        else:
            seen.add((kind, member))
    return Submissions(tuple(ballots), tuple(proxies), tuple(excluded))


def _refusal(member: str, kind: str, seen: set[tuple[str, str]], refused: str | None) -> str | None:
    if not re.match(MEMBER_ID_PATTERN, member):
        return f"nom de fichier invalide : « {member} » n'est pas un identifiant de membre"
    if (kind, member) in seen:
        return f"doublon : « {member} » a déjà un fichier (la casse ne compte pas)"
    return refused


def name_key(name: str) -> str:
    """A file name as a case-insensitive, normalising file system sees it: two names with the
    same key are the same file there, and a trap everywhere else."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def submission_kind(folder: str, path: str) -> tuple[str, str] | None:
    """``("bulletins", member)`` or ``("procurations", member)`` for a submission file."""
    prefix = folder.rstrip("/") + "/"
    if not path.startswith(prefix) or not path.endswith(".yaml"):
        return None
    parts = path[len(prefix):].split("/")
    if len(parts) != 2 or parts[0] not in (BALLOTS, PROXIES):
        return None
    return parts[0], parts[1].removesuffix(".yaml").lower()
