"""bench/site.py prepares the same modules for mkdocs as for the site; no timing asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from repo import REPO

pytestmark = pytest.mark.bench  # the benchmarks' smoke runs: `pytest -m bench`

SCRIPT = REPO / "bench" / "site.py"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _bench_module() -> ModuleType:
    """bench/site.py, whose ``import validate`` means its neighbour bench/validate.py (in the
    test session, ``validate`` is the tests' package: it is put back afterwards)."""
    saved = sys.modules.get("validate")
    try:
        _load("validate", SCRIPT.parent / "validate.py")
        return _load("bench_site", SCRIPT)
    finally:
        if saved is not None:
            sys.modules["validate"] = saved
        else:
            sys.modules.pop("validate", None)


def test_every_generated_module_becomes_a_markdown_page(tmp_path: Path) -> None:
    bench = _bench_module()
    bench.build_tree(tmp_path / "depot", 12)
    bench.write_mkdocs(tmp_path / "depot", tmp_path / "mkdocs")
    pages = sorted((tmp_path / "mkdocs/docs/modules").glob("*.md"))
    assert len(pages) == 12
    text = pages[0].read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Tiroirs" in text and "| Tiroir |" in text
    assert "plugins:\n  - search:" in (tmp_path / "mkdocs/mkdocs.yml").read_text("utf-8")


def test_the_report_is_french_with_its_targets() -> None:
    bench = _bench_module()
    figures = bench.Figures(modules=1000, mkdocs_s=10.0, full_s=50.0, full_sans_fiches_s=9.0,
                            rebuild_s=8.0, rebuild_sans_fiches_s=8.0, mkdocs_cpu_s=9.0,
                            full_cpu_s=40.0, full_sans_fiches_cpu_s=8.0, rebuild_cpu_s=7.0,
                            rebuild_sans_fiches_cpu_s=7.0, exits=(0, 0, 0, 0, 0),
                            load_average=0.5, cpus=2)
    text = bench.render_text(figures)
    assert "1\u202f000 modules" in text
    assert "rapport complet / mkdocs                    5,00 (cible ≤ 1,0\u202f: NON atteinte)" \
        in text
    assert "0,16 (cible ≤ 0,2\u202f: atteinte)" in text
