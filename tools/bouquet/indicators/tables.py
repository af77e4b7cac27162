"""Deployment records as Arrow tables, column by column: what the databases load.

Every table of records carries ``source_hash`` (the hash of the file's path and bytes), so
that a cache of a previous run can keep the rows of the files that did not change. The
reference tables (semesters, geography, catalogue releases) are built for each run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from bouquet.content.deployment import COLLECTIVITES, Deploiement
from bouquet.content.geography import KINDS, Geography
from bouquet.indicators.semesters import Semester

VALUE_TYPE = pa.decimal128(18, 4)

DEPLOYMENTS = pa.schema([
    ("source_hash", pa.string()), ("deployment_id", pa.string()), ("id", pa.string()),
    ("hub", pa.string()), ("module", pa.string()), ("tiroir", pa.string()),
    ("version", pa.string()), ("statut", pa.string()), ("commanditaire_type", pa.string()),
    ("commanditaire_nom", pa.string()), ("siren", pa.string()), ("signature", pa.date32()),
    ("debut", pa.date32()), ("fin", pa.date32()), ("montant_ht_eur", pa.int64()),
    ("date_maj", pa.date32()),
])
TERRITORIES = pa.schema([("source_hash", pa.string()), ("deployment_id", pa.string()),
                         ("kind", pa.string()), ("code", pa.string())])
FUNDINGS = pa.schema([("source_hash", pa.string()), ("deployment_id", pa.string()),
                      ("source", pa.string()), ("montant_eur", pa.int64())])
RESULTS = pa.schema([("source_hash", pa.string()), ("deployment_id", pa.string()),
                     ("periode", pa.string()), ("indicateur", pa.string()),
                     ("valeur", VALUE_TYPE), ("numerateur", pa.int64()),
                     ("denominateur", pa.int64())])
RECORD_SCHEMAS: dict[str, pa.Schema] = {
    "deployments": DEPLOYMENTS, "territories": TERRITORIES, "fundings": FUNDINGS,
    "results": RESULTS,
}


@dataclass(frozen=True)
class ParsedRecord:
    path: str
    source_hash: str
    record: Deploiement


@dataclass(frozen=True)
class ReleaseModules:
    """One final release: its order, the day it was tagged, and each module's statut."""

    order: int
    version: str
    released: dt.date
    modules: tuple[tuple[str, str], ...]  # (module id, statut)


def record_tables(records: Sequence[ParsedRecord]) -> dict[str, pa.Table]:
    """The four tables of ``records``."""
    columns: dict[str, dict[str, list[object]]] = {
        name: {field.name: [] for field in schema} for name, schema in RECORD_SCHEMAS.items()}
    for item in records:
        _add(columns, item)
    return {name: pa.table(columns[name], schema=schema)
            for name, schema in RECORD_SCHEMAS.items()}


def _add(columns: dict[str, dict[str, list[object]]], item: ParsedRecord) -> None:
    r, key, digest = item.record, f"{item.record.hub}/{item.record.id}", item.source_hash
    row: dict[str, object] = {
        "source_hash": digest, "deployment_id": key, "id": r.id, "hub": r.hub,
        "module": r.module, "tiroir": r.tiroir, "version": r.version, "statut": r.statut.value,
        "commanditaire_type": r.commanditaire.type, "commanditaire_nom": r.commanditaire.nom,
        "siren": r.commanditaire.siren, "signature": r.dates.signature, "debut": r.dates.debut,
        "fin": r.dates.fin, "montant_ht_eur": r.montant_ht_eur, "date_maj": r.date_maj,
    }
    _append(columns["deployments"], row)
    for kind in KINDS:
        for code in getattr(r.territoire, kind):
            _append(columns["territories"], {"source_hash": digest, "deployment_id": key,
                                             "kind": kind, "code": code})
    for funding in r.financements:
        _append(columns["fundings"], {"source_hash": digest, "deployment_id": key,
                                      "source": funding.source,
                                      "montant_eur": funding.montant_eur})
    for result in r.realisations:
        _append(columns["results"], {
            "source_hash": digest, "deployment_id": key, "periode": result.periode,
            "indicateur": result.indicateur, "valeur": result.valeur,
            "numerateur": result.numerateur, "denominateur": result.denominateur})


def _append(table: dict[str, list[object]], row: Mapping[str, object]) -> None:
    for name, values in table.items():
        values.append(row[name])


def reference_tables(semesters: Sequence[Semester], geography: Geography,
                     releases: Sequence[ReleaseModules],
                     territories: pa.Table) -> dict[str, pa.Table]:
    """Semesters, the types of local authorities, the départements of the territory codes
    used, and the modules of each release."""
    used = set(zip(territories.column("kind").to_pylist(),
                   territories.column("code").to_pylist(), strict=True))
    geo_rows = [(kind, code, dep) for kind, code in sorted(used)
                for dep in geography.departements_of(kind, code)]
    catalogue = [(r.order, r.version, r.released, module, statut)
                 for r in releases for module, statut in r.modules]
    return {
        "semesters": _rows(
            [("code", pa.string()), ("first_day", pa.date32()), ("last_day", pa.date32()),
             ("semester_order", pa.int64())],
            [(s.code, s.first_day, s.last_day, i) for i, s in enumerate(semesters)]),
        "collectivite_types": _rows([("type", pa.string())], [(t,) for t in COLLECTIVITES]),
        "geography": _rows([("kind", pa.string()), ("code", pa.string()),
                            ("departement", pa.string())], geo_rows),
        "catalogue": _rows([("release_order", pa.int64()), ("version", pa.string()),
                            ("released", pa.date32()), ("module", pa.string()),
                            ("statut", pa.string())], catalogue),
    }


def _rows(fields: list[tuple[str, pa.DataType]], rows: Iterable[tuple[object, ...]]
          ) -> pa.Table:
    listed = list(rows)
    schema = pa.schema(fields)
    return pa.table({name: [row[i] for row in listed] for i, (name, _) in enumerate(fields)},
                    schema=schema)


def keep_unchanged(cached: Mapping[str, pa.Table], hashes: frozenset[str]
                   ) -> dict[str, pa.Table]:
    """The rows of ``cached`` whose ``source_hash`` is still among ``hashes``."""
    wanted = pa.array(sorted(hashes), type=pa.string())
    return {name: table.filter(pc.is_in(table.column("source_hash"), value_set=wanted))
            for name, table in cached.items()}


def concat(parts: Sequence[Mapping[str, pa.Table]]) -> dict[str, pa.Table]:
    return {name: pa.concat_tables([p[name] for p in parts if name in p]
                                   or [schema.empty_table()])
            for name, schema in RECORD_SCHEMAS.items()}
