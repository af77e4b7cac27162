"""Small hostile cases (issue 11, item 12): exotic YAML numbers are not prices, and a key
that is not an identifier is named as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.content.reading.loader import load_yaml
from bouquet.content.reading.plain import load_plain

from .fixturerepo import FIXTURES, TODAY, build


def _validate_with(root: Path, replace: tuple[str, str], capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    path = root / "modules" / "module-minimal" / "module.yaml"
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    assert replace[0] in text
    path.write_text(text.replace(*replace), encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["validate", "--format", "json", "--today", TODAY]) == 1
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


@pytest.mark.parametrize("spelling", ["0x1F00", "1:30:00", "3_500", "0755"])
def test_exotic_yaml_numbers_are_not_prices(
        spelling: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    found = _validate_with(build(tmp_path), (
        "    modele_tarifaire: forfait",
        f"    prix_ht_eur: {{min: {spelling}, max: 9000}}\n    modele_tarifaire: forfait"),
        capsys, monkeypatch)
    errors = [(d["code"], d["json_path"]) for d in found if d["severity"] == "error"]
    assert ("BQ104", "$.tiroirs[0].prix_ht_eur.min") in errors
    document, _ = load_yaml("f.yaml", f"a: {spelling}\n".encode())
    assert document is not None and document.value == {"a": spelling}
    assert load_plain(f"a: {spelling}\n".encode()) == {"a": spelling}


def test_decimal_numbers_are_still_numbers() -> None:
    assert load_plain(b"a: 12\nb: -3\nc: 1.5\nd: 0\n") == {"a": 12, "b": -3, "c": 1.5, "d": 0}


def test_an_unknown_key_that_is_not_an_identifier_is_named_as_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    found = _validate_with(build(tmp_path), ("date_revision:", "date-revision:"),
                           capsys, monkeypatch)
    messages = [str(d["message"]) for d in found if d["code"] == "BQ103"]
    assert messages == ["champ inconnu «\u00a0date-revision\u00a0»"]
