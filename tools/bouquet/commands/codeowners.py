"""`bouquet codeowners [--check]`: write or check ``.github/CODEOWNERS`` from the modules."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bouquet.commands._shared import repository_root
from bouquet.content.catalogue import is_module_path
from bouquet.diagnostics.record import has_errors
from bouquet.edges.worktree import read_text, replace_file
from bouquet.errors import BouquetError, ExitCode
from bouquet.fr import count
from bouquet.generated.codeowners import CODEOWNERS_PATH, describe_drift, render_codeowners
from bouquet.validation.catalogue import build_catalogue
from bouquet.validation.working_tree import whole_repository


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check", action="store_true",
        help="vérifier que le fichier committé est à jour, sans rien écrire (échec : code 1)",
    )
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")


def execute(args: argparse.Namespace) -> int:
    root = repository_root(Path(args.repo))
    sources = whole_repository(root).sources
    catalogue, diagnostics = build_catalogue(sources, today=dt.date.today())
    if has_errors(d for d in diagnostics if is_module_path(d.path)):
        raise BouquetError(
            "des modules sont invalides, leurs mainteneurs ne peuvent pas être lus.",
            hint="lancez « bouquet validate » et corrigez les erreurs signalées.")
    expected = render_codeowners({i: m.mainteneurs for i, m in catalogue.modules.items()})
    target = root / CODEOWNERS_PATH
    committed = read_text(root, CODEOWNERS_PATH)
    if args.check:
        if committed == expected:
            print(f"{CODEOWNERS_PATH} est à jour.")
            return ExitCode.OK
        sys.stderr.write(describe_drift(committed, expected))
        raise BouquetError(
            f"{CODEOWNERS_PATH} n'est pas à jour avec les mainteneurs des modules.",
            hint="lancez « bouquet codeowners », puis validez le fichier (git add puis "
                 "git commit) ; le crochet pre-commit bouquet-codeowners le fait pour vous.")
    if committed == expected:
        print(f"{CODEOWNERS_PATH} est déjà à jour.")
        return ExitCode.OK
    replace_file(target, expected, root=root)
    print(f"{CODEOWNERS_PATH} écrit ({count(len(catalogue.modules), 'module')}).")
    return ExitCode.OK
