"""The governance files as frozen pydantic models (French field names, as in issue 4).

``governance/membres.yaml``, ``governance/instances/<id>.yaml``,
``governance/decisions/<id>/decision.yaml``, ``bulletins/<membre>.yaml`` and
``procurations/<mandant>.yaml``. Thresholds are exact: a comparator and a ``Fraction``.
Member ids are case-insensitive: they are normalised to lower case on reading.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictInt,
    WithJsonSchema,
    model_validator,
)

MEMBER_ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
MEMBER_ID_PATTERN_ANY_CASE = r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$"
DECISION_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
THRESHOLD_PATTERN = r"^\s*(>=|>|≥)\s*([0-9]+)\s*(?:/\s*([0-9]+))?\s*$"
# SemVer without leading zeros; ASCII digits only (\d also matches other scripts' digits)
_NUMBER = r"(?:0|[1-9][0-9]*)"
RELEASE_PATTERN = rf"^v{_NUMBER}\.{_NUMBER}\.{_NUMBER}(?:-rc\.{_NUMBER})?$"
DEFAULT_MENTIONS = (
    "excellent", "tres-bien", "bien", "assez-bien", "passable", "insuffisant", "a-rejeter",
)


@dataclass(frozen=True, slots=True)
class Threshold:
    """``> 1/2`` or ``>= 2/3``: an explicit comparator and an exact fraction."""

    comparator: Literal[">", ">="]
    value: Fraction

    @classmethod
    def parse(cls, text: str) -> Threshold:
        match = re.match(THRESHOLD_PATTERN, text)
        if match is None:
            raise ValueError(f"seuil illisible « {text} » : écrivez par exemple « > 1/2 »")
        comparator: Literal[">", ">="] = ">" if match.group(1) == ">" else ">="
        denominator = int(match.group(3) or 1)
        if denominator == 0:
            raise ValueError(f"seuil « {text} » : dénominateur nul")
        value = Fraction(int(match.group(2)), denominator)
        if value > 1:
            raise ValueError(f"seuil « {text} » : une fraction ne peut dépasser 1")
        return cls(comparator, value)

    def passes(self, share: Fraction) -> bool:
        return share > self.value if self.comparator == ">" else share >= self.value

    def __str__(self) -> str:
        return f"{self.comparator} {fraction_text(self.value)}"

    def french(self) -> str:
        return f"{'>' if self.comparator == '>' else '≥'} {fraction_text(self.value)}"


def fraction_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _threshold(value: Any) -> Any:
    if isinstance(value, Threshold):
        return value
    if isinstance(value, str):
        return Threshold.parse(value)
    raise ValueError("un seuil s'écrit comme « > 1/2 » ou « >= 2/3 » (entre guillemets)")


def _member_id(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


ThresholdField = Annotated[
    Threshold,
    BeforeValidator(_threshold),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": THRESHOLD_PATTERN,
                    "examples": ["> 1/2", ">= 2/3"]}),
]
MemberId = Annotated[
    str,
    BeforeValidator(_member_id),
    Field(pattern=MEMBER_ID_PATTERN, max_length=64),
    WithJsonSchema({"type": "string", "pattern": MEMBER_ID_PATTERN_ANY_CASE, "maxLength": 64,
                    "description": "Identifiant du membre (insensible à la casse)."}),
]
Slug = Annotated[str, Field(pattern=DECISION_ID_PATTERN, max_length=64)]
Text = Annotated[str, Field(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class Membre(Record):
    id: MemberId = Field(title="Identifiant")
    nom: Text = Field(title="Nom de l'organisation")
    college: Slug = Field(title="Collège")
    cles_ssh: tuple[Text, ...] = Field(
        default=(), title="Clés publiques SSH de signature",
        description="Lignes « ssh-ed25519 AAAA… » ; servent à vérifier les bulletins signés.",
    )
    provisoire: bool = Field(default=False, strict=True,
                             title="Rattachement provisoire au collège")


class Membres(Record):
    model_config = ConfigDict(title="Membres du commun", frozen=True, extra="forbid")
    membres: tuple[Membre, ...] = Field(title="Membres")

    @model_validator(mode="after")
    def _unique_ids(self) -> Membres:
        seen: set[str] = set()
        for membre in self.membres:
            if membre.id in seen:
                raise ValueError(f"identifiant « {membre.id} » en double (la casse ne compte pas)")
            seen.add(membre.id)
        return self

    def by_id(self) -> dict[str, Membre]:
        return {m.id: m for m in self.membres}


class Agregation(enum.StrEnum):
    PROPORTIONNELLE = "proportionnelle"
    BLOC = "bloc"


class CollegeSansSuffrage(enum.StrEnum):
    REDISTRIBUER = "redistribuer"
    ZERO = "zero"


class Regles(Record):
    quorum: ThresholdField = Field(default=Threshold(">=", Fraction(1, 2)), title="Quorum",
                                   json_schema_extra={"default": ">= 1/2"})
    majorite: ThresholdField = Field(default=Threshold(">", Fraction(1, 2)), title="Majorité",
                                     json_schema_extra={"default": "> 1/2"})
    procurations_max: int = Field(default=2, ge=0, le=100, strict=True,
                                  title="Procurations par mandataire")
    agregation: Agregation = Field(default=Agregation.PROPORTIONNELLE, title="Agrégation")
    college_sans_suffrage: CollegeSansSuffrage = Field(
        default=CollegeSansSuffrage.REDISTRIBUER, title="Collège sans suffrage exprimé"
    )
    voix_preponderante: MemberId | None = Field(default=None, title="Voix prépondérante")
    signature: bool = Field(default=False, strict=True, title="Bulletins signés obligatoires")


class Instance(Record):
    model_config = ConfigDict(title="Instance de gouvernance", frozen=True, extra="forbid")
    id: Slug = Field(title="Identifiant")
    nom: Text = Field(title="Nom")
    periodicite: Text = Field(title="Périodicité", examples=["mensuelle", "trimestrielle"])
    membres: tuple[MemberId, ...] = Field(title="Membres votants")
    colleges: dict[Slug, StrictInt] | None = Field(
        default=None, title="Pondération des collèges (en %)",
        description="Absent : un membre, une voix.",
    )
    regles: Regles = Field(default_factory=Regles, title="Règles de vote")
    provisoire: bool = Field(default=False, strict=True,
                             title="Composition ou pondérations provisoires")


class Methode(enum.StrEnum):
    MAJORITE = "majorite"
    CONSENTEMENT = "consentement"
    JUGEMENT_MAJORITAIRE = "jugement-majoritaire"


class Statut(enum.StrEnum):
    OUVERTE = "ouverte"
    CLOSE = "close"


class Decision(Record):
    model_config = ConfigDict(title="Décision", frozen=True, extra="forbid")
    id: Slug = Field(title="Identifiant")
    instance: Slug = Field(title="Instance")
    objet: Text = Field(title="Objet")
    methode: Methode = Field(default=Methode.MAJORITE, title="Méthode")
    majorite: ThresholdField | None = Field(default=None, title="Majorité (remplace l'instance)")
    options: tuple[Slug, ...] = Field(default=(), title="Options (jugement majoritaire)")
    mentions: tuple[Slug, ...] = Field(default=DEFAULT_MENTIONS, min_length=2,
                                       title="Échelle de mentions, de la meilleure à la pire")
    publication: str | None = Field(default=None, pattern=RELEASE_PATTERN,
                                    title="Version approuvée")
    statut: Statut = Field(default=Statut.OUVERTE, title="Statut")

    @model_validator(mode="after")
    def _options_for_judgment(self) -> Decision:
        if self.methode is Methode.JUGEMENT_MAJORITAIRE and len(self.options) < 2:
            raise ValueError("le jugement majoritaire demande au moins deux options")
        if len(set(self.options)) != len(self.options):
            raise ValueError("options en double")
        if len(set(self.mentions)) != len(self.mentions):
            raise ValueError("mentions en double")
        return self


class Choix(enum.StrEnum):
    POUR = "pour"
    CONTRE = "contre"
    ABSTENTION = "abstention"
    BLANC = "blanc"
    CONSENTEMENT = "consentement"
    OBJECTION = "objection"


class Bulletin(Record):
    model_config = ConfigDict(title="Bulletin de vote", frozen=True, extra="forbid")
    choix: Choix | None = Field(default=None, title="Choix")
    motif: str | None = Field(default=None, title="Motif (objection)")
    mentions: dict[str, str] | None = Field(default=None, title="Mentions par option")


class Procuration(Record):
    model_config = ConfigDict(title="Procuration", frozen=True, extra="forbid")
    mandataire: MemberId = Field(title="Mandataire")
