"""The site's workflow: GitHub's schema, least permissions, actions pinned by commit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from repo import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.load(WORKFLOW.read_bytes(), Loader=yaml.CSafeLoader)
    return data


def test_the_workflow_matches_githubs_schema() -> None:
    result = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema",
                             "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_publishes_tags_and_the_branch_with_least_permissions() -> None:
    workflow = _workflow()
    triggers = workflow["on"] if "on" in workflow else workflow[True]  # YAML 1.1: on = True
    assert triggers["push"]["branches"] == ["main"] and triggers["push"]["tags"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_actions_are_pinned_by_commit_without_persisted_credentials() -> None:
    steps = [s for job in _workflow()["jobs"].values() for s in job["steps"]]
    used = [s["uses"] for s in steps if "uses" in s]
    assert used and all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", u) for u in used)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert checkout["with"]["fetch-depth"] == 0
    assert any("bouquet site" in s.get("run", "") for s in steps)
