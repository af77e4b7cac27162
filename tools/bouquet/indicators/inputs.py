"""What the indicators read: the deployment records (parsed once, cached by content), the
pinned geographic code list and the modules of every final release (from git tags)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from pydantic import ValidationError

from bouquet.content.deployment import COG_FILE, Deploiement, is_deployment_path
from bouquet.content.geography import Geography, parse_cog
from bouquet.content.layout import DEPLOYMENTS_DIR
from bouquet.content.reading.loader import load_yaml
from bouquet.edges.artefacts import read_tables, write_tables
from bouquet.edges.git import Repository
from bouquet.edges.worktree import read_bytes
from bouquet.errors import BouquetError
from bouquet.fr import count
from bouquet.governance.contribution import (
    CONTRIBUTION_PATH,
    ContributionAuCommun,
    read_contribution,
)
from bouquet.indicators.tables import (
    RECORD_SCHEMAS,
    ParsedRecord,
    ReleaseModules,
    concat,
    keep_unchanged,
    record_tables,
)
from bouquet.validation.catalogue import build_catalogue
from bouquet.validation.deployments import RELEASE_PREFIXES
from bouquet.validation.working_tree import whole_repository

CACHE_DIR = ".cache/indicateurs"


@dataclass(frozen=True)
class Inputs:
    records: Mapping[str, pa.Table]
    geography: Geography
    releases: tuple[ReleaseModules, ...]
    parsed: int  # records parsed in this run (the others came from the cache)
    reused: int
    contribution: ContributionAuCommun | None = None  # the rule of the working tree, if any


def source_hash(path: str, data: bytes) -> str:
    return hashlib.sha256(path.encode("utf-8") + b"\0" + data).hexdigest()


def parse_records(files: Mapping[str, bytes]) -> tuple[list[ParsedRecord], list[str]]:
    """The records of ``files`` and the paths that do not hold a valid one."""
    parsed: list[ParsedRecord] = []
    invalid: list[str] = []
    for path in sorted(files):
        document, _ = load_yaml(path, files[path])
        try:
            record = Deploiement.model_validate(document.value if document else None)
        except ValidationError:
            invalid.append(path)
            continue
        parsed.append(ParsedRecord(path, source_hash(path, files[path]), record))
    return parsed, invalid


def record_files(root: Path) -> dict[str, bytes]:
    sources = whole_repository(root).sources
    return {p: b for p, b in sources.items() if is_deployment_path(p)}


def load_records(files: Mapping[str, bytes], cache: Path | None
                 ) -> tuple[dict[str, pa.Table], int, int]:
    """The record tables of ``files``: rows of unchanged files from ``cache`` (when given),
    the others parsed now; the cache is then rewritten. (tables, parsed, reused)."""
    hashes = {source_hash(p, b): p for p, b in files.items()}
    cached = read_tables(cache, RECORD_SCHEMAS) if cache is not None else None
    kept = keep_unchanged(cached, frozenset(hashes)) if cached is not None else {}
    known = set(kept["deployments"].column("source_hash").to_pylist()) if kept else set()
    todo = {hashes[h]: files[hashes[h]] for h in hashes if h not in known}
    parsed, invalid = parse_records(todo)
    if invalid:
        listed = ", ".join(invalid[:5]) + (" …" if len(invalid) > 5 else "")
        invalid_records = count(len(invalid), "fiche de déploiement invalide",
                                "fiches de déploiement invalides")
        raise BouquetError(f"{invalid_records} : {listed}",
                           hint="Lancez « bouquet validate » et corrigez les erreurs signalées.")
    tables = concat([kept, record_tables(parsed)] if kept else [record_tables(parsed)])
    if cache is not None and parsed:
        write_tables(cache, tables)
    return tables, len(parsed), len(known)


def release_modules(root: Path) -> tuple[ReleaseModules, ...]:
    """Every final release ``vX.Y.Z`` with its day and its modules' statut (none outside
    git)."""
    try:
        repository = Repository(root)
    except BouquetError:
        return ()
    found = []
    finals = [t for t in repository.release_tags() if t.is_final]
    for order, tag in enumerate(finals):
        released = repository.commit_date(tag.commit).date()
        catalogue, _ = build_catalogue(repository.read_tree(tag.commit, RELEASE_PREFIXES),
                                       today=released)
        modules = tuple(sorted((m.id, m.statut.value) for m in catalogue.modules.values()))
        found.append(ReleaseModules(order, str(tag.version), released, modules))
    return tuple(found)


def read_inputs(root: Path, *, use_cache: bool = True) -> Inputs:
    try:
        geography = parse_cog(read_bytes(root, COG_FILE))
    except OSError:
        raise BouquetError(f"référentiel géographique « {COG_FILE} » introuvable",
                           hint="Lancez la commande dans une copie complète du dépôt.") from None
    files = record_files(root) if (root / DEPLOYMENTS_DIR).is_dir() else {}
    tables, parsed, reused = load_records(files, root / CACHE_DIR if use_cache else None)
    return Inputs(tables, geography, release_modules(root), parsed, reused,
                  _contribution(root))


def _contribution(root: Path) -> ContributionAuCommun | None:
    """``governance/contribution-au-commun.yaml``, or None when it is absent (an invalid
    rule is an error: ``bouquet validate`` says where)."""
    try:
        data = read_bytes(root, CONTRIBUTION_PATH)
    except OSError:
        return None
    return read_contribution(data)
