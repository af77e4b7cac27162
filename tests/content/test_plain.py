"""The loader's fast reading without positions (``load_plain``): the same plain data as
``load_yaml`` whenever it answers, and None for whatever ``load_yaml`` would report."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouquet.content.reading.loader import load_yaml
from bouquet.content.reading.plain import load_plain, plain_value
from bouquet.diagnostics.record import Severity
from repo import REPO

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _clean_value(data: bytes) -> object | None:
    """What ``load_yaml`` reads from a file it reports nothing about, else None."""
    document, found = load_yaml("f.yaml", data)
    if document is None or any(d.severity is Severity.ERROR for d in found):
        return None
    return document.value


def _files() -> list[Path]:
    found = sorted(FIXTURES.rglob("*.yaml")) + sorted((REPO / "modules").glob("*/module.yaml"))
    return found + sorted((REPO / "schema" / "vocabulaires").glob("*.yaml"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_same_data_as_the_positioned_loader(path: Path) -> None:
    data = path.read_bytes()
    plain = load_plain(data)
    if plain is not None:
        assert plain == _clean_value(data)
    document, _ = load_yaml(path.name, data)
    assert plain_value(path.name, data) == (document.value if document is not None else None)


@pytest.mark.parametrize("data", [
    b"titre: [pas ferm\xc3\xa9\n",            # YAML error
    b"a: 1\na: 2\n",                         # duplicate key
    b"base: &b {x: 1}\nautre: *b\n",         # anchor and alias
    b"? [a, b]\n: c\n",                       # non-text key
    b"x: !!python/object:os.system {}\n",    # tag
    b"- a\n",                                # not a mapping
    b"",                                     # empty document
    b"a: 1\n---\nb: 2\n",                    # two documents
    b"\xef\xbb\xbfa: 1\n",                    # byte order mark
])
def test_what_the_loader_reports_is_left_to_it(data: bytes) -> None:
    assert load_plain(data) is None


def test_yaml_1_1_scalars_as_the_loader_reads_them() -> None:
    data = b"n: 4000\nf: 1.5\nb: yes\nd: 2026-01-31\ns: '4000'\nl: [a, ~]\nyes: cle\n"
    assert load_plain(data) == _clean_value(data) == {
        "n": 4000, "f": 1.5, "b": True, "d": dt.date(2026, 1, 31),
        "s": "4000", "l": ["a", None], "yes": "cle"}


def test_an_alias_bomb_is_refused_at_once() -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
              f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    start = time.perf_counter()
    assert load_plain("\n".join(lines).encode()) is None
    assert time.perf_counter() - start < 5


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "id", "titre", ": ", "- ", "\n", "  ", "'", '"', "yes", "~", "1", "1.5", "2026-01-31",
    "&a ", "*a", "!!str ", "[", "]", "{", "}", ",", "#", "é", "<<: ", "? ",
]), max_size=40).map("".join))
def test_whenever_it_answers_it_agrees_with_the_loader(text: str) -> None:
    data = text.encode()
    plain = load_plain(data)
    if plain is not None:
        document, _ = load_yaml("f.yaml", data)
        assert document is not None and plain == document.value
