"""Shared fixtures: the hand-computed repository and one throwaway PostgreSQL server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deploymentrepo import FIXTURES, HAND, add_records, build_catalogue_repo
from pgserver import binaries, postgres_server


@pytest.fixture(scope="session")
def hand_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_catalogue_repo(tmp_path_factory.mktemp("hand") / "depot")
    add_records(root, HAND)
    return root


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FIXTURES / "hand-expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    if binaries() is None:
        pytest.fail("PostgreSQL (initdb, pg_ctl) introuvable : .ci/run l'installe")
    with postgres_server() as url:
        yield url
