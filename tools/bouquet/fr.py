"""French rendering helpers: money, durations, dates, quarters and collation.

Typography: U+202F (espace fine insécable) separates thousands and precedes « € » and the
high punctuation ``: ; ? !``; U+00A0 (espace insécable) sits inside « guillemets » and between
« € » and « HT ». These helpers are pure and never depend on the system locale.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

NNBSP = "\u202f"
NBSP = "\u00a0"

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)

_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"}


def quote(text: str) -> str:
    """« text » with non-breaking spaces inside the guillemets."""
    return f"«{NBSP}{text}{NBSP}»"


def typography(text: str) -> str:
    """French spacing for text written with plain spaces: a thin non-breaking space before
    ``: ; ? !`` and non-breaking spaces inside « guillemets ». Idempotent."""
    for mark in ":;?!":
        text = text.replace(f" {mark}", f"{NNBSP}{mark}")
    return text.replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")


def integer(value: int) -> str:
    """4000 -> '4 000' (thin non-breaking space between groups of three digits)."""
    sign = "-" if value < 0 else ""
    digits = str(abs(value))
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return sign + NNBSP.join(reversed(groups))


def decimal(value: float) -> str:
    """2.5 -> '2,5'; 3.0 -> '3'."""
    if float(value).is_integer():
        return integer(int(value))
    whole, _, frac = f"{value:.2f}".rstrip("0").partition(".")
    return f"{integer(int(whole))},{frac}"


def euros(low: int, high: int) -> str:
    """A price range in euros HT: '4 000 € HT' or '4 000 à 6 000 € HT'."""
    unit = f"{NNBSP}€{NBSP}HT"
    if low == high:
        return f"{integer(low)}{unit}"
    return f"{integer(low)} à {integer(high)}{unit}"


def days(low: float, high: float) -> str:
    """A duration range: '1 jour', '0,5 jour', '5 jours', '5 à 7 jours'."""
    plural = "jours" if high >= 2 else "jour"
    if low == high:
        return f"{decimal(low)}{NBSP}{plural}"
    return f"{decimal(low)} à {decimal(high)}{NBSP}{plural}"


def date(value: dt.date) -> str:
    """29 novembre 2026; 1er mars 2027."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def quarter(value: dt.date) -> str:
    """The quarter's name of a release: 'Bouquet 2026-T4'."""
    return f"Bouquet {value.year}-T{(value.month - 1) // 3 + 1}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 changement', '2 changements', '0 changement' (French: singular below 2)."""
    return f"{integer(n)} {singular if n < 2 else (plural or singular + 's')}"


def enumeration(items: Iterable[str]) -> str:
    """'a', 'a et b', 'a, b et c'."""
    values = list(items)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " et " + values[-1]


def collation_key(text: str) -> tuple[str, str, str]:
    """A locale-free approximation of French collation.

    Primary level: letters without accents nor case (œ → oe), so « Écrire » sorts between
    « Dossier » and « Forum »; secondary level: accents; tertiary: case. Good enough for titles
    and names, and identical on every machine (no dependency on the installed locales).
    """
    expanded = "".join(_LIGATURES.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFD", expanded)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return (base.casefold(), decomposed.casefold(), text)


def sort_french(items: Iterable[str]) -> list[str]:
    return sorted(items, key=collation_key)
