"""The tool and the published JSON Schemas agree on field-level rules, checked against an
independent validator (jsonschema); the module schema compiles under Ajv's strict mode."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel, ValidationError

from bouquet.governance.models import Decision, Instance
from bouquet.validation.sources import check_sources
from repo import NODE_TOOLS, REPO

from .fixturerepo import FIXTURES, TODAY

SCHEMA = REPO / "schema"
Json = dict[str, Any]


def published(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def module_data() -> Json:
    data: Json = yaml.safe_load((FIXTURES / "valid" / "module-minimal.yaml").read_text("utf-8"))
    data["date_revision"] = TODAY
    return data


def tool_accepts_module(data: Json) -> bool:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    vocabularies = {f"schema/vocabulaires/{p.name}": p.read_bytes()
                    for p in (SCHEMA / "vocabulaires").glob("*.yaml")}
    _, found = check_sources(
        {**vocabularies, "modules/module-minimal/module.yaml": text.encode("utf-8")},
        today=dt.date.fromisoformat(TODAY))
    return not any(d.severity.value == "error" for d in found)


RESSOURCE = {"titre": "Guide", "url": "https://exemple.fr/guide"}
MODULE_CASES: list[tuple[str, Json, bool]] = [
    ("url et chemin nul", {"ressources": [{**RESSOURCE, "chemin": None}]}, True),
    ("url seule", {"ressources": [RESSOURCE]}, True),
    ("url et chemin", {"ressources": [{**RESSOURCE, "chemin": "ressources/a.md"}]}, False),
    ("résumé de 280 caractères plus un saut de ligne", {"resume": "a" * 280 + "\n"}, False),
    ("résumé de 280 caractères", {"resume": "a" * 280}, True),
    ("champ mal orthographié", {"financement": ["fonds_propres"]}, False),
]


@pytest.mark.parametrize(("change", "accepted"), [(c, a) for _, c, a in MODULE_CASES],
                         ids=[n for n, _, _ in MODULE_CASES])
def test_module_rules_agree(change: Json, accepted: bool) -> None:
    data = {**module_data(), **change}
    assert published("module.schema.json").is_valid(data) is accepted
    assert tool_accepts_module(data) is accepted


def instance_data() -> Json:
    path = REPO / "governance" / "instances" / "comite-du-commun.yaml"
    data: Json = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def decision_data() -> Json:
    return {"id": "2026-12-publication", "instance": "comite-du-commun",
            "objet": "Publier la version", "publication": "v1.0.0"}


def model_accepts(model: type[BaseModel], data: Json) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


GOVERNANCE_CASES: list[tuple[str, str, type[BaseModel], Json, bool]] = [
    ("procurations en texte", "instance", Instance,
     {"regles": {"procurations_max": "2"}}, False),
    ("signature en texte", "instance", Instance, {"regles": {"signature": "true"}}, False),
    ("provisoire en texte", "instance", Instance, {"provisoire": "true"}, False),
    ("pondération en texte", "instance", Instance,
     {"colleges": {"hubs": "40", "partenaires-nationaux": 20, "collectivites": 20,
                   "financeurs": 20}}, False),
    ("procurations en nombre", "instance", Instance, {"regles": {"procurations_max": 3}}, True),
    ("version SemVer", "decision", Decision, {"publication": "v1.2.0"}, True),
    ("zéro en tête", "decision", Decision, {"publication": "v01.0.0"}, False),
    ("chiffres non ASCII", "decision", Decision, {"publication": "v\u0661.0.0"}, False),
    ("version candidate", "decision", Decision, {"publication": "v1.2.0-rc.1"}, True),
]


@pytest.mark.parametrize(("kind", "model", "change", "accepted"),
                         [(k, m, c, a) for _, k, m, c, a in GOVERNANCE_CASES],
                         ids=[n for n, *_ in GOVERNANCE_CASES])
def test_governance_rules_agree(kind: str, model: type[BaseModel], change: Json,
                                accepted: bool) -> None:
    base = instance_data() if kind == "instance" else decision_data()
    data = {**base, **change}
    if "regles" in change:
        data["regles"] = {**base.get("regles", {}), **change["regles"]}
    assert published(f"governance/{kind}.schema.json").is_valid(data) is accepted
    assert model_accepts(model, data) is accepted


@pytest.mark.parametrize("path", sorted(SCHEMA.rglob("*.schema.json")), ids=str)
def test_published_schemas_have_no_generator_marker(path: Path) -> None:
    assert "x-vocabulaire" not in path.read_text(encoding="utf-8")


# The one editor keyword the schemas use on purpose (VS Code shows it while completing).
EDITOR_KEYWORDS = """module.exports = (ajv) => ajv.addKeyword({keyword: "enumDescriptions",
  metaSchema: {type: "array", items: {type: "string"}}});
"""


def ajv() -> Path | None:
    """The folder holding Ajv: BOUQUET_AJV, else .ci/node once .ci/run has installed it."""
    for folder in (os.environ.get("BOUQUET_AJV"), str(NODE_TOOLS)):
        if folder and (Path(folder) / "node_modules" / ".bin" / "ajv").exists():
            return Path(folder)
    return None


def test_ajv_is_there_in_ci() -> None:
    """In CI (CI=true) the agreement with Ajv must run, not skip."""
    if os.environ.get("CI") != "true":
        pytest.skip("hors CI : Ajv s'installe avec « npm ci --prefix .ci/node »")
    assert ajv() is not None and shutil.which("node"), \
        "Ajv est introuvable : .ci/run doit lancer « npm ci --prefix .ci/node »"


@pytest.mark.skipif(ajv() is None or shutil.which("node") is None,
                    reason="Ajv absent : npm ci --prefix .ci/node (ou BOUQUET_AJV=<dossier>)")
@pytest.mark.parametrize("name", [
    "module.schema.json", "vocabulaire.schema.json", "deploiement.schema.json", *(
        f"governance/{p.name}" for p in sorted((SCHEMA / "governance").glob("*.json")))])
def test_schema_compiles_under_ajv_strict_mode(name: str, tmp_path: Path) -> None:
    folder = ajv()
    assert folder is not None
    keywords = tmp_path / "editor-keywords.js"
    keywords.write_text(EDITOR_KEYWORDS, encoding="utf-8")
    done = subprocess.run(
        [str(folder / "node_modules" / ".bin" / "ajv"), "compile", "--spec=draft2020",
         "--strict=true", "-c", "ajv-formats", "-c", str(keywords), "-s", str(SCHEMA / name)],
        cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _properties(node: object) -> list[tuple[str, Json]]:
    found: list[tuple[str, Json]] = []
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            found.append((key, prop))
        for value in node.values():
            found.extend(_properties(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_properties(item))
    return found


@pytest.mark.parametrize("path", sorted(SCHEMA.rglob("*.schema.json")), ids=str)
def test_every_property_is_described_in_french(path: Path) -> None:
    properties = _properties(json.loads(path.read_text(encoding="utf-8")))
    assert properties
    missing = [key for key, prop in properties if not prop.get("description")]
    assert missing == [], path


def test_every_kind_of_file_has_its_schema_in_the_editor() -> None:
    """Signed ballots cannot carry a schema comment: the editor maps them by path."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert set(mapped) == {p.relative_to(REPO).as_posix() for p in SCHEMA.rglob("*.schema.json")}
    examples = {
        "schema/vocabulaires/familles.yaml", "governance/membres.yaml",
        *(p.relative_to(REPO).as_posix() for p in (REPO / "governance").rglob("*.yaml")
          if p.parent.name in ("instances", "bulletins", "procurations")
          or p.name == "decision.yaml"),
        *(p.relative_to(REPO).as_posix() for p in (REPO / "modules").glob("*/module.yaml"))}
    for example in examples:
        assert any(Path(example).match(glob) for glob in mapped.values()), example
