"""Diagnostics: the one record every check yields, and the table of stable codes.

Validators never print: they yield ``Diagnostic`` records; ``bouquet.diagnostics.render``
renders them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One entry of the table of stable diagnostic codes (documented in docs/erreurs.md)."""

    code: str
    severity: Severity
    title: str  # short French title, for the docs table
    hint: str  # default French hint on how to fix it


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A located problem. ``line`` and ``column`` are 1-based; 0 when unknown."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str
    json_path: str = "$"
    revision: str | None = None  # the git revision read, as the user named it (None: files)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
