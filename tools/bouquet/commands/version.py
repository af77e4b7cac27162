"""`bouquet version`: the next version of the bouquet, computed from what changed."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from bouquet.errors import BouquetError, ExitCode
from bouquet.versioning import output
from bouquet.versioning.compute import Uncommitted, VersionReport, compute


def configure(parser: argparse.ArgumentParser) -> None:
    add_range_arguments(parser)
    parser.add_argument("--pre-release", choices=["rc"], default=None,
                        help="calculer une version candidate X.Y.Z-rc.N")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="format de sortie (défaut : text)")


def add_range_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_rev", metavar="REV", default=None,
                        help="révision de départ (défaut : dernière version vX.Y.Z "
                             "atteignable depuis --to)")
    parser.add_argument("--to", dest="to_rev", metavar="REV", default="HEAD",
                        help="révision d'arrivée (défaut : HEAD)")
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")
    parser.add_argument("--inclure-non-commite", dest="include_uncommitted",
                        action="store_true",
                        help="compter aussi les modifications de modules/ et schema/ pas encore "
                             "validées (git commit) : le dossier de travail remplace --to")


def compute_range(args: argparse.Namespace) -> VersionReport:
    """The report of the range the options name, uncommitted edits included on request."""
    if args.include_uncommitted and args.to_rev != "HEAD":
        raise BouquetError("--inclure-non-commite compare avec le dossier de travail : il ne se "
                           "combine pas avec --to.", exit_code=ExitCode.USAGE,
                           hint="Retirez --to, ou retirez --inclure-non-commite.")
    uncommitted = Uncommitted.INCLUDE if args.include_uncommitted else Uncommitted.WARN
    return compute(args.repo, args.from_rev, args.to_rev, args.pre_release,
                   uncommitted=uncommitted, today=dt.date.today())


def execute(args: argparse.Namespace) -> int:
    report = compute_range(args)
    sys.stderr.write(output.problems_text(report))
    if args.format == "json":
        sys.stdout.write(output.report_json(report))
    else:
        sys.stdout.write(output.report_text(report))
    # a change that cannot be released fails now, on the pull request, not at the release
    return ExitCode.FAIL if report.has_errors or report.blocking else ExitCode.OK
