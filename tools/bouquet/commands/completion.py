"""`bouquet completion bash|zsh|tcsh`: the shell completion script of every command and
option, generated from the parser itself by shtab (nothing to keep in sync by hand)."""

from __future__ import annotations

import argparse
import sys

import shtab

SHELLS = ("bash", "zsh", "tcsh")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Écrit sur la sortie le script de complétion des commandes et des options de bouquet. "
        "bash : « bouquet completion bash > ~/.local/share/bash-completion/completions/bouquet » ; "
        "zsh : « bouquet completion zsh > ~/.zfunc/_bouquet » (avec ~/.zfunc dans fpath).")
    parser.add_argument("shell", metavar="SHELL", choices=SHELLS,
                        help="interpréteur de commandes : bash, zsh ou tcsh")


def execute(args: argparse.Namespace) -> int:
    root: argparse.ArgumentParser = args._root
    sys.stdout.write(shtab.complete(root, shell=args.shell))
    return 0
