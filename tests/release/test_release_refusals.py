"""Each precondition of `bouquet release` refuses with a French message, exit 1, and the
repository exactly as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from releasekit import (
    bouquet,
    bouquet_vote,
    commit_all,
    init_repo,
    repo_state,
    vote,
    write_governance,
    write_module,
)
from repo import git

DATE = "2026-11-29"


def q(text: str) -> str:
    return f"«\u00a0{text}\u00a0»"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "depot")
    write_module(root, "cartographie", titre="Cartographie des lieux")
    write_module(root, "diagnostic-territorial", titre="Diagnostic territorial")
    commit_all(root, "Deux modules")
    return root


def refused(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    before = repo_state(root)
    assert bouquet(root, "release", "--date", DATE, *args) == 1
    assert repo_state(root) == before
    err = capsys.readouterr().err
    assert "rien n'a été modifié" in err
    return err


def test_not_on_the_default_branch(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "-q", "-c", "contribution")
    err = refused(repo, capsys, "--pre-release", "rc")
    assert "BQ451" in err and q("contribution") in err and "git switch main" in err


def test_detached_head(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "-q", "--detach")
    assert "HEAD est détaché" in refused(repo, capsys, "--pre-release", "rc")


@pytest.mark.parametrize("kind", ["untracked", "modified", "staged"])
def test_unclean_working_tree(repo: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    module = repo / "modules" / "cartographie" / "module.yaml"
    if kind == "untracked":
        (repo / "notes.txt").write_text("brouillon\n")
    else:
        module.write_text(module.read_text() + "# commentaire\n")
        if kind == "staged":
            git(repo, "add", str(module))
    err = refused(repo, capsys, "--pre-release", "rc")
    assert "BQ452" in err and "git stash" in err


def test_invalid_content(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_module(repo, "cartographie", famille="famille_inconnue")
    commit_all(repo, "Famille inconnue")
    err = refused(repo, capsys, "--pre-release", "rc")
    assert "BQ453" in err and "bouquet validate" in err
    assert "modules/cartographie/module.yaml" in err


def test_blocking_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "tag", "-a", "v1.0.0", "-m", "Première version")
    shutil.rmtree(repo / "modules" / "diagnostic-territorial")
    commit_all(repo, "Retire un module sans l'avoir déprécié")
    err = refused(repo, capsys, "--pre-release", "rc")
    assert "BQ454" in err and "bouquet version" in err


def test_tag_already_exists(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "-q", "-c", "ailleurs")
    write_module(repo, "autre")
    commit_all(repo, "Ailleurs")
    git(repo, "tag", "-a", "v1.0.0", "-m", "sur une autre branche")
    git(repo, "switch", "-q", "main")
    git(repo, "branch", "-q", "-D", "ailleurs")
    # The tag is not reachable from main, so the computation proposes 1.0.0 again.
    err = refused(repo, capsys)
    assert "BQ455" in err and q("v1.0.0") in err


def test_nothing_to_release(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "tag", "-a", "v1.0.0", "-m", "Première version")
    module = repo / "modules" / "cartographie" / "module.yaml"
    module.write_text("# Mise en forme seulement\n" + module.read_text())
    commit_all(repo, "Mise en forme seulement")
    err = refused(repo, capsys, "--pre-release", "rc")
    assert "BQ457" in err


def test_second_candidate_with_the_same_content(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bouquet(repo, "release", "--date", DATE, "--pre-release", "rc") == 0
    capsys.readouterr()
    governance = repo / "governance" / "notes.md"
    governance.parent.mkdir(exist_ok=True)
    governance.write_text("Compte rendu de réunion\n", encoding="utf-8")
    commit_all(repo, "Rien de neuf dans le catalogue")
    err = refused(repo, capsys, "--pre-release", "rc")
    assert "BQ457" in err and q("v1.0.0-rc.1") in err
    write_module(repo, "autre", titre="Autre module")
    commit_all(repo, "Un module de plus")
    assert bouquet(repo, "release", "--date", DATE, "--pre-release", "rc") == 0
    assert "v1.0.0-rc.2" in git(repo, "tag", "--list")


def test_every_refusal_is_reported_at_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_module(repo, "cartographie", famille="famille_inconnue")
    commit_all(repo, "Famille inconnue")
    git(repo, "switch", "-q", "-c", "contribution")
    (repo / "notes.txt").write_text("brouillon\n")
    err = refused(repo, capsys, "--pre-release", "rc")
    assert all(code in err for code in ("BQ451", "BQ452", "BQ453"))
    assert "(3 raisons)" in err


def test_not_a_repository_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bouquet(tmp_path, "release") == 2
    assert "dépôt git" in capsys.readouterr().err


def test_bad_date_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bouquet(repo, "release", "--date", "29/11/2026") == 2
    assert "AAAA-MM-JJ" in capsys.readouterr().err


@pytest.fixture
def governed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_governance(repo)
    commit_all(repo, "Gouvernance")
    monkeypatch.chdir(repo)
    return repo


def test_final_release_without_any_decision(
    governed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(governed, capsys)
    assert "BQ456" in err and "publication: v1.0.0" in err and "bouquet vote new" in err


def test_final_release_with_a_decision_not_yet_sealed(
    governed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bouquet_vote(governed, "new", "approbation", "--instance", "comite-du-commun",
                        "--objet", "Approuver la version 1.0.0", "--publication", "v1.0.0") == 0
    commit_all(governed, "Ouverture")
    ballots = governed / "governance" / "decisions" / "approbation" / "bulletins"
    ballots.mkdir()
    (ballots / "zoomacom.yaml").write_text("choix: pour\n")
    commit_all(governed, "Bulletin")
    capsys.readouterr()
    err = refused(governed, capsys)
    assert "BQ456" in err and f"décision {q('approbation')} n'est pas scellée" in err


def test_final_release_with_a_rejected_decision(
    governed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote(governed, "approbation", "v1.0.0",
         {"zoomacom": "contre", "la-mednum": "contre", "les-assembleurs": "pour"})
    capsys.readouterr()
    err = refused(governed, capsys)
    assert "BQ456" in err and "n'est pas adoptée (rejetée)" in err


def test_final_release_with_a_decision_for_another_version(
    governed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote(governed, "approbation", "v2.0.0", {"zoomacom": "pour", "la-mednum": "pour"})
    capsys.readouterr()
    err = refused(governed, capsys)
    assert "BQ456" in err and "publication: v1.0.0" in err
