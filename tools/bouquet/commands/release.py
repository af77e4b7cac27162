"""`bouquet release`: cut a quarterly release, all or nothing (or check a published one)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable

from bouquet.commands._shared import day
from bouquet.diagnostics.record import Diagnostic
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.release import output
from bouquet.release.run import release, verify


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true",
                        help="afficher les notes, le manifeste et les commandes, sans rien écrire")
    parser.add_argument("--pre-release", choices=["rc"], default=None,
                        help="publier une version candidate X.Y.Z-rc.N (sans vote)")
    parser.add_argument("--date", type=day, default=None, metavar="AAAA-MM-JJ",
                        help="date de la version (défaut : aujourd'hui)")
    parser.add_argument("--verify", metavar="vX.Y.Z", default=None,
                        help="vérifier qu'une version publiée correspond à son manifeste")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="format de sortie (défaut : text)")
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")


def execute(
    args: argparse.Namespace,
    *,
    before_step: Callable[[str], None] | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> int:
    try:
        with Repository(args.repo) as repo:
            root, head = repo.root, repo.head()
    except BouquetError:
        head = None
    if head is None:
        raise BouquetError("ce dossier n'est pas un dépôt git avec au moins un commit. Lancez "
                           "la commande dans votre clone du Bouquet (ou indiquez-le avec "
                           "-C DOSSIER).", exit_code=ExitCode.USAGE)
    if args.verify is not None:
        return _report_verify(args, verify(root, args.verify))
    now = today()
    outcome = release(root, pre_release=args.pre_release, date=args.date or now,
                      dry_run=args.dry_run, before_step=before_step, today=now)
    out, err = output.render(outcome, args.format, dry_run=args.dry_run)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return ExitCode.FAIL if outcome.refusals else ExitCode.OK


def _report_verify(args: argparse.Namespace, problems: tuple[Diagnostic, ...]) -> int:
    out, err = output.render_verify(args.verify, problems, args.format)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return ExitCode.FAIL if problems else ExitCode.OK
