"""`bouquet validate [CHEMIN...]`: check modules and vocabularies, report every problem."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bouquet.commands._shared import add_repo_option, day, repository_root
from bouquet.content.catalogue import MODULES_DIR, is_module_path, is_vocab_path
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import has_errors
from bouquet.diagnostics.render import FORMATS, Counts, render
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.validation.sources import check_sources
from bouquet.validation.working_tree import WorkingTree, named_files, whole_repository


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="CHEMIN",
        help="fichiers ou dossiers à valider (par défaut : tout le dépôt) ; les règles entre "
             "fichiers restent vérifiées contre tout le catalogue",
    )
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="format du rapport : text (défaut), json ou github (annotations)")
    parser.add_argument("--today", type=day, default=None, metavar="AAAA-MM-JJ",
                        help="date du jour pour les règles de date (par défaut : aujourd'hui)")
    add_repo_option(parser)


def _deleted_content(root: Path) -> bool:
    """Whether files of modules/ were deleted since the last commit (none outside git)."""
    try:
        with Repository(root) as repo:
            return bool(repo.deleted_paths([MODULES_DIR]))
    except BouquetError:
        return False


def execute(args: argparse.Namespace) -> int:
    start = Path(args.repo)
    root = repository_root(start)
    names = [str(start / name) for name in args.paths]  # relative to -C, as in git
    # a deleted module or resource may break another module: check them all
    selection = (named_files(root, names) if names and not _deleted_content(root)
                 else whole_repository(root))
    today = args.today or dt.date.today()
    _, diagnostics = check_sources(selection.sources, today=today, tree=WorkingTree(root),
                                   only=selection.only, repo=root)
    unreadable = [diag("BQ001", path, 0, 0, f"« {path} » illisible : {reason}")
                  for path, reason in selection.unreadable]
    outside = [diag("BQ016", path, 0, 0, f"« {path} » n'est pas un fichier du catalogue")
               for path in selection.outside]
    diagnostics = sorted([*diagnostics, *unreadable, *outside], key=lambda d: d.sort_key())
    checked = [p for p in selection.sources
               if selection.only is None or p in selection.only]
    counts = Counts(modules=sum(map(is_module_path, checked)),
                    vocabularies=sum(map(is_vocab_path, selection.sources)))
    sys.stdout.write(render(diagnostics, args.format, counts))
    return ExitCode.FAIL if has_errors(diagnostics) else ExitCode.OK
