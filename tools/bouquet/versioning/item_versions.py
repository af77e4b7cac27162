"""Each published item's own SemVer (module, vocabulary, schema file), walked release by release.

Pure. The walk goes through the final releases in order, then the release being cut: an item
first published gets 1.0.0; at each later release it takes the largest bump among the changes
that touched it (the same rules as the bouquet's version); an item no longer published leaves
the table, and if it comes back it starts at the next major after its last version, so no
version is ever reused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import semver

FIRST = semver.Version(1, 0, 0)
NONE, PATCH, MINOR, MAJOR = 0, 1, 2, 3  # the ordering of bouquet.versioning.rules.Bump


@dataclass(frozen=True, slots=True)
class Step:
    """One release of the walk: the items published at it, and for each item the largest
    bump (0 none … 3 major) of the changes that touched it since the previous step."""

    published: frozenset[str]
    bumps: Mapping[str, int] = field(default_factory=dict)


def bump_version(version: semver.Version, level: int) -> semver.Version:
    if level >= MAJOR:
        return version.bump_major()
    if level == MINOR:
        return version.bump_minor()
    if level == PATCH:
        return version.bump_patch()
    return version


def advance(
    current: Mapping[str, semver.Version],
    retired: Mapping[str, semver.Version],
    step: Step,
) -> tuple[dict[str, semver.Version], dict[str, semver.Version]]:
    """The versions after one step, and the last versions of items no longer published."""
    after: dict[str, semver.Version] = {}
    gone = dict(retired)
    for item in sorted(step.published):
        if item in current:
            after[item] = bump_version(current[item], step.bumps.get(item, NONE))
        elif item in gone:
            after[item] = gone.pop(item).bump_major()
        else:
            after[item] = FIRST
    for item in sorted(set(current) - step.published):
        gone[item] = current[item]
    return after, gone


def walk(steps: Iterable[Step]) -> dict[str, semver.Version]:
    """The versions of the items published at the last step."""
    current: dict[str, semver.Version] = {}
    retired: dict[str, semver.Version] = {}
    for step in steps:
        current, retired = advance(current, retired, step)
    return current


def largest_bumps(touches: Iterable[tuple[str, int]]) -> dict[str, int]:
    """``(item, bump)`` pairs, one per change, folded into the largest bump per item."""
    result: dict[str, int] = {}
    for item, level in touches:
        result[item] = max(result.get(item, NONE), int(level))
    return result
