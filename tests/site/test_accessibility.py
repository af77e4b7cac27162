"""Every page of the site through axe-core in a real headless Chromium (Debian's
``chromium-headless-shell``, which ``.ci/run`` installs): no serious or critical violation,
no horizontal scroll at 320 px. Without the browser these tests skip, except in CI
(``CI=true``) where they must run."""

from __future__ import annotations

import mimetypes
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from pages import PREFIX
from playwright.sync_api import Browser, Route, sync_playwright

ORIGIN = "http://bouquet.test"
# Debian's headless shell (.ci/run), else a Chromium or the Chrome that GitHub's runners carry.
BROWSER = next((found for name in ("chromium-headless-shell", "chromium", "google-chrome")
                if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if BROWSER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium-headless-shell est introuvable : .ci/run doit l'installer "
                        "(apt-get install -y chromium-headless-shell).")
        pytest.skip("pas de navigateur : installez chromium-headless-shell (Debian) pour "
                    "lancer les tests d'accessibilité axe-core")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=BROWSER)
        yield launched
        launched.close()


def _serve(site: Path) -> Callable[[Route], None]:
    def handle(route: Route) -> None:
        path = route.request.url[len(ORIGIN):].split("?")[0].split("#")[0]
        if not path.startswith(PREFIX + "/"):
            route.fulfill(status=404, body="")
            return
        file = site / path[len(PREFIX) + 1:]
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            route.fulfill(status=404, body="")
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=file.read_bytes(), content_type=kind)

    return handle


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith("pagefind/"))


def test_no_serious_violation_on_any_page(site: Path, browser: Browser) -> None:
    axe = Axe()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route(f"{ORIGIN}/**", _serve(site))
    problems: list[str] = []
    for path in _pages(site):
        address = f"{ORIGIN}{PREFIX}/{path}".removesuffix("index.html")
        page.goto(address)
        results = axe.run(page, options={"resultTypes": ["violations"],
                                         "runOnly": ["wcag2a", "wcag2aa", "wcag21a",
                                                     "wcag21aa", "best-practice"]})
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{path}: {violation['id']} ({violation['impact']}) "
                                f"{violation['nodes'][0]['html'][:120]}")
    context.close()
    assert problems == []


def test_no_horizontal_scroll_at_320_pixels(site: Path, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.route(f"{ORIGIN}/**", _serve(site))
    wide: list[str] = []
    for path in _pages(site):
        page.goto(f"{ORIGIN}{PREFIX}/{path}".removesuffix("index.html"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"{path}: {width}px")
    context.close()
    assert wide == []


def test_search_announces_its_result_count(site: Path, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route(f"{ORIGIN}/**", _serve(site))
    page.goto(f"{ORIGIN}{PREFIX}/recherche/")
    page.get_by_label("Mots à chercher").fill("formateurs")
    page.get_by_role("button", name="Rechercher").click()
    status = page.get_by_role("status")
    status.filter(has_text="trouvé").wait_for(timeout=15000)
    assert "module" in status.inner_text()
    assert page.locator("#resultats a").count() >= 1
    context.close()
