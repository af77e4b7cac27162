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
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from bouquet.content.layout import VOCAB_DIR
from bouquet.content.model import VOCAB_VALUE_PATTERN


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VocabCorrespondances(_Frozen):
    standard_mediation_num: tuple[str, ...] = ()
    data_inclusion: tuple[str, ...] = ()
    autres: tuple[str, ...] = ()


class VocabValue(_Frozen):
    id: str = Field(pattern=VOCAB_VALUE_PATTERN)
    libelle: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    correspondances: VocabCorrespondances | None = None


class Vocabulary(_Frozen):
    id: str = Field(pattern=VOCAB_VALUE_PATTERN)
    titre: str = Field(min_length=1)
    description: str = Field(min_length=1)
    valeurs: tuple[VocabValue, ...] = Field(min_length=1)

    def ids(self) -> frozenset[str]:
        return frozenset(v.id for v in self.valeurs)

    def label(self, value_id: str) -> str:
        for v in self.valeurs:
            if v.id == value_id:
                return v.libelle
        return value_id


Vocabularies = Mapping[str, Vocabulary]


def vocab_path(name: str) -> str:
    return f"{VOCAB_DIR}/{name}.yaml"
