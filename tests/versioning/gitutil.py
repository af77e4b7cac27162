"""The versioning tests' catalogue: fixture trees committed into a :class:`repo.GitRepo`."""

from __future__ import annotations

from pathlib import Path

from repo import GitRepo

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "_base"  # vocabularies
MODULE = FIXTURES / "_module"  # one published module
MODULE_PATH = "modules/diagnostic-territorial/module.yaml"

__all__ = ["BASE", "FIXTURES", "MODULE", "MODULE_PATH", "GitRepo", "base_repo", "clear"]


def clear(repo: GitRepo) -> None:
    """Remove every tracked file (the next copy describes the whole tree)."""
    for top in ("modules", "schema"):
        if (repo.path / top).exists():
            repo.remove(top)


def base_repo(path: Path) -> GitRepo:
    """A repository with the base vocabularies and module, committed."""
    repo = GitRepo(path)
    repo.copy(BASE)
    repo.copy(MODULE)
    repo.commit("Catalogue de départ")
    return repo
