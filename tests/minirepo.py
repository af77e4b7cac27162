"""A minimal copy of the repository layout for tests that need vocabularies on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

from repo import REPO


def write_vocabularies(root: Path) -> None:
    """The repository's real vocabularies, under ``root``."""
    shutil.copytree(REPO / "schema" / "vocabulaires", root / "schema" / "vocabulaires")
