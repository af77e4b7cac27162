"""Semesters: ``AAAA-S1`` (1 January–30 June) and ``AAAA-S2`` (1 July–31 December)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bouquet.errors import BouquetError, ExitCode

_CODE = re.compile(r"^([0-9]{4})-S([12])$")


@dataclass(frozen=True, order=True)
class Semester:
    year: int
    half: int  # 1 or 2

    @property
    def code(self) -> str:
        return f"{self.year}-S{self.half}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    def next(self) -> Semester:
        return Semester(self.year, 2) if self.half == 1 else Semester(self.year + 1, 1)

    def french(self) -> str:
        return f"{'1er' if self.half == 1 else '2d'} semestre {self.year}"


def parse_semester(text: str) -> Semester:
    match = _CODE.match(text)
    if match is None:
        raise BouquetError(f"semestre invalide « {text} »", exit_code=ExitCode.USAGE,
                           hint="Écrivez AAAA-S1 (janvier–juin) ou AAAA-S2 (juillet–décembre), "
                                "par exemple 2026-S1.")
    return Semester(int(match.group(1)), int(match.group(2)))


def semester_of(day: dt.date) -> Semester:
    return Semester(day.year, 1 if day.month <= 6 else 2)


def semesters_between(first: Semester, last: Semester) -> tuple[Semester, ...]:
    """Every semester from ``first`` to ``last`` included (empty when first > last)."""
    found: list[Semester] = []
    current = first
    while current <= last:
        found.append(current)
        current = current.next()
    return tuple(found)
