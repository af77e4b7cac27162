"""``bouquet release`` end to end: gather the facts, check, plan, then apply or print.

Kept apart from the command module so that tests can drive it with an injected step hook
and a fixed date, and read typed outcomes rather than printed text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bouquet.content.catalogue import Catalogue
from bouquet.diagnostics.record import Diagnostic
from bouquet.edges.git import Repository, parse_release_tag
from bouquet.edges.worktree import LockHeld, exclusive_lock, read_text
from bouquet.errors import BouquetError
from bouquet.release import preconditions
from bouquet.release.changelog import CHANGELOG_PATH
from bouquet.release.content import read_snapshot, snapshot_with
from bouquet.release.gather import release_facts
from bouquet.release.plan import ReleasePlan, build_manifest, build_plan
from bouquet.release.preconditions import refusal
from bouquet.release.transaction import StepHook, apply
from bouquet.versioning import credits, notes
from bouquet.versioning.changes import ModuleVersion
from bouquet.versioning.compute import VersionReport, compute
from bouquet.versioning.item_history import item_versions, moved_modules
from bouquet.versioning.manifest import (
    MANIFEST_DIR,
    DecisionRef,
    manifest_path,
    names_taken,
    read_manifest_header,
)


@dataclass(frozen=True)
class Outcome:
    """What happened: the plan (when it could be made), refusals, and the new commit."""

    version: str | None
    plan: ReleasePlan | None
    refusals: tuple[Diagnostic, ...]
    commit: str | None = None


def _notes(root: Path, report: VersionReport, date: dt.date,
           modules: tuple[ModuleVersion, ...]) -> notes.Notes:
    people = credits.gather(root, report.from_commit, report.to_commit)
    return notes.build(report, people, date, modules)


def make_plan(root: Path, report: VersionReport, date: dt.date,
              decision: DecisionRef | None, clean: Catalogue | None = None) -> ReleasePlan:
    """``clean``: the catalogue of a clean working tree (then equal to HEAD's), if known."""
    with Repository(root) as repo:
        target = read_snapshot(repo, report.to_commit) if clean is None else \
            snapshot_with(repo, report.to_commit, clean)
        items = item_versions(repo, report.to_commit, report.next, report=report)
        taken = names_taken(repo.read_tree(report.to_commit, [MANIFEST_DIR + "/"]),
                            report.next)
    titles = {i: m.titre for i, m in target.catalogue.modules.items()}
    return build_plan(
        version=report.next, previous=report.current, date=date,
        release_notes=_notes(root, report, date, moved_modules(titles, items)),
        target=target, items=items,
        decision=decision, existing_changelog=read_text(root, CHANGELOG_PATH), taken=taken,
    )


LOCK_FILE = "bouquet-release.lock"


@contextlib.contextmanager
def one_release_at_a_time(root: Path) -> Iterator[None]:
    """Hold the repository's release lock (``.git/bouquet-release.lock``, created
    atomically) from the first fact read to the tag: a second release meets it and stops
    before reading or writing anything."""
    with Repository(root) as repo:
        path = repo.common_dir() / LOCK_FILE
    try:
        with exclusive_lock(path):
            yield
    except LockHeld as held:
        who = f" ({held.holder})" if held.holder else ""
        if held.gone:
            raise BouquetError(
                f"le verrou de publication {held.path}{who} est resté d'une publication "
                "interrompue : son processus ne tourne plus.",
                hint="vérifiez l'état du dépôt (git status, git tag), puis supprimez ce "
                     "fichier et relancez.") from None
        raise BouquetError(
            f"une autre publication est déjà en cours dans ce dépôt (verrou {held.path}{who}).",
            hint="attendez qu'elle se termine, puis relancez ; si aucune publication ne "
                 "tourne (elle a été interrompue brutalement), supprimez ce fichier et "
                 "relancez.") from None


def release(
    root: Path, *, pre_release: str | None, date: dt.date, dry_run: bool,
    before_step: StepHook | None = None, today: dt.date | None = None,
) -> Outcome:
    """Check every precondition, then cut the release (or only plan it with ``dry_run``),
    one release at a time in a repository (``one_release_at_a_time``).
    Raises ``BouquetError``: a usage problem (exit 2), or a step that failed (exit 1, the
    repository is then exactly as before). ``date`` is the release's date; ``today`` (by
    default ``date``) is the day the content is validated for, as ``bouquet validate`` does."""
    if dry_run:
        return _release(root, pre_release=pre_release, date=date, dry_run=True,
                        before_step=before_step, today=today)
    with one_release_at_a_time(root):
        return _release(root, pre_release=pre_release, date=date, dry_run=False,
                        before_step=before_step, today=today)


def _release(
    root: Path, *, pre_release: str | None, date: dt.date, dry_run: bool,
    before_step: StepHook | None, today: dt.date | None,
) -> Outcome:
    report = compute(root, pre_release=pre_release)
    facts, catalogue = release_facts(root, report, final=pre_release is None,
                                     today=today or date)
    refusals = tuple(preconditions.check(facts))
    approving = preconditions.approving_decision(facts)
    decision = None if approving is None or approving.seal_commit is None else \
        DecisionRef(approving.id, approving.seal_commit)
    if refusals and not dry_run:
        return Outcome(str(report.next), None, refusals)
    clean = catalogue if not facts.dirty and facts.branch is not None else None
    plan = make_plan(root, report, date, decision, clean)
    if dry_run or refusals:
        return Outcome(plan.version, plan, refusals)
    commit = apply(root, plan.change(), before_step=before_step or _no_hook)
    return Outcome(plan.version, plan, (), commit)


def verify(root: Path, tag: str) -> tuple[Diagnostic, ...]:
    """Recompute the manifest of ``tag`` from the tagged content and compare it byte for byte
    with the committed one (and check the approving decision of a final release)."""
    with Repository(root) as repo:
        commit = repo.resolve(tag)
        parsed = parse_release_tag(tag, commit)
        if parsed is None:
            return (refusal("BQ458", f"« {tag} » n'est pas une étiquette de version vX.Y.Z."),)
        raw = repo.read_files(commit, [manifest_path(tag)]).get(manifest_path(tag))
        if raw is None:
            return (refusal("BQ458", f"{manifest_path(tag)} est absent du commit étiqueté."),)
        header = read_manifest_header(raw)
        if header is None:
            return (refusal("BQ458", f"{manifest_path(tag)} est illisible."),)
        date_text, decision = header
        target = read_snapshot(repo, commit)
        items = item_versions(repo, commit, parsed.version, strict=True)
        finals = [t.version for t in repo.release_tags(merged_into=commit)
                  if t.is_final and t.version < parsed.version]
        taken = names_taken(repo.read_tree(commit, [MANIFEST_DIR + "/"]), parsed.version)
    previous = max(finals) if finals else None
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        return (refusal("BQ458", f"{manifest_path(tag)} : date illisible « {date_text} »."),)
    expected = build_manifest(parsed.version, previous, date, target, items, decision, taken)
    problems = []
    if expected.to_json().encode("utf-8") != raw:
        problems.append(refusal(
            "BQ458", f"{manifest_path(tag)} ne correspond pas au contenu du commit "
            f"{commit[:12]} (recalculé par « bouquet release --verify {tag} »)."))
    if parsed.is_final and decision is None:
        problems.append(refusal("BQ456", f"le manifeste de {tag} ne nomme aucune décision."))
    return tuple(problems)


def _no_hook(step: str) -> None:
    del step
