"""Vocabulary rules: module values exist in their vocabulary; vocabulary files are sound."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from bouquet.content.fields import VocabField, get, matching, shape_of
from bouquet.content.model import Module
from bouquet.content.model_errors import shown
from bouquet.content.reading.loader import Document, json_path
from bouquet.content.vocab import Vocabulary, vocab_path
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.context import Context

MATURITY = "maturites"
LISTED_MAX = 12


def vocab_patterns() -> frozenset[tuple[str, ...]]:
    """Locations whose format errors the vocabulary check reports better."""
    fields = shape_of(Module).vocab_fields
    return frozenset((*f.pattern, "*") if f.many else f.pattern for f in fields)


def check_module_vocabularies(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    for spec in shape_of(Module).vocab_fields:
        ids = ctx.vocab_ids.get(spec.vocabulary)
        if ids is None:
            continue  # reported once by check_vocabularies_present
        for loc, value in matching(doc.value, spec.pattern):
            yield from _values(doc, spec, loc, value, ids, ctx)
    yield from _maturity_order(doc, ctx)


def _values(doc: Document, spec: VocabField, loc: tuple[str | int, ...], value: object,
            ids: frozenset[str], ctx: Context) -> Iterator[Diagnostic]:
    items = list(enumerate(value)) if spec.many and isinstance(value, list) else [(None, value)]
    seen: set[str] = set()
    for index, item in items:
        where = loc if index is None else (*loc, index)
        if not isinstance(item, str) or doc.is_tainted(where):
            continue
        line, column = doc.position(where)
        if item not in ids:
            yield diag("BQ201", doc.path, line, column,
                       _unknown_message(item, spec.vocabulary, ids),
                       hint=_unknown_hint(spec.vocabulary, ids, ctx), json_path=json_path(where))
        elif item in seen:
            yield diag("BQ222", doc.path, line, column,
                       f"valeur « {item} » répétée dans « {json_path(loc)[2:]} »",
                       json_path=json_path(where))
        seen.add(item)


def _unknown_message(value: str, vocabulary: str, ids: frozenset[str]) -> str:
    message = f"valeur « {shown(value)} » absente du vocabulaire « {vocabulary} »"
    if value.lower() in ids:
        return message + f" ; écrivez « {value.lower()} », en minuscules"
    close = difflib.get_close_matches(value.lower(), sorted(ids), n=3, cutoff=0.6)
    if close:
        message += " ; valeurs proches : " + ", ".join(f"« {c} »" for c in close)
    return message


def _unknown_hint(vocabulary: str, ids: frozenset[str], ctx: Context) -> str:
    hint = f"Choisissez une valeur de {vocab_path(vocabulary)}"
    if len(ids) <= LISTED_MAX:
        voc = ctx.vocabularies[vocabulary]
        hint += " : " + ", ".join(v.id for v in voc.valeurs)
    return hint + "."


def _maturity_order(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    voc = ctx.vocabularies.get(MATURITY)
    low, target = get(doc.value, "maturite", "min"), get(doc.value, "maturite", "cible")
    if voc is None or not isinstance(low, str) or not isinstance(target, str):
        return
    order = [v.id for v in voc.valeurs]
    if low in order and target in order and order.index(target) < order.index(low):
        line, column = doc.position(("maturite", "cible"))
        yield diag("BQ223", doc.path, line, column,
                   f"maturité visée « {target} » inférieure à la maturité minimale « {low} »",
                   json_path="$.maturite.cible")


def check_vocabulary_file(doc: Document, name: str, voc: Vocabulary) -> Iterator[Diagnostic]:
    if voc.id != name:
        line, column = doc.position(("id",))
        yield diag("BQ220", doc.path, line, column,
                   f"le vocabulaire s'appelle « {voc.id} » mais son fichier « {name}.yaml »",
                   json_path="$.id")
    seen: dict[str, int] = {}
    for index, value in enumerate(voc.valeurs):
        if value.id in seen:
            first = doc.position(("valeurs", seen[value.id], "id"))
            line, column = doc.position(("valeurs", index, "id"))
            yield diag("BQ219", doc.path, line, column,
                       f"valeur « {value.id} » en double (déjà définie ligne {first[0]})",
                       json_path=json_path(("valeurs", index, "id")))
        else:
            seen[value.id] = index


def needed_vocabularies() -> frozenset[str]:
    return frozenset(f.vocabulary for f in shape_of(Module).vocab_fields)


def check_vocabularies_present(ctx: Context, paths: frozenset[str]) -> Iterator[Diagnostic]:
    """Vocabularies the model needs whose file is absent (a broken file is told elsewhere)."""
    for name in sorted(needed_vocabularies()):
        if vocab_path(name) in paths:
            continue
        yield diag("BQ221", vocab_path(name), 0, 0,
                   f"vocabulaire « {name} » introuvable : les valeurs de ce vocabulaire ne "
                   "peuvent pas être vérifiées")
