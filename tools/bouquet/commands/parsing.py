"""The French argument parser every command uses (argparse, translated)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from bouquet.fr import typography

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
            french_help(self)

    def error(self, message: str) -> NoReturn:
        for english, french in _TRANSLATIONS:
            message = message.replace(english, french)
        message = _ARGUMENT_NAME.sub("\\1 : ", message)
        message = _QUOTED.sub(lambda m: f"« {m.group(1)} »", message)  # 'xml' → « xml »
        self.print_usage(sys.stderr)
        sys.stderr.write(typography(f"{self.prog} : erreur : {message}\n"))
        sys.stderr.write(typography("Aide : ajoutez --help pour la liste des options.\n"))
        raise UsageError(message)


def french_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide")
