"""Markdown of the content to HTML that runs nothing: raw HTML is escaped (markdown-it's
"js-default" preset disables it), and links or images whose scheme is not http(s), mailto or a
relative path are dropped by markdown-it's link validator, tightened here. Relative links
point into the repository: they are resolved against ``links_base`` (the file's folder on the
forge) or, without one, lose their target (the text stays, no broken link)."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markupsafe import Markup

_SAFE_LINK = re.compile(r"^(?:https?:|mailto:|[#/.]|[a-z0-9_-]+(?:[/.#?]|$))", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _validate_link(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    if _SCHEME.match(cleaned):
        return cleaned.lower().startswith(("http:", "https:", "mailto:"))
    return bool(_SAFE_LINK.match(cleaned)) or cleaned == ""


def _parser(level: int) -> MarkdownIt:
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.enable("table")
    _shift_headings(md, level)
    md.core.ruler.push("resolve_links", _resolve_links)
    return md


def _resolve_links(state: object) -> None:
    base = getattr(state, "env", {}).get("links_base")
    for block in getattr(state, "tokens", []):
        for token in block.children or ():
            name = "href" if token.type == "link_open" else "src" if token.type == "image" \
                else None
            url = str(token.attrGet(name)) if name and token.attrGet(name) is not None else None
            if name is None or url is None or _SCHEME.match(url) or url.startswith("#"):
                continue
            if base:
                token.attrSet(name, base + url.lstrip("/"))
            else:
                token.attrs.pop(name, None)


def _shift_headings(md: MarkdownIt, level: int) -> None:
    """Headings of a description start below the page's own (``level``: the first one)."""

    def shift(state: object) -> None:
        for token in getattr(state, "tokens", []):
            if token.type in ("heading_open", "heading_close"):
                depth = min(6, int(token.tag[1]) + level - 1)
                token.tag = f"h{depth}"

    md.core.ruler.push("shift_headings", shift)


_PARSERS = {level: _parser(level) for level in (2, 3, 4)}


@functools.lru_cache(maxsize=4096)  # a release's text is shown twice: versioned and latest
def to_html(text: str, level: int = 3, links_base: str | None = None) -> Markup:
    """Safe HTML of ``text`` (its ``#`` headings become ``h{level}``)."""
    return Markup(_PARSERS[level].render(text, {"links_base": links_base}))
