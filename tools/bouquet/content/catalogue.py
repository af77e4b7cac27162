"""The catalogue: every module and vocabulary of one revision, as typed records.

A pure record: ``bouquet.validation.catalogue.build_catalogue`` builds it from the files of a
revision (working tree or git blobs), with every diagnostic found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bouquet.content.layout import MODULE_FILE, MODULES_DIR, is_module_path, is_vocab_path
from bouquet.content.model import Module
from bouquet.content.vocab import Vocabulary

__all__ = ["MODULES_DIR", "MODULE_FILE", "Catalogue", "is_module_path", "is_vocab_path"]


@dataclass(frozen=True)
class Catalogue:
    """A consistent view of one revision. ``modules`` maps id -> module; ``paths`` id -> path."""

    modules: Mapping[str, Module] = field(default_factory=dict)
    paths: Mapping[str, str] = field(default_factory=dict)
    vocabularies: Mapping[str, Vocabulary] = field(default_factory=dict)
