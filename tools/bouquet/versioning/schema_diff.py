"""Diff of the generated JSON Schema of modules (``schema/module.schema.json``), pure.

The schema is summarised into its field paths, the required ones and the allowed values;
a field newly required, a field or a value removed break existing content (major).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bouquet import fr
from bouquet.versioning.changes import Change, Place, Scope, fire

SCHEMA_PATH = "schema/module.schema.json"
SCHEMA_TITLE = "Schéma des modules"
_MAX_DEPTH = 12


@dataclass(frozen=True)
class SchemaSummary:
    fields: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    values: frozenset[tuple[str, str]] = field(default_factory=frozenset)


def summarise(raw: bytes | None) -> SchemaSummary | None:
    """The summary of a schema file's bytes; None when absent or not a JSON object."""
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    walker = _Walker(data.get("$defs", {}) if isinstance(data.get("$defs"), dict) else {})
    walker.walk(data, "", 0)
    return SchemaSummary(frozenset(walker.fields), frozenset(walker.required),
                         frozenset(walker.values))


class _Walker:
    def __init__(self, defs: dict[str, object]) -> None:
        self.defs = defs
        self.fields: set[str] = set()
        self.required: set[str] = set()
        self.values: set[tuple[str, str]] = set()

    def walk(self, node: object, prefix: str, depth: int) -> None:
        if not isinstance(node, dict) or depth > _MAX_DEPTH:
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            self.walk(self.defs.get(ref.rsplit("/", 1)[1]), prefix, depth + 1)
        enum = node.get("enum")
        if isinstance(enum, list):
            self.values.update((prefix, str(v)) for v in enum)
        for key in ("items", "additionalProperties"):
            self.walk(node.get(key), prefix, depth + 1)
        for key in ("anyOf", "oneOf", "allOf"):
            for option in node.get(key) or []:
                self.walk(option, prefix, depth + 1)
        properties = node.get("properties")
        if isinstance(properties, dict):
            required = node.get("required") or []
            for name, sub in properties.items():
                path = f"{prefix}.{name}" if prefix else str(name)
                self.fields.add(path)
                if name in required:
                    self.required.add(path)
                self.walk(sub, path, depth + 1)


def diff_schema(old: SchemaSummary | None, new: SchemaSummary | None) -> list[Change]:
    if old is None or new is None or old == new:
        return []
    place = Place(Scope.SCHEMA, "module", SCHEMA_TITLE, SCHEMA_PATH)
    changes = []
    for path in sorted(new.required - old.required):
        if not _under_new_field(path, old.fields):  # old content cannot hold it: no break
            changes.append(fire("schema-champ-obligatoire", place, field=path, subject=path))
    for path in sorted(old.required - new.required):
        if path in new.fields:
            changes.append(fire("schema-champ-facultatif", place, field=path, subject=path))
    for path in sorted(old.fields - new.fields):
        changes.append(fire("schema-champ-retire", place, field=path, subject=path))
    for path in sorted(new.fields - old.fields):
        if path not in new.required:
            changes.append(fire("schema-champ-ajoute", place, field=path, subject=path))
    for path, value in sorted(old.values - new.values):
        if path in new.fields or path == "":
            changes.append(fire("schema-valeur-retiree", place, field=path, subject=path,
                                before=fr.quote(value)))
    return changes


def _under_new_field(path: str, old_fields: frozenset[str]) -> bool:
    """Whether an ancestor of ``path`` is new: a required field inside a new optional object
    breaks nothing, since no existing content could carry that object."""
    parts = path.split(".")
    return any(".".join(parts[:i]) not in old_fields for i in range(1, len(parts)))


def schema_touched(old_raw: bytes | None, new_raw: bytes | None) -> list[Change]:
    """The schema diff, or ``schema-revise`` when only descriptions moved."""
    changes = diff_schema(summarise(old_raw), summarise(new_raw))
    if not changes and old_raw is not None and new_raw is not None and old_raw != new_raw:
        place = Place(Scope.SCHEMA, "module", SCHEMA_TITLE, SCHEMA_PATH)
        changes.append(fire("schema-revise", place))
    return changes
