"""`bouquet validate` checks for governance files (BQ3xx), located by file:line:column.

Pure over ``{repo-relative path: bytes}``; what history says about sealed decisions comes in
as ``sealed`` (``{decision folder: {path: bytes at the seal}}``), gathered by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from pydantic import BaseModel

from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic, Severity
from bouquet.governance.coherence import instance_problems, quorum_reachability
from bouquet.governance.files import DECISIONS_DIR, INSTANCES_DIR, MEMBERS_FILE
from bouquet.governance.minutes import typo
from bouquet.governance.models import Decision, Instance, Membre, Membres, Statut
from bouquet.governance.parsing import parse
from bouquet.governance.positions import Located, locate
from bouquet.governance.votes_checks import check_decision

_PROBLEM_CODES = {"roster": "BQ303", "total": "BQ304", "range": "BQ305", "college": "BQ306",
                  "casting": "BQ317"}


@dataclass(frozen=True, slots=True)
class Parsed:
    path: str
    located: Located
    record: BaseModel


def is_governance_path(path: str) -> bool:
    return path.startswith("governance/") and path.endswith(".yaml")


def check_governance(
    sources: Mapping[str, bytes], *, sealed: Mapping[str, Mapping[str, bytes]] | None = None,
    seals: Mapping[str, str] | None = None,
) -> Iterator[Diagnostic]:
    """Every problem of every governance file of ``sources``; ``seals`` maps a sealed
    decision folder to its seal commit."""
    diagnostics: list[Diagnostic] = []
    members = _members(sources, diagnostics)
    instances: dict[str, Instance] = {}
    for path in sorted(p for p in sources if p.startswith(INSTANCES_DIR + "/")):
        parsed = _parse(Instance, path, sources[path], diagnostics)
        if parsed is None or not isinstance(parsed.record, Instance):
            continue
        instance = parsed.record
        if path != f"{INSTANCES_DIR}/{instance.id}.yaml":
            diagnostics.append(_at(parsed, "BQ308", f"l'identifiant « {instance.id} » ne "
                                   "correspond pas au nom du fichier", "id"))
        instances[instance.id] = instance
        if members is not None:
            for problem in instance_problems(instance, members):
                code = _PROBLEM_CODES[problem.kind]
                diagnostics.append(_at(parsed, code, problem.message, *problem.where))
            reach = quorum_reachability(instance, members)
            if reach.reason is not None:
                diagnostics.append(_at(parsed, "BQ330", reach.reason, "regles", "signature"))
    for path in sorted(p for p in sources if _is_decision_file(p)):
        parsed = _parse(Decision, path, sources[path], diagnostics)
        if parsed is not None and isinstance(parsed.record, Decision):
            folder = path.rsplit("/", 1)[0]
            found = list(check_decision(
                folder, parsed.located, parsed.record, instances, members or {}, sources,
                (sealed or {}).get(folder),
            ))
            if parsed.record.statut is Statut.CLOSE:
                found = [_archived(d, folder) for d in found]
            elif folder in (seals or {}):
                found.append(_reopened(parsed, (seals or {})[folder]))
            diagnostics.extend(found)
    yield from sorted(diagnostics, key=Diagnostic.sort_key)


# Still an error once the decision is sealed: changing the record after the seal.
_AFTER_SEAL = frozenset({"BQ315"})


def _archived(diagnostic: Diagnostic, folder: str) -> Diagnostic:
    """A sealed decision is a record: a malformed ballot or proxy in it was excluded from the
    tally with its reason, and must neither be rewritten nor block the bouquet's validation."""
    ballot = diagnostic.path.startswith((f"{folder}/bulletins/", f"{folder}/procurations/"))
    if (not ballot or diagnostic.severity is not Severity.ERROR
            or diagnostic.code in _AFTER_SEAL):
        return diagnostic
    return replace(diagnostic, severity=Severity.WARNING,
                   message=f"{diagnostic.message} (décision close : écarté du dépouillement)",
                   hint=typo("Rien à corriger : le procès-verbal de la décision liste cet "
                             "élément parmi les éléments écartés, avec sa raison."))


def _reopened(parsed: Parsed, seal: str) -> Diagnostic:
    """A sealed decision set back to ``ouverte``: the first seal still decides (the tally
    stays final there), and nothing added since will ever count."""
    return _at(parsed, "BQ320", f"décision rouverte après son scellé (commit {seal[:12]}) : "
               "le vote reste clos à ce commit, et les bulletins ou procurations ajoutés "
               "depuis ne seront jamais comptés", "statut")


def _is_decision_file(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 4 and path.startswith(DECISIONS_DIR + "/") and parts[3] == "decision.yaml"


def _members(sources: Mapping[str, bytes], out: list[Diagnostic]) -> dict[str, Membre] | None:
    if MEMBERS_FILE not in sources:
        return None
    data = sources[MEMBERS_FILE]
    located, _ = locate(MEMBERS_FILE, data)
    if located is not None and isinstance(located.data, dict):
        seen: dict[str, int] = {}
        for index, entry in enumerate(located.data.get("membres") or []):
            raw = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(raw, str) and raw.lower() in seen:
                line, column = located.at("membres", index, "id")
                out.append(diag("BQ302", MEMBERS_FILE, line, column, typo(
                    f"identifiant « {raw} » en double (déjà à l'entrée {seen[raw.lower()] + 1} ; "
                    "la casse ne compte pas)")))
            elif isinstance(raw, str):
                seen[raw.lower()] = index
    parsed = _parse(Membres, MEMBERS_FILE, data, out, quiet_duplicates=True)
    if parsed is None or not isinstance(parsed.record, Membres):
        return None
    return parsed.record.by_id()


def _parse(
    model: type[BaseModel], path: str, data: bytes, out: list[Diagnostic], *,
    quiet_duplicates: bool = False,
) -> Parsed | None:
    parsed = parse(model, path, data)
    out.extend(d for d in parsed.diagnostics
               if not (quiet_duplicates and d.code == "BQ301" and "en double" in d.message))
    if parsed.record is None or parsed.located is None:
        return None
    return Parsed(path, parsed.located, parsed.record)


def _at(parsed: Parsed, code: str, message: str, *where: str | int) -> Diagnostic:
    line, column = parsed.located.at(*where)
    return diag(code, parsed.path, line, column, typo(message),
                json_path="$" + "".join(f"[{w}]" if isinstance(w, int) else f".{w}"
                                        for w in where))

