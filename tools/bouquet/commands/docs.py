"""`bouquet docs [--check]`: regenerate the documentation pages derived from the code."""

from __future__ import annotations

import argparse
import sys

# (page, "module:function") — the function returns the page's full text, deterministic.
# Other parts of the tooling add their generated pages here, one line each.
PAGES: tuple[tuple[str, str], ...] = (
    ("docs/erreurs.md", "bouquet.generated.errors_page:render"),
    ("docs/versionnage.md", "bouquet.generated.rules_page:render"),
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="ne rien écrire ; sortir avec le code 1 si une page est périmée")


def generate() -> dict[str, str]:
    import importlib

    pages: dict[str, str] = {}
    for path, name in PAGES:
        module_name, _, function = name.partition(":")
        pages[path] = getattr(importlib.import_module(module_name), function)()
    return pages


def execute(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bouquet.edges.worktree import OUTSIDE_REPOSITORY, content_root
    from bouquet.fr import typography

    root = content_root(Path.cwd())
    if root is None:
        sys.stderr.write(typography(f"bouquet docs : {OUTSIDE_REPOSITORY}\n"))
        return 2
    from bouquet.commands._shared import sync_generated

    return sync_generated(root, generate(), check=args.check, command="bouquet docs",
                          what="Documentation", unit="page")
