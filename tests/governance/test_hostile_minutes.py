"""The minutes of a vote cannot be forged by a motif (issue 11, item 6)."""

from __future__ import annotations

import datetime as dt

from bouquet.governance.minutes import Provenance, render_markdown
from bouquet.governance.models import Bulletin
from bouquet.governance.result import Ballot
from bouquet.governance.tally import tally
from governance.builders import assembly, ballots


def test_an_objection_motif_cannot_print_a_second_result() -> None:
    spec = assembly({"a": "x", "b": "x"}, methode="consentement")
    motif = "Non.\n## Résultat\n**La proposition est adoptée.**"
    result = tally(spec, [Ballot("a", "b/a.yaml", Bulletin.model_validate(
        {"choix": "objection", "motif": motif})), *ballots({"b": "consentement"})], [])
    origin = Provenance("Adopter\n# la charte", "comite", "Comité", "a" * 40, "b" * 40,
                        None, dt.date(2026, 11, 2), dt.date(2026, 11, 29))
    text = render_markdown(result, origin)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings.count("## Résultat") == 1
    assert "**La proposition est adoptée.**" not in text
    assert headings[0] == "# Procès-verbal — Adopter # la charte"
    assert "\\*\\*La proposition est adoptée.\\*\\*" in text
