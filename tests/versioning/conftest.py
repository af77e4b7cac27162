from __future__ import annotations

from pathlib import Path

import pytest

from .gitutil import GitRepo, base_repo


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A repository holding the base vocabularies and one published module."""
    return base_repo(tmp_path / "depot")
