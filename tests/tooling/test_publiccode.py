"""publiccode.yml at the root: the keys the publiccode.yml 0.4 standard requires, and the
same name, version, licence and language as pyproject.toml."""

from __future__ import annotations

import tomllib

from bouquet.content.reading.loader import load_yaml
from repo import REPO

# publiccode.yml 0.4 (https://yml.publiccode.tools/schema.core.html): mandatory keys
REQUIRED_TOP = ("publiccodeYmlVersion", "name", "url", "platforms", "categories",
                "developmentStatus", "softwareType", "description", "legal", "maintenance",
                "localisation")
REQUIRED_DESCRIPTION = ("shortDescription", "longDescription", "features")
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


def _publiccode() -> dict[str, object]:
    document, problems = load_yaml("publiccode.yml",
                                   (REPO / "publiccode.yml").read_bytes())
    assert document is not None and problems == []
    assert isinstance(document.value, dict)
    return document.value


def test_publiccode_has_the_required_keys_of_the_standard() -> None:
    data = _publiccode()
    assert [k for k in REQUIRED_TOP if k not in data] == []
    assert data["publiccodeYmlVersion"] == "0.4"
    assert data["developmentStatus"] in DEVELOPMENT_STATUS
    description = data["description"]
    assert isinstance(description, dict) and description
    for text in description.values():
        assert [k for k in REQUIRED_DESCRIPTION if k not in text] == []
        assert len(text["shortDescription"]) <= 150
        assert 150 <= len(text["longDescription"]) <= 10000
        assert text["features"]
    maintenance = data["maintenance"]
    assert isinstance(maintenance, dict) and maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in ("internal", "contract"):
        assert maintenance.get("contacts")
    localisation = data["localisation"]
    assert isinstance(localisation, dict)
    assert {"localisationReady", "availableLanguages"} <= set(localisation)


def test_publiccode_agrees_with_pyproject() -> None:
    data = _publiccode()
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["name"] == project["name"]
    assert str(data["softwareVersion"]) == project["version"]
    legal = data["legal"]
    assert isinstance(legal, dict) and legal["license"] == project["license"] == "EUPL-1.2"
    localisation = data["localisation"]
    assert isinstance(localisation, dict) and localisation["availableLanguages"] == ["fr"]
    description = data["description"]
    assert isinstance(description, dict) and list(description) == ["fr"]
    assert description["fr"]["shortDescription"].rstrip(".") == project["description"]
