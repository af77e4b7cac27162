"""Gateways (``passerelles/<source>.yaml``): declarative mappings from a hub's cartography
export to rows of the national standard of places, standard-mediation-num 1.0.1.

A mapping says where each field of the standard comes from (``champs``: a column, or a fixed
value, with an optional format) and how each controlled field is filled (``valeurs``: rules
whose ``cible`` is a value of the standard, chosen when a column contains one of some terms
or lists one of some codes), in the manner of the national mednum-cli. A mapping is checked
like content: every problem at its line, with the closest valid value suggested.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bouquet.content.model_errors import model_diagnostics
from bouquet.content.reading.loader import Document, json_path, load_yaml
from bouquet.content.standards import TableStandard
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic

GATEWAYS_DIR = "passerelles"
MULTI_SEPARATOR = "|"
SUMMARY_MAX = 280
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


@dataclass(frozen=True)
class Converted:
    rows: tuple[tuple[str, ...], ...]
    skipped: tuple[tuple[str, str], ...]  # (entry id, French reason)


def gateway_path(source: str) -> str:
    return f"{GATEWAYS_DIR}/{source}.yaml"


def load_gateway(path: str, data: bytes,
                 standard: TableStandard) -> tuple[Gateway | None, list[Diagnostic]]:
    document, found = load_yaml(path, data)
    if document is None:
        return None, found
    try:
        gateway = Gateway.model_validate(document.value)
    except ValidationError as exc:
        return None, [*found, *model_diagnostics(Gateway, document, exc)]
    found.extend(check_gateway(document, gateway, standard))
    return (None if found else gateway), found


def _closest(value: str, allowed: Sequence[str]) -> str:
    folded = {a.casefold(): a for a in allowed}
    near = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.5)
    return f" ; valeur la plus proche : « {folded[near[0]]} »" if near else ""


def check_gateway(doc: Document, gateway: Gateway,
                  standard: TableStandard) -> Iterator[Diagnostic]:
    names = [f.name for f in standard.fields]
    controlled = standard.controlled()
    for name, source in gateway.champs.items():
        if name not in names:
            yield _at(doc, ("champs", name), "BQ273",
                      f"champ « {name} » absent du standard{_closest(name, names)}", key=True)
        elif (source.colonne is None) == (source.valeur is None):
            yield _at(doc, ("champs", name), "BQ272",
                      f"champ « {name} » : indiquez soit « colonne », soit « valeur »")
    for field in standard.fields:
        if field.required and field.name not in gateway.champs:
            yield _at(doc, ("champs",), "BQ272",
                      f"champ obligatoire du standard « {field.name} » sans source")
    for name, rules in gateway.valeurs.items():
        if name not in controlled:
            yield _at(doc, ("valeurs", name), "BQ273",
                      f"« {name} » n'est pas un champ à valeurs contrôlées du standard"
                      f"{_closest(name, list(controlled))}", key=True)
            continue
        for index, rule in enumerate(rules):
            if rule.cible not in controlled[name]:
                yield _at(doc, ("valeurs", name, index, "cible"), "BQ273",
                          f"cible « {rule.cible} » absente des valeurs du champ « {name} »"
                          f"{_closest(rule.cible, controlled[name])}")
            if not rule.contient and not rule.parmi:
                yield _at(doc, ("valeurs", name, index), "BQ272",
                          f"règle « {rule.cible} » sans « contient » ni « parmi »")


def _at(doc: Document, where: tuple[str | int, ...], code: str, message: str,
        *, key: bool = False) -> Diagnostic:
    line, column = doc.key_position(where) if key else doc.position(where)
    return diag(code, doc.path, line, column, message, json_path=json_path(where))


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
