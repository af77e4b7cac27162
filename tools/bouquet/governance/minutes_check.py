"""Does a committed procès-verbal say what the recount from history says? (pure)

The minutes are compared fact by fact (the result sentence first, then the share, the
calculation, the quorum, the opening and the seal), not byte for byte: a later version of the
tool may lay them out differently, but it may never change what they state.
"""

from __future__ import annotations

from dataclasses import dataclass

# (label, how the line starts) in the order the facts are compared
_FACTS = (
    ("résultat", "**"),
    ("part des suffrages", "Part des suffrages"),
    ("calcul", "Calcul :"),
    ("quorum", None),  # the first line of the « ## Quorum » section
    ("ouverture", "- Ouverture :"),
    ("clôture", "- Clôture :"),
    ("statut", "- Résultat :"),
)


@dataclass(frozen=True, slots=True)
class Contradiction:
    fact: str
    committed: str | None
    recounted: str | None
    line: int = 1  # where the committed minutes state it (1 when they do not)


def _facts(markdown: str) -> dict[str, tuple[int, str]]:
    facts: dict[str, tuple[int, str]] = {}
    section = ""
    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("## "):
            section = line[3:]
            continue
        if not line:
            continue
        for label, start in _FACTS:
            if label in facts:
                continue
            if _states(line, section, start):
                facts[label] = (number, line)
    return facts


def _states(line: str, section: str, start: str | None) -> bool:
    if start is None:
        return section == "Quorum"
    if start == "**":
        return section == "Résultat" and line.startswith(start)
    return line.startswith(start)


def contradiction(committed: str, recounted: str) -> Contradiction | None:
    """The first fact on which the committed minutes and the recount's differ, if any."""
    said, found = _facts(committed), _facts(recounted)
    for label, _ in _FACTS:
        line, text = said.get(label, (1, None))
        other = found[label][1] if label in found else None
        if text != other:
            return Contradiction(label, text, other, line)
    return None
