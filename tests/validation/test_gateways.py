"""Gateway mappings are checked like content, by `bouquet validate` too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.content.gateway import gateway_path
from bouquet.content.standards import SMN_SCHEMA, parse_table_schema
from bouquet.validation.gateways import load_gateway
from repo import REPO, GitRepo

STANDARD = parse_table_schema((REPO / SMN_SCHEMA).read_bytes())


def test_shipped_mapping_is_valid() -> None:
    path = gateway_path("hinaura")
    gateway, problems = load_gateway(path, (REPO / path).read_bytes(), STANDARD)
    assert problems == [] and gateway is not None


def test_bad_target_is_an_error_at_its_line_with_the_closest_value() -> None:
    path = gateway_path("hinaura")
    text = (REPO / path).read_text(encoding="utf-8")
    broken = text.replace("- cible: Compréhension du monde numérique",
                          "- cible: Comprehension du monde numerique")
    broken = broken.replace("  courriels:\n", "  courriel:\n")
    line = broken.splitlines().index("    - cible: Comprehension du monde numerique") + 1
    field_line = broken.splitlines().index("  courriel:") + 1
    gateway, problems = load_gateway(path, broken.encode(), STANDARD)
    assert gateway is None
    assert [(d.code, d.line) for d in problems] == [("BQ273", field_line), ("BQ273", line)]
    assert "« courriels »" in problems[0].message
    assert "« Compréhension du monde numérique »" in problems[1].message


def test_validate_reports_a_bad_gateway_of_the_repository(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(tmp_path / "depot")
    repo.copy_from_checkout("schema", "modules", "passerelles")
    repo.edit(gateway_path("hinaura"), "- cible: Payant", "- cible: Payante")
    repo.commit("Passerelle")
    code = main(["validate", "-C", str(repo.path), "--format", "json"])
    found = [(d["path"], d["code"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]
             if d["severity"] == "error"]
    assert found == [(gateway_path("hinaura"), "BQ273")]
    assert code == 1
