"""`bouquet docs` (not implemented yet)."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    del parser


def execute(args: argparse.Namespace) -> int:
    del args
    sys.stderr.write("bouquet docs : pas encore disponible.\n")
    return 3
