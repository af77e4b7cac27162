"""`bouquet schema [--check]`: write the JSON Schemas generated from the models."""

from __future__ import annotations

import argparse
import sys

# Other families of files add their generator here: "module:function" returning
# {repo-relative path: JSON text}, deterministic.
PRODUCERS: tuple[str, ...] = ("bouquet.generated.governance_schema:schemas",)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="ne rien écrire ; sortir avec le code 1 si un schéma est périmé")


def execute(args: argparse.Namespace) -> int:
    import datetime as dt
    import importlib
    from pathlib import Path

    from bouquet.commands._shared import sync_generated
    from bouquet.content.catalogue import is_vocab_path
    from bouquet.diagnostics.record import has_errors
    from bouquet.diagnostics.render import Counts, render_text
    from bouquet.edges.worktree import OUTSIDE_REPOSITORY, content_root, whole_repository
    from bouquet.fr import typography
    from bouquet.generated.module_schema import schemas
    from bouquet.validation.sources import check_sources

    root = content_root(Path.cwd())
    if root is None:
        sys.stderr.write(typography(f"bouquet schema : {OUTSIDE_REPOSITORY}\n"))
        return 2
    sources = {p: b for p, b in whole_repository(root).sources.items() if is_vocab_path(p)}
    catalogue, diagnostics = check_sources(sources, today=dt.date.today())
    vocab_problems = [d for d in diagnostics if is_vocab_path(d.path)]
    if has_errors(vocab_problems):
        sys.stderr.write("Vocabulaires invalides : corrigez-les avant de générer les schémas.\n")
        sys.stderr.write(render_text(vocab_problems, Counts(0, len(sources))))
        return 1
    files = schemas(catalogue.vocabularies)
    for name in PRODUCERS:
        module_name, _, function = name.partition(":")
        files.update(getattr(importlib.import_module(module_name), function)())
    return sync_generated(root, files, check=args.check, command="bouquet schema",
                          what="Schémas", unit="fichier")
