"""Nothing outside the repository is read (issue 11, item 9): symbolic links, ``..`` in a
named path and FIFOs are refused by the one reader of the working tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bouquet.cli import main

from .fixturerepo import FIXTURES, TODAY, build

SECRET = "hunter2-SECRET"


def _secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "dehors"
    outside.mkdir()
    target = outside / "secret.yaml"
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    target.write_text(text.replace("statut: brouillon", f"statut: {SECRET}"), encoding="utf-8")
    return target


def _validate(root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
              *names: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    code = main(["validate", "--today", TODAY, *names])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_module_that_links_outside_is_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path / "depot")
    secret = _secret_file(tmp_path)
    module = root / "modules" / "module-minimal" / "module.yaml"
    module.unlink()
    module.symlink_to(secret)
    code, out = _validate(root, capsys, monkeypatch)
    assert code == 1
    assert SECRET not in out
    assert "modules/module-minimal/module.yaml" in out and "hors du dépôt" in out


def test_a_vocabulary_that_links_outside_is_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path / "depot")
    secret = _secret_file(tmp_path)
    (root / "schema" / "vocabulaires" / "zz-lien.yaml").symlink_to(secret)
    code, out = _validate(root, capsys, monkeypatch)
    assert code == 1
    assert SECRET not in out and "hors du dépôt" in out


def test_a_named_path_that_climbs_out_is_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path / "depot")
    (root / "governance").mkdir()
    secret = _secret_file(tmp_path)
    code, out = _validate(root, capsys, monkeypatch,
                          f"governance/../../dehors/{secret.name}")
    assert code != 0
    assert SECRET not in out and "Tout est valide" not in out


def test_a_fifo_does_not_hang_validation(tmp_path: Path) -> None:
    root = build(tmp_path / "depot")
    (root / "governance").mkdir()
    os.mkfifo(root / "governance" / "tube.yaml")
    for names in ([], ["governance/tube.yaml"]):
        done = subprocess.run(
            [sys.executable, "-m", "bouquet", "validate", "--format", "json", "--today", TODAY,
             *names], cwd=root, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1
        found = json.loads(done.stdout)["diagnostics"]
        assert [(d["path"], d["code"]) for d in found if d["severity"] == "error"] == [
            ("governance/tube.yaml", "BQ001")]
        assert "fichier ordinaire" in found[0]["message"]


def test_nothing_is_written_through_a_folder_that_links_outside(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path / "depot")
    outside = tmp_path / "dehors"
    outside.mkdir()
    (root / ".github").symlink_to(outside)
    monkeypatch.chdir(root)
    code = main(["codeowners"])
    err = capsys.readouterr().err
    assert code == 1
    assert ".github/CODEOWNERS" in err and "hors du dépôt" in err
    assert list(outside.iterdir()) == []
