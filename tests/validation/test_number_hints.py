"""Numbers written the French way (« 4 000 € », « 2,5 », « 2 jours ») get a hint that says how
YAML wants them."""

from __future__ import annotations

import datetime as dt

import pytest

from bouquet.validation.catalogue import build_catalogue
from repo import REPO

MODULE = "modules/diagnostic-territorial/module.yaml"


def hints_for(old: str, new: str) -> list[str]:
    text = (REPO / MODULE).read_text(encoding="utf-8")
    assert old in text
    sources = {MODULE: text.replace(old, new, 1).encode()}
    for vocabulary in sorted((REPO / "schema" / "vocabulaires").glob("*.yaml")):
        sources[f"schema/vocabulaires/{vocabulary.name}"] = vocabulary.read_bytes()
    _, diagnostics = build_catalogue(sources, today=dt.date(2026, 11, 29))
    return [d.hint or "" for d in diagnostics if d.code == "BQ104"]


@pytest.mark.parametrize(("written", "advice"), [
    ("4 000", "en chiffres collés, sans espace ni «\u00a0€\u00a0» (ex. 4000)"),
    ("4000 €", "en chiffres collés, sans espace ni «\u00a0€\u00a0» (ex. 4000)"),
    ("4\u202f000 € HT", "en chiffres collés, sans espace ni «\u00a0€\u00a0» (ex. 4000)"),
    ("beaucoup", "en chiffres et sans guillemets"),
])
def test_price_hints(written: str, advice: str) -> None:
    hints = hints_for("min: 4000", f"min: {written}")
    assert len(hints) == 1 and advice in hints[0]


@pytest.mark.parametrize(("written", "advice"), [
    ("2,5", "avec un point pour les décimales (ex. 2.5)"),
    ("2 jours", "en chiffres seuls, sans unité (ex. 2)"),
])
def test_duration_hints(written: str, advice: str) -> None:
    text = (REPO / MODULE).read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("max:"))
    hints = hints_for(line, line.split("max:")[0] + f"max: {written}")
    assert len(hints) == 1 and advice in hints[0]
