from __future__ import annotations

import semver
from hypothesis import given, settings
from hypothesis import strategies as st

from bouquet.versioning import policy
from bouquet.versioning.changes import Place, Scope, fire
from bouquet.versioning.rules import RULES, Bump

versions = st.builds(semver.Version, st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
bumps = st.sampled_from(list(Bump))
PLACE = Place(Scope.MODULE, "m", "Module", "modules/m/module.yaml")
changes = st.lists(st.sampled_from([r.id for r in RULES]).map(lambda r: fire(r, PLACE)))


@settings(max_examples=60)
@given(changes, changes)
def test_bump_is_monotonic(first: list, more: list) -> None:  # type: ignore[type-arg]
    assert policy.bump(first + more) >= policy.bump(first)
    assert policy.bump(first + more) == max(policy.bump(first), policy.bump(more))


@settings(max_examples=60)
@given(versions, bumps, bumps)
def test_next_version_grows_with_the_bump(current: semver.Version, a: Bump, b: Bump) -> None:
    low, high = sorted((a, b))
    assert policy.next_version(current, low) <= policy.next_version(current, high)
    if low is not Bump.NONE:
        assert policy.next_version(current, low) > current


@settings(max_examples=60)
@given(versions, st.sampled_from([Bump.PATCH, Bump.MINOR, Bump.MAJOR]),
       st.lists(st.integers(1, 20), max_size=5))
def test_release_candidates_precede_the_release(
    current: semver.Version, increment: Bump, existing: list[int]
) -> None:
    final = policy.next_version(current, increment)
    tags = [final.replace(prerelease=f"rc.{n}") for n in existing]
    candidate = policy.next_version(current, increment, "rc", tags)
    assert candidate < final
    assert all(candidate > t for t in tags)
    assert candidate.finalize_version() == final


def test_no_release_yet_gives_1_0_0() -> None:
    assert str(policy.next_version(None, Bump.PATCH)) == "1.0.0"
    assert str(policy.next_version(None, Bump.MAJOR, "rc")) == "1.0.0-rc.1"


def test_rc_numbers_compare_as_numbers() -> None:
    tags = [semver.Version.parse(f"1.3.0-rc.{n}") for n in (1, 2, 9)]
    nxt = policy.next_version(semver.Version.parse("1.2.0"), Bump.MINOR, "rc", tags)
    assert str(nxt) == "1.3.0-rc.10"
    assert nxt > tags[-1]
