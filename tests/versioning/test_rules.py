"""Every rule of the catalogue has a before/after fixture pair that fires it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.versioning.compute import compute
from bouquet.versioning.rules import RULES, Bump, rule

from .gitutil import BASE, FIXTURES, GitRepo, clear

RULE_IDS = [r.id for r in RULES]


def test_every_rule_has_a_fixture_pair() -> None:
    pairs = {p.name for p in FIXTURES.iterdir() if not p.name.startswith("_")}
    assert pairs == set(RULE_IDS)


def test_rule_ids_are_unique_and_templates_render() -> None:
    assert len(RULE_IDS) == len(set(RULE_IDS))
    for entry in RULES:
        entry.template.format(subject="s", before="b", after="a", field="f", detail="d")


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_fixture_fires_its_rule(rule_id: str, tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "depot")
    repo.copy(BASE)
    if (FIXTURES / rule_id / "before").exists():  # a missing side is the base alone
        repo.copy(FIXTURES / rule_id / "before")
    repo.commit("Avant")
    repo.tag("v1.0.0", "Version 1.0.0")
    clear(repo)
    repo.copy(BASE)
    if (FIXTURES / rule_id / "after").exists():
        repo.copy(FIXTURES / rule_id / "after")
    repo.commit("Après")

    report = compute(repo.path)

    assert report.diagnostics == ()
    fired = {c.rule for c in report.changes}
    assert rule_id in fired
    expected = rule(rule_id)
    assert report.bump is expected.bump
    assert bool(report.blocking) is expected.blocking
    if expected.bump is Bump.NONE:
        assert str(report.next) == "1.0.0"


def test_deliverables_change_names_what_was_added_and_removed() -> None:
    from bouquet.fr import NBSP, NNBSP
    from bouquet.versioning.render import list_difference

    assert list_difference(("A", "B"), ("A", "C")) == (
        f"ajout de «{NBSP}C{NBSP}»{NNBSP}; retrait de «{NBSP}B{NBSP}»")
    assert list_difference(("A", "B"), ("B", "A")) == "ordre modifié"
