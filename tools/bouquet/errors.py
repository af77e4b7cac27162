"""The one error type of the tools and the exit codes it carries.

Any layer that must stop a command for a reason the user can act on raises ``BouquetError``
with a French message (and, when useful, a French hint) and the ``ExitCode`` that says whose
problem it is. ``bouquet.cli.main`` is the one place that turns it into an exit: it prints
the message and returns the code. Anything else that escapes is a bug (exit 3).
"""

from __future__ import annotations

import enum
import errno
import os


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


_OS_REASONS = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EDQUOT: "quota de disque dépassé",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ELOOP: "trop de liens symboliques",
    errno.ENAMETOOLONG: "nom trop long",
    errno.EIO: "erreur d'entrée-sortie du disque",
    errno.EMFILE: "trop de fichiers ouverts",
}


def os_reason(error: OSError) -> str:
    """Why the system refused, in French (the tools' own refusals already are)."""
    if error.errno in _OS_REASONS and error.strerror == os.strerror(error.errno):
        return _OS_REASONS[error.errno]
    return error.strerror or "accès impossible"


def environment_error(error: OSError) -> BouquetError:
    """An ``OSError`` about a file or a folder as the user's problem to fix (exit 1): the
    path and the cause, in French. Environment problems are never bugs (exit 3)."""
    where = f"{error.filename} : " if error.filename else ""
    return BouquetError(f"{where}{os_reason(error)}", hint=(
        "Vérifiez les droits, la place disponible et que ce chemin reste dans le dépôt, "
        "puis relancez la commande."))
