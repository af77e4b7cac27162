"""A fast reading of catalogue files for the diff, with the full validator as fallback.

The positioned loader of ``bouquet validate`` costs a few milliseconds per module; reading
the hundred modules a quarter touches, on both sides, would dominate ``bouquet version``. So
the diff first reads each file with libyaml (``bouquet.versioning.plainyaml``) into the frozen
models and checks what the version depends on — the model, the id equal to its folder, every
vocabulary value known. Whenever anything fails on a side, that side is rebuilt by the real
validator (``build_catalogue``) so the user gets its located diagnostics. Checks that do not
change the meaning of a diff (YAML style, duplicate keys, dates in the future…) stay with
``bouquet validate``, which CI runs on every pull request.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bouquet.content.catalogue import Catalogue, is_module_path, is_vocab_path
from bouquet.content.layout import catalogue_files
from bouquet.content.model import Module
from bouquet.content.vocab import Vocabulary

M = TypeVar("M", bound=BaseModel)


def quick_catalogue(
    sources: Mapping[str, bytes], parsed: Mapping[str, object] | None = None
) -> Catalogue | None:
    """The catalogue of ``sources``, or None when any file needs the full validator.
    ``parsed`` is the plain data of ``bouquet.content.layout.catalogue_files(sources)`` when already
    read (in another process); the files are parsed here otherwise."""
    if parsed is None:
        from bouquet.versioning.plainyaml import parse_files

        parsed = parse_files(sources, catalogue_files(sources))
    vocabularies: dict[str, Vocabulary] = {}
    for path in sorted(p for p in sources if is_vocab_path(p)):
        vocabulary = _load(Vocabulary, parsed.get(path))
        if vocabulary is None or f"{vocabulary.id}.yaml" != path.rsplit("/", 1)[1]:
            return None
        vocabularies[vocabulary.id] = vocabulary
    ids = {name: voc.ids() for name, voc in vocabularies.items()}
    modules: dict[str, Module] = {}
    paths: dict[str, str] = {}
    for path in sorted(p for p in sources if is_module_path(p)):
        module = _load(Module, parsed.get(path))
        if module is None or module.id != path.split("/")[1] or module.id in modules:
            return None
        if any(value not in ids.get(name, ()) for name, value in vocabulary_values(module)):
            return None
        modules[module.id] = module
        paths[module.id] = path
    return Catalogue(modules=modules, paths=paths, vocabularies=vocabularies)


def _load(model: type[M], data: object) -> M | None:
    if data is None:
        return None
    try:
        return model.model_validate(data)
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
