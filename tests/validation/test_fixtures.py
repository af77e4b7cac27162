"""Fixtures found automatically: valid ones pass, each invalid one yields exactly its list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main

from .fixturerepo import FIXTURES, TODAY, build, entries, fixture_id, install

VALID = entries(FIXTURES / "valid")
INVALID = entries(FIXTURES / "invalid")


def run_json(args: list[str], root: Path, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, object]]:
    monkeypatch.chdir(root)
    code = main(["validate", "--format", "json", "--today", TODAY, *args])
    return code, json.loads(capsys.readouterr().out)


def expected_of(entry: Path) -> list[str]:
    lines = (entry.parent / f"{fixture_id(entry)}.expected").read_text(encoding="utf-8")
    found = (line.split("#", 1)[0].strip() for line in lines.splitlines())
    return sorted(line for line in found if line)


def test_fixture_folders_are_not_empty() -> None:
    assert len(VALID) >= 3
    assert len(INVALID) >= 30


def test_every_invalid_fixture_has_its_expectations() -> None:
    for entry in INVALID:
        assert (entry.parent / f"{fixture_id(entry)}.expected").is_file(), entry.name


def test_valid_fixtures_pass_together(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code, report = run_json([], build(tmp_path), capsys, monkeypatch)
    assert report == {"valid": True, "diagnostics": []}
    assert code == 0


@pytest.mark.parametrize("entry", VALID, ids=[e.name for e in VALID])
def test_valid_fixture_passes_alone(entry: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    path = f"modules/{fixture_id(entry)}/module.yaml"
    code, report = run_json([path], root, capsys, monkeypatch)
    assert (code, report) == (0, {"valid": True, "diagnostics": []})


@pytest.mark.parametrize("entry", INVALID, ids=[e.name for e in INVALID])
def test_invalid_fixture_yields_its_diagnostics(entry: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    path = install(entry, root)
    code, report = run_json([path], root, capsys, monkeypatch)
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    found = sorted(f"{d['line']}:{d['column']} {d['code']}" for d in diagnostics)
    assert found == expected_of(entry)
    has_error = any(d["severity"] == "error" for d in diagnostics)
    assert code == (1 if has_error else 0)
    assert report["valid"] is not has_error
    assert all(d["message"] and d["hint"] for d in diagnostics)
