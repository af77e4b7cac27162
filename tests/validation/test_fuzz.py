"""Hypothesis: whatever the bytes, the loader and the validator answer with diagnostics only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouquet.content.reading.loader import load_yaml
from bouquet.diagnostics.codes import CODES
from bouquet.validation.sources import check_sources

TOKENS = st.sampled_from([
    "id", "titre", "tiroirs", "min", "max", ": ", ":", "- ", "-", "\n", "  ", "    ", "\t",
    "&a ", "*a", "!!str ", "!!python/object:os.system ", "! ", "[", "]", "{", "}", ",", "'",
    '"', "---\n", "...\n", "? ", "#", "%YAML 1.1\n", "|\n", ">-\n", "2026-02-30", "1e9",
    "0x1F", "yes", "~", "é", "\u202f", "\x00", "\ufeff", "\\", "@", "`",
])
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _assert_diagnostics_only(data: bytes) -> None:
    document, diagnostics = load_yaml("f.yaml", data)
    assert all(d.code in CODES and d.line >= 0 and d.column >= 0 for d in diagnostics)
    if document is not None:
        assert isinstance(document.value, dict)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _assert_diagnostics_only(data)


@SETTINGS
@given(st.lists(TOKENS, max_size=60).map("".join))
def test_arbitrary_yamlish_text(text: str) -> None:
    _assert_diagnostics_only(text.encode("utf-8", errors="surrogatepass"))


@SETTINGS
@given(st.lists(TOKENS, max_size=60).map("".join), st.binary(max_size=80))
def test_whole_validator_on_garbage(text: str, raw: bytes) -> None:
    sources = {
        "modules/x/module.yaml": text.encode(),
        "modules/y/module.yaml": raw,
        "schema/vocabulaires/familles.yaml": text.encode(),
    }
    _, diagnostics = check_sources(sources, today=dt.date(2026, 11, 29))
    assert all(d.code in CODES for d in diagnostics)


BASE = (Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "module-minimal.yaml"
        ).read_text(encoding="utf-8")


@SETTINGS
@given(st.lists(TOKENS, max_size=40).map("".join), st.integers(0, len(BASE)))
def test_valid_module_with_garbage_inserted(text: str, cut: int) -> None:
    mutated = (BASE[:cut] + text + BASE[cut:]).encode("utf-8", errors="surrogatepass")
    _, diagnostics = check_sources({"modules/module-minimal/module.yaml": mutated},
                                   today=dt.date(2026, 11, 29))
    assert all(d.code in CODES and d.message and d.hint for d in diagnostics)
