"""The release transaction is all or nothing, whatever step fails."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bouquet.errors import BouquetError
from bouquet.release.transaction import STEPS, Change, apply
from releasekit import commit_all, init_repo, write_module
from repo import git


class Injected(Exception):
    pass


def state(root: Path) -> tuple[str, str, str, str, dict[str, bytes]]:
    files = {p.relative_to(root).as_posix(): p.read_bytes()
             for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts}
    return (git(root, "status", "--porcelain", "--untracked-files=all"),
            git(root, "rev-parse", "HEAD"), git(root, "tag", "--list"),
            git(root, "ls-files", "--stage"), files)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "depot")
    write_module(root, "cartographie")
    (root / "CHANGELOG.md").write_text("# Journal des modifications\n\nAncien.\n")
    commit_all(root, "Premier module")
    git(root, "tag", "-a", "v0.9.0", "-m", "ancienne")
    return root


CHANGE = Change(
    files=(("CHANGELOG.md", b"# Journal\n\n## [1.0.0]\n"),
           ("releases/v1.0.0.json", b"{}\n")),
    commit_message="Publication du Bouquet v1.0.0\n",
    tag="v1.0.0",
    tag_message="# Bouquet 1.0.0\n\n## Ajouté\n\n- tout\n",
)


def test_apply_commits_and_tags_with_the_notes_verbatim(repo: Path) -> None:
    commit = apply(repo, CHANGE)
    assert git(repo, "rev-parse", "v1.0.0^{commit}") == commit
    assert git(repo, "cat-file", "-t", "v1.0.0") == "tag"
    assert git(repo, "tag", "-l", "--format=%(contents)", "v1.0.0") == CHANGE.tag_message.strip()
    assert git(repo, "status", "--porcelain") == ""
    assert (repo / "releases" / "v1.0.0.json").read_bytes() == b"{}\n"


@pytest.mark.parametrize("failing_step", STEPS)
def test_a_failure_at_any_step_leaves_everything_as_before(repo: Path, failing_step: str) -> None:
    before = state(repo)

    def hook(step: str) -> None:
        if step == failing_step:
            raise Injected(step)

    with pytest.raises(Injected):
        apply(repo, CHANGE, before_step=hook)
    assert state(repo) == before
    assert not (repo / "releases").exists()


def test_a_failure_after_the_first_file_is_written_is_rolled_back(repo: Path) -> None:
    before = state(repo)
    calls: list[str] = []

    def hook(step: str) -> None:
        calls.append(step)
        if step == "stage":
            assert (repo / "releases" / "v1.0.0.json").exists()
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        apply(repo, CHANGE, before_step=hook)
    assert calls == ["write", "stage"]
    assert state(repo) == before


@pytest.mark.parametrize("hook_name", ["pre-commit", "commit-msg"])
def test_a_refusing_git_hook_changes_nothing(repo: Path, hook_name: str) -> None:
    hooks = Path(git(repo, "rev-parse", "--git-path", "hooks"))
    hooks = hooks if hooks.is_absolute() else repo / hooks
    hooks.mkdir(parents=True, exist_ok=True)
    git(repo, "config", "core.hooksPath", str(hooks))
    script = hooks / hook_name
    script.write_text("#!/bin/sh\necho 'refusé par le crochet' >&2\nexit 1\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    before = state(repo)
    with pytest.raises(BouquetError, match="refusé par le crochet"):
        apply(repo, CHANGE)
    assert state(repo) == before
