"""From raw governance files (path → bytes) to typed records, with French reasons.

Pure: the bytes come from git blobs or the working tree; nothing here touches the disk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bouquet.content.reading.loader import load_yaml as careful_yaml
from bouquet.diagnostics.record import Severity
from bouquet.governance.models import MEMBER_ID_PATTERN, Bulletin, Procuration
from bouquet.governance.result import Ballot, Excluded, Proxy

GOVERNANCE_DIR = "governance"
MEMBERS_FILE = f"{GOVERNANCE_DIR}/membres.yaml"
INSTANCES_DIR = f"{GOVERNANCE_DIR}/instances"
DECISIONS_DIR = f"{GOVERNANCE_DIR}/decisions"
BALLOTS = "bulletins"
PROXIES = "procurations"

M = TypeVar("M", bound=BaseModel)


class InvalidFile(Exception):
    """A governance file that cannot be read as its model; the message is French."""


def instance_path(instance_id: str) -> str:
    return f"{INSTANCES_DIR}/{instance_id}.yaml"


# The common one-line ballot or proxy (``choix: pour``, ``mandataire: zoomacom``), comments
# and blank lines allowed: read without a YAML parser. Anything else goes to the careful loader.
_ONE_LINE = re.compile(
    rb"\A(?:[ \t]*(?:#[^\n]*)?\n)*(choix|mandataire): ([a-z][a-z0-9_-]*)[ \t]*(?:[ \t]#[^\n]*)?"
    rb"\n(?:[ \t]*(?:#[^\n]*)?\n)*\Z"
)
_YAML_WORDS = {b"y", b"n", b"yes", b"no", b"on", b"off", b"true", b"false", b"null"}


def load_yaml(data: bytes) -> object:
    """Plain data of a YAML file read by the shared careful loader
    (``bouquet.content.reading.loader``): duplicate keys, anchors, aliases, tags,
    wrong encodings and huge files are refused."""
    match = _ONE_LINE.match(data)
    if match is not None and match.group(2) not in _YAML_WORDS:
        return {match.group(1).decode(): match.group(2).decode()}
    document, found = careful_yaml("", data)
    errors = [d for d in found if d.severity is Severity.ERROR]
    if document is None or errors:
        first = errors[0] if errors else None
        where = f" (ligne {first.line}, colonne {first.column})" if first and first.line else ""
        raise InvalidFile((first.message if first else "YAML illisible") + where)
    return document.value


def load_model(model: type[M], data: bytes, path: str) -> M:
    """Parse ``data`` as ``model`` or raise ``InvalidFile`` with a French message."""
    try:
        return model.model_validate(load_yaml(data))
    except InvalidFile as exc:
        raise InvalidFile(f"{path} : {exc}") from exc
    except ValidationError as exc:
        raise InvalidFile(f"{path} : {explain(exc)}") from exc


def explain(exc: ValidationError) -> str:
    """One French sentence for the first problem pydantic found."""
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in error["loc"]) or "document"
    kind = error["type"]
    if kind == "missing":
        return f"champ obligatoire « {where} » absent"
    if kind == "extra_forbidden":
        return f"champ inconnu « {where} »"
    if kind == "enum" and where == "choix":
        return f"choix « {error['input']} » inconnu"
    if kind == "model_type":
        return "le fichier doit contenir des champs « clé: valeur »"
    if kind == "value_error":
        return f"{where} : {str(error['msg']).removeprefix('Value error, ')}"
    if kind == "enum":
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
        return (f"« {where} » vaut « {error['input']} » ; valeurs possibles : "
                f"{expected.replace(' or ', ' ou ')}")
    field = str(error["loc"][-1]) if error["loc"] else ""
    if kind == "string_pattern_mismatch" or (kind == "string_type" and field in _FORMS):
        form = _FORMS.get(field, "voir docs/gouvernance.md")
        return f"« {where} » vaut « {error['input']} » ; forme attendue : {form}"
    return f"valeur refusée pour « {where} »"


_FORMS = {  # what each patterned field looks like, for the message
    "publication": "l'étiquette de la version avec son v, ex. v1.2.0",
    "id": "minuscules, chiffres et tirets, ex. comite-du-commun",
}


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
    for path in sorted(candidates, key=lambda p: (orders.get(p, 0), p)):
        kind, member = submission_kind(folder, path) or ("", "")
        reason = _refusal(member, kind, seen, refused.get(path))
        if reason is None:
            try:
                if kind == BALLOTS:
                    ballots.append(Ballot(member, path, load_model(Bulletin, files[path], path)))
                else:
                    proxy = load_model(Procuration, files[path], path)
                    proxies.append(Proxy(member, path, proxy.mandataire, orders.get(path, 0)))
            except InvalidFile as exc:
                reason = f"fichier mal formé : {str(exc).removeprefix(path + ' : ')}"
        if reason is not None:
            excluded.append(Excluded(path, reason))
        seen.add((kind, member))
    return Submissions(tuple(ballots), tuple(proxies), tuple(excluded))


def _refusal(member: str, kind: str, seen: set[tuple[str, str]], refused: str | None) -> str | None:
    if not re.match(MEMBER_ID_PATTERN, member):
        return f"nom de fichier invalide : « {member} » n'est pas un identifiant de membre"
    if (kind, member) in seen:
        return f"doublon : « {member} » a déjà un fichier (la casse ne compte pas)"
    return refused


def submission_kind(folder: str, path: str) -> tuple[str, str] | None:
    """``("bulletins", member)`` or ``("procurations", member)`` for a submission file."""
    prefix = folder.rstrip("/") + "/"
    if not path.startswith(prefix) or not path.endswith(".yaml"):
        return None
    parts = path[len(prefix):].split("/")
    if len(parts) != 2 or parts[0] not in (BALLOTS, PROXIES):
        return None
    return parts[0], parts[1].removesuffix(".yaml").lower()
