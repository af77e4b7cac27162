"""Small builders for pure tally tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bouquet.governance.models import Bulletin, Decision, Instance, Membre, Regles
from bouquet.governance.result import Assembly, Ballot, Proxy


def assembly(
    members: Mapping[str, str],  # id -> college
    colleges: Mapping[str, int] | None = None,
    *,
    methode: str = "majorite",
    options: Sequence[str] = (),
    majorite: str | None = None,
    **rules: object,
) -> Assembly:
    roster = {m: Membre(id=m, nom=f"Organisation {m}", college=c) for m, c in members.items()}
    instance = Instance(id="comite", nom="Comité", periodicite="mensuelle",
                        membres=tuple(members), colleges=dict(colleges) if colleges else None,
                        regles=Regles.model_validate(rules))
    decision = Decision.model_validate({
        "id": "d1", "instance": "comite", "objet": "Objet", "methode": methode,
        "options": list(options), "majorite": majorite,
    })
    return Assembly(decision, instance, roster)


def ballots(choices: Mapping[str, str]) -> list[Ballot]:
    return [Ballot(m, f"b/{m}.yaml", Bulletin(choix=c)) for m, c in choices.items()]


def graded(grades: Mapping[str, Mapping[str, str]]) -> list[Ballot]:
    return [Ballot(m, f"b/{m}.yaml", Bulletin(mentions=dict(g))) for m, g in grades.items()]


def proxies(pairs: Sequence[tuple[str, str]]) -> list[Proxy]:
    return [Proxy(p, f"p/{p}.yaml", h, i) for i, (p, h) in enumerate(pairs)]
