"""The catalogue's files in a working tree: what to validate, and a ``Tree`` around them.

Everything is read through the guarded reader of ``bouquet.edges.worktree``; a folder that
cannot be read is reported, never skipped in silence.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bouquet.content.catalogue import MODULE_FILE, MODULES_DIR, is_module_path, is_vocab_path
from bouquet.content.files import ModuleFiles
from bouquet.content.layout import DEPLOYMENTS_DIR, GATEWAYS_DIR, VOCAB_DIR, is_gateway_path
from bouquet.edges.worktree import read_bytes, relative
from bouquet.errors import os_reason

GOVERNANCE_DIR = "governance"


CATALOGUE_MARKERS = (MODULES_DIR, VOCAB_DIR, GOVERNANCE_DIR)


def content_root(start: Path, markers: tuple[str, ...] = CATALOGUE_MARKERS) -> Path | None:
    """The root of the catalogue: the nearest folder, from ``start`` upwards, that holds one
    of ``markers`` (a catalogue's folders); None when there is none, and commands then stop
    with a usage error instead of reading or writing in a stranger's folder. (The root of
    the git repository is ``bouquet.edges.git.git_root``.)"""
    start = start.resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_dir() for marker in markers):
            return folder
    return None


OUTSIDE_REPOSITORY = ("aucun dossier modules/ ni schema/vocabulaires/ ici ni au-dessus : lancez "
                      "la commande dans votre copie du dépôt du Bouquet (git clone …).")


class WorkingTree:
    """A ``bouquet.content.files.Tree`` read lazily from a folder on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._entries: list[os.DirEntry[str]] | None = None

    def _modules_entries(self) -> list[os.DirEntry[str]]:
        if self._entries is None:
            try:
                with os.scandir(self.root / MODULES_DIR) as it:
                    self._entries = sorted(it, key=lambda e: e.name)
            except OSError:
                self._entries = []
        return self._entries

    def module_dirs(self) -> frozenset[str]:
        return frozenset(e.name for e in self._modules_entries()
                         if e.is_dir(follow_symlinks=False))

    def stray_entries(self) -> tuple[str, ...]:
        return tuple(f"{MODULES_DIR}/{e.name}" for e in self._modules_entries()
                     if not e.is_dir(follow_symlinks=False))

    def module_files(self, module_id: str) -> ModuleFiles | None:
        base = self.root / MODULES_DIR / module_id
        if not base.is_dir() or base.is_symlink():
            return None
        real_base = base.resolve()
        files: set[str] = set()
        escaping: set[str] = set()
        for folder, dirnames, filenames in os.walk(base, followlinks=False):
            for name in (*dirnames, *filenames):
                full = Path(folder) / name
                rel = full.relative_to(base).as_posix()
                if full.is_symlink():
                    target = full.resolve()
                    inside = target.is_relative_to(real_base) and target.exists()
                    if not inside:
                        escaping.add(rel)
                    elif target.is_file():
                        files.add(rel)
                elif name in filenames:
                    files.add(rel)
        return ModuleFiles(frozenset(files), frozenset(escaping))

    def read(self, path: str) -> bytes | None:
        try:
            return read_bytes(self.root, path)
        except OSError:
            return None


@dataclass(frozen=True)
class Selection:
    """What to validate: sources, and the paths to report on (None: everything)."""

    sources: dict[str, bytes]
    only: frozenset[str] | None
    unreadable: tuple[tuple[str, str], ...]  # (path, reason)
    outside: tuple[str, ...] = ()  # named paths that are not catalogue files


def whole_repository(root: Path) -> Selection:
    problems: list[tuple[str, str]] = []
    paths = [f"{MODULES_DIR}/{d}/{MODULE_FILE}" for d in _module_folders(root, problems)]
    paths = [p for p in paths if _present(root, p, problems)]
    paths += _yaml_files(root, VOCAB_DIR, problems)
    paths += _all_files(root, GOVERNANCE_DIR, problems)
    paths += _all_files(root, DEPLOYMENTS_DIR, problems)
    paths += _yaml_files(root, GATEWAYS_DIR, problems)
    sources, unreadable = _read_all(root, paths)
    return Selection(sources, None, (*problems, *unreadable))


def _present(root: Path, path: str, problems: list[tuple[str, str]]) -> bool:
    """Whether ``path`` exists; a folder that cannot be searched is a problem, not absence."""
    try:
        os.lstat(root / path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        problems.append((str(Path(path).parent.as_posix()), os_reason(exc)))
        return False
    return True


def named_files(root: Path, names: Iterable[str]) -> Selection:
    """Pre-commit mode: the named files in full, vocabularies as reference."""
    wanted: set[str] = set()
    missing: list[tuple[str, str]] = []
    for name in names:
        path = relative(root, name)
        if (root / path).is_dir():
            wanted.update(_all_files(root, path, missing))
        elif (root / path).exists() or (root / path).is_symlink():
            wanted.add(path)
        else:
            missing.append((path, "fichier introuvable"))
    if any(is_vocab_path(p) for p in wanted):
        return whole_repository(root)  # a vocabulary change may break any module
    wanted, outside = _catalogue_files(root, wanted)
    paths = sorted(wanted)
    if any(p.startswith(GOVERNANCE_DIR + "/") for p in paths):
        paths = sorted({*paths, *_all_files(root, GOVERNANCE_DIR, missing)})
    sources, unreadable = _read_all(root, [*paths, *_yaml_files(root, VOCAB_DIR, missing)])
    selected = frozenset(paths) | {p for p, _ in missing} | outside
    return Selection(sources, selected, (*unreadable, *missing), tuple(sorted(outside)))


def _catalogue_files(root: Path, paths: Iterable[str]) -> tuple[set[str], set[str]]:
    """Split named paths into catalogue files and others. A file beside a module (one of
    its resources) selects that module, whose rules check it."""
    inside: set[str] = set()
    outside: set[str] = set()
    for path in paths:
        parts = path.split("/")
        if is_module_path(path) or is_gateway_path(path) or parts[0] in (GOVERNANCE_DIR,
                                                                          DEPLOYMENTS_DIR):
            inside.add(path)
        elif parts[0] == MODULES_DIR and len(parts) > 2:
            module_file = f"{MODULES_DIR}/{parts[1]}/{MODULE_FILE}"
            # a folder without module.yaml: report on the named file (module.yml…) itself
            inside.add(module_file if (root / module_file).exists() else path)
        else:
            outside.add(path)
    return inside, outside


def _module_folders(root: Path, problems: list[tuple[str, str]]) -> list[str]:
    try:
        with os.scandir(root / MODULES_DIR) as it:
            return sorted(e.name for e in it if e.is_dir(follow_symlinks=False))
    except FileNotFoundError:
        return []
    except OSError as exc:
        problems.append((MODULES_DIR, os_reason(exc)))
        return []


def _yaml_files(root: Path, folder: str, problems: list[tuple[str, str]]) -> list[str]:
    try:
        with os.scandir(root / folder) as it:
            return sorted(f"{folder}/{e.name}" for e in it
                          if e.name.endswith(".yaml") and not e.is_dir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        problems.append((folder, os_reason(exc)))
        return []


def _all_files(root: Path, folder: str, problems: list[tuple[str, str]]) -> list[str]:
    """Every file under ``folder``; a folder that cannot be read is a problem, never
    skipped in silence (it would hide what it holds from the validator)."""
    found: list[str] = []

    def unreadable(error: OSError) -> None:
        if not isinstance(error, FileNotFoundError):
            where = Path(error.filename or root / folder).relative_to(root).as_posix()
            problems.append((where, os_reason(error)))

    for current, _dirs, files in os.walk(root / folder, onerror=unreadable):
        found.extend((Path(current) / f).relative_to(root).as_posix() for f in files)
    return sorted(found)


Unreadable = tuple[tuple[str, str], ...]


def _read_all(root: Path, paths: Iterable[str]) -> tuple[dict[str, bytes], Unreadable]:
    sources: dict[str, bytes] = {}
    unreadable: list[tuple[str, str]] = []
    for path in paths:
        try:
            sources[path] = read_bytes(root, path)
        except FileNotFoundError:
            unreadable.append((path, "fichier introuvable"))
        except OSError as exc:
            unreadable.append((path, os_reason(exc)))
    return sources, tuple(unreadable)


def folder_files(root: Path, folders: Iterable[str]) -> dict[str, bytes]:
    """Every readable file under ``folders`` of the working tree, uncommitted edits included
    (what ``--inclure-non-commite`` compares with a revision); unreadable ones are left out,
    ``bouquet validate`` reports them."""
    problems: list[tuple[str, str]] = []
    paths = [p for folder in folders for p in _all_files(root, folder, problems)]
    sources, _ = _read_all(root, paths)
    return sources
