"""The JSON and CSV exports of a catalogue (pure renderings)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import jsonschema  # type: ignore[import-untyped, unused-ignore]

from bouquet.content.catalogue import Catalogue
from bouquet.exports.catalogue import CSV_COLUMNS, catalogue_csv, catalogue_json
from bouquet.validation.catalogue import build_catalogue
from repo import REPO


def _catalogue() -> Catalogue:
    files = [*REPO.glob("schema/vocabulaires/*.yaml"), *REPO.glob("modules/*/module.yaml")]
    sources = {p.relative_to(REPO).as_posix(): p.read_bytes() for p in files}
    catalogue, _ = build_catalogue(sources, today=dt.date(2030, 1, 1))
    return catalogue


def test_json_lists_every_published_module_valid_against_the_schema() -> None:
    catalogue = _catalogue()
    document = json.loads(catalogue_json(catalogue, "1.2.0"))
    schema = json.loads((REPO / "schema/module.schema.json").read_text(encoding="utf-8"))
    published = [m for m in catalogue.modules.values()
                 if m.statut.value != "brouillon"]
    assert document["version"] == "1.2.0"
    assert [m["id"] for m in document["modules"]] == sorted(m.id for m in published)
    for module in document["modules"]:
        jsonschema.validate(module, schema)


def test_csv_has_one_row_per_module_and_tiroir() -> None:
    catalogue = _catalogue()
    text = catalogue_csv(catalogue)
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    published = [m for m in catalogue.modules.values()
                 if m.statut.value != "brouillon"]
    assert len(rows) - 1 == sum(len(m.tiroirs) for m in published)
    assert catalogue_csv(catalogue) == text
