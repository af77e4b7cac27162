"""The pre-commit hooks, run for real by pre-commit in a temporary copy of the repository."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from bouquet.commands.new import new_module
from minirepo import write_vocabularies
from repo import REPO, GitRepo, git

HOOK_FILES = r"^(modules|schema/vocabulaires|governance|deploiements|passerelles)/.*\.ya?ml$"


def _local_hooks() -> dict[str, dict[str, object]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    return {hook["id"]: hook for hook in config["repos"][0]["hooks"]}


def test_manifest_and_config_are_valid_for_pre_commit() -> None:
    manifest = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    load_config(str(REPO / ".pre-commit-config.yaml"))
    assert [h["id"] for h in manifest] == ["bouquet-validate", "bouquet-codeowners"]
    hook = manifest[0]
    assert hook["entry"] == "bouquet validate"
    assert hook["language"] == "python"
    assert hook["files"] == HOOK_FILES
    assert hook["pass_filenames"] is True and hook["require_serial"] is True


def test_local_hooks_match_the_published_one() -> None:
    hooks = _local_hooks()
    assert set(hooks) == {
        "bouquet-validate", "bouquet-codeowners", "ruff", "mypy", "check-github-workflows",
        "check-github-issue-forms",
    }
    local = hooks["bouquet-validate"]
    assert local["entry"] == ".venv/bin/bouquet validate"
    assert local["files"] == HOOK_FILES
    assert local["pass_filenames"] is True and local["require_serial"] is True
    assert all(hook["language"] == "system" for hook in hooks.values())


@pytest.fixture()
def clone(tmp_path: Path) -> Path:
    """A git repository with this repository's hooks, vocabularies and two draft modules."""
    root = tmp_path / "depot"
    root.mkdir()
    for name in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml"):
        (root / name).write_bytes((REPO / name).read_bytes())
    write_vocabularies(root)
    today = dt.date.today()
    assert new_module(root, "bon-module", "Un module correct", None, today) == 0
    assert new_module(root, "module-casse", "Un module cassé", None, today) == 0
    broken = root / "modules" / "module-casse" / "module.yaml"
    text = broken.read_text(encoding="utf-8").replace("statut: brouillon", "statut: publie")
    broken.write_text(text, encoding="utf-8")
    (root / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    GitRepo(root)
    git(root, "add", "-A")
    return root


def _pre_commit(root: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home")}
    env.pop("PRE_COMMIT", None)
    command = [sys.executable, "-m", "pre_commit", "run", "bouquet-validate", "--files", *files]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_hook_passes_on_a_valid_module(clone: Path) -> None:
    result = _pre_commit(clone, "modules/bon-module/module.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_fails_on_a_broken_module_with_its_diagnostic(clone: Path) -> None:
    files = ("modules/bon-module/module.yaml", "modules/module-casse/module.yaml")
    result = _pre_commit(clone, *files)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    line = next(
        n for n, text in enumerate(
            (clone / "modules/module-casse/module.yaml").read_text("utf-8").splitlines(), 1
        ) if text.startswith("statut:")
    )
    assert f"modules/module-casse/module.yaml:{line}:" in result.stdout
    # the valid draft only gets its reminders of the texts left to write (warnings)
    assert all(" BQ267 " in text for text in result.stdout.splitlines()
               if text.startswith("modules/bon-module"))


def test_hook_checks_the_whole_catalogue_when_no_content_file_is_named(clone: Path) -> None:
    """``always_run``: a commit without content files (a deletion alone never reaches a hook)
    still checks the catalogue, here holding the broken module."""
    (clone / "notes.txt").write_text("rien à valider\n", encoding="utf-8")
    result = _pre_commit(clone, "notes.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "modules/module-casse/module.yaml:" in result.stdout


@pytest.mark.skipif(
    not (REPO / ".venv" / "bin" / "bouquet").exists() or not (REPO / ".git").exists(),
    reason="pas de .venv (commandes du README) ou pas de dépôt git",
)
def test_the_repository_passes_its_own_hook() -> None:
    env = {**os.environ, "PRE_COMMIT_HOME": str(REPO / ".venv" / "pre-commit-home")}
    env.pop("PRE_COMMIT", None)
    command = [sys.executable, "-m", "pre_commit", "run", "bouquet-validate", "--all-files"]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_on_a_vocabulary_alone_still_checks_the_modules_that_use_it(clone: Path) -> None:
    familles = clone / "schema" / "vocabulaires" / "familles.yaml"
    used = yaml.safe_load((clone / "modules/bon-module/module.yaml").read_text("utf-8"))["famille"]
    text = familles.read_text(encoding="utf-8")
    start = text.index(f"  - id: {used}\n")
    end = text.find("  - id: ", start + 1)
    familles.write_text(text[:start] + (text[end:] if end != -1 else ""), encoding="utf-8")
    result = _pre_commit(clone, "schema/vocabulaires/familles.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "modules/bon-module/module.yaml:" in result.stdout
    assert used in result.stdout


def test_codeowners_hook_fixes_the_file_in_the_commit(clone: Path) -> None:
    """Nobody edits .github/CODEOWNERS: the hook writes it and stops the commit once, so that
    the file joins it."""
    broken = clone / "modules" / "module-casse"
    for item in sorted(broken.rglob("*"), reverse=True):
        item.unlink() if item.is_file() else item.rmdir()
    broken.rmdir()
    (clone / ".github").mkdir(exist_ok=True)
    (clone / ".github" / "CODEOWNERS").write_text("# ancien contenu\n", encoding="utf-8")
    text = (clone / "modules/bon-module/module.yaml").read_text(encoding="utf-8")
    (clone / "modules/bon-module/module.yaml").write_text(
        text.replace("'@a-completer'", "'@hub-exemple'").replace('"@a-completer"',
                                                                  '"@hub-exemple"'),
        encoding="utf-8")
    git(clone, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(clone.parent / "pre-commit-home")}
    env.pop("PRE_COMMIT", None)
    command = [sys.executable, "-m", "pre_commit", "run", "bouquet-codeowners", "--files",
               "modules/bon-module/module.yaml"]
    first = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True,
                           timeout=120)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "/modules/bon-module/ @hub-exemple" in (clone / ".github" / "CODEOWNERS").read_text(
        encoding="utf-8")
    git(clone, "add", "-A")
    second = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True,
                            timeout=120)
    assert second.returncode == 0, second.stdout + second.stderr
