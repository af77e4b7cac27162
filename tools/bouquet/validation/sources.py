"""Validation of a revision's sources: the catalogue, then everything else in the repository.

``check_sources(sources, today=...)`` is what ``bouquet validate``, ``status`` and ``release``
run: the catalogue's modules and vocabularies (``bouquet.validation.catalogue_check``), the
gateways, the governance files (``bouquet.governance.hook``; ``repo``: the git repository of
the working tree, for what history says of sealed decisions; None for git objects) and the
deployment records — every problem at once. Options ``tree`` and ``only`` are those of
``check_catalogue``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from bouquet.content.catalogue import MODULES_DIR, Catalogue, is_module_path, is_vocab_path
from bouquet.content.files import SourcesTree, Tree
from bouquet.diagnostics.record import Diagnostic
from bouquet.governance.hook import governance_diagnostics
from bouquet.validation.catalogue_check import check_catalogue
from bouquet.validation.deployments import check_deployments
from bouquet.validation.gateways import check_gateway_files


def check_sources(
    sources: Mapping[str, bytes],
    *,
    today: dt.date,
    tree: Tree | None = None,
    only: Iterable[str] | None = None,
    repo: Path | None = None,
) -> tuple[Catalogue, list[Diagnostic]]:
    """Parse, model and check every file of ``sources`` that the repository's layout knows.
    ``repo`` is the git repository of a working tree, for checks that read history (sealed
    decisions)."""
    tree = tree if tree is not None else SourcesTree(sources)
    selected = None if only is None else frozenset(only)
    catalogue, found = check_catalogue(sources, today=today, tree=tree, only=only)
    vocab_ids = {n: v.ids() for n, v in catalogue.vocabularies.items()}
    out = list(check_gateway_files(sources, tree, selected))
    if selected is None or any(not is_module_path(p) and not is_vocab_path(p) for p in selected):
        out.extend(governance_diagnostics(sources, repo))  # only when some are selected
    out.extend(check_deployments(sources, tree=tree, only=selected, repo=repo,
                                 vocab_ids=vocab_ids,
                                 build=lambda files: check_catalogue(files, today=today)[0]))
    if selected is not None:
        out = [d for d in out if d.path in selected]
    return catalogue, sorted([*found, *out], key=Diagnostic.sort_key)


__all__ = ["MODULES_DIR", "check_sources"]
