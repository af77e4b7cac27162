"""`bouquet notes`: the French release notes of the next version."""

from __future__ import annotations

import argparse
import sys

from bouquet.commands._shared import day
from bouquet.commands.version import add_range_arguments, compute_range
from bouquet.errors import ExitCode
from bouquet.versioning import credits, notes, output
from bouquet.versioning.item_history import module_versions_of


def configure(parser: argparse.ArgumentParser) -> None:
    add_range_arguments(parser)
    parser.add_argument("--pre-release", choices=["rc"], default=None,
                        help="notes d'une version candidate X.Y.Z-rc.N")
    parser.add_argument("--date", type=day, default=None, metavar="AAAA-MM-JJ",
                        help="date imprimée (défaut : date du commit --to)")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown",
                        help="format de sortie (défaut : markdown)")


def execute(args: argparse.Namespace) -> int:
    report = compute_range(args)
    sys.stderr.write(output.problems_text(report))
    module_versions = module_versions_of(args.repo, report)
    contributors = credits.gather(args.repo, report.from_commit, report.to_commit)
    document = notes.build(report, contributors, args.date, module_versions)
    if args.format == "json":
        sys.stdout.write(notes.render_json(document))
    else:
        sys.stdout.write(notes.render_markdown(document))
    return ExitCode.FAIL if report.has_errors else ExitCode.OK
