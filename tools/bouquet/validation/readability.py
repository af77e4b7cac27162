"""Readability of what a mayor reads first: the résumé and the « en bref » of a module.

Two warnings: a sentence longer than the ``phrase_mots_max`` value of the vocabulary
``seuils``, and an acronym neither explained at its first use in the text (« Agence
nationale de la cohésion des territoires (ANCT) » or « ANCT (Agence …) ») nor listed in the
glossary vocabulary ``sigles``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bouquet.content.fields import get
from bouquet.content.reading.loader import Document, json_path
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.context import Context

GLOSSARY = "sigles"
SENTENCE_MAX = "phrase_mots_max"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_ACRONYM = re.compile(r"(?<![\w-])([A-ZÀ-Ý][A-Z0-9À-Ý]*[A-ZÀ-Ý][A-Z0-9À-Ý]*\+?)(?![\w-])")
_WORD = re.compile(r"\w", re.UNICODE)

Loc = tuple[str | int, ...]


def check_readability(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    limit = _sentence_limit(ctx)
    glossary = _glossary(ctx)
    for loc, text in _texts(doc):
        if limit is not None:
            yield from _long_sentences(doc, loc, text, limit)
        yield from _unexplained_acronyms(doc, loc, text, glossary)


def _texts(doc: Document) -> Iterator[tuple[Loc, str]]:
    resume = get(doc.value, "resume")
    if isinstance(resume, str):
        yield ("resume",), resume
    yield from strings_in(get(doc.value, "en_bref"), ("en_bref",))


def strings_in(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every text under ``value`` with its location."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from strings_in(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, (*loc, index))


def _sentence_limit(ctx: Context) -> int | None:
    vocabulary = ctx.vocabularies.get("seuils")
    value = vocabulary.get(SENTENCE_MAX) if vocabulary is not None else None
    return value.valeur if value is not None else None


def _glossary(ctx: Context) -> frozenset[str]:
    vocabulary = ctx.vocabularies.get(GLOSSARY)
    return frozenset(v.libelle for v in vocabulary.valeurs) if vocabulary is not None else (
        frozenset())


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def _at(code: str, doc: Document, loc: Loc, message: str) -> Diagnostic:
    line, column = doc.position(loc)
    return diag(code, doc.path, line, column, message, json_path=json_path(loc))


def _long_sentences(doc: Document, loc: Loc, text: str, limit: int) -> Iterator[Diagnostic]:
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > limit:
            start = " ".join(sentence.split()[:6])
            yield _at("BQ263", doc, loc,
                      f"phrase de {words} mots ({limit} au plus) : « {start}… »")


def explained(text: str, start: int, end: int) -> bool:
    """Whether the acronym at ``text[start:end]`` is spelled out right there."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return (before.endswith("(") and after.startswith(")")) or after.startswith("(")


def _unexplained_acronyms(doc: Document, loc: Loc, text: str,
                          glossary: frozenset[str]) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if acronym in seen:
            continue
        seen.add(acronym)
        if acronym not in glossary and not explained(text, match.start(), match.end()):
            yield _at("BQ264", doc, loc,
                      f"sigle « {acronym} » ni expliqué à sa première apparition, ni présent "
                      "dans le glossaire")
