"""bench/history.py builds the repository it promises (timings are never asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bouquet.versioning.compute import compute
from repo import git

pytestmark = pytest.mark.bench  # the benchmarks' smoke runs: `pytest -m bench`

BENCH = Path(__file__).resolve().parents[2] / "bench" / "history.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_history", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_history"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_history(tmp_path: Path) -> None:
    bench = _bench()
    path = tmp_path / "depot"
    bench.build_repository(path, modules=12, commits=40, unreleased=8, touched=4)
    count = git(path, "rev-list", "--count", "HEAD")
    assert count == "48"
    log = git(path, "log", "--format=%s", "v1.0.0..HEAD").splitlines()
    assert len(log) == 8 and all(line.startswith(("feat(", "fix(")) for line in log)
    report = compute(path)
    assert report.diagnostics == ()
    assert (str(report.current), str(report.next)) == ("1.0.0", "1.1.0")
    assert {c.target for c in report.changes if c.bump > 0} <= {
        line.split("(")[1].split(")")[0] for line in log}


def test_smoke_run_against_commitizen(capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    assert bench.find_cz() is not None, "commitizen (extra « test ») n'est pas installé"
    assert bench.main(["--modules", "10", "--commits", "20", "--long-commits", "30",
                       "--unreleased", "4", "--touched", "2", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    for line in ("bouquet version ", "bouquet notes ", "30 commits au lieu de 20"):
        (row,) = [r for r in out.splitlines() if r.startswith(line)]
        assert "rapport" in row and "cible" in row
    assert "Charge de la machine au départ" in out
