"""`bouquet export catalogue|data-inclusion`: the catalogue of a release in open formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bouquet.commands._shared import base_url
from bouquet.edges.git import Repository
from bouquet.edges.worktree import write_files
from bouquet.errors import ExitCode
from bouquet.exports.bundle import catalogue_bundle
from bouquet.exports.data_inclusion import services_json
from bouquet.exports.releases import release_catalogue
from bouquet.fr import count, integer, typography

DEFAULT_OUT = "_export"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=["catalogue", "data-inclusion"],
                        help="catalogue (JSON, CSV, TableSchema, DCAT) ou data-inclusion "
                             "(services data·inclusion v1)")
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")
    parser.add_argument("--version", metavar="X.Y.Z", default=None,
                        help="version publiée à exporter (défaut : la dernière)")
    parser.add_argument("--out", metavar="DOSSIER", default=None,
                        help=f"dossier de sortie (défaut : {DEFAULT_OUT}/ du dépôt)")
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help="adresse publique du site (défaut : [tool.bouquet.site] base-url "
                             "de pyproject.toml)")


def execute(args: argparse.Namespace) -> int:
    root = Repository(args.repo).root  # not a repository: exit 2
    release = release_catalogue(root, args.version)
    site = base_url(root, args.base_url)
    if args.format == "catalogue":
        files = catalogue_bundle(release.catalogue, release.version, site, release.history)
    else:
        files = {"services.json": services_json(release.catalogue, site, release.date)}
    out = Path(args.out) if args.out else root / DEFAULT_OUT
    written = write_files(out, files)
    names = ", ".join(sorted(files))
    sys.stdout.write(typography(
        f"Export « {args.format} » de la version {release.version} dans {out} : {names} "
        f"({count(len(written), 'fichier écrit', 'fichiers écrits')}, "
        f"{integer(len(files) - len(written))} déjà à jour).\n"))
    return ExitCode.OK
