"""A real, throwaway PostgreSQL server on 127.0.0.1 in a temporary folder, for the tests.

The binaries (``initdb``, ``pg_ctl``) are looked up on PATH, then under
``/usr/lib/postgresql/*/bin`` (Debian). PostgreSQL refuses to run as root: as root, the
server runs as the ``postgres`` system user, which then owns the temporary folder.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server in a new temporary folder; yield its URL; stop it, remove the folder.
    (Its own folder directly under the system's temporary folder: as root, the ``postgres``
    user must be able to reach it.)"""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL introuvable (initdb, pg_ctl) : voir .ci/run")
    folder = Path(tempfile.mkdtemp(prefix="bouquet-pg-"))
    user: str | None = None
    if os.geteuid() == 0:
        user = "postgres"
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    try:
        with _running(bin_dir, folder, user) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _running(bin_dir: Path, folder: Path, user: str | None) -> Iterator[str]:
    data, port = folder / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run([str(bin_dir / args[0]), *args[1:]], check=True, capture_output=True,
                       user=user, cwd=folder, timeout=120)

    run("initdb", "-D", str(data), "-U", "bouquet", "--auth=trust", "-E", "UTF8",
        "--locale=C.UTF-8" if _has_c_utf8() else "--locale=C")
    run("pg_ctl", "-D", str(data), "-w", "-t", "60", "-l", str(folder / "server.log"), "-o",
        f"-h 127.0.0.1 -p {port} -k {folder} -F", "start")
    try:
        yield f"postgresql://bouquet@127.0.0.1:{port}/postgres"
    finally:
        run("pg_ctl", "-D", str(data), "-w", "-m", "fast", "stop")


def _has_c_utf8() -> bool:
    return os.path.isdir("/usr/lib/locale/C.utf8") or os.path.isdir("/usr/lib/locale/C.UTF-8")
