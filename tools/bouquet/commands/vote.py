"""`bouquet vote`: open, sign, close and tally the comité's decisions.

``bouquet vote tally`` exits 0 whenever the decision could be tallied, whatever its result
(adopted, rejected, no quorum, tie: read it in the output); 1 when the decision's files are
invalid; 2 on a usage error (unknown decision, not a git repository…).
"""

from __future__ import annotations

import argparse

from bouquet.commands import _vote_actions as actions
from bouquet.commands.parsing import FrenchArgumentParser

FORMATS = ("text", "markdown", "json")
METHODS = ("majorite", "consentement", "jugement-majoritaire")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=FrenchArgumentParser)
    sub.required = True
    tally = sub.add_parser(
        "tally", help="dépouiller une décision à partir de l'historique git",
        description="Dépouille une décision : règles et membres lus au commit d'ouverture, "
                    "bulletins au commit de clôture. Code de sortie 0 dès que la décision est "
                    "dépouillée, quel que soit le résultat (lisez-le dans la sortie) ; 1 si ses "
                    "fichiers sont invalides ; 2 en cas d'erreur d'usage.")
    tally.add_argument("decision", metavar="DECISION", help="identifiant ou dossier de la décision")
    tally.add_argument("--format", choices=FORMATS, default="text", help="format de sortie")
    tally.add_argument("--write", "--ecrire", dest="ecrire", action="store_true",
                       help="écrire le procès-verbal dans DECISION/proces-verbal.md")
    new = sub.add_parser("new", help="ouvrir une décision (statut : ouverte)")
    new.add_argument("id", metavar="ID", help="identifiant de la décision, ex. 2026-12-version-1-1")
    new.add_argument("--instance", required=True, help="instance qui décide, ex. comite-du-commun")
    new.add_argument("--objet", required=True, help="objet de la décision, en une phrase")
    new.add_argument("--methode", choices=METHODS, default="majorite", help="méthode de décision")
    new.add_argument("--publication", help="version soumise à approbation, ex. v1.2.0")
    new.add_argument("--options", default="", help="options du jugement majoritaire : a,b,c")
    sign = sub.add_parser("sign", help="signer un bulletin ou une procuration (ssh-keygen)")
    sign.add_argument("file", metavar="FICHIER", help="bulletin ou procuration à signer")
    sign.add_argument("--key", required=True, help="clé privée SSH, ex. ~/.ssh/id_ed25519")
    close = sub.add_parser("close", help="clore une décision (statut : close) avant le commit")
    close.add_argument("decision", metavar="DECISION", help="identifiant ou dossier")
    for action in (tally, new, close):
        action.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                            help="dossier du dépôt (défaut : dossier courant)")


def execute(args: argparse.Namespace) -> int:
    handler = {"tally": actions.tally, "new": actions.new, "sign": actions.sign,
               "close": actions.close}[args.action]
    return handler(args)

