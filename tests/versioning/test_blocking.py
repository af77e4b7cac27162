"""A change that cannot be released fails ``bouquet version`` (exit 1, with its reason) and the
CI job that runs it on a pull request, not only ``bouquet release`` later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bouquet.cli import main
from repo import REPO

from .gitutil import GitRepo

DELETED = "diagnostic-territorial"


def delete_published_module(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.remove(f"modules/{DELETED}")
    repo.commit("Suppression sans dépréciation")


def test_deleting_a_module_without_deprecation_fails_version(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    delete_published_module(repo)
    assert main(["version", "-C", str(repo.path)]) == 1
    out = capsys.readouterr().out
    assert f"{DELETED} — " in out and "[BLOQUANT]" in out
    assert "1 changement bloquant (marqués [BLOQUANT] ci-dessus)\u202f: cette version ne " \
           "pourrait pas être publiée." in out


def test_a_release_without_blocking_change_still_passes(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    assert main(["version", "-C", str(repo.path)]) == 0


def test_ci_version_job_fails_the_pull_request_with_an_annotation(
    repo: GitRepo, tmp_path: Path
) -> None:
    delete_published_module(repo)
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    job = workflow["jobs"]["version"]
    assert "pull_request" in job["if"]
    (script,) = [step["run"] for step in job["steps"] if "GITHUB_STEP_SUMMARY" in
                 step.get("run", "")]
    script = script.replace(".venv/bin/bouquet", f"{sys.executable} -m bouquet")
    summary = tmp_path / "resume.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    done = subprocess.run(["bash", "-c", script], cwd=repo.path, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "::error title=Version non publiable::" in done.stdout
    assert "[BLOQUANT]" in summary.read_text(encoding="utf-8")
