"""Controlled vocabularies: data files ``schema/vocabulaires/<name>.yaml``.

Format of a file::

    id: familles
    titre: Familles de modules
    description: …
    valeurs:
      - id: diagnostic_strategie
        libelle: Diagnostic & stratégie
        definition: …
        correspondances:            # optional
          standard_mediation_num: ["Aide aux démarches administratives"]  # exact 1.0.1 values
          autres: ["FNE « Établir un diagnostic territorial »"]
        source: https://…            # optional: where the fact comes from (URL or reference)
        verifie_le: 2026-12-02       # optional: when it was last checked
        obsolete: true               # optional: kept for old modules, not for new ones
        remplace_par: [autre_valeur] # optional: the values to use instead
        valeur: 60000                # optional: a number the rules read (thresholds)
        unite: € HT                  # optional: the unit of ``valeur``
        en_vigueur_le: 2026-04-01    # optional: from when ``valeur`` applies
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from bouquet.content.layout import VOCAB_DIR
from bouquet.content.model import VOCAB_VALUE_PATTERN, OneLine


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VocabCorrespondances(_Frozen):
    standard_mediation_num: tuple[str, ...] = ()
    data_inclusion: tuple[str, ...] = ()
    autres: tuple[str, ...] = ()


class VocabValue(_Frozen):
    id: str = Field(pattern=VOCAB_VALUE_PATTERN)
    libelle: OneLine
    definition: str = Field(min_length=1)
    correspondances: VocabCorrespondances | None = None
    source: str | None = Field(default=None, min_length=1,
                               description="D'où vient l'information (adresse ou référence).")
    verifie_le: dt.date | None = Field(default=None,
                                       description="Date de la dernière vérification.")
    obsolete: bool = Field(default=False,
                           description="Valeur gardée pour l'historique ; ne plus l'employer.")
    remplace_par: tuple[str, ...] = Field(default=(), description="Valeurs à employer à la place.")
    valeur: int | None = Field(default=None, strict=True,
                               description="Nombre lu par les règles (seuils).")
    unite: str | None = Field(default=None, min_length=1, description="Unité de « valeur ».")
    en_vigueur_le: dt.date | None = Field(default=None,
                                          description="Date d'entrée en vigueur de « valeur ».")


class Vocabulary(_Frozen):
    id: str = Field(pattern=VOCAB_VALUE_PATTERN)
    titre: OneLine
    description: str = Field(min_length=1)
    valeurs: tuple[VocabValue, ...] = Field(min_length=1)

    def ids(self) -> frozenset[str]:
        return frozenset(v.id for v in self.valeurs)

    def get(self, value_id: str) -> VocabValue | None:
        for v in self.valeurs:
            if v.id == value_id:
                return v
        return None

    def label(self, value_id: str) -> str:
        for v in self.valeurs:
            if v.id == value_id:
                return v.libelle
        return value_id


Vocabularies = Mapping[str, Vocabulary]


def vocab_path(name: str) -> str:
    return f"{VOCAB_DIR}/{name}.yaml"
