"""The positioned tree of one YAML document, built from libyaml's events.

``TreeBuilder`` receives the events of a stream and builds plain Python data plus the
position of every node, reporting what content forbids (duplicate keys, anchors and aliases,
explicit tags, non-scalar keys, excessive nesting, several documents). It never constructs
objects from tags and never expands aliases. ``bouquet.content.reading.loader`` drives it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.printable import FORBIDDEN, visible
from bouquet.diagnostics.record import Diagnostic

MAX_DEPTH = 32

Loc = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column


def json_path(loc: Sequence[str | int]) -> str:
    """``("tiroirs", 0, "id")`` -> ``$.tiroirs[0].id``."""
    parts = ["$"]
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item.isidentifier():
            parts.append(f".{item}")
        else:
            escaped = item.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'["{escaped}"]')
    return "".join(parts)


@dataclass(frozen=True)
class Document:
    """The first YAML document of a file: its plain value and where each node starts.

    ``positions`` maps a location (tuple of keys and indexes) to the start of the value;
    ``key_positions`` maps the location of a mapping entry to the start of its key.
    ``tainted`` holds locations whose value was dropped (alias, non-scalar key, too deep):
    later checks should not report them again.
    """

    path: str
    value: object
    positions: Mapping[Loc, Position] = field(repr=False)
    key_positions: Mapping[Loc, Position] = field(repr=False)
    tainted: frozenset[Loc] = frozenset()

    def position(self, loc: Sequence[str | int]) -> Position:
        """Position of the value at ``loc``, or of its nearest existing ancestor."""
        current = tuple(loc)
        while current not in self.positions and current:
            current = current[:-1]
        return self.positions.get(current, (1, 1))

    def key_position(self, loc: Sequence[str | int]) -> Position:
        """Position of the key of the entry at ``loc`` (falls back to ``position``)."""
        found = self.key_positions.get(tuple(loc))
        return found if found is not None else self.position(loc)

    def is_tainted(self, loc: Sequence[str | int]) -> bool:
        """Whether ``loc`` or one of its ancestors was dropped: one set lookup per level (a
        scan of every tainted location would make N aliases cost N² here)."""
        current = tuple(loc)
        return any(current[:size] in self.tainted for size in range(len(current) + 1))


def mark_position(mark: object) -> Position:
    """1-based position of a PyYAML or libyaml mark (both have 0-based line and column)."""
    if mark is None:
        return 1, 1
    return int(getattr(mark, "line", 0)) + 1, int(getattr(mark, "column", 0)) + 1


# --- scalars ------------------------------------------------------------------------------

_CONSTRUCTOR = SafeConstructor()
_BUILDERS = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}
_RESOLVERS = Resolver.yaml_implicit_resolvers


_NUMBER_SPELLING = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(?:0|[1-9][0-9]*)"),
    "tag:yaml.org,2002:float": re.compile(
        r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN)"),
}


def plain_scalar(text: str) -> object:
    """Value of an untagged plain scalar, as PyYAML's safe loader would give it — except
    YAML 1.1's exotic numbers: ``0x1F00``, ``0755``, ``1:30:00`` or ``3_500`` stay text, so
    a strict number field refuses them as it refuses ``yes``; a number is written in
    decimal digits."""
    if " " in text and not text[:1].isdigit():
        return text  # only timestamps hold a space, and they start with a digit
    for tag, regexp in _RESOLVERS.get(text[:1] if text else "", ()):
        if tag in _BUILDERS and regexp.match(text):
            spelling = _NUMBER_SPELLING.get(tag)
            if spelling is not None and not spelling.fullmatch(text):
                return text
            try:
                return _BUILDERS[tag](ScalarNode(tag, text))
            except (ValueError, OverflowError):  # e.g. 2026-02-30: keep the text
                return text
    return text


# --- the tree builder -----------------------------------------------------------------------


@dataclass
class _Frame:
    loc: Loc
    value: dict[str, object] | list[object] | None  # None: discarded subtree
    key: str | None = None
    key_dropped: bool = False


class TreeBuilder:
    """Turns the event stream into plain data and positions, reporting what content forbids."""

    def __init__(self, path: str, out: list[Diagnostic]) -> None:
        self.path = path
        self.out = out
        self.stack: list[_Frame] = []
        self.documents = 0
        self.root: object = None
        self.positions: dict[Loc, Position] = {}
        self.key_positions: dict[Loc, Position] = {}
        self.tainted: set[Loc] = set()
        self.too_deep_reported = False
        self.aliases_reported: set[str] = set()

    def document(self) -> Document | None:
        if self.documents == 0 or self.root is None:
            self.out.append(diag("BQ007", self.path, 1, 1, "le fichier ne contient aucune donnée"))
            return None
        if not isinstance(self.root, dict):
            line, column = self.positions.get((), (1, 1))
            kind = "une liste" if isinstance(self.root, list) else "une valeur simple"
            message = f"le document est {kind}, pas une suite de lignes « champ: valeur »"
            self.out.append(diag("BQ009", self.path, line, column, message))
            return None
        return Document(self.path, self.root, self.positions, self.key_positions,
                        frozenset(self.tainted))

    def feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is ScalarEvent:
            self.scalar(event)  # type: ignore[arg-type]
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            self._start(event, {} if kind is MappingStartEvent else [])  # type: ignore[arg-type]
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self.stack.pop()
        elif kind is AliasEvent:
            self._alias(event)  # type: ignore[arg-type]
        elif kind is DocumentStartEvent:
            self.documents += 1
            if self.documents == 2:
                line, column = mark_position(event.start_mark)
                self.out.append(diag("BQ008", self.path, line, column,
                                     "plusieurs documents YAML dans un même fichier"))

    # -- placing a value -------------------------------------------------------------------

    def _slot(self) -> Loc | None:
        """Location where the next node goes, or None when it must be dropped."""
        if not self.stack:
            if self.documents > 1:
                return None
            return ()
        frame = self.stack[-1]
        if frame.value is None:
            return None
        if isinstance(frame.value, list):
            return (*frame.loc, len(frame.value))
        if frame.key is None:  # a dropped key (its value goes too), or a key (caller's job)
            return None
        return (*frame.loc, frame.key)

    def _attach(self, loc: Loc, value: object, event: yaml.Event) -> None:
        self.positions[loc] = mark_position(event.start_mark)
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        elif isinstance(frame.value, dict):
            assert frame.key is not None
            frame.value[frame.key] = value
            frame.key = None

    def _after_dropped_value(self) -> None:
        if self.stack:
            frame = self.stack[-1]
            if isinstance(frame.value, dict) and (frame.key is not None or frame.key_dropped):
                frame.key, frame.key_dropped = None, False

    def _expects_key(self) -> bool:
        if not self.stack:
            return False
        frame = self.stack[-1]
        return isinstance(frame.value, dict) and frame.key is None and not frame.key_dropped

    # -- events ------------------------------------------------------------------------------

    def _here(self, event: yaml.Event) -> str:
        """JSON path of the node ``event`` starts (best effort, for diagnostics)."""
        if not self.stack:
            return json_path(())
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return json_path((*frame.loc, len(frame.value)))
        if frame.key is not None:
            return json_path((*frame.loc, frame.key))
        if isinstance(event, ScalarEvent):
            return json_path((*frame.loc, event.value))  # a key
        return json_path(frame.loc)

    def _check_anchor_tag(self, event: yaml.NodeEvent) -> None:
        line, column = mark_position(event.start_mark)
        where = self._here(event)
        if event.anchor is not None:
            message = f"ancre « &{event.anchor} » : les ancres et alias sont interdits"
            self.out.append(diag("BQ011", self.path, line, column, message, json_path=where))
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.out.append(diag("BQ012", self.path, line, column,
                                 f"étiquette explicite « {shown} » interdite",
                                 json_path=where))

    def scalar(self, event: ScalarEvent) -> None:
        """The hot path: one call per scalar, so the common cases are inlined."""
        if event.anchor is not None or event.tag is not None:
            self._check_anchor_tag(event)
        if event.style == '"' and FORBIDDEN.search(event.value):
            event.value = self._forbidden_escape(event)
        if not self.stack:
            self._root_scalar(event)
            return
        frame = self.stack[-1]
        container = frame.value
        if container is None:
            return  # inside a dropped subtree
        if isinstance(container, dict):
            if frame.key is None:
                if frame.key_dropped:
                    frame.key_dropped = False  # the value of a dropped key goes too
                else:
                    self._key(event.value, event)
                return
            loc: Loc = (*frame.loc, frame.key)
        else:
            loc = (*frame.loc, len(container))
        text = event.value
        value = plain_scalar(text) if event.implicit[0] and event.tag is None else text
        mark = event.start_mark
        self.positions[loc] = (mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
        if isinstance(container, dict):
            container[frame.key] = value  # type: ignore[index]
            frame.key = None
        else:
            container.append(value)

    def _forbidden_escape(self, event: ScalarEvent) -> str:
        """A double-quoted text whose escapes spell a character the raw bytes could not hold
        (``"\\e[2J"``, ``"\\u202E"``): refused like the raw byte (BQ015); the value is
        kept in its visible form, so nothing downstream prints the control sequence."""
        found = FORBIDDEN.search(event.value)
        assert found is not None
        line, column = mark_position(event.start_mark)
        message = (f"caractère interdit U+{ord(found.group()):04X} écrit par un échappement "
                   "entre guillemets")
        self.out.append(diag("BQ015", self.path, line, column, message,
                             json_path=self._here(event)))
        return visible(event.value)

    def _root_scalar(self, event: ScalarEvent) -> None:
        loc = self._slot()
        if loc is not None:
            value = event.value
            self._attach(loc, plain_scalar(value) if event.implicit[0] else value, event)

    def _key(self, text: str, event: yaml.Event) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.value, dict)
        loc = (*frame.loc, text)
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
        if loc in self.key_positions:
            first = self.key_positions[loc]
            self.out.append(diag(
                "BQ010", self.path, position[0], position[1],
                f"clé « {text} » en double (déjà présente ligne {first[0]}, colonne {first[1]})",
                json_path=json_path(loc)))
            frame.key_dropped = True
            return
        self.key_positions[loc] = position
        frame.key = text

    def _start(self, event: MappingStartEvent | SequenceStartEvent, empty: dict[str, object]
               | list[object]) -> None:
        if event.anchor is not None or event.tag is not None:
            self._check_anchor_tag(event)
        if self._expects_key():
            frame = self.stack[-1]
            line, column = mark_position(event.start_mark)
            self.out.append(diag("BQ013", self.path, line, column,
                                 "une clé doit être un simple texte, pas une liste ni un ensemble"))
            frame.key_dropped = True
            self.tainted.add(frame.loc)
            self.stack.append(_Frame(frame.loc, None))
            return
        loc = self._slot()
        if loc is None:
            self._after_dropped_value()
            self.stack.append(_Frame((), None))
            return
        if len(self.stack) >= MAX_DEPTH:
            if not self.too_deep_reported:
                line, column = mark_position(event.start_mark)
                self.out.append(diag("BQ014", self.path, line, column,
                                     f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)",
                                     json_path=json_path(loc)))
                self.too_deep_reported = True
            self.tainted.add(loc)
            self._attach(loc, None, event)
            self.stack.append(_Frame(loc, None))
            return
        self._attach(loc, empty, event)
        self.stack.append(_Frame(loc, empty))

    def _alias(self, event: AliasEvent) -> None:
        line, column = mark_position(event.start_mark)
        anchor = str(event.anchor)
        if anchor not in self.aliases_reported:  # once per anchor: an alias bomb stays short
            self.aliases_reported.add(anchor)
            message = f"alias « *{event.anchor} » : les ancres et alias sont interdits"
            self.out.append(diag("BQ011", self.path, line, column, message,
                                 json_path=self._here(event)))
        if self._expects_key():
            self.stack[-1].key_dropped = True
            return
        loc = self._slot()
        if loc is None:
            self._after_dropped_value()
            return
        self.tainted.add(loc)
        self._attach(loc, None, event)


