"""Gateways at work: a hub's cartography export (YesWiki Bazar JSON, or CSV) turned into rows
of standard-mediation-num 1.0.1 by a mapping ``passerelles/<source>.yaml`` (see
``bouquet.content.gateway``). Pure: the same export gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from bouquet.content.gateway import Format, Gateway, Rule, Source
from bouquet.content.standards import TableStandard

MULTI_SEPARATOR = "|"
SUMMARY_MAX = 280


@dataclass(frozen=True)
class Converted:
    rows: tuple[tuple[str, ...], ...]
    skipped: tuple[tuple[str, str], ...]  # (entry id, French reason)


# --- reading an export ----------------------------------------------------------------------

def read_entries(data: bytes, kind: Literal["json", "csv"]) -> list[dict[str, str]]:
    """The entries of a YesWiki Bazar export: JSON (a list, or an object keyed by
    ``id_fiche`` as the Bazar API gives it) or CSV with a header line."""
    text = data.decode("utf-8-sig")
    if kind == "csv":
        return [dict(row) for row in csv.DictReader(io.StringIO(text))]
    document = json.loads(text)
    items = list(document.values()) if isinstance(document, dict) else list(document)
    return [{str(k): _flat(v) for k, v in item.items()} for item in items
            if isinstance(item, dict)]


def _flat(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(_flat(v) for v in value)
    return str(value)


# --- converting -----------------------------------------------------------------------------

def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _formatted(value: str, kind: Format) -> str:
    value = " ".join(value.split())
    if not value or kind == "texte":
        return value
    if kind == "telephone":
        digits = re.sub(r"\D", "", value)
        if digits.startswith("33") and len(digits) == 11:
            digits = "0" + digits[2:]  # +33 4 77 … as 04 77 …
        return f"+33{digits[1:]}" if len(digits) == 10 and digits.startswith("0") else ""
    if kind == "date":
        return value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else ""
    if kind == "nombre":
        number = value.replace(",", ".")
        return number if re.fullmatch(r"-?\d+(\.\d+)?", number) else ""
    if kind == "code_postal":
        return value if re.fullmatch(r"\d{5}", value) else ""
    return value if len(value) <= SUMMARY_MAX else value[:SUMMARY_MAX - 1].rstrip() + "…"


def _field(entry: Mapping[str, str], source: Source) -> str:
    raw = source.valeur if source.valeur is not None else entry.get(source.colonne or "", "")
    return _formatted(raw, source.format) or (source.defaut or "")


def _matches(entry: Mapping[str, str], rule: Rule) -> bool:
    cell = entry.get(rule.colonne, "")
    if rule.parmi and set(c.strip() for c in cell.split(",")) & set(rule.parmi):
        return True
    folded = _folded(cell)
    return any(_folded(term) in folded for term in rule.contient)


def convert(gateway: Gateway, standard: TableStandard,
            entries: Sequence[Mapping[str, str]]) -> Converted:
    """The rows of the standard (all its columns, in order), sorted by id; entries without a
    required value are left out and told."""
    rows: list[tuple[str, ...]] = []
    skipped: list[tuple[str, str]] = []
    for position, entry in enumerate(entries, start=1):
        row: dict[str, str] = {n: _field(entry, s) for n, s in gateway.champs.items()}
        for name, rules in gateway.valeurs.items():
            targets = [r.cible for r in rules if _matches(entry, r)]
            row[name] = MULTI_SEPARATOR.join(dict.fromkeys(targets))
        missing = [f.name for f in standard.fields if f.required and not row.get(f.name)]
        if missing:
            skipped.append((row.get("id") or f"entrée {position}",
                            "sans " + ", ".join(f"« {m} »" for m in missing)))
            continue
        rows.append(tuple(row.get(f.name, "") for f in standard.fields))
    return Converted(tuple(sorted(rows)), tuple(skipped))


def rows_csv(standard: TableStandard, rows: Sequence[Sequence[str]]) -> str:
    """The CSV the standard recommends: UTF-8, commas, every column even when empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in standard.fields])
    writer.writerows(rows)
    return buffer.getvalue()
