"""The plan of a release (pure): notes, manifest, changelog, commit and tag messages.

Everything ``bouquet release`` writes is decided here from typed inputs; the command only
gathers the inputs and hands the plan to the transaction (or prints it with --dry-run).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import semver

from bouquet import fr
from bouquet.model import Statut
from bouquet.release import changelog
from bouquet.release.history import Snapshot, module_key, schema_key, schema_name, vocabulary_key
from bouquet.release.manifest import (
    DecisionRef,
    Entry,
    Manifest,
    json_file_sha256,
    manifest_path,
    record_sha256,
)
from bouquet.release.transaction import Change
from bouquet.vocab import vocab_path

Versions = Mapping[str, semver.Version]
CONTRIBUTIONS_HEADING = "## Contributions"


@dataclass(frozen=True)
class ReleasePlan:
    version: str
    tag: str
    name: str
    notes: str
    manifest: Manifest
    changelog: str
    commit_message: str

    @property
    def manifest_path(self) -> str:
        return manifest_path(self.tag)

    def change(self) -> Change:
        return Change(
            files=((changelog.CHANGELOG_PATH, self.changelog.encode("utf-8")),
                   (self.manifest_path, self.manifest.to_json().encode("utf-8"))),
            commit_message=self.commit_message, tag=self.tag, tag_message=self.notes,
        )

    def commands(self) -> tuple[str, ...]:
        return (
            f"écrire {changelog.CHANGELOG_PATH} (nouvelle section en tête)",
            f"écrire {self.manifest_path}",
            f"git add -- {changelog.CHANGELOG_PATH} {self.manifest_path}",
            "git commit --cleanup=verbatim --file=-   # message de commit ci-dessous",
            f"git tag --annotate --cleanup=verbatim --file=- {self.tag}   # message : les notes",
        )


def _entry(key: str, versions: Versions) -> str:
    return str(versions[key])


def build_manifest(
    version: semver.Version, previous: semver.Version | None, date: dt.date,
    target: Snapshot, versions: Versions, decision: DecisionRef | None,
) -> Manifest:
    catalogue = target.catalogue
    modules = tuple(
        Entry(id=i, status=m.statut.value, version=_entry(module_key(i), versions),
              sha256=record_sha256(m), path=catalogue.paths[i])
        for i, m in sorted(catalogue.modules.items()) if m.statut is not Statut.BROUILLON
    )
    vocabularies = tuple(
        Entry(id=i, version=_entry(vocabulary_key(i), versions), sha256=record_sha256(v),
              path=vocab_path(i))
        for i, v in sorted(catalogue.vocabularies.items())
    )
    schema = tuple(
        Entry(id=name, version=_entry(schema_key(name), versions),
              sha256=json_file_sha256(raw), path=path)
        for path, raw in sorted(target.schema_files.items())
        if (name := schema_name(path)) is not None
    )
    return Manifest(
        version=str(version), tag=f"v{version}", name=fr.quarter(date), date=date.isoformat(),
        previous=None if previous is None else str(previous), modules=modules,
        vocabularies=vocabularies, schema=schema, decision=decision,
    )


def module_versions_section(target: Snapshot, before: Versions, after: Versions) -> str:
    """``## Versions des modules``: every published module whose own version moved."""
    lines = []
    titles = {i: m.titre for i, m in target.catalogue.modules.items()}
    for module_id in sorted(titles, key=lambda i: (fr.collation_key(titles[i]), i)):
        key = module_key(module_id)
        if key not in after or before.get(key) == after[key]:
            continue
        label = f"{titles[module_id]} (`{module_id}`){fr.NNBSP}:"
        if key in before:
            lines.append(f"- {label} {before[key]} → {after[key]}")
        else:
            lines.append(f"- {label} {after[key]} (première publication)")
    if not lines:
        return ""
    return "## Versions des modules\n\n" + "\n".join(lines) + "\n"


def with_module_versions(notes: str, section: str) -> str:
    """The notes with the module versions inserted before the contributions (or at the end)."""
    if not section:
        return notes
    marker = f"\n{CONTRIBUTIONS_HEADING}\n"
    if marker in notes:
        head, _, tail = notes.partition(marker)
        return f"{head}\n{section}{marker}{tail}"
    return notes.rstrip("\n") + "\n\n" + section


def commit_message(manifest: Manifest) -> str:
    lines = [f"Publication du {manifest.name} : version {manifest.version}", ""]
    lines.append(f"Notes dans {changelog.CHANGELOG_PATH}, manifeste dans "
                 f"{manifest_path(manifest.tag)}.")
    if manifest.decision is not None:
        lines.append(f"Approuvée par la décision {manifest.decision.id} (scellée au commit "
                     f"{manifest.decision.seal_commit[:12]}).")
    return "\n".join(lines) + "\n"


def build_plan(
    *, version: semver.Version, previous: semver.Version | None, date: dt.date,
    notes_markdown: str, target: Snapshot, before: Versions, after: Versions,
    decision: DecisionRef | None, existing_changelog: str | None,
) -> ReleasePlan:
    manifest = build_manifest(version, previous, date, target, after, decision)
    notes = with_module_versions(notes_markdown, module_versions_section(target, before, after))
    section = changelog.section(str(version), date.isoformat(), manifest.name, notes)
    return ReleasePlan(
        version=str(version), tag=manifest.tag, name=manifest.name, notes=notes,
        manifest=manifest, changelog=changelog.prepend(existing_changelog, section),
        commit_message=commit_message(manifest),
    )
