"""Pagefind, the static search indexer: its binary (shipped by the PyPI package
``pagefind[extended]``) run on a built site. The only place that runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bouquet.errors import BouquetError, ExitCode


def index_site(folder: Path, glob: str = "**/*.html", language: str = "fr") -> None:
    """Write the search index of the HTML pages ``glob`` under ``folder`` into
    ``folder/pagefind``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--glob", glob,
               "--force-language", language, "--silent"]
    try:
        proc = subprocess.run(command, capture_output=True, check=False, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BouquetError(f"l'index de recherche n'a pas pu être construit : {exc}",
                           hint="réinstallez l'outillage : pip install -e '.[test]'") from exc
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()
        raise BouquetError(
            f"l'index de recherche (Pagefind) a échoué : {detail[-500:]}",
            exit_code=ExitCode.FAIL,
            hint="vérifiez que le paquet « pagefind[extended] » est installé "
                 "(pip install -e .).")
