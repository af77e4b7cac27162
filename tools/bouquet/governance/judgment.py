"""Majority judgment (Balinski & Laraki), exactly as docs/gouvernance.md describes it.

Grades are integers, higher is better. The majority grade is the lower median: sort the n
grades worst → best and take position ⌊(n−1)/2⌋. Ties are broken by removing one occurrence
of the current majority grade from each tied profile, again and again, and comparing the
sequences of removed grades lexicographically. Two identical profiles are ex æquo: they share
a group of the ranking; input order never decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def lower_median(grades: Sequence[int]) -> int:
    ordered = sorted(grades)
    return ordered[(len(ordered) - 1) // 2]


def removal_sequence(grades: Sequence[int]) -> tuple[int, ...]:
    """The successive majority grades when each is removed in turn (the tie-break key)."""
    remaining = sorted(grades)
    sequence: list[int] = []
    while remaining:
        index = (len(remaining) - 1) // 2
        sequence.append(remaining.pop(index))
    return tuple(sequence)


def rank(profiles: Mapping[str, Sequence[int]]) -> tuple[tuple[str, ...], ...]:
    """Groups of options, best first; options with identical keys are ex æquo (sorted by id)."""
    keys = {option: removal_sequence(grades) for option, grades in profiles.items()}
    groups: dict[tuple[int, ...], list[str]] = {}
    for option, key in keys.items():
        groups.setdefault(key, []).append(option)
    return tuple(tuple(sorted(groups[key])) for key in sorted(groups, reverse=True))
