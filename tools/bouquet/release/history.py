"""Per-item versions from history (I/O edge): walk the final release tags, then the target.

At each step the items published are read from the catalogue at that commit, and the bump of
each item comes from the version computation between the previous step and this one (the
same diff and rules as the bouquet's version). Cost: one catalogue per release tag, and one
diff of the changed files per step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import semver

from bouquet.catalogue import Catalogue, build_catalogue
from bouquet.gitrepo import Repository
from bouquet.model import Statut
from bouquet.release.item_versions import Step, largest_bumps, walk
from bouquet.versioning.changes import Change
from bouquet.versioning.compute import compute
from bouquet.versioning.snapshot import all_sources

SCHEMA_SUFFIX = ".schema.json"


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


@dataclass(frozen=True)
class Snapshot:
    """The full content of one commit, as far as a manifest is concerned."""

    commit: str
    catalogue: Catalogue
    schema_files: dict[str, bytes]  # repo-relative path -> bytes

    def published_keys(self) -> frozenset[str]:
        keys = {module_key(i) for i, m in self.catalogue.modules.items()
                if m.statut is not Statut.BROUILLON}
        keys |= {vocabulary_key(v) for v in self.catalogue.vocabularies}
        keys |= {schema_key(n) for p in self.schema_files if (n := schema_name(p))}
        return frozenset(keys)


def read_snapshot(repo: Repository, commit: str) -> Snapshot:
    sources = all_sources(repo, commit)
    today = repo.commit_date(commit).date()
    catalogue, _ = build_catalogue(sources, today=today)
    schema = {p: b for p, b in sources.items() if schema_name(p) is not None}
    return Snapshot(commit, catalogue, schema)


def change_key(change: Change) -> str:
    return f"{change.scope.value}:{change.target}"


def bumps_of(changes: Iterable[Change]) -> dict[str, int]:
    return largest_bumps((change_key(c), int(c.bump)) for c in changes)


def previous_finals(repo: Repository, target: str, version: semver.Version) -> list[str]:
    """Commits of the final release tags reachable from ``target`` up to ``version``
    (``version`` itself is there when it is already tagged: verifying, or nothing new)."""
    tags = repo.release_tags(merged_into=target)
    return [t.commit for t in tags if t.is_final and t.version <= version]


def item_versions(
    repo: Repository, target: Snapshot, version: semver.Version,
) -> tuple[dict[str, semver.Version], dict[str, semver.Version]]:
    """(versions at the last final release before ``version``, versions at ``target``)."""
    commits = previous_finals(repo, target.commit, version)
    steps: list[Step] = []
    previous: str | None = None
    for commit in [*commits, target.commit]:
        snapshot = target if commit == target.commit else read_snapshot(repo, commit)
        bumps = {} if previous is None else bumps_of(
            compute(repo.root, from_rev=previous, to_rev=commit).changes)
        steps.append(Step(snapshot.published_keys(), bumps))
        previous = commit
    return walk(steps[:-1]), walk(steps)
