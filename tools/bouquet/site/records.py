"""What the site is made of: frozen records read from git by ``gather``, rendered by
``render``. Nothing here reads a file or the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from bouquet.content.catalogue import Catalogue
from bouquet.governance.contribution import ContributionAuCommun
from bouquet.governance.models import Decision, Instance, Membre
from bouquet.versioning.notes import Notes

PREVIEW = "prochaine"  # the folder of the current branch when it differs from the last release


@dataclass(frozen=True)
class SiteConfig:
    """Where the site is published and where contributions go (configuration, not code)."""

    base_url: str = "http://localhost:8000/"  # absolute, ends with "/"
    depot_url: str | None = None  # the forge repository, e.g. https://github.com/org/bouquet
    branch: str = "main"  # the branch the web editor proposes changes to
    fiches: bool = True  # the PDF fiches (False: a quicker build for a local preview)

    @property
    def prefix(self) -> str:
        """The path of the base URL without its last slash: "" or "/bouquet"."""
        rest = self.base_url.split("://", 1)[-1]
        path = rest[rest.find("/"):] if "/" in rest else "/"
        return path.rstrip("/")


@dataclass(frozen=True)
class Release:
    """One release (a tag ``vX.Y.Z``) or the preview of the current branch."""

    name: str  # "v1.2.0", or PREVIEW
    version: str  # "1.2.0" (the next version for the preview)
    commit: str
    date: dt.date
    catalogue: Catalogue
    notes: Notes | None  # None for the first release (all is new) or when not recomputed
    module_versions: Mapping[str, str]  # module id -> its own version
    resources: Mapping[str, bytes] = field(default_factory=dict)  # repo path -> bytes
    people: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # module id -> names
    contributors: tuple[str, ...] = ()  # everyone credited since the previous release
    contribution: ContributionAuCommun | None = None  # the rule of that revision, if valid

    @property
    def is_preview(self) -> bool:
        return self.name == PREVIEW

    @property
    def folder(self) -> str:
        return self.name


@dataclass(frozen=True)
class Governance:
    """The governance files of the current branch, as records (invalid ones left out)."""

    members: tuple[Membre, ...] = ()
    instances: tuple[Instance, ...] = ()
    decisions: tuple[tuple[Decision, str | None], ...] = ()  # (decision, procès-verbal Markdown)


@dataclass(frozen=True)
class ReportChart:
    title: str
    caption: str
    svg: bytes


@dataclass(frozen=True)
class Report:
    """The latest indicators report committed by ``bouquet indicateurs rapport`` (its HTML
    and its PDF both present): what the site shows of it."""

    code: str  # "2026-S2"
    title: str  # "Indicateurs de suivi — second semestre 2026 …", from the HTML
    pdf: bytes
    figures: tuple[tuple[str, str], ...]  # (value, label)
    charts: tuple[ReportChart, ...]


@dataclass(frozen=True)
class Site:
    """Everything the pages show: releases oldest first, the preview, the project's texts."""

    config: SiteConfig
    releases: tuple[Release, ...]
    preview: Release | None
    governance: Governance = Governance()
    changelog: str | None = None  # CHANGELOG.md of the current branch (Markdown)
    contributing: str | None = None  # CONTRIBUTING.md of the current branch (Markdown)
    report: Report | None = None  # the latest indicators report of the current branch

    @property
    def latest(self) -> Release | None:
        return self.releases[-1] if self.releases else None
