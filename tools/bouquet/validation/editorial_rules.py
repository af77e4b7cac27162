"""Rules on what a module tells a buyer: dated financings, obsolete values, procurement.

The numbers these rules compare against are data, read from the vocabulary ``seuils``
(``schema/vocabulaires/seuils.yaml``): a missing vocabulary or value silences its rule.
Readability rules live in ``readability``; this module is their one call site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from bouquet import fr
from bouquet.content.fields import get
from bouquet.content.model_errors import field_name, shown
from bouquet.content.reading.loader import Document, json_path
from bouquet.content.scaffold import MAINTAINER_PLACEHOLDER, SCAFFOLD_TEXT
from bouquet.content.vocab import Vocabulary, VocabValue
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.context import Context
from bouquet.validation.readability import check_readability, strings_in

THRESHOLDS = "seuils"
RECHECK_DAYS = "reverification_financements"
YEARS_OF_ANNUAL = "annees_engagement_annuel"
NO_PUBLICITY_PREFIX = "dispense_publicite_services"
PER_YEAR = "an"


def check_editorial_rules(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    """Every editorial rule on one module file."""
    yield from _obsolete_values(doc, ctx)
    yield from _scaffold_left(doc)
    if get(doc.value, "statut") not in ("brouillon", None):
        yield from _unchecked_financings(doc, ctx)
    yield from _above_threshold(doc, ctx)
    yield from _summary_prices(doc)
    yield from check_readability(doc, ctx)


def _scaffold_left(doc: Document) -> Iterator[Diagnostic]:
    """Texts of ``bouquet new`` left as they were: an error once the module is no draft."""
    draft = get(doc.value, "statut") in ("brouillon", None)
    code = "BQ267" if draft else "BQ266"
    for loc, text in strings_in(doc.value, ()):
        if text.strip() == MAINTAINER_PLACEHOLDER:
            yield _at(code, doc, loc, fr.typography(
                f"mainteneur « {MAINTAINER_PLACEHOLDER} » laissé par le squelette"),
                hint=fr.typography("Remplacez-le par le compte GitHub d'une personne qui "
                                   "relira les changements du module (ex. « @hub-exemple »)."))
        elif SCAFFOLD_TEXT.casefold() in text.casefold():
            yield _at(code, doc, loc, fr.typography(
                f"texte « {SCAFFOLD_TEXT} » laissé par le squelette dans « {field_name(loc)} »"))


def _at(code: str, doc: Document, loc: tuple[str | int, ...], message: str,
        hint: str | None = None) -> Diagnostic:
    line, column = doc.position(loc)
    return diag(code, doc.path, line, column, message, hint=hint, json_path=json_path(loc))


def threshold(ctx: Context, value_id: str) -> VocabValue | None:
    vocabulary = ctx.vocabularies.get(THRESHOLDS)
    found = vocabulary.get(value_id) if vocabulary is not None else None
    return found if found is not None and found.valeur is not None else None


def threshold_in_force(ctx: Context, prefix: str) -> VocabValue | None:
    """The dated value of ``seuils`` named ``prefix…`` most recently in force at ``today``."""
    return in_force(ctx.vocabularies.get(THRESHOLDS), prefix, ctx.today)


def in_force(vocabulary: Vocabulary | None, prefix: str, day: dt.date) -> VocabValue | None:
    """The dated value of ``vocabulary`` named ``prefix…`` most recently in force at ``day``
    (also what the site shows of the procurement threshold)."""
    if vocabulary is None:
        return None
    candidates = [v for v in vocabulary.valeurs
                  if v.id.startswith(prefix) and v.valeur is not None
                  and v.en_vigueur_le is not None and v.en_vigueur_le <= day]
    return max(candidates, key=lambda v: v.en_vigueur_le or dt.date.min, default=None)


def _financings(doc: Document) -> list[tuple[int, str]]:
    values = get(doc.value, "financements")
    if not isinstance(values, list):
        return []
    return [(i, v) for i, v in enumerate(values) if isinstance(v, str)]


def _obsolete_values(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    vocabulary = ctx.vocabularies.get("financements")
    if vocabulary is None:
        return
    for index, value_id in _financings(doc):
        value = vocabulary.get(value_id)
        if value is not None and value.obsolete:
            instead = fr.enumeration(fr.quote(r) for r in value.remplace_par) or "une autre valeur"
            yield _at("BQ261", doc, ("financements", index),
                      f"le financement « {shown(value_id)} » est obsolète",
                      hint=f"Remplacez-le par {instead} (voir "
                           "schema/vocabulaires/financements.yaml).")


def _unchecked_financings(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    vocabulary = ctx.vocabularies.get("financements")
    delay = threshold(ctx, RECHECK_DAYS)
    if vocabulary is None or delay is None or delay.valeur is None:
        return
    oldest = ctx.today - dt.timedelta(days=delay.valeur)
    for index, value_id in _financings(doc):
        value = vocabulary.get(value_id)
        if value is None or value.obsolete:
            continue
        if value.verifie_le is None:
            yield _at("BQ260", doc, ("financements", index),
                      f"le financement « {value.libelle} » n'a jamais été vérifié "
                      "(pas de « verifie_le » dans le vocabulaire)")
        elif value.verifie_le < oldest:
            yield _at("BQ260", doc, ("financements", index),
                      f"le financement « {value.libelle} » a été vérifié pour la dernière fois "
                      f"le {fr.date(value.verifie_le)}, il y a plus de {delay.valeur} jours")


def _above_threshold(doc: Document, ctx: Context) -> Iterator[Diagnostic]:
    limit = threshold_in_force(ctx, NO_PUBLICITY_PREFIX)
    tiroirs = get(doc.value, "tiroirs")
    if limit is None or limit.valeur is None or not isinstance(tiroirs, list):
        return
    years = threshold(ctx, YEARS_OF_ANNUAL)
    for index, tiroir in enumerate(tiroirs):
        high = get(tiroir, "prix_ht_eur", "max")
        if not isinstance(high, int) or isinstance(high, bool):
            continue
        annual = get(tiroir, "unite_prix") == PER_YEAR and years is not None
        factor = years.valeur if annual and years is not None and years.valeur else 1
        if high * factor > limit.valeur:
            over = _euros(high) if factor == 1 else (
                f"{_euros(high)} par an sur {factor} ans, soit {_euros(high * factor)}")
            yield _at("BQ262", doc, ("tiroirs", index, "prix_ht_eur", "max"),
                      f"le tiroir « {shown(get(tiroir, 'id'))} » coûte jusqu'à {over}, au-delà du "
                      f"seuil de dispense de publicité de {_euros(limit.valeur)} "
                      f"(en vigueur depuis le {fr.date(limit.en_vigueur_le or ctx.today)})")


def _euros(amount: int) -> str:
    return f"{fr.integer(amount)}{fr.NNBSP}€ HT"


VAT_RATE = 1.2


def _summary_prices(doc: Document) -> Iterator[Diagnostic]:
    """The « en bref » price range is the range of the priced tiroirs, and TTC is HT plus at
    most 20 % of VAT."""
    ht = get(doc.value, "en_bref", "prix", "ht_eur")
    ttc = get(doc.value, "en_bref", "prix", "ttc_eur")
    tiroirs = get(doc.value, "tiroirs")
    if not isinstance(ht, dict) or not isinstance(tiroirs, list):
        return
    lows = [get(t, "prix_ht_eur", "min") for t in tiroirs]
    highs = [get(t, "prix_ht_eur", "max") for t in tiroirs]
    low = min((v for v in lows if isinstance(v, int)), default=None)
    high = max((v for v in highs if isinstance(v, int)), default=None)
    if low is not None and high is not None and (ht.get("min"), ht.get("max")) != (low, high):
        yield _at("BQ265", doc, ("en_bref", "prix", "ht_eur"),
                  f"l'« en bref » annonce de {_amount(ht.get('min'))} à {_amount(ht.get('max'))} "
                  f"HT, les tiroirs vont de {_euros(low)} à {_euros(high)}")
    if isinstance(ttc, dict):
        for bound in ("min", "max"):
            before, after = ht.get(bound), ttc.get(bound)
            if isinstance(before, int) and isinstance(after, int) and not (
                    before <= after <= round(before * VAT_RATE)):
                yield _at("BQ265", doc, ("en_bref", "prix", "ttc_eur", bound),
                          f"TTC {_amount(after)} : attendu entre {_euros(before)} (sans TVA) "
                          f"et {_amount(round(before * VAT_RATE))} TTC (TVA à 20 %)")


def _amount(value: object) -> str:
    return f"{fr.integer(value)}{fr.NNBSP}€" if isinstance(value, int) else "?"
