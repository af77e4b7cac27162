"""The content model of a service module (pydantic v2, frozen records).

Field names are French snake_case ASCII. A field whose values come from a controlled
vocabulary carries ``vocabulaire`` in its JSON-schema metadata: the schema generator turns it
into an ``enum`` read from ``schema/vocabulaires/<name>.yaml`` and the validator checks it
against the same file. No vocabulary value is typed in code.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from bouquet.diagnostics.printable import one_line_problem

MODULE_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
VOCAB_VALUE_PATTERN = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"
MAINTAINER_PATTERN = r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$"
RESUME_MAX = 280


def vocab(name: str, description: str, title: str) -> Any:
    """A field whose value is an id of the vocabulary ``name``."""
    return Field(
        title=title,
        description=description,
        pattern=VOCAB_VALUE_PATTERN,
        json_schema_extra={"x-vocabulaire": name},
    )


ModuleId = Annotated[str, StringConstraints(pattern=MODULE_ID_PATTERN, max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
Maintainer = Annotated[str, StringConstraints(pattern=MAINTAINER_PATTERN)]


def _one_line(text: str) -> str:
    problem = one_line_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text


OneLine = Annotated[str, StringConstraints(min_length=1), AfterValidator(_one_line)]
"""A title or a label: one line of printable text (it goes into headings, lists, tags)."""


class Record(BaseModel):
    """Base of every content record: immutable, and no unknown keys slip through."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Statut(enum.StrEnum):
    BROUILLON = "brouillon"
    EXPERIMENTATION = "experimentation"
    VALIDE = "valide"
    DEPRECIE = "deprecie"


class IntRange(Record):
    # strict: YAML's ``yes`` (a boolean) or a quoted "4000" is not silently a number
    min: int = Field(ge=0, strict=True, title="Minimum")
    max: int = Field(ge=0, strict=True, title="Maximum")


class DayRange(Record):
    min: float = Field(gt=0, le=1000, strict=True, title="Minimum (jours)")
    max: float = Field(gt=0, le=1000, strict=True, title="Maximum (jours)")


class Maturite(Record):
    min: str = vocab("maturites", "Niveau de maturité minimal du territoire.", "Maturité minimale")
    cible: str = vocab("maturites", "Niveau visé à l'issue du module.", "Maturité visée")


class Tiroir(Record):
    id: str = Field(
        pattern=SLUG_PATTERN, max_length=64, title="Identifiant du tiroir",
        description="Identifiant court, unique dans le module.", examples=["essentiel"],
    )
    niveau: str = vocab("niveaux", "Niveau de la variante : essentiel, approfondi…", "Niveau")
    titre: OneLine = Field(title="Titre du tiroir")
    description: str | None = Field(default=None, title="Description (Markdown)")
    duree_jours: DayRange = Field(title="Durée en jours", description="Jours de travail du hub.")
    prix_ht_eur: IntRange | None = Field(
        default=None, title="Prix en euros HT",
        description="Fourchette de prix en euros HT ; absent : sur devis.",
    )
    unite_prix: str | None = Field(
        default=None, pattern=VOCAB_VALUE_PATTERN, title="Unité du prix",
        description="Ce que couvre le prix (la prestation, une session, une année…).",
        json_schema_extra={"x-vocabulaire": "unites_prix"},
    )
    modele_tarifaire: str = vocab("modeles_tarifaires", "Mode de tarification.", "Modèle tarifaire")
    livrables: tuple[OneLine, ...] = Field(min_length=1, title="Livrables")


class Ressource(Record):
    titre: OneLine = Field(title="Titre de la ressource")
    url: str | None = Field(default=None, title="Adresse web (https://…)")
    chemin: str | None = Field(
        default=None, title="Chemin dans le dossier du module", examples=["ressources/trame.odt"]
    )

    @model_validator(mode="after")
    def _one_location(self) -> Ressource:
        if (self.url is None) == (self.chemin is None):
            raise ValueError("une ressource a soit « url », soit « chemin », pas les deux")
        return self


class NatureIndicateur(enum.StrEnum):
    REALISATION = "realisation"  # what the hub produced (an output)
    RESULTAT = "resultat"  # what changed for the territory (a result)


class Indicateur(Record):
    id: str = Field(pattern=SLUG_PATTERN, max_length=64, title="Identifiant de l'indicateur")
    libelle: OneLine = Field(title="Libellé")
    unite: OneLine | None = Field(default=None, title="Unité", examples=["structures", "%"])
    nature: NatureIndicateur | None = Field(
        default=None, title="Nature",
        description="realisation : ce que le hub produit ; resultat : ce qui change pour le "
                    "territoire.",
    )
    source: NonEmpty | None = Field(default=None, title="Source des données",
                                    examples=["Feuilles d'émargement des séances"])
    methode: NonEmpty | None = Field(default=None, title="Méthode de calcul")
    frequence: NonEmpty | None = Field(default=None, title="Fréquence de mesure",
                                       examples=["à chaque séance", "une fois par an"])


class PrixEnBref(Record):
    ht_eur: IntRange = Field(title="Fourchette en euros HT")
    ttc_eur: IntRange = Field(title="Fourchette en euros TTC", description="Ce que la commune "
                              "inscrit à son budget.")
    tva: OneLine = Field(title="TVA", examples=["TVA à 20 %"])
    deplacements: NonEmpty | None = Field(
        default=None, title="Frais de déplacement",
        description="Ce que coûtent les déplacements, en plus du prix ou compris dedans.",
    )


class EnBref(Record):
    """What a mayor reads in two minutes: short sentences, no unexplained acronym."""

    pour_qui: NonEmpty = Field(title="Pour qui")
    pour_quoi: NonEmpty = Field(title="Pour quoi faire")
    duree: NonEmpty = Field(title="Durée", examples=["De 6 à 8 jours de travail, sur 3 mois."])
    prix: PrixEnBref | None = Field(default=None, title="Prix",
                                    description="Absent : sur devis seulement.")
    financeurs: NonEmpty = Field(title="Qui peut financer")
    financeurs_verifies_le: dt.date = Field(title="Financeurs vérifiés le")
    a_preparer: tuple[NonEmpty, ...] = Field(min_length=1, title="Ce que la commune prépare")


class Correspondances(Record):
    services_standard: tuple[str, ...] = Field(
        default=(), title="Services du standard national",
        description="Services de standard-mediation-num 1.0.1 que le module sert.",
        json_schema_extra={"x-vocabulaire": "services_standard"},
    )
    besoins_fne: tuple[NonEmpty, ...] = Field(
        default=(), title="Besoins France Numérique Ensemble",
        description="Libellés exacts des besoins d'ingénierie FNE auxquels le module répond.",
    )


class Module(Record):
    """A service module of the bouquet: one file ``modules/<id>/module.yaml``."""

    model_config = ConfigDict(
        frozen=True, extra="forbid",
        title="Module du Bouquet",
        json_schema_extra={"description": "Un module de service du Bouquet, commun des hubs."},
    )

    id: ModuleId = Field(
        title="Identifiant", description="Identique au nom du dossier ; ne change jamais.",
        examples=["diagnostic-territorial"],
    )
    titre: OneLine = Field(max_length=160, title="Titre")
    statut: Statut = Field(
        title="Statut", description="brouillon → experimentation → valide → deprecie."
    )
    resume: NonEmpty = Field(title="Résumé", description="280 caractères au plus.")
    en_bref: EnBref | None = Field(
        default=None, title="En bref",
        description="Le module en quelques phrases courtes, pour un élu.",
    )
    description: NonEmpty = Field(title="Description (Markdown)")
    famille: str = vocab("familles", "Famille principale du module.", "Famille")
    familles_secondaires: tuple[str, ...] = Field(
        default=(), title="Familles secondaires",
        json_schema_extra={"x-vocabulaire": "familles"},
    )
    commanditaires: tuple[str, ...] = Field(
        min_length=1, title="Commanditaires", description="Qui achète ou finance le module.",
        json_schema_extra={"x-vocabulaire": "commanditaires"},
    )
    participants: tuple[str, ...] = Field(
        min_length=1, title="Participants", description="Qui est formé ou accompagné.",
        json_schema_extra={"x-vocabulaire": "participants"},
    )
    publics_finaux: tuple[str, ...] = Field(
        default=(), title="Publics finaux",
        json_schema_extra={"x-vocabulaire": "publics_finaux"},
    )
    echelons: tuple[str, ...] = Field(
        default=(), title="Échelons territoriaux", json_schema_extra={"x-vocabulaire": "echelons"}
    )
    modalites: tuple[str, ...] = Field(
        default=(), title="Modalités de réalisation",
        json_schema_extra={"x-vocabulaire": "modalites"},
    )
    maturite: Maturite = Field(title="Maturité du territoire")
    tiroirs: tuple[Tiroir, ...] = Field(min_length=1, title="Tiroirs (variantes)")
    financements: tuple[str, ...] = Field(
        default=(), title="Financements possibles",
        json_schema_extra={"x-vocabulaire": "financements"},
    )
    prerequis: tuple[NonEmpty, ...] = Field(default=(), title="Prérequis")
    indicateurs: tuple[Indicateur, ...] = Field(default=(), title="Indicateurs")
    correspondances: Correspondances | None = Field(default=None, title="Correspondances")
    ressources: tuple[Ressource, ...] = Field(default=(), title="Ressources")
    contributeurs: tuple[OneLine, ...] = Field(min_length=1, title="Contributeurs")
    mainteneurs: tuple[Maintainer, ...] = Field(
        min_length=1, title="Mainteneurs",
        description="Comptes GitHub (@identifiant ou @organisation/équipe) ; CODEOWNERS.",
    )
    date_revision: dt.date = Field(title="Date de dernière révision", examples=["2026-11-15"])
    licence: str = vocab("licences", "Licence du contenu (SPDX).", "Licence")
    remplace_par: ModuleId | None = Field(
        default=None, title="Remplacé par", description="Obligatoire quand le statut est deprecie."
    )
