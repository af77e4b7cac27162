"""Plain data of YAML files, fast, for the diff (libyaml; no pydantic, no positions).

This module must not import the models: ``bouquet.versioning.compute`` parses the changed
files with it in a child process while the parent imports pydantic (see ``bouquet.forked``).
A file that only the full validator should judge (YAML errors, tags, merge keys, duplicate or
non-string keys, an empty document) is left out of ``parse_files``' result: the caller then
rebuilds that side with ``bouquet.content.catalogue.build_catalogue`` for located diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


def parse_files(
    sources: Mapping[str, bytes], paths: Iterable[str],
    seen: dict[bytes, object] | None = None,
) -> dict[str, object]:
    """``{path: plain data}`` for those of ``paths`` that parse cleanly (others are absent).
    Identical contents are parsed once (``seen`` carries them over calls: the unchanged
    vocabularies of both sides of a diff); the data is shared, so it must not be mutated."""
    seen = {} if seen is None else seen
    parsed: dict[str, object] = {}
    for path in paths:
        data = sources[path]
        value = seen[data] if data in seen else seen.setdefault(data, plain(data))
        if value is not None:
            parsed[path] = value
    return parsed


def plain(data: bytes) -> object | None:
    """The plain data of one YAML document, or None when it needs the full validator."""
    try:
        node = yaml.compose(data, Loader=_FastLoader)
        return _plain(node) if node is not None else None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, _NeedsValidator):
        return None


def module_title(data: bytes) -> str | None:
    """The ``titre`` of a module file, or None when it cannot be read."""
    value = plain(data)
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
