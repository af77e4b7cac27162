"""Catalogue sources of a revision, read from git objects (I/O edge, no checkout).

``changed_sources`` reads only what a diff needs: the module files of the changed folders on
each side, every vocabulary (a handful of small files) and the module schema, so the cost
grows with the changed files and not with the length of history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from bouquet.content.layout import MODULE_FILE, MODULES_DIR, is_module_path
from bouquet.edges.git import ChangeStatus, PathChange, Repository, committer_date

PREFIXES = (MODULES_DIR, "schema")


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
    return repo.read_tree(commit, PREFIXES)


def changed_sources(repo: Repository, old: str | None, new: str) -> ChangedSources:
    """What the diff reads, in three git commands whatever the history: ``diff-tree``, one
    ``ls-tree`` of ``schema/`` and one ``cat-file --batch`` for both sides (module files of
    the changed folders, schema files, both commit objects). Blobs are named by their ids
    (which ``diff-tree`` and ``ls-tree`` give) wherever known, and each is read once: an
    unchanged schema file serves both sides."""
    changes = {c.path: c for c in repo.changed_paths(old, new, PREFIXES)}
    new_schema = repo.list_blobs(new, ["schema"])
    new_names = dict(new_schema)
    for path in _module_files(c for c in changes.values() if c.status is not ChangeStatus.DELETED):
        change = changes.get(path)
        new_names[path] = change.new_blob if change and change.new_blob else f"{new}:{path}"
    old_names: dict[str, str] = {}
    if old:
        for path, blob in new_schema.items():
            change = changes.get(path)
            if change is None:
                old_names[path] = blob  # unchanged
            elif change.old_blob:
                old_names[path] = change.old_blob
        old_names.update({p: c.old_blob for p, c in changes.items()
                          if p.startswith("schema/") and c.status is ChangeStatus.DELETED
                          and c.old_blob})
        for path in _module_files(c for c in changes.values()
                                  if c.status is not ChangeStatus.ADDED):
            change = changes.get(path)
            if change is None:
                old_names[path] = f"{old}:{path}"
            elif change.old_blob:
                old_names[path] = change.old_blob
    found = repo.read_objects([new, *new_names.values(), *([old] if old else []),
                               *old_names.values()])
    new_files = {p: found[n] for p, n in new_names.items() if n in found}
    old_files = {p: found[n] for p, n in old_names.items() if n in found}
    return ChangedSources(
        old=old_files, new=new_files, touched=frozenset(changes),
        old_modules=frozenset(p for p in old_files if is_module_path(p)),
        new_modules=frozenset(p for p in new_files if is_module_path(p)),
        old_date=committer_date(found[old]).date() if old else None,
        new_date=committer_date(found[new]).date(),
    )


def sources_between(old: dict[str, bytes], new: dict[str, bytes], old_date: dt.date | None,
                    new_date: dt.date) -> ChangedSources:
    """``ChangedSources`` of two complete sides already read (the working tree on the new
    side): every path whose bytes differ is touched."""
    touched = frozenset(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    return ChangedSources(
        old=old, new=new, touched=touched,
        old_modules=frozenset(p for p in old if is_module_path(p)),
        new_modules=frozenset(p for p in new if is_module_path(p)),
        old_date=old_date, new_date=new_date,
    )


def _module_files(changes: Iterable[PathChange]) -> list[str]:
    folders = {c.path.split("/")[1] for c in changes
               if c.path.startswith(MODULES_DIR + "/") and c.path.count("/") >= 2}
    return [f"{MODULES_DIR}/{f}/{MODULE_FILE}" for f in sorted(folders)]


def full_side(repo: Repository, commit: str, module_paths: Iterable[str]) -> dict[str, bytes]:
    """Everything the full validator needs at ``commit`` for these module files: their whole
    folders (resources too), the vocabularies and the schema."""
    folders = sorted({"/".join(p.split("/")[:2]) for p in module_paths})
    return repo.read_tree(commit, [*folders, "schema"])


def referenced_modules(repo: Repository, commit: str, ids: Iterable[str]) -> dict[str, bytes]:
    """Module files of ``ids`` at ``commit`` (what cross-file checks of a module need)."""
    return repo.read_files(commit, [f"{MODULES_DIR}/{i}/{MODULE_FILE}" for i in ids])
