"""Licences are declared per path in REUSE form, and the `reuse` tool agrees."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from repo import REPO as ROOT


def test_license_file_is_the_eupl_text() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("European Union Public Licence\nV. 1.2\n")
    assert licence == (ROOT / "LICENSES" / "EUPL-1.2.txt").read_text(encoding="utf-8")
    cc = (ROOT / "LICENSES" / "CC-BY-SA-4.0.txt").read_text(encoding="utf-8")
    assert cc.startswith("Attribution-ShareAlike 4.0 International")


def test_reuse_toml_puts_content_under_cc_by_sa() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    by_licence = {a["SPDX-License-Identifier"]: a["path"] for a in config["annotations"]}
    for content in ("modules/**", "schema/vocabulaires/**", "governance/**", "docs/**",
                    "CHANGELOG.md", "releases/**"):
        assert content in by_licence["CC-BY-SA-4.0"]
    for tooling in ("tools/**", "tests/**", "bench/**", ".github/**"):
        assert tooling in by_licence["EUPL-1.2"]
    # The last matching annotation wins: the default (tooling) must come first.
    assert config["annotations"][0]["SPDX-License-Identifier"] == "EUPL-1.2"


@pytest.mark.skipif(importlib.util.find_spec("reuse") is None, reason="reuse non installé")
def test_reuse_lint_passes_on_the_repository() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("pas un dépôt git")
    result = subprocess.run(
        [sys.executable, "-m", "reuse", "--root", str(ROOT), "lint"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _declared_licence(path: str) -> str:
    """The licence REUSE.toml gives ``path`` (the last matching annotation wins)."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    licence = ""
    for annotation in config["annotations"]:
        patterns = annotation["path"]
        patterns = [patterns] if isinstance(patterns, str) else patterns
        if any(fnmatch.fnmatchcase(path, p) for p in patterns):
            licence = annotation["SPDX-License-Identifier"]
    return licence


def test_each_module_declares_the_licence_reuse_gives_its_folder() -> None:

    import yaml

    vocabulary = ROOT / "schema" / "vocabulaires" / "licences.yaml"
    if not vocabulary.is_file() or not (ROOT / "modules").is_dir():
        pytest.skip("pas encore de modules ou de vocabulaire des licences")
    values = yaml.safe_load(vocabulary.read_text(encoding="utf-8"))["valeurs"]
    spdx = {v["id"]: _spdx(v["definition"]) for v in values}
    for path in sorted((ROOT / "modules").glob("*/module.yaml")):
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        relative = path.relative_to(ROOT).as_posix()
        assert spdx[module["licence"]] == _declared_licence(relative), (
            f"{relative} déclare « {module['licence']} » : ajoutez une annotation pour "
            f"modules/{module['id']}/** dans REUSE.toml avec cette licence (et son texte "
            "dans LICENSES/), ou corrigez le champ licence."
        )


def _spdx(definition: str) -> str:
    found = re.search(r"SPDX ([A-Za-z0-9.-]+)\)", definition)
    assert found is not None, f"pas d'identifiant SPDX dans « {definition} »"
    return str(found.group(1))
