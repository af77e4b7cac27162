"""A catalogue as JSON and CSV: what the site publishes at ``/vX.Y.Z/catalogue.json|csv``.

Pure renderings of a ``Catalogue``: the same catalogue gives the same bytes. The JSON lists
every module as published (each one valid against ``schema/module.schema.json``); the CSV has
one row per module × tiroir, with list values joined by `` | ``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from bouquet.content.catalogue import Catalogue
from bouquet.content.model import Module, Tiroir

LIST_SEPARATOR = " | "
CSV_COLUMNS: tuple[str, ...] = (
    "module_id", "module_titre", "statut", "famille", "commanditaires", "participants",
    "publics_finaux", "echelons", "modalites", "financements", "licence", "date_revision",
    "remplace_par", "tiroir_id", "tiroir_niveau", "tiroir_titre", "duree_jours_min",
    "duree_jours_max", "prix_ht_eur_min", "prix_ht_eur_max", "unite_prix", "modele_tarifaire",
    "livrables",
)


def published_modules(catalogue: Catalogue) -> list[Module]:
    """The modules of the bouquet (drafts are not published), by id."""
    return [catalogue.modules[i] for i in sorted(catalogue.modules)
            if catalogue.modules[i].statut.value != "brouillon"]


def module_record(module: Module) -> dict[str, object]:
    """A module as JSON data, valid against the module schema (absent values left out)."""
    data: dict[str, object] = module.model_dump(mode="json", exclude_none=True)
    return data


def catalogue_json(catalogue: Catalogue, version: str) -> str:
    document = {"version": version,
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
