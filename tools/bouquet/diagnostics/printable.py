"""What text may hold, and how to show the rest: the one definition of forbidden characters.

Content and everything printed to a terminal never carry control sequences: C0 controls
other than tab and line feed, DEL, C1 controls and the bidirectional embeddings, overrides
and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what a reader sees. libyaml
refuses the raw C0/C1 bytes; the loader refuses the same characters however the YAML
spells them (``"\\e"``, ``"\\u202E"``). A one-line field (a title, a label) holds no line
break either. ``visible`` writes any of them as a printable escape, for messages.
"""

from __future__ import annotations

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters no content text may hold, whatever the YAML spelling."""

LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
"""Characters that break a line: a one-line field holds none."""

FORBIDDEN_RAW_UTF8 = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
"""The forbidden characters libyaml accepts raw (the bidi controls), as UTF-8 bytes."""

_SHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


_SHOWN_IN_A_NAME = re.compile(f"{_SHOWN.pattern}|[\t\n\r\x85]")


def visible(text: str, *, name: bool = False) -> str:
    """``text`` with every forbidden character (and U+2028/U+2029) written ``\\u001b``:
    safe to print to a terminal, and the reader sees what is there. Line feeds and tabs
    are kept (a message may span lines), except in a ``name`` (a path, an id)."""
    shown = _SHOWN_IN_A_NAME if name else _SHOWN
    if not shown.search(text):
        return text
    return shown.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line_problem(text: str) -> str | None:
    """Why ``text`` is not one line of printable text, in French; None when it is."""
    found = FORBIDDEN.search(text)
    if found is not None:
        return f"caractère de contrôle U+{ord(found.group()):04X} interdit"
    found = LINE_BREAK.search(text)
    if found is not None:
        return "saut de ligne interdit : ce champ tient sur une seule ligne"
    if "\t" in text:
        return "tabulation interdite : ce champ tient sur une seule ligne"
    return None


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<|~&])")
_BLOCK_START = re.compile(r"^(\s*)([-+=>#]|\d+[.)])")


def markdown_inline(text: str) -> str:
    """Free text (a title, a name, a motif, a message quoting content) placed in Markdown we
    write — minutes, notes, ``CHANGELOG.md``, tag messages — as inline text: it stays on its
    line (line breaks become spaces), cannot open a heading, a list, a quote, a link, an
    image, emphasis, code or HTML (those characters are backslash-escaped), nor carry a
    control sequence. The one escaping of Markdown inline text: every renderer uses it."""
    text = visible(LINE_BREAK.sub(" ", text).replace("\t", " "))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)


def markdown_code(text: str) -> str:
    """An identifier or a path as a code span (`` `text` ``), when it can be one (no
    backtick, no line break, nothing forbidden); else as escaped text in « guillemets »."""
    if "`" in text or LINE_BREAK.search(text) or _SHOWN.search(text) or not text.strip():
        return f"« {markdown_inline(text)} »"
    return f"`{text}`"
