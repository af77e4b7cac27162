"""`bouquet docs [--check]`: regenerate the documentation pages derived from the code."""

from __future__ import annotations

import argparse
import sys

# (page, "module:function") — the function returns the page's full text, deterministic.
# Other parts of the tooling add their generated pages here, one line each.
PAGES: tuple[tuple[str, str], ...] = (
    ("docs/erreurs.md", "bouquet.docs_errors:render"),
    ("docs/versionnage.md", "bouquet.versioning.docs:render"),
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

    from bouquet.fr import typography
    from bouquet.fs import OUTSIDE_REPOSITORY, content_root, outdated, write_files

    root = content_root(Path.cwd())
    if root is None:
        sys.stderr.write(typography(f"bouquet docs : {OUTSIDE_REPOSITORY}\n"))
        return 2
    pages = generate()
    if args.check:
        stale = outdated(root, pages)
        for path in stale:
            sys.stdout.write(f"{path} : périmé, lancez « bouquet docs » et validez le résultat.\n")
        if not stale:
            sys.stdout.write(f"Documentation à jour ({_count(len(pages))}).\n")
        return 1 if stale else 0
    written = write_files(root, pages)
    for path in written:
        sys.stdout.write(f"{path} : écrit.\n")
    if not written:
        sys.stdout.write(f"Documentation déjà à jour ({_count(len(pages))}).\n")
    return 0


def _count(n: int) -> str:
    return f"{n} page{'s' if n > 1 else ''}"
