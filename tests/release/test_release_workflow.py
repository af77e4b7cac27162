"""`.github/workflows/release.yml`: on a pushed version tag, re-validate, verify the
manifest, publish the notes; only the publishing job may write."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bouquet.cli import build_parser
from bouquet.commands.parsing import UsageError
from repo import REPO as ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def load() -> Any:
    return yaml.load(WORKFLOW.read_bytes(), Loader=yaml.CSafeLoader)


def test_matches_githubs_workflow_schema() -> None:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_runs_on_version_tags_with_write_access_only_to_publish() -> None:
    workflow = load()
    triggers = workflow.get("on", workflow.get(True))
    assert set(triggers) == {"push"}
    assert all(t.startswith("v[0-9]+") for t in triggers["push"]["tags"])
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert "permissions" not in jobs["verify"]
    assert jobs["publish"]["permissions"] == {"contents": "write"}
    assert jobs["publish"]["needs"] == "verify"
    for job in jobs.values():
        checkout = job["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@")
        assert checkout["with"]["fetch-depth"] == 0
    publish = " ".join(s.get("run", "") for s in jobs["publish"]["steps"])
    assert "gh release create" in publish and "--notes-file" in publish


def bouquet_calls() -> list[list[str]]:
    calls = []
    for job in load()["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                if line.startswith(".venv/bin/bouquet "):
                    calls.append(shlex.split(line.replace('"$GITHUB_REF_NAME"', "v1.0.0"))[1:])
    return calls


def test_verifies_the_manifest_and_revalidates() -> None:
    assert ["release", "--verify", "v1.0.0"] in bouquet_calls()
    assert ["validate", "--format", "github"] in bouquet_calls()


@pytest.mark.parametrize("argv", bouquet_calls(), ids=" ".join)
def test_every_bouquet_call_is_a_valid_command_line(argv: list[str]) -> None:
    try:
        build_parser().parse_args(argv)
    except UsageError:
        pytest.fail(f"bouquet {' '.join(argv)} : ligne de commande refusée")
