"""Rules that tie the governance files together (roster, colleges, weights, casting vote).

Pure; used by the tally (which refuses an incoherent assembly) and by ``bouquet validate``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from bouquet.governance.models import Instance, Membre
from bouquet.governance.signatures import KEY_PATTERN

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


def has_usable_key(member: Membre | None) -> bool:
    return member is not None and any(KEY_PATTERN.match(k.strip()) for k in member.cles_ssh)


@dataclass(frozen=True, slots=True)
class Reachability:
    """Whether the quorum can still be reached: how many members may still take part."""

    possible: int
    registered: int
    reachable: bool
    reason: str | None  # French, when not reachable


def quorum_reachability(instance: Instance, members: Mapping[str, Membre]) -> Reachability:
    """With signed ballots required, a member with no key as of the opening can neither vote
    nor give a proxy (a proxy is signed by its principal): only members with a key count."""
    roster = instance.membres
    possible = [m for m in roster if not instance.regles.signature
                or has_usable_key(members.get(m))]
    registered = len(roster)
    rule = instance.regles.quorum
    reachable = registered > 0 and rule.passes(Fraction(len(possible), registered))
    reason = None
    if not reachable:
        missing = sorted(set(roster) - set(possible))
        reason = (f"quorum inaccessible : l'instance « {instance.id} » exige des bulletins "
                  f"signés, et seuls {len(possible)} de ses {registered} membres ont une "
                  f"clé SSH dans governance/membres.yaml ; le quorum ({rule.french()}) ne "
                  f"peut pas être atteint (sans clé : {', '.join(missing)})")
    return Reachability(len(possible), registered, reachable, reason)


