"""Line and column of every key of a YAML document, for located diagnostics.

Kept behind one call (``locate``) so that the validator's shared positioned loader can
replace it without touching the checks.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Located:
    data: object
    positions: dict[Path, tuple[int, int]]  # 1-based (line, column)

    def at(self, *path: str | int) -> tuple[int, int]:
        """Position of the deepest known prefix of ``path`` (1, 1 for the document)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


def locate(data: bytes) -> Located:
    """Parse ``data``; raise ``yaml.YAMLError`` or ``UnicodeDecodeError`` when unreadable."""
    text = data.decode("utf-8")
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    positions: dict[Path, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), positions)
    return Located(yaml.load(text, Loader=yaml.CSafeLoader), positions)


def _walk(node: yaml.Node, path: Path, positions: dict[Path, tuple[int, int]]) -> None:
    positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            positions[(*path, name)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _walk(value, (*path, name), positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), positions)
