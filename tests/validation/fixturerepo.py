"""A temporary repository holding the valid fixtures, the real vocabularies and one more file."""

from __future__ import annotations

import shutil
from pathlib import Path

from repo import REPO, TESTS

FIXTURES = TESTS / "fixtures"
TODAY = "2026-11-29"


def fixture_id(entry: Path) -> str:
    return entry.name[: -len(".yaml")] if entry.suffix == ".yaml" else entry.name


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.is_dir() or p.suffix == ".yaml")


def install(entry: Path, root: Path) -> str:
    """Copy a fixture as ``modules/<id>/``; returns the repo path of its module.yaml."""
    target = root / "modules" / fixture_id(entry)
    if entry.is_dir():
        shutil.copytree(entry, target)
    else:
        target.mkdir(parents=True)
        shutil.copyfile(entry, target / "module.yaml")
    return f"modules/{fixture_id(entry)}/module.yaml"


def build(root: Path) -> Path:
    shutil.copytree(REPO / "schema" / "vocabulaires", root / "schema" / "vocabulaires")
    (root / "modules").mkdir()
    for entry in entries(FIXTURES / "valid"):
        install(entry, root)
    return root
