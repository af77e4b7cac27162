"""Hypothesis invariants of the tally."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bouquet.governance.result import Outcome, Result
from bouquet.governance.tally import tally
from governance.builders import assembly, ballots, proxies

MEMBERS = [f"m{i}" for i in range(8)]
CHOICES = ["pour", "contre", "abstention", "blanc"]

scenarios = st.fixed_dictionaries({
    "colleges": st.lists(st.sampled_from("xyz"), min_size=8, max_size=8),
    "weighted": st.booleans(),
    "votes": st.dictionaries(st.sampled_from(MEMBERS), st.sampled_from(CHOICES)),
    "proxies": st.lists(st.tuples(st.sampled_from(MEMBERS), st.sampled_from(MEMBERS)),
                        max_size=6, unique_by=lambda p: p[0]),
    "quorum": st.sampled_from([">= 1/2", "> 1/2", ">= 1/3"]),
    "majorite": st.sampled_from(["> 1/2", ">= 1/2", ">= 2/3"]),
    "agregation": st.sampled_from(["proportionnelle", "bloc"]),
    "policy": st.sampled_from(["redistribuer", "zero"]),
    "cap": st.integers(0, 2),
    "seed": st.integers(0, 1000),
})


def run(s: dict[str, Any], votes: dict[str, str] | None = None, shuffle: bool = False) -> Result:
    members = dict(zip(MEMBERS, s["colleges"], strict=True))
    spec = assembly(members, {"x": 30, "y": 30, "z": 40} if s["weighted"] else None,
                    quorum=s["quorum"], majorite=s["majorite"], agregation=s["agregation"],
                    college_sans_suffrage=s["policy"], procurations_max=s["cap"])
    given_ballots = ballots(votes if votes is not None else s["votes"])
    given_proxies = proxies(s["proxies"])
    if shuffle:
        rng = random.Random(s["seed"])
        rng.shuffle(given_ballots)
        rng.shuffle(given_proxies)
    return tally(spec, given_ballots, given_proxies)


@settings(max_examples=150, deadline=None)
@given(scenarios)
def test_permuting_ballots_and_proxies_changes_nothing(s: dict[str, object]) -> None:
    assert run(s) == run(s, shuffle=True)


@settings(max_examples=200, deadline=None)
@given(scenarios, st.sampled_from(MEMBERS))
def test_one_more_pour_never_turns_adopted_into_rejected(
    s: dict[str, object], member: str
) -> None:
    before = run(s)
    votes = dict(s["votes"])  # type: ignore[call-overload]
    votes[member] = "pour"
    after = run(s, votes)
    if before.outcome is Outcome.ADOPTED:
        assert after.outcome is Outcome.ADOPTED
    if before.share is not None and after.share is not None and before.quorum.reached:
        assert after.share >= before.share
