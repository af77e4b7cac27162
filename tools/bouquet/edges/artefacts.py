"""Files the indicators write beside the content: a cache of Arrow tables (Parquet files in
``.cache/`` of the repository) and the generated reports and exports.

Reading the cache never fails: a missing, partial or unreadable cache is simply absent.
Every file is written through the one atomic writer (``worktree.replace_file``).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bouquet.edges.worktree import replace_file


def read_tables(folder: Path, schemas: Mapping[str, pa.Schema]) -> dict[str, pa.Table] | None:
    """The cached tables, or None unless every one is there with exactly its schema."""
    tables: dict[str, pa.Table] = {}
    for name, schema in schemas.items():
        try:
            table = pq.read_table(folder / f"{name}.parquet")
        except (OSError, pa.ArrowException):
            return None
        if not table.schema.equals(schema):
            return None
        tables[name] = table
    return tables


def parquet_bytes(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def write_tables(folder: Path, tables: Mapping[str, pa.Table]) -> None:
    """Write every table (``<name>.parquet``); a cache that cannot be written only costs
    time on the next run."""
    with contextlib.suppress(OSError):
        write_files(folder, [(f"{name}.parquet", parquet_bytes(t)) for name, t in tables.items()])


def write_files(folder: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write ``(name, bytes)`` files into ``folder``, each all at once; their paths."""
    written = []
    for name, data in files:
        replace_file(folder / name, data)
        written.append(folder / name)
    return written
