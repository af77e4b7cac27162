"""--from and --to must go forward in history: a reversed range is a usage error, a range
between diverging branches is computed with a warning."""

from __future__ import annotations

import pytest

from bouquet.cli import main

from .gitutil import MODULE_PATH, GitRepo


def test_reversed_range_is_a_usage_error(repo: GitRepo,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.write(MODULE_PATH, repo.read(MODULE_PATH).replace("min: 4000", "min: 4500"))
    repo.commit("Prix")
    repo.tag("v1.1.0", "Version 1.1.0")
    for command in ("version", "notes"):
        assert main([command, "-C", str(repo.path), "--from", "v1.1.0", "--to", "v1.0.0"]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "inversez les deux révisions" in captured.err
    assert main(["version", "-C", str(repo.path), "--from", "v1.0.0", "--to", "v1.1.0"]) == 0
    assert "inversez" not in capsys.readouterr().err


def test_diverging_branches_are_compared_with_a_warning(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.git("switch", "-q", "-c", "autre")
    repo.write(MODULE_PATH, repo.read(MODULE_PATH).replace("min: 4000", "min: 4500"))
    repo.commit("Prix sur une branche")
    repo.git("switch", "-q", "-")
    repo.write(MODULE_PATH, repo.read(MODULE_PATH).replace("min: 4000", "min: 4200"))
    repo.commit("Autre prix")
    assert main(["version", "-C", str(repo.path), "--from", "autre", "--to", "HEAD"]) == 0
    assert "branches divergentes" in capsys.readouterr().err
