"""CHANGELOG.md sections (pure): Keep a Changelog form, read back by a changelog parser."""

from __future__ import annotations

import datetime as dt

import keepachangelog

from bouquet.release.changelog import PREAMBLE, prepend, section
from bouquet.versioning.changes import Scope
from bouquet.versioning.notes import Group, Notes, Section
from bouquet.versioning.rules import Bump, Kind


def notes(version: str = "1.1.0", name: str = "Bouquet 2026-T4",
          approval: tuple[str, str] | None = ("approbation-v1-1-0", "a" * 40)) -> Notes:
    return Notes(
        version=version, previous="1.0.0", quarter=name, date=dt.date(2026, 11, 29),
        bump=Bump.MINOR, blocking=(), credits=(("Cartographie", ("Camille",)),),
        contributors=("Camille",), approval=approval,
        sections=(
            Section(Kind.AJOUTE, (Group(Scope.MODULE, "cartographie", "Cartographie",
                                        ("Nouveau module.", "# pas un titre")),)),
            Section(Kind.CORRIGE, (Group(Scope.VOCABULAIRE, "vocabulaires", "Vocabulaires",
                                         ("Vocabulaire « Familles » : définition corrigée.",)),)),
        ),
    )


def test_section_heading_is_bare_and_no_heading_is_deeper_than_the_kinds() -> None:
    text = section("1.1.0", "2026-11-29", notes())
    assert text.startswith("## [1.1.0] - 2026-11-29\n\n**Bouquet 2026-T4**. Version du")
    assert "\n### Ajouté\n" in text and "\n### Corrigé\n" in text
    assert "####" not in text
    assert "\n- Cartographie\u202f: Nouveau module.\n" in text
    assert "\n- Cartographie\u202f: \\# pas un titre\n" in text


def test_section_names_the_approving_decision_and_its_minutes() -> None:
    text = section("1.1.0", "2026-11-29", notes())
    assert "décision «\u00a0approbation-v1-1-0\u00a0»" in text and "`aaaaaaaaaaaa`" in text
    assert "`governance/decisions/approbation-v1-1-0/proces-verbal.md`" in text
    assert "Approuvée" not in section("1.1.0-rc.1", "2026-11-20", notes(approval=None))


def test_a_changelog_parser_reads_every_release() -> None:
    first = prepend(None, section("1.0.0", "2026-08-01", notes("1.0.0", "Bouquet 2026-T3")))
    second = prepend(first, section("1.1.0", "2026-11-29", notes()))
    third = prepend(second, section("1.2.0", "2026-12-15", notes("1.2.0", "Bouquet 2026-T4 (2)")))
    parsed = keepachangelog.to_dict(third.splitlines())
    assert list(parsed) == ["1.2.0", "1.1.0", "1.0.0"]
    release = parsed["1.1.0"]
    assert release["metadata"]["release_date"] == "2026-11-29"
    assert release["metadata"]["semantic_version"]["minor"] == 1
    assert release["ajouté"] == ["Cartographie\u202f: Nouveau module.",
                                 "Cartographie\u202f: \\# pas un titre"]
    assert release["corrigé"] == ["Vocabulaire «\u00a0Familles\u00a0»\u202f: définition corrigée."]
    assert set(release) == {"metadata", "uncategorized", "ajouté", "corrigé"}
    assert any("Bouquet 2026-T4 (2)" in line for line in parsed["1.2.0"]["uncategorized"])


def test_prepend_creates_the_file_then_puts_newest_first() -> None:
    first = prepend(None, section("1.0.0", "2026-08-01", notes("1.0.0", "Bouquet 2026-T3")))
    assert first.startswith(PREAMBLE)
    second = prepend(first, section("1.1.0", "2026-11-29", notes()))
    assert second.startswith(PREAMBLE)
    assert second.index("## [1.1.0]") < second.index("## [1.0.0]")
    assert second.count("# Journal des modifications") == 1
