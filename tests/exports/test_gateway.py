"""Gateways: a hub's YesWiki Bazar export becomes rows of standard-mediation-num 1.0.1 that
frictionless accepts against the vendored schema; a bad mapping is told at its line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from frictionless import Resource, Schema

from bouquet.cli import main
from bouquet.content.standards import SMN_SCHEMA
from repo import REPO

EXPORT = REPO / "tests/fixtures/passerelles/hinaura-export.json"


def _convert(source: Path, out: Path) -> int:
    return main(["passerelle", "hinaura", str(source), "--out", str(out), "-C", str(REPO)])


def test_hinaura_export_becomes_valid_rows_of_the_standard(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _convert(EXPORT, tmp_path / "lieux.csv") == 0
    assert "FicheIncomplete\xa0» laissée de côté" in capsys.readouterr().err
    schema = Schema.from_descriptor(json.loads((REPO / SMN_SCHEMA).read_text(encoding="utf-8")))
    report = Resource(path="lieux.csv", basepath=str(tmp_path), schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "lieux.csv").read_text("utf-8"))))
    assert [r["id"] for r in rows] == ["FranceServicesHautBugey", "MediathequeDesVolcans",
                                       "TiersLieuLaFabrique"]
    fabrique = rows[2]
    assert fabrique["telephone"] == "+33477000002"
    assert fabrique["latitude"] == "45.6075"
    assert fabrique["frais_a_charge"] == "Gratuit sous condition"
    assert fabrique["publics_specifiquement_adresses"] == "Jeunes|Familles et/ou enfants"
    assert "Acquisition de matériel informatique à prix solidaire" in fabrique["services"]


def test_conversion_is_byte_identical_and_reads_csv_too(tmp_path: Path) -> None:
    assert _convert(EXPORT, tmp_path / "a.csv") == 0
    assert _convert(EXPORT, tmp_path / "b.csv") == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    entries = json.loads(EXPORT.read_text(encoding="utf-8")).values()
    columns = sorted({k for e in entries for k in e})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: ",".join(v) if isinstance(v, list) else v for k, v in e.items()}
                     for e in entries)
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    assert _convert(tmp_path / "export.csv", tmp_path / "c.csv") == 0
    assert (tmp_path / "c.csv").read_bytes() == (tmp_path / "a.csv").read_bytes()


def test_unknown_gateway_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["passerelle", "inconnue", str(EXPORT), "--out", str(tmp_path / "x.csv"),
                 "-C", str(REPO)]) == 2
