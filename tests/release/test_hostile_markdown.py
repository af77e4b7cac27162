"""Free text cannot forge Markdown (issue 11, item 6): a title or an objection motif placed
in the minutes, the notes, CHANGELOG.md or a tag message opens no heading, list, link or
HTML, and breaks no line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bouquet.diagnostics.printable import markdown_code, markdown_inline
from releasekit import bouquet, contributed_repo
from repo import git

HOSTILE_TITLE = "Atelier <script>alert(1)</script> [clic](javascript:alert(1)) **gras**"


def test_markdown_inline_neutralises_every_construct() -> None:
    assert markdown_inline("a\n## Résultat\n**adoptée**") == "a ## Résultat \\*\\*adoptée\\*\\*"
    assert markdown_inline("# titre") == "\\# titre"
    assert markdown_inline("- point") == "\\- point"
    assert markdown_inline("1. point") == "1\\. point"
    assert markdown_inline("> cité") == "\\> cité"
    assert markdown_inline("<b>&amp;") == "\\<b>\\&amp;"
    assert markdown_inline("[a](javascript:x)") == "\\[a\\](javascript:x)"
    assert markdown_inline("a | b") == "a \\| b"
    assert markdown_inline("\x1b[2J") == "\\\\u001b\\[2J"
    assert markdown_inline("Atelier d'inclusion (ANCT) : 2/3 > 1/2 !") == (
        "Atelier d'inclusion (ANCT) : 2/3 > 1/2 !")
    assert markdown_code("cartographie") == "`cartographie`"
    assert markdown_code("a`b\nc") == "« a\\`b c »"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = contributed_repo(tmp_path / "depot", titre=HOSTILE_TITLE)
    monkeypatch.chdir(root)
    return root


def test_a_hostile_title_stays_text_in_the_changelog_and_the_tag(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bouquet(repo, "release", "--pre-release", "rc", "--date", "2026-11-20") == 0
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    tag = git(repo, "tag", "-l", "--format=%(contents)", "v1.0.0-rc.1")
    for text in (changelog, tag):
        assert not re.search(r"(?<!\\)<script>", text)
        assert not re.search(r"(?<!\\)\]\(javascript:", text)
        assert "\\<script>" in text and "\\[clic\\](javascript:alert(1))" in text
        assert "**gras**" not in text
