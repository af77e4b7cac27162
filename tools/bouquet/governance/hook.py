"""The governance part of `bouquet validate`: one call, given the working-tree sources.

History is asked (through the git edge) only when the files checked are those of a git
repository's root: to refuse ballots added or changed after a decision's seal, a decision
reopened after it, and a committed procès-verbal that the recount from history contradicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError
from bouquet.governance.checks import check_governance, is_governance_path
from bouquet.governance.minutes import render_markdown, typo
from bouquet.governance.minutes_check import contradiction
from bouquet.governance.recount import recount
from bouquet.governance.signature_checks import check_keys, check_open_signatures
from bouquet.governance.timeline import Seal, seals

MINUTES_FILE = "proces-verbal.md"


def governance_diagnostics(
    sources: Mapping[str, bytes], root: Path | None = None
) -> list[Diagnostic]:
    files = {p: b for p, b in sources.items() if p.startswith("governance/")}
    if not any(is_governance_path(p) for p in files):
        return []
    folders = sorted(p.rsplit("/", 1)[0] for p in files if p.endswith("/decision.yaml")
                     and p.count("/") == 3)
    sealed = _sealed(root, folders) if root is not None and folders else {}
    signing = [*check_keys(files), *check_open_signatures(files, root)]
    found = list(check_governance(files, sealed={f: s.files for f, s in sealed.items()},
                                  seals={f: s.commit for f, s in sealed.items()}))
    if root is not None:
        for folder in sorted(sealed):
            found.extend(_minutes(root, folder, files))
    found.extend(signing)
    return sorted(found, key=Diagnostic.sort_key)


def _sealed(root: Path, folders: list[str]) -> Mapping[str, Seal]:
    """The seal of each sealed folder; nothing outside a git repository, before its first
    commit, or when ``root`` is only a folder inside one (its paths are not the
    repository's)."""
    try:
        repo = Repository(root)
    except BouquetError:
        return {}
    with repo:
        if repo.root.resolve() != root.resolve() or not repo.has_commits():
            return {}
        return seals(repo, folders)


def _minutes(root: Path, folder: str, files: Mapping[str, bytes]) -> list[Diagnostic]:
    """BQ319 when the committed procès-verbal of a sealed decision says something other than
    the recount from history."""
    path = f"{folder}/{MINUTES_FILE}"
    if path not in files:
        return []
    try:
        counted = recount(root, folder)
        committed = files[path].decode("utf-8")
    except (BouquetError, UnicodeDecodeError):
        return []  # the decision's own files are reported by the checks above
    found = contradiction(committed, render_markdown(counted.result, counted.provenance()))
    if found is None:
        return []
    said = f"« {found.committed} »" if found.committed else "rien"
    recounted = f"« {found.recounted} »" if found.recounted else "rien"
    return [diag("BQ319", path, found.line, 1, typo(
        f"le procès-verbal contredit le recomptage depuis l'historique ({found.fact}) : "
        f"il dit {said}, le recomptage donne {recounted}"))]
