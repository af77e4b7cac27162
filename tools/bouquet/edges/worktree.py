"""The working tree: its one guarded reader and its one atomic writer.

Nothing outside the repository is read or written through these functions; files are
replaced all at once (a temporary file, then a rename), never half written. What the
catalogue's files are is known above (``bouquet.validation.working_tree``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from bouquet.edges.limits import read_capped


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


def relative(root: Path, name: str) -> str:
    path = Path(name)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return Path(os.path.normpath(absolute)).relative_to(root).as_posix()
    except ValueError:
        return Path(name).as_posix()


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


@dataclass(frozen=True, slots=True)
class LockHeld(Exception):
    """``exclusive_lock`` found the lock taken: its path, what its holder wrote in it, and
    whether that holder is known to be gone (same machine, no such process)."""

    path: Path
    holder: str
    gone: bool


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold ``path`` as a lock for the ``with`` block: the file is created atomically (it
    must not exist: ``O_CREAT | O_EXCL``, so two processes can never both hold it), names its
    holder (process id and machine), and is removed on the way out, whatever happens. A lock
    already held raises ``LockHeld`` and is left untouched."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise _held(path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"pid {os.getpid()} {socket.gethostname()}\n")
        yield
    finally:
        path.unlink(missing_ok=True)


def _held(path: Path) -> LockHeld:
    try:
        holder = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        holder = ""
    parts = holder.split()
    gone = False
    if len(parts) >= 2 and parts[0] == "pid" and parts[1].isdigit() and (
            len(parts) < 3 or parts[2] == socket.gethostname()):
        try:
            os.kill(int(parts[1]), 0)
        except ProcessLookupError:
            gone = True
        except (PermissionError, OverflowError):
            gone = False
    return LockHeld(path, holder, gone)


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
