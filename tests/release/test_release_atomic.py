"""`bouquet release` is all or nothing: a failure at any step, or a git hook refusing the
commit, leaves the working tree, the index, the branch and the tags exactly as before."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bouquet.cli import build_parser, report
from bouquet.commands import release as release_command
from bouquet.errors import BouquetError
from bouquet.release.transaction import STEPS
from releasekit import commit_all, init_repo, repo_state, write_module
from repo import git


class Injected(Exception):
    pass


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "depot")
    write_module(root, "cartographie")
    (root / "CHANGELOG.md").write_text("# Journal des modifications\n\nPréambule.\n")
    commit_all(root, "Un module")
    return root


def run(root: Path, hook: object = None) -> int:
    args = build_parser().parse_args(["release", "-C", str(root), "--pre-release", "rc",
                                      "--date", "2026-11-20"])
    try:
        return release_command.execute(args, before_step=hook)  # type: ignore[arg-type]
    except BouquetError as error:  # what the CLI prints and returns (bouquet.cli.main)
        report(error, "bouquet release")
        return int(error.exit_code)


@pytest.mark.parametrize("failing_step", STEPS)
def test_failure_injected_at_each_step(
    repo: Path, failing_step: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = repo_state(repo)
    seen: list[str] = []

    def hook(step: str) -> None:
        seen.append(step)
        if step == failing_step:
            raise Injected(f"panne simulée à l'étape {step}")

    with pytest.raises(Injected):
        run(repo, hook)
    assert seen[-1] == failing_step
    assert repo_state(repo) == before
    # Nothing is left half done: the same release then succeeds.
    assert run(repo) == 0
    assert git(repo, "describe", "--exact-match", "HEAD") == "v1.0.0-rc.1"
    capsys.readouterr()


def test_interruption_between_steps_is_rolled_back(repo: Path) -> None:
    before = repo_state(repo)

    def hook(step: str) -> None:
        if step == "tag":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(repo, hook)
    assert repo_state(repo) == before


@pytest.mark.parametrize("hook_name", ["pre-commit", "commit-msg"])
def test_refusing_git_hook(repo: Path, hook_name: str, capsys: pytest.CaptureFixture[str]) -> None:
    hooks = repo / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    git(repo, "config", "core.hooksPath", str(hooks))
    script = hooks / hook_name
    script.write_text("#!/bin/sh\necho 'commit refusé par la politique locale' >&2\nexit 1\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    before = repo_state(repo)
    assert run(repo) == 1
    err = capsys.readouterr().err
    assert "remis exactement dans son état d'avant" in err
    assert "commit refusé par la politique locale" in err
    assert repo_state(repo) == before
