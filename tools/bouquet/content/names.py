"""Identifiers and folder names: what is a safe module id, and why one is not."""

from __future__ import annotations

import re

from bouquet.content.model import MODULE_ID_PATTERN

_ID = re.compile(MODULE_ID_PATTERN)
MAX_ID = 64
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "clock$"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def id_problem(name: str) -> str | None:
    """Why ``name`` cannot be a module id (and folder name), or None when it is fine."""
    if name in ("", ".", "..") or "/" in name or "\\" in name:
        return "chemin relatif ou remontée de dossier"
    if not name.isascii():
        return "caractères non ASCII (accents…)"
    if any(c.isspace() for c in name):
        return "espaces"
    if name != name.lower():
        return "majuscules"
    if name.split(".")[0] in RESERVED:
        return "nom réservé par certains systèmes (Windows)"
    if len(name) > MAX_ID:
        return f"plus de {MAX_ID} caractères"
    if not _ID.match(name):
        return "caractères autres que minuscules, chiffres et tirets simples"
    return None
