"""`bouquet schema [--check]`: write the JSON Schemas generated from the models."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bouquet.commands._shared import add_repo_option, repository_root, sync_generated
from bouquet.content.catalogue import is_vocab_path
from bouquet.diagnostics.record import has_errors
from bouquet.diagnostics.render import Counts, render_text
from bouquet.errors import ExitCode
from bouquet.exports.catalogue import CATALOGUE_TABLESCHEMA, catalogue_tableschema
from bouquet.generated import deployment_schema, governance_schema, module_schema
from bouquet.indicators.export_schema import table_schemas
from bouquet.validation.sources import check_sources
from bouquet.validation.working_tree import whole_repository


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="ne rien écrire ; sortir avec le code 1 si un schéma est périmé")
    add_repo_option(parser)


def execute(args: argparse.Namespace) -> int:
    root = repository_root(Path(args.repo))
    sources = {p: b for p, b in whole_repository(root).sources.items() if is_vocab_path(p)}
    catalogue, diagnostics = check_sources(sources, today=dt.date.today())
    vocab_problems = [d for d in diagnostics if is_vocab_path(d.path)]
    if has_errors(vocab_problems):
        sys.stderr.write("Vocabulaires invalides : corrigez-les avant de générer les schémas.\n")
        sys.stderr.write(render_text(vocab_problems, Counts(0, len(sources))))
        return ExitCode.FAIL
    files = {**module_schema.schemas(catalogue.vocabularies), **governance_schema.schemas(),
             **deployment_schema.schemas(catalogue.vocabularies), **table_schemas(),
             CATALOGUE_TABLESCHEMA: catalogue_tableschema()}
    return sync_generated(root, files, check=args.check, command="bouquet schema",
                          what="Schémas", unit="fichier")
