"""The typed record of one semantic change, fired from a rule of the catalogue."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bouquet.fr import quote, typography
from bouquet.versioning.rules import Bump, Kind, rule


class Scope(enum.StrEnum):
    MODULE = "module"
    VOCABULAIRE = "vocabulaire"
    SCHEMA = "schema"


@dataclass(frozen=True, slots=True)
class Change:
    """One change between two revisions. ``before``/``after`` are French renderings
    (« 4 000 € HT », « 5 à 7 jours ») or None; ``field`` is a dotted path in the record."""

    rule: str
    bump: Bump
    kind: Kind
    scope: Scope
    target: str  # module id, vocabulary id or schema file name
    title: str  # module title, vocabulary title or « Schéma des modules »
    path: str  # repo-relative file (new side, or old side when removed)
    field: str
    subject: str
    before: str | None
    after: str | None
    message: str
    blocking: bool

    def sort_key(self) -> tuple[str, str, str, str, str]:
        return (self.scope.value, self.target, self.field, self.rule, self.subject)


@dataclass(frozen=True, slots=True)
class Place:
    """Where changes happen: the record they belong to."""

    scope: Scope
    target: str
    title: str
    path: str


def fire(
    rule_id: str,
    place: Place,
    *,
    field: str = "",
    label: str = "",
    subject: str = "",
    before: str | None = None,
    after: str | None = None,
    detail: str = "",
) -> Change:
    """Build the ``Change`` of rule ``rule_id``; its message comes from the rule's template.
    ``label`` is the French name of the field, ``subject`` the French name of the item;
    ``detail`` is a French summary for templates that show the difference, not both sides."""
    entry = rule(rule_id)
    message = typography(entry.template).format(
        field=label, subject=quote(subject) if subject else "",
        before=before if before is not None else "—", after=after if after is not None else "—",
        detail=detail,
    )
    return Change(
        rule=rule_id, bump=entry.bump, kind=entry.kind, scope=place.scope,
        target=place.target, title=place.title, path=place.path, field=field,
        subject=subject, before=before, after=after, message=message,
        blocking=entry.blocking,
    )


@dataclass(frozen=True, slots=True)
class ModuleVersion:
    """A published module's own version: ``previous`` at the last release (None before its
    first publication) and ``version`` at the next one. Computed by
    ``bouquet.versioning.item_history`` from the release tags; shown by the notes and the status."""

    id: str
    title: str
    previous: str | None
    version: str
