"""The procès-verbal says everything a comité files: checked on hand-computed tallies."""

from __future__ import annotations

import datetime as dt
import json

from bouquet.governance.minutes import (
    Provenance,
    calculation,
    render_json,
    render_markdown,
    render_text,
)
from bouquet.governance.tally import tally
from governance.builders import assembly, ballots, proxies

NN, NB = "\u202f", "\u00a0"
ORIGIN = Provenance("Adopter la charte", "comite", "Comité du commun", "a" * 40, "b" * 40,
                    "v1.0.0", dt.date(2026, 11, 2), dt.date(2026, 11, 29))


def test_redistributed_and_zero_calculations_are_spelled_out() -> None:
    members = {"a": "hubs", "b": "nat", "c": "nat", "d": "nat", "e": "coll"}
    votes = {"a": "pour", "b": "pour", "c": "contre", "d": "contre", "e": "abstention"}
    weights = {"hubs": 30, "nat": 30, "coll": 40}
    redistributed = tally(assembly(members, weights), ballots(votes), [])
    assert calculation(redistributed) == (
        "(30 % × 1/1 + 30 % × 1/3) / 60 % = 2/3 (poids des collèges sans exprimé redistribué)")
    zero = tally(assembly(members, weights, college_sans_suffrage="zero"), ballots(votes), [])
    assert calculation(zero) == "30 % × 1/1 + 30 % × 1/3 + 40 % × 0 = 2/5"
    flat = tally(assembly(members), ballots(votes), [])
    assert calculation(flat) == "2 pour sur 4 suffrages exprimés = 1/2"


def test_markdown_minutes_hold_every_required_part() -> None:
    members = {"a": "hubs", "b": "hubs", "c": "nat", "d": "nat", "e": "nat", "f": "nat"}
    result = tally(assembly(members, {"hubs": 50, "nat": 50}),
                   ballots({"a": "pour", "c": "pour", "e": "pour", "f": "contre",
                            "intrus": "pour"}),
                   proxies([("b", "a"), ("d", "d")]))
    text = render_markdown(result, ORIGIN)
    for part in (
        "# Procès-verbal — Adopter la charte",
        f"- Ouverture{NN}: 2 novembre 2026, commit `{'a' * 40}`",
        f"- Clôture{NN}: 29 novembre 2026, commit `{'b' * 40}`",
        "- Version soumise à approbation\u202f: v1.0.0",
        "**La proposition est adoptée.**",
        f"«{NB}5/6 > 1/2{NB}»",
        f"Calcul{NN}: 50{NN}% × 1/1 + 50{NN}% × 2/3 = 5/6.",
        "| b | Organisation b | hubs | représenté par «\u00a0a\u00a0» |",
        f"| hubs | 50{NN}% | 2 | 0 | 0 | 0 | 1/1 |",
        "procuration à soi-même",
        "n'est pas membre",
    ):
        assert part in text, part
    assert render_markdown(result, ORIGIN) == text


def test_text_and_json_renderings() -> None:
    result = tally(assembly({"a": "x", "b": "x", "c": "x"}),
                   ballots({"a": "pour", "b": "contre"}), [])
    assert "La proposition est rejetée." in render_text(result, ORIGIN)
    data = json.loads(render_json(result, ORIGIN))
    assert list(data) == ["decision", "method", "status", "result", "share", "threshold",
                          "quorum", "colleges", "excluded", "ranking", "opening", "seal"]
    assert (data["share"], data["threshold"], data["result"]) == ("1/2", "> 1/2", "rejected")


def test_majority_judgment_minutes_show_the_ranking_and_ex_aequo() -> None:
    from governance.builders import graded

    spec = assembly({"a": "x", "b": "x"}, methode="jugement-majoritaire", options=("p", "q", "r"))
    result = tally(spec, graded({"a": {"p": "bien", "q": "passable", "r": "excellent"},
                                 "b": {"p": "passable", "q": "bien", "r": "a-rejeter"}}), [])
    text = render_markdown(result, ORIGIN)
    assert "| 1 (ex æquo) | p | passable |" in text
    assert "| 1 (ex æquo) | q | passable |" in text
    assert "| 2 | r | a-rejeter |" in text
    assert f"Ex æquo entre «{NB}p{NB}» et «{NB}q{NB}»" in text
    assert json.loads(render_json(result, ORIGIN))["ranking"] == [["p", "q"], ["r"]]


def test_consent_minutes_list_objections_with_their_motive() -> None:
    from bouquet.governance.models import Bulletin
    from bouquet.governance.result import Ballot

    spec = assembly({"a": "x", "b": "x"}, methode="consentement")
    result = tally(spec, [Ballot("a", "b/a.yaml", Bulletin.model_validate(
        {"choix": "objection", "motif": "Le budget n'est pas voté"})),
        *ballots({"b": "consentement"})], [])
    text = render_markdown(result, ORIGIN)
    assert "une objection au moins a été levée" in text
    assert f"- «{NB}a{NB}»{NN}: Le budget n'est pas voté" in text
