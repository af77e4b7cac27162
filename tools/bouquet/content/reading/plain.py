"""Plain data of a YAML file without positions: the loader's fast reading for the diff.

``bouquet version`` reads the hundred modules a quarter touches, on both sides of the diff;
tracking the position of every node (``load_yaml``) would double the time of the command,
and a diff of valid files needs no position. ``load_plain`` lets libyaml compose the node
tree in C and turns it into plain data with the loader's own scalar semantics
(``bouquet.content.reading.tree.plain_scalar``). Whatever ``load_yaml`` would report (a
YAML error, a tag, an anchor or merge key, a duplicate or non-text key, an empty document)
gives None: the caller then reads the file with ``load_yaml`` for located diagnostics.
"""

from __future__ import annotations

import codecs
import functools

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bouquet.content.reading.loader import load_yaml
from bouquet.content.reading.tree import MAX_DEPTH, plain_scalar
from bouquet.diagnostics.printable import FORBIDDEN, FORBIDDEN_RAW_UTF8
from bouquet.edges.limits import MAX_BYTES, real_size

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_PLAIN = "!plain"  # an untagged plain scalar: its type comes from ``plain_scalar``


@functools.lru_cache(maxsize=4096)
def load_plain(data: bytes) -> object | None:
    """The plain data of one YAML mapping, or None when only ``load_yaml`` should judge it.
    A content is read once per process (``version`` then ``notes``' per-module versions
    read the same blobs): the data is shared and must not be mutated."""
    if real_size(data) > MAX_BYTES or data.startswith(_BOMS) or FORBIDDEN_RAW_UTF8.search(data):
        return None
    try:
        node = yaml.compose(data, Loader=_Composer)
        value = _Plain().value(node) if isinstance(node, MappingNode) else None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, _NeedsLoader):
        return None
    return value


def plain_value(path: str, data: bytes) -> object | None:
    """The plain data of a file as ``load_yaml`` reads it (None when nothing usable), by the
    fast reading whenever the file allows it. For readers that report no diagnostic."""
    value = load_plain(data)
    if value is None:
        document, _ = load_yaml(path, data)
        value = document.value if document is not None else None
    return value


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class _Composer(yaml.CSafeLoader):
    """libyaml's composer; tags are left for ``_plain``: a quoted scalar is text, a plain
    one is typed by ``plain_scalar``, and an explicit tag stays as written (refused)."""

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


class _NeedsLoader(Exception):
    """Something only the positioned loader should judge and report."""


class _Plain:
    """Plain data of a node tree. A node met twice is an alias, which the loader refuses
    (and expanding it could take forever): the loader is left to report it."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def value(self, node: Node, depth: int = 0) -> object:
        if isinstance(node, ScalarNode):
            if node.style == '"' and FORBIDDEN.search(node.value):
                raise _NeedsLoader
            if node.tag == _PLAIN:
                return plain_scalar(node.value)
            if node.tag == _STR:
                return node.value
            raise _NeedsLoader
        if id(node) in self.seen or depth >= MAX_DEPTH:
            raise _NeedsLoader
        self.seen.add(id(node))
        if isinstance(node, SequenceNode) and node.tag == _SEQ:
            return [self.value(item, depth + 1) for item in node.value]
        if isinstance(node, MappingNode) and node.tag == _MAP:
            result: dict[str, object] = {}
            for key, item in node.value:
                if not isinstance(key, ScalarNode) or key.tag not in (_PLAIN, _STR) \
                        or key.value in result or FORBIDDEN.search(key.value):
                    raise _NeedsLoader
                result[key.value] = self.value(item, depth + 1)
            return result
        raise _NeedsLoader
