"""A real temporary git repository with two catalogue releases, for deployment records.

``v1.0.0`` (committed on 10 January 2025) publishes diagnostic-territorial and
formation-aidants-numeriques (valide) and appui-mediateurs (experimentation), with
suivi-evaluation as a draft; ``v1.1.0`` (20 August 2025) adds cartographie-lieux (valide).
Records are copied into ``deploiements/`` of the working tree, uncommitted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from repo import TESTS, GitRepo

FIXTURES = TESTS / "fixtures" / "deployments"
CATALOGUE = FIXTURES / "catalogue"
HAND = FIXTURES / "hand"
HOSTILE = FIXTURES / "hostile"
RELEASES = (("v1.0.0", "2025-01-10T10:00:00+01:00"), ("v1.1.0", "2025-08-20T10:00:00+02:00"))


def build_catalogue_repo(root: Path) -> Path:
    """The repository with its two releases and no deployment record."""
    repo = GitRepo(root)
    repo.copy_from_checkout("schema/vocabulaires", "schema/references")
    repo.copy(CATALOGUE / "governance", "governance")
    for tag, date in RELEASES:
        repo.copy(CATALOGUE / tag / "modules", "modules")
        repo.commit(f"Publication {tag}", date=date)
        repo.tag(tag, date=date)
    return root


def add_records(root: Path, source: Path) -> list[str]:
    """Copy the ``<hub>/<id>.yaml`` files of ``source`` under ``deploiements/``."""
    paths = []
    for item in sorted(source.rglob("*.yaml")):
        rel = item.relative_to(source).as_posix()
        target = root / "deploiements" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item, target)
        paths.append(f"deploiements/{rel}")
    return paths
