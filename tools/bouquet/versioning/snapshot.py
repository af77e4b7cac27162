"""Catalogue sources of a revision, read from git objects (I/O edge, no checkout).

``changed_sources`` reads only what a diff needs: the module files of the changed folders on
each side, every vocabulary (a handful of small files) and the module schema, so the cost
grows with the changed files and not with the length of history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from bouquet.gitrepo import ChangeStatus, PathChange, Repository, committer_date

# Same values as bouquet.catalogue, which this module must not import: it runs while the
# models are being imported (see compute), and importing them here would serialise both.
MODULES_DIR = "modules"
MODULE_FILE = "module.yaml"
PREFIXES = (MODULES_DIR, "schema")


def is_module_path(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == MODULES_DIR and parts[2] == MODULE_FILE


@dataclass(frozen=True)
class ChangedSources:
    """Files of both revisions for the changed modules, plus vocabularies and schema."""

    old: dict[str, bytes]
    new: dict[str, bytes]
    touched: frozenset[str]  # every changed path under modules/ and schema/
    old_modules: frozenset[str]  # module files of the diff on the old side
    new_modules: frozenset[str]
    old_date: dt.date | None  # committer dates (the ``today`` of each side)
    new_date: dt.date


def all_sources(repo: Repository, commit: str) -> dict[str, bytes]:
    """Every file under modules/ and schema/ at ``commit`` (a full catalogue)."""
    return repo.read_files(commit, repo.list_paths(commit, PREFIXES))


def changed_sources(repo: Repository, old: str | None, new: str) -> ChangedSources:
    """What the diff reads, in three git commands whatever the history: ``diff-tree``, one
    ``ls-tree`` of ``schema/`` and one ``cat-file --batch`` for both sides (module files of
    the changed folders, schema files, both commit objects). Unchanged schema files are read
    once and shared by both sides."""
    changes = repo.changed_paths(old, new, PREFIXES)
    status = {c.path: c.status for c in changes}
    new_schema = repo.list_paths(new, ["schema"])
    old_schema = [p for p in new_schema if status.get(p) is not ChangeStatus.ADDED]
    old_schema += [p for p, st in status.items()
                   if st is ChangeStatus.DELETED and p.startswith("schema/")]
    old_modules = _module_files(c for c in changes if c.status is not ChangeStatus.ADDED)
    new_modules = _module_files(c for c in changes if c.status is not ChangeStatus.DELETED)
    names = [new, *(f"{new}:{p}" for p in [*new_schema, *new_modules])]
    if old:
        names += [old, *(f"{old}:{p}" for p in old_modules)]
        names += [f"{old}:{p}" for p in old_schema if p in status]
    found = repo.read_objects(names)
    new_files = _side(found, new, [*new_schema, *new_modules])
    old_files: dict[str, bytes] = {}
    if old:
        old_files = _side(found, old, old_modules)
        for path in old_schema:
            if path not in status and path in new_files:
                old_files[path] = new_files[path]  # unchanged: read once
            elif f"{old}:{path}" in found:
                old_files[path] = found[f"{old}:{path}"]
    return ChangedSources(
        old=old_files, new=new_files, touched=frozenset(status),
        old_modules=frozenset(p for p in old_files if is_module_path(p)),
        new_modules=frozenset(p for p in new_files if is_module_path(p)),
        old_date=committer_date(found[old]).date() if old else None,
        new_date=committer_date(found[new]).date(),
    )


def _module_files(changes: Iterable[PathChange]) -> list[str]:
    folders = {c.path.split("/")[1] for c in changes
               if c.path.startswith(MODULES_DIR + "/") and c.path.count("/") >= 2}
    return [f"{MODULES_DIR}/{f}/{MODULE_FILE}" for f in sorted(folders)]


def _side(found: dict[str, bytes], commit: str, paths: Iterable[str]) -> dict[str, bytes]:
    return {p: found[f"{commit}:{p}"] for p in paths if f"{commit}:{p}" in found}


def full_side(repo: Repository, commit: str, module_paths: Iterable[str]) -> dict[str, bytes]:
    """Everything the full validator needs at ``commit`` for these module files: their whole
    folders (resources too), the vocabularies and the schema."""
    folders = sorted({"/".join(p.split("/")[:2]) for p in module_paths})
    return repo.read_files(commit, repo.list_paths(commit, [*folders, "schema"]))


def referenced_modules(repo: Repository, commit: str, ids: Iterable[str]) -> dict[str, bytes]:
    """Module files of ``ids`` at ``commit`` (what cross-file checks of a module need)."""
    return repo.read_files(commit, [f"{MODULES_DIR}/{i}/{MODULE_FILE}" for i in ids])
