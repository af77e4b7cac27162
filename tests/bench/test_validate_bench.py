"""Smoke test of bench/validate.py: it runs and reports; no timing is asserted."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bouquet.diagnostics.record import Severity
from bouquet.validation.catalogue import build_catalogue
from repo import REPO

pytestmark = pytest.mark.bench  # the benchmarks' smoke runs: `pytest -m bench`

SCRIPT = REPO / "bench" / "validate.py"


def _bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_validate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _run(*options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--modules", "50", "--runs", "1", *options],
        capture_output=True, text=True, timeout=300,
    )


def test_generated_modules_are_valid_and_distinct(tmp_path: Path) -> None:
    paths = _bench_module().build_tree(tmp_path, 40)
    assert len(set(paths)) == 40
    files = [*tmp_path.glob("schema/vocabulaires/*.yaml"), *tmp_path.glob("modules/*/module.yaml")]
    sources = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in files}
    catalogue, diagnostics = build_catalogue(sources, today=dt.date.today())
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert len(catalogue.modules) == 40


def test_bench_prints_the_french_table_with_the_ratio() -> None:
    result = _run()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Banc d'essai de «\u202fbouquet validate\u202f»")
    assert any(line.strip().startswith("rapport bouquet / check-jsonschema") for line in lines)
    assert any("cas pre-commit" in line for line in lines)
    assert any("mémoire maximale" in line for line in lines)


def test_bench_json_has_every_figure() -> None:
    result = _run("--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["modules"] == 50 and figures["runs"] == 1
    assert figures["ratio"] > 0 and figures["peak_mib"] > 0
    # The generated modules are valid for both tools.
    assert figures["check_jsonschema_exit"] == 0
    assert figures["bouquet_exit"] == 0 and figures["one_file_exit"] == 0
