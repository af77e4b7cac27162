"""`bouquet new deploiement`: a record to fill, checked options, nothing ever overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import main
from deploymentrepo import build_catalogue_repo

OPTIONS = ["--module", "diagnostic-territorial", "--tiroir", "essentiel", "--version", "1.1.0"]


def test_scaffold_then_refuse_to_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = build_catalogue_repo(tmp_path / "depot")
    monkeypatch.chdir(root)
    assert main(["new", "deploiement", "zoomacom", "2026-crest", *OPTIONS]) == 0
    target = root / "deploiements" / "zoomacom" / "2026-crest.yaml"
    text = target.read_text(encoding="utf-8")
    assert "id: 2026-crest\nhub: zoomacom\nmodule: diagnostic-territorial" in text
    assert "Fiche créée" in capsys.readouterr().out
    target.write_text(text + "# modifié\n", encoding="utf-8")
    assert main(["new", "deploiement", "zoomacom", "2026-crest", *OPTIONS]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").endswith("# modifié\n")
    # what is left to fill is reported by validate, not a crash
    assert main(["validate", "deploiements/zoomacom/2026-crest.yaml"]) == 1
    assert "BQ508" in capsys.readouterr().out


def test_wrong_options_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = build_catalogue_repo(tmp_path / "depot")
    monkeypatch.chdir(root)
    code = main(["new", "deploiement", "hub-inconnu", "2026-x", "--module", "suivi-evaluation",
                 "--tiroir", "essentiel", "--version", "1.0.0"])
    err = capsys.readouterr().err
    assert code == 2 and "BQ503" in err and "BQ505" in err
    assert main(["new", "deploiement", "zoomacom", "../evasion", *OPTIONS]) == 2
    assert not (root / "deploiements").exists()
