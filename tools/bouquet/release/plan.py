"""The plan of a release (pure): notes, manifest, changelog, commit and tag messages.

Everything ``bouquet release`` writes is decided here from typed inputs; the command only
gathers the inputs and hands the plan to the transaction (or prints it with --dry-run).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

import semver

from bouquet import fr
from bouquet.content.model import Statut
from bouquet.content.vocab import vocab_path
from bouquet.release import changelog
from bouquet.release.content import Snapshot
from bouquet.release.transaction import Change
from bouquet.versioning.item_history import (
    ItemVersions,
    module_key,
    schema_key,
    schema_name,
    vocabulary_key,
)
from bouquet.versioning.manifest import (
    DecisionRef,
    Entry,
    Manifest,
    json_file_sha256,
    manifest_path,
    record_sha256,
)
from bouquet.versioning.notes import MINUTES, Notes, render_markdown

Versions = Mapping[str, semver.Version]


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
    # An item missing from the walk can only be one the validator rejects (the release is
    # then refused); a dry run still shows the rest of the manifest.
    return str(versions[key]) if key in versions else "?"


def release_name(date: dt.date, taken: frozenset[str] = frozenset()) -> str:
    """The quarter's name (« Bouquet 2026-T4 »), numbered from the second release of the same
    quarter on (« Bouquet 2026-T4 (2) ») so that no two releases share a name."""
    base = fr.quarter(date)
    if base not in taken:
        return base
    number = 2
    while f"{base} ({number})" in taken:
        number += 1
    return f"{base} ({number})"


def build_manifest(
    version: semver.Version, previous: semver.Version | None, date: dt.date,
    target: Snapshot, items: ItemVersions, decision: DecisionRef | None,
    taken: frozenset[str] = frozenset(),
) -> Manifest:
    catalogue = target.catalogue
    versions = items.after
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
        version=str(version), tag=f"v{version}", name=release_name(date, taken),
        date=date.isoformat(),
        previous=None if previous is None else str(previous), modules=modules,
        vocabularies=vocabularies, schema=schema, decision=decision,
        retired=tuple((k, str(v)) for k, v in sorted(items.retired.items())),
    )


def commit_message(manifest: Manifest) -> str:
    lines = [f"Publication du {manifest.name} : version {manifest.version}", ""]
    lines.append(f"Notes dans {changelog.CHANGELOG_PATH}, manifeste dans "
                 f"{manifest_path(manifest.tag)}.")
    if manifest.decision is not None:
        lines.append(f"Approuvée par la décision {manifest.decision.id} (scellée au commit "
                     f"{manifest.decision.seal_commit[:12]}) ; procès-verbal : "
                     f"{MINUTES.format(manifest.decision.id)}.")
    return "\n".join(lines) + "\n"


def build_plan(
    *, version: semver.Version, previous: semver.Version | None, date: dt.date,
    release_notes: Notes, target: Snapshot, items: ItemVersions,
    decision: DecisionRef | None, existing_changelog: str | None,
    taken: frozenset[str] = frozenset(),
) -> ReleasePlan:
    """``taken``: the names of the releases already cut (their manifests)."""
    manifest = build_manifest(version, previous, date, target, items, decision, taken)
    approval = None if decision is None else (decision.id, decision.seal_commit)
    named = replace(release_notes, quarter=manifest.name, approval=approval)
    notes = render_markdown(named)
    section = changelog.section(str(version), date.isoformat(), named)
    return ReleasePlan(
        version=str(version), tag=manifest.tag, name=manifest.name, notes=notes,
        manifest=manifest, changelog=changelog.prepend(existing_changelog, section),
        commit_message=commit_message(manifest),
    )
