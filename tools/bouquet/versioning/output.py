"""Text and JSON renderings of a ``VersionReport`` (pure; the commands print them)."""

from __future__ import annotations

import json

from bouquet import fr
from bouquet.diagnostics.render import diagnostic_json, diagnostic_text
from bouquet.versioning.changes import Change, Scope
from bouquet.versioning.compute import VersionReport
from bouquet.versioning.rules import Bump


def change_json(change: Change) -> dict[str, object]:
    return {
        "module": change.target if change.scope is Scope.MODULE else None,
        "rule": change.rule, "bump": change.bump.label, "kind": change.kind.value,
        "path": change.path, "before": change.before, "after": change.after,
        "message": change.message, "blocking": change.blocking,
        "scope": change.scope.value, "target": change.target, "title": change.title,
        "field": change.field,
    }


def report_json(report: VersionReport) -> str:
    document = {
        "current": str(report.current) if report.current else None,
        "next": str(report.next), "bump": report.bump.label,
        "from": report.from_rev, "to": report.to_rev,
        "from_commit": report.from_commit, "to_commit": report.to_commit,
        "changes": [change_json(c) for c in report.changes],
        "blocking": sum(1 for c in report.changes if c.blocking),
        "diagnostics": [diagnostic_json(d) for d in report.diagnostics],
        "warnings": list(report.warnings),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def version_line(report: VersionReport) -> str:
    current = str(report.current) if report.current else "aucune (pas encore de version publiée)"
    return f"Version actuelle{fr.NNBSP}: {current}"


def next_line(report: VersionReport) -> str:
    if report.has_errors:
        return (f"Prochaine version{fr.NNBSP}: incertaine, le contenu a des erreurs (voir "
                "ci-dessus) ; les fichiers en erreur ne sont pas comptés")
    if report.bump is Bump.NONE and report.current is not None:
        return f"Prochaine version{fr.NNBSP}: aucune, rien à publier depuis {report.current}"
    if report.current is None:
        return f"Prochaine version{fr.NNBSP}: {report.next} (première version publiée)"
    return f"Prochaine version{fr.NNBSP}: {report.next} (évolution {report.bump.french})"


def report_text(report: VersionReport) -> str:
    since = report.from_rev or "le début de l'historique"
    lines = [version_line(report), next_line(report), ""]
    shown = [c for c in report.changes]
    if not shown:
        lines.append(f"Aucun changement depuis {since}.")
    else:
        lines.append(f"Changements depuis {since} jusqu'à {report.to_rev} ({len(shown)})"
                     f"{fr.NNBSP}:")
        for change in shown:
            mark = " [BLOQUANT]" if change.blocking else ""
            lines.append(f"  [{change.bump.french}] {change.target} — {change.message}"
                         f" ({change.rule}){mark}")
    if report.blocking:
        blocking = fr.count(len(report.blocking), "changement bloquant",
                            "changements bloquants")
        lines += ["", f"{blocking} (marqués [BLOQUANT] ci-dessus) : cette version ne "
                  "pourrait pas être publiée. Réglez-les avant de fusionner."]
    return fr.typography("\n".join(lines) + "\n")


def problems_text(report: VersionReport) -> str:
    """What ``version`` and ``notes`` print on stderr: the warnings, then the diagnostics."""
    warnings = "".join(f"Avertissement : {w}\n" for w in report.warnings)
    return fr.typography(warnings + "".join(map(diagnostic_text, report.diagnostics)))
