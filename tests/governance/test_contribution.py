"""The contribution to the commons: the real rule reads, and its share is exact."""

from __future__ import annotations

from fractions import Fraction

import pytest

from bouquet.content.model import IntRange
from bouquet.errors import BouquetError
from bouquet.governance.contribution import CONTRIBUTION_PATH, read_contribution, share
from repo import REPO


def test_the_committed_rule_reads_and_is_not_in_force_before_a_vote() -> None:
    rule = read_contribution((REPO / CONTRIBUTION_PATH).read_bytes())
    assert rule.regle.en_plus_du_prix is False
    assert rule.in_force is (rule.decision is not None and rule.statut.value == "adoptee")


def test_share_is_a_percentage_of_the_ht_price() -> None:
    rule = read_contribution(
        b"id: contribution-au-commun\nstatut: adoptee\ndecision: 2027-01-contribution\n"
        b"source: Document fondateur.\nregle:\n  taux_pourcent: 2.5\n  assiette: prix HT\n"
        b"  beneficiaire: porteur\n  calcul: annuel\n  affichage: sur chaque tiroir\n")
    assert rule.in_force
    assert share(IntRange(min=4000, max=6500), rule) == (Fraction(100), Fraction(325, 2))


def test_a_bad_rule_is_a_french_error() -> None:
    with pytest.raises(BouquetError, match="taux_pourcent"):
        read_contribution(b"id: contribution-au-commun\nstatut: proposee\nsource: x\n"
                          b"regle:\n  taux_pourcent: 300\n  assiette: a\n  beneficiaire: b\n"
                          b"  calcul: c\n  affichage: d\n")
