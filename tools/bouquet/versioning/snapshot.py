"""Catalogue sources of a revision, read from git objects (I/O edge, no checkout).

``changed_sources`` reads only what a diff needs: the changed module folders on each side,
every vocabulary (a handful of small files, needed by cross-file checks) and the module
schema, so the cost grows with the changed files and not with the length of history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bouquet.catalogue import MODULES_DIR, is_module_path
from bouquet.gitrepo import ChangeStatus, PathChange, Repository
from bouquet.versioning.schema_diff import SCHEMA_PATH
from bouquet.vocab import VOCAB_DIR

PREFIXES = (MODULES_DIR, "schema")


@dataclass(frozen=True)
class ChangedSources:
    """Files of both revisions for the changed modules, plus vocabularies and schema."""

    old: dict[str, bytes]
    new: dict[str, bytes]
    touched: frozenset[str]  # every changed path under modules/ and schema/
    old_modules: frozenset[str]  # module files of the diff on the old side
    new_modules: frozenset[str]


def all_sources(repo: Repository, commit: str) -> dict[str, bytes]:
    """Every file under modules/ and schema/ at ``commit`` (a full catalogue)."""
    return repo.read_files(commit, repo.list_paths(commit, PREFIXES))


def changed_sources(repo: Repository, old: str | None, new: str) -> ChangedSources:
    changes = repo.changed_paths(old, new, PREFIXES)
    folders_old = _folders(c for c in changes if c.status is not ChangeStatus.ADDED)
    folders_new = _folders(c for c in changes if c.status is not ChangeStatus.DELETED)
    old_files = _side(repo, old, folders_old) if old else {}
    new_files = _side(repo, new, folders_new)
    return ChangedSources(
        old=old_files, new=new_files, touched=frozenset(c.path for c in changes),
        old_modules=frozenset(p for p in old_files if is_module_path(p)),
        new_modules=frozenset(p for p in new_files if is_module_path(p)),
    )


def _folders(changes: Iterable[PathChange]) -> list[str]:
    folders = {"/".join(c.path.split("/")[:2]) for c in changes
               if c.path.startswith(MODULES_DIR + "/") and c.path.count("/") >= 2}
    return sorted(folders)


def _side(repo: Repository, commit: str, folders: list[str]) -> dict[str, bytes]:
    paths = repo.list_paths(commit, [*folders, VOCAB_DIR, SCHEMA_PATH]) if folders else \
        repo.list_paths(commit, [VOCAB_DIR, SCHEMA_PATH])
    return repo.read_files(commit, paths)


def referenced_modules(repo: Repository, commit: str, ids: Iterable[str]) -> dict[str, bytes]:
    """Module files of ``ids`` at ``commit`` (what cross-file checks of a module need)."""
    return repo.read_files(commit, [f"{MODULES_DIR}/{i}/module.yaml" for i in ids])
