"""CHANGELOG.md sections (pure)."""

from __future__ import annotations

from bouquet.release.changelog import PREAMBLE, prepend, section

NOTES = (
    "# Bouquet 2026-T4 — version 1.1.0\n\nPublié le 29 novembre 2026.\n\n"
    "## Ajouté\n\n### Cartographie\n\n- Nouveau module.\n\n```\n# pas un titre\n```\n"
)


def test_section_uses_keep_a_changelog_heading_and_demotes_the_notes() -> None:
    text = section("1.1.0", "2026-11-29", "Bouquet 2026-T4", NOTES)
    assert text.startswith("## [1.1.0] - 2026-11-29 (Bouquet 2026-T4)\n\nPublié le")
    assert "\n### Ajouté\n" in text and "\n#### Cartographie\n" in text
    assert "\n# pas un titre\n" in text
    assert "Bouquet 2026-T4 — version" not in text


def test_prepend_creates_the_file_then_puts_newest_first() -> None:
    first = prepend(None, section("1.0.0", "2026-08-01", "Bouquet 2026-T3", "## Ajouté\n\n- a\n"))
    assert first.startswith(PREAMBLE)
    second = prepend(first, section("1.1.0", "2026-11-29", "Bouquet 2026-T4", NOTES))
    assert second.startswith(PREAMBLE)
    assert second.index("## [1.1.0]") < second.index("## [1.0.0]")
    assert second.count("# Journal des modifications") == 1
