"""``release`` reads nothing outside the repository (issue 11, item 9): a committed
CHANGELOG.md that links outside is refused, its target never copied into a commit or tag."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasekit import (
    bouquet,
    commit_all,
    init_repo,
    merge_branch,
    repo_state,
    write_governance,
    write_module,
)
from repo import git

SECRET = "hunter2-SECRET"


def test_a_changelog_that_links_outside_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = init_repo(tmp_path / "depot")
    write_governance(root)
    secret = tmp_path / "secret.md"
    secret.write_text(f"# Journal\n\n{SECRET}\n", encoding="utf-8")
    (root / "CHANGELOG.md").symlink_to(secret)
    commit_all(root, "Gouvernance et journal")
    monkeypatch.chdir(root)
    merge_branch(root, "module/cartographie", "Ajoute la cartographie",
                 lambda: write_module(root, "cartographie", titre="Cartographie"))
    before = repo_state(root)
    code = bouquet(root, "release", "--pre-release", "rc", "--date", "2026-11-20")
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert "CHANGELOG.md" in err and "hors du dépôt" in err
    assert repo_state(root) == before
    assert git(root, "tag", "-l") == ""
