"""`bouquet validate` on governance files: every check, with file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.diagnostics.record import Diagnostic
from bouquet.governance.checks import check_governance
from bouquet.governance.hook import governance_diagnostics
from governance.conftest import DECISION, decision_yaml, instance_yaml, members_yaml
from repo import GitRepo

MEMBERS = members_yaml([("a", "x"), ("b", "x"), ("c", "y")])
BASE = {
    "governance/membres.yaml": MEMBERS,
    "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"], {"x": 50, "y": 50}),
    f"{DECISION}/decision.yaml": decision_yaml(),
}


def run(**changes: str) -> list[Diagnostic]:
    files = {**BASE, **{k.replace("__", "/"): v for k, v in changes.items()}}
    return list(check_governance({p: t.encode() for p, t in files.items()}))


def found(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.path.rsplit("/", 1)[-1], d.line, d.column) for d in diagnostics]


def test_valid_files_give_no_diagnostic() -> None:
    assert run() == []


def test_weights_not_summing_to_100_and_outside_10_50() -> None:
    instance = instance_yaml(["a", "b", "c"], {"x": 60, "y": 45})
    got = found(run(**{"governance__instances__comite.yaml": instance}))
    assert ("BQ304", "comite.yaml", 8, 1) in got
    assert ("BQ305", "comite.yaml", 9, 3) in got


def test_decision_naming_an_unknown_body() -> None:
    got = found(run(**{f"{DECISION}/decision.yaml".replace("/", "__"): decision_yaml().replace(
        "instance: comite", "instance: bureau")}))
    assert got == [("BQ307", "decision.yaml", 2, 1)]


def test_ballots_and_proxies_checks_with_positions() -> None:
    d = DECISION.replace("/", "__")
    got = found(run(**{
        f"{d}__bulletins__intrus.yaml": "choix: pour\n",
        f"{d}__bulletins__a.yaml": "# mon vote\nchoix: peut-etre\n",
        f"{d}__bulletins__b.yaml": "choix: [pour\n",
        f"{d}__procurations__c.yaml": "mandataire: c\n",
        f"{d}__procurations__a.yaml": "\nmandataire: z\n",
    }))
    assert ("BQ309", "intrus.yaml", 1, 1) in got
    assert ("BQ311", "a.yaml", 2, 1) in got
    assert any(code.startswith("BQ0") and name == "b.yaml" for code, name, _, _ in got)
    assert ("BQ313", "c.yaml", 1, 1) in got
    assert ("BQ309", "a.yaml", 2, 1) in got


def test_proxy_cycle_is_reported_on_each_file() -> None:
    d = DECISION.replace("/", "__")
    got = found(run(**{f"{d}__procurations__a.yaml": "mandataire: b\n",
                       f"{d}__procurations__b.yaml": "mandataire: A\n"}))
    assert [g for g in got if g[0] == "BQ314"] == [("BQ314", "a.yaml", 1, 1),
                                                   ("BQ314", "b.yaml", 1, 1)]


def test_mention_outside_scale_for_majority_judgment() -> None:
    d = DECISION.replace("/", "__")
    decision = decision_yaml(methode="jugement-majoritaire", options="[p, q]")
    got = found(run(**{f"{d}__decision.yaml": decision,
                       f"{d}__bulletins__a.yaml": "mentions:\n  p: bien\n  q: sublime\n"}))
    assert got == [("BQ312", "a.yaml", 3, 3)]


def test_a_sealed_decision_is_a_record_its_bad_ballots_only_warn() -> None:
    from bouquet.diagnostics.record import Severity

    d = DECISION.replace("/", "__")
    bad = {f"{d}__bulletins__a.yaml": "choix: peut-etre\n"}
    opened = run(**bad)
    assert [(x.code, x.severity) for x in opened] == [("BQ311", Severity.ERROR)]
    sealed = run(**bad, **{f"{d}__decision.yaml": decision_yaml("close")})
    assert [(x.code, x.severity) for x in sealed] == [("BQ311", Severity.WARNING)]
    assert "écarté du dépouillement" in sealed[0].message


def test_member_id_collision_ignoring_case() -> None:
    members = MEMBERS + "  - id: A\n    nom: Autre\n    college: x\n"
    got = found(run(**{"governance__membres.yaml": members}))
    assert ("BQ302", "membres.yaml", 11, 5) in got


def test_missing_signature_is_warned_only_while_the_vote_is_open() -> None:
    d = DECISION.replace("/", "__")
    signing = instance_yaml(["a", "b", "c"], {"x": 50, "y": 50}, signature=True)
    ballot = {f"{d}__bulletins__a.yaml": "choix: pour\n",
              "governance__instances__comite.yaml": signing}
    # (no member has a key here: BQ330, the unreachable quorum, is tested on its own)
    assert [x for x in found(run(**ballot)) if x[0] != "BQ330"] == [("BQ316", "a.yaml", 1, 1)]
    proxy = run(**{f"{d}__procurations__b.yaml": "mandataire: a\n",
                   "governance__instances__comite.yaml": signing})
    assert [(x.code, x.message.endswith("procurations signées")) for x in proxy
            if x.code != "BQ330"] == [("BQ316", True)]
    # Sealed before the body required signatures: the tally reads the opening's rules.
    closed = run(**ballot, **{f"{d}__decision.yaml": decision_yaml("close")})
    assert [x for x in found(closed) if x[0] == "BQ316"] == []


def _sealed_then_late_ballot(repo: GitRepo) -> dict[str, bytes]:
    """A decision sealed with one ballot, then a ballot committed after the seal."""
    repo.commit("Base", {**BASE, f"{DECISION}/bulletins/a.yaml": "choix: pour\n"})
    repo.commit("Close", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    repo.commit("Late", {f"{DECISION}/bulletins/b.yaml": "choix: contre\n"})
    return {p.relative_to(repo.path).as_posix(): p.read_bytes()
            for p in (repo.path / "governance").rglob("*") if p.is_file()}


def test_ballot_added_after_the_seal_is_refused_by_validate(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = _sealed_then_late_ballot(repo)
    got = found(governance_diagnostics(sources, repo.path))
    assert got == [("BQ315", "b.yaml", 1, 1)]
    (repo.path / "schema").mkdir()
    monkeypatch.chdir(repo.path)
    assert main(["validate", "--format", "text"]) == 1
    assert "BQ315" in capsys.readouterr().out


def test_real_governance_content_is_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    sources = {p.relative_to(root).as_posix(): p.read_bytes()
               for p in (root / "governance").rglob("*") if p.is_file()}
    if not sources:
        pytest.skip("pas encore de contenu de gouvernance")
    assert governance_diagnostics(sources, None) == []


def test_validate_named_governance_file_reports_its_problems(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write_files({**BASE, f"{DECISION}/bulletins/intrus.yaml": "choix: pour\n",
                f"{DECISION}/bulletins/a.yaml": "choix: pour\n"})
    (repo.path / "schema").mkdir()
    monkeypatch.chdir(repo.path)
    # naming one governance file (the pre-commit case) checks the governance folder as a whole
    assert main(["validate", f"{DECISION}/bulletins/a.yaml"]) == 1
    out = capsys.readouterr().out
    assert f"{DECISION}/bulletins/intrus.yaml:1:1: BQ309" in out
    (repo.path / DECISION / "bulletins/intrus.yaml").unlink()
    assert main(["validate", f"{DECISION}/bulletins/a.yaml"]) == 0


def test_sealed_check_reads_the_named_repository_not_the_current_folder(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from bouquet.validation.sources import check_sources

    sources = _sealed_then_late_ballot(repo)
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # as `bouquet release -C depot` run from another folder
    _, diagnostics = check_sources(sources, today=dt.date(2026, 11, 29), repo=repo.path)
    assert [d.code for d in diagnostics if d.code == "BQ315"] == ["BQ315"]


def test_bad_field_values_say_what_is_expected() -> None:
    d = DECISION.replace("/", "__")
    got = run(**{f"{d}__decision.yaml": decision_yaml(publication="1.2", methode="vote")})
    messages = " / ".join(x.message for x in got)
    assert "methode\u00a0» vaut «\u00a0vote" in messages
    got = run(**{f"{d}__decision.yaml": decision_yaml(publication="1.2")})
    assert [x.code for x in got] == ["BQ301"]
    assert "forme attendue" in got[0].message and "v1.2.0" in got[0].message
    got = run(**{f"{d}__decision.yaml": decision_yaml(methode="vote")})
    assert "valeurs possibles" in got[0].message and "jugement-majoritaire" in got[0].message


def test_objection_without_motive_gets_a_hint_about_motif() -> None:
    d = DECISION.replace("/", "__")
    got = run(**{f"{d}__decision.yaml": decision_yaml(methode="consentement"),
                 f"{d}__bulletins__a.yaml": "choix: objection\n"})
    assert [x.code for x in got] == ["BQ310"]
    assert "motif" in (got[0].hint or "")


def test_every_problem_of_a_governance_file_is_reported_at_its_place() -> None:
    """Like a module file: an empty « nom », an empty « periodicite » and an unknown key give
    three diagnostics, each at its line and column, in one run."""
    instance = ("id: x\nnom: ''\nperiodicite: ''\nmembres:\n  - a\n  - b\n  - c\n"
                "colleges:\n  x: 50\n  y: 50\nsecretaire: a\n")
    got = run(**{"governance__instances__x.yaml": instance})
    assert [(d.code, d.line, d.column) for d in got] == [
        ("BQ301", 2, 1), ("BQ301", 3, 1), ("BQ301", 11, 1)]
    nom, periodicite, unknown = (d.message for d in got)
    assert nom == "«\u00a0nom\u00a0» est vide"
    assert periodicite == "«\u00a0periodicite\u00a0» est vide"
    assert unknown == "champ inconnu «\u00a0secretaire\u00a0»"
    assert all(d.path == "governance/instances/x.yaml" for d in got)
    assert [d.json_path for d in got] == ["$.nom", "$.periodicite", "$.secretaire"]


def test_every_problem_of_a_ballot_and_of_a_decision_is_reported() -> None:
    d = DECISION.replace("/", "__")
    got = run(**{f"{d}__bulletins__a.yaml": "choix: peut-etre\nmotif: [a]\nsignataire: a\n"})
    assert [(x.code, x.line, x.column) for x in got] == [
        ("BQ311", 1, 1), ("BQ310", 2, 1), ("BQ310", 3, 1)]
    assert got[0].message == "choix «\u00a0peut-etre\u00a0» inconnu"
    assert got[2].message == "champ inconnu «\u00a0signataire\u00a0»"
    got = run(**{f"{d}__decision.yaml": decision_yaml(methode="vote", publication="1.2",
                                                      date="hier")})
    decision = [(x.code, x.line, x.column) for x in got if x.path.endswith("decision.yaml")]
    assert decision == [("BQ301", 4, 1), ("BQ301", 5, 1), ("BQ301", 6, 1)]
    messages = " / ".join(x.message for x in got if x.path.endswith("decision.yaml"))
    assert "valeurs possibles" in messages and "forme attendue" in messages
    assert "champ inconnu «\u00a0date\u00a0»" in messages
