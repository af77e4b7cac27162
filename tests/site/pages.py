"""Reading a built site in tests: its HTML pages, their links, titles and scripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PREFIX = "/bouquet"  # the path of the test configuration's base URL


@dataclass
class Page(HTMLParser):
    links: list[str] = field(default_factory=list)
    scripts: list[dict[str, str | None]] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)
    h1: int = 0
    title: str = ""
    lang: str | None = None
    canonical: str | None = None
    feeds: int = 0
    _in_title: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        for name in ("href", "src", "action"):
            if values.get(name) is not None:
                self.links.append(str(values[name]))
        if tag == "script":
            self.scripts.append(values)
        elif tag == "h1":
            self.h1 += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "html":
            self.lang = values.get("lang")
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")
        elif tag == "link" and values.get("type") == "application/atom+xml":
            self.feeds += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("pagefind/")}


def target(site: Path, link: str) -> Path | None:
    """The file an internal link points to (None for an external one)."""
    if link.startswith(("https://", "http://", "mailto:", "#")):
        return None
    assert link.startswith(PREFIX + "/"), link
    path = link[len(PREFIX):].split("#")[0].split("?")[0]
    found = site / path.lstrip("/")
    return found / "index.html" if path.endswith("/") else found
