"""Gateways (``passerelles/<source>.yaml``): declarative mappings from a hub's cartography
export to rows of the national standard of places, standard-mediation-num 1.0.1.

A mapping says where each field of the standard comes from (``champs``: a column, or a fixed
value, with an optional format) and how each controlled field is filled (``valeurs``: rules
whose ``cible`` is a value of the standard, chosen when a column contains one of some terms
or lists one of some codes), in the manner of the national mednum-cli.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bouquet.content.layout import GATEWAYS_DIR

Format = Literal["texte", "telephone", "date", "nombre", "code_postal", "resume"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Frozen):
    colonne: str | None = Field(default=None, min_length=1)
    valeur: str | None = Field(default=None, min_length=1)
    defaut: str | None = Field(default=None, min_length=1)
    format: Format = "texte"


class Rule(_Frozen):
    cible: str = Field(min_length=1)
    colonne: str = Field(min_length=1)
    contient: tuple[str, ...] = ()
    parmi: tuple[str, ...] = ()


class Gateway(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    titre: str = Field(min_length=1)
    source: str = Field(min_length=1, description="Adresse de la cartographie d'origine.")
    standard: Literal["standard-mediation-num 1.0.1"]
    champs: dict[str, Source]
    valeurs: dict[str, tuple[Rule, ...]] = {}


def gateway_path(source: str) -> str:
    return f"{GATEWAYS_DIR}/{source}.yaml"
