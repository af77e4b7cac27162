"""Every reader of a file applies the validator's limit (issue 11, items 11 and 12): a
committed decision far over 1 Mio is refused by ``release`` as by ``validate``, with its
real size, without being read whole."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bouquet.content.reading.loader import load_yaml
from bouquet.edges.git import Repository
from bouquet.edges.limits import MAX_BYTES, Capped, real_size
from bouquet.edges.worktree import read_bytes
from releasekit import bouquet, commit_all, contributed_repo

SIZE = 3 * MAX_BYTES


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = contributed_repo(tmp_path / "depot", titre="Cartographie")
    monkeypatch.chdir(root)
    return root


def _huge_decision(root: Path) -> str:
    folder = root / "governance" / "decisions" / "2026-12-enorme"
    folder.mkdir(parents=True)
    text = "instance: comite-du-commun\nobjet: x\n" + "# bourrage\n" * (SIZE // 11)
    (folder / "decision.yaml").write_text(text, encoding="utf-8")
    commit_all(root, "Une décision énorme")
    return "governance/decisions/2026-12-enorme/decision.yaml"


def test_a_huge_committed_decision_is_refused_by_release_with_its_size(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _huge_decision(repo)
    size = (repo / path).stat().st_size
    assert bouquet(repo, "release", "--dry-run", "--pre-release", "rc") == 1
    err = capsys.readouterr().err
    assert path in err and "BQ003" in err
    assert f"{size / MAX_BYTES:.1f}".replace(".", ",") + " Mio" in err


def test_git_and_the_working_tree_never_read_a_huge_file_whole(repo: Path) -> None:
    path = _huge_decision(repo)
    on_disk = read_bytes(repo, path)
    with Repository(repo) as git:
        in_git = git.read_files("HEAD", [path])[path]
    for data in (on_disk, in_git):
        assert isinstance(data, Capped) and len(data) <= MAX_BYTES + 1
        assert real_size(data) == (repo / path).stat().st_size
        _, found = load_yaml(path, data)
        assert [d.code for d in found] == ["BQ003"]
        assert "3,0 Mio" in found[0].message


def test_fifty_megabytes_are_reported_as_fifty(tmp_path: Path) -> None:
    big = tmp_path / "module.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * MAX_BYTES)
    _, found = load_yaml("module.yaml", read_bytes(tmp_path, "module.yaml"))
    assert "50,0 Mio" in found[0].message


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_is_named_utf32(codec: str) -> None:
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    _, found = load_yaml("f.yaml", bom + "a: 1\n".encode(codec))
    assert [d.code for d in found] == ["BQ006"]
    assert "UTF-32" in found[0].message
