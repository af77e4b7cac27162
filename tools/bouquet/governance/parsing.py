"""One governance file to its record, or every reason why not, each at its line and column.

The file goes through the one positioned loader (``bouquet.content.reading.loader``) and
pydantic's errors through the one translator (``bouquet.content.model_errors``), as module
files do; the diagnostics carry the governance codes (BQ3xx). A few errors keep wordings
written for governance files: the allowed values in the message, the expected form of an
identifier or of a release tag, an unknown ballot choice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from bouquet.content.model_errors import field_name, shown, translated
from bouquet.content.reading.loader import Document, Loc
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic, Severity
from bouquet.governance.minutes import typo
from bouquet.governance.models import DECISION_ID_PATTERN, MEMBER_ID_PATTERN, RELEASE_PATTERN
from bouquet.governance.positions import Located, locate

M = TypeVar("M", bound=BaseModel)

_FORMS = {  # what each patterned field looks like, for the message
    "publication": "l'étiquette de la version avec son v, ex. v1.2.0",
    "id": "minuscules, chiffres et tirets, ex. comite-du-commun",
    "options": "minuscules, chiffres et tirets, sans espace ni accent, ex. atelier-numerique",
    "mentions": "minuscules, chiffres et tirets, ex. tres-bien",
}
_PATTERN_FORMS = {  # the same, for any other field, from the pattern it failed
    DECISION_ID_PATTERN: "minuscules, chiffres et tirets, ex. comite-du-commun",
    MEMBER_ID_PATTERN: "minuscules, chiffres, tirets ou soulignés, ex. la-mednum",
    RELEASE_PATTERN: "l'étiquette de la version avec son v, ex. v1.2.0",
}


@dataclass(frozen=True, slots=True)
class Parsed(Generic[M]):
    """The record (None when the file does not pass), where its keys are, and what was found
    on the way (errors and warnings)."""

    record: M | None
    located: Located | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def parse(
    model: type[M], path: str, data: bytes, *, code: str = "BQ301",
    codes: Mapping[Loc, str] | None = None,
) -> Parsed[M]:
    """``data`` read as ``model``. Problems of the model get ``code``, or the code ``codes``
    gives to their field (``{("choix",): "BQ311"}``)."""
    located, found = locate(path, data)
    if located is None:
        return Parsed(None, None, tuple(found))
    try:
        record = model.model_validate(located.data)
    except ValidationError as exc:
        problems = model_problems(model, located.document, exc, code=code, codes=codes or {})
        return Parsed(None, located, (*found, *problems))
    return Parsed(record, located, tuple(found))


def model_problems(
    model: type[BaseModel], document: Document, error: ValidationError, *, code: str,
    codes: Mapping[Loc, str],
) -> Iterator[Diagnostic]:
    """Every error of ``error`` told in French under the governance codes, at the key of
    its field (of the nearest key above it when the field is missing)."""
    located = Located(document)
    for item, told in translated(model, document, error):
        loc = tuple(item["loc"])
        own = _own_wording(item, loc)
        yield diag(codes.get(loc, code), told.path, *located.at(*loc),
                   typo(own if own is not None else told.message),
                   hint=None if own is not None else typo(told.hint), json_path=told.json_path)


def _own_wording(item: Any, loc: Loc) -> str | None:
    """The governance wording of an error, where it says more than the generic one."""
    kind, where, value = item["type"], field_name(loc), shown(item.get("input"))
    if kind == "enum" and loc == ("choix",):
        return f"choix « {value} » inconnu"
    if kind == "model_type" and not loc:
        return "le fichier doit contenir des champs « clé: valeur »"
    if kind == "enum":
        expected = str((item.get("ctx") or {}).get("expected", "")).replace("'", "")
        allowed = expected.replace(" or ", " ou ")
        return f"« {where} » vaut « {value} » ; valeurs possibles : {allowed}"
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "string_pattern_mismatch" or (kind == "string_type" and field in _FORMS):
        pattern = str((item.get("ctx") or {}).get("pattern", ""))
        form = _FORMS.get(field) or _PATTERN_FORMS.get(pattern, "voir docs/gouvernance.md")
        return f"« {where} » vaut « {value} » ; forme attendue : {form}"
    return None


def reasons(diagnostics: tuple[Diagnostic, ...]) -> str:
    """The errors of one file in one French sentence, each with its line and column."""
    errors = [d for d in diagnostics if d.severity is Severity.ERROR] or list(diagnostics)
    return " ; ".join(f"{d.message} (ligne {d.line}, colonne {d.column})" for d in errors)
