"""The two-page report: A4, tagged, French, fonts embedded, figures extractable, and the
same bytes when rebuilt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from bouquet.cli import main

A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def report(hand_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rapport")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(hand_repo)
    try:
        assert main(["indicateurs", "rapport", "--semestre", "2026-S1", "--out", str(out)]) == 0
    finally:
        monkeypatch.undo()
    return out


def _fonts(reader: PdfReader) -> set[tuple[str, bool]]:
    found = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add((str(font["/BaseFont"]), embedded))
    return found


def test_two_a4_pages_tagged_in_french_with_embedded_fonts(report: Path) -> None:
    reader = PdfReader(report / "indicateurs-2026-S1.pdf")
    assert len(reader.pages) == 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 2), round(height, 2)) == A4
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "fr" and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    fonts = _fonts(reader)
    assert fonts and all(embedded for _, embedded in fonts)


def test_the_figures_are_extractable(report: Path) -> None:
    reader = PdfReader(report / "indicateurs-2026-S1.pdf")
    first, second = (page.extract_text() for page in reader.pages)
    assert first.startswith("Indicateurs de suivi")
    assert "8collectivités accompagnées depuis le" in first
    assert "× 2,67 (8/3)" in first
    assert "15\u202f000\u202f€" in first or "15 000 €" in first
    assert second.startswith("Panorama des services déployés")
    assert "formation-aidants-numeriques 0 3 0 3" in second
    assert "Saône-et-Loire (71)" in second
    assert "1/1 (100,0 %)" in second


def test_html_twin_and_byte_identical_rebuild(report: Path, hand_repo: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    html = (report / "indicateurs-2026-S1.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and html.count("<svg") == 4
    assert "Panorama des services déployés" in html
    monkeypatch.chdir(hand_repo)
    assert main(["indicateurs", "rapport", "--semestre", "2026-S1", "--out", str(tmp_path)]) == 0
    for name in ("indicateurs-2026-S1.pdf", "indicateurs-2026-S1.html"):
        assert (tmp_path / name).read_bytes() == (report / name).read_bytes()
