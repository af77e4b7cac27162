"""Preconditions of a release (pure): every refusal at once, the approving decision."""

from __future__ import annotations

from dataclasses import replace

from bouquet.release.preconditions import DecisionFact, Facts, approving_decision, check

CLEAN = Facts(branch="main", dirty=(), validation_errors=(), blocking_changes=(),
              nothing_to_release=False, tag="v1.1.0", tag_exists=False, final=True,
              decisions=(DecisionFact("d1", "v1.1.0", True, "abc", "adopted"),))


def codes(facts: Facts) -> list[str]:
    return [r.code for r in check(facts)]


def test_clean_state_passes_and_names_the_decision() -> None:
    assert codes(CLEAN) == []
    decision = approving_decision(CLEAN)
    assert decision is not None and decision.id == "d1"


def test_decision_must_be_sealed_adopted_and_for_this_version() -> None:
    cases = {
        "n'est pas scellée": DecisionFact("d1", "v1.1.0", False, None, "adopted"),
        "rejetée": DecisionFact("d1", "v1.1.0", True, "abc", "rejected"),
        "quorum non atteint": DecisionFact("d1", "v1.1.0", True, "abc", "no-quorum"),
        "ne peut pas être dépouillée (instance inconnue)": DecisionFact(
            "d1", "v1.1.0", False, None, "unreadable", problem="instance inconnue"),
    }
    for words, decision in cases.items():
        refusals = check(replace(CLEAN, decisions=(decision,)))
        assert [r.code for r in refusals] == ["BQ456"]
        assert words in refusals[0].message
    other = replace(CLEAN, decisions=(DecisionFact("d1", "v1.0.9", True, "abc", "adopted"),))
    assert "publication: v1.1.0" in check(other)[0].message


def test_rc_needs_no_decision_and_everything_is_reported() -> None:
    facts = Facts(branch=None, dirty=(" M a",), validation_errors=("x",),
                  blocking_changes=("y",), nothing_to_release=False, tag="v1.1.0-rc.1",
                  tag_exists=True, final=False, decisions=())
    assert codes(facts) == ["BQ451", "BQ452", "BQ453", "BQ454", "BQ455"]
    assert codes(replace(facts, final=True))[-1] == "BQ456"


def test_counts_agree_in_french_without_parenthesised_plurals() -> None:
    one = check(replace(CLEAN, validation_errors=("x",), blocking_changes=("y",)))
    assert "1 erreur de validation" in one[0].message
    assert "1 changement bloquant\u202f:" in one[1].message
    two = check(replace(CLEAN, validation_errors=("x", "z"), blocking_changes=("y", "t")))
    assert "2 erreurs de validation" in two[0].message
    assert "2 changements bloquants\u202f:" in two[1].message
    assert all("(s)" not in r.message for r in (*one, *two))
