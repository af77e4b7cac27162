"""Time from history, in real temporary git repositories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bouquet.cli import main
from governance.conftest import DECISION, decision_yaml, instance_yaml, members_yaml
from repo import GitRepo

MEMBERS = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")]


def setup(repo: GitRepo, **rules: Any) -> str:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml([m for m, _ in MEMBERS], **rules),
    })
    return repo.commit("Open", {f"{DECISION}/decision.yaml": decision_yaml()})


def tally_json(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_before_the_seal_the_tally_is_provisional(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    opening = setup(repo)
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/b.yaml": "choix: pour\n"})
    data = tally_json(repo, capsys)
    assert data["status"] == "provisional"
    assert data["opening"] == opening and data["seal"] is None


def test_late_ballot_after_the_seal_is_listed_and_ignored(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(repo)
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/b.yaml": "choix: contre\n"})
    seal = repo.commit("Close", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    repo.commit("Late", {f"{DECISION}/bulletins/c.yaml": "choix: pour\n",
                         f"{DECISION}/bulletins/b.yaml": "choix: pour\n"})
    data = tally_json(repo, capsys)
    assert data["status"] == "final" and data["seal"] == seal
    assert data["result"] == "rejected" and data["share"] == "1/2"
    late = {e["file"]: e["reason"] for e in data["excluded"]}  # type: ignore[attr-defined]
    assert set(late) == {f"{DECISION}/bulletins/b.yaml", f"{DECISION}/bulletins/c.yaml"}
    assert all("après la clôture" in r for r in late.values())


def test_reopening_after_the_seal_does_not_move_it(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(repo)
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/b.yaml": "choix: pour\n"})
    seal = repo.commit("Close", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    repo.commit("Reopen", {f"{DECISION}/decision.yaml": decision_yaml("ouverte")})
    repo.commit("More", {f"{DECISION}/bulletins/c.yaml": "choix: contre\n"})
    repo.commit("Close again", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    data = tally_json(repo, capsys)
    assert data["seal"] == seal and data["share"] == "1/1"


def test_roster_and_rules_changed_after_opening_are_ignored(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(repo, quorum=">= 1/2")
    repo.commit("Change roster and rules", {
        "governance/membres.yaml": members_yaml([*MEMBERS, ("e", "y")]),
        "governance/instances/comite.yaml": instance_yaml(
            ["a", "b", "c", "d", "e"], quorum="> 9/10"),
    })
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/b.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/e.yaml": "choix: contre\n"})
    repo.commit("Close", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    data = tally_json(repo, capsys)
    assert data["quorum"] == {"registered": 4, "present": 2, "represented": 0, "reached": True}
    assert data["result"] == "adopted"
    assert "n'est pas membre" in data["excluded"][0]["reason"]  # type: ignore[index]


def test_seal_on_first_parent_history_of_a_merged_branch(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(repo)
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/b.yaml": "choix: pour\n"})
    repo.git("checkout", "-q", "-b", "secretariat")
    repo.commit("Close in a branch", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    repo.git("checkout", "-q", "main")
    repo.commit("Ballot on main meanwhile", {f"{DECISION}/bulletins/c.yaml": "choix: contre\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "Merge", "secretariat")
    merge = repo.git("rev-parse", "HEAD")
    data = tally_json(repo, capsys)
    assert data["seal"] == merge  # first commit on first-parent history where statut is close
    assert data["share"] == "2/3"


def test_proxy_cap_follows_history_order_not_file_names(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(repo, procurations_max=1)
    repo.commit("Vote", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n"})
    repo.commit("Proxy d first", {f"{DECISION}/procurations/d.yaml": "mandataire: a\n"})
    repo.commit("Proxy b later", {f"{DECISION}/procurations/b.yaml": "mandataire: a\n"})
    data = tally_json(repo, capsys)
    assert [e["file"] for e in data["excluded"]] == [  # type: ignore[attr-defined]
        f"{DECISION}/procurations/b.yaml"]


def test_uncommitted_decision_is_a_usage_error(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {"governance/membres.yaml": members_yaml(MEMBERS)})
    assert main(["vote", "tally", "d1", "--repo", str(repo.path)]) == 2
    assert "introuvable" in capsys.readouterr().err
    repo.write_files({f"{DECISION}/decision.yaml": decision_yaml()})
    assert main(["vote", "tally", "d1", "--repo", str(repo.path)]) == 2
    assert "n'est pas dans l'historique" in capsys.readouterr().err


def test_invalid_instance_is_exit_one(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml(["a", "b"], {"x": 60, "y": 40}),
    })
    repo.commit("Open", {f"{DECISION}/decision.yaml": decision_yaml()})
    assert main(["vote", "tally", "d1", "--repo", str(repo.path)]) == 1
    assert "60\u202f%" in capsys.readouterr().err


def test_markdown_minutes_are_byte_identical_on_rerun(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    setup(repo)
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                          f"{DECISION}/bulletins/c.yaml": "choix: contre\n",
                          f"{DECISION}/bulletins/b.yaml": "choix: pour\n"})
    repo.commit("Close", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    outputs = []
    for _ in range(2):
        assert main(["vote", "tally", f"{repo.path}/{DECISION}", "--repo", str(repo.path),
                     "--format", "markdown"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert "«\u00a02/3 > 1/2\u00a0»" in outputs[0]


def test_shallow_clone_without_the_opening_is_a_usage_error(
    repo: GitRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(repo)
    repo.commit("Votes", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n"})
    repo.commit("Close", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    clone = tmp_path / "superficiel"
    repo.clone(clone, "--depth", "1")
    assert main(["vote", "tally", "d1", "--repo", str(clone)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "superficiel" in captured.err and "git fetch --unshallow" in captured.err
    deeper = tmp_path / "profond"  # the opening and its parent are fetched: fine
    repo.clone(deeper, "--depth", "4")
    assert main(["vote", "tally", "d1", "--repo", str(deeper), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "final"
