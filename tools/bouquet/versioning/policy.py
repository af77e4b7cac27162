"""From changes to a bump, and from a bump to the next version (pure).

Before the first release there is no current version and the next one is 1.0.0, whatever
changed. Pre-releases are ``X.Y.Z-rc.N``: N follows the existing rc tags of X.Y.Z (rc.1
first), so ``rc.10`` sorts after ``rc.2`` (SemVer compares dot-separated numbers).
"""

from __future__ import annotations

from collections.abc import Iterable

import semver

from bouquet.versioning.changes import Change
from bouquet.versioning.rules import Bump

FIRST_RELEASE = semver.Version(1, 0, 0)
PRE_RELEASE_LABELS = ("rc",)


def bump(changes: Iterable[Change]) -> Bump:
    """The largest bump any change requires (NONE for no change)."""
    return max((c.bump for c in changes), default=Bump.NONE)


def apply(current: semver.Version, increment: Bump) -> semver.Version:
    """``current`` incremented (its pre-release part dropped); NONE keeps it."""
    base = current.finalize_version()
    if increment is Bump.MAJOR:
        return base.bump_major()
    if increment is Bump.MINOR:
        return base.bump_minor()
    if increment is Bump.PATCH:
        return base.bump_patch()
    return base


def next_version(
    current: semver.Version | None,
    increment: Bump,
    pre_release: str | None = None,
    existing: Iterable[semver.Version] = (),
) -> semver.Version:
    """The version to publish. With ``pre_release="rc"``: the next free ``-rc.N``."""
    final = FIRST_RELEASE if current is None else apply(current, increment)
    if pre_release is None:
        return final
    if pre_release not in PRE_RELEASE_LABELS:
        raise ValueError(f"pré-version inconnue : {pre_release}")
    numbers = [_rc_number(v) for v in existing if v.finalize_version() == final]
    number = max((n for n in numbers if n is not None), default=0) + 1
    return final.replace(prerelease=f"{pre_release}.{number}")


def _rc_number(version: semver.Version) -> int | None:
    label, _, number = (version.prerelease or "").partition(".")
    return int(number) if label == "rc" and number.isdigit() else None
