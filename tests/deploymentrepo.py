"""A real temporary git repository with two catalogue releases, for deployment records.

``v1.0.0`` (committed on 10 January 2025) publishes diagnostic-territorial and
formation-aidants-numeriques (valide) and appui-mediateurs (experimentation), with
suivi-evaluation as a draft; ``v1.1.0`` (20 August 2025) adds cartographie-lieux (valide).
Records are copied into ``deploiements/`` of the working tree, uncommitted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "deployments" / "fixtures"
CATALOGUE = FIXTURES / "catalogue"
HAND = FIXTURES / "hand"
HOSTILE = FIXTURES / "hostile"
RELEASES = (("v1.0.0", "2025-01-10T10:00:00+01:00"), ("v1.1.0", "2025-08-20T10:00:00+02:00"))


def git(root: Path, *args: str, date: str = "2026-11-01T10:00:00+01:00") -> str:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(root),
           "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Alice Martin", "GIT_AUTHOR_EMAIL": "alice@example.org",
           "GIT_COMMITTER_NAME": "Alice Martin", "GIT_COMMITTER_EMAIL": "alice@example.org"}
    proc = subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True)
    return proc.stdout


def build_catalogue_repo(root: Path) -> Path:
    """The repository with its two releases and no deployment record."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "schema" / "vocabulaires", root / "schema" / "vocabulaires")
    shutil.copytree(REPO / "schema" / "references", root / "schema" / "references")
    shutil.copytree(CATALOGUE / "governance", root / "governance")
    git(root, "init", "-q", "-b", "main")
    for tag, date in RELEASES:
        shutil.copytree(CATALOGUE / tag / "modules", root / "modules", dirs_exist_ok=True)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Publication {tag}", date=date)
        git(root, "tag", tag, date=date)
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
