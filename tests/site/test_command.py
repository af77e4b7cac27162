"""`bouquet site` as a command: its options, French usage errors, its report."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import main
from repo import GitRepo


def test_outside_a_repository_is_a_usage_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", "-C", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "dépôt git" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_base_url_must_be_an_address(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(tmp_path / "depot")
    repo.write("README.md", "dépôt\n")
    repo.commit("Premier commit")
    assert main(["site", "-C", str(repo.path), "--base-url", "exemple.org"]) == 2
    assert "https://" in capsys.readouterr().err


def test_the_command_builds_with_the_settings_of_pyproject(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(tmp_path / "depot")
    repo.write("pyproject.toml", '[tool.bouquet.site]\ndepot-url = "https://forge.test/h/b"\n'
               'base-url = "https://hubs.test/"\n')
    repo.write("modules/.gitkeep", "")
    repo.commit("Premier commit")
    out = tmp_path / "public"
    assert main(["site", "-C", str(repo.path), "--out", str(out), "--sans-fiches"]) == 0
    assert "Site construit" in capsys.readouterr().out
    assert "https://forge.test/h/b" in (out / "contribuer/index.html").read_text("utf-8")
    assert '"url": "https://hubs.test/prochaine/"' in (out / "versions.json").read_text("utf-8")


def test_it_never_replaces_a_folder_it_did_not_build(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(tmp_path / "depot")
    repo.write("modules/.gitkeep", "")
    repo.commit("Premier commit")
    mine = tmp_path / "mes-documents"
    mine.mkdir()
    (mine / "lettre.txt").write_text("à garder\n", encoding="utf-8")
    assert main(["site", "-C", str(repo.path), "--out", str(mine)]) == 2
    assert "n'est pas vide" in capsys.readouterr().err
    assert (mine / "lettre.txt").read_text(encoding="utf-8") == "à garder\n"
    assert main(["site", "-C", str(repo.path), "--out", str(repo.path)]) == 2
    assert "contient le dépôt" in capsys.readouterr().err
    assert (repo.path / "modules/.gitkeep").is_file()
