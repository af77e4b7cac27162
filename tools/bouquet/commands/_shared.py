"""Pieces shared by several subcommands: argument types, the repository, generated files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tomllib
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


DEFAULT_BASE_URL = "http://localhost:8000/"


def site_settings(root: Path) -> dict[str, str]:
    """``[tool.bouquet.site]`` of the repository's pyproject.toml (base-url, depot-url,
    branche)."""
    try:
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    section = data.get("tool", {}).get("bouquet", {}).get("site", {})
    return {str(k): str(v) for k, v in section.items()} if isinstance(section, dict) else {}


def base_url(root: Path, option: str | None) -> str:
    """The public address of the site, ending with "/": ``option``, else the settings."""
    value = option or site_settings(root).get("base-url", DEFAULT_BASE_URL)
    if not value.startswith(("https://", "http://")):
        raise BouquetError(f"--base-url « {value} » : une adresse commence par https://.",
                           exit_code=ExitCode.USAGE,
                           hint="par exemple --base-url https://exemple.github.io/bouquet/")
    return value if value.endswith("/") else value + "/"
