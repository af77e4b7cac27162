"""The working tree as the validator sees it: sources to check and a ``Tree`` around them.

The only module of the validator that touches the disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bouquet.content.catalogue import MODULE_FILE, MODULES_DIR, is_module_path, is_vocab_path
from bouquet.content.files import ModuleFiles
from bouquet.content.layout import DEPLOYMENTS_DIR, VOCAB_DIR
from bouquet.edges.limits import read_capped
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


def read_bytes(root: Path, path: str | Path) -> bytes:
    """The bytes of ``path`` (relative to ``root``, or absolute) — the one reader of the
    working tree, and its guard: nothing outside ``root`` is read, whatever the path says
    (``..``, a symbolic link anywhere on the way), only regular files are opened (a FIFO
    would hang), and at most the limit of ``bouquet.edges.limits`` is read. Refusals are
    ``OSError`` with the path and a French reason, like the system's own errors."""
    target = root / path
    real = target.resolve()
    if not real.is_relative_to(root.resolve()):
        raise OSError(errno.EACCES, "hors du dépôt (lien symbolique ou « .. » qui en sort)",
                      str(target))
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "c'est un dossier, pas un fichier",
                                    str(target))
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "ce n'est pas un fichier ordinaire", str(target))
        return read_capped(handle, status.st_size)


def inside(root: Path, target: Path) -> None:
    """Refuse (``OSError``) a ``target`` whose folder leads outside ``root``, through ``..``
    or a symbolic link; the file itself is replaced by a rename, never followed."""
    if not target.parent.resolve().is_relative_to(root.resolve()):
        raise OSError(errno.EACCES, "hors du dépôt (lien symbolique ou « .. » qui en sort)",
                      str(target))


def read_text(root: Path, path: str | Path) -> str | None:
    """The UTF-8 text of ``path`` under ``root`` through ``read_bytes``'s guard and limit;
    None when it does not exist."""
    try:
        return read_bytes(root, path).decode("utf-8")
    except FileNotFoundError:
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
    wanted, outside = _catalogue_files(wanted)
    paths = sorted(wanted)
    if any(p.startswith(GOVERNANCE_DIR + "/") for p in paths):
        paths = sorted({*paths, *_all_files(root, GOVERNANCE_DIR, missing)})
    sources, unreadable = _read_all(root, [*paths, *_yaml_files(root, VOCAB_DIR, missing)])
    selected = frozenset(paths) | {p for p, _ in missing} | outside
    return Selection(sources, selected, (*unreadable, *missing), tuple(sorted(outside)))


def _catalogue_files(paths: Iterable[str]) -> tuple[set[str], set[str]]:
    """Split named paths into catalogue files and others. A file beside a module (one of
    its resources) selects that module, whose rules check it."""
    inside: set[str] = set()
    outside: set[str] = set()
    for path in paths:
        parts = path.split("/")
        if is_module_path(path) or parts[0] in (GOVERNANCE_DIR, DEPLOYMENTS_DIR):
            inside.add(path)
        elif parts[0] == MODULES_DIR and len(parts) > 2:
            inside.add(f"{MODULES_DIR}/{parts[1]}/{MODULE_FILE}")
        else:
            outside.add(path)
    return inside, outside


def relative(root: Path, name: str) -> str:
    path = Path(name)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return Path(os.path.normpath(absolute)).relative_to(root).as_posix()
    except ValueError:
        return Path(name).as_posix()


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


def outdated(root: Path, files: Mapping[str, str]) -> list[str]:
    """Paths whose content on disk differs from ``files`` (missing ones included)."""
    stale = []
    for path, text in sorted(files.items()):
        try:
            current = read_text(root, path)
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            stale.append(path)
    return stale


def write_files(root: Path, files: Mapping[str, str]) -> list[str]:
    """Write the outdated ``files``: all temporary files first, then renames (all or nothing)."""
    stale = outdated(root, files)
    staged: list[tuple[Path, Path]] = []
    try:
        for path in stale:
            target = root / path
            inside(root, target)
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_stage(target, files[path].encode("utf-8")), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return stale


def replace_file(target: Path, data: bytes | str, *, root: Path | None = None) -> None:
    """Write ``target`` all at once (text as UTF-8 with ``\\n``): a temporary file beside it,
    then a rename. Readers see the old bytes or the new ones, never a mix. The one atomic
    writer of the tools: every command that writes a file goes through it or ``write_files``.
    With ``root``, nothing is written outside it (a folder on the way that links out)."""
    if root is not None:
        inside(root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _stage(target, data.encode("utf-8") if isinstance(data, str) else data)
    try:
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _stage(target: Path, data: bytes) -> Path:
    """A temporary file beside ``target`` holding ``data``, readable like a normal file."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; ours are not
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def create_folder(parent: Path, name: str, files: Mapping[str, str]) -> None:
    """Create ``parent/name`` holding ``files`` (relative paths → text) all at once: a hidden
    temporary folder, then a rename. Never overwrites: ``FileExistsError`` when the folder
    exists; on any error nothing is left behind (``parent`` too, when this call created it)."""
    created_parent = not parent.exists()
    staging: Path | None = None
    try:
        parent.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=parent))
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; a folder is not
        for relative_path, text in files.items():
            target = staging / relative_path
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        if os.path.lexists(parent / name):
            raise FileExistsError(parent / name)
        os.rename(staging, parent / name)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if created_parent:
            with contextlib.suppress(OSError):
                parent.rmdir()
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` as ``{relative posix path: bytes}`` (empty when absent).
    Used to reuse the frozen parts of a previous build."""
    found: dict[str, bytes] = {}
    if not folder.is_dir():
        return found
    for current, _dirs, files in os.walk(folder):
        for name in files:
            full = Path(current) / name
            found[full.relative_to(folder).as_posix()] = full.read_bytes()
    return found


def replace_folder(
    target: Path, files: Mapping[str, bytes], finish: Callable[[Path], None] | None = None
) -> None:
    """Replace the folder ``target`` by ``files`` (all or nothing): they are written to a
    temporary folder beside it, ``finish(folder)`` completes it there (e.g. a search index),
    then the temporary folder takes the place of the old one, which is removed. On any
    failure the old folder stays as it was and the temporary one is removed."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    retired: Path | None = None
    try:
        for path, data in sorted(files.items()):
            destination = staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
        if finish is not None:
            finish(staging)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; a site is not
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, retired / target.name)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
