"""The pull-request job writes the computed version and the notes to the job summary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from .gitutil import MODULE_PATH, GitRepo

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "ci.yml"


def _summary_script() -> str:
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["version"]
    assert job["if"] == "${{ github.event_name == 'pull_request' }}"
    checkout = job["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    (step,) = [s for s in job["steps"] if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")
    bouquet = str(Path(sys.executable).parent / "bouquet")
    return str(step["run"]).replace(".venv/bin/bouquet", bouquet)


def test_job_summary_shows_bump_and_notes(repo: GitRepo, tmp_path: Path) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.write(MODULE_PATH, repo.read(MODULE_PATH).replace("min: 4000", "min: 4500"))
    repo.commit("Prix")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    proc = subprocess.run(["bash", "-c", _summary_script()], cwd=repo.path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = summary.read_text(encoding="utf-8")
    assert "Prochaine version\u202f: 1.1.0 (évolution mineure)" in text
    assert '"bump": "minor"' in text
    assert "# Bouquet 2026-T4 — version 1.1.0" in text
