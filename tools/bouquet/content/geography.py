"""The pinned official geographic code list (``schema/references/cog-2026.csv``), parsed.

Each row names a code of a kind (``commune``, ``epci``, ``departement``, ``region``) and the
départements it covers: a commune its own, an EPCI those of its member communes, a région all
of its own. A pure parser over bytes: the callers read the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass

KINDS: tuple[str, ...] = ("communes", "epci", "departements", "regions")  # field names
_TYPE_OF_FIELD = {"communes": "commune", "epci": "epci", "departements": "departement",
                  "regions": "region"}


@dataclass(frozen=True)
class Geography:
    """``covers[field][code]``: the départements covered by that code (field: a key of
    ``territoire``); ``names``: names of départements and régions."""

    covers: Mapping[str, Mapping[str, tuple[str, ...]]]
    names: Mapping[str, str]

    def knows(self, field: str, code: str) -> bool:
        return code in self.covers.get(field, {})

    def departements_of(self, field: str, code: str) -> tuple[str, ...]:
        return self.covers.get(field, {}).get(code, ())


def parse_cog(data: bytes) -> Geography:
    """The list from the CSV bytes (columns code, type, departements, nom)."""
    field_of_type = {t: f for f, t in _TYPE_OF_FIELD.items()}
    covers: dict[str, dict[str, tuple[str, ...]]] = {f: {} for f in KINDS}
    names: dict[str, str] = {}
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    for row in reader:
        field = field_of_type.get(row.get("type") or "")
        code = row.get("code") or ""
        if field is None or not code:
            continue
        covers[field][code] = tuple(d for d in (row.get("departements") or "").split("|") if d)
        if row.get("nom") and field == "departements":
            names[code] = row["nom"]
    return Geography(covers, names)
