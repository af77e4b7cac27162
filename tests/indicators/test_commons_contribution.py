"""The contribution to the commons counted by the indicators (issue 15, item 6): the
contracted amount of each semester times the rate of governance/contribution-au-commun.yaml;
none without that file (the hand fixture has none: its expected value is null)."""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from bouquet.indicators.inputs import read_inputs
from bouquet.indicators.render import as_json, render_text
from bouquet.indicators.run import run
from bouquet.indicators.semesters import parse_semester
from deploymentrepo import HAND, add_records, build_catalogue_repo
from repo import REPO

RULE = "governance/contribution-au-commun.yaml"


def test_the_contribution_is_the_contracted_amount_times_the_rate(
        tmp_path: Path, expected: dict[str, Any]) -> None:
    root = build_catalogue_repo(tmp_path / "depot")
    add_records(root, HAND)
    shutil.copyfile(REPO / RULE, root / RULE)
    text = (root / RULE).read_text(encoding="utf-8")
    (root / RULE).write_text(text.replace("taux_pourcent: 3", "taux_pourcent: 2.5"), "utf-8")
    series = run(read_inputs(root, use_cache=False), parse_semester("2026-S1"))
    assert series
    for indicators in series:
        contracted = expected[indicators.semester.code]["contracted_eur"]
        assert indicators.commons_contribution_eur == Fraction(contracted) * Fraction(25, 1000)
        value = as_json(indicators)["commons_contribution_eur"]
        assert value == pytest.approx(contracted * 0.025, abs=0.005)
    assert "dont contribution au commun" in render_text(series[-1])


def test_without_a_rule_nothing_is_counted(hand_repo: Path) -> None:
    series = run(read_inputs(hand_repo, use_cache=False), parse_semester("2026-S1"))
    assert all(s.commons_contribution_eur is None for s in series)
