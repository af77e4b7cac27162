"""The GitHub files: workflow, issue form, pull-request template."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bouquet.cli import build_parser
from bouquet.commands.parsing import UsageError
from repo import REPO

GITHUB = REPO / ".github"
WORKFLOW = GITHUB / "workflows" / "ci.yml"
FORM = GITHUB / "ISSUE_TEMPLATE" / "proposer-un-module.yml"
FORM_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _load(path: Path) -> Any:
    return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def _steps(job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _load(WORKFLOW)["jobs"][job]["steps"]
    return steps


def _readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme, flags=re.S)
    (command,) = [str(c) for c in commands if "pytest" in c]
    return command.strip()


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("vendor.github-workflows", WORKFLOW),
        ("vendor.github-issue-forms", FORM),
        ("vendor.github-issue-config", FORM_CONFIG),
    ],
)
def test_github_files_match_githubs_schemas(schema: str, path: Path) -> None:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_on_pushes_and_fork_pull_requests_read_only() -> None:
    workflow = _load(WORKFLOW)
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    triggers = workflow.get("on", workflow.get(True))
    assert set(triggers) == {"push", "pull_request"}
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")


def test_tests_job_runs_exactly_the_readme_command_on_311_and_312() -> None:
    job = _load(WORKFLOW)["jobs"]["tests"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12"]
    runs = [step.get("run", "").strip() for step in job["steps"]]
    assert _readme_test_command() in runs
    ci_run = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci_run == _readme_test_command()


def test_validate_job_annotates_and_checks_generated_files() -> None:
    job = _load(WORKFLOW)["jobs"]["validate"]
    # Never behind the tests: a failing test must not hide the contributor's annotations.
    assert "needs" not in job
    runs = [step.get("run", "") for step in job["steps"]]
    assert ".venv/bin/bouquet validate --format github" in runs
    assert ".venv/bin/bouquet schema --check" in runs
    assert ".venv/bin/bouquet docs --check" in runs


def _bouquet_invocations() -> list[list[str]]:
    calls = []
    for job in _load(WORKFLOW)["jobs"]:
        for step in _steps(job):
            for line in step.get("run", "").splitlines():
                if line.strip().startswith(".venv/bin/bouquet "):
                    calls.append(shlex.split(line.strip())[1:])
    return calls


@pytest.mark.parametrize("argv", _bouquet_invocations(), ids=" ".join)
def test_every_bouquet_call_of_the_workflow_is_a_valid_command_line(argv: list[str]) -> None:
    try:
        build_parser().parse_args(argv)
    except UsageError:
        pytest.fail(f"bouquet {' '.join(argv)} : ligne de commande refusée")


def _vocabulary_options(name: str) -> list[str]:
    vocabulary = _load(REPO / "schema" / "vocabulaires" / f"{name}.yaml")
    return [f"{value['libelle']} ({value['id']})" for value in vocabulary["valeurs"]]


def _form_field(field_id: str) -> dict[str, Any]:
    (field,) = [f for f in _load(FORM)["body"] if f.get("id") == field_id]
    return dict(field)


def test_issue_form_asks_for_every_field_in_french() -> None:
    form = _load(FORM)
    assert form["name"] == "Proposer un module"
    ids = [field.get("id") for field in form["body"] if field["type"] != "markdown"]
    assert ids == ["titre", "famille", "resume", "commanditaires", "variantes", "hub", "licence"]
    licence = _form_field("licence")["attributes"]["options"]
    assert len(licence) == 1 and licence[0]["required"] is True
    assert "CC BY-SA 4.0" in licence[0]["label"]


def test_issue_form_families_equal_the_vocabulary() -> None:
    assert _form_field("famille")["attributes"]["options"] == _vocabulary_options("familles")


def test_issue_form_commanditaires_equal_the_vocabulary() -> None:
    options = [o["label"] for o in _form_field("commanditaires")["attributes"]["options"]]
    assert options == _vocabulary_options("commanditaires")


def test_pull_request_template_has_the_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for expected in ("bouquet validate", "date_revision", "280", "CC BY-SA 4.0",
                     "Ce qui change pour les utilisateurs"):
        assert expected in text
    assert text.count("- [ ]") >= 4
