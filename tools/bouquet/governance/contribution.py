"""The contribution to the commons (charter, part 7): ``governance/contribution-au-commun.yaml``.

A rule proposed, then adopted by a decision of the comité du commun. ``share`` gives the part
of a tiroir's published HT price that the hub pays to the commons, for the pages that show it
on every priced tiroir and for the indicators that count it from recorded deployments. The
part is taken out of the price the hub invoices; it is never added to it.
"""

from __future__ import annotations

import enum
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from bouquet.content.model import IntRange
from bouquet.governance.files import load_model

CONTRIBUTION_PATH = "governance/contribution-au-commun.yaml"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StatutContribution(enum.StrEnum):
    PROPOSEE = "proposee"
    ADOPTEE = "adoptee"


class RegleContribution(_Frozen):
    taux_pourcent: Fraction = Field(ge=0, le=100, title="Taux, en % du prix HT")
    assiette: str = Field(min_length=1)
    en_plus_du_prix: bool = False
    beneficiaire: str = Field(min_length=1)
    calcul: str = Field(min_length=1)
    affichage: str = Field(min_length=1)


class ContributionAuCommun(_Frozen):
    id: str = Field(pattern=r"^contribution-au-commun$")
    statut: StatutContribution
    decision: str | None = Field(default=None, title="Décision qui l'a adoptée")
    source: str = Field(min_length=1)
    regle: RegleContribution

    @property
    def in_force(self) -> bool:
        return self.statut is StatutContribution.ADOPTEE and self.decision is not None


def read_contribution(data: bytes) -> ContributionAuCommun:
    """The rule, or ``BouquetError`` naming every problem in French, each with its place."""
    return load_model(ContributionAuCommun, data, CONTRIBUTION_PATH)


def share(price: IntRange, rule: ContributionAuCommun) -> tuple[Fraction, Fraction]:
    """The contribution range in euros HT for a tiroir priced ``price`` (exact fractions)."""
    rate = rule.regle.taux_pourcent / 100
    return (price.min * rate, price.max * rate)
