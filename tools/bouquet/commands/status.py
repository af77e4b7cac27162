"""`bouquet status`: modules by statut and famille, validation verdict, version."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bouquet.commands._shared import repository_root
from bouquet.diagnostics.record import Severity, has_errors
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.validation.sources import check_sources
from bouquet.validation.working_tree import WorkingTree, whole_repository
from bouquet.versioning import status as overview
from bouquet.versioning.changes import ModuleVersion
from bouquet.versioning.compute import VersionReport, compute
from bouquet.versioning.item_history import item_versions, module_rows


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="format de sortie (défaut : text)")


def execute(args: argparse.Namespace) -> int:
    root, git_state, message, report, dirty = _git_side(Path(args.repo))
    root = repository_root(root)
    selection = whole_repository(root)
    catalogue, diagnostics = check_sources(selection.sources, today=dt.date.today(),
                                           tree=WorkingTree(root), repo=root)
    titles = {i: m.titre for i, m in catalogue.modules.items()}
    version = _summary(report) if report is not None else None
    modules = _module_versions(root, titles, report) if report is not None else ()
    result = overview.summarise(catalogue, diagnostics, git_state, message, version, dirty,
                                modules)
    render = overview.render_json if args.format == "json" else overview.render_text
    sys.stdout.write(render(result))
    return ExitCode.FAIL if has_errors(diagnostics) else ExitCode.OK


def _git_side(path: Path) -> tuple[Path, overview.GitState, str, VersionReport | None, bool]:
    """The repository's root, git state, a French reason when no version could be computed,
    the version report (computed once, reused for the module versions) and dirtiness."""
    GitState = overview.GitState
    try:
        repo = Repository(path)
    except BouquetError:
        return path, GitState.NO_REPOSITORY, (
            "non calculée : ce dossier n'est pas un dépôt git (clonez le Bouquet avec "
            "« git clone »)."), None, False
    with repo:
        root = repo.root
        if not repo.has_commits():
            return root, GitState.NO_COMMITS, (
                "non calculée : le dépôt n'a encore aucun commit (lancez « git add . && "
                "git commit »)."), None, False
        dirty = repo.is_dirty(["modules", "schema"])
    try:
        report = compute(root)
    except BouquetError as exc:
        reason = str(exc)  # a sentence of its own; here it continues « non calculée : »
        return root, GitState.ERROR, f"non calculée : {reason[:1].lower()}{reason[1:]}", None, dirty
    return root, GitState.OK, "", report, dirty


def _summary(report: VersionReport) -> overview.VersionSummary:

    return overview.VersionSummary(
        current=str(report.current) if report.current else None, next=str(report.next),
        bump=report.bump.label, bump_french=report.bump.french, since=report.from_rev,
        changes=sum(c.bump > 0 for c in report.changes), blocking=len(report.blocking),
        content_errors=sum(d.severity is Severity.ERROR for d in report.diagnostics),
    )


def _module_versions(
    root: Path, titles: dict[str, str], report: VersionReport
) -> tuple[ModuleVersion, ...]:
    """Each published module's own version at HEAD, walked over the release tags."""

    try:
        with Repository(root) as repo:
            items = item_versions(repo, report.to_commit, report.next, report=report)
    except BouquetError:
        return ()
    return module_rows(titles, items, moved_only=False)
