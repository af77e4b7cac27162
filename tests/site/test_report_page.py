"""The site shows the latest indicators report of the branch (issue 13, item 4): its key
figures, its charts as images with a text alternative, and its PDF, linked from the
governance page; nothing when the report is not committed with both its files."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from pages import PREFIX, parse, target
from siterepo import CONFIG, make_repo

from bouquet.cli import main
from bouquet.site.build import build_site
from repo import REPO


def test_the_latest_report_and_its_charts_get_a_page(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "depot")
    geography = "schema/references/cog-2026.csv"  # the report names départements from it
    repo.write(geography, (REPO / geography).read_text(encoding="utf-8"))
    for semester in ("2026-S1", "2026-S2"):
        assert main(["indicateurs", "rapport", "-C", str(repo.path), "--semestre", semester,
                     "--sans-cache"]) == 0
    (repo.path / "rapports/indicateurs-2026-S1.pdf").unlink()  # S1 lacks its PDF: S2 wins
    repo.commit("Rapports d'indicateurs")
    out = tmp_path / "_site"
    build_site(repo.path, out, replace(CONFIG, fiches=False))

    page = parse(out / "indicateurs/index.html")
    assert "2d semestre 2026" in page.title
    assert page.h1 == 1
    pdf = out / "indicateurs/indicateurs-2026-S2.pdf"
    assert pdf.read_bytes() == (repo.path / "rapports/indicateurs-2026-S2.pdf").read_bytes()
    assert f"{PREFIX}/indicateurs/indicateurs-2026-S2.pdf" in page.links
    html = (out / "indicateurs/index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', html)
    assert len(images) >= 4
    for src, alt in images:
        found = target(out, src)
        assert found is not None and found.read_bytes().startswith(b"<svg"), src
        assert len(alt) > 20, alt
    assert "collectivités accompagnées" in html  # a key figure, as text
    governance = parse(out / "gouvernance/index.html")
    assert f"{PREFIX}/indicateurs/" in governance.links


def test_no_report_no_page(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "depot")
    out = tmp_path / "_site"
    build_site(repo.path, out, replace(CONFIG, fiches=False))
    assert not (out / "indicateurs").exists()
    assert f"{PREFIX}/indicateurs/" not in parse(out / "gouvernance/index.html").links
