"""`bouquet codeowners [--check]`: write or check ``.github/CODEOWNERS`` from the modules."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check", action="store_true",
        help="vérifier que le fichier committé est à jour, sans rien écrire (échec : code 1)",
    )
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")


def execute(args: argparse.Namespace) -> int:
    from bouquet.content.catalogue import is_module_path
    from bouquet.diagnostics.record import has_errors
    from bouquet.edges.worktree import OUTSIDE_REPOSITORY, content_root, whole_repository
    from bouquet.fr import count, typography
    from bouquet.generated.codeowners import CODEOWNERS_PATH, describe_drift, render_codeowners
    from bouquet.validation.catalogue import build_catalogue

    root = content_root(Path(args.repo))
    if root is None:
        sys.stderr.write(typography(f"bouquet codeowners : {OUTSIDE_REPOSITORY}\n"))
        return 2
    sources = whole_repository(root).sources
    catalogue, diagnostics = build_catalogue(sources, today=dt.date.today())
    module_errors = [d for d in diagnostics if is_module_path(d.path)]
    if has_errors(module_errors):
        sys.stderr.write(
            "bouquet codeowners : des modules sont invalides, leurs mainteneurs ne peuvent pas "
            "être lus.\nAide : lancez « bouquet validate » et corrigez les erreurs signalées.\n"
        )
        return 1
    expected = render_codeowners({i: m.mainteneurs for i, m in catalogue.modules.items()})
    target = root / CODEOWNERS_PATH
    committed = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if committed == expected:
            print(f"{CODEOWNERS_PATH} est à jour.")
            return 0
        sys.stderr.write(describe_drift(committed, expected))
        sys.stderr.write(
            f"bouquet codeowners : {CODEOWNERS_PATH} n'est pas à jour avec les mainteneurs "
            "des modules.\nAide : lancez « bouquet codeowners », puis committez le fichier.\n"
        )
        return 1
    if committed == expected:
        print(f"{CODEOWNERS_PATH} est déjà à jour.")
        return 0
    _write_atomically(target, expected)
    print(f"{CODEOWNERS_PATH} écrit ({count(len(catalogue.modules), 'module')}).")
    return 0


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".CODEOWNERS.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
