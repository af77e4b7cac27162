"""What the rules may know about the files around the sources, without touching the disk.

``check_sources`` receives bytes; rules about folders, resources and other modules ask a
``Tree``. ``bouquet.validation.working_tree.WorkingTree`` answers from the working tree;
``SourcesTree`` answers from the sources alone (git blobs), which is all a revision snapshot has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from bouquet.content.catalogue import MODULE_FILE, MODULES_DIR


@dataclass(frozen=True, slots=True)
class ModuleFiles:
    """Files of one module folder, relative to it (``ressources/trame.odt``)."""

    files: frozenset[str]  # regular files, and symlinks that stay inside the folder
    escaping_links: frozenset[str]  # symlinks whose target leaves the folder (or is missing)


class Tree(Protocol):
    def module_dirs(self) -> frozenset[str]:
        """Names of the entries of ``modules/`` that are folders."""
        ...

    def stray_entries(self) -> tuple[str, ...]:
        """Repo paths of entries of ``modules/`` that are not folders."""
        ...

    def module_files(self, module_id: str) -> ModuleFiles | None:
        """Files of ``modules/<id>/``; None when unknown (resources are then not checked)."""
        ...

    def read(self, path: str) -> bytes | None:
        """Bytes of another file of the revision, or None."""
        ...


class SourcesTree:
    """A ``Tree`` that knows only the sources (e.g. a revision read from git blobs)."""

    def __init__(self, sources: Mapping[str, bytes]) -> None:
        self._sources = sources
        dirs: set[str] = set()
        stray: list[str] = []
        for path in sources:
            parts = path.split("/")
            if parts[0] != MODULES_DIR or len(parts) < 2:
                continue
            if len(parts) == 2:
                stray.append(path)
            else:
                dirs.add(parts[1])
        self._dirs = frozenset(dirs)
        self._stray = tuple(sorted(stray))

    def module_dirs(self) -> frozenset[str]:
        return self._dirs

    def stray_entries(self) -> tuple[str, ...]:
        return self._stray

    def module_files(self, module_id: str) -> ModuleFiles | None:
        prefix = f"{MODULES_DIR}/{module_id}/"
        files = frozenset(p[len(prefix):] for p in self._sources if p.startswith(prefix))
        if files <= {MODULE_FILE}:
            return None  # resources were not given: do not guess
        return ModuleFiles(files, frozenset())

    def read(self, path: str) -> bytes | None:
        return self._sources.get(path)
