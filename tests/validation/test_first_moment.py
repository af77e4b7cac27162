"""Mistakes that used to pass silently and fail later: each one now stops at ``validate``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bouquet.cli import main
from repo import REPO, GitRepo, git

from .fixturerepo import FIXTURES, TODAY, build

Report = list[dict[str, object]]


def run_validate(root: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, Report]:
    monkeypatch.chdir(root)
    code = main(["validate", "--format", "json", "--today", TODAY, *args])
    diagnostics: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return code, diagnostics


def misspelt_module(root: Path) -> Path:
    """module-minimal with ``financement:`` written for ``financements:``."""
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    path = root / "modules" / "module-minimal" / "module.yaml"
    path.write_text(text + "financement: [fonds_propres]\n", encoding="utf-8")
    return path


def test_misspelt_field_is_an_error_with_its_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build(tmp_path)
    misspelt_module(root)
    code, diagnostics = run_validate(root, capsys, monkeypatch)
    assert code == 1
    [found] = diagnostics
    assert (found["code"], found["severity"], found["line"]) == ("BQ103", "error", 21)
    assert "«\u00a0financements\u00a0»" in str(found["hint"])


def test_published_schema_also_refuses_the_misspelt_field(tmp_path: Path) -> None:
    published = json.loads((REPO / "schema" / "module.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(misspelt_module(build(tmp_path)).read_text(encoding="utf-8"))
    data["date_revision"] = str(data["date_revision"])
    errors = list(jsonschema.Draft202012Validator(published).iter_errors(data))
    assert [e.validator for e in errors] == ["additionalProperties"]


@pytest.mark.parametrize(("statut", "code", "exit_code"),
                         [("brouillon", "BQ267", 0), ("valide", "BQ266", 1)])
def test_scaffold_texts_left_in_a_module(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    statut: str, code: str, exit_code: int,
) -> None:
    root = build(tmp_path)
    monkeypatch.chdir(root)
    assert main(["new", "module", "atelier-neuf", "--titre", "Atelier neuf"]) == 0
    path = root / "modules" / "atelier-neuf" / "module.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("statut: brouillon", f"statut: {statut}"), encoding="utf-8")
    capsys.readouterr()
    today = dt.date.today().isoformat()  # `bouquet new` dates the module with the real day
    found, diagnostics = run_validate(root, capsys, monkeypatch, "--today", today)
    left = [d for d in diagnostics if d["code"] == code]
    assert found == exit_code
    assert {d["code"] for d in diagnostics if d["severity"] == "error"} <= {"BQ266"}
    messages = [str(d["message"]) for d in left]
    assert "mainteneur «\u00a0@a-completer\u00a0» laissé par le squelette" in messages
    assert "texte «\u00a0À compléter\u00a0» laissé par le squelette dans «\u00a0resume\u00a0»" \
        in messages
    assert all(d["path"] == "modules/atelier-neuf/module.yaml" and int(str(d["line"])) > 0
               for d in left)


def committed(root: Path) -> Path:
    GitRepo(root).commit("Catalogue")
    return root


def test_file_mode_without_vocabularies_says_what_it_cannot_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "modules" / "module-minimal"
    folder.mkdir(parents=True)
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    (folder / "module.yaml").write_text(text.replace("donnees_outils", "inconnue"), "utf-8")
    code, diagnostics = run_validate(tmp_path, capsys, monkeypatch,
                                     "modules/module-minimal/module.yaml")
    assert code == 1
    assert {d["code"] for d in diagnostics} == {"BQ221"}
    assert "schema/vocabulaires/familles.yaml" in {d["path"] for d in diagnostics}


@pytest.mark.parametrize(("deleted", "code", "reported"), [
    ("modules/module-complet", "BQ207", "modules/module-deprecie/module.yaml"),
    ("modules/module-ressources/ressources/trame.md", "BQ211",
     "modules/module-ressources/module.yaml"),
])
@pytest.mark.parametrize("named", [(), ("modules/module-minimal/module.yaml",)])
def test_a_deletion_is_caught_before_the_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    deleted: str, code: str, reported: str, named: tuple[str, ...],
) -> None:
    """As pre-commit runs the hook: with the other staged files named, or none (a commit
    that only deletes: the hook runs anyway, ``always_run``)."""
    root = committed(build(tmp_path))
    git(root, "rm", "-r", "-q", deleted)
    found, diagnostics = run_validate(root, capsys, monkeypatch, *named)
    assert found == 1
    assert (reported, code) in {(d["path"], d["code"]) for d in diagnostics}


def test_the_hooks_run_even_for_a_deletion_alone() -> None:
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        loaded = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
        hooks = loaded if isinstance(loaded, list) else [
            h for repo in loaded["repos"] for h in repo["hooks"]]
        [hook] = [h for h in hooks if h["id"] == "bouquet-validate"]
        assert hook["always_run"] is True, name
