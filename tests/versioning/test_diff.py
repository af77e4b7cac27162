"""The pure diff on catalogues built in memory."""

from __future__ import annotations

import datetime as dt

from bouquet.content.catalogue import Catalogue
from bouquet.validation.catalogue import build_catalogue
from bouquet.versioning.diff import diff

from .gitutil import BASE, MODULE, MODULE_PATH


def _catalogue(module_text: str, path: str = MODULE_PATH, *, valid: bool = True) -> Catalogue:
    sources = {p.relative_to(BASE).as_posix(): p.read_bytes() for p in BASE.rglob("*.yaml")}
    sources[path] = module_text.encode()
    catalogue, diagnostics = build_catalogue(sources, today=dt.date(2026, 11, 29))
    assert (diagnostics == []) is valid
    return catalogue


TEXT = (MODULE / MODULE_PATH).read_text(encoding="utf-8")


def test_same_id_in_another_folder_is_not_a_change() -> None:
    old = _catalogue(TEXT)
    # (the validator reports the folder mismatch; the diff itself sees no change)
    new = _catalogue(TEXT, "modules/ailleurs/module.yaml", valid=False)
    assert diff(old, new) == []
    touched = {MODULE_PATH, "modules/ailleurs/module.yaml"}
    assert [c.bump.label for c in diff(old, new, touched=touched)] == ["none"]


def test_draft_edits_fire_nothing() -> None:
    old = _catalogue(TEXT.replace("statut: valide", "statut: brouillon"))
    new = _catalogue(TEXT.replace("statut: valide", "statut: brouillon")
                     .replace("min: 4000", "min: 1"))
    assert [c.rule for c in diff(old, new)] == ["brouillon-modifie"]
    assert [c.bump.label for c in diff(old, new)] == ["none"]


def test_tiroir_without_price_is_sur_devis() -> None:
    old = _catalogue(TEXT)
    new = _catalogue(TEXT.replace("    prix_ht_eur: {min: 4000, max: 6000}\n", ""))
    (change,) = diff(old, new)
    assert change.after == "sur devis"


def test_required_fields_of_a_new_optional_object_break_nothing() -> None:
    from bouquet.versioning.schema_diff import SchemaSummary, diff_schema

    old = SchemaSummary(fields=frozenset({"id", "tiroirs", "tiroirs.id"}),
                        required=frozenset({"id", "tiroirs", "tiroirs.id"}))
    new = SchemaSummary(
        fields=old.fields | {"en_bref", "en_bref.pour_qui", "tiroirs.titre"},
        required=old.required | {"en_bref.pour_qui", "tiroirs.titre"},
    )
    fired = {(c.rule, c.field) for c in diff_schema(old, new)}
    assert ("schema-champ-ajoute", "en_bref") in fired
    assert ("schema-champ-obligatoire", "tiroirs.titre") in fired  # existing tiroirs lack it
    assert not any(field.startswith("en_bref.") for _, field in fired)
