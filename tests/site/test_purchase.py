"""Issue 15, items 5 and 6 on the site: « Comment l'acheter » on every module page (the
procurement threshold in force at the release's date, from the dated data of
schema/vocabulaires/seuils.yaml, each priced tiroir against it, the VAT) and the contribution
to the commons on every priced tiroir (governance/contribution-au-commun.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

from repo import REPO

NNBSP, NBSP = "\u202f", "\u00a0"


def _page(site: Path, release: str, module: str) -> str:
    return (site / release / "modules" / module / "index.html").read_text(encoding="utf-8")


def test_every_module_page_says_how_to_buy_it(site: Path) -> None:
    pages = sorted(site.glob("v*/modules/*/index.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<h2>Comment l'acheter</h2>" in html, path
        assert f"60{NNBSP}000{NNBSP}€{NBSP}HT" in html and "R2122-8" in html, path
        assert "TVA" in html and "TTC" in html, path
    formation = _page(site, "v2.0.0", "formation-aidants-numeriques")
    assert f"jusqu'à 1{NNBSP}500{NNBSP}€{NBSP}HT, sous le seuil" in formation
    assert 'href="https://forge.exemple.org/hubs/bouquet/blob/main/docs/achat-public.md"' \
        in formation
    assert (REPO / "docs/achat-public.md").is_file()


def test_every_priced_tiroir_shows_the_contribution_to_the_commons(site: Path) -> None:
    formation = _page(site, "v2.0.0", "formation-aidants-numeriques")
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", formation, re.S)
    priced = [row for row in rows if f"€{NBSP}HT" in row]
    assert priced
    for row in priced:
        assert f"dont contribution au commun{NNBSP}: 3{NNBSP}% du prix HT" in row, row
        assert "règle proposée, pas encore adoptée" in row
    # 3 % of 1 100 to 1 500 € HT (the « essentiel » tiroir of v1.0.0)
    first = _page(site, "v1.0.0", "formation-aidants-numeriques")
    assert f"(33 à 45{NNBSP}€{NBSP}HT)" in first
    for row in re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", first, re.S):
        if "sur devis" in row:
            assert "contribution au commun" not in row
