"""The modules professionals can mobilise, as data·inclusion v1 services (``services.json``).

A module is exported when at least one of its participants is a professional (every
participant but elected officials and volunteers). Its thématiques, publics, modes d'accueil
and frais come from the ``data_inclusion`` correspondences of the vocabularies, which
``bouquet validate`` checks against the pinned data·inclusion referentials. The eligibility
zone is national: any hub may deliver a module of the commons (COG country code of France).
Pure: the same catalogue gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from bouquet.content.catalogue import Catalogue
from bouquet.content.model import Module
from bouquet.exports.catalogue import published_modules

SOURCE = "le-bouquet"
STRUCTURE_ID = f"{SOURCE}--commun"
NOT_PROFESSIONALS = frozenset({"elus", "benevoles"})
FRANCE_COG = "99100"
NAME_MAX = 150
TRAINING_FAMILY = "formation_professionnalisation"


def mobilisable(module: Module) -> bool:
    return any(p not in NOT_PROFESSIONALS for p in module.participants)


def _targets(catalogue: Catalogue, vocabulary: str, ids: Iterable[str]) -> list[str]:
    voc = catalogue.vocabularies.get(vocabulary)
    found: set[str] = set()
    for value_id in ids:
        value = voc.get(value_id) if voc else None
        if value is not None and value.correspondances is not None:
            found.update(value.correspondances.data_inclusion)
    return sorted(found)


def _publics(catalogue: Catalogue, module: Module) -> list[str]:
    publics = _targets(catalogue, "publics_finaux", module.publics_finaux)
    if len(publics) > 1 and "tous-publics" in publics:
        publics.remove("tous-publics")  # data·inclusion: never with other values
    return publics


def _frais(catalogue: Catalogue, module: Module) -> str:
    kinds = [_targets(catalogue, "modeles_tarifaires", [t.modele_tarifaire])
             for t in module.tiroirs]
    return "gratuit" if all(k == ["gratuit"] for k in kinds) else "payant"


def service(catalogue: Catalogue, module: Module, base_url: str) -> dict[str, object]:
    """One data·inclusion v1 service (absent optional values left out)."""
    url = f"{base_url}modules/{module.id}/"
    services = module.correspondances.services_standard if module.correspondances else ()
    record: dict[str, object] = {
        "source": SOURCE,
        "structure_id": STRUCTURE_ID,
        "id": f"{SOURCE}--{module.id}",
        "nom": module.titre[:NAME_MAX].rstrip(". "),
        "description": module.resume,
        "lien_source": url,
        "date_maj": module.date_revision.isoformat(),
        "type": "formation" if module.famille == TRAINING_FAMILY else "accompagnement",
        "thematiques": _targets(catalogue, "services_standard", services),
        "frais": _frais(catalogue, module),
        "publics": _publics(catalogue, module),
        "modes_accueil": _targets(catalogue, "modalites", module.modalites),
        "zone_eligibilite": [FRANCE_COG],
        "mobilisable_par": ["professionnels"],
        "modes_mobilisation": ["utiliser-lien-mobilisation"],
        "lien_mobilisation": url,
    }
    return {k: v for k, v in record.items() if v != []}


def services(catalogue: Catalogue, base_url: str) -> list[dict[str, object]]:
    return [service(catalogue, m, base_url) for m in published_modules(catalogue)
            if mobilisable(m)]


def services_json(catalogue: Catalogue, base_url: str, day: dt.date) -> str:
    """The services of the release published on ``day``, by id."""
    document = {"source": SOURCE, "schema": "data-inclusion-schema v1", "date": day.isoformat(),
                "services": services(catalogue, base_url)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
