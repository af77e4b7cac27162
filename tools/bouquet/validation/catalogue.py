"""The one catalogue builder: the files of a revision to a typed ``Catalogue``.

Contract used by every command: ``build_catalogue(sources, today=...)`` takes the files of a
revision as ``{repo-relative path: bytes}`` (from the working tree or from git blobs) and
returns the typed catalogue plus every diagnostic found. It never touches the disk itself.

``quick=True`` is for a diff (``bouquet version``, ``notes``), which reads the changed modules
of two revisions and needs no position: each file is first read without positions
(``bouquet.content.reading.plain``) into its model, and what the version depends on is
checked — the model, the id equal to its folder, every vocabulary value known. When all of
it holds, that catalogue comes back without diagnostics (half the time of the full build);
when anything fails, the full build runs so that the user gets every located diagnostic.
Checks that do not change the meaning of a diff (YAML style, dates in the future…) stay with
``bouquet validate``, which CI runs on every pull request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bouquet.content.catalogue import Catalogue
from bouquet.content.layout import is_module_path, is_vocab_path
from bouquet.content.model import Module
from bouquet.content.reading.plain import load_plain
from bouquet.content.vocab import Vocabulary
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.catalogue_check import check_catalogue

M = TypeVar("M", bound=BaseModel)


def build_catalogue(
    sources: Mapping[str, bytes], *, today: dt.date, quick: bool = False,
    more: Callable[[], Mapping[str, bytes]] | None = None,
) -> tuple[Catalogue, list[Diagnostic]]:
    """Parse, model and check every module and vocabulary of ``sources``; with ``quick``,
    only what a diff depends on when every file passes (see the module's docstring).
    ``more()`` gives the files the full build needs beyond ``sources`` (the resources of
    the modules): it is only called when the full build runs."""
    if quick:
        catalogue = _quick_catalogue(sources)
        if catalogue is not None:
            return catalogue, []
    if more is not None:
        sources = {**sources, **more()}
    return check_catalogue(sources, today=today)


def _quick_catalogue(sources: Mapping[str, bytes]) -> Catalogue | None:
    """The catalogue of ``sources``, or None when any file needs the full build."""
    vocabularies: dict[str, Vocabulary] = {}
    for path in sorted(p for p in sources if is_vocab_path(p)):
        vocabulary = _record(Vocabulary, sources[path])
        if vocabulary is None or f"{vocabulary.id}.yaml" != path.rsplit("/", 1)[1]:
            return None
        vocabularies[vocabulary.id] = vocabulary
    ids = {name: voc.ids() for name, voc in vocabularies.items()}
    modules: dict[str, Module] = {}
    paths: dict[str, str] = {}
    for path in sorted(p for p in sources if is_module_path(p)):
        module = _record(Module, sources[path])
        if module is None or module.id != path.split("/")[1] or module.id in modules:
            return None
        if any(value not in ids.get(name, ()) for name, value in vocabulary_values(module)):
            return None
        modules[module.id] = module
        paths[module.id] = path
    return Catalogue(modules=modules, paths=paths, vocabularies=vocabularies)


def _record(model: type[M], data: bytes) -> M | None:
    plain = load_plain(data)
    if plain is None:
        return None
    try:
        return model.model_validate(plain)
    except (ValidationError, ValueError, TypeError, RecursionError):
        return None


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
