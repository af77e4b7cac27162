"""Command-line interface: parses arguments and dispatches; nothing else.

Each subcommand lives in ``bouquet.commands.<name>`` and exposes ``configure(parser)`` and
``execute(args) -> int``. Command modules keep heavy imports (the models, pydantic…) inside
``execute``, so that a command only pays for what it uses.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import traceback
from collections.abc import Sequence
from typing import Any, NoReturn

from bouquet import __version__
from bouquet.fr import typography

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

# (subcommand, module under bouquet.commands, French help)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("validate", "validate", "valider les modules, les vocabulaires et la gouvernance"),
    ("schema", "schema", "générer les schémas JSON à partir du modèle"),
    ("new", "new", "créer un nouveau module (brouillon) à partir du modèle"),
    ("status", "status", "état du catalogue : modules, validation, version"),
    ("version", "version", "calculer la version du bouquet à partir des changements"),
    ("notes", "notes", "rédiger les notes de version en français"),
    ("vote", "vote", "décisions du comité : ouvrir, signer, clore, dépouiller"),
    ("release", "release", "publier une version trimestrielle (tout ou rien)"),
    ("codeowners", "codeowners", "générer .github/CODEOWNERS à partir des mainteneurs"),
    ("docs", "docs", "régénérer la documentation dérivée du code (codes d'erreur, règles)"),
)

_TRANSLATIONS = (
    ("the following arguments are required: ", "arguments obligatoires manquants : "),
    ("unrecognized arguments: ", "arguments inconnus : "),
    ("invalid choice: ", "choix invalide : "),
    ("expected one argument", "une valeur est attendue"),
    ("argument ", "argument "),
    ("choose from ", "choisir parmi "),
    ("not allowed with argument ", "incompatible avec l'argument "),
    ("invalid int value: ", "nombre entier invalide : "),
)
_ARGUMENT_NAME = re.compile(r"^(argument \S+): ")  # "argument --format: " → French colon
_QUOTED = re.compile(r"(?<!\w)'([^']*)'")  # argparse's 'value', not the apostrophe of « l'aide »


class UsageError(Exception):
    """Raised by the parser instead of exiting, so that ``main`` returns 2."""


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        french = "utilisation\u202f: " if prefix is None else prefix
        super().add_usage(usage, actions, groups, french)


class FrenchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments\u202f"  # argparse appends the colon
        self._optionals.title = "options\u202f"
        if add_help:  # argparse's own -h would say "show this help message and exit"
            _french_help(self)

    def error(self, message: str) -> NoReturn:
        for english, french in _TRANSLATIONS:
            message = message.replace(english, french)
        message = _ARGUMENT_NAME.sub("\\1 : ", message)
        message = _QUOTED.sub(lambda m: f"« {m.group(1)} »", message)  # 'xml' → « xml »
        self.print_usage(sys.stderr)
        sys.stderr.write(typography(f"{self.prog} : erreur : {message}\n"))
        sys.stderr.write(typography("Aide : ajoutez --help pour la liste des options.\n"))
        raise UsageError(message)


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``selected``, only that command's module is imported (fast start)."""
    parser = FrenchArgumentParser(
        prog="bouquet",
        description="Outillage du Bouquet, le commun des hubs pour un numérique inclusif.",
        add_help=False,
    )
    _french_help(parser)
    parser.add_argument("--version", action="version", version=f"bouquet {__version__}",
                        help="afficher la version de l'outil")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser
    )
    sub.required = True
    for name, module_name, help_text in COMMANDS:
        command_parser = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        _french_help(command_parser)
        if selected is not None and name != selected:
            continue  # not invoked: its module and its imports stay unloaded
        module = importlib.import_module(f"bouquet.commands.{module_name}")
        module.configure(command_parser)
        command_parser.set_defaults(_execute=module.execute)
    return parser


def _french_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide")


def main(argv: Sequence[str] | None = None) -> int:
    # bouquet uses no pydantic plugin: skip their discovery, which scans the metadata of every
    # installed distribution (tens of milliseconds on each run, e.g. in pre-commit).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        words = list(sys.argv[1:] if argv is None else argv)
        names = {name for name, _, _ in COMMANDS}
        parser = build_parser(words[0] if words and words[0] in names else None)
        try:
            args = parser.parse_args(argv)
        except UsageError:
            return EXIT_USAGE
        except SystemExit as exc:  # --help, --version
            return int(exc.code or 0)
        code: int = args._execute(args)
        return code
    except KeyboardInterrupt:
        sys.stderr.write("Interrompu.\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # an internal bug, never shown as a content problem
        sys.stderr.write(
            "bouquet : erreur interne de l'outil (ce n'est pas un problème de contenu).\n"
            "Merci de la signaler avec la commande lancée et le message ci-dessous.\n"
        )
        if os.environ.get("BOUQUET_DEBUG"):
            traceback.print_exc()
        else:
            sys.stderr.write(f"{type(error).__name__} : {error}\n")
            sys.stderr.write("(BOUQUET_DEBUG=1 affiche la trace complète.)\n")
        return EXIT_INTERNAL
