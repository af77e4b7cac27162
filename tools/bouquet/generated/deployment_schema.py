"""The public JSON Schema (2020-12) of deployment records, generated from the model.

``schema/deploiement.schema.json`` gives editors completion and checks on
``deploiements/<hub>/<id>.yaml`` (``# yaml-language-server: $schema=../../schema/…``). Fields
whose values come from a vocabulary get its ``enum``, as in the module schema.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from bouquet.content.deployment import Deploiement
from bouquet.content.vocab import Vocabulary
from bouquet.generated.module_schema import Json, _apply_vocabularies, _header, drop_markers, dump

DEPLOYMENT_SCHEMA = "schema/deploiement.schema.json"

_DEFS: dict[str, tuple[str, str]] = {
    "Commanditaire": ("Commanditaire", "L'organisation qui commande : jamais une personne."),
    "Dates": ("Dates", "Signature, début et fin du déploiement, dans cet ordre."),
    "Financement": ("Financement", "Une source de financement et sa part en euros."),
    "Realisation": ("Réalisation", "Résultat d'un indicateur du module pour un semestre."),
    "StatutDeploiement": ("Statut du déploiement", "prevu, signe, en_cours, termine ou annule."),
    "Territoire": ("Territoire", "Codes officiels géographiques (COG 2026) couverts."),
}


def deployment_schema(vocabularies: Mapping[str, Vocabulary]) -> Json:
    body = copy.deepcopy(Deploiement.model_json_schema(mode="validation"))
    for name, (title, description) in _DEFS.items():
        if name in body.get("$defs", {}):
            body["$defs"][name].update(title=title, description=description)
    _apply_vocabularies(body, vocabularies)
    drop_markers(body)
    header = _header("deploiement.schema.json", "Déploiement d'un module du Bouquet",
                     "Un déploiement d'un module par un hub : fichier "
                     "deploiements/<hub>/<id>.yaml.")
    body.pop("title", None)
    body.pop("description", None)
    return {**header, **body}


def schemas(vocabularies: Mapping[str, Vocabulary]) -> dict[str, str]:
    return {DEPLOYMENT_SCHEMA: dump(deployment_schema(vocabularies))}
