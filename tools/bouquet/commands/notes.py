"""`bouquet notes`: the French release notes of the next version."""

from __future__ import annotations

import argparse
import sys

from bouquet.commands._shared import day
from bouquet.commands.version import add_range_arguments
from bouquet.fr import typography


def configure(parser: argparse.ArgumentParser) -> None:
    add_range_arguments(parser)
    parser.add_argument("--pre-release", choices=["rc"], default=None,
                        help="notes d'une version candidate X.Y.Z-rc.N")
    parser.add_argument("--date", type=day, default=None, metavar="AAAA-MM-JJ",
                        help="date imprimée (défaut : date du commit --to)")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown",
                        help="format de sortie (défaut : markdown)")


def execute(args: argparse.Namespace) -> int:
    from bouquet.edges.git import GitUsageError
    from bouquet.versioning import credits
    from bouquet.versioning.compute import compute_alongside

    try:
        report, pending_credits = compute_alongside(credits.credits_of, args.repo,
                                                    args.from_rev, args.to_rev,
                                                    args.pre_release)
    except GitUsageError as exc:
        sys.stderr.write(typography(f"bouquet notes : {exc}\n"))
        return 2
    from bouquet.versioning import notes, output

    sys.stderr.write(output.problems_text(report))
    from bouquet.versioning.item_history import module_versions_of

    module_versions = module_versions_of(args.repo, report)
    document = notes.build(report, pending_credits.result(), args.date, module_versions)
    if args.format == "json":
        sys.stdout.write(notes.render_json(document))
    else:
        sys.stdout.write(notes.render_markdown(document))
    return 1 if report.has_errors else 0
