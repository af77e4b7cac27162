"""Semantic diff of two catalogues, by module id, field by field (pure).

Drafts (``brouillon``) are outside the published bouquet: edits to them fire only
``brouillon-modifie`` (no bump); leaving draft is a publication; going back to draft is a
removal. A module whose folder moved but whose id and content stay equal is not a change;
a changed id is a removal plus an addition.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bouquet.content.catalogue import Catalogue
from bouquet.content.model import Module, Statut
from bouquet.versioning import render
from bouquet.versioning.changes import Change, Place, Scope, fire
from bouquet.versioning.module_fields import diff_fields
from bouquet.versioning.vocab_diff import diff_vocabularies


def diff(
    old: Catalogue, new: Catalogue, *, touched: Collection[str] = (),
    titles: Mapping[str, str] | None = None,
) -> list[Change]:
    """Every change from ``old`` to ``new``. ``touched`` lists the files known to differ in
    bytes: an equal record there fires ``mise-en-forme`` (formatting only). ``titles`` gives
    the titles of other modules named by these (``remplace_par``) when they are not loaded."""
    labels = render.Labels(new.vocabularies, old.vocabularies)
    titles = {**(titles or {}), **{i: m.titre for i, m in old.modules.items()},
              **{i: m.titre for i, m in new.modules.items()}}
    changes: list[Change] = []
    for module_id in sorted(set(old.modules) | set(new.modules)):
        before, after = old.modules.get(module_id), new.modules.get(module_id)
        path = new.paths.get(module_id) or old.paths.get(module_id, "")
        present = after or before
        title = present.titre if present is not None else module_id
        place = Place(Scope.MODULE, module_id, title, path)
        if is_published(before) and is_published(after):
            changes.extend(_resource_files(place, after, touched))
        if before == after:
            if path in touched or old.paths.get(module_id) in touched:
                changes.append(fire("mise-en-forme", place))
            continue
        changes.extend(_diff_module(place, before, after, labels, titles))
    changes.extend(diff_vocabularies(old.vocabularies, new.vocabularies, touched))
    return sorted(changes, key=Change.sort_key)


def _resource_files(place: Place, module: Module | None, touched: Collection[str]) -> list[Change]:
    """Files of the module's folder other than module.yaml that changed (templates, guides)."""
    folder = place.path.rsplit("/", 1)[0] + "/"
    named = {r.chemin: r.titre for r in module.ressources if r.chemin} if module else {}
    return [
        fire("ressource-fichier-modifie", place, field="ressources",
             subject=named.get(path[len(folder):], path[len(folder):]))
        for path in sorted(touched)
        if path.startswith(folder) and path != place.path
    ]


def is_published(module: Module | None) -> bool:
    return module is not None and module.statut is not Statut.BROUILLON


def _diff_module(
    place: Place, before: Module | None, after: Module | None,
    labels: render.Labels, titles: Mapping[str, str],
) -> list[Change]:
    was, now = is_published(before), is_published(after)
    if not was and not now:  # a draft added is not « Brouillon modifié »
        return [fire("brouillon-ajoute" if before is None and after is not None
                     else "brouillon-modifie", place)]
    if was and not now:
        assert before is not None
        deprecated = before.statut is Statut.DEPRECIE
        rule_id = "module-supprime" if deprecated else "module-supprime-sans-depreciation"
        return [fire(rule_id, place, before=render.STATUTS[before.statut])]
    assert after is not None
    status = render.STATUTS[after.statut]
    if before is None:
        return [fire("module-publie", place, field="statut", after=status)]
    if not was:
        return [fire("module-promu", place, field="statut", before="brouillon", after=status)]
    return diff_fields(place, before, after, labels, titles)
