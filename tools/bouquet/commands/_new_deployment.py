"""`bouquet new deploiement HUB ID --module M --tiroir T --version X.Y.Z`: scaffold a
deployment record, never overwriting one.

The given options are checked as ``bouquet validate`` would (hub, release, module, tiroir);
the fields left to fill (commanditaire, dates…) are the contributor's job.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from bouquet.content.deployment_scaffold import (
    DeploymentRequest,
    deployment_path,
    render_deployment,
)
from bouquet.content.names import id_problem
from bouquet.diagnostics.record import Severity
from bouquet.edges.worktree import replace_file
from bouquet.errors import BouquetError, ExitCode
from bouquet.validation.catalogue import build_catalogue
from bouquet.validation.deployments import check_deployments
from bouquet.validation.working_tree import WorkingTree

OPTION_CODES = frozenset({"BQ101", "BQ102", "BQ104", "BQ105", "BQ502", "BQ503", "BQ504",
                          "BQ505", "BQ506", "BQ518"})


def configure_kind(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = kinds.add_parser(
        "deploiement", add_help=False,
        help="créer deploiements/HUB/ID.yaml, une fiche de déploiement à compléter",
        description="Créer deploiements/HUB/ID.yaml, une fiche de déploiement à compléter. "
        "Rien n'est jamais écrasé.")
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide")
    parser.add_argument("hub", metavar="HUB", help="identifiant du hub (governance/membres.yaml)")
    parser.add_argument("deployment_id", metavar="ID",
                        help="identifiant de la fiche, ex. 2026-crest-diagnostic")
    parser.add_argument("--module", required=True, help="identifiant du module déployé")
    parser.add_argument("--tiroir", required=True, help="identifiant du tiroir")
    parser.add_argument("--version", required=True, metavar="X.Y.Z",
                        help="version du Bouquet dont l'offre est issue")


def new_deployment(root: Path, args: argparse.Namespace, today: dt.date) -> int:
    for label, value in (("HUB", args.hub), ("ID", args.deployment_id)):
        if problem := id_problem(value):
            raise BouquetError(f"fiche non créée : {label} {problem}.", exit_code=ExitCode.USAGE)
    request = DeploymentRequest(args.hub, args.deployment_id, args.module, args.tiroir,
                                args.version, today)
    relative = deployment_path(request)
    if os.path.lexists(root / relative):
        raise BouquetError(f"fiche non créée : {relative} existe déjà ; rien n'a été modifié.")
    text = render_deployment(request)
    problems = [d for d in check_deployments(
        {relative: text.encode("utf-8")}, tree=WorkingTree(root), only=None, repo=root,
        vocab_ids={}, build=lambda files: build_catalogue(files, today=today)[0])
        if d.severity is Severity.ERROR and d.code in OPTION_CODES]
    if problems:
        listed = "\n".join(f"  {d.code} {d.message}" for d in problems)
        raise BouquetError(f"fiche non créée :\n{listed}", exit_code=ExitCode.USAGE,
                           hint="Corrigez les options (hub, --module, --tiroir, --version).")
    try:
        replace_file(root / relative, text)
    except OSError as exc:
        raise BouquetError(f"fiche non créée : écriture impossible ({exc.strerror or exc}) ; "
                           "rien n'a été modifié.") from None
    print(f"Fiche créée : {relative} (statut « prevu »).\n"
          f"Et maintenant :\n"
          f"  1. ouvrez {relative} et complétez le commanditaire, le territoire, les dates ;\n"
          f"  2. vérifiez-la : bouquet validate {relative}\n"
          f"  3. proposez-la : git add {relative} && git commit -m \"Déploiement "
          f"{args.deployment_id}\", puis ouvrez une demande de fusion (pull request).")
    return ExitCode.OK
