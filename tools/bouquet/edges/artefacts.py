"""Files the indicators write beside the content: a cache of Arrow tables (Parquet files in
``.cache/`` of the repository) and the generated reports and exports.

Reading the cache never fails: a missing, partial or unreadable cache is simply absent.
Writing is all or nothing: every file is written beside its target, then renamed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


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


def write_tables(folder: Path, tables: Mapping[str, pa.Table]) -> None:
    """Write every table (``<name>.parquet``); a failure leaves no temporary file behind."""
    staged: list[tuple[Path, Path]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, table in tables.items():
            target = folder / f"{name}.parquet"
            temporary = folder / f".{name}.parquet.tmp"
            pq.write_table(table, temporary)
            staged.append((temporary, target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError:
        pass  # a cache that cannot be written only costs time on the next run
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def write_files(folder: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write ``(name, bytes)`` files into ``folder``, all or nothing; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files:
            target = folder / name
            temporary = folder / f".{name}.tmp"
            temporary.write_bytes(data)
            staged.append((temporary, target))
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [target for _, target in staged]
