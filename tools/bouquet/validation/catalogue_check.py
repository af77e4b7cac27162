"""Validation of a revision's catalogue: its modules and vocabularies, every problem at once.

``check_catalogue(sources, today=...)`` parses with positions, models and checks every module
and vocabulary of ``sources`` — nothing else: governance files, deployment records and
gateways are ``bouquet.validation.sources``'s. It is what ``build_catalogue`` runs when a
catalogue must come with located diagnostics, so that reading a catalogue (``bouquet
version``, ``notes``, the site) does not load the checks of the rest of the repository.

- ``tree``: what the rules may know of the files around the sources (folders, resources,
  other modules); by default only the sources themselves (a git revision).
- ``only``: check these paths in full and report only their problems, while cross-file rules
  still hold against the whole catalogue (the pre-commit case).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bouquet.content.catalogue import MODULES_DIR, Catalogue, is_module_path, is_vocab_path
from bouquet.content.files import SourcesTree, Tree
from bouquet.content.model import Module
from bouquet.content.model_errors import model_diagnostics, real_errors
from bouquet.content.reading.loader import Document, load_yaml
from bouquet.content.vocab import Vocabulary
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.catalogue_rules import (
    Replacement,
    check_folder_name,
    check_layout,
    check_replacement_target,
    check_resources,
    replacement_of,
    status_from_tree,
)
from bouquet.validation.context import Context
from bouquet.validation.correspondences import check_correspondences, read_standards
from bouquet.validation.editorial_rules import check_editorial_rules
from bouquet.validation.module_rules import check_module_rules
from bouquet.validation.vocab_rules import (
    check_module_vocabularies,
    check_vocabularies_present,
    check_vocabulary_file,
    vocab_patterns,
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class _Checked:
    path: str
    folder: str
    module: Module | None
    statut: object  # as written, for the rules of other modules
    replacement: Replacement | None


def check_catalogue(
    sources: Mapping[str, bytes],
    *,
    today: dt.date,
    tree: Tree | None = None,
    only: Iterable[str] | None = None,
) -> tuple[Catalogue, list[Diagnostic]]:
    """Parse, model and check every module and vocabulary of ``sources``."""
    tree = tree if tree is not None else SourcesTree(sources)
    selected = None if only is None else frozenset(only)
    out: list[Diagnostic] = []
    vocabularies = _vocabularies(sources, tree, out)
    ctx = Context(today, vocabularies, {n: v.ids() for n, v in vocabularies.items()}, tree)
    # missing vocabularies: values cannot be checked, which file mode must say too
    unchecked = list(check_vocabularies_present(ctx, frozenset(sources)))
    module_paths = [p for p in sorted(sources) if is_module_path(p)]
    if selected is not None:
        module_paths = [p for p in module_paths if p in selected]
    checked = [_check_module(path, sources[path], ctx, out) for path in module_paths]
    status_of = status_from_tree(ctx, {c.folder: c.statut for c in checked})
    for item in checked:
        if item.replacement is not None:
            out.extend(check_replacement_target(item.replacement, ctx, status_of))
    if selected is None:
        out.extend(check_layout(ctx, frozenset(module_paths)))
    else:
        named_folders = frozenset(p.split("/")[1] for p in selected
                                  if p.startswith(MODULES_DIR + "/") and p.count("/") >= 2
                                  and not is_module_path(p))
        out.extend(check_layout(ctx, frozenset(module_paths), named_folders))
        out = [d for d in out if d.path in selected]
    if selected is None or module_paths:  # only modules need the vocabularies
        out.extend(unchecked)
    out.sort(key=Diagnostic.sort_key)
    return _catalogue(checked, vocabularies), out


def _check_module(path: str, data: bytes, ctx: Context, out: list[Diagnostic]) -> _Checked:
    folder = path.split("/")[1]
    out.extend(check_folder_name(path, folder))
    document, found = load_yaml(path, data)
    out.extend(found)
    if document is None:
        return _Checked(path, folder, None, None, None)
    module = _model(Module, document, out, _VOCAB_PATTERNS)
    out.extend(check_module_rules(document, folder, ctx))
    out.extend(check_module_vocabularies(document, ctx))
    out.extend(check_resources(document, folder, ctx))
    out.extend(check_editorial_rules(document, ctx))
    statut = document.value.get("statut") if isinstance(document.value, dict) else None
    return _Checked(path, folder, module, statut, replacement_of(document))


_VOCAB_PATTERNS = vocab_patterns()


def _model(model: type[M], document: Document, out: list[Diagnostic],
           skip: frozenset[tuple[str, ...]] = frozenset()) -> M | None:
    """The validated record, or None; unknown keys (errors) are reported, and the rest of the
    module is still checked and catalogued."""
    try:
        return model.model_validate(document.value)
    except ValidationError as exc:
        out.extend(model_diagnostics(model, document, exc, skip))
        errors = real_errors(exc)
        if all(e["type"] == "extra_forbidden" for e in errors):
            return _without_extras(model, document, [tuple(e["loc"]) for e in errors])
        return None


def _without_extras(model: type[M], document: Document,
                    extras: list[tuple[str | int, ...]]) -> M | None:
    try:
        return model.model_validate(_strip(document.value, extras))
    except ValidationError:
        return None


def _strip(value: object, locs: list[tuple[str | int, ...]]) -> object:
    """A copy of ``value`` without the entries at ``locs``."""
    if not locs:
        return value
    if isinstance(value, dict):
        drop = {loc[0] for loc in locs if len(loc) == 1}
        return {k: _strip(v, [loc[1:] for loc in locs if len(loc) > 1 and loc[0] == k])
                for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [_strip(v, [loc[1:] for loc in locs if len(loc) > 1 and loc[0] == i])
                for i, v in enumerate(value)]
    return value


def _vocabularies(sources: Mapping[str, bytes], tree: Tree,
                  out: list[Diagnostic]) -> dict[str, Vocabulary]:
    found: dict[str, Vocabulary] = {}
    paths = sorted(p for p in sources if is_vocab_path(p))
    standards = read_standards(sources, tree) if paths else None
    for path in paths:
        document, problems = load_yaml(path, sources[path])
        out.extend(problems)
        if document is None:
            continue
        vocabulary = _model(Vocabulary, document, out)
        if vocabulary is not None:
            name = path.rsplit("/", 1)[-1][: -len(".yaml")]
            out.extend(check_vocabulary_file(document, name, vocabulary))
            if standards is not None:
                out.extend(check_correspondences(document, name, vocabulary, standards))
            found[name] = vocabulary
    return found


def _catalogue(checked: list[_Checked], vocabularies: dict[str, Vocabulary]) -> Catalogue:
    modules: dict[str, Module] = {}
    paths: dict[str, str] = {}
    for item in checked:
        if item.module is not None and item.module.id not in modules:
            modules[item.module.id] = item.module
            paths[item.module.id] = item.path
    return Catalogue(modules=modules, paths=paths, vocabularies=vocabularies)


__all__ = ["check_catalogue"]
