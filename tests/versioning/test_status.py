from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main

from .gitutil import BASE, MODULE, MODULE_PATH, GitRepo


def _status(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["status", "-C", str(path), *args])
    return code, capsys.readouterr().out


def test_status_of_a_released_catalogue(repo: GitRepo,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    text = repo.read(MODULE_PATH)
    repo.write(MODULE_PATH, text.replace("min: 4000", "min: 4500"))
    repo.commit("Prix")
    code, out = _status(repo.path, capsys)
    assert code == 0
    assert "Modules\u202f: 1 (1 validé)" in out
    assert "Diagnostic & stratégie\u202f: 1" in out
    assert "Validation\u202f: conforme." in out
    assert "Version actuelle\u202f: 1.0.0" in out
    assert "Prochaine version\u202f: 1.1.0 (évolution mineure" in out
    code, out = _status(repo.path, capsys, "--format", "json")
    data = json.loads(out)
    assert data["version"]["next"] == "1.1.0"
    assert data["modules"]["by_statut"]["valide"] == 1


def test_status_without_commits_or_tags(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(tmp_path / "neuf")
    repo.copy(BASE)
    repo.copy(MODULE)
    code, out = _status(repo.path, capsys)
    assert code == 0
    assert "aucun commit" in out and "Modules\u202f: 1" in out
    repo.commit("Premier commit")
    code, out = _status(repo.path, capsys)
    assert "Version actuelle\u202f: aucune" in out and "1.0.0" in out


def test_status_outside_git_and_in_a_shallow_clone(
    repo: GitRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "-C", str(tmp_path)]) == 2  # no catalogue here: a usage error
    assert "lancez la commande dans votre copie du dépôt" in capsys.readouterr().err
    (tmp_path / "modules").mkdir()  # a catalogue folder, outside git
    _, out = _status(tmp_path, capsys)
    assert "pas un dépôt git" in out
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.commit("Après la version")
    clone = tmp_path / "clone"
    repo.clone(clone, "--depth", "1")
    _, out = _status(clone, capsys)
    assert "git fetch --tags --unshallow" in out
    assert "non calculée\u202f: ce clone est superficiel" in out


def test_status_says_the_version_is_uncertain_when_committed_content_has_errors(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    code, out = _status(repo.path, capsys)
    assert "incertaine" not in out
    repo.write(MODULE_PATH, repo.read(MODULE_PATH).replace("statut: valide", "statut: valid"))
    repo.commit("Statut mal orthographié")
    code, out = _status(repo.path, capsys)
    assert code == 1
    assert "Version incertaine\u202f: le contenu commité a 1\u00a0erreur" in out \
        or "Version incertaine\u202f: le contenu commité a 1 erreur" in out
