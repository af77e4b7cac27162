"""The full content of one commit, as a manifest needs it (I/O edge: reads git objects)."""

from __future__ import annotations

from dataclasses import dataclass

from bouquet.content.catalogue import Catalogue
from bouquet.edges.git import Repository
from bouquet.validation.catalogue import build_catalogue
from bouquet.versioning.item_history import schema_name
from bouquet.versioning.snapshot import all_sources


@dataclass(frozen=True)
class Snapshot:
    commit: str
    catalogue: Catalogue
    schema_files: dict[str, bytes]  # repo-relative path -> bytes


def snapshot_with(repo: Repository, commit: str, catalogue: Catalogue) -> Snapshot:
    """The snapshot of ``commit`` when its catalogue is already known (a clean working tree
    that was just validated): only the schema files are read from git."""
    blobs = {p: b for p, b in repo.list_blobs(commit, ["schema"]).items()
             if schema_name(p) is not None}
    return Snapshot(commit, catalogue, repo.read_blobs(blobs))


def read_snapshot(repo: Repository, commit: str) -> Snapshot:
    sources = all_sources(repo, commit)
    catalogue, _ = build_catalogue(sources, today=repo.commit_date(commit).date())
    schema = {p: b for p, b in sources.items() if schema_name(p) is not None}
    return Snapshot(commit, catalogue, schema)
