"""`bouquet docs [--check]`: regenerate the documentation pages derived from the code."""

from __future__ import annotations

import argparse
from pathlib import Path

from bouquet.commands._shared import add_repo_option, repository_root, sync_generated
from bouquet.generated import errors_page, rules_page


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="ne rien écrire ; sortir avec le code 1 si une page est périmée")
    add_repo_option(parser)


def generate() -> dict[str, str]:
    """Every generated page, by path: deterministic text."""
    return {
        "docs/erreurs.md": errors_page.render(),
        "docs/versionnage.md": rules_page.render(),
    }


def execute(args: argparse.Namespace) -> int:
    root = repository_root(Path(args.repo))
    return sync_generated(root, generate(), check=args.check, command="bouquet docs",
                          what="Documentation", unit="page")
