"""The governance part of `bouquet validate`: one call, given the working-tree sources.

History is asked (through the git edge) only for decisions whose ``statut`` is ``close``, to
refuse ballots added or changed after their seal, and only when the files checked are those of
a git repository's root.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bouquet.diagnostics.record import Diagnostic
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError
from bouquet.governance.checks import check_governance, is_governance_path
from bouquet.governance.signature_checks import check_keys, check_open_signatures, is_closed
from bouquet.governance.timeline import sealed_files


def governance_diagnostics(
    sources: Mapping[str, bytes], root: Path | None = None
) -> list[Diagnostic]:
    files = {p: b for p, b in sources.items() if p.startswith("governance/")}
    if not any(is_governance_path(p) for p in files):
        return []
    signing = [*check_keys(files), *check_open_signatures(files, root)]
    sealed: Mapping[str, Mapping[str, bytes]] = {}
    closed = [p.rsplit("/", 1)[0] for p in files if p.endswith("/decision.yaml")
              and is_closed(files[p])]
    if root is not None and closed:
        sealed = _sealed(root, sorted(closed))
    found = [*check_governance(files, sealed=sealed), *signing]
    return sorted(found, key=Diagnostic.sort_key)


def _sealed(root: Path, folders: list[str]) -> Mapping[str, Mapping[str, bytes]]:
    """Files at the seal of each sealed folder; nothing outside a git repository, before its
    first commit, or when ``root`` is only a folder inside one (its paths are not the
    repository's)."""
    try:
        repo = Repository(root)
    except BouquetError:
        return {}
    with repo:
        if repo.root.resolve() != root.resolve():
            return {}
        return sealed_files(repo, folders)
