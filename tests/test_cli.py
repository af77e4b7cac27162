from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import main


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "erreur" in capsys.readouterr().err


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "COMMANDE" in capsys.readouterr().out


def test_help_and_usage_are_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "module", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation\u202f: bouquet new module")
    assert "arguments\u202f:" in out and "options\u202f:" in out
    assert "usage:" not in out and "positional arguments" not in out
    assert main(["new"]) == 2
    assert capsys.readouterr().err.startswith("utilisation\u202f: bouquet new")


@pytest.mark.parametrize("words", [
    ["vote", "tally"], ["vote", "new"], ["vote", "sign"], ["vote", "close"],
    ["new", "module"], ["validate"], ["release"], ["status"], ["version"], ["notes"],
])
def test_every_help_is_french(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*words, "--help"]) == 0
    out = capsys.readouterr().out
    assert "afficher cette aide" in out
    assert "show this help" not in out and "usage:" not in out


def test_bad_option_value_error_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert "argument --format\u202f: choix invalide\u202f: «\u00a0xml\u00a0»" in err
    assert err.rstrip().endswith("Aide\u202f: ajoutez --help pour la liste des options.")


@pytest.mark.parametrize("words", [
    ["validate"], ["status"], ["schema"], ["docs"], ["codeowners"], ["codeowners", "--check"],
])
def test_outside_the_catalogue_nothing_is_read_or_written(
    words: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(words) == 2
    assert "lancez la commande dans votre copie du dépôt du Bouquet" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
