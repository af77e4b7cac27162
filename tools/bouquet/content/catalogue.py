"""The catalogue: every module and vocabulary of one revision, as typed records.

Contract used by every command: ``build_catalogue(sources, today=...)`` takes the files of a
revision as ``{repo-relative path: bytes}`` (from the working tree or from git blobs) and
returns the typed catalogue plus every diagnostic found. It never touches the disk itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from bouquet.content.layout import MODULE_FILE, MODULES_DIR, is_module_path, is_vocab_path
from bouquet.content.model import Module
from bouquet.content.vocab import Vocabulary
from bouquet.diagnostics.record import Diagnostic

__all__ = ["MODULES_DIR", "MODULE_FILE", "Catalogue", "build_catalogue", "is_module_path",
           "is_vocab_path"]


@dataclass(frozen=True)
class Catalogue:
    """A consistent view of one revision. ``modules`` maps id -> module; ``paths`` id -> path."""

    modules: Mapping[str, Module] = field(default_factory=dict)
    paths: Mapping[str, str] = field(default_factory=dict)
    vocabularies: Mapping[str, Vocabulary] = field(default_factory=dict)


def build_catalogue(
    sources: Mapping[str, bytes], *, today: dt.date
) -> tuple[Catalogue, list[Diagnostic]]:
    """Parse, model and check every module and vocabulary of ``sources``."""
    from bouquet.validation.sources import check_sources  # the validator owns the parsing rules

    return check_sources(sources, today=today)
