"""« Comment l'acheter » on a module page: each priced tiroir against the public procurement
threshold in force at the release's date, by the rule of ``bouquet validate`` (BQ262: a
tiroir sold by the year counts for the usual number of years), and the contribution to the
commons each priced tiroir carries (``governance/contribution-au-commun.yaml``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from bouquet import fr
from bouquet.content.model import IntRange, Module
from bouquet.governance.contribution import ContributionAuCommun, share
from bouquet.site.records import Release
from bouquet.validation.editorial_rules import (
    NO_PUBLICITY_PREFIX,
    PER_YEAR,
    THRESHOLDS,
    YEARS_OF_ANNUAL,
    in_force,
)


@dataclass(frozen=True)
class TiroirNeed:
    titre: str
    need: str  # "1 500 € HT" or "1 500 € HT par an sur 3 ans, soit 4 500 € HT"
    below: bool  # within the threshold


@dataclass(frozen=True)
class Purchase:
    limit: str | None  # "60 000 € HT"
    since: dt.date | None
    tiroirs: tuple[TiroirNeed, ...]
    quoted: tuple[str, ...]  # the tiroirs « sur devis »


UNIT = f"{fr.NNBSP}€{fr.NBSP}HT"


def _amount(value: int | Fraction) -> str:
    """« 1 500 » or « 37,50 »."""
    if isinstance(value, int) or value.denominator == 1:
        return fr.integer(int(value))
    whole, cents = divmod(round(value * 100), 100)
    return f"{fr.integer(whole)},{cents:02d}"


def _euros(value: int | Fraction) -> str:
    return _amount(value) + UNIT


def purchase(release: Release, module: Module) -> Purchase:
    vocabulary = release.catalogue.vocabularies.get(THRESHOLDS)
    limit = in_force(vocabulary, NO_PUBLICITY_PREFIX, release.date)
    years = vocabulary.get(YEARS_OF_ANNUAL) if vocabulary is not None else None
    needs = []
    for tiroir in module.tiroirs:
        if tiroir.prix_ht_eur is None:
            continue
        high = tiroir.prix_ht_eur.max
        factor = years.valeur if tiroir.unite_prix == PER_YEAR and years is not None \
            and years.valeur else 1
        need = _euros(high) if factor == 1 else (
            f"{_euros(high)} par an sur {factor} ans, soit {_euros(high * factor)}")
        below = limit is None or limit.valeur is None or high * factor <= limit.valeur
        needs.append(TiroirNeed(tiroir.titre, need, below))
    return Purchase(
        _euros(limit.valeur) if limit is not None and limit.valeur is not None else None,
        limit.en_vigueur_le if limit is not None else None, tuple(needs),
        tuple(t.titre for t in module.tiroirs if t.prix_ht_eur is None))


def contribution_text(rule: ContributionAuCommun, price: IntRange | None) -> str | None:
    """« dont contribution au commun : 3 % du prix HT (36 à 45 € HT), versée par le hub »;
    None for a tiroir « sur devis »."""
    if price is None:
        return None
    low, high = share(price, rule)
    amounts = _euros(low) if low == high else f"{_amount(low)} à {_euros(high)}"
    word = "en plus du prix" if rule.regle.en_plus_du_prix else "dont"
    status = "" if rule.in_force else " (règle proposée, pas encore adoptée par le comité)"
    return (f"{word} contribution au commun{fr.NNBSP}: {_amount(rule.regle.taux_pourcent)}"
            f"{fr.NNBSP}% du prix HT ({amounts}), versée par le hub{status}")
