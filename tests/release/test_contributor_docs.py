"""The contributor, secretary and maintainer docs only show commands that really exist."""

from __future__ import annotations

import re
import shlex

import pytest

from bouquet.cli import build_parser
from bouquet.commands.parsing import UsageError
from repo import REPO as ROOT

PAGES = ("CONTRIBUTING.md", "docs/contribuer.md", "docs/secretariat.md", "docs/maintenance.md")


def commands(page: str) -> list[list[str]]:
    text = (ROOT / page).read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.split(r"\s+#\s|\s>\s|\s\|\s|\s&&\s", line.strip())[0]
            for prefix in (".venv/bin/bouquet ", "bouquet "):
                if line.startswith(prefix):
                    found.append(shlex.split(line[len(prefix):]))
    return found


CALLS = [(page, argv) for page in PAGES for argv in commands(page)]


def test_the_pages_show_the_main_commands() -> None:
    shown = {" ".join(argv[:2]) for _, argv in CALLS}
    for expected in ("new module", "vote new", "vote sign", "vote close", "vote tally",
                     "release --dry-run", "release --pre-release", "release --verify",
                     "codeowners", "validate"):
        assert any(s.startswith(expected) for s in shown), expected


@pytest.mark.parametrize(("page", "argv"), CALLS, ids=[f"{p}: {' '.join(a)}" for p, a in CALLS])
def test_every_documented_command_line_is_accepted(page: str, argv: list[str]) -> None:
    try:
        build_parser().parse_args(argv)
    except UsageError:
        pytest.fail(f"{page} : « bouquet {' '.join(argv)} » est refusée par l'outil")


def test_contributing_links_to_the_error_codes_and_the_other_pages() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in ("docs/erreurs.md", "docs/secretariat.md", "docs/maintenance.md",
                   "docs/contribuer.md", "docs/versionnage.md"):
        assert f"({target})" in text


def test_contributing_explains_every_step_of_the_ci() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    checks = [step["name"] for job in workflow["jobs"].values() for step in job["steps"]
              if any(tool in step.get("run", "")
                     for tool in ("bin/bouquet ", "reuse lint", "pytest"))]
    checks = [name for name in checks if not name.startswith("Installer")]
    missing = [name for name in checks if f"**{name}**" not in text]
    assert not missing, f"étapes de CI non expliquées dans CONTRIBUTING.md : {missing}"
