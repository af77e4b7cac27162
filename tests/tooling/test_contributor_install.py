"""Contributing content needs pre-commit alone: the ``contribuer`` extra, and hooks that on
content files run nothing but ``bouquet``."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest
import yaml

from repo import REPO

CONTENT_FILES = ("modules/atelier/module.yaml", "schema/vocabulaires/familles.yaml",
                 "governance/decisions/2026-11-adoption-charte/bulletins/hub-test.yaml",
                 "modules/atelier/ressources/trame.odt")


def extras() -> dict[str, list[str]]:
    project: dict[str, Any] = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    found: dict[str, list[str]] = project["project"]["optional-dependencies"]
    return found


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[ ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_contributor_extra_is_pre_commit_alone() -> None:
    assert names(extras()["contribuer"]) == {"pre-commit"}
    assert "pytest" not in names(extras()["contribuer"])


def runs_on(hook: dict[str, Any], path: str) -> bool:
    # identify's tags of these files (pre-commit's own classification)
    tags = {"file", "text", "yaml"} if path.endswith(".yaml") else {"file", "binary"}
    if not re.search(hook.get("files", ""), path):
        return False
    if hook.get("exclude") and re.search(hook["exclude"], path):
        return False
    types_or = set(hook.get("types_or", []))
    return (not types_or or bool(types_or & tags)) and set(hook.get("types", [])) <= tags


@pytest.mark.parametrize("path", CONTENT_FILES)
def test_content_files_only_run_bouquet(path: str) -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] for h in repo["hooks"]]
    entries = [h["entry"].split()[0] for h in hooks if runs_on(h, path)]
    assert set(entries) <= {".venv/bin/bouquet"}, path


def test_contributing_installs_the_light_extra() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "pip install -q -e '.[contribuer]'" in text
