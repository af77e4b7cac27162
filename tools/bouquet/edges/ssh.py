"""``ssh-keygen``: the detached SSH signatures of ballots and proxies (the only module that
runs it). The allowed signers are written to a temporary folder, and each file is checked with
``ssh-keygen -Y verify`` for the member it names; signing writes ``<file>.sig``."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bouquet.errors import BouquetError, ExitCode

SIGNATURE_SUFFIX = ".sig"


def verify(allowed_signers: str,
           jobs: Mapping[str, tuple[str, str, bytes, bytes]]) -> dict[str, bool]:
    """``{path: (signer, namespace, content, signature)}`` → ``{path: verified}``; a missing
    ``ssh-keygen`` verifies nothing."""
    with tempfile.TemporaryDirectory(prefix="bouquet-vote-") as tmp:
        allowed = Path(tmp) / "allowed_signers"
        allowed.write_text(allowed_signers, encoding="utf-8")
        ordered = sorted(jobs.items())
        workers = max(1, min(8, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(
                lambda job: _verify(allowed, Path(tmp), job[0], *job[1]), ordered)
            return {path: ok for (path, _), ok in zip(ordered, outcomes, strict=True)}


def _verify(allowed: Path, tmp: Path, path: str, signer: str, namespace: str, content: bytes,
            signature: bytes) -> bool:
    sig_file = tmp / (re.sub(r"[^a-zA-Z0-9_.-]", "_", path) + SIGNATURE_SUFFIX)
    sig_file.write_bytes(signature)
    try:
        done = subprocess.run(
            ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", signer,
             "-n", namespace, "-s", str(sig_file)],
            input=content, capture_output=True, check=False,
        )
    except FileNotFoundError:
        return False
    return done.returncode == 0


def unreadable_keys(keys: Sequence[str]) -> set[str] | None:
    """The public keys that ``ssh-keygen -l`` cannot read (truncated, mistyped); None when
    ``ssh-keygen`` is missing (nothing could be checked)."""
    unreadable: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="bouquet-keys-") as tmp:
        for index, key in enumerate(keys):
            path = Path(tmp) / f"{index}.pub"
            path.write_text(key.strip() + "\n", encoding="utf-8")
            try:
                done = subprocess.run(["ssh-keygen", "-l", "-f", str(path)],
                                      capture_output=True, check=False)
            except FileNotFoundError:
                return None
            if done.returncode != 0:
                unreadable.add(key)
    return unreadable


def sign(content: bytes, name: str, key: Path, namespace: str) -> str:
    """The detached signature of ``content`` (``ssh-keygen -Y sign``), made on a copy named
    ``name`` in a temporary folder, so that nothing beside the signed file is touched."""
    if not key.is_file():
        raise BouquetError(f"clé introuvable : {key}", exit_code=ExitCode.USAGE)
    with tempfile.TemporaryDirectory(prefix="bouquet-sign-") as tmp:
        copy = Path(tmp) / name
        copy.write_bytes(content)
        try:
            done = subprocess.run(
                ["ssh-keygen", "-Y", "sign", "-n", namespace, "-f", str(key), str(copy)],
                capture_output=True, check=False,
            )
        except FileNotFoundError as exc:
            raise BouquetError("ssh-keygen est introuvable : installez OpenSSH (≥ 8.2)") from exc
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip()
            raise BouquetError(f"ssh-keygen n'a pas pu signer : {detail}")
        return copy.with_name(name + SIGNATURE_SUFFIX).read_text(encoding="ascii")
