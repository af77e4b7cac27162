"""Rules that tie the governance files together (roster, colleges, weights, casting vote).

Pure; used by the tally (which refuses an incoherent assembly) and by ``bouquet validate``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bouquet.governance.models import Instance, Membre

WEIGHT_MIN, WEIGHT_MAX, WEIGHT_TOTAL = 10, 50, 100


@dataclass(frozen=True, slots=True)
class Problem:
    """A French message and the key path (within the instance file) it is about."""

    message: str
    where: tuple[str | int, ...] = ()
    kind: str = "roster"  # roster | total | range | college | casting


def instance_problems(instance: Instance, members: Mapping[str, Membre]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, member_id in enumerate(instance.membres):
        if member_id in seen:
            problems.append(Problem(f"membre « {member_id} » inscrit deux fois",
                                    ("membres", index)))
        seen.add(member_id)
        if member_id not in members:
            problems.append(Problem(
                f"« {member_id} » n'est pas dans governance/membres.yaml", ("membres", index)))
    problems.extend(_weights(instance, members))
    casting = instance.regles.voix_preponderante
    if casting is not None and casting not in seen:
        problems.append(Problem(
            f"voix prépondérante : « {casting} » n'est pas membre de l'instance",
            ("regles", "voix_preponderante"), "casting"))
    return problems


def _weights(instance: Instance, members: Mapping[str, Membre]) -> list[Problem]:
    if instance.colleges is None:
        return []
    problems: list[Problem] = []
    total = sum(instance.colleges.values())
    if total != WEIGHT_TOTAL:
        problems.append(Problem(
            f"les pondérations des collèges totalisent {total} % au lieu de 100 %",
            ("colleges",), "total"))
    for college, weight in sorted(instance.colleges.items()):
        if not WEIGHT_MIN <= weight <= WEIGHT_MAX:
            problems.append(Problem(
                f"le collège « {college} » pèse {weight} % : chaque collège doit peser "
                f"entre {WEIGHT_MIN} % et {WEIGHT_MAX} %", ("colleges", college), "range"))
    for index, member_id in enumerate(instance.membres):
        member = members.get(member_id)
        if member is not None and member.college not in instance.colleges:
            problems.append(Problem(
                f"le collège « {member.college} » de « {member_id} » n'a pas de pondération",
                ("membres", index), "college"))
    return problems
