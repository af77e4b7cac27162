"""The overview a newcomer wants first (pure): modules by statut and famille, validation
verdict, current and next version. ``bouquet status`` gathers the inputs and prints."""

from __future__ import annotations

import enum
import json
from collections import Counter
from dataclasses import dataclass

from bouquet import fr
from bouquet.content.catalogue import Catalogue
from bouquet.content.model import Statut
from bouquet.diagnostics.record import Diagnostic, Severity
from bouquet.versioning.changes import ModuleVersion

STATUT_LABELS = {
    Statut.VALIDE: ("validé", "validés"),
    Statut.EXPERIMENTATION: ("en expérimentation", "en expérimentation"),
    Statut.BROUILLON: ("brouillon", "brouillons"),
    Statut.DEPRECIE: ("déprécié", "dépréciés"),
}


class GitState(enum.StrEnum):
    OK = "ok"
    NO_REPOSITORY = "no-repository"
    NO_COMMITS = "no-commits"
    ERROR = "error"


@dataclass(frozen=True)
class VersionSummary:
    current: str | None
    next: str
    bump: str  # none | patch | minor | major
    bump_french: str
    since: str | None
    changes: int
    blocking: int
    content_errors: int = 0  # errors in the committed content: its files are not counted


@dataclass(frozen=True)
class Status:
    modules: int
    by_statut: tuple[tuple[Statut, int], ...]
    by_famille: tuple[tuple[str, str, int], ...]  # (id, libellé, count)
    errors: int
    warnings: int
    git_state: GitState
    git_message: str
    version: VersionSummary | None
    dirty: bool
    module_versions: tuple[ModuleVersion, ...] = ()


def summarise(
    catalogue: Catalogue, diagnostics: list[Diagnostic], git_state: GitState,
    git_message: str, version: VersionSummary | None, dirty: bool,
    module_versions: tuple[ModuleVersion, ...] = (),
) -> Status:
    statuts = Counter(m.statut for m in catalogue.modules.values())
    familles = Counter(m.famille for m in catalogue.modules.values())
    vocabulary = catalogue.vocabularies.get("familles")
    labelled = [(f, vocabulary.label(f) if vocabulary else f, n) for f, n in familles.items()]
    return Status(
        modules=len(catalogue.modules),
        by_statut=tuple((s, statuts.get(s, 0)) for s in STATUT_LABELS),
        by_famille=tuple(sorted(labelled, key=lambda x: fr.collation_key(x[1]))),
        errors=sum(d.severity is Severity.ERROR for d in diagnostics),
        warnings=sum(d.severity is Severity.WARNING for d in diagnostics),
        git_state=git_state, git_message=git_message, version=version, dirty=dirty,
        module_versions=tuple(sorted(module_versions,
                                     key=lambda m: (fr.collation_key(m.title), m.id))),
    )


def render_text(status: Status) -> str:
    colon = f"{fr.NNBSP}:"
    counts = ", ".join(
        f"{n} {STATUT_LABELS[s][1 if n > 1 else 0]}" for s, n in status.by_statut if n)
    lines = [f"Modules{colon} {status.modules}" + (f" ({counts})" if counts else "")]
    if status.by_famille:
        lines.append(f"Par famille{colon}")
        lines += [f"  {label}{colon} {n}" for _, label, n in status.by_famille]
    lines.append(_verdict(status))
    lines += _version_lines(status)
    lines += _module_version_lines(status)
    return fr.typography("\n".join(lines) + "\n")


def _module_version_lines(status: Status) -> list[str]:
    colon = f"{fr.NNBSP}:"
    if not status.module_versions:
        return []
    lines = [f"Versions des modules publiés (dernière version → prochaine){colon}"]
    for item in status.module_versions:
        if item.previous is None:
            value = f"{item.version} (première publication)"
        elif item.previous == item.version:
            value = item.previous
        else:
            value = f"{item.previous} → {item.version}"
        lines.append(f"  {item.title} ({item.id}){colon} {value}")
    return lines


def _verdict(status: Status) -> str:
    colon = f"{fr.NNBSP}:"
    warn = (f", {status.warnings} avertissement{'s' if status.warnings > 1 else ''}"
            if status.warnings else "")
    if status.errors:
        return (f"Validation{colon} à corriger — {status.errors} erreur"
                f"{'s' if status.errors > 1 else ''}{warn} ; détail avec « bouquet validate ».")
    return f"Validation{colon} conforme{warn}."


def _version_lines(status: Status) -> list[str]:
    colon = f"{fr.NNBSP}:"
    version = status.version
    if version is None:
        return [f"Version{colon} {status.git_message}"]
    current = version.current or "aucune (pas encore de version publiée)"
    lines = [f"Version actuelle{colon} {current}"]
    if version.bump == "none" and version.current:
        lines.append(f"Prochaine version{colon} rien à publier depuis {version.current}.")
    else:
        blocking = (f", dont {fr.count(version.blocking, 'bloquant')}" if version.blocking
                    else "")
        since = f" depuis {version.since}" if version.since else ""
        kind = (f"évolution {version.bump_french}" if version.current
                else "première version publiée")
        lines.append(f"Prochaine version{colon} {version.next} ({kind}{colon} "
                     f"{fr.count(version.changes, 'changement')}{since}{blocking}) ; détail avec "
                     "« bouquet version » et « bouquet notes ».")
    if version.content_errors:
        lines.append(f"  Version incertaine{colon} le contenu commité a "
                     f"{fr.count(version.content_errors, 'erreur')}, ses fichiers ne sont "
                     "pas comptés ; détail avec « bouquet version ».")
    if status.dirty:
        lines.append("  Modifications pas encore validées (git commit) : non comptées dans la "
                     "version (elle se calcule sur le dernier commit) ; « bouquet version "
                     "--inclure-non-commite » les compte.")
    return lines


def render_json(status: Status) -> str:
    version = status.version
    document = {
        "modules": {
            "total": status.modules,
            "by_statut": {s.value: n for s, n in status.by_statut},
            "by_famille": {f: n for f, _, n in status.by_famille},
        },
        "validation": {"ok": status.errors == 0, "errors": status.errors,
                       "warnings": status.warnings},
        "git": {"state": status.git_state.value, "message": status.git_message,
                "uncommitted_changes": status.dirty},
        "version": None if version is None else {
            "current": version.current, "next": version.next, "bump": version.bump,
            "from": version.since, "changes": version.changes, "blocking": version.blocking,
        },
        "module_versions": [{"id": m.id, "current": m.previous, "next": m.version}
                            for m in status.module_versions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
