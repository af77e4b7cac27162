"""The one catalogue builder: the files of a revision to a typed ``Catalogue``.

Contract used by every command: ``build_catalogue(sources, today=...)`` takes the files of a
revision as ``{repo-relative path: bytes}`` (from the working tree or from git blobs) and
returns the typed catalogue plus every diagnostic found. It never touches the disk itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from bouquet.content.catalogue import Catalogue
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.sources import check_sources


def build_catalogue(
    sources: Mapping[str, bytes], *, today: dt.date
) -> tuple[Catalogue, list[Diagnostic]]:
    """Parse, model and check every module and vocabulary of ``sources``."""
    return check_sources(sources, today=today)
