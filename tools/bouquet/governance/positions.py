"""Line and column of every key of a governance YAML file, through the positioned loader
(``bouquet.content.reading.loader``).

One adapter over the validator's positioned loader: the same safe reading (no tags, no
aliases, duplicate keys reported) and the same BQ0xx diagnostics as module files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bouquet.content.reading.loader import Document, load_yaml
from bouquet.diagnostics.record import Diagnostic


@dataclass(frozen=True, slots=True)
class Located:
    document: Document

    @property
    def data(self) -> object:
        return self.document.value

    def at(self, *path: str | int) -> tuple[int, int]:
        """Position of the key at ``path`` (of its nearest ancestor when absent)."""
        loc: Sequence[str | int] = path
        while loc:
            if tuple(loc) in self.document.key_positions:
                return self.document.key_position(loc)
            if tuple(loc) in self.document.positions:
                return self.document.position(loc)
            loc = loc[:-1]
        return (1, 1)


def locate(path: str, data: bytes) -> tuple[Located | None, list[Diagnostic]]:
    document, diagnostics = load_yaml(path, data)
    return (Located(document) if document is not None else None), diagnostics
