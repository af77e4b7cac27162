"""Command-line interface: parses arguments and dispatches; nothing else.

Each subcommand lives in ``bouquet.commands.<name>`` and exposes ``configure(parser)`` and
``execute(args) -> int``. Only the invoked command's module is imported (``importlib``, here
and nowhere else): start-up time is decided at this boundary. ``main`` is the one place that
turns a ``BouquetError`` into its exit code, and anything else into exit 3.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import io
import os
import sys
import traceback
import unicodedata
from collections.abc import Sequence

from bouquet import __version__
from bouquet.commands.parsing import FrenchArgumentParser, UsageError, french_help
from bouquet.diagnostics.printable import visible
from bouquet.errors import BouquetError, ExitCode, environment_error
from bouquet.fr import typography

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
    ("indicateurs", "indicateurs",
     "indicateurs semestriels des déploiements, rapport et export ouvert"),
    ("docs", "docs", "régénérer la documentation dérivée du code (codes d'erreur, règles)"),
    ("site", "site", "construire le site de publication (toutes les versions, en français)"),
    ("export", "export",
     "exporter une version : catalogue ouvert (JSON, CSV, DCAT) ou services data·inclusion"),
    ("passerelle", "passerelle",
     "convertir la cartographie d'un hub vers le standard national des lieux"),
    ("completion", "completion", "écrire le script de complétion des commandes (bash, zsh)"),
)
COMPLETION = "completion"  # the one command that needs every command's options

def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``selected``, only that command's module is imported (fast start),
    except for ``completion``, which describes them all."""
    parser = FrenchArgumentParser(
        prog="bouquet",
        description="Outillage du Bouquet, le commun des hubs pour un numérique inclusif.",
        add_help=False,
    )
    french_help(parser)
    parser.add_argument("-V", "--version", action="version", version=f"bouquet {__version__}",
                        help="afficher la version de l'outil")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser
    )
    sub.required = True
    parser.set_defaults(_root=parser)
    every = selected is None or selected == COMPLETION
    for name, module_name, help_text in COMMANDS:
        command_parser = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        french_help(command_parser)
        if not every and name != selected:
            continue  # not invoked: its module and its imports stay unloaded
        module = importlib.import_module(f"bouquet.commands.{module_name}")
        module.configure(command_parser)
        command_parser.set_defaults(_execute=module.execute)
    return parser


# What a terminal that cannot show French typography gets instead (cp1252, ascii…).
_PLAIN = {"\u202f": " ", "\u00a0": " ", "«": '"', "»": '"', "’": "'", "…": "...",
          "—": "-", "–": "-", "→": "->", "↳": "->", "€": "EUR", "œ": "oe", "Œ": "OE"}
PLAIN_ERRORS = "bouquet-plain"


def _plain(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the nearest plain character, accents dropped, else « ? »."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end].replace("«\u00a0", "«").replace("\u00a0»", "»")
    out = "".join(_PLAIN.get(char) or unicodedata.normalize("NFKD", char)
                  .encode("ascii", "ignore").decode("ascii") or "?" for char in text)
    return out, error.end


codecs.register_error(PLAIN_ERRORS, _plain)


def plain_output_if_needed() -> None:
    """On an output that is not UTF-8 (``PYTHONIOENCODING=cp1252``, a Windows console or
    pipe), write what it cannot encode as near plain characters instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").replace("_", "-").lower()
        if isinstance(stream, io.TextIOWrapper) and encoding not in ("utf-8", "utf8"):
            stream.reconfigure(errors=PLAIN_ERRORS)


def main(argv: Sequence[str] | None = None) -> int:
    plain_output_if_needed()
    words = list(sys.argv[1:] if argv is None else argv)
    names = {name for name, _, _ in COMMANDS}
    command = words[0] if words and words[0] in names else None
    try:
        parser = build_parser(command)
        try:
            args = parser.parse_args(words)
        except UsageError:
            return ExitCode.USAGE
        except SystemExit as exc:  # --help, --version
            return int(exc.code or 0)
        code: int = args._execute(args)
        return code
    except BouquetError as error:
        report(error, f"bouquet {command}" if command else "bouquet")
        return int(error.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("Interrompu.\n")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as error:  # the environment (rights, space, a path): never a bug
        failure = environment_error(error)
        report(failure, f"bouquet {command}" if command else "bouquet")
        return int(failure.exit_code)
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
        return ExitCode.INTERNAL


def report(error: BouquetError, prog: str) -> None:
    """The French message of a problem the user can act on, and how to fix it."""
    text = f"{prog} : {error.message}\n"
    if error.hint:
        text += f"Aide : {error.hint}\n"
    sys.stderr.write(typography(visible(text)))
