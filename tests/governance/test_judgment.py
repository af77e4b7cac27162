"""Majority judgment: the lower median, tie-breaks, ex æquo, against a brute-force reference."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bouquet.governance.judgment import lower_median, rank
from bouquet.governance.result import Outcome
from bouquet.governance.tally import tally
from governance.builders import assembly, graded


def test_lower_median_of_an_even_count() -> None:
    # Très bien, Très bien, À rejeter, À rejeter → À rejeter (0), not Très bien (5)
    assert lower_median([5, 5, 0, 0]) == 0
    assert lower_median([1, 2, 3]) == 2


def test_tie_break_by_successive_removal() -> None:
    # same majority grade 3; A: removing 3 leaves median 3 again; B: drops to 2
    assert rank({"a": [3, 3, 3, 1, 4], "b": [3, 2, 3, 1, 4]}) == (("a",), ("b",))


def test_identical_profiles_are_ex_aequo_whatever_the_input_order() -> None:
    assert rank({"b": [2, 3], "a": [3, 2], "c": [0, 0]}) == (("a", "b"), ("c",))
    assert rank({"a": [3, 2], "b": [2, 3], "c": [0, 0]}) == (("a", "b"), ("c",))


def test_beaten_option_stays_beaten_in_a_three_way_tie() -> None:
    result = rank({"a": [2, 2, 2, 4], "b": [2, 2, 1, 4], "c": [2, 2, 0, 4]})
    assert result == (("a",), ("b",), ("c",))


def _compare(a: Sequence[int], b: Sequence[int]) -> int:
    """The textbook procedure: compare majority grades, remove one of each, repeat."""
    left, right = sorted(a), sorted(b)
    while left and right:
        ma, mb = lower_median(left), lower_median(right)
        if ma != mb:
            return 1 if ma > mb else -1
        left.remove(ma)
        right.remove(mb)
    return 0


def _reference(profiles: dict[str, list[int]]) -> tuple[tuple[str, ...], ...]:
    beaten_by = {o: sum(_compare(p, profiles[o]) > 0 for p in profiles.values())
                 for o in profiles}
    groups: dict[int, list[str]] = {}
    for option, count in beaten_by.items():
        groups.setdefault(count, []).append(option)
    return tuple(tuple(sorted(groups[k])) for k in sorted(groups))


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 7).flatmap(lambda n: st.dictionaries(
    st.sampled_from("abcde"), st.lists(st.integers(0, 6), min_size=n, max_size=n),
    min_size=1, max_size=5)))
def test_ranking_agrees_with_brute_force(profiles: dict[str, list[int]]) -> None:
    assert rank(profiles) == _reference(profiles)


def test_tally_by_majority_judgment_with_missing_grade_as_lowest() -> None:
    members = {"a": "x", "b": "x", "c": "x"}
    spec = assembly(members, methode="jugement-majoritaire", options=("p", "q"))
    result = tally(spec, graded({
        "a": {"p": "bien", "q": "excellent"},
        "b": {"p": "bien", "q": "passable"},
        "c": {"p": "passable"},  # q missing: a-rejeter
    }), [])
    assert result.ranking == (("p",), ("q",))
    assert dict(result.grades) == {"p": "bien", "q": "passable"}
    assert result.outcome is Outcome.ADOPTED


def test_tally_reports_an_exact_tie_as_tie() -> None:
    members = {"a": "x", "b": "x"}
    spec = assembly(members, methode="jugement-majoritaire", options=("p", "q"))
    result = tally(spec, graded({"a": {"p": "bien", "q": "passable"},
                                 "b": {"p": "passable", "q": "bien"}}), [])
    assert result.ranking == (("p", "q"),)
    assert result.outcome is Outcome.TIE


def test_mention_outside_the_scale_excludes_the_ballot() -> None:
    spec = assembly({"a": "x", "b": "x"}, methode="jugement-majoritaire", options=("p", "q"))
    result = tally(spec, graded({"a": {"p": "genial"}, "b": {"p": "bien", "z": "bien"}}), [])
    reasons = [e.reason for e in result.excluded]
    assert reasons == ["mention hors de l'échelle : « genial »", "option inconnue : « z »"]
