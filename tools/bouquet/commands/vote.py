"""`bouquet vote`: open, sign, close and tally the comité's decisions.

``bouquet vote tally`` exits 0 whenever the decision could be tallied, whatever its result
(adopted, rejected, no quorum, tie: read it in the output); 1 when the decision's files are
invalid; 2 on a usage error (unknown decision, not a git repository…).
"""

from __future__ import annotations

import argparse

from bouquet.commands import _vote_actions as actions
from bouquet.commands import _vote_list as listing
from bouquet.commands import _vote_members as members
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
    sign = sub.add_parser(
        "sign", help="signer un bulletin ou une procuration (ssh-keygen)",
        description="Signe un bulletin ou une procuration et vérifie aussitôt la signature "
                    "avec les clés du membre au commit d'ouverture, comme le fera le "
                    "dépouillement : une clé qui n'est pas la sienne est refusée ici. Les fins "
                    "de ligne Windows (CRLF) sont remplacées par des fins de ligne Unix (LF).")
    sign.add_argument("file", metavar="FICHIER", help="bulletin ou procuration à signer")
    sign.add_argument("--key", required=True, help="clé privée SSH, ex. ~/.ssh/id_ed25519")
    ballot = sub.add_parser(
        "ballot", help="écrire (et signer) son bulletin en une étape",
        description="Écrit DECISION/bulletins/MEMBRE.yaml après avoir vérifié que le membre "
                    "fait partie de l'instance, que le choix est permis par la méthode et que "
                    "la décision est ouverte ; avec --key, le signe et vérifie la signature.")
    ballot.add_argument("decision", metavar="DECISION", help="identifiant ou dossier")
    ballot.add_argument("--membre", required=True, help="votre identifiant de membre")
    ballot.add_argument("--choix", help="pour, contre, abstention, blanc ; ou consentement, "
                                        "objection")
    ballot.add_argument("--motif", help="motif (obligatoire pour une objection)")
    ballot.add_argument("--mention", action="append", metavar="OPTION=MENTION",
                        help="jugement majoritaire : une mention par option (à répéter)")
    ballot.add_argument("--key", help="clé privée SSH de signature, ex. ~/.ssh/id_ed25519")
    ballot.add_argument("--remplacer", action="store_true",
                        help="remplacer un bulletin déjà écrit (avant la clôture)")
    verify = sub.add_parser(
        "verify", help="vérifier la signature d'un bulletin ou d'une procuration",
        description="Vérifie FICHIER.sig avec les clés du membre au commit d'ouverture. "
                    "Code de sortie 0 si la signature est valide, 1 sinon (avec la raison).")
    verify.add_argument("file", metavar="FICHIER", help="bulletin ou procuration")
    verify.add_argument("--format", choices=("text", "json"), default="text",
                        help="format de sortie")
    listing = sub.add_parser(
        "list", help="décisions ouvertes : qui a voté, signatures valides ou non",
        description="Liste les décisions ouvertes du dossier de travail, et pour chaque membre "
                    "de l'instance : bulletin, procuration, signature valide ou refusée (avec "
                    "la raison), et si le quorum peut encore être atteint.")
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help="format de sortie")
    close = sub.add_parser("close", help="clore une décision (statut : close) avant le commit")
    close.add_argument("decision", metavar="DECISION", help="identifiant ou dossier")
    for action in (tally, new, close, ballot, listing):
        action.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                            help="dossier du dépôt (défaut : dossier courant)")


def execute(args: argparse.Namespace) -> int:
    handler = {"tally": actions.tally, "new": actions.new, "close": actions.close,
               "sign": members.sign, "ballot": members.ballot, "verify": members.verify,
               "list": listing.list_open}[args.action]
    return handler(args)

