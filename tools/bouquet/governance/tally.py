"""The tally: a pure function from what history says to an exact ``Result``.

Present = a valid ballot of any choice; represented = a valid proxy. A proxy vote takes the
holder's choice and counts in the principal's college. Exprimés = pour + contre. Every
arithmetic step uses ``fractions.Fraction``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from bouquet.governance import judgment
from bouquet.governance.models import Agregation, Choix, CollegeSansSuffrage, Methode
from bouquet.governance.proxies import resolve_proxies
from bouquet.governance.result import (
    Assembly,
    Ballot,
    CollegeCount,
    Excluded,
    Outcome,
    Presence,
    Proxy,
    Quorum,
    Result,
)

Vote = Choix | tuple[int, ...]  # a choice, or one grade per option (majority judgment)

_ALLOWED = {
    Methode.MAJORITE: {Choix.POUR, Choix.CONTRE, Choix.ABSTENTION, Choix.BLANC},
    Methode.CONSENTEMENT: {Choix.CONSENTEMENT, Choix.OBJECTION},
}


def tally(
    assembly: Assembly,
    ballots: Iterable[Ballot],
    proxies: Iterable[Proxy],
    excluded: Iterable[Excluded] = (),
    *,
    final: bool = True,
) -> Result:
    """Count ``ballots`` and ``proxies`` of ``assembly``; ``excluded`` were refused upstream."""
    roster = set(assembly.instance.membres)
    rejected = list(excluded)
    votes: dict[str, Vote] = {}
    motifs: dict[str, str] = {}
    for ballot in sorted(ballots, key=lambda b: b.path):
        reason = _ballot_problem(assembly, roster, ballot)
        if reason is None:
            votes[ballot.member] = _vote(assembly, ballot)
            motifs[ballot.member] = (ballot.bulletin.motif or "").strip()
        else:
            rejected.append(Excluded(ballot.path, reason))
    holders, void = resolve_proxies(
        roster, set(votes), proxies, assembly.instance.regles.procurations_max
    )
    rejected.extend(void)
    quorum = Quorum(len(roster), len(votes), len(holders), assembly.instance.regles.quorum)
    counted = dict(votes)
    counted.update({principal: votes[holder] for principal, holder in holders.items()})
    result = Result(
        decision=assembly.decision.id,
        method=str(assembly.decision.methode),
        outcome=Outcome.REJECTED,
        quorum=quorum,
        excluded=tuple(sorted(set(rejected), key=lambda e: (e.file, e.reason))),
        attendance=_attendance(assembly, votes, holders),
        final=final,
    )
    if assembly.decision.methode is Methode.JUGEMENT_MAJORITAIRE:
        return _judge(assembly, result, counted)
    objections = tuple(sorted(
        (member, motifs[holders.get(member, member)])
        for member, vote in counted.items() if vote is Choix.OBJECTION
    ))
    return _decide(assembly, replace(result, objections=objections), counted, votes)


def _ballot_problem(assembly: Assembly, roster: set[str], ballot: Ballot) -> str | None:
    if ballot.member not in roster:
        return f"« {ballot.member} » n'est pas membre de l'instance « {assembly.instance.id} »"
    method = assembly.decision.methode
    bulletin = ballot.bulletin
    if method is Methode.JUGEMENT_MAJORITAIRE:
        if bulletin.mentions is None or bulletin.choix is not None:
            return "bulletin de jugement majoritaire attendu : « mentions: {option: mention} »"
        unknown = sorted(set(bulletin.mentions) - set(assembly.decision.options))
        if unknown:
            return f"option inconnue : « {unknown[0]} »"
        outside = sorted(set(bulletin.mentions.values()) - set(assembly.decision.mentions))
        if outside:
            return f"mention hors de l'échelle : « {outside[0]} »"
        return None
    if bulletin.choix is None or bulletin.mentions is not None:
        return "bulletin sans « choix »"
    if bulletin.choix not in _ALLOWED[method]:
        allowed = ", ".join(sorted(_ALLOWED[method]))
        return f"choix « {bulletin.choix} » inconnu pour cette méthode (attendu : {allowed})"
    if bulletin.choix is Choix.OBJECTION and not (bulletin.motif or "").strip():
        return "objection sans motif : le consentement demande une objection motivée"
    return None


def _vote(assembly: Assembly, ballot: Ballot) -> Vote:
    bulletin = ballot.bulletin
    if bulletin.choix is not None:
        return bulletin.choix
    scale = assembly.decision.mentions  # best first
    given = bulletin.mentions or {}
    worst = 0
    return tuple(
        len(scale) - 1 - scale.index(given[o]) if o in given else worst
        for o in assembly.decision.options
    )


def _attendance(
    assembly: Assembly, votes: Mapping[str, Vote], holders: Mapping[str, str]
) -> tuple[Presence, ...]:
    rows = []
    for member_id in sorted(assembly.instance.membres):
        member = assembly.members.get(member_id)
        nom, college = (member.nom, member.college) if member else (member_id, "?")
        rows.append(Presence(member_id, nom, college, holders.get(member_id), member_id in votes))
    return tuple(rows)


def _counts(assembly: Assembly, counted: Mapping[str, Vote]) -> dict[str, CollegeCount]:
    weights = assembly.instance.colleges
    names = set(weights or {}) | {
        assembly.members[m].college for m in assembly.instance.membres if m in assembly.members
    }
    counts = {n: CollegeCount(n, weight=(weights or {}).get(n)) for n in sorted(names)}
    field_of = {Choix.POUR: "pour", Choix.CONSENTEMENT: "pour", Choix.CONTRE: "contre",
                Choix.OBJECTION: "contre", Choix.ABSTENTION: "abstention", Choix.BLANC: "blanc"}
    for member_id, vote in counted.items():
        college = assembly.members[member_id].college
        name = field_of[vote] if isinstance(vote, Choix) else "pour"
        current = counts[college]
        counts[college] = replace(current, **{name: getattr(current, name) + 1})
    return counts


def _college_share(count: CollegeCount, aggregation: Agregation) -> Fraction | None:
    if count.exprimes == 0:
        return None
    if aggregation is Agregation.PROPORTIONNELLE:
        return Fraction(count.pour, count.exprimes)
    if count.pour == count.contre:
        return Fraction(1, 2)
    return Fraction(1) if count.pour > count.contre else Fraction(0)


def _share(assembly: Assembly, counts: Sequence[CollegeCount]) -> Fraction | None:
    if assembly.instance.colleges is None:
        pour, exprimes = sum(c.pour for c in counts), sum(c.exprimes for c in counts)
        return Fraction(pour, exprimes) if exprimes else None
    zero = assembly.instance.regles.college_sans_suffrage is CollegeSansSuffrage.ZERO
    numerator, denominator = Fraction(0), Fraction(0)
    for count in counts:
        if count.weight is None:
            continue
        weight = Fraction(count.weight, 100)
        if count.share is None:
            denominator += weight if zero else 0
            continue
        numerator += weight * count.share
        denominator += weight
    return numerator / denominator if denominator else None


def _decide(
    assembly: Assembly, result: Result, counted: Mapping[str, Vote], votes: Mapping[str, Vote]
) -> Result:
    rules = assembly.instance.regles
    counts = [
        replace(c, share=_college_share(c, rules.agregation))
        for c in _counts(assembly, counted).values()
    ]
    if assembly.decision.methode is Methode.CONSENTEMENT:
        outcome = Outcome.REJECTED if result.objections else Outcome.ADOPTED
        return replace(
            result, colleges=tuple(counts),
            outcome=outcome if result.quorum.reached else Outcome.NO_QUORUM,
        )
    threshold = assembly.decision.majorite or rules.majorite
    share = _share(assembly, counts)
    casting = None
    if share is None or not threshold.passes(share):
        outcome = Outcome.REJECTED
        if share is not None and share == threshold.value and rules.voix_preponderante:
            outcome, casting = _casting(rules.voix_preponderante, votes)
    else:
        outcome = Outcome.ADOPTED
    if not result.quorum.reached:
        outcome = Outcome.NO_QUORUM
    return replace(result, colleges=tuple(counts), threshold=threshold, share=share,
                   outcome=outcome, casting=casting)


def _casting(member: str, votes: Mapping[str, Vote]) -> tuple[Outcome, str]:
    vote = votes.get(member)
    prefix = f"partage exact : la voix prépondérante de « {member} »"
    if vote is Choix.POUR:
        return Outcome.ADOPTED, f"{prefix} (pour) l'emporte"
    if vote is Choix.CONTRE:
        return Outcome.REJECTED, f"{prefix} (contre) l'emporte"
    return Outcome.REJECTED, (
        f"partage exact : « {member} », qui a voix prépondérante, ne s'est prononcé ni pour ni "
        "contre ; la proposition est rejetée"
    )


def _judge(assembly: Assembly, result: Result, counted: Mapping[str, Vote]) -> Result:
    options = assembly.decision.options
    profiles = {o: [v[i] for v in counted.values() if isinstance(v, tuple)]
                for i, o in enumerate(options)}
    scale = assembly.decision.mentions
    grades = tuple(
        (o, scale[len(scale) - 1 - judgment.lower_median(g)]) if g else (o, "")
        for o, g in profiles.items()
    )
    ranking = judgment.rank(profiles) if counted else ()
    if not result.quorum.reached:
        outcome = Outcome.NO_QUORUM
    elif not ranking:
        outcome = Outcome.REJECTED
    else:
        outcome = Outcome.TIE if len(ranking[0]) > 1 else Outcome.ADOPTED
    return replace(result, ranking=ranking, grades=grades, outcome=outcome)
