from __future__ import annotations

from pathlib import Path

import pytest
from siterepo import CONFIG, make_repo

from bouquet.site.build import build_site
from repo import GitRepo


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, Path]:
    """One repository with three releases and a preview, built once for the session."""
    root = tmp_path_factory.mktemp("site")
    repo = make_repo(root / "depot")
    out = root / "_site"
    build_site(repo.path, out, CONFIG)
    return repo, out


@pytest.fixture(scope="session")
def site(built: tuple[GitRepo, Path]) -> Path:
    return built[1]
