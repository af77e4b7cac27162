"""Vocabulary correspondences are checked against the pinned national standards."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from data_inclusion.schema import v1

from bouquet.content.layout import VOCAB_DIR
from bouquet.content.standards import (
    DATA_INCLUSION_FILE,
    DATA_INCLUSION_VERSION,
    SMN_SCHEMA,
    parse_table_schema,
    pattern_values,
)
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.sources import check_sources

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 2)

VOCAB = """\
id: services_standard
titre: Services
description: Essai.
valeurs:
  - id: comprendre
    libelle: Compréhension du monde numérique
    definition: Essai.
    correspondances:
      standard_mediation_num:
        - {smn}
      data_inclusion:
        - {di}
"""


def _check(smn: str, di: str) -> list[Diagnostic]:
    sources = {f"{VOCAB_DIR}/services_standard.yaml": VOCAB.format(smn=smn, di=di).encode(),
               SMN_SCHEMA: (ROOT / SMN_SCHEMA).read_bytes(),
               DATA_INCLUSION_FILE: (ROOT / DATA_INCLUSION_FILE).read_bytes()}
    return [d for d in check_sources(sources, today=TODAY)[1] if d.code in ("BQ270", "BQ271")]


def test_exact_values_pass() -> None:
    assert _check("Compréhension du monde numérique",
                  "numerique--maitriser-les-fondamentaux-du-numerique") == []


def test_missing_accent_fails_at_its_line_with_the_closest_value() -> None:
    found = _check("Comprehension du monde numérique",
                   "numerique--maitriser-les-fondamentaux-du-numerique")
    assert [(d.code, d.line) for d in found] == [("BQ270", 10)]
    assert "« Compréhension du monde numérique »" in found[0].message


def test_v0_label_and_v0_thematique_fail() -> None:
    found = _check("Réaliser des démarches administratives avec un accompagnement",
                   "numerique--realiser-des-demarches-administratives-avec-un-accompagnement")
    assert [(d.code, d.line) for d in found] == [("BQ270", 10), ("BQ271", 12)]


def test_a_value_of_another_field_of_the_standard_fails() -> None:
    found = _check("Fixe", "numerique--maitriser-les-fondamentaux-du-numerique")
    assert [(d.code, d.line) for d in found] == [("BQ270", 10)]
    assert "(champ services)" in found[0].message


def test_every_real_correspondence_is_in_the_pinned_standards() -> None:
    sources = {p.relative_to(ROOT).as_posix(): p.read_bytes()
               for p in sorted((ROOT / VOCAB_DIR).glob("*.yaml"))}
    sources[SMN_SCHEMA] = (ROOT / SMN_SCHEMA).read_bytes()
    sources[DATA_INCLUSION_FILE] = (ROOT / DATA_INCLUSION_FILE).read_bytes()
    problems = [d for d in check_sources(sources, today=TODAY)[1] if d.code.startswith("BQ27")]
    assert problems == []


def test_vendored_standard_is_version_1_0_1_with_the_nine_services() -> None:
    standard = parse_table_schema((ROOT / SMN_SCHEMA).read_bytes())
    assert standard.version == "1.0.1"
    services = standard.controlled()["services"]
    assert len(services) == 9 and "Compréhension du monde numérique" in services
    assert "Relais numérique (Emmaüs Connect)" in standard.controlled()[
        "dispositif_programmes_nationaux"]


def test_pattern_values_unescape_parentheses_and_ignore_other_patterns() -> None:
    assert pattern_values(r"(?:(?:^|\|)(A \(b\)|C))+$") == ("A (b)", "C")
    assert pattern_values(r"^\d{5}$") == ()


def test_data_inclusion_snapshot_equals_the_installed_package() -> None:
    snapshot = json.loads((ROOT / DATA_INCLUSION_FILE).read_text(encoding="utf-8"))
    enums = {"thematiques": v1.Thematique, "publics": v1.Public,
             "reseaux_porteurs": v1.ReseauPorteur, "types": v1.TypeService,
             "frais": v1.Frais, "modes_accueil": v1.ModeAccueil}
    assert snapshot["version"] == DATA_INCLUSION_VERSION
    assert snapshot["referentiels"] == {k: sorted(e.value for e in enum)
                                        for k, enum in enums.items()}
