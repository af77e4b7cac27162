"""A catalogue as JSON and CSV: what the site publishes at ``/vX.Y.Z/catalogue.json|csv``.

Pure renderings of a ``Catalogue``: the same catalogue gives the same bytes. The JSON lists
every module as published (each one valid against ``schema/module.schema.json``); the CSV has
one row per module × tiroir, with list values joined by ``|`` (as in the national standard),
described by the TableSchema ``schema/catalogue.tableschema.json`` (generated from
``CSV_FIELDS``, checked by ``bouquet schema --check``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from bouquet.content.catalogue import Catalogue
from bouquet.content.model import Module, Tiroir

LIST_SEPARATOR = "|"
CATALOGUE_TABLESCHEMA = "schema/catalogue.tableschema.json"
_LIST = "Plusieurs valeurs séparées par « | »."
# (column, TableSchema type, required, French title, description)
CSV_FIELDS: tuple[tuple[str, str, bool, str, str], ...] = (
    ("module_id", "string", True, "Identifiant du module", "Identifiant stable du module."),
    ("module_titre", "string", True, "Titre du module", ""),
    ("statut", "string", True, "Statut", "publie ou deprecie."),
    ("famille", "string", True, "Famille", "Identifiant du vocabulaire familles."),
    ("commanditaires", "string", True, "Commanditaires", _LIST),
    ("participants", "string", True, "Participants", _LIST),
    ("publics_finaux", "string", False, "Publics finaux", _LIST),
    ("echelons", "string", True, "Échelons territoriaux", _LIST),
    ("modalites", "string", True, "Modalités", _LIST),
    ("financements", "string", False, "Financements", _LIST),
    ("licence", "string", True, "Licence", "Identifiant SPDX de la licence du module."),
    ("date_revision", "date", True, "Date de révision", "Date ISO 8601."),
    ("remplace_par", "string", False, "Remplacé par", "Module remplaçant d'un module déprécié."),
    ("tiroir_id", "string", True, "Identifiant du tiroir", ""),
    ("tiroir_niveau", "string", True, "Niveau du tiroir", ""),
    ("tiroir_titre", "string", True, "Titre du tiroir", ""),
    ("duree_jours_min", "number", True, "Durée minimale (jours)", ""),
    ("duree_jours_max", "number", True, "Durée maximale (jours)", ""),
    ("prix_ht_eur_min", "integer", False, "Prix minimal (€ HT)", ""),
    ("prix_ht_eur_max", "integer", False, "Prix maximal (€ HT)", ""),
    ("unite_prix", "string", False, "Unité de prix", ""),
    ("modele_tarifaire", "string", True, "Modèle tarifaire", ""),
    ("livrables", "string", True, "Livrables", _LIST),
)
CSV_COLUMNS: tuple[str, ...] = tuple(f[0] for f in CSV_FIELDS)


def published_modules(catalogue: Catalogue) -> list[Module]:
    """The modules of the bouquet (drafts are not published), by id."""
    return [catalogue.modules[i] for i in sorted(catalogue.modules)
            if catalogue.modules[i].statut.value != "brouillon"]


def module_record(module: Module) -> dict[str, object]:
    """A module as JSON data, valid against the module schema (absent values left out)."""
    data: dict[str, object] = module.model_dump(mode="json", exclude_none=True)
    return data


MODULE_SCHEMA_FILE = "module.schema.json"  # written beside catalogue.json


def catalogue_json(catalogue: Catalogue, version: str) -> str:
    """The published modules of ``version``; each is valid against ``module.schema.json``,
    the JSON Schema of that release, published beside this file."""
    document = {"version": version, "module_schema": MODULE_SCHEMA_FILE,
                "modules": [module_record(m) for m in published_modules(catalogue)]}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _row(module: Module, tiroir: Tiroir) -> list[str]:
    price = tiroir.prix_ht_eur
    return [
        module.id, module.titre, module.statut.value, module.famille,
        _joined(module.commanditaires), _joined(module.participants),
        _joined(module.publics_finaux), _joined(module.echelons), _joined(module.modalites),
        _joined(module.financements), module.licence, module.date_revision.isoformat(),
        module.remplace_par or "", tiroir.id, tiroir.niveau, tiroir.titre,
        _number(tiroir.duree_jours.min), _number(tiroir.duree_jours.max),
        _number(price.min if price else None), _number(price.max if price else None),
        tiroir.unite_prix or "", tiroir.modele_tarifaire, _joined(tiroir.livrables),
    ]


def catalogue_csv(catalogue: Catalogue) -> str:
    """One row per module × tiroir (RFC 4180, CRLF line ends as the csv module writes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for module in published_modules(catalogue):
        for tiroir in module.tiroirs:
            writer.writerow(_row(module, tiroir))
    return buffer.getvalue()


def catalogue_tableschema() -> str:
    """The TableSchema of ``catalogue.csv`` (frictionless), as committed under ``schema/``."""
    fields = []
    for name, kind, required, title, description in CSV_FIELDS:
        field: dict[str, object] = {"name": name, "type": kind, "title": title}
        if description:
            field["description"] = description
        field["constraints"] = {"required": True} if required else {}
        fields.append(field)
    document = {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": "catalogue-le-bouquet",
        "title": "Catalogue du Bouquet : une ligne par module et par tiroir",
        "description": "Modules publiés d'une version du Bouquet, une ligne par tiroir "
                       "(variante). Les valeurs multiples sont séparées par « | ».",
        "fields": fields,
        "primaryKey": ["module_id", "tiroir_id"],
        "missingValues": [""],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
