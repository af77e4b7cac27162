"""The catalogue of a published release, read from its tag (never the working tree), and the
list of final releases up to it: what every export starts from.

Exports read git only, so they run offline and give the same bytes whenever they run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import semver

from bouquet.content.catalogue import Catalogue
from bouquet.content.layout import catalogue_files
from bouquet.edges.git import ReleaseTag, Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.exports.dcat import PublishedRelease
from bouquet.validation.catalogue import build_catalogue
from bouquet.versioning.snapshot import PREFIXES


@dataclass(frozen=True)
class ReleaseCatalogue:
    version: str
    date: dt.date
    catalogue: Catalogue
    history: tuple[PublishedRelease, ...]  # the final releases up to this one, oldest first


def release_catalogue(root: Path, version: str | None) -> ReleaseCatalogue:
    """The release ``version`` ("1.2.0"), or the latest final release when None."""
    with Repository(root) as repo:
        tags = [t for t in repo.release_tags() if t.is_final]
        tag = _chosen(tags, version)
        files = repo.read_tree(tag.commit, PREFIXES)
        day = repo.commit_date(tag.commit).date()
        history = tuple(PublishedRelease(str(t.version), repo.commit_date(t.commit).date())
                        for t in tags if t.version <= tag.version)
    sources = {p: files[p] for p in catalogue_files(files)}
    catalogue, _diagnostics = build_catalogue(sources, today=day)
    return ReleaseCatalogue(str(tag.version), day, catalogue, history)


def _chosen(tags: list[ReleaseTag], version: str | None) -> ReleaseTag:
    if not tags:
        raise BouquetError("aucune version publiée : rien à exporter",
                           exit_code=ExitCode.USAGE,
                           hint="publiez d'abord une version avec « bouquet release ».")
    if version is None:
        return max(tags, key=lambda t: t.version)
    wanted = version.removeprefix("v")
    if not semver.Version.is_valid(wanted):
        raise BouquetError(f"version « {version} » mal écrite", exit_code=ExitCode.USAGE,
                           hint="écrivez X.Y.Z, par exemple --version 1.2.0.")
    for tag in tags:
        if tag.version == semver.Version.parse(wanted):
            return tag
    known = ", ".join(str(t.version) for t in tags)
    raise BouquetError(f"version « {wanted} » introuvable parmi les versions publiées",
                       exit_code=ExitCode.USAGE, hint=f"versions publiées : {known}.")
