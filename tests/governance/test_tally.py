"""Hand-computed cases: every rule and every boundary of the tally."""

from __future__ import annotations

from fractions import Fraction

import pytest

from bouquet.governance.models import Threshold
from bouquet.governance.result import Outcome
from bouquet.governance.tally import tally
from governance.builders import assembly, ballots, proxies

FOUR = {"a": "x", "b": "x", "c": "y", "d": "y"}


def test_threshold_parsing_is_exact() -> None:
    assert Threshold.parse(">= 1/2") == Threshold(">=", Fraction(1, 2))
    assert Threshold.parse("> 2/3").value == Fraction(2, 3)
    assert str(Threshold.parse(" >=2/4 ")) == ">= 1/2"
    for bad in ("67 %", "> 0.5", "= 1/2", ">= 3/2", "> 1/0"):
        with pytest.raises(ValueError):
            Threshold.parse(bad)


@pytest.mark.parametrize(("rule", "voters", "reached"), [
    (">= 1/2", 2, True), ("> 1/2", 2, False), ("> 1/2", 3, True), (">= 1/2", 1, False),
])
def test_quorum_exactly_at_its_fraction_under_both_comparators(
    rule: str, voters: int, reached: bool
) -> None:
    votes = dict(list({"a": "pour", "b": "pour", "c": "pour"}.items())[:voters])
    result = tally(assembly(FOUR, quorum=rule), ballots(votes), [])
    assert result.quorum.reached is reached
    assert result.outcome is (Outcome.ADOPTED if reached else Outcome.NO_QUORUM)


def test_abstention_and_blank_are_present_but_not_exprimes() -> None:
    result = tally(assembly(FOUR), ballots({"a": "pour", "b": "abstention", "c": "blanc"}), [])
    assert result.quorum.present == 3
    assert result.share == 1
    assert result.outcome is Outcome.ADOPTED


def test_share_exactly_at_threshold_is_rejected_under_strict_majority() -> None:
    result = tally(assembly(FOUR), ballots({"a": "pour", "b": "contre"}), [])
    assert result.share == Fraction(1, 2)
    assert result.outcome is Outcome.REJECTED


def test_share_exactly_at_threshold_passes_with_at_least() -> None:
    result = tally(assembly(FOUR, majorite=">= 1/2"), ballots({"a": "pour", "b": "contre"}), [])
    assert result.outcome is Outcome.ADOPTED


def test_qualified_majority_two_thirds_boundary() -> None:
    members = {m: "x" for m in "abcdef"}
    votes = {"a": "pour", "b": "pour", "c": "contre"}
    assert tally(assembly(members, majorite="> 2/3"), ballots(votes), []).outcome \
        is Outcome.REJECTED
    assert tally(assembly(members, majorite=">= 2/3"), ballots(votes), []).outcome \
        is Outcome.ADOPTED
    votes["d"] = "pour"
    result = tally(assembly(members, majorite="> 2/3"), ballots(votes), [])
    assert result.share == Fraction(3, 4)
    assert result.outcome is Outcome.ADOPTED


def test_floating_point_trap_is_exactly_one_half_and_rejected() -> None:
    # four colleges of 20/40/30/10 %, each split exactly half for, half against:
    # 0.2·0.5 + 0.4·0.5 + 0.3·0.5 + 0.1·0.5 is 0.5000000000000001 in floats, 1/2 exactly.
    assert 0.2 * 0.5 + 0.4 * 0.5 + 0.3 * 0.5 + 0.1 * 0.5 > 0.5
    members = {f"{c}{i}": c for c in "wxyz" for i in (1, 2)}
    votes = {f"{c}1": "pour" for c in "wxyz"} | {f"{c}2": "contre" for c in "wxyz"}
    weights = {"w": 20, "x": 40, "y": 30, "z": 10}
    result = tally(assembly(members, weights), ballots(votes), [])
    assert result.share == Fraction(1, 2)
    assert result.outcome is Outcome.REJECTED


def test_proportional_college_aggregation_hand_computed() -> None:
    # hubs 50 %: 2 pour / 3 exprimés; nat 50 %: 1/1 → 1/2·2/3 + 1/2·1 = 5/6
    members = {"a": "hubs", "b": "hubs", "c": "hubs", "d": "nat", "e": "nat"}
    votes = {"a": "pour", "b": "pour", "c": "contre", "d": "pour"}
    result = tally(assembly(members, {"hubs": 50, "nat": 50}), ballots(votes), [])
    assert result.share == Fraction(5, 6)


def test_bloc_aggregation_gives_a_college_weight_to_its_majority() -> None:
    # hubs 40 %: 1 pour, 2 contre → 0; nat 30 %: pour → 1; coll 30 %: 1-1 → 1/2
    members = {"a": "hubs", "b": "hubs", "c": "hubs", "d": "nat", "e": "coll", "f": "coll"}
    votes = {"a": "pour", "b": "contre", "c": "contre", "d": "pour", "e": "pour", "f": "contre"}
    weights = {"hubs": 40, "nat": 30, "coll": 30}
    bloc = tally(assembly(members, weights, agregation="bloc"), ballots(votes), [])
    assert bloc.share == Fraction(3, 10) + Fraction(3, 20)
    proportional = tally(assembly(members, weights), ballots(votes), [])
    assert proportional.share == Fraction(4, 10) * Fraction(1, 3) + Fraction(3, 10) + Fraction(
        3, 20)


@pytest.mark.parametrize(("policy", "share", "outcome"), [
    ("redistribuer", Fraction(2, 3), Outcome.ADOPTED),
    ("zero", Fraction(2, 5), Outcome.REJECTED),
])
def test_empty_college_under_both_policies(policy: str, share: Fraction, outcome: Outcome) -> None:
    # hubs 30 %: all pour; nat 30 %: 1/3 pour; coll 40 %: only abstentions
    members = {"a": "hubs", "b": "nat", "c": "nat", "d": "nat", "e": "coll"}
    votes = {"a": "pour", "b": "pour", "c": "contre", "d": "contre", "e": "abstention"}
    weights = {"hubs": 30, "nat": 30, "coll": 40}
    result = tally(assembly(members, weights, college_sans_suffrage=policy), ballots(votes), [])
    assert result.share == share
    assert result.outcome is outcome


def test_no_exprime_at_all_is_a_rejection_without_share() -> None:
    result = tally(assembly(FOUR), ballots({"a": "abstention", "b": "blanc", "c": "blanc"}), [])
    assert result.share is None
    assert result.outcome is Outcome.REJECTED


@pytest.mark.parametrize(("casting", "outcome"), [
    ("pour", Outcome.ADOPTED), ("contre", Outcome.REJECTED), ("abstention", Outcome.REJECTED),
])
def test_casting_vote_only_on_an_exact_tie(casting: str, outcome: Outcome) -> None:
    other = {"pour": "contre", "contre": "pour", "abstention": "pour"}[casting]
    votes = {"a": casting, "b": other}
    if casting == "abstention":
        votes["c"] = "contre"
    members = {"a": "x", "b": "x", "c": "x", "d": "x"}
    result = tally(assembly(members, voix_preponderante="a"), ballots(votes), [])
    assert result.share == Fraction(1, 2)
    assert result.outcome is outcome
    assert result.casting is not None


def test_no_casting_vote_when_none_is_named() -> None:
    result = tally(assembly(FOUR), ballots({"a": "pour", "b": "contre"}), [])
    assert result.casting is None and result.outcome is Outcome.REJECTED


def test_proxy_counts_with_holder_choice_in_principal_college() -> None:
    members = {"a": "hubs", "b": "nat", "c": "nat"}
    result = tally(assembly(members, {"hubs": 50, "nat": 50}, quorum="> 1/2"),
                   ballots({"b": "contre", "c": "pour"}), proxies([("a", "b")]))
    assert result.quorum.represented == 1
    hubs = next(c for c in result.colleges if c.name == "hubs")
    assert hubs.contre == 1 and hubs.pour == 0
    assert result.share == Fraction(1, 4)


@pytest.mark.parametrize(("pairs", "votes", "reason"), [
    ([("z", "a")], {"a": "pour"}, "le mandant « z » n'est pas membre"),
    ([("b", "z")], {"a": "pour"}, "le mandataire « z » n'est pas membre"),
    ([("b", "b")], {"a": "pour"}, "procuration à soi-même"),
    ([("b", "a")], {"a": "pour", "b": "contre"}, "« b » a voté lui-même"),
    ([("b", "c")], {"a": "pour"}, "le mandataire « c » n'a pas voté"),
    ([("c", "d"), ("b", "c")], {"a": "pour"}, "sous-délégation interdite"),
    ([("b", "a"), ("c", "a"), ("d", "a")], {"a": "pour"}, "plafond atteint"),
])
def test_each_reason_a_proxy_is_void(
    pairs: list[tuple[str, str]], votes: dict[str, str], reason: str
) -> None:
    result = tally(assembly(FOUR), ballots(votes), proxies(pairs))
    assert any(reason in e.reason for e in result.excluded), result.excluded


def test_cap_applies_in_history_order_then_file_name() -> None:
    pairs = [("d", "a"), ("b", "a"), ("c", "a")]  # d entered history first
    result = tally(assembly(FOUR, procurations_max=2), ballots({"a": "pour"}), proxies(pairs))
    void = [e.file for e in result.excluded]
    assert void == ["p/c.yaml"]


def test_non_member_ballot_is_excluded_with_its_reason() -> None:
    result = tally(assembly(FOUR), ballots({"a": "pour", "intrus": "contre"}), [])
    assert result.excluded[0].file == "b/intrus.yaml"
    assert "n'est pas membre" in result.excluded[0].reason
    assert result.share == 1


def test_unknown_choice_for_method_is_excluded() -> None:
    result = tally(assembly(FOUR), ballots({"a": "objection", "b": "pour"}), [])
    assert "inconnu pour cette méthode" in result.excluded[0].reason


def test_consent_adopted_unless_a_reasoned_objection() -> None:
    consent = assembly(FOUR, methode="consentement")
    assert tally(consent, ballots({"a": "consentement", "b": "consentement"}), []).outcome \
        is Outcome.ADOPTED
    from bouquet.governance.models import Bulletin
    from bouquet.governance.result import Ballot
    objection = [*ballots({"a": "consentement"}),
                 Ballot("b", "b/b.yaml", Bulletin.model_validate(
                     {"choix": "objection", "motif": "Risque juridique"}))]
    result = tally(consent, objection, proxies([("c", "b")]))
    assert result.outcome is Outcome.REJECTED
    assert result.objections == (("b", "Risque juridique"), ("c", "Risque juridique"))
    unreasoned = tally(consent, ballots({"a": "consentement", "b": "objection",
                                         "c": "consentement"}), [])
    assert unreasoned.outcome is Outcome.ADOPTED
    assert "objection sans motif" in unreasoned.excluded[0].reason
