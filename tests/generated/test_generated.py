"""Generated files never drift: schemas and docs/erreurs.md equal what the code produces."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from bouquet.cli import main
from bouquet.commands.docs import generate
from bouquet.content.catalogue import is_vocab_path
from bouquet.diagnostics.codes import CODES
from bouquet.generated.module_schema import MODULE_SCHEMA, SCHEMA_BASE, VOCABULARY_SCHEMA, schemas
from bouquet.validation.sources import check_sources
from repo import REPO
from validation.fixturerepo import FIXTURES, entries

TODAY = dt.date(2026, 11, 29)


def _generated() -> dict[str, str]:
    sources = {p.relative_to(REPO).as_posix(): p.read_bytes()
               for p in (REPO / "schema" / "vocabulaires").glob("*.yaml")}
    catalogue, _ = check_sources(sources, today=TODAY)
    assert all(is_vocab_path(p) for p in sources)
    return schemas(catalogue.vocabularies)


def test_committed_schemas_match_the_models() -> None:
    for path, text in _generated().items():
        committed = (REPO / path).read_text(encoding="utf-8")
        assert committed == text, f"{path} périmé : lancez « bouquet schema »"


def test_committed_docs_match_the_code() -> None:
    for path, text in generate().items():
        assert (REPO / path).read_text(encoding="utf-8") == text, f"{path} : « bouquet docs »"


def test_every_code_is_documented() -> None:
    page = generate()["docs/erreurs.md"]
    assert all(f"`{code}`" in page for code in CODES)


def _module_validator() -> jsonschema.Draft202012Validator:
    import json

    schema = json.loads(_generated()[MODULE_SCHEMA])
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_BASE + "module.schema.json"
    return jsonschema.Draft202012Validator(schema)


def _load(path: Path) -> object:
    return _dates_as_text(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))


def _dates_as_text(data: object) -> object:
    """JSON has no dates: editors and check-jsonschema see them as text."""
    if isinstance(data, dt.date):
        return data.isoformat()
    if isinstance(data, dict):
        return {key: _dates_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_dates_as_text(value) for value in data]
    return data


def test_schema_accepts_every_valid_module() -> None:
    validator = _module_validator()
    modules = [*sorted((REPO / "modules").glob("*/module.yaml"))]
    modules += [e if e.is_file() else e / "module.yaml" for e in entries(FIXTURES / "valid")]
    for path in modules:
        errors = list(validator.iter_errors(_load(path)))
        assert errors == [], path


@pytest.mark.parametrize("name", ["regle-vocabulaire", "modele-ressource", "modele-statut",
                                  "modele-champs-absents", "regle-resume-long"])
def test_schema_rejects_what_the_editor_can_see(name: str) -> None:
    validator = _module_validator()
    assert list(validator.iter_errors(_load(FIXTURES / "invalid" / f"{name}.yaml")))


def test_vocabulary_schema_accepts_the_vocabularies() -> None:
    import json

    schema = json.loads(_generated()[VOCABULARY_SCHEMA])
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((REPO / "schema" / "vocabulaires").glob("*.yaml")):
        assert list(validator.iter_errors(_load(path))) == [], path


def test_schema_and_docs_commands_check_then_write(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    schema_file = tmp_path / MODULE_SCHEMA
    schema_file.write_text("{}\n", encoding="utf-8")
    assert main(["schema", "--check"]) == 1
    assert main(["docs", "--check"]) == 1
    assert schema_file.read_text(encoding="utf-8") == "{}\n"  # --check writes nothing
    assert main(["schema"]) == 0
    assert main(["docs"]) == 0
    assert main(["schema", "--check"]) == 0
    assert main(["docs", "--check"]) == 0
    assert schema_file.read_text(encoding="utf-8") == (REPO / MODULE_SCHEMA).read_text("utf-8")
    assert "périmé" in capsys.readouterr().out
