"""Facts a release depends on, read from the repository (I/O edge).

Validation runs exactly what ``bouquet validate`` runs on the whole repository; the version
comes from ``bouquet.versioning.compute``; decisions are recounted from history by the
governance package. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bouquet.content.catalogue import Catalogue
from bouquet.content.reading.plain import plain_value
from bouquet.diagnostics.printable import visible
from bouquet.diagnostics.record import Severity
from bouquet.edges.git import Repository
from bouquet.edges.worktree import read_bytes
from bouquet.errors import BouquetError
from bouquet.governance.recount import recount
from bouquet.release.preconditions import DecisionFact, Facts
from bouquet.validation.sources import check_sources
from bouquet.validation.working_tree import WorkingTree, whole_repository
from bouquet.versioning.compute import VersionReport

DECISIONS_DIR = "governance/decisions"


def validation(root: Path, today: dt.date) -> tuple[tuple[str, ...], Catalogue]:
    """The errors ``bouquet validate`` reports on the whole repository, one line each, and
    the catalogue it read (the release reuses it when the working tree is clean)."""
    selection = whole_repository(root)
    catalogue, diagnostics = check_sources(selection.sources, today=today,
                                           tree=WorkingTree(root), only=selection.only, repo=root)
    lines = [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
             for d in sorted(diagnostics, key=lambda d: d.sort_key())
             if d.severity is Severity.ERROR]
    lines += [f"{path}: illisible ({reason})" for path, reason in selection.unreadable]
    return tuple(lines), catalogue


def _publication(root: Path, path: Path) -> str | None:
    try:
        data = plain_value(path.name, read_bytes(root, path))
    except OSError:
        return None
    value = data.get("publication") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def decision_facts(root: Path, tag: str) -> tuple[DecisionFact, ...]:
    """Every decision whose ``publication`` is ``tag``, recounted from history."""
    facts = []
    for path in sorted((root / DECISIONS_DIR).glob("*/decision.yaml")):
        if _publication(root, path) != tag:
            continue
        folder = path.parent.relative_to(root).as_posix()
        try:
            counted = recount(root, folder)
        except BouquetError as exc:
            problem = f"{exc.message}\nAide : {exc.hint}" if exc.hint else exc.message
            facts.append(DecisionFact(visible(path.parent.name, name=True), tag, False, None,
                                      "unreadable", problem=problem))
            continue
        seal = counted.snapshot.seal
        facts.append(DecisionFact(path.parent.name, tag, seal is not None and counted.result.final,
                                  seal, counted.result.outcome.value))
    return tuple(facts)


def release_facts(
    root: Path, report: VersionReport, *, final: bool, today: dt.date
) -> tuple[Facts, Catalogue]:
    """The facts the preconditions need, and the working tree's catalogue."""
    tag = f"v{report.next}"
    blocking = tuple(f"{c.path} : {c.message}" for c in report.blocking)
    errors, catalogue = validation(root, today)
    with Repository(root) as repo:
        branch, dirty, tag_exists = repo.branch(), repo.status_lines(), tag in repo.tag_names()
        refs = ["index", "HEAD", f"refs/tags/{tag}", *([f"refs/heads/{branch}"] if branch else [])]
        git_locks = tuple(str(p) for p in repo.lock_files(refs))
        same_as_candidate = None if final else _same_candidate(repo, report)
    facts = Facts(
        branch=branch,
        dirty=tuple(dirty),
        validation_errors=errors,
        blocking_changes=blocking,
        nothing_to_release=report.current is not None and int(report.bump) == 0,
        tag=tag,
        tag_exists=tag_exists,
        final=final,
        decisions=decision_facts(root, tag) if final else (),
        same_as_candidate=same_as_candidate,
        git_locks=git_locks,
    )
    return facts, catalogue


CONTENT_PATHS = ("modules", "schema")


def _same_candidate(repo: Repository, report: VersionReport) -> str | None:
    """The latest rc tag of the version being cut, when its content equals HEAD's."""
    base = f"v{report.next.major}.{report.next.minor}.{report.next.patch}-rc."
    candidates = [t for t in repo.tag_names() if t.startswith(base) and t[len(base):].isdigit()]
    if not candidates:
        return None
    latest = max(candidates, key=lambda t: int(t[len(base):]))
    return latest if repo.same_trees(latest, "HEAD", CONTENT_PATHS) else None
