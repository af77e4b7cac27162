"""The fast YAML reading of the diff: plain data, or None when only the full validator
should judge the file."""

from __future__ import annotations

import datetime as dt

import pytest

from bouquet.versioning.plainyaml import module_title, parse_files, plain


def test_plain_data_with_yaml_1_1_scalars() -> None:
    data = b"id: x\nn: 4000\nf: 1.5\nb: yes\nd: 2026-01-31\ns: '4000'\nl: [a, ~]\n"
    assert plain(data) == {"id": "x", "n": 4000, "f": 1.5, "b": True,
                           "d": dt.date(2026, 1, 31), "s": "4000", "l": ["a", None]}


@pytest.mark.parametrize("data", [
    b"titre: [pas ferm\xc3\xa9\n",            # YAML error
    b"a: 1\na: 2\n",                         # duplicate key
    b"base: &b {x: 1}\nautre:\n  <<: *b\n",  # merge key
    b"? [a, b]\n: c\n",                       # non-string key
    b"x: !!python/object:os.system {}\n",    # tag
    b"",                                     # empty document
])
def test_files_for_the_full_validator(data: bytes) -> None:
    assert plain(data) is None


def test_identical_contents_are_parsed_once() -> None:
    sources = {"a.yaml": b"x: [1]\n", "b.yaml": b"x: [1]\n", "c.yaml": b": :\n  - ]"}
    seen: dict[bytes, object] = {}
    parsed = parse_files(sources, sorted(sources), seen)
    assert parsed == {"a.yaml": {"x": [1]}, "b.yaml": {"x": [1]}}  # c needs the validator
    assert parsed["a.yaml"] is parsed["b.yaml"]
    assert parse_files({"d.yaml": b"x: [1]\n"}, ["d.yaml"], seen)["d.yaml"] is parsed["a.yaml"]


def test_module_title() -> None:
    assert module_title(b"id: x\ntitre: Feuille de route\n") == "Feuille de route"
    assert module_title(b"titre: [cass\xc3\xa9\n") is None
    assert module_title(b"titre: 12\n") is None
