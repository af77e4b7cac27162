"""Concurrent and interrupted releases, and forged minutes (issue 11, items 4, 13 and 14).

One release at a time: a second `bouquet release` meets the first one's lock and is refused
clearly, touching nothing; a git lock left by an interrupted `git tag` is removed by the
rollback, and one left by something else is reported with what to do. A procès-verbal that
the recount from history contradicts stops a release.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import build_parser, report
from bouquet.commands import release as release_command
from bouquet.errors import BouquetError
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

RC = ["--pre-release", "rc", "--date", "2026-11-20"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "depot")
    write_module(root, "cartographie")
    commit_all(root, "Un module")
    return root


def run(root: Path, hook: object = None, *extra: str) -> int:
    args = build_parser().parse_args(["release", "-C", str(root), *(extra or RC)])
    try:
        return release_command.execute(args, before_step=hook)  # type: ignore[arg-type]
    except BouquetError as error:  # what the CLI prints and returns (bouquet.cli.main)
        report(error, "bouquet release")
        return int(error.exit_code)


def git_dir(root: Path) -> Path:
    return Path(git(root, "rev-parse", "--absolute-git-dir"))


@pytest.mark.parametrize("step", ["write", "commit", "tag"])
def test_a_second_release_meets_the_lock_of_the_first(
    repo: Path, step: str, capsys: pytest.CaptureFixture[str]
) -> None:
    second: list[tuple[int, str, tuple[str, str, str, str, dict[str, bytes]]]] = []

    def hook(current: str) -> None:
        if current == step:
            state = repo_state(repo)
            code = run(repo)
            second.append((code, capsys.readouterr().err, state))

    assert run(repo, hook) == 0
    code, err, state_at_second_start = second[0]
    assert code == 1
    assert "publication est déjà en cours" in err and "bouquet-release.lock" in err
    assert "erreur interne" not in err
    # the second run undid nothing of the first: its commit and tag are in place
    assert git(repo, "describe", "--exact-match", "HEAD") == "v1.0.0-rc.1"
    assert git(repo, "tag", "-l") == "v1.0.0-rc.1"
    assert git(repo, "status", "--porcelain") == ""
    assert state_at_second_start[1] != git(repo, "rev-parse", "HEAD") or step == "tag"
    assert not (git_dir(repo) / "bouquet-release.lock").exists()


def test_a_lock_left_by_a_dead_release_is_reported_with_what_to_do(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = git_dir(repo) / "bouquet-release.lock"
    lock.write_text("pid 999999999\n", encoding="utf-8")
    before = repo_state(repo)
    assert run(repo) == 1
    err = capsys.readouterr().err
    assert str(lock) in err and "supprimez" in err
    assert repo_state(repo) == before and lock.exists()
    lock.unlink()
    assert run(repo) == 0


def test_an_interrupted_git_tag_leaves_no_lock_behind(repo: Path) -> None:
    before = repo_state(repo)
    tag_lock = git_dir(repo) / "refs" / "tags" / "v1.0.0-rc.1.lock"

    def hook(step: str) -> None:
        if step == "tag":  # what git leaves when it is killed while writing the tag
            tag_lock.parent.mkdir(parents=True, exist_ok=True)
            tag_lock.write_text("", encoding="utf-8")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(repo, hook)
    assert repo_state(repo) == before
    assert not tag_lock.exists()
    assert run(repo) == 0
    assert git(repo, "tag", "-l") == "v1.0.0-rc.1"


def test_a_stale_git_lock_from_before_is_reported_clearly(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_lock = git_dir(repo) / "refs" / "tags" / "v1.0.0-rc.1.lock"
    tag_lock.parent.mkdir(parents=True, exist_ok=True)
    tag_lock.write_text("", encoding="utf-8")
    before = repo_state(repo)
    assert run(repo) == 1
    err = capsys.readouterr().err
    assert "BQ459" in err and "refs/tags/v1.0.0-rc.1.lock" in err and "supprimez" in err
    assert "cannot lock ref" not in err
    assert repo_state(repo) == before


def test_forged_minutes_stop_the_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = init_repo(tmp_path / "depot")
    write_module(root, "cartographie")
    write_governance(root)
    commit_all(root, "Module et gouvernance")
    vote(root, "approbation-v1-0-0", "v1.0.0",
         {"zoomacom": "pour", "la-mednum": "pour", "les-assembleurs": "contre"})
    decision = "governance/decisions/approbation-v1-0-0"
    assert bouquet_vote(root, "tally", "approbation-v1-0-0", "--ecrire") == 0
    minutes = root / decision / "proces-verbal.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(
        "La proposition est adoptée.", "La proposition est rejetée."), encoding="utf-8")
    commit_all(root, "Procès-verbal")
    capsys.readouterr()
    assert bouquet(root, "release", "--date", "2026-11-29") == 1
    err = capsys.readouterr().err
    assert "BQ319" in err and f"{decision}/proces-verbal.md" in err
    assert git(root, "tag", "-l") == ""
