"""`bouquet indicateurs [rapport|export]`: the half-yearly indicators of the deployments."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from bouquet.commands._shared import repository_root
from bouquet.indicators.export import write_export
from bouquet.indicators.files import REPORTS_DIR
from bouquet.indicators.inputs import read_inputs
from bouquet.indicators.render import render_csv, render_json, render_text
from bouquet.indicators.report import write_report
from bouquet.indicators.run import run
from bouquet.indicators.semesters import parse_semester, semester_of

FORMATS = ("text", "json", "csv")


def configure(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="format : text (défaut, en français), json ou csv")
    actions = parser.add_subparsers(dest="action", metavar="ACTION",
                                    parser_class=type(parser))
    report = actions.add_parser(
        "rapport", add_help=False, help="rapport de deux pages (PDF et HTML) du semestre",
        description="Écrire le rapport semestriel : indicateurs-AAAA-SN.pdf et .html.")
    report.add_argument("-h", "--help", action="help", help="afficher cette aide")
    _common(report)
    report.add_argument("--out", default=REPORTS_DIR, metavar="DOSSIER",
                        help="dossier où écrire le rapport (par défaut : rapports/)")
    export = actions.add_parser(
        "export", add_help=False, help="données ouvertes : CSV (avec TableSchema) et Parquet",
        description="Écrire deploiements.csv, realisations.csv et leurs versions Parquet.")
    export.add_argument("-h", "--help", action="help", help="afficher cette aide")
    export.add_argument("--out", default="export", metavar="DOSSIER",
                        help="dossier où écrire l'export (par défaut : export/)")
    export.add_argument("--sans-cache", action="store_true", default=argparse.SUPPRESS,
                        help="relire toutes les fiches sans utiliser .cache/")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--semestre", metavar="AAAA-SN", default=argparse.SUPPRESS,
                        help="semestre (AAAA-S1 ou AAAA-S2 ; par défaut : le semestre en cours)")
    parser.add_argument("--database", metavar="BASE", default=argparse.SUPPRESS,
                        help="base où charger les fiches : fichier .duckdb, ou "
                             "postgresql://… (par défaut : DuckDB en mémoire)")
    parser.add_argument("--sans-cache", action="store_true", default=argparse.SUPPRESS,
                        help="relire toutes les fiches sans utiliser .cache/")
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=argparse.SUPPRESS,
                        help="dossier du dépôt (défaut : dossier courant)")


def execute(args: argparse.Namespace) -> int:
    root = repository_root(Path(getattr(args, "repo", ".")))
    inputs = read_inputs(root, use_cache=not getattr(args, "sans_cache", False))
    action = getattr(args, "action", None)
    if action == "export":
        _written(write_export(inputs, root / args.out), root)
        return 0
    semestre = getattr(args, "semestre", None)
    target = parse_semester(semestre) if semestre else semester_of(dt.date.today())
    series = run(inputs, target, getattr(args, "database", None))
    if action == "rapport":
        _written(write_report(series, inputs, root / args.out), root)
        return 0
    renderers = {"json": render_json, "csv": render_csv, "text": render_text}
    sys.stdout.write(renderers[args.format](series[-1]))
    return 0


def _written(paths: list[Path], root: Path) -> None:
    for path in paths:
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        sys.stdout.write(f"{shown} : écrit.\n")
