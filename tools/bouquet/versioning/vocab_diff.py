"""Diff of the controlled vocabularies (pure)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from bouquet import fr
from bouquet.content.vocab import VocabCorrespondances, Vocabulary, VocabValue, vocab_path
from bouquet.versioning.changes import Change, Place, Scope, fire
from bouquet.versioning.render import list_difference


def diff_vocabularies(
    old: Mapping[str, Vocabulary], new: Mapping[str, Vocabulary], touched: Collection[str]
) -> list[Change]:
    changes: list[Change] = []
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        present = b or a
        title = present.titre if present is not None else name
        place = Place(Scope.VOCABULAIRE, name, title, vocab_path(name))
        if a is None:
            changes.append(fire("vocabulaire-ajoute", place, subject=title))
        elif b is None:
            changes.append(fire("vocabulaire-supprime", place, subject=title))
        elif a == b:
            if place.path in touched:
                changes.append(fire("mise-en-forme", place))
        else:
            changes.extend(_diff_values(place, a, b))
    return changes


def _diff_values(place: Place, a: Vocabulary, b: Vocabulary) -> Iterator[Change]:
    title = b.titre
    for label, attr in (("Titre", "titre"), ("Description", "description")):
        if getattr(a, attr) != getattr(b, attr):
            yield fire("vocabulaire-texte-modifie", place, field=attr, label=label,
                       subject=title)
    olds = {v.id: v for v in a.valeurs}
    news = {v.id: v for v in b.valeurs}
    for vid, value in olds.items():
        if vid not in news:
            yield fire("valeur-retiree", place, field=f"valeurs.{vid}", subject=title,
                       before=fr.quote(value.libelle))
    for vid, value in news.items():
        field = f"valeurs.{vid}"
        before = olds.get(vid)
        if before is None:
            yield fire("valeur-ajoutee", place, field=field, subject=title,
                       after=fr.quote(value.libelle))
            continue
        if before.libelle != value.libelle:
            yield fire("valeur-libelle-modifie", place, field=field, subject=title,
                       before=fr.quote(before.libelle), after=fr.quote(value.libelle))
        if before.definition != value.definition:
            yield fire("valeur-definition-modifiee", place, field=field, subject=title,
                       after=fr.quote(value.libelle))
        if before.correspondances != value.correspondances:
            yield fire("valeur-correspondances-modifiees", place, field=field, subject=title,
                       after=fr.quote(value.libelle),
                       detail=correspondence_difference(before.correspondances,
                                                        value.correspondances))
        yield from _checks_and_status(place, field, title, before, value)


def _checks_and_status(place: Place, field: str, title: str, before: VocabValue,
                       value: VocabValue) -> Iterator[Change]:
    """What a buyer relies on: obsolescence, the source and date of a checked fact, and the
    numbers the rules read (``valeur``, ``unite``, ``en_vigueur_le``)."""
    if value.obsolete and not before.obsolete:
        instead = fr.enumeration(fr.quote(r) for r in value.remplace_par)
        detail = f"employer {instead} à la place" if instead else "ne plus l'employer"
        yield fire("valeur-obsolete", place, field=field, subject=title,
                   after=fr.quote(value.libelle), detail=detail)
    checked = ("source", "verifie_le", "valeur", "unite", "en_vigueur_le", "remplace_par")
    if any(getattr(before, name) != getattr(value, name) for name in checked) or (
            before.obsolete and not value.obsolete):
        yield fire("valeur-verification-modifiee", place, field=field, subject=title,
                   after=fr.quote(value.libelle))


STANDARD_NAMES = (("standard_mediation_num", "standard-mediation-num"),
                  ("data_inclusion", "data·inclusion"), ("autres", "autres"))


def correspondence_difference(old: VocabCorrespondances | None,
                              new: VocabCorrespondances | None) -> str:
    """« data·inclusion : ajout de « communes » ; retrait de « MUNI » », per standard."""
    a, b = old or VocabCorrespondances(), new or VocabCorrespondances()
    parts = [f"{name}{fr.NNBSP}: {list_difference(getattr(a, attr), getattr(b, attr))}"
             for attr, name in STANDARD_NAMES if getattr(a, attr) != getattr(b, attr)]
    return f"{fr.NNBSP}; ".join(parts)
