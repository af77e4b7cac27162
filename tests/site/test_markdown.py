"""The Markdown of the content runs nothing and breaks no link."""

from __future__ import annotations

import pytest

from bouquet.site.markdown import to_html


@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "file:///etc/passwd",
    "java\tscript:alert(1)",
])
def test_unsafe_link_schemes_are_dropped(link: str) -> None:
    html = str(to_html(f"[lien]({link}) ![image]({link})"))
    assert "href" not in html and "<img" not in html


def test_raw_html_is_escaped() -> None:
    html = str(to_html('<script>alert(1)</script><img src=x onerror="alert(2)">'))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_headings_start_below_the_page_and_safe_links_stay() -> None:
    html = str(to_html("# Titre\n\n[site](https://exemple.org) [courriel](mailto:a@b.fr)", 3))
    assert "<h3>Titre</h3>" in html
    assert 'href="https://exemple.org"' in html and 'href="mailto:a@b.fr"' in html


def test_relative_links_lead_to_the_forge_or_lose_their_target() -> None:
    forge = "https://forge.test/h/b/blob/v1.0.0/modules/m/"
    assert f'href="{forge}ressources/a.md"' in str(to_html("[a](ressources/a.md)", 3, forge))
    assert "href" not in str(to_html("[a](ressources/a.md)"))
    assert 'href="#plus-bas"' in str(to_html("[a](#plus-bas)"))
