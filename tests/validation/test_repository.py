"""Rules about the repository around the modules: layout, symlinks, hostile names, vocabularies,
and the pre-commit mode that still checks cross-file rules against the whole catalogue."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.content.names import id_problem
from bouquet.validation.sources import check_sources

from .fixturerepo import FIXTURES, TODAY, build

TODAY_DATE = dt.date.fromisoformat(TODAY)


def codes_of(root: Path, args: list[str], capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[tuple[str, int, str]]]:
    monkeypatch.chdir(root)
    code = main(["validate", "--format", "json", "--today", TODAY, *args])
    report = json.loads(capsys.readouterr().out)
    return code, [(d["path"], d["line"], d["code"]) for d in report["diagnostics"]]


def test_stray_file_and_folder_without_module(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    (root / "modules" / "notes.txt").write_text("x\n")
    (root / "modules" / ".gitkeep").write_text("")
    (root / "modules" / "vide" / "ressources").mkdir(parents=True)
    code, found = codes_of(root, [], capsys, monkeypatch)
    assert found == [("modules/notes.txt", 0, "BQ218"), ("modules/vide", 0, "BQ217")]
    assert code == 1


def test_symlink_escaping_the_module(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    folder = root / "modules" / "module-ressources" / "ressources"
    (folder / "trame.md").unlink()
    os.symlink("../../module-complet/module.yaml", folder / "trame.md")
    code, found = codes_of(root, [], capsys, monkeypatch)
    assert [c for _, _, c in found] == ["BQ212"]
    assert code == 1


def test_symlink_inside_the_module_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    folder = root / "modules" / "module-ressources" / "ressources"
    (folder / "trame.md").rename(folder / "vraie.md")
    os.symlink("vraie.md", folder / "trame.md")
    assert codes_of(root, [], capsys, monkeypatch) == (0, [])


def test_precommit_mode_sees_the_whole_catalogue(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Deprecating the replacement target breaks a module that was not named."""
    root = build(tmp_path)
    target = root / "modules" / "module-complet" / "module.yaml"
    target.write_text(target.read_text().replace("statut: valide",
                                                 "statut: deprecie\nremplace_par: module-minimal"))
    code, found = codes_of(root, ["modules/module-deprecie/module.yaml"], capsys, monkeypatch)
    assert found == [("modules/module-deprecie/module.yaml", 4, "BQ208")]
    assert code == 1
    # The named file alone is reported: module-complet's own state is fine.
    code, found = codes_of(root, ["modules/module-complet/module.yaml"], capsys, monkeypatch)
    assert (code, found) == (0, [])


def test_named_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    code, found = codes_of(root, ["modules/absent/module.yaml"], capsys, monkeypatch)
    assert (code, found) == (1, [("modules/absent/module.yaml", 0, "BQ001")])


@pytest.mark.parametrize("name", ["..", ".", "con", "NUL", "lpt1", "Été", "a b", "a--b", "-a",
                                  "x" * 65, "a_b", "é"])
def test_hostile_ids(name: str) -> None:
    assert id_problem(name) is not None


@pytest.mark.parametrize("name", ["diagnostic-territorial", "m01", "a"])
def test_good_ids(name: str) -> None:
    assert id_problem(name) is None


def test_hostile_paths_in_sources() -> None:
    module = (FIXTURES / "valid" / "module-minimal.yaml").read_bytes()
    sources = {f"modules/{name}/module.yaml": module for name in ("..", "CON", "été")}
    _, diagnostics = check_sources(sources, today=TODAY_DATE)
    hostile = {d.path for d in diagnostics if d.code == "BQ203"}
    assert hostile == set(sources)


def test_vocabulary_files_are_checked() -> None:
    broken = (b"id: autre\ntitre: T\ndescription: D\nvaleurs:\n"
              b"  - {id: a, libelle: A, definition: x}\n"
              b"  - {id: a, libelle: A bis, definition: y}\n"
              b"  - {id: B, libelle: '', definition: z}\n")
    sources = {"schema/vocabulaires/familles.yaml": broken}
    _, diagnostics = check_sources(sources, today=TODAY_DATE)
    own = [(d.line, d.code) for d in diagnostics if d.path.endswith("familles.yaml")]
    assert own == [(7, "BQ105"), (7, "BQ106")]
    fixed = broken.replace(b"{id: B, libelle: ''", b"{id: b, libelle: B")
    _, diagnostics = check_sources({"schema/vocabulaires/familles.yaml": fixed}, today=TODAY_DATE)
    own = [(d.line, d.code) for d in diagnostics if d.path.endswith("familles.yaml")]
    assert own == [(1, "BQ220"), (6, "BQ219")]


def test_missing_vocabulary_is_reported_once() -> None:
    _, diagnostics = check_sources({}, today=TODAY_DATE)
    assert {d.code for d in diagnostics} == {"BQ221"}
    assert len(diagnostics) == len({d.path for d in diagnostics})


def test_catalogue_holds_the_valid_modules(tmp_path: Path) -> None:
    root = build(tmp_path)
    sources = {p.relative_to(root).as_posix(): p.read_bytes()
               for p in root.rglob("*.yaml")}
    catalogue, diagnostics = check_sources(sources, today=TODAY_DATE)
    assert diagnostics == []
    assert set(catalogue.modules) == {"module-complet", "module-deprecie", "module-minimal",
                                      "module-ressources"}
    assert catalogue.paths["module-minimal"] == "modules/module-minimal/module.yaml"
    assert "familles" in catalogue.vocabularies


def test_unknown_key_keeps_the_module_in_the_catalogue() -> None:
    module = (FIXTURES / "invalid" / "modele-champ-inconnu.yaml").read_bytes()
    catalogue, diagnostics = check_sources(
        {"modules/modele-champ-inconnu/module.yaml": module}, today=TODAY_DATE)
    assert "modele-champ-inconnu" in catalogue.modules
    assert [d.code for d in diagnostics if d.path.startswith("modules/")] == ["BQ103", "BQ103"]


def test_named_file_outside_the_catalogue_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build(tmp_path)
    (root / "README.md").write_text("# Lisez-moi\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["validate", "--format", "json", "README.md"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [("README.md", "BQ016")]
