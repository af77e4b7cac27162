"""Reading the sources of the working tree, as ``{repo-relative POSIX path: bytes}``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

CONTENT_ROOTS: tuple[str, ...] = ("modules", "schema", "governance")
MAX_FILE_BYTES = 2 * 1024 * 1024


def read_sources(root: Path, roots: Iterable[str] = CONTENT_ROOTS) -> dict[str, bytes]:
    """Every regular file under ``roots`` (symbolic links and huge files are skipped)."""
    sources: dict[str, bytes] = {}
    for top in roots:
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            if path.stat().st_size > MAX_FILE_BYTES:
                continue
            sources[path.relative_to(root).as_posix()] = path.read_bytes()
    return sources
