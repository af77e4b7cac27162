"""The files of ``bouquet export catalogue``, also published by the site under each
``/vX.Y.Z/``: one implementation for both. Pure: the same release gives the same bytes."""

from __future__ import annotations

from collections.abc import Sequence

from bouquet.content.catalogue import Catalogue
from bouquet.exports.catalogue import (
    MODULE_SCHEMA_FILE,
    catalogue_csv,
    catalogue_json,
    catalogue_tableschema,
)
from bouquet.exports.dcat import PublishedRelease, dcat_jsonld
from bouquet.generated.module_schema import dump, module_schema

BASE_KEYWORDS = ("inclusion numérique", "médiation numérique", "hubs territoriaux",
                 "ingénierie territoriale", "commun numérique")


def keywords(catalogue: Catalogue) -> list[str]:
    """The base keywords and the labels of the families the catalogue uses."""
    families = catalogue.vocabularies.get("familles")
    used = {m.famille for m in catalogue.modules.values()}
    labels = [families.label(f) for f in sorted(used)] if families else []
    return [*BASE_KEYWORDS, *labels]


def catalogue_bundle(catalogue: Catalogue, version: str, base_url: str,
                     history: Sequence[PublishedRelease]) -> dict[str, str]:
    """File name → text: catalogue.json (+ its JSON Schema), catalogue.csv (+ its
    TableSchema) and dcat.jsonld describing ``history`` (the releases up to this one)."""
    return {
        "catalogue.json": catalogue_json(catalogue, version),
        MODULE_SCHEMA_FILE: dump(module_schema(catalogue.vocabularies)),
        "catalogue.csv": catalogue_csv(catalogue),
        "catalogue.tableschema.json": catalogue_tableschema(),
        "dcat.jsonld": dcat_jsonld(base_url, history, keywords(catalogue)),
    }

