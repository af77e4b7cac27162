"""Field-by-field diff of one published module (pure)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from bouquet import fr
from bouquet.content.model import Module, Ressource, Statut, Tiroir
from bouquet.versioning import render
from bouquet.versioning.changes import Change, Place, fire
from bouquet.versioning.render import FIELD_LABELS, Labels

TEXT_FIELDS = ("resume", "en_bref", "description")
AUDIENCES = ("commanditaires", "participants", "publics_finaux")
CLASSIFICATIONS = ("familles_secondaires", "echelons", "modalites")
METADATA = ("contributeurs", "mainteneurs", "date_revision")
TIROIR_PRICING = ("niveau", "modele_tarifaire", "unite_prix")
VOCAB_OF = {"familles_secondaires": "familles", "echelons": "echelons",
            "modalites": "modalites", "niveau": "niveaux",
            "modele_tarifaire": "modeles_tarifaires", "unite_prix": "unites_prix"}


def diff_fields(
    place: Place, a: Module, b: Module, labels: Labels, titles: Mapping[str, str]
) -> list[Change]:
    changes = list(_status(place, a, b, titles))
    changes.extend(_texts(place, a, b))
    changes.extend(_classification(place, a, b, labels))
    for name in AUDIENCES:
        changes.extend(_set_field(place, name, getattr(a, name), getattr(b, name), labels,
                                  name, "public-ajoute", "public-retire"))
    changes.extend(_set_field(place, "financements", a.financements, b.financements, labels,
                              "financements", "financement-ajoute", "financement-retire"))
    changes.extend(_tiroirs(place, a.tiroirs, b.tiroirs, labels))
    changes.extend(_ressources(place, a.ressources, b.ressources))
    changes.extend(_metadata(place, a, b))
    return changes


def _status(place: Place, a: Module, b: Module, titles: Mapping[str, str]) -> Iterator[Change]:
    if b.statut is Statut.DEPRECIE and a.statut is not Statut.DEPRECIE:
        yield fire("module-deprecie", place, field="statut", before=render.STATUTS[a.statut],
                   after=render.replacement(b, titles))
        return
    if a.statut is not b.statut:
        yield fire("module-statut-modifie", place, field="statut",
                   before=render.STATUTS[a.statut], after=render.STATUTS[b.statut])
    if a.remplace_par != b.remplace_par:
        yield fire("classement-modifie", place, field="remplace_par",
                   label=FIELD_LABELS["remplace_par"],
                   before=_title(a.remplace_par, titles), after=_title(b.remplace_par, titles))


def _title(module_id: str | None, titles: Mapping[str, str]) -> str:
    return fr.quote(titles.get(module_id, module_id)) if module_id else "aucun"


def _texts(place: Place, a: Module, b: Module) -> Iterator[Change]:
    if a.titre != b.titre:
        yield fire("titre-modifie", place, field="titre", before=fr.quote(a.titre),
                   after=fr.quote(b.titre))
    for name in TEXT_FIELDS:
        if getattr(a, name) != getattr(b, name):
            yield fire("texte-modifie", place, field=name, label=FIELD_LABELS[name])
    if a.prerequis != b.prerequis:
        yield fire("texte-modifie", place, field="prerequis", label=FIELD_LABELS["prerequis"])
    if a.indicateurs != b.indicateurs:
        yield fire("indicateurs-modifies", place, field="indicateurs",
                   before=render.texts(i.libelle for i in a.indicateurs),
                   after=render.texts(i.libelle for i in b.indicateurs))
    if a.licence != b.licence:
        yield fire("licence-modifiee", place, field="licence", before=a.licence,
                   after=b.licence)


def _classification(place: Place, a: Module, b: Module, labels: Labels) -> Iterator[Change]:
    if a.famille != b.famille:
        yield fire("famille-modifiee", place, field="famille",
                   before=labels.value("familles", a.famille),
                   after=labels.value("familles", b.famille))
    for level in ("min", "cible"):
        old, new = getattr(a.maturite, level), getattr(b.maturite, level)
        if old != new:
            name = f"maturite.{level}"
            yield fire("maturite-modifiee", place, field=name, label=FIELD_LABELS[name],
                       before=labels.value("maturites", old),
                       after=labels.value("maturites", new))
    for name in CLASSIFICATIONS:
        old_values, new_values = getattr(a, name), getattr(b, name)
        if set(old_values) != set(new_values):
            vocabulary = VOCAB_OF[name]
            yield fire("classement-modifie", place, field=name, label=FIELD_LABELS[name],
                       before=labels.values(vocabulary, old_values),
                       after=labels.values(vocabulary, new_values))
    if a.correspondances != b.correspondances:
        yield fire("classement-modifie", place, field="correspondances",
                   label=FIELD_LABELS["correspondances"],
                   before=_correspondances(a, labels), after=_correspondances(b, labels))


def _correspondances(module: Module, labels: Labels) -> str:
    corr = module.correspondances
    if corr is None:
        return "aucune"
    items = [labels.value("services_standard", s) for s in corr.services_standard]
    items += [fr.quote(n) for n in corr.besoins_fne]
    return fr.enumeration(items) if items else "aucune"


def _set_field(
    place: Place, name: str, old: tuple[str, ...], new: tuple[str, ...], labels: Labels,
    vocabulary: str, added_rule: str, removed_rule: str,
) -> Iterator[Change]:
    added = [v for v in new if v not in old]
    removed = [v for v in old if v not in new]
    if added:
        yield fire(added_rule, place, field=name, label=FIELD_LABELS[name],
                   after=labels.values(vocabulary, added))
    if removed:
        yield fire(removed_rule, place, field=name, label=FIELD_LABELS[name],
                   before=labels.values(vocabulary, removed))


def _tiroirs(
    place: Place, old: tuple[Tiroir, ...], new: tuple[Tiroir, ...], labels: Labels
) -> Iterator[Change]:
    olds, news = {t.id: t for t in old}, {t.id: t for t in new}
    for tid in [t.id for t in old] + [t.id for t in new if t.id not in olds]:
        a, b = olds.get(tid), news.get(tid)
        field = f"tiroirs.{tid}"
        if a is None and b is not None:
            yield fire("tiroir-ajoute", place, field=field, subject=b.titre,
                       after=render.tiroir_summary(b))
        elif b is None and a is not None:
            yield fire("tiroir-supprime", place, field=field, subject=a.titre,
                       before=render.tiroir_summary(a))
        elif a is not None and b is not None and a != b:
            yield from _tiroir(place, field, a, b, labels)


def _tiroir(place: Place, field: str, a: Tiroir, b: Tiroir, labels: Labels) -> Iterator[Change]:
    name = b.titre
    if a.prix_ht_eur != b.prix_ht_eur:
        yield fire("tiroir-prix-modifie", place, field=f"{field}.prix_ht_eur", subject=name,
                   before=render.price(a), after=render.price(b))
    if a.duree_jours != b.duree_jours:
        yield fire("tiroir-duree-modifiee", place, field=f"{field}.duree_jours", subject=name,
                   before=render.duration(a), after=render.duration(b))
    if a.livrables != b.livrables:
        yield fire("tiroir-livrables-modifies", place, field=f"{field}.livrables",
                   subject=name, before=render.texts(a.livrables),
                   after=render.texts(b.livrables),
                   detail=render.list_difference(a.livrables, b.livrables))
    for attr in TIROIR_PRICING:
        old, new = getattr(a, attr), getattr(b, attr)
        if old != new:
            vocabulary = VOCAB_OF[attr]
            yield fire("tiroir-tarification-modifiee", place, field=f"{field}.{attr}",
                       subject=name, label=FIELD_LABELS[attr],
                       before=labels.value(vocabulary, old), after=labels.value(vocabulary, new))
    for attr, label in (("titre", "titre"), ("description", "description")):
        if getattr(a, attr) != getattr(b, attr):
            yield fire("tiroir-texte-modifie", place, field=f"{field}.{attr}", subject=name,
                       label=label)


def _ressources(
    place: Place, old: tuple[Ressource, ...], new: tuple[Ressource, ...]
) -> Iterator[Change]:
    if old == new:
        return
    secured = [(a, b) for a, b in zip(old, new, strict=False) if _is_secured(a, b)]
    if len(old) == len(new) and len(secured) == sum(a != b for a, b in zip(old, new,
                                                                             strict=True)):
        for _, b in secured:
            yield fire("lien-securise", place, field="ressources", subject=b.titre,
                       after=b.url)
        return
    yield fire("ressources-modifiees", place, field="ressources",
               before=render.texts(render.ressource(r) for r in old),
               after=render.texts(render.ressource(r) for r in new))


def _is_secured(a: Ressource, b: Ressource) -> bool:
    return (a.titre == b.titre and a.url is not None and b.url is not None
            and a.url.startswith("http://") and b.url == "https://" + a.url[len("http://"):])


def _metadata(place: Place, a: Module, b: Module) -> Iterator[Change]:
    for name in METADATA:
        old, new = getattr(a, name), getattr(b, name)
        if old != new:
            yield fire("metadonnees-modifiees", place, field=name, label=FIELD_LABELS[name],
                       before=_meta(old), after=_meta(new))


def _meta(value: object) -> str:
    if isinstance(value, tuple):
        return fr.enumeration(str(v) for v in value) or "aucun"
    if hasattr(value, "year"):
        return fr.date(value)  # type: ignore[arg-type]
    return str(value)
