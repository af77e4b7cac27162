"""Smoke test of bench/indicators.py: it runs on small numbers and reports; no timing is
asserted, but the generated records are valid and both engines agree."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from repo import REPO

pytestmark = pytest.mark.bench  # the benchmarks' smoke runs: `pytest -m bench`


def test_the_bench_runs_and_both_engines_agree() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "indicators.py"), "--records", "300",
         "--files", "30", "--format", "json"],
        capture_output=True, text=True, check=True, timeout=600)
    figures = json.loads(done.stdout)
    assert figures["records"] == 300 and figures["files"] == 30
    assert figures["identical"] is True
    assert figures["validate_exit"] == 0 and figures["check_jsonschema_exit"] == 0
    assert figures["duckdb_s"] > 0 and figures["cache_ratio"] > 0
