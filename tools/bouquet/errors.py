"""The one error type of the tools and the exit codes it carries.

Any layer that must stop a command for a reason the user can act on raises ``BouquetError``
with a French message (and, when useful, a French hint) and the ``ExitCode`` that says whose
problem it is. ``bouquet.cli.main`` is the one place that turns it into an exit: it prints
the message and returns the code. Anything else that escapes is a bug (exit 3).
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The contract of every command (README, « Codes de sortie »)."""

    OK = 0
    FAIL = 1  # the content, the version or the vote does not pass
    USAGE = 2  # a usage error: option, unknown revision, not a repository…
    INTERNAL = 3  # a bug of the tools, never a content problem
    INTERRUPTED = 130


class BouquetError(Exception):
    """A problem the user can fix, told in French, with the exit code it ends with."""

    def __init__(self, message: str, *, exit_code: ExitCode = ExitCode.FAIL,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.hint = hint

    def __str__(self) -> str:
        return self.message
