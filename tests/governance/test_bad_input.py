"""Bad input never crashes the tally: every bad file is excluded with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from governance.conftest import DECISION, decision_yaml, instance_yaml, members_yaml
from repo import GitRepo

MEMBERS = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y"), ("e", "y"), ("f", "y"), ("g", "y")]
BOMB = b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"


def test_hostile_ballots_are_excluded_with_reasons(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml([m for m, _ in MEMBERS]),
    })
    repo.commit("Open", {f"{DECISION}/decision.yaml": decision_yaml()})
    b = f"{DECISION}/bulletins"
    repo.commit("Ballots", {
        f"{b}/a.yaml": b"\xff\xfe\x00binaire",
        f"{b}/b.yaml": BOMB,
        f"{b}/c.yaml": "- pour\n",
        f"{b}/d.yaml": "choix: 1\n",
        f"{b}/e.yaml": "choix: pour\nchoix: contre\n",
        f"{b}/F.yaml": "choix: pour\n",
        f"{b}/f.yaml": "choix: contre\n",
        f"{b}/g.yaml": "choix: !!python/object:os.system pour\n",
        f"{b}/été.yaml": "choix: pour\n",
        f"{DECISION}/procurations/c.yaml": "mandataire: [a, b]\n",
    })
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    reasons = {Path(e["file"]).name: e["reason"] for e in data["excluded"]}
    assert set(reasons) == {"a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "F.yaml",
                            "g.yaml", "été.yaml"}
    # only f: e has two « choix », and F, a case variant, comes after the lower-case name
    assert data["quorum"]["present"] == 1
    assert "doublon" in reasons["F.yaml"]
    assert "identifiant de membre" in reasons["été.yaml"]


def test_not_a_repository_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["vote", "tally", "d1", "--repo", str(tmp_path)]) == 2
    assert "dépôt git" in capsys.readouterr().err


def test_broken_decision_at_opening_is_exit_one(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml([m for m, _ in MEMBERS]),
    })
    repo.commit("Open", {f"{DECISION}/decision.yaml": "id: d1\ninstance: comite\nmethode: vote\n"})
    assert main(["vote", "tally", "d1", "--repo", str(repo.path)]) == 1
    assert "invalides" in capsys.readouterr().err


def test_tally_write_files_the_minutes_beside_the_decision(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Base", {
        "governance/membres.yaml": members_yaml([("a", "x"), ("b", "x")]),
        "governance/instances/comite.yaml": instance_yaml(["a", "b"], None),
        f"{DECISION}/decision.yaml": decision_yaml(),
        f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
    })
    assert main(["vote", "tally", "d1", "-C", str(repo.path), "--format", "markdown",
                 "--write"]) == 0
    written = (repo.path / DECISION / "proces-verbal.md").read_text(encoding="utf-8")
    assert written.startswith("# Procès-verbal")
    assert written in capsys.readouterr().out


def test_an_excluded_ballot_gives_every_reason_with_its_place() -> None:
    from bouquet.governance.files import read_submissions

    folder = "governance/decisions/d1"
    files = {f"{folder}/bulletins/a.yaml": b"choix: peut-etre\nsignataire: a\n",
             f"{folder}/bulletins/b.yaml": b"choix: pour\n"}
    found = read_submissions(folder, files)
    assert [b.member for b in found.ballots] == ["b"]
    [excluded] = found.excluded
    assert excluded.file == f"{folder}/bulletins/a.yaml"
    assert excluded.reason == (
        "fichier mal formé : choix «\u00a0peut-etre\u00a0» inconnu (ligne 1, colonne 1) ; "
        "champ inconnu «\u00a0signataire\u00a0» (ligne 2, colonne 1)")
