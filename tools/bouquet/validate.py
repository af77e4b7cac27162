"""Validation of a revision's sources. PROVISIONAL naive version: to be replaced by the
positioned loader and the full rule set (issue 2). Signature is the contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import yaml
from pydantic import ValidationError

from bouquet.catalogue import Catalogue, is_module_path, is_vocab_path
from bouquet.codes import diag
from bouquet.diagnostics import Diagnostic
from bouquet.model import Module
from bouquet.vocab import Vocabulary


def check_sources(
    sources: Mapping[str, bytes], *, today: dt.date
) -> tuple[Catalogue, list[Diagnostic]]:
    del today
    diagnostics: list[Diagnostic] = []
    vocabularies: dict[str, Vocabulary] = {}
    modules: dict[str, Module] = {}
    paths: dict[str, str] = {}
    for path in sorted(sources):
        if not (is_module_path(path) or is_vocab_path(path)):
            continue
        try:
            data = yaml.load(sources[path], Loader=yaml.CSafeLoader)
        except yaml.YAMLError as exc:
            diagnostics.append(diag("BQ002", path, 1, 1, f"YAML invalide : {exc}"))
            continue
        try:
            if is_vocab_path(path):
                voc = Vocabulary.model_validate(data)
                vocabularies[voc.id] = voc
            else:
                module = Module.model_validate(data)
                modules[module.id] = module
                paths[module.id] = path
        except ValidationError as exc:
            diagnostics.append(diag("BQ102", path, 1, 1, str(exc)))
    return Catalogue(modules=modules, paths=paths, vocabularies=vocabularies), diagnostics
