"""French release notes of a version report: pure rendering to Markdown and JSON.

Sections follow the kinds of change (Ajouté, Modifié, Obsolète, Supprimé, Corrigé,
Sécurité); inside them, records are grouped under their title, ordered by a locale-free
French collation (``bouquet.fr.collation_key``). Changes that require no bump (drafts,
formatting, tracking metadata) are left out. The date is an argument (by default the
committer date of ``--to``), so rerunning on the same revisions gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from bouquet import fr
from bouquet.diagnostics.printable import markdown_code
from bouquet.diagnostics.printable import markdown_inline as md
from bouquet.versioning.changes import Change, ModuleVersion, Scope
from bouquet.versioning.compute import VersionReport
from bouquet.versioning.credits import Credits, Target
from bouquet.versioning.rules import Bump, Kind

SCOPE_ORDER = {Scope.MODULE: 0, Scope.VOCABULAIRE: 1, Scope.SCHEMA: 2}


@dataclass(frozen=True)
class Group:
    scope: Scope
    target: str
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    kind: Kind
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Notes:
    version: str
    previous: str | None
    quarter: str
    date: dt.date
    bump: Bump
    sections: tuple[Section, ...]
    blocking: tuple[str, ...]
    credits: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, names)
    contributors: tuple[str, ...]
    module_versions: tuple[ModuleVersion, ...] = ()
    structures: tuple[str, ...] = ()  # named in ``contributeurs`` of the changed modules
    approval: tuple[str, str] | None = None  # (decision id, seal commit) of a release


def heading(scope: Scope, title: str) -> str:
    if scope is Scope.VOCABULAIRE:
        return f"Vocabulaire {fr.quote(title)}"
    return title


def build(
    report: VersionReport, credits: Credits, date: dt.date | None = None,
    module_versions: Iterable[ModuleVersion] = (),
) -> Notes:
    when = date or report.date
    visible = [c for c in report.changes if c.bump is not Bump.NONE]
    sections = tuple(
        Section(kind, _groups([c for c in visible if c.kind is kind]))
        for kind in Kind if any(c.kind is kind for c in visible)
    )
    return Notes(
        version=str(report.next), previous=str(report.current) if report.current else None,
        quarter=fr.quarter(when), date=when, bump=report.bump, sections=sections,
        blocking=tuple(f"{heading(c.scope, c.title)} : {c.message}" for c in report.blocking),
        credits=_credits_by_heading(credits, visible), contributors=credits.overall,
        module_versions=tuple(sorted(module_versions,
                                     key=lambda m: (fr.collation_key(m.title), m.id))),
        structures=_structures(credits, visible),
    )


def _structures(credits: Credits, visible: list[Change]) -> tuple[str, ...]:
    changed = {c.target for c in visible if c.scope is Scope.MODULE}
    names = {n for module, found in credits.structures.items() if module in changed
             for n in found}
    return tuple(sorted(names, key=fr.collation_key))


VOCABULARIES_HEADING = "Vocabulaires"


def _group_key(change: Change) -> Target:
    """Vocabulary changes share one group: their messages name the vocabulary already."""
    if change.scope is Scope.VOCABULAIRE:
        return (Scope.VOCABULAIRE, "vocabulaires")
    return (change.scope, change.target)


def _groups(changes: list[Change]) -> tuple[Group, ...]:
    by_target: dict[Target, list[Change]] = {}
    for change in changes:
        by_target.setdefault(_group_key(change), []).append(change)
    groups = [
        Group(scope, target, _group_heading(items[0]), tuple(c.message for c in items))
        for (scope, target), items in by_target.items()
    ]
    return tuple(sorted(groups, key=lambda g: (SCOPE_ORDER[g.scope],
                                               fr.collation_key(g.heading), g.target)))


def _group_heading(change: Change) -> str:
    if change.scope is Scope.VOCABULAIRE:
        return VOCABULARIES_HEADING
    return heading(change.scope, change.title)


def _credits_by_heading(credits: Credits, visible: list[Change]) -> tuple[
        tuple[str, tuple[str, ...]], ...]:
    headings: dict[Target, str] = {(c.scope, c.target): _group_heading(c) for c in visible}
    merged: dict[str, list[str]] = {}
    for target, names in credits.by_target.items():
        if target in headings and names:
            bucket = merged.setdefault(headings[target], [])
            bucket.extend(n for n in names if n not in bucket)
    ordered = sorted(merged.items(), key=lambda item: fr.collation_key(item[0]))
    return tuple((title, tuple(sorted(names, key=fr.collation_key)))
                 for title, names in ordered)


MINUTES = "governance/decisions/{}/proces-verbal.md"


def approval_sentence(notes: Notes) -> str | None:
    """Which decision approved the release, where it was sealed, where its minutes are."""
    if notes.approval is None:
        return None
    decision, seal = notes.approval
    return (f"Approuvée par la décision {fr.quote(md(decision))} du comité, scellée au commit "
            f"{markdown_code(seal[:12])}{fr.NNBSP}; procès-verbal{fr.NNBSP}: "
            f"{markdown_code(MINUTES.format(decision))}.")


def render_markdown(notes: Notes) -> str:
    lines = [f"# {notes.quarter} — version {notes.version}", "", _intro(notes), ""]
    approval = approval_sentence(notes)
    if approval is not None:
        lines += [approval, ""]
    if notes.blocking:
        lines += ["> **À régler avant publication**" + fr.NNBSP + ":", ">"]
        lines += [f"> - {md(item)}" for item in notes.blocking] + [""]
    if not notes.sections:
        lines += ["Aucun changement du contenu publié.", ""]
    for section in notes.sections:
        lines += [f"## {section.kind.heading}", ""]
        for group in section.groups:
            lines += [f"### {md(group.heading)}", ""] + [f"- {md(item)}" for item in group.items]
            lines.append("")
    lines += _module_version_lines(notes)
    if notes.contributors or notes.structures:
        lines += ["## Contributions", ""]
        lines += [f"- {md(title)}{fr.NNBSP}: {md(fr.enumeration(names))}."
                  for title, names in notes.credits]
        if notes.credits:
            lines.append("")
        if notes.structures:
            lines += ["Merci aux structures qui ont écrit les modules modifiés"
                      f"{fr.NNBSP}: {md(fr.enumeration(notes.structures))}.", ""]
        if notes.contributors:
            lines += [f"Merci à {md(fr.enumeration(notes.contributors))}.", ""]
    return fr.typography("\n".join(lines))


def render_changelog(notes: Notes) -> str:
    """The body of a ``CHANGELOG.md`` section in Keep a Changelog form: a description (name,
    approval, module versions, credits), then one ``### <kind>`` per kind of change with one
    list item per change (« Titre : message »), and no deeper heading, so that changelog
    parsers read every release."""
    lines = [f"**{md(notes.quarter)}**. {_intro(notes)}"]
    approval = approval_sentence(notes)
    if approval is not None:
        lines.append(approval)
    lines.append("")
    if notes.module_versions:
        lines += [f"**Versions des modules**{fr.NNBSP}:", ""]
        lines += [line for line in _module_version_lines(notes)[2:] if line] + [""]
    if notes.credits or notes.structures or notes.contributors:
        credited = [f"{md(title)} ({md(fr.enumeration(names))})" for title, names in notes.credits]
        people = notes.contributors or tuple(n for _, names in notes.credits for n in names)
        if notes.structures:
            lines.append(f"Structures{fr.NNBSP}: {md(fr.enumeration(notes.structures))}.")
        if people:
            lines.append(f"Merci à {md(fr.enumeration(people))}.")
        if credited:
            lines.append(f"Contributions{fr.NNBSP}: {f'{fr.NNBSP}; '.join(credited)}.")
        lines.append("")
    for section in notes.sections:
        lines += [f"### {section.kind.heading}", ""]
        for group in section.groups:
            prefix = "" if group.scope is Scope.VOCABULAIRE else f"{md(group.heading)}{fr.NNBSP}: "
            lines += [f"- {prefix}{md(item)}" for item in group.items]
        lines.append("")
    return fr.typography("\n".join(lines).rstrip("\n") + "\n")


def _module_version_lines(notes: Notes) -> list[str]:
    if not notes.module_versions:
        return []
    lines = ["## Versions des modules", ""]
    for item in notes.module_versions:
        value = (f"{item.previous} → {item.version}" if item.previous
                 else f"{item.version} (première publication)")
        lines.append(f"- {md(item.title)} ({markdown_code(item.id)}){fr.NNBSP}: {value}")
    return [*lines, ""]


def _intro(notes: Notes) -> str:
    if notes.previous is None:
        return f"Version du {fr.date(notes.date)}{fr.NNBSP}: première version publiée."
    if notes.bump is Bump.NONE:  # not « version 1.0.0 depuis la version 1.0.0 »
        return f"Aucune évolution depuis la version {notes.previous} ({fr.date(notes.date)})."
    return (f"Version du {fr.date(notes.date)}, depuis la version {notes.previous}"
            f"{fr.NNBSP}: évolution {notes.bump.french}.")


def render_json(notes: Notes) -> str:
    document = {
        "version": notes.version, "previous": notes.previous, "quarter": notes.quarter,
        "date": notes.date.isoformat(), "bump": notes.bump.label,
        "blocking": list(notes.blocking),
        "sections": [
            {"kind": s.kind.value, "heading": s.kind.heading,
             "groups": [_group_json(g) for g in s.groups]}
            for s in notes.sections
        ],
        "credits": [{"title": t, "names": list(n)} for t, n in notes.credits],
        "contributors": list(notes.contributors),
        "structures": list(notes.structures),
        "module_versions": [{"id": m.id, "title": m.title, "previous": m.previous,
                             "version": m.version} for m in notes.module_versions],
        "approval": None if notes.approval is None else {
            "decision": notes.approval[0], "seal_commit": notes.approval[1]},
        "markdown": render_markdown(notes),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _group_json(group: Group) -> dict[str, object]:
    return {"scope": group.scope.value, "target": group.target, "title": group.heading,
            "items": list(group.items)}

