"""Pieces shared by several subcommands: argument types, the repository, generated files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bouquet.edges.worktree import outdated, write_files
from bouquet.errors import BouquetError, ExitCode
from bouquet.fr import typography
from bouquet.validation.working_tree import OUTSIDE_REPOSITORY, content_root


def day(text: str) -> dt.date:
    """argparse type of ``--date`` / ``--today``: an ISO date, or a French usage error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide « {text} » : écrivez AAAA-MM-JJ, par exemple 2026-11-29"
        ) from None


def add_repo_option(parser: argparse.ArgumentParser) -> None:
    """``-C DOSSIER``, as in git: run as if started in that folder (named paths included)."""
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")


def repository_root(start: Path) -> Path:
    """The catalogue's root from ``start`` upwards, or a usage error saying where to run."""
    root = content_root(start)
    if root is None:
        raise BouquetError(OUTSIDE_REPOSITORY, exit_code=ExitCode.USAGE)
    return root


def sync_generated(
    root: Path, files: dict[str, str], *, check: bool, command: str, what: str, unit: str
) -> int:
    """Write generated ``files`` under ``root``, or with ``check`` only report the stale ones
    (exit 1). ``what``: « Schémas »…; ``unit``: « fichier »… for the French counts."""
    count = f"{len(files)} {unit}{'s' if len(files) > 1 else ''}"
    if check:
        stale = outdated(root, files)
        for path in stale:
            sys.stdout.write(typography(
                f"{path} : périmé, lancez « {command} » et validez le résultat.\n"))
        if not stale:
            sys.stdout.write(f"{what} à jour ({count}).\n")
        return ExitCode.FAIL if stale else ExitCode.OK
    written = write_files(root, files)
    for path in written:
        sys.stdout.write(typography(f"{path} : écrit.\n"))
    if not written:
        sys.stdout.write(f"{what} déjà à jour ({count}).\n")
    return ExitCode.OK
