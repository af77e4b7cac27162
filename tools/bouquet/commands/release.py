"""`bouquet release`: cut a quarterly release, all or nothing (or check a published one)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bouquet.commands._shared import day

if TYPE_CHECKING:
    from bouquet.release.preconditions import Refusal

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


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
    from bouquet.edges.git import GitUsageError
    from bouquet.release import gitops
    from bouquet.release.run import release, verify

    root = gitops.toplevel(Path(args.repo))
    if root is None or gitops.head(root) is None:
        _err("ce dossier n'est pas un dépôt git avec au moins un commit. Lancez la commande "
             "dans votre clone du Bouquet (ou indiquez-le avec -C DOSSIER).")
        return EXIT_USAGE
    try:
        if args.verify is not None:
            return _report_verify(args, verify(root, args.verify))
        now = today()
        outcome = release(root, pre_release=args.pre_release, date=args.date or now,
                          dry_run=args.dry_run, before_step=before_step, today=now)
    except GitUsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except gitops.GitFailed as exc:
        _err("la publication a échoué, le dépôt a été remis exactement dans son état "
             f"d'avant.\nCause : {exc.detail}\nAide : corrigez la cause (par exemple un "
             "crochet git qui refuse le commit), puis relancez.")
        return EXIT_REFUSED
    from bouquet.release import output

    out, err = output.render(outcome, args.format, dry_run=args.dry_run)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return EXIT_REFUSED if outcome.refusals else EXIT_OK


def _report_verify(args: argparse.Namespace, problems: tuple[Refusal, ...]) -> int:
    from bouquet.release import output

    out, err = output.render_verify(args.verify, problems, args.format)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return EXIT_REFUSED if problems else EXIT_OK


def _err(message: str) -> None:
    sys.stderr.write(f"bouquet release : {message}\n")

