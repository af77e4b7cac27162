"""The open-data export validates under frictionless against the published TableSchemas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from frictionless import Resource, Schema, validate

from bouquet.cli import main
from repo import REPO


@pytest.fixture(scope="module")
def exported(hand_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(hand_repo)
    try:
        assert main(["indicateurs", "export", "--out", str(out)]) == 0
    finally:
        monkeypatch.undo()
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_data_package_is_valid(exported: Path) -> None:
    report = validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize("name", ["deploiements", "realisations"])
def test_each_file_is_valid_against_the_committed_schema(exported: Path, name: str) -> None:
    committed = REPO / "schema" / "export" / f"{name}.tableschema.json"
    descriptor = json.loads(committed.read_text(encoding="utf-8"))
    assert (exported / f"{name}.tableschema.json").read_text("utf-8") == \
        committed.read_text("utf-8")
    resource = Resource(path=f"{name}.csv", basepath=str(exported),
                        schema=Schema.from_descriptor(descriptor))
    report = validate(resource)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with (exported / f"{name}.csv").open(encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
    assert header == [f["name"] for f in descriptor["fields"]]  # no column outside the schema


def test_rows_dates_and_multiple_values(exported: Path) -> None:
    deployments = _rows(exported / "deploiements.csv")
    results = _rows(exported / "realisations.csv")
    assert len(deployments) == 12 and len(results) == 19
    region = next(d for d in deployments if d["id"] == "2025-region-bfc-diagnostic")
    assert region["regions"] == "27" and region["date_debut"] == "2025-10-01"
    assert region["financements_sources"] == "fse_plus|budget_propre"
    assert region["financements_montants_eur"] == "30000|10000"
    undisclosed = next(d for d in deployments if d["id"] == "2026-lille-formation")
    assert undisclosed["montant_ht_eur"] == ""
    share = next(r for r in results if r["indicateur"] == "couverture-ifn-eleve")
    assert (share["valeur"], share["numerateur"], share["denominateur"]) == ("", "3", "4")
    assert pq.read_table(exported / "deploiements.parquet").num_rows == 12
    assert pq.read_table(exported / "realisations.parquet").num_rows == 19
