"""Per-item versions from history (I/O edge): the release tags, then the target.

The walk starts from the newest final release whose manifest ``releases/vX.Y.Z.json`` is
present (it records every published item's version, and the last version of items no longer
published), or from nothing. Each later step — a final tag without manifest, then the target
— takes the changes since the previous step from the version computation (the same diff and
rules as the bouquet's version): the touched items get the largest bump of their changes, and
whether each touched item is still published is read from its file at that step. Cost: the
files the changes touched, not the size of the catalogue nor the length of history.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import semver

from bouquet.content.layout import VOCAB_DIR
from bouquet.content.reading.plain import plain_value
from bouquet.edges.git import ReleaseTag, Repository
from bouquet.versioning.changes import Change, ModuleVersion
from bouquet.versioning.compute import VersionReport, compute
from bouquet.versioning.item_versions import Step, advance, largest_bumps
from bouquet.versioning.manifest import manifest_path, read_manifest_versions

SCHEMA_SUFFIX = ".schema.json"
Versions = dict[str, semver.Version]


def module_key(module_id: str) -> str:
    return f"module:{module_id}"


def vocabulary_key(vocabulary_id: str) -> str:
    return f"vocabulaire:{vocabulary_id}"


def schema_key(name: str) -> str:
    return f"schema:{name}"


def schema_name(path: str) -> str | None:
    """``schema/module.schema.json`` -> ``module``; None for anything else."""
    if path.startswith("schema/") and path.count("/") == 1 and path.endswith(SCHEMA_SUFFIX):
        return path[len("schema/"):-len(SCHEMA_SUFFIX)]
    return None


def key_path(key: str) -> str:
    scope, _, name = key.partition(":")
    if scope == "module":
        return f"modules/{name}/module.yaml"
    if scope == "vocabulaire":
        return f"{VOCAB_DIR}/{name}.yaml"
    return f"schema/{name}{SCHEMA_SUFFIX}"


def path_key(path: str) -> str | None:
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "modules" and parts[2] == "module.yaml":
        return module_key(parts[1])
    if path.startswith(VOCAB_DIR + "/") and path.count("/") == 2 and path.endswith(".yaml"):
        return vocabulary_key(parts[2][:-len(".yaml")])
    name = schema_name(path)
    return None if name is None else schema_key(name)


def _is_published(key: str, raw: bytes | None) -> bool:
    if raw is None:
        return False
    if not key.startswith("module:"):
        return True
    data = plain_value(key_path(key), raw)
    return isinstance(data, dict) and data.get("statut") not in (None, "brouillon")


def published_keys(repo: Repository, commit: str, keys: Collection[str] | None = None
                   ) -> frozenset[str]:
    """Which items are published at ``commit``: all of them, or only among ``keys``."""
    if keys is None:
        blobs = repo.list_blobs(commit, ["modules", "schema"])
        wanted = {k: p for p in blobs if (k := path_key(p)) is not None}
        files = repo.read_blobs({p: blobs[p] for p in wanted.values()})
    else:
        wanted = {k: key_path(k) for k in keys}
        files = repo.read_files(commit, wanted.values())
    return frozenset(k for k, p in wanted.items() if _is_published(k, files.get(p)))


def change_key(change: Change) -> str:
    return f"{change.scope.value}:{change.target}"


def bumps_of(changes: Iterable[Change]) -> dict[str, int]:
    return largest_bumps((change_key(c), int(c.bump)) for c in changes)


@dataclass(frozen=True)
class ItemVersions:
    """Versions at the last final release before the target, at the target, and the last
    versions of items published once but not at the target."""

    before: Versions
    after: Versions
    retired: Versions


def _start(repo: Repository, tags: list[ReleaseTag]
           ) -> tuple[int, tuple[Versions, Versions] | None]:
    for index in range(len(tags) - 1, -1, -1):
        tag = tags[index]
        raw = repo.read_files(tag.commit, [manifest_path(tag.name)]).get(manifest_path(tag.name))
        state = None if raw is None else read_manifest_versions(raw)
        if state is not None:
            return index, state
    return -1, None


def item_versions(
    repo: Repository, target: str, version: semver.Version, *, strict: bool = False,
    report: VersionReport | None = None, only: Collection[str] | None = None,
) -> ItemVersions:
    """Walk the final tags reachable from ``target`` up to ``version`` (excluded when
    ``strict``, as when verifying that very release), then ``target``. ``report``, when it
    covers the last step, saves computing it again. ``only`` restricts the walk to some items
    (each item's versions depend on its own changes only, so the result is the same)."""
    tags = [t for t in repo.release_tags(merged_into=target) if t.is_final
            and (t.version < version if strict else t.version <= version)]
    index, state = _start(repo, tags)
    current, retired = state if state is not None else ({}, {})
    if only is not None:
        current = {k: v for k, v in current.items() if k in only}
        retired = {k: v for k, v in retired.items() if k in only}
    published = frozenset(current)
    previous = tags[index].commit if index >= 0 else None
    before = dict(current)
    commits = [t.commit for t in tags[index + 1:]] + [target]
    for position, commit in enumerate(commits):
        if previous is None:
            step = Step(published_keys(repo, commit, only))
        else:
            changes = _changes(repo, previous, commit, report)
            touched = {change_key(c) for c in changes}
            if only is not None:
                touched &= set(only)
            now = (published - touched) | published_keys(repo, commit, touched)
            step = Step(now, bumps_of(changes))
        if position == len(commits) - 1:
            before = dict(current)
        current, retired = advance(current, retired, step)
        published, previous = step.published, commit
    return ItemVersions(before, current, retired)


def _changes(repo: Repository, old: str, new: str, report: VersionReport | None
             ) -> tuple[Change, ...]:
    if old == new:
        return ()
    if report is not None and (report.from_commit, report.to_commit) == (old, new):
        return report.changes
    return compute(repo.root, from_rev=old, to_rev=new).changes


def module_rows(titles: Mapping[str, str], versions: ItemVersions, *, moved_only: bool
                ) -> tuple[ModuleVersion, ...]:
    """The published modules' own versions at the target (``moved_only``: those that move)."""
    rows = []
    for key, version in sorted(versions.after.items()):
        scope, _, module_id = key.partition(":")
        previous = versions.before.get(key)
        if scope != "module" or (moved_only and previous == version):
            continue
        rows.append(ModuleVersion(module_id, titles.get(module_id, module_id),
                                  None if previous is None else str(previous), str(version)))
    return tuple(rows)


def moved_modules(titles: Mapping[str, str], versions: ItemVersions
                  ) -> tuple[ModuleVersion, ...]:
    """The published modules whose own version moves at the target."""
    return module_rows(titles, versions, moved_only=True)


def module_versions_of(root: str | Path, report: VersionReport) -> tuple[ModuleVersion, ...]:
    """For the notes of ``report``: the modules whose own version moves at its target."""
    titles = {c.target: c.title for c in report.changes if c.scope.value == "module"}
    with Repository(root) as repo:
        items = item_versions(repo, report.to_commit, report.next, report=report,
                              only={module_key(i) for i in titles})
    return moved_modules(titles, items)
