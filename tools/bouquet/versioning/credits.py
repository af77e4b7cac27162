"""Contributors of a range, from commit authors and ``Co-authored-by:`` trailers, with
``.mailmap`` honoured, and the structures named in ``contributeurs`` of the modules the range
changed (I/O edge: reads git; no hosting API)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from bouquet.content.layout import VOCAB_DIR
from bouquet.content.reading.plain import plain_value
from bouquet.edges.git import CommitCredit, Person, Repository
from bouquet.fr import collation_key
from bouquet.versioning.changes import Scope
from bouquet.versioning.schema_diff import SCHEMA_PATH
from bouquet.versioning.snapshot import PREFIXES, referenced_modules

Target = tuple[Scope, str]


@dataclass(frozen=True)
class Credits:
    """Names to thank, per changed record and overall, sorted the French way."""

    by_target: Mapping[Target, tuple[str, ...]] = field(default_factory=dict)
    overall: tuple[str, ...] = ()
    structures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # module id -> names


def gather(repo_path: str | Path, old: str | None, new: str) -> Credits:
    with Repository(repo_path) as repo:
        return credits_of(repo, old, new)


def credits_of(repo: Repository, old: str | None, new: str) -> Credits:
    """Credits of ``old..new`` in an opened repository."""
    found = credits_from(repo.credits(old, new, PREFIXES))
    modules = [target for scope, target in found.by_target if scope is Scope.MODULE]
    return replace(found, structures=structures_from(referenced_modules(repo, new, modules)))


def structures_from(files: Mapping[str, bytes]) -> dict[str, tuple[str, ...]]:
    """Pure: module id -> the structures of its ``contributeurs`` (a module that is gone or
    unreadable at the end of the range has none)."""
    found: dict[str, tuple[str, ...]] = {}
    for path, data in sorted(files.items()):
        value = plain_value(path, data)
        names = value.get("contributeurs") if isinstance(value, dict) else None
        if isinstance(names, list):
            found[path.split("/")[1]] = tuple(n for n in names if isinstance(n, str) and n)
    return found


def credits_from(commits: Iterable[CommitCredit]) -> Credits:
    """Pure: group people by the records their commits touched."""
    everyone: dict[str, Person] = {}
    per_target: dict[Target, dict[str, Person]] = {}
    for commit in commits:
        targets = {t for t in (target_of(p) for p in commit.paths) if t is not None}
        for person in commit.people:
            key = person.email or person.name
            everyone.setdefault(key, person)
            for target in targets:
                per_target.setdefault(target, {}).setdefault(key, person)
    return Credits(
        by_target={t: _names(people.values()) for t, people in sorted(per_target.items())},
        overall=_names(everyone.values()),
    )


def target_of(path: str) -> Target | None:
    parts = path.split("/")
    if parts[0] == "modules" and len(parts) >= 3:
        return (Scope.MODULE, parts[1])
    if path.startswith(VOCAB_DIR + "/") and path.endswith(".yaml"):
        return (Scope.VOCABULAIRE, parts[-1][: -len(".yaml")])
    if path == SCHEMA_PATH:
        return (Scope.SCHEMA, "module")
    return None


def _names(people: Iterable[Person]) -> tuple[str, ...]:
    return tuple(sorted({p.name for p in people if p.name}, key=collation_key))
