"""Odd decision folder names (issue 11, item 7) get a located error in ``vote tally`` and
``release --dry-run``, exit 1 or 2, never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from releasekit import (
    bouquet,
    bouquet_vote,
    commit_all,
    contributed_repo,
)

NAMES = ["2026-12-tes?", "2026-12-a\nb", "2026-12-\x1b[2J"]


def _repo(tmp_path: Path, name: str) -> Path:
    root = contributed_repo(tmp_path / "depot")
    folder = root / "governance" / "decisions" / name
    folder.mkdir(parents=True)
    (folder / "decision.yaml").write_text(
        "id: 2026-12-test\ninstance: comite-du-commun\nobjet: Approuver\nmethode: majorite\n"
        "statut: ouverte\npublication: v1.0.0\n", encoding="utf-8")
    commit_all(root, "Une décision au nom étrange")
    return root


@pytest.mark.parametrize("name", NAMES)
def test_tally_and_release_locate_an_odd_decision_folder(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo(tmp_path, name)
    monkeypatch.chdir(root)
    code = bouquet_vote(root, "tally", str(root / "governance" / "decisions" / name))
    err = capsys.readouterr().err
    assert code in (1, 2) and "erreur interne" not in err
    assert "nom de dossier de décision invalide" in err
    assert "\x1b" not in err and "decision.yaml:1:1" in err
    code = bouquet(root, "release", "--dry-run")
    captured = capsys.readouterr()
    assert code == 1 and "erreur interne" not in captured.err
    assert "nom de dossier de décision invalide" in captured.out + captured.err
    assert "\x1b" not in captured.out + captured.err
