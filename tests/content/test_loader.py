"""The positioned loader: every bad input gets its code at the right place, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from bouquet.content.reading.loader import MAX_BYTES, json_path, load_yaml

CASES: list[tuple[str, bytes, list[tuple[int, int, str]]]] = [
    ("syntax", b"a: 1\nb: c: d\n", [(2, 5, "BQ002")]),
    ("unclosed", b"a: [1,\nb: 2\n", [(3, 1, "BQ002")]),
    # libyaml only trips on the next quote, lines below: reported where the quote opened
    # libyaml notices a key without « : » on the next line: reported on the key's own line
    ("key without colon", b"a: 1\nfamille diag\nb: 2\n", [(2, 1, "BQ002")]),
    ("unclosed quote", b'a: "x\nb: 1\nc: "y"\n', [(1, 4, "BQ002")]),
    ("unclosed single quote", b"a: 'x\nb: 1\nc: 'y'\n", [(1, 4, "BQ002")]),
    ("duplicate", b"a: 1\nb: 2\na: 3\n", [(3, 1, "BQ010")]),
    ("alias", b"a: &x [1]\nb: *x\n", [(1, 4, "BQ011"), (2, 4, "BQ011")]),
    ("python tag", b"a: !!python/object:os.system x\n", [(1, 4, "BQ012")]),
    ("str tag", b"a: !!str 1\n", [(1, 4, "BQ012")]),
    ("local tag", b"a: !foo 1\n", [(1, 4, "BQ012")]),
    ("two documents", b"a: 1\n---\nb: 2\n", [(2, 1, "BQ008")]),
    ("list document", b"- a\n- b\n", [(1, 1, "BQ009")]),
    ("scalar document", b"bonjour\n", [(1, 1, "BQ009")]),
    ("empty", b"", [(1, 1, "BQ007")]),
    ("only comments", b"# rien\n\n", [(1, 1, "BQ007")]),
    ("explicit null document", b"---\n", [(1, 1, "BQ007")]),
    ("bom", b"\xef\xbb\xbfa: 1\n", [(1, 1, "BQ006")]),
    ("utf16", "a: 1\n".encode("utf-16"), [(1, 1, "BQ006")]),
    ("nul", b"a: 1\nb: x\x00\n", [(2, 5, "BQ004")]),
    ("latin1", "a: 1\nb: été\n".encode("latin-1"), [(2, 4, "BQ005")]),
    ("bad utf8 after accents", "a: éé".encode() + b"\xff\n", [(1, 6, "BQ005")]),
    ("control", b"a: 1\nb: x\x01\n", [(2, 5, "BQ015")]),
    ("complex key", b"? [a]\n: 1\nb: 2\n", [(1, 3, "BQ013")]),
    ("too deep", b"a: " + b"[" * 40 + b"]" * 40 + b"\n", [(1, 35, "BQ014")]),
    ("too big", b"a: '" + b"x" * MAX_BYTES + b"'\n", [(1, 1, "BQ003")]),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_its_code(name: str, data: bytes, expected: list[tuple[int, int, str]]
                                 ) -> None:
    _, diagnostics = load_yaml("f.yaml", data)
    assert [(d.line, d.column, d.code) for d in diagnostics] == expected


def test_billion_laughs_is_not_expanded() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    document, diagnostics = load_yaml("bomb.yaml", "\n".join(lines).encode())
    assert document is not None
    assert {d.code for d in diagnostics} == {"BQ011"}
    assert document.value["a9"] == [None] * 9  # type: ignore[index]


def test_scalars_follow_the_safe_resolver() -> None:
    data = b"i: 12\nf: 1.5\nb: yes\nn: ~\nd: 2026-11-15\ns: '12'\nt: texte\nbad: 2026-02-30\n"
    document, diagnostics = load_yaml("f.yaml", data)
    assert diagnostics == []
    assert document is not None
    assert document.value == {
        "i": 12, "f": 1.5, "b": True, "n": None, "d": dt.date(2026, 11, 15), "s": "12",
        "t": "texte", "bad": "2026-02-30",
    }


def test_positions_of_values_and_keys() -> None:
    data = b"a: 1\nliste:\n  - x\n  - cle: v\n"
    document, _ = load_yaml("f.yaml", data)
    assert document is not None
    assert document.position(("liste", 1, "cle")) == (4, 10)
    assert document.key_position(("liste", 1, "cle")) == (4, 5)
    assert document.position(("liste", 1, "absent")) == (4, 5)  # nearest ancestor
    assert json_path(("liste", 1, "cle")) == "$.liste[1].cle"
    assert json_path(("a b",)) == '$["a b"]'


def test_duplicate_key_names_both_positions() -> None:
    _, diagnostics = load_yaml("f.yaml", b"titre: a\nautre: b\ntitre: c\n")
    assert diagnostics[0].message.endswith("(déjà présente ligne 1, colonne 1)")
    assert diagnostics[0].json_path == "$.titre"


def test_unclosed_quote_names_both_lines() -> None:
    data = b'titre: "Mon module\nstatut: brouillon\nresume: "Court"\n'
    _, diagnostics = load_yaml("m.yaml", data)
    assert [(d.line, d.column, d.code) for d in diagnostics] == [(1, 8, "BQ002")]
    assert "guillemet « \" » ouvert ici et refermé seulement ligne 3, colonne 9" \
        in diagnostics[0].message


def test_legitimate_multiline_quote_keeps_the_plain_syntax_message() -> None:
    _, diagnostics = load_yaml("m.yaml", b'a: "x\n  y"\nb: c: d\n')
    assert [(d.line, d.column) for d in diagnostics] == [(3, 5)]
    assert "ouvert ici" not in diagnostics[0].message
