"""Hostile text (issue 11, item 8): one-line fields are one line of printable text whatever
the YAML spelling, and nothing printed carries a control sequence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.content.reading.loader import load_yaml
from bouquet.content.reading.plain import load_plain, plain_value

from .fixturerepo import FIXTURES, TODAY, build

ESCAPES = [r'"\e[2J"', r'"\a"', r'"\b"', r'"x\ry"', r'"\u202E"', r'"\x9b"', r'"\u2066"']


@pytest.mark.parametrize("spelling", ESCAPES)
def test_an_escaped_control_character_is_refused_like_the_raw_byte(spelling: str) -> None:
    data = f"a: 1\nb: {spelling}\n".encode()
    document, found = load_yaml("f.yaml", data)
    assert [(d.line, d.column, d.code) for d in found] == [(2, 4, "BQ015")]
    assert "échappement" in found[0].message
    assert document is not None
    value = document.value
    assert isinstance(value, dict)
    assert "\x1b" not in str(value["b"]) and "\u202e" not in str(value["b"])
    assert load_plain(data) is None  # the fast reading leaves it to the loader
    assert "\x1b" not in str(plain_value("f.yaml", data))


def test_a_raw_bidi_override_is_refused() -> None:
    data = "a: 1\nb: abc\u202edef\n".encode()
    document, found = load_yaml("f.yaml", data)
    assert document is None
    assert [(d.line, d.column, d.code) for d in found] == [(2, 7, "BQ015")]
    assert "U+202E" in found[0].message
    assert load_plain(data) is None


def test_an_escaped_control_in_a_key_is_refused() -> None:
    _, found = load_yaml("f.yaml", b'"\\e[2J": 1\n')
    assert [d.code for d in found] == ["BQ015"]


def _validate(root: Path, capsys: pytest.CaptureFixture[str],
              monkeypatch: pytest.MonkeyPatch, fmt: str = "json") -> tuple[int, str]:
    monkeypatch.chdir(root)
    code = main(["validate", "--format", fmt, "--today", TODAY])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("titre", [
    '"Atelier\\n# [9.9.9] - 2099-01-01"',
    "|\n  Atelier\n  # [9.9.9] - 2099-01-01",
    '"Atelier\\tnumérique"',
    '"Atelier\\u2028numérique"',
])
def test_a_title_is_one_line(titre: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    path = root / "modules" / "module-minimal" / "module.yaml"
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    lines = [f"titre: {titre}" if line.startswith("titre:") else line
             for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = _validate(root, capsys, monkeypatch)
    found = [(d["path"], d["code"], d["json_path"]) for d in json.loads(out)["diagnostics"]
             if d["severity"] == "error"]
    assert ("modules/module-minimal/module.yaml", "BQ102", "$.titre") in found
    assert code == 1


def test_messages_never_print_a_control_sequence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    path = root / "modules" / "module-minimal" / "module.yaml"
    text = (FIXTURES / "valid" / "module-minimal.yaml").read_text(encoding="utf-8")
    lines = ['statut: "\\e[2J\\u202Ehunter"' if line.startswith("statut:") else line
             for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = _validate(root, capsys, monkeypatch, fmt="text")
    assert code == 1
    assert "BQ015" in out
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\u001b[2J" in out  # shown, visibly
