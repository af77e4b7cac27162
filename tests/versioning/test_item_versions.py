"""Per-item versions walked release by release (pure)."""

from __future__ import annotations

import semver
from hypothesis import given, settings
from hypothesis import strategies as st

from bouquet.versioning.item_versions import MAJOR, MINOR, NONE, PATCH, Step, walk


def test_first_publication_is_1_0_0_then_bumps_apply() -> None:
    steps = [
        Step(frozenset({"a"})),
        Step(frozenset({"a", "b"}), {"a": MINOR}),
        Step(frozenset({"a", "b"}), {"a": PATCH, "b": MAJOR}),
        Step(frozenset({"a", "b"}), {"a": NONE}),
    ]
    assert {k: str(v) for k, v in walk(steps).items()} == {"a": "1.1.1", "b": "2.0.0"}


def test_removed_then_republished_never_reuses_a_version() -> None:
    steps = [
        Step(frozenset({"a"})),
        Step(frozenset({"a"}), {"a": MINOR}),
        Step(frozenset()),
        Step(frozenset({"a"})),
    ]
    assert str(walk(steps)["a"]) == "2.0.0"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abc"), st.integers(0, 3)), max_size=8))
def test_versions_never_go_backwards(bump_lists: list[dict[str, int]]) -> None:
    seen: dict[str, semver.Version] = {}
    steps: list[Step] = []
    for bumps in bump_lists:
        steps.append(Step(frozenset(bumps), bumps))
        for item, version in walk(steps).items():
            assert version >= seen.get(item, semver.Version(0))
            seen[item] = version


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcd"), st.integers(0, 3)), max_size=8),
       st.sets(st.sampled_from("abcd")))
def test_each_item_depends_only_on_its_own_changes(
    bump_lists: list[dict[str, int]], subset: set[str]
) -> None:
    steps = [Step(frozenset(b), b) for b in bump_lists]
    restricted = [Step(s.published & subset, {k: v for k, v in s.bumps.items() if k in subset})
                  for s in steps]
    full = walk(steps)
    assert walk(restricted) == {k: v for k, v in full.items() if k in subset}
