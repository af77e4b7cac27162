from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouquet.cli import main
from bouquet.commands.new import new_module
from bouquet.content.model import MODULE_ID_PATTERN, Module
from bouquet.diagnostics.record import Severity
from bouquet.edges.worktree import create_folder
from bouquet.errors import BouquetError, ExitCode
from bouquet.validation.catalogue import build_catalogue
from minirepo import write_vocabularies
from repo import REPO

DAY = dt.date(2026, 11, 29)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_vocabularies(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under root with its content (None for folders and links)."""
    snapshot: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        regular = path.is_file() and not path.is_symlink()
        snapshot[str(path.relative_to(root))] = path.read_bytes() if regular else None
    return snapshot


def sources(root: Path) -> dict[str, bytes]:
    files = [*root.glob("schema/vocabulaires/*.yaml"), *root.glob("modules/*/module.yaml")]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def errors(root: Path) -> list[str]:
    # `bouquet new` run through main() dates the module with the real day, others with DAY
    _, diagnostics = build_catalogue(sources(root), today=max(DAY, dt.date.today()))
    return [f"{d.path}:{d.line}: {d.code} {d.message}" for d in diagnostics
            if d.severity is Severity.ERROR]


def test_scaffold_is_a_valid_draft(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "module", "atelier-parentalite-numerique"]) == 0
    path = repo / "modules" / "atelier-parentalite-numerique" / "module.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/module.schema.json"
    module = Module.model_validate(yaml.load(text, Loader=yaml.CSafeLoader))
    assert module.id == "atelier-parentalite-numerique"
    assert module.statut == "brouillon"
    assert module.date_revision == dt.date.today()
    assert "À compléter" in module.titre and "À compléter" in module.resume
    assert errors(repo) == []
    out = capsys.readouterr().out
    assert "Module créé\u202f: modules/atelier-parentalite-numerique/module.yaml" in out
    assert "bouquet validate modules/atelier-parentalite-numerique/module.yaml" in out


def test_scaffold_passes_bouquet_validate_in_a_copy_of_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("schema", "modules"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    assert main(["new", "module", "nouveau-module", "--famille", "equipement_reemploi"]) == 0
    capsys.readouterr()
    assert main(["validate", "modules/nouveau-module/module.yaml"]) == 0, capsys.readouterr().out
    assert main(["validate"]) == 0, capsys.readouterr().out
    capsys.readouterr()
    assert main(["validate", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True
    # a draft only reminds of the texts left to write
    assert {d["code"] for d in report["diagnostics"]
            if d["path"].startswith("modules/nouveau")} == {"BQ267"}


def test_clock_titre_and_famille_are_used(repo: Path) -> None:
    catalogue, _ = build_catalogue(sources(repo), today=DAY)
    famille = sorted(catalogue.vocabularies["familles"].ids())[-1]
    assert new_module(repo, "forum-local", "Forum « Numérique en commun »", famille, DAY) == 0
    text = (repo / "modules/forum-local/module.yaml").read_bytes()
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    assert data["date_revision"] == DAY
    assert data["titre"] == "Forum « Numérique en commun »"
    assert data["famille"] == famille
    assert "29 novembre 2026" in (repo / "modules/forum-local/module.yaml").read_text("utf-8")
    assert errors(repo) == []


def test_created_folder_follows_the_umask(repo: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert main(["new", "module", "lisible"]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((repo / "modules" / "lisible").stat().st_mode) == 0o755


@pytest.mark.parametrize(
    "bad_id",
    ["../evil", "..", ".", "a/b", "/etc/passwd", "Majuscule", "éducation", "a b", "-x", "x-",
     "a--b", "a_b", "con", "lpt1", "x" * 65, "ok\x00", "ok\n", ""],
)
def test_hostile_or_invalid_id_is_refused(
    repo: Path, bad_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(repo)
    assert main(["new", "module", "--", bad_id]) == 1
    assert "module non créé" in capsys.readouterr().err
    assert tree(repo) == before


@pytest.mark.parametrize("kind", ["folder", "file", "dangling-link"])
def test_never_overwrites(repo: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = repo / "modules" / "existant"
    target.parent.mkdir(exist_ok=True)
    if kind == "folder":
        target.mkdir()
        (target / "module.yaml").write_text("id: existant\n", encoding="utf-8")
    elif kind == "file":
        target.write_text("à garder\n", encoding="utf-8")
    else:
        target.symlink_to(repo / "ailleurs")
    before = tree(repo)
    assert main(["new", "module", "existant"]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert tree(repo) == before


def test_failed_write_leaves_nothing_behind(repo: Path) -> None:
    modules = repo / "modules"
    (modules / "occupe").mkdir(parents=True)
    (modules / "occupe" / "notes.txt").write_text("à garder\n", encoding="utf-8")
    before = tree(repo)
    with pytest.raises(FileExistsError):
        create_folder(modules, "occupe", {"module.yaml": "id: occupe\n"})
    assert tree(repo) == before


def test_modules_being_a_file_is_refused_cleanly(repo: Path) -> None:
    (repo / "modules").write_text("pas un dossier\n", encoding="utf-8")
    before = tree(repo)
    assert main(["new", "module", "quelconque"]) == 1
    assert tree(repo) == before


def test_unknown_famille_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(repo)
    assert main(["new", "module", "x", "--famille", "inexistante"]) == 2
    assert "valeurs possibles" in capsys.readouterr().err
    assert tree(repo) == before


@pytest.mark.parametrize("argv", [["new"], ["new", "module"], ["new", "chose", "x"]])
def test_missing_kind_or_id_is_a_usage_error(repo: Path, argv: list[str]) -> None:
    assert main(argv) == 2


def test_outside_a_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "module", "x"]) == 2
    assert "schema/vocabulaires" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_works_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "modules").mkdir()
    monkeypatch.chdir(repo / "modules")
    assert main(["new", "module", "depuis-sous-dossier"]) == 0
    assert (repo / "modules" / "depuis-sous-dossier" / "module.yaml").is_file()


IDS = st.one_of(st.from_regex(MODULE_ID_PATTERN, fullmatch=True), st.text(max_size=12))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(module_id=IDS, titre=st.text(max_size=40))
def test_any_input_creates_exactly_one_valid_draft_or_nothing(
    repo: Path, module_id: str, titre: str
) -> None:
    before = tree(repo)
    try:
        code = new_module(repo, module_id, titre, None, DAY)
    except BouquetError as refused:
        assert refused.exit_code is ExitCode.FAIL and tree(repo) == before
        return
    after = tree(repo)
    assert code == 0
    created = {k for k in after if k not in before}
    assert created <= {"modules", f"modules/{module_id}", f"modules/{module_id}/module.yaml"}
    data = yaml.load((repo / f"modules/{module_id}/module.yaml").read_bytes(),
                     Loader=yaml.CSafeLoader)
    assert data["id"] == module_id and data["titre"] == titre
    assert errors(repo) == []
    for name in created:  # leave the repository as found for the next example
        path = repo / name
        if path.is_file():
            path.unlink()
    (repo / f"modules/{module_id}").rmdir()


def test_maintainers_option_fills_the_field(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["new", "module", "avec-mainteneurs", "--mainteneur", "@hub-exemple",
            "--mainteneur", "@reseau/equipe-bouquet"]
    assert main(argv) == 0
    data = yaml.load((repo / "modules/avec-mainteneurs/module.yaml").read_bytes(),
                     Loader=yaml.CSafeLoader)
    assert data["mainteneurs"] == ["@hub-exemple", "@reseau/equipe-bouquet"]
    assert errors(repo) == []
    out = capsys.readouterr().out
    assert "bouquet codeowners" in out and ".github/CODEOWNERS" in out


@pytest.mark.parametrize("account", ["hub-sans-arobase", "@", "@a b", "@-tiret", "@x\n"])
def test_bad_maintainer_is_a_usage_error(
    repo: Path, account: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(repo)
    assert main(["new", "module", "x", "--mainteneur", account]) == 2
    assert "n'est pas un compte GitHub" in capsys.readouterr().err
    assert tree(repo) == before
