"""A correspondence change (v0 → v1 data·inclusion) is a classified content change whose note
says what was added and removed."""

from __future__ import annotations

from bouquet.content.vocab import VocabCorrespondances, Vocabulary, VocabValue
from bouquet.fr import NBSP, NNBSP
from bouquet.versioning.rules import Bump, rule
from bouquet.versioning.vocab_diff import diff_vocabularies


def _vocabulary(codes: tuple[str, ...]) -> Vocabulary:
    value = VocabValue(id="commune", libelle="Commune", definition="Une commune.",
                       correspondances=VocabCorrespondances(data_inclusion=codes))
    return Vocabulary(id="commanditaires", titre="Commanditaires", description="Essai.",
                      valeurs=(value,))


def test_v1_mapping_is_a_minor_change_listing_added_and_removed_codes() -> None:
    changes = diff_vocabularies({"commanditaires": _vocabulary(("MUNI", "CCAS"))},
                                {"commanditaires": _vocabulary(("communes", "ccas-cias"))},
                                touched=())
    assert [c.rule for c in changes] == ["valeur-correspondances-modifiees"]
    assert rule("valeur-correspondances-modifiees").bump is Bump.MINOR
    message = changes[0].message
    assert f"data·inclusion{NNBSP}: ajout de «{NBSP}communes{NBSP}»" in message
    assert f"retrait de «{NBSP}MUNI{NBSP}» et «{NBSP}CCAS{NBSP}»" in message
