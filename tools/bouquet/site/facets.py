"""Facets of a catalogue: which modules carry each value (pure). Every facet has a page of
its own per value, so that finding a module needs no JavaScript."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bouquet import fr
from bouquet.content.catalogue import Catalogue
from bouquet.content.model import Module

BUDGET_BANDS: tuple[tuple[str, str, int | None, int | None], ...] = (
    ("moins-de-2000", f"moins de 2{fr.NNBSP}000{fr.NNBSP}€ HT", 0, 2000),
    ("2000-a-5000", f"de 2{fr.NNBSP}000 à 5{fr.NNBSP}000{fr.NNBSP}€ HT", 2000, 5000),
    ("5000-a-10000", f"de 5{fr.NNBSP}000 à 10{fr.NNBSP}000{fr.NNBSP}€ HT", 5000, 10000),
    ("10000-et-plus", f"10{fr.NNBSP}000{fr.NNBSP}€ HT et plus", 10000, None),
    ("sur-devis", "sur devis", None, None),
)

STATUTS = {"experimentation": "En expérimentation", "valide": "Validé",
           "deprecie": "Déprécié", "brouillon": "Brouillon"}


@dataclass(frozen=True)
class FacetValue:
    id: str
    label: str
    modules: tuple[str, ...]  # module ids, in the order of the catalogue's listing


@dataclass(frozen=True)
class Facet:
    id: str  # the URL segment: /facettes/<id>/<value>/
    title: str
    values: tuple[FacetValue, ...]


def budget_bands(module: Module) -> tuple[str, ...]:
    """The budget bands of a module's tiroirs (by their lowest price), or « sur devis »."""
    bands: list[str] = []
    for tiroir in module.tiroirs:
        price = tiroir.prix_ht_eur
        for band, _label, low, high in BUDGET_BANDS:
            if price is None:
                matched = band == "sur-devis"
            else:
                matched = low is not None and price.min >= low and (high is None
                                                                     or price.min < high)
            if matched and band not in bands:
                bands.append(band)
    return tuple(bands)


def _vocab_facet(catalogue: Catalogue, ordered: list[Module], facet: str, title: str,
                 vocabulary: str, values: Callable[[Module], Iterable[str]]) -> Facet:
    found: dict[str, list[str]] = {}
    for module in ordered:
        for value in values(module):
            bucket = found.setdefault(value, [])
            if module.id not in bucket:
                bucket.append(module.id)
    vocab = catalogue.vocabularies.get(vocabulary)
    order = [v.id for v in vocab.valeurs] if vocab else sorted(found)
    label = vocab.label if vocab else (lambda v: v)
    return Facet(facet, title, tuple(FacetValue(v, label(v), tuple(found[v]))
                                     for v in order if v in found))


def facets(catalogue: Catalogue, ordered: list[Module]) -> tuple[Facet, ...]:
    """The facets of the published modules ``ordered`` as listed."""
    statut: dict[str, list[str]] = {}
    for module in ordered:
        statut.setdefault(module.statut.value, []).append(module.id)
    bands: dict[str, list[str]] = {}
    for module in ordered:
        for band in budget_bands(module):
            bands.setdefault(band, []).append(module.id)
    return (
        _vocab_facet(catalogue, ordered, "famille", "Famille", "familles",
                     lambda m: (m.famille, *m.familles_secondaires)),
        _vocab_facet(catalogue, ordered, "commanditaire", "Commanditaire", "commanditaires",
                     lambda m: m.commanditaires),
        _vocab_facet(catalogue, ordered, "participant", "Public formé ou accompagné",
                     "participants", lambda m: m.participants),
        _vocab_facet(catalogue, ordered, "public", "Public final", "publics_finaux",
                     lambda m: m.publics_finaux),
        _vocab_facet(catalogue, ordered, "echelon", "Échelon territorial", "echelons",
                     lambda m: m.echelons),
        _vocab_facet(catalogue, ordered, "modalite", "Modalité", "modalites",
                     lambda m: m.modalites),
        Facet("statut", "Statut", tuple(FacetValue(s, label, tuple(statut[s]))
                                        for s, label in STATUTS.items() if s in statut)),
        Facet("budget", "Budget (tiroir le moins cher)", tuple(
            FacetValue(band, label, tuple(bands[band]))
            for band, label, _low, _high in BUDGET_BANDS if band in bands)),
    )
