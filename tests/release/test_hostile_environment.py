"""Environment errors are not bugs (issue 11, item 15): a folder that cannot be written or
read gets a French message naming the path and the cause, exit 1 or 2, never exit 3; and
a folder the validator cannot read is reported, never skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bouquet.cli import main
from releasekit import (
    bouquet,
    commit_all,
    contributed_repo,
    init_repo,
    repo_state,
)
from repo import git

# Root reads and writes through any mode: as root, the command runs without the capabilities
# that bypass file modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so the modes apply to it.
AS_ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")
WITHOUT_OVERRIDE = ([SETPRIV, "--bounding-set=-dac_override,-dac_read_search"]
                    if AS_ROOT and SETPRIV else [])
needs_rights = pytest.mark.skipif(AS_ROOT and not SETPRIV,
                                  reason="root sans setpriv (util-linux) passe outre les droits")


def run_bouquet(root: Path, *args: str) -> tuple[int, str, str]:
    """``bouquet`` in its own process, subject to file modes even when the tests run as root."""
    done = subprocess.run([*WITHOUT_OVERRIDE, sys.executable, "-m", "bouquet", *args],
                          cwd=root, capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = contributed_repo(tmp_path / "depot", titre="Cartographie")
    monkeypatch.chdir(root)
    return root


def test_a_releases_path_that_cannot_hold_files_is_reported_and_rolled_back(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "releases").write_text("pas un dossier\n", encoding="utf-8")
    commit_all(repo, "Un fichier à la place du dossier")
    before = repo_state(repo)
    code = bouquet(repo, "release", "--pre-release", "rc", "--date", "2026-11-20")
    err = capsys.readouterr().err
    assert code == 1
    assert "releases/v1.0.0-rc.1.json" in err
    assert "un élément du chemin n'est pas un dossier" in err
    assert "erreur interne" not in err
    assert repo_state(repo) == before and git(repo, "tag", "-l") == ""


@needs_rights
def test_a_read_only_releases_folder_is_reported(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "releases").mkdir()
    (repo / "releases").chmod(0o555)
    before = repo_state(repo)
    try:
        code, _, err = run_bouquet(repo, "release", "--pre-release", "rc", "--date", "2026-11-20")
    finally:
        (repo / "releases").chmod(0o755)
    assert code == 1 and "permission refusée" in err and "erreur interne" not in err
    assert repo_state(repo) == before and git(repo, "tag", "-l") == ""


@needs_rights
def test_an_unreadable_governance_folder_is_reported_not_skipped(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = repo / "governance" / "instances"
    folder.chmod(0o000)
    try:
        code, out, _ = run_bouquet(repo, "validate")
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert "governance/instances" in out and "permission refusée" in out
    assert "Tout est valide" not in out


@needs_rights
def test_an_unreadable_module_folder_is_reported(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = repo / "modules" / "cartographie"
    folder.chmod(0o000)
    try:
        code, out, _ = run_bouquet(repo, "validate")
    finally:
        folder.chmod(0o755)
    assert code == 1 and "modules/cartographie" in out and "permission refusée" in out


def test_a_governance_that_is_not_a_folder_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = init_repo(tmp_path / "depot")
    (root / "governance").write_text("pas un dossier\n", encoding="utf-8")
    (root / "modules").mkdir()
    monkeypatch.chdir(root)
    code = main(["validate"])
    captured = capsys.readouterr()
    assert code == 1
    assert "governance" in captured.out and "n'est pas un dossier" in captured.out
    assert "erreur interne" not in captured.err
    assert "Tout est valide" not in captured.out


def test_a_damaged_git_index_is_reported_not_a_bug(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = repo / ".git" / "index"
    index.write_bytes(b"DIRC abime")
    code = bouquet(repo, "release", "--pre-release", "rc", "--date", "2026-11-20")
    err = capsys.readouterr().err
    assert code == 1
    assert "git a échoué" in err and ".git/index" in err
    assert "erreur interne" not in err
    assert git(repo, "tag", "-l") == ""
