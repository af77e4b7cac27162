"""What the validator needs to know about a pydantic model, found by introspection once.

Locations use ``"*"`` for "any index of a list": ``("tiroirs", "*", "niveau")``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

Pattern = tuple[str, ...]
STAR = "*"


@dataclass(frozen=True, slots=True)
class VocabField:
    """A field whose values come from the vocabulary ``vocabulary``."""

    pattern: Pattern
    vocabulary: str
    many: bool  # a list of values rather than one value


@dataclass(frozen=True, slots=True)
class ModelShape:
    vocab_fields: tuple[VocabField, ...]
    keys: Mapping[Pattern, tuple[str, ...]]  # allowed keys of every mapping of the model
    titles: Mapping[Pattern, str]  # French title of every field


def _unwrap(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """(nested model if any, whether the value is a list) of a field annotation."""
    many = False
    current = annotation
    for _ in range(4):
        origin = typing.get_origin(current)
        args = [a for a in typing.get_args(current) if a is not type(None) and a is not Ellipsis]
        if origin in (tuple, list):
            many = True
            current = args[0] if args else str
        elif origin in (typing.Union, types.UnionType) or origin is typing.Annotated:
            current = args[0] if args else str
        else:
            break
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current, many
    return None, many


@cache
def shape_of(model: type[BaseModel]) -> ModelShape:
    vocab: list[VocabField] = []
    keys: dict[Pattern, tuple[str, ...]] = {}
    titles: dict[Pattern, str] = {}
    for pattern, field_name, info, sub, many in _walk(model, ()):
        loc = (*pattern, field_name)
        titles[loc] = info.title or field_name
        extra = info.json_schema_extra
        if isinstance(extra, dict) and isinstance(extra.get("x-vocabulaire"), str):
            vocab.append(VocabField(loc, str(extra["x-vocabulaire"]), many))
        del sub
    for pattern, sub_model in _models(model, ()):
        keys[pattern] = tuple(sub_model.model_fields)
    return ModelShape(tuple(vocab), keys, titles)


def _walk(model: type[BaseModel], prefix: Pattern) -> Iterator[
    tuple[Pattern, str, typing.Any, type[BaseModel] | None, bool]
]:
    for name, info in model.model_fields.items():
        sub, many = _unwrap(info.annotation)
        yield prefix, name, info, sub, many
        if sub is not None:
            child = (*prefix, name, STAR) if many else (*prefix, name)
            yield from _walk(sub, child)


def _models(model: type[BaseModel], prefix: Pattern) -> Iterator[tuple[Pattern, type[BaseModel]]]:
    yield prefix, model
    for name, info in model.model_fields.items():
        sub, many = _unwrap(info.annotation)
        if sub is not None:
            yield from _models(sub, (*prefix, name, STAR) if many else (*prefix, name))


def pattern_of(loc: tuple[str | int, ...]) -> Pattern:
    return tuple(STAR if isinstance(item, int) else item for item in loc)


def matching(value: object, pattern: Pattern) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every (location, value) of plain data ``value`` matching ``pattern``."""
    found: list[tuple[tuple[str | int, ...], object]] = [((), value)]
    for step in pattern:
        nxt: list[tuple[tuple[str | int, ...], object]] = []
        for loc, current in found:
            if step == STAR:
                if isinstance(current, list):
                    nxt.extend(((*loc, i), item) for i, item in enumerate(current))
            elif isinstance(current, dict) and step in current:
                nxt.append(((*loc, step), current[step]))
        found = nxt
    return iter(found)


def get(value: object, *path: str | int) -> object:
    """The plain value at ``path``, or None when any step is missing or of another type."""
    current = value
    for step in path:
        if isinstance(step, int):
            if not isinstance(current, list) or step >= len(current):
                return None
            current = current[step]
        else:
            if not isinstance(current, dict):
                return None
            current = current.get(step)
    return current
