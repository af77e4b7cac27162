"""French renderings of field values for change records (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bouquet import fr
from bouquet.content.model import Module, Ressource, Statut, Tiroir
from bouquet.content.vocab import Vocabulary

STATUTS = {
    Statut.BROUILLON: "brouillon", Statut.EXPERIMENTATION: "expérimentation",
    Statut.VALIDE: "validé", Statut.DEPRECIE: "déprécié",
}

FIELD_LABELS = {
    "titre": "Titre", "resume": "Résumé", "en_bref": "En bref", "description": "Description",
    "prerequis": "Prérequis", "famille": "Famille",
    "familles_secondaires": "Familles secondaires", "commanditaires": "Commanditaires",
    "participants": "Participants", "publics_finaux": "Publics finaux",
    "echelons": "Échelons territoriaux", "modalites": "Modalités de réalisation",
    "financements": "Financements possibles", "maturite.min": "Maturité minimale",
    "maturite.cible": "Maturité visée", "contributeurs": "Contributeurs",
    "mainteneurs": "Mainteneurs", "date_revision": "Date de révision", "licence": "Licence",
    "remplace_par": "Remplacé par", "correspondances": "Correspondances",
    "niveau": "niveau", "modele_tarifaire": "modèle tarifaire", "unite_prix": "unité du prix",
}


class Labels:
    """Vocabulary labels, looked up in the new revision first, then the old one."""

    def __init__(self, *sources: Mapping[str, Vocabulary]) -> None:
        self._sources = sources

    def value(self, vocabulary: str, value_id: str | None) -> str:
        if value_id is None:
            return "aucun"
        for vocabularies in self._sources:
            voc = vocabularies.get(vocabulary)
            if voc is not None and value_id in voc.ids():
                return fr.quote(voc.label(value_id))
        return fr.quote(value_id)

    def values(self, vocabulary: str, value_ids: Iterable[str]) -> str:
        rendered = [self.value(vocabulary, v) for v in value_ids]
        return fr.enumeration(rendered) if rendered else "aucun"


def price(tiroir: Tiroir) -> str:
    if tiroir.prix_ht_eur is None:
        return "sur devis"
    return fr.euros(tiroir.prix_ht_eur.min, tiroir.prix_ht_eur.max)


def duration(tiroir: Tiroir) -> str:
    return fr.days(tiroir.duree_jours.min, tiroir.duree_jours.max)


def tiroir_summary(tiroir: Tiroir) -> str:
    return f"{duration(tiroir)}, {price(tiroir)}"


def texts(items: Iterable[str]) -> str:
    rendered = [fr.quote(i) for i in items]
    return fr.enumeration(rendered) if rendered else "aucun"


def list_difference(old: tuple[str, ...], new: tuple[str, ...]) -> str:
    """« ajout de « A » ; retrait de « B » », or « ordre modifié » when only the order moved."""
    added = [item for item in new if item not in old]
    removed = [item for item in old if item not in new]
    parts = []
    if added:
        parts.append(f"ajout de {texts(added)}")
    if removed:
        parts.append(f"retrait de {texts(removed)}")
    return f"{fr.NNBSP}; ".join(parts) if parts else "ordre modifié"


def ressource(item: Ressource) -> str:
    return f"{item.titre} ({item.url or item.chemin})"


def replacement(module: Module, titles: Mapping[str, str]) -> str:
    if module.remplace_par is None:
        return "sans remplaçant désigné"
    title = titles.get(module.remplace_par, module.remplace_par)
    return f"remplacé par {fr.quote(title)}"
