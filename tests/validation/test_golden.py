"""The golden broken module: its complete diagnostic list, byte for byte.

Set BOUQUET_UPDATE_GOLDEN=1 to rewrite the expected file after a deliberate change, then
review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bouquet.cli import main

from .fixturerepo import FIXTURES, TODAY, build, install

GOLDEN = FIXTURES / "golden" / "module-abime.yaml"
EXPECTED = FIXTURES / "golden" / "module-abime.expected.json"


def test_golden_module_report(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    path = install(GOLDEN, root)
    monkeypatch.chdir(root)
    code = main(["validate", "--format", "json", "--today", TODAY, path])
    output = capsys.readouterr().out
    if os.environ.get("BOUQUET_UPDATE_GOLDEN"):
        EXPECTED.write_text(output, encoding="utf-8")
    assert output == EXPECTED.read_text(encoding="utf-8")
    assert code == 1


def test_golden_module_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    path = install(GOLDEN, root)
    monkeypatch.chdir(root)
    assert main(["validate", "--today", TODAY, path]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "18 erreurs, 1 avertissement dans 1 fichier."
    assert lines[0].startswith("modules/module-abime/module.yaml:")
    assert all(line.startswith("    ↳ ") for line in lines[1:-1:2])
