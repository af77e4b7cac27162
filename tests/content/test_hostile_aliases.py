"""N aliases of one anchor (issue 11, item 10): validation time stays linear in the size of
the file. 50,000 aliases (about 540 kB) took 652 s when every alias was compared with every
other; the bound below is a hang guard, not a timing: the run takes about a second."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from validation.fixturerepo import FIXTURES, TODAY, build

ALIASES = 50_000


def test_fifty_thousand_aliases_of_one_anchor_are_reported_at_once(tmp_path: Path) -> None:
    root = build(tmp_path)
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("titre: Module minimal", "titre: &t Module minimal")
    text = text.replace("contributeurs: [Hub de test]",
                        "contributeurs:\n" + "  - *t\n" * ALIASES)
    path = root / "modules" / "module-minimal" / "module.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024
    done = subprocess.run(
        [sys.executable, "-m", "bouquet", "validate", "--format", "json", "--today", TODAY],
        cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    codes = [d["code"] for d in json.loads(done.stdout)["diagnostics"]
             if d["path"] == "modules/module-minimal/module.yaml"]
    assert codes.count("BQ011") == 2  # the anchor, and its aliases once
