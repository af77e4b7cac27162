"""Gateway files are checked like content: every problem at its line, with the closest
valid value of the standard suggested."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence

from pydantic import ValidationError

from bouquet.content.files import Tree
from bouquet.content.gateway import Gateway
from bouquet.content.layout import is_gateway_path
from bouquet.content.model_errors import model_diagnostics
from bouquet.content.reading.loader import Document, json_path, load_yaml
from bouquet.content.standards import SMN_SCHEMA, TableStandard, parse_table_schema
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic


def check_gateway_files(sources: Mapping[str, bytes], tree: Tree,
                        selected: frozenset[str] | None) -> Iterator[Diagnostic]:
    """Every gateway file of ``sources`` (those of ``selected`` when given), checked against
    the vendored standard; nothing when the revision does not hold it."""
    paths = [p for p in sorted(sources) if is_gateway_path(p)
             and (selected is None or p in selected)]
    data = (sources.get(SMN_SCHEMA) or tree.read(SMN_SCHEMA)) if paths else None
    if data is None:
        return
    standard = parse_table_schema(data)
    for path in paths:
        yield from load_gateway(path, sources[path], standard)[1]


def load_gateway(path: str, data: bytes,
                 standard: TableStandard) -> tuple[Gateway | None, list[Diagnostic]]:
    document, found = load_yaml(path, data)
    if document is None:
        return None, found
    try:
        gateway = Gateway.model_validate(document.value)
    except ValidationError as exc:
        return None, [*found, *model_diagnostics(Gateway, document, exc)]
    found.extend(check_gateway(document, gateway, standard))
    return (None if found else gateway), found


def _closest(value: str, allowed: Sequence[str]) -> str:
    folded = {a.casefold(): a for a in allowed}
    near = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.5)
    return f" ; valeur la plus proche : « {folded[near[0]]} »" if near else ""


def check_gateway(doc: Document, gateway: Gateway,
                  standard: TableStandard) -> Iterator[Diagnostic]:
    names = [f.name for f in standard.fields]
    controlled = standard.controlled()
    for name, source in gateway.champs.items():
        if name not in names:
            yield _at(doc, ("champs", name), "BQ273",
                      f"champ « {name} » absent du standard{_closest(name, names)}", key=True)
        elif (source.colonne is None) == (source.valeur is None):
            yield _at(doc, ("champs", name), "BQ272",
                      f"champ « {name} » : indiquez soit « colonne », soit « valeur »")
    for field in standard.fields:
        if field.required and field.name not in gateway.champs:
            yield _at(doc, ("champs",), "BQ272",
                      f"champ obligatoire du standard « {field.name} » sans source")
    for name, rules in gateway.valeurs.items():
        if name not in controlled:
            yield _at(doc, ("valeurs", name), "BQ273",
                      f"« {name} » n'est pas un champ à valeurs contrôlées du standard"
                      f"{_closest(name, list(controlled))}", key=True)
            continue
        for index, rule in enumerate(rules):
            if rule.cible not in controlled[name]:
                yield _at(doc, ("valeurs", name, index, "cible"), "BQ273",
                          f"cible « {rule.cible} » absente des valeurs du champ « {name} »"
                          f"{_closest(rule.cible, controlled[name])}")
            if not rule.contient and not rule.parmi:
                yield _at(doc, ("valeurs", name, index), "BQ272",
                          f"règle « {rule.cible} » sans « contient » ni « parmi »")


def _at(doc: Document, where: tuple[str | int, ...], code: str, message: str,
        *, key: bool = False) -> Diagnostic:
    line, column = doc.key_position(where) if key else doc.position(where)
    return diag(code, doc.path, line, column, message, json_path=json_path(where))
