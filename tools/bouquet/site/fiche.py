"""``fiche.pdf`` of a module: one A4 sheet (two at most) a hub attaches to a quote, laid out by
WeasyPrint from its own template, as a tagged PDF (PDF/UA-1) whose text can be extracted."""

from __future__ import annotations

import hashlib
import logging

from weasyprint import HTML

from bouquet.content.model import Module
from bouquet.site.records import Release
from bouquet.site.render import Renderer

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def fiche_html(renderer: Renderer, release: Release, module: Module) -> bytes:
    return renderer.page("fiche.html", module=module, release=release,
                         versioned=f"/{release.folder}")


def fiche_key(html: bytes) -> str:
    """What decides the bytes of a fiche: a previous build's PDF of the same key is reused."""
    return hashlib.sha256(html).hexdigest()


def fiche_pdf(html: bytes) -> bytes:
    document = HTML(string=html.decode("utf-8"), base_url=None)
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return data
