"""``fiche.pdf`` of a module: one A4 sheet (two at most) a hub attaches to a quote, as a tagged
PDF (PDF/UA-1) whose text can be extracted.

Laying out a document has a cost of its own in WeasyPrint (style sheets, fonts), so the
fiches of a build are laid out together: each is a ``<section>`` (``fiche.html``) of one
document (``fiches.html``) that starts on a new page. The document is cut at the page holding
each section's anchor and each part is written as its own PDF (``Document.copy``) with its
own metadata. Its footer names the release and the module without a page number: a count
over the whole document would make a fiche depend on the others (and WeasyPrint 70 does not
restart it per page group here). So a fiche's bytes depend on its section alone, and a fiche
is known by the hash of its section and of the document's style (``Fiche.key``): a later
build reuses the PDF of the same key instead of laying it out again.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import weasyprint
from weasyprint import HTML

from bouquet import fr
from bouquet.content.model import Module
from bouquet.site.records import Release
from bouquet.site.render import Renderer

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

MARK = "<!--FICHES-->"
BATCH = 100  # fiches laid out in one document (bounds the memory a big catalogue takes)


@dataclass(frozen=True)
class Fiche:
    """One module's fiche before layout: where it goes and the HTML of its section."""

    path: str  # "v1.2.0/modules/<id>/fiche.pdf"
    anchor: str  # the id of its section
    section: str
    title: str
    authors: tuple[str, ...]
    description: str
    key: str  # what decides its bytes


def _frame(renderer: Renderer) -> str:
    return renderer.page("fiches.html").decode("utf-8")


def fiche(renderer: Renderer, release: Release, module: Module) -> Fiche:
    path = f"{release.folder}/modules/{module.id}/fiche.pdf"
    anchor = f"fiche-{release.folder}-{module.id}"
    section = renderer.page("fiche.html", module=module, release=release,
                            versioned=f"/{release.folder}", anchor=anchor).decode("utf-8")
    title = fr.typography(f"{module.titre} — fiche du module, Bouquet {release.name}")
    authors = (fr.typography(fr.enumeration(module.contributeurs)),)
    description = fr.typography(module.resume)
    digest = hashlib.sha256()
    for part in (weasyprint.__version__, _frame(renderer), section, title, *authors,
                 description):
        digest.update(part.encode("utf-8") + b"\0")
    return Fiche(path, anchor, section, title, authors, description, digest.hexdigest())


def fiche_pdfs(renderer: Renderer, fiches: Sequence[Fiche]) -> Iterator[tuple[Fiche, bytes]]:
    """Lay out ``fiches`` (by batches of ``BATCH``) and give each one's PDF."""
    frame = _frame(renderer)
    for start in range(0, len(fiches), BATCH):
        batch = fiches[start:start + BATCH]
        html = frame.replace(MARK, "".join(f.section for f in batch))
        document = HTML(string=html, base_url=None).render()
        starts = _starts(document, batch)
        for index, item in enumerate(batch):
            end = starts[index + 1] if index + 1 < len(batch) else len(document.pages)
            part = document.copy(document.pages[starts[index]:end])
            part.metadata = copy.copy(document.metadata)
            part.metadata.title = item.title
            part.metadata.authors = list(item.authors)
            part.metadata.description = item.description
            data: bytes = part.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
            yield item, data


def _starts(document: weasyprint.Document, batch: Sequence[Fiche]) -> list[int]:
    """The index of the first page of each fiche, found by its section's anchor."""
    first: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            first.setdefault(anchor, index)
    return [first[f.anchor] for f in batch]
