"""A fast reading of catalogue files for the diff, with the full validator as fallback.

The positioned loader of ``bouquet validate`` costs a few milliseconds per module; reading
the hundred modules a quarter touches, on both sides, would dominate ``bouquet version``. So
the diff first reads each file with libyaml (``CSafeLoader``) into the frozen models and
checks what the version depends on — the model, the id equal to its folder, every vocabulary
value known. Whenever anything fails on a side, that side is rebuilt by the real validator
(``build_catalogue``) so the user gets its located diagnostics. Checks that do not change the
meaning of a diff (YAML style, duplicate keys, dates in the future…) stay with
``bouquet validate``, which CI runs on every pull request.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bouquet.catalogue import Catalogue, is_module_path, is_vocab_path
from bouquet.model import Module
from bouquet.vocab import Vocabulary

M = TypeVar("M", bound=BaseModel)


def quick_catalogue(sources: Mapping[str, bytes]) -> Catalogue | None:
    """The catalogue of ``sources``, or None when any file needs the full validator."""
    vocabularies: dict[str, Vocabulary] = {}
    for path in sorted(p for p in sources if is_vocab_path(p)):
        vocabulary = _load(Vocabulary, sources[path])
        if vocabulary is None or f"{vocabulary.id}.yaml" != path.rsplit("/", 1)[1]:
            return None
        vocabularies[vocabulary.id] = vocabulary
    ids = {name: voc.ids() for name, voc in vocabularies.items()}
    modules: dict[str, Module] = {}
    paths: dict[str, str] = {}
    for path in sorted(p for p in sources if is_module_path(p)):
        module = _load(Module, sources[path])
        if module is None or module.id != path.split("/")[1] or module.id in modules:
            return None
        if any(value not in ids.get(name, ()) for name, value in vocabulary_values(module)):
            return None
        modules[module.id] = module
        paths[module.id] = path
    return Catalogue(modules=modules, paths=paths, vocabularies=vocabularies)


def _load(model: type[M], data: bytes) -> M | None:
    try:
        node = yaml.compose(data, Loader=_FastLoader)
        return model.model_validate(_plain(node)) if node is not None else None
    except (yaml.YAMLError, ValidationError, ValueError, TypeError, RecursionError,
            _NeedsValidator):
        return None


def module_title(data: bytes) -> str | None:
    """The ``titre`` of a module file, or None when it cannot be read."""
    try:
        node = yaml.compose(data, Loader=_FastLoader)
        value = _plain(node) if node is not None else None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, _NeedsValidator):
        return None
    title = value.get("titre") if isinstance(value, dict) else None
    return title if isinstance(title, str) else None


class _FastLoader(yaml.CSafeLoader):
    """libyaml with a cheaper tag resolution: quoted and block scalars, and plain scalars
    that cannot be a number, boolean, null or date, are strings without running the
    resolver's regular expressions (called from C for every node otherwise)."""

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if not implicit[0] or (isinstance(value, str) and value[:1] not in _SPECIAL):
                return _STR
            tag: str = yaml.resolver.BaseResolver.resolve(  # type: ignore[no-untyped-call]
                self, kind, value, implicit)
            return tag
        if kind is SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


# first characters of plain scalars that YAML 1.1 may resolve to something else than a string
_SPECIAL = frozenset("0123456789+-.~nNtTfFyYoO=<") | {""}


class _NeedsValidator(Exception):
    """Something only the full validator should judge (tags, merge keys, odd keys)."""


_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = SafeConstructor()


def _plain(node: Node) -> object:
    """Plain data of a libyaml node tree; a tighter loop than PyYAML's constructor, which
    otherwise dominates the time of ``bouquet version``."""
    if isinstance(node, ScalarNode):
        return node.value if node.tag == _STR else _CONSTRUCTOR.construct_object(node)
    if isinstance(node, SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return [_plain(item) for item in node.value]
    if isinstance(node, MappingNode) and node.tag == "tag:yaml.org,2002:map":
        result: dict[object, object] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != _STR or key.value in result:
                raise _NeedsValidator
            result[key.value] = _plain(value)
        return result
    raise _NeedsValidator


def vocabulary_values(record: BaseModel) -> Iterator[tuple[str, str]]:
    """(vocabulary, value) for every field of ``record`` (recursively) that takes values
    from a controlled vocabulary (``x-vocabulaire`` in the model's metadata)."""
    for name, vocabulary in _plan(type(record)):
        value = getattr(record, name)
        items = value if isinstance(value, tuple) else (value,)
        if vocabulary is not None:
            yield from ((vocabulary, v) for v in items if isinstance(v, str))
            continue
        for item in items:
            if isinstance(item, BaseModel):
                yield from vocabulary_values(item)


_PLANS: dict[type[BaseModel], tuple[tuple[str, str | None], ...]] = {}


def _plan(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """Fields of ``model`` worth visiting: vocabulary fields and possibly nested records."""
    plan = _PLANS.get(model)
    if plan is None:
        fields: list[tuple[str, str | None]] = []
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra
            vocabulary = extra.get("x-vocabulaire") if isinstance(extra, dict) else None
            if isinstance(vocabulary, str):
                fields.append((name, vocabulary))
            elif _nests_record(info.annotation):
                fields.append((name, None))
        plan = _PLANS[model] = tuple(fields)
    return plan


def _nests_record(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_nests_record(arg) for arg in getattr(annotation, "__args__", ()))
