"""The publication site built from a real repository with three release tags and a preview."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import jsonschema  # type: ignore[import-untyped, unused-ignore]
import pypdf
from pages import PREFIX, html_pages, parse, target
from siterepo import HOSTILE_ID

from repo import REPO

BASE = "https://exemple.org/bouquet"
RELEASES = ("v1.0.0", "v1.1.0", "v2.0.0")


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_every_release_has_its_permanent_urls(site: Path) -> None:
    for name in RELEASES:
        for path in ("index.html", "changements/index.html", "catalogue.json", "catalogue.csv",
                     "facettes/index.html",
                     "modules/formation-aidants-numeriques/index.html",
                     "modules/formation-aidants-numeriques/fiche.pdf"):
            assert (site / name / path).is_file(), f"{name}/{path}"
    assert (site / "v1.1.0/modules/evenement-local/index.html").is_file()
    assert not (site / "v2.0.0/modules/evenement-local").exists()
    assert (site / "v2.0.0/modules/feuille-de-route/index.html").is_file()


def test_the_latest_release_is_at_the_root_with_canonical_links(site: Path) -> None:
    home = parse(site / "index.html")
    assert home.canonical == f"{BASE}/v2.0.0/"
    module = parse(site / "modules/formation-aidants-numeriques/index.html")
    assert module.canonical == f"{BASE}/v2.0.0/modules/formation-aidants-numeriques/"
    assert parse(site / "v2.0.0/modules/formation-aidants-numeriques/index.html").canonical \
        is None


def test_versions_json_lists_releases_newest_first_with_latest(site: Path) -> None:
    document = json.loads(text(site / "versions.json"))
    assert document["latest"] == "v2.0.0"
    assert [v["name"] for v in document["versions"]] == list(reversed(RELEASES))
    assert document["versions"][0]["aliases"] == ["latest"]
    assert document["versions"][0]["url"] == f"{BASE}/v2.0.0/"
    assert document["preview"]["name"] == "prochaine"


def test_the_branch_is_previewed_with_a_banner(site: Path) -> None:
    page = text(site / "prochaine/modules/formation-aidants-numeriques/index.html")
    assert "Version en préparation" in page
    assert "3\u202f900 à 5\u202f500\u202f€\u00a0HT" in page
    assert "Version en préparation" not in text(site / "index.html")
    changes = text(site / "prochaine/changements/index.html")
    price = "\u202f500\u202f€\u00a0HT"
    assert f"3\u202f800 à 5{price} → 3\u202f900 à 5{price}" in changes


def test_the_changes_page_shows_before_and_after_and_credits(site: Path) -> None:
    page = text(site / "v1.1.0/changements/index.html")
    assert "1\u202f100 à 1\u202f500\u202f€\u00a0HT → 1\u202f200 à 1\u202f500\u202f€\u00a0HT" in page
    assert "Bruno Durand" in page and "Alice Martin" in page
    assert "évolution mineure" in page
    major = text(site / "v2.0.0/changements/index.html")
    assert "évolution majeure" in major
    assert "Supprimé" in major and "Obsolète" in major
    assert "Première version publiée" in text(site / "v1.0.0/changements/index.html")


def test_the_module_page_carries_what_a_hub_needs(site: Path) -> None:
    page = text(site / "v1.1.0/modules/formation-aidants-numeriques/index.html")
    for expected in ("Journée de sensibilisation", "1\u202f200 à 1\u202f500\u202f€\u00a0HT",
                     "Attestations de formation", "Travailleurs sociaux", "Hinaura",
                     "@hinaura/bouquet", "CC BY-SA 4.0", "Proposer une modification",
                     "https://forge.exemple.org/hubs/bouquet/edit/main/modules/"
                     "formation-aidants-numeriques/module.yaml", "version 1.1.0 du module",
                     "Bruno Durand", f"{PREFIX}/v1.0.0/modules/formation-aidants-numeriques/",
                     "En bref", "Ce que la commune prépare", "€\u00a0TTC"):
        assert expected in page, expected
    assert (site / "v1.1.0/modules/formation-aidants-numeriques/ressources/programme-type.md"
            ).read_bytes() == (REPO / "modules/formation-aidants-numeriques/ressources/"
                               "programme-type.md").read_bytes()
    # A frozen page never links to a later release.
    assert "/v2.0.0/" not in page


def test_retired_and_deprecated_modules_say_so(site: Path) -> None:
    retired = text(site / "modules/evenement-local/index.html")
    assert "module retiré" in retired
    assert f"{PREFIX}/v1.1.0/modules/evenement-local/" in retired
    deprecated = text(site / "modules/diagnostic-territorial/index.html")
    assert "Ce module est déprécié" in deprecated
    assert f"{PREFIX}/modules/feuille-de-route/" in deprecated


def test_facets_list_the_modules_without_javascript(site: Path) -> None:
    index = text(site / "facettes/index.html")
    for title in ("Famille", "Commanditaire", "Public formé ou accompagné", "Échelon",
                  "Modalité", "Statut", "Budget"):
        assert f"<h2>{title}" in index, title
    page = site / "facettes/participant/travailleurs_sociaux/index.html"
    assert "Formation des aidants numériques" in text(page)
    assert parse(page).scripts == []
    budget = text(site / "facettes/budget/moins-de-2000/index.html")
    assert "Formation des aidants numériques" in budget


def test_the_search_index_is_built_in_french(site: Path) -> None:
    assert (site / "pagefind/pagefind.js").is_file()
    entry = json.loads(text(site / "pagefind/pagefind-entry.json"))
    assert "fr" in entry["languages"]
    assert entry["languages"]["fr"]["page_count"] >= 4  # the latest modules, at the root
    search = parse(site / "recherche/index.html")
    page = text(site / "recherche/index.html")
    assert '<label for="requete">' in page and 'role="status"' in page
    assert search.scripts == [{"src": f"{PREFIX}/assets/recherche.js", "type": "module"}]


def test_the_feed_parses_with_one_entry_per_release(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    links = [e.link for e in feed.entries]
    assert links == [f"{BASE}/{n}/changements/" for n in reversed(RELEASES)]
    assert "1\u202f200 à 1\u202f500" in feed.entries[1].content[0].value
    assert feed.feed.language == "fr"


def test_every_page_is_french_titled_once_with_the_feed_announced(site: Path) -> None:
    pages = html_pages(site)
    titles = [p.title for p in pages.values()]
    assert len(set(titles)) == len(titles), "titres en double"
    for path, page in pages.items():
        assert page.lang == "fr" and page.h1 == 1 and page.feeds == 1, path


def test_no_internal_link_is_broken(site: Path) -> None:
    for path, page in html_pages(site).items():
        for link in page.links:
            found = target(site, link)
            assert found is None or found.is_file(), f"{path} → {link}"


def test_hostile_content_runs_nothing(site: Path) -> None:
    for path, page in html_pages(site).items():
        assert page.handlers == [], path
        for script in page.scripts:
            assert script.get("src") == f"{PREFIX}/assets/recherche.js", path
        for link in page.links:
            assert not link.lower().startswith(("javascript:", "data:", "vbscript:")), path
    hostile = text(site / f"v1.0.0/modules/{HOSTILE_ID}/index.html")
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in hostile
    assert "Content-Security-Policy" in hostile and "script-src &#39;self&#39;" in hostile
    assert "<iframe" not in hostile


def test_catalogue_exports_match_the_schema_and_tiroirs(site: Path) -> None:
    schema = json.loads(text(REPO / "schema/module.schema.json"))
    for name in RELEASES:
        document = json.loads(text(site / name / "catalogue.json"))
        assert document["version"] == name[1:]
        for module in document["modules"]:
            jsonschema.validate(module, schema)
        rows = list(csv.DictReader(io.StringIO(text(site / name / "catalogue.csv"))))
        assert len(rows) == sum(len(m["tiroirs"]) for m in document["modules"])
    rows = list(csv.DictReader(io.StringIO(text(site / "v1.1.0/catalogue.csv"))))
    essentiel = next(r for r in rows if r["module_id"] == "formation-aidants-numeriques"
                     and r["tiroir_id"] == "essentiel")
    assert (essentiel["prix_ht_eur_min"], essentiel["prix_ht_eur_max"]) == ("1200", "1500")


def test_fiches_are_tagged_a4_pdfs_of_at_most_two_pages(site: Path) -> None:
    for fiche in sorted(site.glob("v2.0.0/modules/*/fiche.pdf")):
        reader = pypdf.PdfReader(fiche)
        assert 1 <= len(reader.pages) <= 2, fiche
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        catalog = reader.root_object
        mark = catalog["/MarkInfo"].get_object()  # a tagged PDF, with its structure tree
        assert isinstance(mark, pypdf.generic.DictionaryObject) and mark["/Marked"]
        assert "/StructTreeRoot" in catalog
    content = pypdf.PdfReader(site / "v2.0.0/modules/formation-aidants-numeriques/fiche.pdf")
    words = " ".join(" ".join(p.extract_text() for p in content.pages).split())
    assert "Formation des aidants numériques" in words and "Journée de sensibilisation" in words


def test_governance_and_contribution_pages(site: Path) -> None:
    governance = text(site / "gouvernance/index.html")
    assert "Collège" in governance and "Zoomacom" in governance
    assert "Procès-verbal" in governance
    contributions = text(site / "contributions/index.html")
    assert "Bruno Durand" in contributions and "Hinaura" in contributions
    assert "Contribuer" in text(site / "contribuer/index.html")
    assert "partiellement conforme" in text(site / "accessibilite/index.html")


def test_the_preview_reuses_the_pages_and_fiches_of_unchanged_modules(site: Path) -> None:
    home = text(site / "prochaine/index.html")
    assert f'href="{PREFIX}/v2.0.0/modules/feuille-de-route/"' in home
    assert f'href="{PREFIX}/prochaine/modules/formation-aidants-numeriques/"' in home
    assert not (site / "prochaine/modules/feuille-de-route").exists()
    unchanged = text(site / "v2.0.0/modules/feuille-de-route/index.html")
    assert f"{PREFIX}/v2.0.0/modules/feuille-de-route/fiche.pdf" in unchanged
    changed = text(site / "prochaine/modules/formation-aidants-numeriques/index.html")
    assert f"{PREFIX}/prochaine/modules/formation-aidants-numeriques/fiche.pdf" in changed
    assert (site / "prochaine/modules/formation-aidants-numeriques/fiche.pdf").is_file()
