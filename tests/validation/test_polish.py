"""Small things a new user meets first: ``-C`` everywhere, ``-V``, a tab named as such, a
misnamed ``module.yml``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bouquet import __version__
from bouquet.cli import COMMANDS, main
from bouquet.content.model_errors import field_name
from bouquet.content.reading.loader import load_yaml

from .fixturerepo import FIXTURES, TODAY, build


# ``completion`` reads no repository; ``vote``'s actions are checked one by one elsewhere.
@pytest.mark.parametrize("name", [name for name, _, _ in COMMANDS
                                  if name not in ("vote", "completion")])
def test_every_command_takes_minus_c(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    words = [name, "module"] if name == "new" else [name]
    assert main([*words, "--help"]) == 0
    assert "-C DOSSIER" in capsys.readouterr().out


def test_validate_and_new_work_from_another_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build(tmp_path / "depot")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["new", "module", "atelier-c", "-C", str(root)]) == 0
    assert (root / "modules" / "atelier-c" / "module.yaml").is_file()
    capsys.readouterr()
    assert main(["validate", "-C", str(root), "--format", "json", "--today", "2099-01-01",
                 "modules/atelier-c/module.yaml"]) == 0
    assert {d["path"] for d in json.loads(capsys.readouterr().out)["diagnostics"]} == {
        "modules/atelier-c/module.yaml"}


def test_minus_v_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-V"]) == 0
    assert capsys.readouterr().out.strip() == f"bouquet {__version__}"


def test_a_tab_is_stated_not_guessed() -> None:
    _, found = load_yaml("m.yaml", b"id: a\nlivrables:\n  - \t Compte rendu\n")
    messages = [d.message for d in found]
    assert messages == ["syntaxe YAML invalide\u202f: une tabulation ne peut pas commencer "
                        "une valeur\u202f: remplacez-la par des espaces"]
    _, found = load_yaml("m.yaml", b"id: a\nmainteneurs: @hub\n")
    assert "«\u00a0@\u00a0» ne peut pas commencer une valeur" in found[0].message
    assert "?" not in found[0].message


@pytest.mark.parametrize("named", [False, True])
def test_a_misnamed_module_file_is_reported_on_that_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    named: bool,
) -> None:
    root = build(tmp_path)
    (root / "modules" / "essai").mkdir()
    shutil.copyfile(FIXTURES / "valid" / "module-minimal.yaml",
                    root / "modules" / "essai" / "module.yml")
    monkeypatch.chdir(root)
    args = ["modules/essai/module.yml"] if named else []
    assert main(["validate", "--format", "json", "--today", TODAY, *args]) == 1
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (found["path"], found["code"]) == ("modules/essai/module.yml", "BQ224")
    assert "git mv modules/essai/module.yml modules/essai/module.yaml" in found["hint"]




def test_places_are_told_without_json_paths() -> None:
    assert field_name(("tiroirs", 0, "livrables")) == "1er tiroir, livrables"
    assert field_name(("tiroirs", 1, "duree_jours", "min")) == "2e tiroir, duree_jours.min"
    assert field_name(("commanditaires", 2)) == "3e commanditaire"
    assert field_name(("prerequis", 0)) == "1er élément de prerequis"
