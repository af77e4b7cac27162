"""Every indicator of the hand-computed fixture (12 deployments over three semesters: a
cancelled one, one spanning two semesters, one without amount, an EPCI across two
départements, a commune also served through its EPCI) equals its hand value exactly, on
DuckDB and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bouquet.cli import main
from bouquet.indicators.inputs import read_inputs
from bouquet.indicators.render import as_json
from bouquet.indicators.run import run
from bouquet.indicators.semesters import parse_semester

SEMESTERS = ("2025-S1", "2025-S2", "2026-S1")


def test_every_indicator_equals_the_hand_value_on_duckdb(
        hand_repo: Path, expected: dict[str, Any]) -> None:
    series = run(read_inputs(hand_repo, use_cache=False), parse_semester("2026-S1"))
    assert [s.semester.code for s in series] == list(SEMESTERS)
    for indicators in series:
        assert as_json(indicators) == expected[indicators.semester.code]


def test_postgresql_gives_identical_results(
        hand_repo: Path, expected: dict[str, Any], postgresql_url: str) -> None:
    inputs = read_inputs(hand_repo, use_cache=False)
    on_duckdb = run(inputs, parse_semester("2026-S1"))
    on_postgresql = run(inputs, parse_semester("2026-S1"), postgresql_url)
    assert on_postgresql == on_duckdb
    assert [as_json(s) for s in on_postgresql] == [expected[s] for s in SEMESTERS]


def test_the_command_prints_json_csv_and_french_text(
        hand_repo: Path, expected: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hand_repo)
    assert main(["indicateurs", "--semestre", "2025-S2", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected["2025-S2"]
    assert main(["indicateurs", "--semestre", "2025-S2", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "semester,indicator,dimension,subdimension,value"
    assert "2025-S2,results,formation-aidants-numeriques,satisfaction,9/11" in lines
    assert main(["indicateurs", "--semestre", "2026-S1"]) == 0
    text = capsys.readouterr().out
    assert "Collectivités accompagnées\u202f: 6 ce semestre, 8 depuis le début" in text
    assert "Progression depuis le premier semestre\u202f: × 2,67 (8/3)" in text
    assert "Couverture du catalogue\u202f: 1/1 (100,0 %)" in text


def test_a_duckdb_file_holds_the_tables(hand_repo: Path, tmp_path: Path,
                                        expected: dict[str, Any]) -> None:
    inputs = read_inputs(hand_repo, use_cache=False)
    database = str(tmp_path / "suivi.duckdb")
    first = run(inputs, parse_semester("2026-S1"), database)
    again = run(inputs, parse_semester("2026-S1"), database)  # tables replaced, not added
    assert first == again
    assert as_json(again[-1]) == expected["2026-S1"]


def test_the_cache_reuses_unchanged_records(hand_repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "copie"
    shutil.copytree(hand_repo, root, ignore=shutil.ignore_patterns(".cache"))
    first = read_inputs(root)
    assert (first.parsed, first.reused) == (12, 0)
    record = root / "deploiements" / "zoomacom" / "2025-crest-diagnostic.yaml"
    record.write_text(record.read_text("utf-8").replace("valeur: 12", "valeur: 13"), "utf-8")
    second = read_inputs(root)
    assert (second.parsed, second.reused) == (1, 11)
    results = as_json(run(second, parse_semester("2025-S1"))[-1])["results"]
    assert isinstance(results, dict)
    assert results["diagnostic-territorial"]["structures-mobilisees"] == 13
    assert run(second, parse_semester("2026-S1")) == run(
        read_inputs(root, use_cache=False), parse_semester("2026-S1"))


def test_bad_input_is_a_french_error_not_a_crash(
        hand_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hand_repo)
    assert main(["indicateurs", "--semestre", "2026-S3"]) == 2
    assert "semestre invalide «\xa02026-S3\xa0»" in capsys.readouterr().err
    root = tmp_path / "copie"
    shutil.copytree(hand_repo, root)
    (root / "deploiements" / "agate" / "casse.yaml").write_text("id: [\n", "utf-8")
    monkeypatch.chdir(root)
    assert main(["indicateurs", "--semestre", "2026-S1", "--sans-cache"]) == 1
    err = capsys.readouterr().err
    assert "deploiements/agate/casse.yaml" in err and "bouquet validate" in err
