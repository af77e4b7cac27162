"""The database engines of the indicators: the only module that talks to DuckDB or PostgreSQL.

``connect(target)`` opens DuckDB in memory (``None``), a DuckDB file (a path) or a PostgreSQL
server (``postgresql://…``). Both load whole Arrow tables — DuckDB scans them in place,
PostgreSQL receives them through one ``COPY`` per table — never row by row, and both run the
same portable SQL text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

import duckdb
import psycopg
import pyarrow as pa
import pyarrow.csv as pa_csv

from bouquet.errors import BouquetError, ExitCode

Row = tuple[object, ...]


class Database(Protocol):
    engine: str

    def load(self, tables: Mapping[str, pa.Table]) -> None:
        """Replace the tables named by the keys with these contents."""
        ...

    def run(self, script: str) -> None:
        """Run statements (separated by « ; ») that return nothing."""
        ...

    def query(self, sql: str) -> list[Row]:
        ...

    def close(self) -> None:
        ...


def is_postgresql(target: str | None) -> bool:
    return target is not None and target.startswith(("postgresql://", "postgres://"))


def connect(target: str | None) -> Database:
    if is_postgresql(target):
        assert target is not None
        return PostgreSQL(target)
    return DuckDB(target)


def statements(script: str) -> list[str]:
    body = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]


class DuckDB:
    engine = "duckdb"

    def __init__(self, path: str | None) -> None:
        try:
            self._con = duckdb.connect(":memory:" if path is None else str(Path(path)))
        except duckdb.Error as exc:
            raise BouquetError(f"base DuckDB « {path} » inutilisable : {exc}",
                               exit_code=ExitCode.USAGE,
                               hint="Indiquez un fichier .duckdb accessible en écriture, ou "
                                    "aucune option --database.") from None

    def load(self, tables: Mapping[str, pa.Table]) -> None:
        for name, table in tables.items():
            self._con.register("arrow_source", table)
            self._con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM arrow_source")
            self._con.unregister("arrow_source")

    def run(self, script: str) -> None:
        for statement in statements(script):
            self._con.execute(statement)

    def query(self, sql: str) -> list[Row]:
        return [tuple(row) for row in self._con.execute(sql).fetchall()]

    def close(self) -> None:
        self._con.close()


_PG_TYPES: dict[str, str] = {"string": "TEXT", "date32[day]": "DATE", "int64": "BIGINT"}


def _pg_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_decimal(arrow_type):
        return f"NUMERIC({arrow_type.precision}, {arrow_type.scale})"
    return _PG_TYPES[str(arrow_type)]


class PostgreSQL:
    engine = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise BouquetError(f"connexion à PostgreSQL impossible : {exc}".strip(),
                               exit_code=ExitCode.USAGE,
                               hint="Vérifiez l'adresse postgresql://utilisateur@hôte:port/base "
                                    "et que le serveur est démarré.") from None

    def load(self, tables: Mapping[str, pa.Table]) -> None:
        with self._con.transaction(), self._con.cursor() as cursor:
            for name, table in tables.items():
                columns = ", ".join(f"{f.name} {_pg_type(f.type)}" for f in table.schema)
                cursor.execute(f"DROP TABLE IF EXISTS {name} CASCADE")
                cursor.execute(f"CREATE TABLE {name} ({columns})")
                if table.num_rows == 0:
                    continue
                buffer = io.BytesIO()
                pa_csv.write_csv(table, buffer, pa_csv.WriteOptions(include_header=False))
                with cursor.copy(f"COPY {name} FROM STDIN (FORMAT csv)") as copy:
                    copy.write(buffer.getvalue())

    def run(self, script: str) -> None:
        with self._con.cursor() as cursor:
            for statement in statements(script):
                cursor.execute(statement)

    def query(self, sql: str) -> list[Row]:
        with self._con.cursor() as cursor:
            cursor.execute(sql)
            return [tuple(row) for row in cursor.fetchall()]

    def close(self) -> None:
        self._con.close()


def run_queries(database: Database, setup: Sequence[str],
                queries: Mapping[str, str]) -> dict[str, list[Row]]:
    """Run the setup scripts, then every query; rows by query name."""
    for script in setup:
        database.run(script)
    return {name: database.query(sql) for name, sql in queries.items()}
