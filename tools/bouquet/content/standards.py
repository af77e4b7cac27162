"""The pinned national standards the vocabularies correspond to, parsed from their bytes.

- ``standard-mediation-num`` 1.0.1 (Table Schema vendored under ``schema/references/``): the
  allowed values of each controlled field, read from the field's pattern
  ``(?:(?:^|\\|)(A|B|C))+$``, unescaped (``\\(`` → ``(``).
- data·inclusion 1.0.10 (``schema/references/data-inclusion-1.0.10.json``): the values of each
  referential, extracted from the ``data-inclusion-schema`` package (a test checks that the
  snapshot equals the package).

Pure parsers over bytes: the callers read the files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

SMN_VERSION = "1.0.1"
SMN_SCHEMA = f"schema/references/standard-mediation-num-{SMN_VERSION}/schema.json"
DATA_INCLUSION_VERSION = "1.0.10"
DATA_INCLUSION_FILE = f"schema/references/data-inclusion-{DATA_INCLUSION_VERSION}.json"

_ENUM_PATTERN = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\((?P<values>.*)\)\)\+\$$")
_UNESCAPED_BAR = re.compile(r"(?<!\\)\|")
_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class TableField:
    name: str
    type: str
    required: bool
    values: tuple[str, ...]  # the allowed values of a controlled field, else ()


@dataclass(frozen=True)
class TableStandard:
    """A Table Schema: its fields in order and its declared version."""

    version: str
    fields: tuple[TableField, ...]

    def field(self, name: str) -> TableField | None:
        return next((f for f in self.fields if f.name == name), None)

    def controlled(self) -> Mapping[str, tuple[str, ...]]:
        return {f.name: f.values for f in self.fields if f.values}


def pattern_values(pattern: str) -> tuple[str, ...]:
    """The alternatives of a multi-value enum pattern, or () for any other pattern."""
    match = _ENUM_PATTERN.match(pattern)
    if match is None:
        return ()
    parts = _UNESCAPED_BAR.split(match.group("values"))
    return tuple(_ESCAPE.sub(r"\1", p) for p in parts)


def parse_table_schema(data: bytes) -> TableStandard:
    document = json.loads(data.decode("utf-8"))
    fields = []
    for item in document.get("fields", []):
        constraints = item.get("constraints") or {}
        fields.append(TableField(
            name=str(item["name"]), type=str(item.get("type", "string")),
            required=bool(constraints.get("required", False)),
            values=pattern_values(str(constraints.get("pattern", "")))))
    return TableStandard(str(document.get("version", "")).removeprefix("v"), tuple(fields))


def parse_data_inclusion(data: bytes) -> Mapping[str, tuple[str, ...]]:
    """``{referential: values}`` from the pinned snapshot."""
    document = json.loads(data.decode("utf-8"))
    return {str(k): tuple(str(v) for v in values)
            for k, values in document["referentiels"].items()}
