"""Pydantic validation errors, told in French at the position of the offending node.

Pydantic's English text is never shown: each error ``type`` maps to a code and a French
message naming the field; the hint says what to write.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from bouquet.content.fields import pattern_of, shape_of
from bouquet.content.reading.loader import Document, json_path
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic

Loc = tuple[str | int, ...]

_TYPES: dict[str, str] = {
    "string_type": "un texte",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "int_from_float": "un nombre entier (sans virgule)",
    "float_type": "un nombre",
    "float_parsing": "un nombre",
    "bool_type": "vrai ou faux (true / false)",
    "bool_parsing": "vrai ou faux (true / false)",
    "list_type": "une liste (lignes commençant par « - »)",
    "tuple_type": "une liste (lignes commençant par « - »)",
    "model_type": "des lignes « champ: valeur » en retrait",
    "model_attributes_type": "des lignes « champ: valeur » en retrait",
    "dict_type": "des lignes « champ: valeur » en retrait",
    "finite_number": "un nombre fini",
}
_DATE_TYPES = frozenset({
    "date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
    "date_future", "date_past",
})
_BOUNDS: dict[str, str] = {
    "greater_than_equal": "supérieure ou égale à {ge}",
    "greater_than": "strictement supérieure à {gt}",
    "less_than_equal": "inférieure ou égale à {le}",
    "less_than": "strictement inférieure à {lt}",
    "string_too_long": "d'au plus {max_length} caractères",
    "too_long": "d'au plus {max_length} éléments",
}
_PATTERN_HINTS: dict[str, str] = {
    "id": "Écrivez un identifiant en minuscules ASCII, chiffres et tirets, sans accent ni "
          "espace (ex. « diagnostic-territorial »).",
    "mainteneurs": "Écrivez un compte GitHub précédé de « @ » (ex. « @hub-exemple » ou "
                   "« @organisation/equipe »).",
    "remplace_par": "Écrivez l'identifiant d'un module (minuscules, chiffres et tirets).",
}


def shown(value: object, limit: int = 60) -> str:
    """A value as a user would have typed it, shortened."""
    text = value if isinstance(value, str) else repr(value)
    if isinstance(value, dt.date):
        text = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    elif value is None:
        text = "(vide)"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dict):
        text = "{…}"
    elif isinstance(value, list):
        text = "[…]"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def field_name(loc: Sequence[str | int]) -> str:
    """Where a value is, in words: ``("tiroirs", 0, "livrables")`` -> « 1er tiroir,
    livrables » (the JSON path, ``$.tiroirs[0].livrables``, stays in ``json_path``)."""
    groups: list[str] = []
    keys: list[str] = []
    for part in loc:
        if isinstance(part, int) and keys:
            listed = keys.pop()
            if keys:
                groups.append(".".join(keys))
            noun = _singular(listed)
            groups.append(f"{_ordinal(part + 1, noun in _FEMININE)} {noun}")
            keys = []
        else:
            keys.append(str(part))
    if keys:
        groups.append(".".join(keys))
    return ", ".join(groups) or "(document)"


_FEMININE = frozenset({"option", "mention", "ressource", "procuration", "modalite",
                       "famille", "source"})  # list items whose noun is feminine


def _ordinal(number: int, feminine: bool = False) -> str:
    if number == 1:
        return "1re" if feminine else "1er"
    return f"{number}e"


def _singular(key: str) -> str:
    """``tiroirs`` -> ``tiroir``; a list whose name has no plural -> « élément de … »."""
    if key.endswith("s") and not key.endswith(("is", "us")):
        return key[:-1]
    return f"élément de {key}"


def model_diagnostics(
    model: type[BaseModel], document: Document, error: ValidationError,
    skip_patterns: frozenset[tuple[str, ...]] = frozenset(),
) -> Iterator[Diagnostic]:
    """French diagnostics for every error of ``error``; ``skip_patterns`` are told elsewhere."""
    for _, diagnostic in translated(model, document, error, skip_patterns):
        yield diagnostic


def translated(
    model: type[BaseModel], document: Document, error: ValidationError,
    skip_patterns: frozenset[tuple[str, ...]] = frozenset(),
) -> Iterator[tuple[Any, Diagnostic]]:
    """Each pydantic error of ``error`` (type, loc, input, ctx) with its French diagnostic,
    for callers that tell some errors in their own words (governance files)."""
    for item in real_errors(error):
        loc = tuple(item["loc"])
        if document.is_tainted(loc):
            continue
        if item["type"] == "string_pattern_mismatch" and pattern_of(loc) in skip_patterns:
            continue
        yield item, _one(model, document, item, loc)


def real_errors(error: ValidationError) -> list[Any]:
    """Errors of ``error`` without pydantic's echo: a list with a bad item is "too short"."""
    errors = error.errors(include_url=False, include_context=True, include_input=True)
    locs = [tuple(e["loc"]) for e in errors]
    return [item for item, loc in zip(errors, locs, strict=True)
            if not (item["type"] in ("too_short", "tuple_type")
                    and _has_child_error(loc, locs))]


def _has_child_error(loc: Loc, locs: list[Loc]) -> bool:
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs)


def _one(model: type[BaseModel], document: Document, item: Any, loc: Loc) -> Diagnostic:
    kind: str = item["type"]
    ctx: dict[str, Any] = item.get("ctx") or {}
    name = field_name(loc)
    path = document.path
    jp = json_path(loc)
    if kind == "missing":
        line, column = document.position(loc[:-1])
        return diag("BQ101", path, line, column, f"champ obligatoire « {name} » absent",
                    hint=f"Ajoutez le champ « {loc[-1]} » ({_title(model, loc)}).", json_path=jp)
    if kind == "extra_forbidden":
        line, column = document.key_position(loc)
        return diag("BQ103", path, line, column, f"champ inconnu « {name} »",
                    hint=_extra_hint(model, loc), json_path=jp)
    line, column = document.position(loc)
    value = shown(item.get("input"))
    if kind in _TYPES:
        return diag("BQ104", path, line, column,
                    f"« {name} » doit être {_TYPES[kind]}, pas « {value} »",
                    hint=_type_hint(name, _TYPES[kind], item.get("input")), json_path=jp)
    if kind in _DATE_TYPES:
        return diag("BQ108", path, line, column, f"« {name} » : date invalide « {value} »",
                    json_path=jp)
    if kind in _BOUNDS:
        limit = _BOUNDS[kind].format(**{k: _number(v) for k, v in ctx.items()})
        given = item.get("input")
        count = (f" (il en a {len(given)})" if kind in ("string_too_long", "too_long")
                 and isinstance(given, (str, list, tuple)) else "")
        return diag("BQ106", path, line, column,
                    f"« {name} » vaut « {value} » : la valeur doit être {limit}{count}",
                    hint=f"Écrivez pour « {name} » une valeur {limit}.", json_path=jp)
    if kind == "string_too_short":
        return diag("BQ106", path, line, column, f"« {name} » est vide",
                    hint=f"Écrivez un texte pour « {name} » ou retirez le champ s'il est "
                         "facultatif.", json_path=jp)
    if kind == "too_short":
        return diag("BQ107", path, line, column,
                    _at_least(name, int(ctx.get("min_length", 1))),
                    json_path=jp)
    if kind == "string_pattern_mismatch":
        key = next((str(k) for k in reversed(loc) if isinstance(k, str)), "")
        return diag("BQ105", path, line, column, f"« {name} » : format incorrect « {value} »",
                    hint=_PATTERN_HINTS.get(key, "Utilisez uniquement des minuscules ASCII, "
                                                 "des chiffres et « - » ou « _ »."),
                    json_path=jp)
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        allowed = ", ".join(f"« {v.strip()} »" for v in expected.split(","))
        return diag("BQ109", path, line, column,
                    f"« {name} » vaut « {value} », valeur non autorisée",
                    hint=f"Écrivez l'une des valeurs : {allowed}.", json_path=jp)
    if kind == "value_error":
        text = str(ctx.get("error", "valeur incorrecte"))
        code = "BQ110" if "ressources" in loc else "BQ102"
        return diag(code, path, line, column, f"« {name} » : {text}", json_path=jp)
    return diag("BQ102", path, line, column,
                f"« {name} » : valeur « {value} » non conforme au schéma", json_path=jp)


def _at_least(name: str, count: int) -> str:
    items = "un élément" if count <= 1 else f"{count} éléments"
    return f"« {name} » doit contenir au moins {items}"


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def _title(model: type[BaseModel], loc: Loc) -> str:
    return shape_of(model).titles.get(pattern_of(loc), str(loc[-1]))


def _extra_hint(model: type[BaseModel], loc: Loc) -> str:
    allowed = shape_of(model).keys.get(pattern_of(loc[:-1]), ())
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    if close:
        return f"Vouliez-vous écrire « {close[0]} » ? Sinon, supprimez ce champ."
    listed = ", ".join(allowed)
    return f"Champs possibles ici : {listed}. Supprimez ce champ ou corrigez son nom."


def _number_how(given: str, expected: str) -> str:
    """A French writer's number (« 4 000 € », « 2,5 ») and how YAML wants it."""
    integer = "entier" in expected
    text = given.strip()
    bare = re.sub(r"[\s\u00a0\u202f€]|HT", "", text)
    if bare != text and re.fullmatch(r"\d+(?:[,.]\d+)?", bare):
        return f"en chiffres collés, sans espace ni « € » (ex. {bare.replace(',', '.')})"
    if not integer and re.fullmatch(r"\d+,\d+", text):
        return f"avec un point pour les décimales (ex. {text.replace(',', '.')})"
    unit = re.fullmatch(r"(\d+(?:[,.]\d+)?)\s*[^\d\s,.].*", text)
    if unit:
        return f"en chiffres seuls, sans unité (ex. {unit.group(1).replace(',', '.')})"
    if integer and any(mark in text for mark in ",."):
        return "en chiffres, sans virgule ni guillemets"
    return "en chiffres et sans guillemets"


def _type_hint(name: str, expected: str, given: object) -> str:
    """How to fix a value of the wrong type; YAML's traps get a word of their own."""
    if isinstance(given, bool):
        return (f"Écrivez pour « {name} » {expected} ; « yes », « no », "
                f"« on », « off », « true » et « false » sont lus comme "
                "vrai ou faux en YAML.")
    if isinstance(given, float) and "entier" in expected:
        return f"Écrivez pour « {name} » {expected}, sans virgule."
    if isinstance(given, str) and expected.startswith("un nombre"):
        how = _number_how(given, expected)
        return f"Écrivez pour « {name} » {expected}, {how}."
    return f"Écrivez pour « {name} » {expected}."
