"""`bouquet codeowners`: CODEOWNERS written from the modules' maintainers, and its check."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.generated.codeowners import DEFAULT_OWNER, render_codeowners
from releasekit import init_repo, write_module
from repo import REPO as ROOT


def test_render_is_sorted_deduplicated_and_starts_with_the_default_owner() -> None:
    text = render_codeowners({"zeta": ["@b", "@a", "@b"], "alpha": ["@org/equipe"]})
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == [f"* {DEFAULT_OWNER}", "/modules/alpha/ @org/equipe", "/modules/zeta/ @b @a"]
    assert render_codeowners({"alpha": ["@org/equipe"], "zeta": ["@b", "@a"]}) == text


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = init_repo(tmp_path / "depot")
    write_module(root, "diagnostic-territorial", mainteneurs=["@hub-a", "@hub-b"])
    write_module(root, "cartographie", mainteneurs=["@hub-c"])
    monkeypatch.chdir(root)
    return root


def test_writes_then_check_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codeowners", "--check"]) == 1
    err = capsys.readouterr().err
    assert "n'est pas à jour" in err and "bouquet codeowners" in err
    assert not (repo / ".github" / "CODEOWNERS").exists()

    assert main(["codeowners"]) == 0
    text = (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/modules/cartographie/ @hub-c\n/modules/diagnostic-territorial/ @hub-a @hub-b\n" in text
    assert main(["codeowners", "--check"]) == 0
    # Deterministic: a second run changes nothing.
    assert main(["codeowners"]) == 0
    assert (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == text


def test_check_fails_when_a_maintainer_changes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["codeowners"]) == 0
    before = (repo / ".github" / "CODEOWNERS").read_bytes()
    write_module(repo, "cartographie", mainteneurs=["@hub-d"])
    assert main(["codeowners", "--check"]) == 1
    err = capsys.readouterr().err
    assert "+/modules/cartographie/ @hub-d" in err
    assert (repo / ".github" / "CODEOWNERS").read_bytes() == before


def test_invalid_module_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "modules" / "cartographie" / "module.yaml").write_text("id: [\n", encoding="utf-8")
    assert main(["codeowners"]) == 1
    assert "bouquet validate" in capsys.readouterr().err




def test_the_repositorys_codeowners_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    if not (ROOT / "modules").is_dir():
        pytest.skip("pas encore de modules dans le dépôt")
    code = main(["codeowners", "--check", "-C", str(ROOT)])
    assert code == 0, capsys.readouterr().err
