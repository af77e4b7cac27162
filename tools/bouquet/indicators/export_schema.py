"""The columns of the open-data export, declared once: the TableSchemas under
``schema/export/`` are generated from them (``bouquet schema``) and the CSV files of
``bouquet indicateurs export`` hold exactly these columns. Light: no Arrow, no database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bouquet.content.deployment import PERIOD_PATTERN, SIREN_PATTERN, VERSION_PATTERN

EXPORT_SCHEMA_DIR = "schema/export"
SEPARATOR = "|"
_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # TableSchema type: string, integer, number, date
    title: str
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    minimum: int | None = None


DEPLOYMENT_FIELDS: tuple[Column, ...] = (
    Column("hub", "string", "Hub", "Identifiant du hub (governance/membres.yaml).", True, _ID),
    Column("id", "string", "Identifiant", "Identifiant du déploiement, unique pour son hub.",
           True, _ID),
    Column("module", "string", "Module", "Identifiant du module déployé.", True, _ID),
    Column("tiroir", "string", "Tiroir", "Identifiant du tiroir du module.", True),
    Column("version", "string", "Version du catalogue",
           "Version X.Y.Z du Bouquet dont l'offre est issue.", True, VERSION_PATTERN),
    Column("statut", "string", "Statut", "Statut du déploiement.", True,
           enum=("prevu", "signe", "en_cours", "termine", "annule")),
    Column("commanditaire_type", "string", "Type de commanditaire",
           "Valeur du vocabulaire « commanditaires » du Bouquet.", True),
    Column("commanditaire_nom", "string", "Commanditaire",
           "Nom de l'organisation commanditaire (jamais une personne).", True),
    Column("commanditaire_siren", "string", "SIREN du commanditaire",
           "Numéro SIREN à 9 chiffres.", pattern=SIREN_PATTERN),
    Column("communes", "string", "Communes", "Codes communes du COG, séparés par « | »."),
    Column("epci", "string", "EPCI", "SIREN des EPCI à fiscalité propre, séparés par « | »."),
    Column("departements", "string", "Départements",
           "Codes départements du COG, séparés par « | »."),
    Column("regions", "string", "Régions", "Codes régions du COG, séparés par « | »."),
    Column("date_signature", "date", "Date de signature", "Date ISO 8601 (AAAA-MM-JJ)."),
    Column("date_debut", "date", "Date de début", "Date ISO 8601 (AAAA-MM-JJ)."),
    Column("date_fin", "date", "Date de fin", "Date ISO 8601 (AAAA-MM-JJ)."),
    Column("montant_ht_eur", "integer", "Montant HT (euros)",
           "Montant total hors taxes ; vide si non communiqué.", minimum=0),
    Column("financements_sources", "string", "Sources de financement",
           "Valeurs du vocabulaire « financements », séparées par « | »."),
    Column("financements_montants_eur", "string", "Montants par source (euros)",
           "Montants des sources, dans le même ordre, séparés par « | »."),
    Column("date_maj", "date", "Date de mise à jour", "Dernière mise à jour de la fiche.",
           True),
)
RESULT_FIELDS: tuple[Column, ...] = (
    Column("hub", "string", "Hub", "Identifiant du hub.", True, _ID),
    Column("deploiement", "string", "Déploiement",
           "Identifiant du déploiement (colonne id de deploiements.csv).", True, _ID),
    Column("module", "string", "Module", "Identifiant du module déployé.", True, _ID),
    Column("periode", "string", "Semestre", "AAAA-S1 (janvier–juin) ou AAAA-S2.", True,
           PERIOD_PATTERN),
    Column("indicateur", "string", "Indicateur", "Identifiant de l'indicateur du module.",
           True),
    Column("valeur", "number", "Valeur", "Valeur (indicateurs qui ne sont pas en %).",
           minimum=0),
    Column("numerateur", "integer", "Numérateur", "Indicateurs en % : le nombre compté.",
           minimum=0),
    Column("denominateur", "integer", "Dénominateur", "Indicateurs en % : le total.",
           minimum=0),
)
TABLES: tuple[tuple[str, str, tuple[Column, ...]], ...] = (
    ("deploiements", "Déploiements des modules du Bouquet par les hubs", DEPLOYMENT_FIELDS),
    ("realisations", "Réalisations des déploiements, par semestre et indicateur",
     RESULT_FIELDS),
)


def table_schema(title: str, columns: Sequence[Column]) -> dict[str, object]:
    fields = []
    for c in columns:
        field: dict[str, object] = {"name": c.name, "type": c.type, "title": c.title,
                                    "description": c.description}
        constraints: dict[str, object] = {}
        if c.required:
            constraints["required"] = True
        if c.pattern:
            constraints["pattern"] = c.pattern.removeprefix("^").removesuffix("$")
        if c.enum:
            constraints["enum"] = list(c.enum)
        if c.minimum is not None:
            constraints["minimum"] = c.minimum
        if constraints:
            field["constraints"] = constraints
        if c.type == "date":
            field["format"] = "default"
        fields.append(field)
    return {"title": title, "fields": fields, "missingValues": [""]}


def table_schemas() -> dict[str, str]:
    """``schema/export/<table>.tableschema.json`` for ``bouquet schema``."""
    return {f"{EXPORT_SCHEMA_DIR}/{name}.tableschema.json":
            json.dumps(table_schema(title, columns), ensure_ascii=False, indent=2) + "\n"
            for name, title, columns in TABLES}
