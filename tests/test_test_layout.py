"""The tests' own floor plan (docs/architecture.md, « Les tests »).

- the test folders mirror the package: each folder of ``tests/`` is named after a floor of
  ``tools/bouquet/``, except the few named in ``OUTSIDE_THE_PACKAGE``;
- one helper, ``tests/repo.py``, runs git for every test: no other test file starts git
  itself (``subprocess`` with ``"git"`` as the program).
"""

from __future__ import annotations

import ast

import pytest

from repo import REPO, TESTS

PACKAGE = REPO / "tools" / "bouquet"
OUTSIDE_THE_PACKAGE = {
    "bench": "les essais rapides des mesures de bench/",
    "fixtures": "les données d'essai partagées",
    "tooling": "les fichiers du dépôt lui-même : CI, crochets pre-commit, licences",
}
RUNNERS = {"run", "Popen", "check_output", "check_call", "call"}


def folders_of_tests() -> list[str]:
    return sorted(p.name for p in TESTS.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")))


def floors() -> set[str]:
    return {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_the_test_folders_mirror_the_package() -> None:
    strays = [name for name in folders_of_tests()
              if name not in floors() and name not in OUTSIDE_THE_PACKAGE]
    assert strays == [], f"dossiers de tests sans étage correspondant dans tools/bouquet : {strays}"


def starts_git(source: str) -> list[int]:
    """Lines where ``subprocess.<runner>(["git", …])`` is called."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in RUNNERS and node.args):
            continue
        argv = node.args[0]
        if (isinstance(argv, ast.List) and argv.elts and isinstance(argv.elts[0], ast.Constant)
                and argv.elts[0].value == "git"):
            lines.append(node.lineno)
    return lines


def test_only_the_repository_helper_starts_git() -> None:
    found = {path.relative_to(TESTS).as_posix(): lines
             for path in sorted(TESTS.rglob("*.py"))
             if path != TESTS / "repo.py"
             and (lines := starts_git(path.read_text(encoding="utf-8")))}
    assert found == {}, f"git lancé hors de tests/repo.py : {found}"


@pytest.mark.parametrize(("source", "expected"), [
    ('import subprocess\nsubprocess.run(["git", "init"], check=True)\n', [2]),
    ('import subprocess\nsubprocess.check_output(["git", "log"])\n', [2]),
    ('import subprocess\nsubprocess.run(["ssh-keygen", "-q"])\n', []),
])
def test_the_probe_sees_git_started_by_hand(source: str, expected: list[int]) -> None:
    assert starts_git(source) == expected


def test_the_folder_rule_would_catch_a_stray() -> None:
    assert "validate" not in floors() and "validate" not in OUTSIDE_THE_PACKAGE
    assert set(OUTSIDE_THE_PACKAGE).isdisjoint(floors())
    assert {"validation", "site", "governance", "release"} <= floors()
