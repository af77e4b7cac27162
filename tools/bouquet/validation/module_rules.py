"""Rules on one module that a schema cannot express (issue 2, item 4).

Rules read the plain YAML data and stay silent on values of the wrong type: the model has
already reported those. Cross-file rules live in ``catalogue_rules``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlsplit

from bouquet.content.fields import get
from bouquet.content.model import RESUME_MAX
from bouquet.content.model_errors import shown
from bouquet.content.reading.loader import Document, json_path
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.fr import date as date_fr
from bouquet.validation.context import Context

STALE_MONTHS = 18


def check_module_rules(doc: Document, folder: str, ctx: Context) -> Iterator[Diagnostic]:
    yield from _id_matches_folder(doc, folder)
    yield from _unique_tiroirs(doc)
    yield from _ranges(doc)
    yield from _resume(doc)
    yield from _revision_date(doc, ctx.today)
    yield from _replacement_presence(doc)
    yield from _urls(doc)


def _at(code: str, doc: Document, loc: tuple[str | int, ...], message: str,
        hint: str | None = None) -> Diagnostic:
    line, column = doc.position(loc)
    return diag(code, doc.path, line, column, message, hint=hint, json_path=json_path(loc))


def _id_matches_folder(doc: Document, folder: str) -> Iterator[Diagnostic]:
    value = get(doc.value, "id")
    if isinstance(value, str) and value != folder:
        yield _at("BQ202", doc, ("id",),
                  f"l'id « {shown(value)} » diffère du nom du dossier « {shown(folder)} »",
                  hint=f"Écrivez « id: {folder} », ou renommez le dossier si l'id est le bon "
                       "(un id publié ne change jamais).")


def _unique_tiroirs(doc: Document) -> Iterator[Diagnostic]:
    tiroirs = get(doc.value, "tiroirs")
    if not isinstance(tiroirs, list):
        return
    seen: dict[str, int] = {}
    for index, tiroir in enumerate(tiroirs):
        tid = get(tiroir, "id")
        if not isinstance(tid, str):
            continue
        if tid in seen:
            first = doc.position(("tiroirs", seen[tid], "id"))
            yield _at("BQ204", doc, ("tiroirs", index, "id"),
                      f"tiroir « {shown(tid)} » en double (déjà défini ligne {first[0]})")
        else:
            seen[tid] = index


def _ranges(doc: Document) -> Iterator[Diagnostic]:
    tiroirs = get(doc.value, "tiroirs")
    if not isinstance(tiroirs, list):
        return
    for index in range(len(tiroirs)):
        for key, label in (("duree_jours", "durée"), ("prix_ht_eur", "prix")):
            low = get(tiroirs, index, key, "min")
            high = get(tiroirs, index, key, "max")
            if _number(low) and _number(high) and low > high:  # type: ignore[operator]
                yield _at("BQ205", doc, ("tiroirs", index, key, "min"),
                          f"{label} : le minimum ({shown(low)}) dépasse le maximum "
                          f"({shown(high)})")


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _resume(doc: Document) -> Iterator[Diagnostic]:
    resume = get(doc.value, "resume")
    if isinstance(resume, str) and len(resume) > RESUME_MAX:  # as the schema's maxLength
        yield _at("BQ214", doc, ("resume",),
                  f"le résumé compte {len(resume)} caractères, {RESUME_MAX} au plus")


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _revision_date(doc: Document, today: dt.date) -> Iterator[Diagnostic]:
    value = get(doc.value, "date_revision")
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        return
    if value > today:
        yield _at("BQ215", doc, ("date_revision",),
                  f"date de révision dans le futur : {date_fr(value)} "
                  f"(nous sommes le {date_fr(today)})")
    elif value < months_before(today, STALE_MONTHS):
        yield _at("BQ216", doc, ("date_revision",),
                  f"module non révisé depuis le {date_fr(value)} "
                  f"(plus de {STALE_MONTHS} mois)")


def _replacement_presence(doc: Document) -> Iterator[Diagnostic]:
    statut = get(doc.value, "statut")
    target = get(doc.value, "remplace_par")
    if statut == "deprecie" and target is None:
        yield _at("BQ206", doc, ("statut",),
                  "module déprécié sans « remplace_par » : par quoi est-il remplacé ?")
    elif isinstance(statut, str) and statut != "deprecie" and target is not None:
        yield _at("BQ209", doc, ("remplace_par",),
                  f"« remplace_par » n'a de sens que pour un module déprécié (statut : "
                  f"« {shown(statut)} »)")
    if isinstance(target, str) and target == get(doc.value, "id"):
        yield _at("BQ208", doc, ("remplace_par",), "un module ne peut pas se remplacer lui-même")


def url_problem(url: str) -> str | None:
    if any(c.isspace() for c in url):
        return "l'adresse contient des espaces"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return "adresse mal formée"
    if parts.scheme not in ("https", "http"):
        return "l'adresse doit commencer par https:// (ou http://)"
    host = parts.hostname or ""
    if not host or ("." not in host.strip(".") and host != "localhost"):
        return "l'adresse n'a pas de nom de domaine valide"
    return None


def _urls(doc: Document) -> Iterator[Diagnostic]:
    ressources = get(doc.value, "ressources")
    if not isinstance(ressources, list):
        return
    for index in range(len(ressources)):
        url = get(ressources, index, "url")
        if isinstance(url, str):
            problem = url_problem(url)
            if problem:
                yield _at("BQ213", doc, ("ressources", index, "url"),
                          f"adresse web invalide « {shown(url)} » : {problem}")
