"""The content model of a deployment record (pydantic v2, frozen records).

One file ``deploiements/<hub>/<id>.yaml`` records one deployment of a module by a hub: who
ordered it, where, when, for how much and with which results. Rules across fields and files
(dates in order, sums, the release it was offered from…) live in
``bouquet.validation.deployments``; this model only holds the shape of the file.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from bouquet.content.layout import DEPLOYMENTS_DIR
from bouquet.content.model import (
    MODULE_ID_PATTERN,
    SLUG_PATTERN,
    ModuleId,
    NonEmpty,
    Record,
    vocab,
)

COG_FILE = "schema/references/cog-2026.csv"
MEMBERS_FILE = "governance/membres.yaml"
VERSION_PATTERN = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"
PERIOD_PATTERN = r"^[0-9]{4}-S[12]$"
SIREN_PATTERN = r"^[0-9]{9}$"
COMMUNE_PATTERN = r"^(?:[0-9]{2}|2A|2B)[0-9]{3}$"
DEPARTEMENT_PATTERN = r"^(?:[0-9]{2}|2A|2B|97[0-9])$"
REGION_PATTERN = r"^[0-9]{2}$"
PERCENT = "%"

# Definitions of the issue (not vocabulary values retyped: they name which values of the
# vocabulary « commanditaires » are local authorities, and which are public bodies).
COLLECTIVITES: tuple[str, ...] = ("commune", "intercommunalite", "departement", "region")
PUBLIC_BODIES: tuple[str, ...] = (*COLLECTIVITES, "etat_deconcentre", "groupement_public",
                                  "operateur_service_public")

Siren = Annotated[str, StringConstraints(pattern=SIREN_PATTERN)]


def is_deployment_path(path: str) -> bool:
    """``deploiements/<hub>/<id>.yaml``."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == DEPLOYMENTS_DIR and parts[2].endswith(".yaml")


class StatutDeploiement(enum.StrEnum):
    PREVU = "prevu"
    SIGNE = "signe"
    EN_COURS = "en_cours"
    TERMINE = "termine"
    ANNULE = "annule"


class Commanditaire(Record):
    type: str = vocab("commanditaires", "Catégorie de l'organisation commanditaire.",
                      "Type de commanditaire")
    nom: NonEmpty = Field(max_length=200, title="Nom de l'organisation",
                          description="Raison sociale de l'organisation, jamais une personne.")
    siren: Siren | None = Field(
        default=None, title="SIREN",
        description="Numéro SIREN à 9 chiffres (clé de Luhn) ; obligatoire pour un organisme "
                    "public.", examples=["200040509"],
    )


class Territoire(Record):
    communes: tuple[Annotated[str, StringConstraints(pattern=COMMUNE_PATTERN)], ...] = Field(
        default=(), title="Communes", description="Codes communes du COG (Insee), ex. 26108.")
    epci: tuple[Siren, ...] = Field(
        default=(), title="EPCI", description="EPCI à fiscalité propre, par leur SIREN.")
    departements: tuple[Annotated[str, StringConstraints(pattern=DEPARTEMENT_PATTERN)], ...] = (
        Field(default=(), title="Départements", description="Codes départements du COG, ex. 26."))
    regions: tuple[Annotated[str, StringConstraints(pattern=REGION_PATTERN)], ...] = Field(
        default=(), title="Régions", description="Codes régions du COG, ex. 84.")


class Dates(Record):
    signature: dt.date | None = Field(default=None, title="Date de signature",
                                      description="Signature de la commande ou de la convention.")
    debut: dt.date | None = Field(default=None, title="Date de début",
                                  description="Début de la réalisation.")
    fin: dt.date | None = Field(default=None, title="Date de fin",
                                description="Fin de la réalisation ; obligatoire une fois "
                                            "le déploiement terminé.")


class Financement(Record):
    source: str = vocab("financements", "Origine du financement.", "Source")
    montant_eur: int = Field(ge=0, strict=True, title="Montant en euros",
                             description="Part de cette source, en euros.")


class Realisation(Record):
    periode: str = Field(pattern=PERIOD_PATTERN, title="Semestre",
                         description="AAAA-S1 (janvier–juin) ou AAAA-S2 (juillet–décembre).",
                         examples=["2026-S1"])
    indicateur: str = Field(pattern=SLUG_PATTERN, max_length=64, title="Indicateur",
                            description="Identifiant d'un indicateur du module, à sa version.")
    valeur: Decimal | None = Field(
        default=None, ge=0, max_digits=18, decimal_places=4, allow_inf_nan=False,
        title="Valeur", description="Valeur positive ou nulle (indicateurs qui ne sont pas en %).")
    numerateur: int | None = Field(default=None, ge=0, strict=True, title="Numérateur",
                                   description="Pour un indicateur en % : le nombre compté.")
    denominateur: int | None = Field(default=None, ge=0, strict=True, title="Dénominateur",
                                     description="Pour un indicateur en % : le total.")


class Deploiement(Record):
    """One deployment of a module by a hub: ``deploiements/<hub>/<id>.yaml``."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", title="Déploiement d'un module",
        json_schema_extra={"description": "Un déploiement d'un module du Bouquet par un hub."},
    )

    id: str = Field(pattern=MODULE_ID_PATTERN, max_length=80, title="Identifiant",
                    description="Identique au nom du fichier, sans « .yaml ».",
                    examples=["2026-drome-diagnostic"])
    hub: str = Field(pattern=MODULE_ID_PATTERN, max_length=64, title="Hub",
                     description="Identifiant du hub dans governance/membres.yaml ; "
                                 "nom du dossier.")
    module: ModuleId = Field(title="Module", description="Identifiant du module déployé.")
    tiroir: str = Field(pattern=SLUG_PATTERN, max_length=64, title="Tiroir",
                        description="Identifiant du tiroir du module.")
    version: str = Field(pattern=VERSION_PATTERN, title="Version du catalogue",
                         description="X.Y.Z de la version du Bouquet dont l'offre est issue.",
                         examples=["1.2.0"])
    statut: StatutDeploiement = Field(
        title="Statut", description="prevu, signe, en_cours, termine ou annule.")
    commanditaire: Commanditaire = Field(title="Commanditaire",
                                         description="L'organisation qui commande.")
    territoire: Territoire = Field(default_factory=Territoire, title="Territoire",
                                   description="Territoires couverts, par codes officiels.")
    dates: Dates = Field(default_factory=Dates, title="Dates",
                         description="Signature, début et fin, dans cet ordre.")
    montant_ht_eur: int | None = Field(
        default=None, ge=0, strict=True, title="Montant en euros HT",
        description="Montant total hors taxes ; absent si le hub ne le communique pas.")
    financements: tuple[Financement, ...] = Field(
        default=(), title="Financements",
        description="Sources de financement ; leur somme égale le montant quand les deux "
                    "sont donnés.")
    realisations: tuple[Realisation, ...] = Field(
        default=(), title="Réalisations", description="Résultats par semestre et indicateur.")
    date_maj: dt.date = Field(title="Date de mise à jour",
                              description="Dernière mise à jour de la fiche.",
                              examples=["2026-11-15"])


__all__ = [
    "COG_FILE", "COLLECTIVITES", "DEPLOYMENTS_DIR", "MEMBERS_FILE", "PERCENT", "PUBLIC_BODIES",
    "Commanditaire", "Dates", "Deploiement", "Financement", "Realisation", "StatutDeploiement",
    "Territoire", "is_deployment_path",
]
