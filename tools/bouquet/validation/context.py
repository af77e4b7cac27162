"""What every rule receives besides the document it checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from bouquet.content.files import Tree
from bouquet.content.vocab import Vocabulary


@dataclass(frozen=True)
class Context:
    today: dt.date
    vocabularies: Mapping[str, Vocabulary]
    vocab_ids: Mapping[str, frozenset[str]]
    tree: Tree
