"""The records a tally takes and gives: pure data, no I/O."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from bouquet.governance.models import Bulletin, Decision, Instance, Membre, Threshold


@dataclass(frozen=True, slots=True)
class Assembly:
    """What is read at the opening commit: the decision, its body and the roster."""

    decision: Decision
    instance: Instance
    members: Mapping[str, Membre]


@dataclass(frozen=True, slots=True)
class Ballot:
    member: str  # lower-case id, from the file name
    path: str
    bulletin: Bulletin


@dataclass(frozen=True, slots=True)
class Proxy:
    principal: str  # lower-case id, from the file name
    path: str
    holder: str
    order: int = 0  # position at which it entered history (then file name breaks ties)


@dataclass(frozen=True, slots=True)
class Excluded:
    file: str
    reason: str  # French


class Outcome(enum.StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"
    NO_QUORUM = "no-quorum"
    TIE = "tie"


@dataclass(frozen=True, slots=True)
class Quorum:
    registered: int
    present: int
    represented: int
    rule: Threshold

    @property
    def share(self) -> Fraction:
        if self.registered == 0:
            return Fraction(0)
        return Fraction(self.present + self.represented, self.registered)

    @property
    def reached(self) -> bool:
        return self.registered > 0 and self.rule.passes(self.share)


@dataclass(frozen=True, slots=True)
class CollegeCount:
    name: str
    pour: int = 0
    contre: int = 0
    abstention: int = 0
    blanc: int = 0
    weight: int | None = None  # percent; None when one member, one vote
    share: Fraction | None = None  # share of pour counted for this college (None: no exprimé)

    @property
    def exprimes(self) -> int:
        return self.pour + self.contre


@dataclass(frozen=True, slots=True)
class Presence:
    member: str
    nom: str
    college: str
    holder: str | None = None  # None: voted directly, or absent when ``voted`` is False
    voted: bool = False


@dataclass(frozen=True, slots=True)
class Result:
    decision: str
    method: str
    outcome: Outcome
    quorum: Quorum
    threshold: Threshold | None = None
    share: Fraction | None = None
    colleges: tuple[CollegeCount, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    ranking: tuple[tuple[str, ...], ...] = ()
    grades: tuple[tuple[str, str], ...] = ()  # (option, majority mention)
    attendance: tuple[Presence, ...] = ()
    objections: tuple[tuple[str, str], ...] = ()  # (member, motif)
    casting: str | None = None  # French sentence when the casting vote decided
    final: bool = True
