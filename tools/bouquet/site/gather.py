"""Read the site's records from git: every final release tag and the current branch.

The I/O side of the site, through the doors of the floor plan only: ``Repository`` for the
tags and the files of each revision (``read_tree``, never the working tree), the one catalogue
builder, the version engine and the notes of ``bouquet notes``, the per-module versions of
``bouquet status``. ``reuse`` names releases whose pages a previous build already holds: their
catalogues are still read (the latest pages and the history need them), their notes are not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from html import unescape
from pathlib import Path

import semver

from bouquet.content.catalogue import Catalogue
from bouquet.content.layout import MODULES_DIR, catalogue_files, is_module_path, is_vocab_path
from bouquet.edges.git import ReleaseTag, Repository
from bouquet.errors import BouquetError
from bouquet.governance.contribution import (
    CONTRIBUTION_PATH,
    ContributionAuCommun,
    read_contribution,
)
from bouquet.governance.files import (
    DECISIONS_DIR,
    INSTANCES_DIR,
    MEMBERS_FILE,
    load_model,
)
from bouquet.governance.models import Decision, Instance, Membres
from bouquet.indicators.files import REPORTS_DIR, report_name
from bouquet.indicators.semesters import parse_semester
from bouquet.site.records import (
    PREVIEW,
    Governance,
    Release,
    Report,
    ReportChart,
    Site,
    SiteConfig,
)
from bouquet.validation.catalogue import build_catalogue
from bouquet.versioning import credits, notes
from bouquet.versioning.changes import Scope
from bouquet.versioning.compute import VersionReport, compute
from bouquet.versioning.item_history import item_versions, module_key, module_versions_of
from bouquet.versioning.snapshot import PREFIXES

CHANGELOG = "CHANGELOG.md"
CONTRIBUTING = "CONTRIBUTING.md"


def gather(root: Path, config: SiteConfig, reuse: Mapping[str, str] | None = None) -> Site:
    """``reuse``: release name -> tag commit of the releases whose pages are kept."""
    reuse = reuse or {}
    with Repository(root) as repo:
        tags = [t for t in repo.release_tags() if t.is_final]
        head = repo.resolve("HEAD") if repo.has_commits() else None
        releases: list[Release] = []
        previous: ReleaseTag | None = None
        files: Mapping[str, bytes] = {}
        for tag in tags:
            frozen = reuse.get(tag.name) == tag.commit
            release, files = _release(repo, tag, previous, skip_notes=frozen)
            releases.append(release)
            previous = tag
        preview = None
        if head is not None and (previous is None or _differs(repo, previous.commit, head)):
            base = (files, releases[-1].catalogue) if releases else None
            preview = _preview(repo, head, previous, base)
        texts = repo.read_files(head, [CHANGELOG, CONTRIBUTING]) if head else {}
        governance = _governance(repo, head) if head else Governance()
        report = _report(repo.read_tree(head, [REPORTS_DIR])) if head else None
    return Site(config, tuple(releases), preview, governance,
                _text(texts.get(CHANGELOG)), _text(texts.get(CONTRIBUTING)), report)


_FIGURE = re.compile(r'<div class="figure"><span class="value">(.*?)</span>'
                     r'<span class="label">(.*?)</span></div>', re.S)
_CHART = re.compile(r'<figure role="group" aria-label="(.*?)">(<svg.*?</svg>)\s*'
                    r'<figcaption>(.*?)</figcaption></figure>', re.S)


def _report(files: Mapping[str, bytes]) -> Report | None:
    """The latest semester whose report has both its HTML and its PDF in ``rapports/``: its
    key figures and charts, as ``rapport.html.j2`` of the indicators writes them."""
    codes = []
    for path in files:
        name = path.rsplit("/", 1)[-1]
        if name.startswith("indicateurs-") and name.endswith(".html"):
            code = name[len("indicateurs-"):-len(".html")]
            pdf = f"{REPORTS_DIR}/{report_name(code, 'pdf')}"
            if path == f"{REPORTS_DIR}/{name}" and pdf in files:
                try:
                    codes.append((parse_semester(code), code))
                except BouquetError:
                    continue
    if not codes:
        return None
    semester, code = max(codes)
    html = files[f"{REPORTS_DIR}/{report_name(code, 'html')}"].decode("utf-8", "replace")
    figures = tuple((unescape(v), unescape(label)) for v, label in _FIGURE.findall(html))
    charts = tuple(ReportChart(unescape(t), unescape(c), svg.encode("utf-8"))
                   for t, svg, c in _CHART.findall(html))
    return Report(code, f"Indicateurs de suivi — {semester.french()}",
                  files[f"{REPORTS_DIR}/{report_name(code, 'pdf')}"], figures, charts)


def _text(raw: bytes | None) -> str | None:
    return None if raw is None else raw.decode("utf-8", "replace")


def _differs(repo: Repository, old: str, new: str) -> bool:
    return old != new and bool(repo.changed_paths(old, new, PREFIXES))


def _catalogue(files: Mapping[str, bytes], day: dt.date,
               base: tuple[Mapping[str, bytes], Catalogue] | None = None) -> Catalogue:
    """The catalogue as published; ``quick``: the site shows no diagnostic, and the full
    checks run anyway when a file does not pass the quick ones. ``base``: the files and
    catalogue of another revision (the last release, for the preview), whose records are
    taken for the module files left as they were when the quick checks pass (they are made
    file by file: the same bytes, the same record)."""
    sources = {p: files[p] for p in catalogue_files(files)}
    if base is not None:
        reused = _unchanged(sources, *base, day)
        if reused is not None:
            return reused
    catalogue, _diagnostics = build_catalogue(sources, today=day, quick=True)
    return catalogue


def _unchanged(sources: Mapping[str, bytes], files: Mapping[str, bytes],
               catalogue: Catalogue, day: dt.date) -> Catalogue | None:
    kept = {p for p, data in sources.items() if is_module_path(p) and files.get(p) == data}
    if any(is_vocab_path(p) and files.get(p) != d for p, d in sources.items()) \
            or any(is_vocab_path(p) and p not in sources for p in files) \
            or len(kept) != sum(1 for path in catalogue.paths.values() if path in kept):
        return None
    changed = {p: d for p, d in sources.items() if p not in kept}
    partial, diagnostics = build_catalogue(changed, today=day, quick=True)
    if diagnostics:  # a file failed the quick checks: the full build decides
        return None
    by_path = {path: catalogue.modules[i] for i, path in catalogue.paths.items() if path in kept}
    by_path.update({path: partial.modules[i] for i, path in partial.paths.items()})
    ordered = sorted(by_path)
    return Catalogue(modules={by_path[p].id: by_path[p] for p in ordered},
                     paths={by_path[p].id: p for p in ordered},
                     vocabularies=catalogue.vocabularies)


def _resources(files: Mapping[str, bytes], catalogue: Catalogue) -> dict[str, bytes]:
    """The files a module names in ``ressources`` (``chemin``) that its folder holds."""
    found: dict[str, bytes] = {}
    for module in catalogue.modules.values():
        for resource in module.ressources:
            if resource.chemin is None:
                continue
            path = f"{MODULES_DIR}/{module.id}/{resource.chemin}"
            if ".." not in resource.chemin.split("/") and path in files:
                found[path] = files[path]
    return found


def _people(repo: Repository, old: str | None, new: str
            ) -> tuple[credits.Credits, dict[str, tuple[str, ...]]]:
    found = credits.credits_of(repo, old, new)
    per_module = {target: names for (scope, target), names in found.by_target.items()
                  if scope is Scope.MODULE}
    return found, per_module


def _versions(repo: Repository, commit: str, version: semver.Version,
              report: VersionReport | None = None) -> dict[str, str]:
    items = item_versions(repo, commit, version, report=report)
    return {key.partition(":")[2]: str(value) for key, value in items.after.items()
            if key.startswith(module_key(""))}


def _release(repo: Repository, tag: ReleaseTag, previous: ReleaseTag | None,
             *, skip_notes: bool) -> tuple[Release, Mapping[str, bytes]]:
    files = repo.read_tree(tag.commit, PREFIXES)
    day = repo.commit_date(tag.commit).date()
    catalogue = _catalogue(files, day)
    versions = _versions(repo, tag.commit, tag.version)
    document = None
    found, people = _people(repo, previous.commit if previous else None, tag.commit)
    if not skip_notes and previous is not None:
        report = compute(repo.root, from_rev=previous.commit, to_rev=tag.commit)
        moved = module_versions_of(repo.root, report)
        document = notes.build(report, found, day, moved)
    return Release(tag.name, str(tag.version), tag.commit, day, catalogue, document, versions,
                   _resources(files, catalogue), people, found.overall,
                   _contribution(repo, tag.commit)), files


def _preview(repo: Repository, head: str, previous: ReleaseTag | None,
             base: tuple[Mapping[str, bytes], Catalogue] | None) -> Release:
    files = repo.read_tree(head, PREFIXES)
    day = repo.commit_date(head).date()
    catalogue = _catalogue(files, day, base)
    report = compute(repo.root, from_rev=previous.commit if previous else None, to_rev=head)
    versions = _versions(repo, head, report.next, report)
    found, people = _people(repo, previous.commit if previous else None, head)
    moved = module_versions_of(repo.root, report) if previous else ()
    document = notes.build(report, found, day, moved) if previous else None
    return Release(PREVIEW, str(report.next), head, day, catalogue, document, versions,
                   _resources(files, catalogue), people, found.overall,
                   _contribution(repo, head))


def _contribution(repo: Repository, commit: str) -> ContributionAuCommun | None:
    """The rule of the contribution to the commons at ``commit`` (None: absent or invalid,
    which ``bouquet validate`` reports)."""
    data = repo.read_files(commit, [CONTRIBUTION_PATH]).get(CONTRIBUTION_PATH)
    if data is None:
        return None
    try:
        return read_contribution(data)
    except BouquetError:
        return None


def _governance(repo: Repository, head: str) -> Governance:
    files = repo.read_tree(head, ["governance"])
    members: tuple[Membres, ...] = ()
    if MEMBERS_FILE in files:
        try:
            members = (load_model(Membres, files[MEMBERS_FILE], MEMBERS_FILE),)
        except BouquetError:
            members = ()
    instances = []
    decisions = []
    for path in sorted(files):
        try:
            if path.startswith(INSTANCES_DIR + "/") and path.endswith(".yaml"):
                instances.append(load_model(Instance, files[path], path))
            elif path.startswith(DECISIONS_DIR + "/") and path.endswith("/decision.yaml"):
                minutes = files.get(path.rsplit("/", 1)[0] + "/proces-verbal.md")
                decisions.append((load_model(Decision, files[path], path), _text(minutes)))
        except BouquetError:
            continue
    return Governance(members[0].membres if members else (), tuple(instances),
                      tuple(sorted(decisions, key=lambda d: d[0].id, reverse=True)))
