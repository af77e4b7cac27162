from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.site.build import build_site
from bouquet.site.records import SiteConfig
from publication.siterepo import SiteRepo, make_repo

CONFIG = SiteConfig(base_url="https://exemple.org/bouquet/",
                    depot_url="https://forge.exemple.org/hubs/bouquet")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteRepo, Path]:
    """One repository with three releases and a preview, built once for the session."""
    root = tmp_path_factory.mktemp("site")
    repo = make_repo(root / "depot")
    out = root / "_site"
    build_site(repo.path, out, CONFIG)
    return repo, out


@pytest.fixture(scope="session")
def site(built: tuple[SiteRepo, Path]) -> Path:
    return built[1]
