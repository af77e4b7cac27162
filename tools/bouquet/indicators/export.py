"""The open-data export for the national observatory: two CSV files, their TableSchemas and
Parquet twins.

``deploiements.csv`` has one row per deployment, ``realisations.csv`` one row per result;
UTF-8, ISO dates, ``|`` between multiple values. The columns are declared once,
in ``export_schema``: the TableSchemas under ``schema/export/`` are
generated from them (``bouquet schema``), and the CSV files hold no other column. No column
holds personal data: the organisations are named, never people.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import pyarrow as pa

from bouquet.content.geography import KINDS
from bouquet.edges.artefacts import parquet_bytes, write_files
from bouquet.indicators.export_schema import SEPARATOR, TABLES, Column, table_schema
from bouquet.indicators.inputs import Inputs


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def export_rows(records: Mapping[str, pa.Table]) -> dict[str, list[list[str]]]:
    """The rows of both files, sorted by hub and id (then period and indicator)."""
    places: dict[tuple[str, str], list[str]] = {}
    for key, kind, code in zip(*(records["territories"].column(c).to_pylist()
                                 for c in ("deployment_id", "kind", "code")), strict=True):
        places.setdefault((key, kind), []).append(code)
    fundings: dict[str, list[tuple[str, int]]] = {}
    for key, source, amount in zip(*(records["fundings"].column(c).to_pylist()
                                     for c in ("deployment_id", "source", "montant_eur")),
                                   strict=True):
        fundings.setdefault(key, []).append((source, amount))
    deployments = records["deployments"].to_pylist()
    modules = {d["deployment_id"]: d["module"] for d in deployments}
    rows = []
    for d in sorted(deployments, key=lambda d: (d["hub"], d["id"])):
        key = d["deployment_id"]
        rows.append([_cell(v) for v in (
            d["hub"], d["id"], d["module"], d["tiroir"], d["version"], d["statut"],
            d["commanditaire_type"], d["commanditaire_nom"], d["siren"],
            *(SEPARATOR.join(places.get((key, kind), [])) for kind in KINDS),
            d["signature"], d["debut"], d["fin"], d["montant_ht_eur"],
            SEPARATOR.join(s for s, _ in fundings.get(key, [])),
            SEPARATOR.join(str(a) for _, a in fundings.get(key, [])), d["date_maj"])])
    results = []
    for r in records["results"].to_pylist():
        hub, _, ident = r["deployment_id"].partition("/")
        results.append([_cell(v) for v in (
            hub, ident, modules.get(r["deployment_id"], ""), r["periode"], r["indicateur"],
            r["valeur"], r["numerateur"], r["denominateur"])])
    results.sort(key=lambda row: (row[0], row[1], row[3], row[4]))
    return {"deploiements": rows, "realisations": results}


def _csv(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


_ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
          "date": pa.date32()}


def _parquet(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> bytes:
    def convert(text: str, kind: str) -> object:
        if text == "":
            return None
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
        if kind == "date":
            return dt.date.fromisoformat(text)
        return text
    data = {c.name: pa.array([convert(row[i], c.type) for row in rows], type=_ARROW[c.type])
            for i, c in enumerate(columns)}
    return parquet_bytes(pa.table(data))


def export_files(inputs: Inputs) -> list[tuple[str, bytes]]:
    """CSV, Parquet, the TableSchemas and a data package describing them."""
    rows = export_rows(inputs.records)
    files: list[tuple[str, bytes]] = []
    resources = []
    for name, title, columns in TABLES:
        files.append((f"{name}.csv", _csv(columns, rows[name])))
        files.append((f"{name}.parquet", _parquet(columns, rows[name])))
        schema_name = f"{name}.tableschema.json"
        files.append((schema_name, (json.dumps(table_schema(title, columns), ensure_ascii=False,
                                               indent=2) + "\n").encode("utf-8")))
        resources.append({"name": name, "title": title, "path": f"{name}.csv",
                          "format": "csv", "encoding": "utf-8", "schema": schema_name})
    package = {"name": "bouquet-deploiements", "title": "Déploiements du Bouquet",
               "licenses": [{"name": "CC-BY-SA-4.0",
                             "path": "https://creativecommons.org/licenses/by-sa/4.0/"}],
               "resources": resources}
    files.append(("datapackage.json", (json.dumps(package, ensure_ascii=False, indent=2)
                                       + "\n").encode("utf-8")))
    return files


def write_export(inputs: Inputs, folder: Path) -> list[Path]:
    return write_files(folder, export_files(inputs))
