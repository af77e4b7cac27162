"""JSON Schemas (2020-12) of the governance files, generated from the models.

``bouquet schema`` writes them (this module is one of its producers), with those of the
modules; ``bouquet schema --check`` and a test fail when the committed files drift.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from bouquet.generated.descriptions import describe
from bouquet.governance.models import Bulletin, Decision, Instance, Membres, Procuration

SCHEMA_DIR = "schema/governance"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("membres", Membres, "Membres du commun : governance/membres.yaml"),
    ("instance", Instance, "Instance de gouvernance : governance/instances/<id>.yaml"),
    ("decision", Decision, "Décision : governance/decisions/<id>/decision.yaml"),
    ("bulletin", Bulletin, "Bulletin : governance/decisions/<id>/bulletins/<membre>.yaml"),
    ("procuration", Procuration,
     "Procuration : governance/decisions/<id>/procurations/<mandant>.yaml"),
)
FRENCH_TITLES = {
    "Agregation": "Agrégation des collèges", "CollegeSansSuffrage": "Collège sans suffrage",
    "Regles": "Règles de vote", "Methode": "Méthode de décision", "Statut": "Statut",
    "Choix": "Choix", "Membre": "Membre",
}


def schemas() -> dict[str, str]:
    """``{repo-relative path: JSON text}``, deterministic."""
    out: dict[str, str] = {}
    for name, model, description in MODELS:
        body = model.model_json_schema(mode="validation")
        for key, definition in body.get("$defs", {}).items():
            definition["title"] = FRENCH_TITLES.get(key, definition.get("title", key))
        describe(body, governance=name)
        document = {"$schema": DIALECT, "$id": f"{name}.schema.json",
                    "description": description, **body}
        out[f"{SCHEMA_DIR}/{name}.schema.json"] = (
            json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        )
    return out
