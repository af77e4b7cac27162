"""Deployment records under ``bouquet validate``: every rule has a hostile fixture whose first
line names the expected codes and positions; the hand fixture is valid."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bouquet.cli import main
from bouquet.validation.deployments import luhn_ok, semester_bounds
from deploymentrepo import HAND, HOSTILE, add_records, build_catalogue_repo
from repo import REPO

TODAY = "2026-11-29"


def _expected(path: Path) -> list[str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# attendu : ")
    return sorted(item.strip() for item in first[len("# attendu : "):].split(","))


def _validate(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
              *args: str) -> tuple[int, dict[str, Any]]:
    monkeypatch.chdir(root)
    code = main(["validate", "--format", "json", "--today", TODAY, *args])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, report


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_catalogue_repo(tmp_path_factory.mktemp("hostile") / "depot")
    add_records(root, HOSTILE)
    return root


def test_every_hostile_record_gets_its_code_at_its_position(
        hostile_repo: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _validate(hostile_repo, monkeypatch, capsys)
    assert code == 1
    found: dict[str, list[str]] = {}
    for item in report["diagnostics"]:
        found.setdefault(item["path"], []).append(f"{item['code']} {item['line']}:{item['column']}")
        assert item["message"] and item["hint"]
    for fixture in sorted(HOSTILE.rglob("*.yaml")):
        path = "deploiements/" + fixture.relative_to(HOSTILE).as_posix()
        assert sorted(found.get(path, [])) == _expected(fixture), path
    codes = {item["code"] for item in report["diagnostics"]}
    assert {f"BQ5{n:02d}" for n in range(1, 18)} <= codes


def test_a_named_record_is_checked_alone_with_french_text(
        hostile_repo: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hostile_repo)
    assert main(["validate", "--today", TODAY, "deploiements/zoomacom/siren-faux.yaml"]) == 1
    out = capsys.readouterr().out
    assert "deploiements/zoomacom/siren-faux.yaml:11:10: BQ507 le SIREN « 212601083 » a une " \
           "clé de contrôle fausse" in out
    assert "commune-inconnue" not in out


def test_github_annotations_name_the_record(
        hostile_repo: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hostile_repo)
    main(["validate", "--format", "github", "--today", TODAY,
          "deploiements/zoomacom/prix-hors-fourchette.yaml"])
    out = capsys.readouterr().out
    assert ("::warning file=deploiements/zoomacom/prix-hors-fourchette.yaml,line=18,col=17,"
            "title=BQ517::") in out


def test_the_hand_fixture_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = build_catalogue_repo(tmp_path / "depot")
    add_records(root, HAND)
    code, report = _validate(root, monkeypatch, capsys)
    assert [d for d in report["diagnostics"] if d["path"].startswith("deploiements/")] == []
    assert code == 0


def test_outside_git_the_release_rules_are_skipped_the_others_hold(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    built = build_catalogue_repo(tmp_path / "depot")
    root = tmp_path / "copie"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns(".git"))
    add_records(root, HOSTILE)
    _, report = _validate(root, monkeypatch, capsys, "deploiements/zoomacom")
    codes = {d["code"] for d in report["diagnostics"]}
    assert "BQ504" not in codes and "BQ505" not in codes
    assert {"BQ507", "BQ509", "BQ510", "BQ512"} <= codes


def test_the_published_schema_agrees_on_the_fixtures() -> None:
    schema = json.loads((REPO / "schema" / "deploiement.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for record in sorted(HAND.rglob("*.yaml")):
        data = json.loads(json.dumps(yaml.safe_load(record.read_text("utf-8")), default=str))
        assert list(validator.iter_errors(data)) == [], record.name
    negative = yaml.safe_load((HOSTILE / "zoomacom" / "valeur-negative.yaml").read_text("utf-8"))
    assert list(validator.iter_errors(json.loads(json.dumps(negative, default=str))))


def test_siren_key_and_semesters() -> None:
    assert luhn_ok("212601082") and luhn_ok("200040509")
    assert not luhn_ok("212601083")
    assert luhn_ok("356000000")  # La Poste, the documented exception
    assert semester_bounds("2025-S1") == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert semester_bounds("2025-S2") == (dt.date(2025, 7, 1), dt.date(2025, 12, 31))

