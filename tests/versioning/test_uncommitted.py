"""`bouquet version` and `bouquet notes` say when modules have uncommitted edits, and count
them on request (``--inclure-non-commite``)."""

from __future__ import annotations

import json

import pytest

from bouquet.cli import main

from .gitutil import MODULE_PATH, GitRepo


def edit_price_without_commit(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    text = repo.read(MODULE_PATH)
    repo.write(MODULE_PATH, text.replace("min: 4000, max: 6000", "min: 4500, max: 6000"))


@pytest.mark.parametrize("command", ["version", "notes"])
def test_uncommitted_edits_are_announced(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    edit_price_without_commit(repo)
    assert main([command, "-C", str(repo.path)]) == 0
    captured = capsys.readouterr()
    assert "ne sont pas encore validées (git commit)" in captured.err
    assert "--inclure-non-commite" in captured.err


def test_version_includes_the_working_tree_on_request(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_price_without_commit(repo)
    assert main(["version", "-C", str(repo.path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []
    assert main(["version", "-C", str(repo.path), "--inclure-non-commite",
                 "--format", "json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [c["rule"] for c in report["changes"]] == ["tiroir-prix-modifie"]
    assert report["next"] != "1.0.0" and report["to"] == "le dossier de travail"
    assert "pas encore validées" not in captured.err


def test_notes_include_the_working_tree_on_request(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_price_without_commit(repo)
    assert main(["notes", "-C", str(repo.path), "--inclure-non-commite"]) == 0
    assert "4\u202f500" in capsys.readouterr().out


def test_a_clean_tree_gives_no_warning(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    assert main(["version", "-C", str(repo.path)]) == 0
    assert capsys.readouterr().err == ""


def test_working_tree_does_not_combine_with_to(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["version", "-C", str(repo.path), "--inclure-non-commite", "--to", "HEAD~0"]) == 2
    assert "--inclure-non-commite" in capsys.readouterr().err


def test_wording_without_jargon(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    assert main(["notes", "-C", str(repo.path)]) == 0
    out = capsys.readouterr().out
    assert "Aucune évolution depuis la version 1.0.0" in out
    assert "depuis la version 1.0.0\u202f: aucune évolution" not in out
    edit_price_without_commit_after_tag(repo)
    main(["status", "-C", str(repo.path)])
    out = capsys.readouterr().out
    assert "pas encore validées (git commit)" in out and "commitées" not in out


def edit_price_without_commit_after_tag(repo: GitRepo) -> None:
    text = repo.read(MODULE_PATH)
    repo.write(MODULE_PATH, text.replace("min: 4000, max: 6000", "min: 4500, max: 6000"))
