"""`bouquet site`: the static publication site, built from the release tags and the branch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bouquet.commands._shared import DEFAULT_BASE_URL, site_settings
from bouquet.edges.git import Repository
from bouquet.edges.serve import serve
from bouquet.errors import BouquetError, ExitCode
from bouquet.fr import count, typography
from bouquet.site.build import build_site
from bouquet.site.records import SiteConfig

DEFAULT_OUT = "_site"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")
    parser.add_argument("--out", metavar="DOSSIER", default=None,
                        help=f"dossier du site construit (défaut : {DEFAULT_OUT}/ du dépôt)")
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help="adresse publique du site (défaut : [tool.bouquet.site] base-url "
                             f"de pyproject.toml, sinon {DEFAULT_BASE_URL})")
    parser.add_argument("--depot-url", metavar="URL", default=None,
                        help="adresse du dépôt sur la forge, pour « Proposer une modification » "
                             "(défaut : [tool.bouquet.site] depot-url de pyproject.toml)")
    parser.add_argument("--sans-fiches", dest="fiches", action="store_false",
                        help="ne pas produire les fiches PDF (construction rapide, pour un "
                             "aperçu)")
    parser.add_argument("--serve", action="store_true",
                        help="servir le site sur http://localhost:PORT/ après la construction")
    parser.add_argument("--port", type=int, default=8000, help="port de --serve (défaut : 8000)")


def _url(value: str, option: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise BouquetError(f"{option} « {value} » : une adresse commence par https://.",
                           exit_code=ExitCode.USAGE,
                           hint="par exemple --base-url https://exemple.github.io/bouquet/")
    return value


def execute(args: argparse.Namespace) -> int:
    root = Repository(args.repo).root  # not a repository: GitUsageError, exit 2
    settings = site_settings(root)
    base = _url(args.base_url or settings.get("base-url", DEFAULT_BASE_URL), "--base-url")
    depot = args.depot_url or settings.get("depot-url")
    config = SiteConfig(base_url=base if base.endswith("/") else base + "/",
                        depot_url=_url(depot, "--depot-url") if depot else None,
                        branch=settings.get("branche", "main"), fiches=args.fiches)
    out = Path(args.out) if args.out else root / DEFAULT_OUT
    report = build_site(root, out, config)
    releases = ", ".join(report.releases) or "aucune"
    reused = count(len(report.reused), "reprise telle quelle", "reprises telles quelles")
    sys.stdout.write(typography(
        f"Site construit dans {out} : {count(report.files, 'fichier')} ; versions publiées : "
        f"{releases} ({reused}) ; fiches PDF : {count(report.fiches_made, 'produite')}, "
        f"{count(report.fiches_reused, 'reprise')}"
        f"{' ; version en préparation : /prochaine/' if report.preview else ''}.\n"))
    if args.serve:
        def announce(url: str) -> None:
            sys.stdout.write(typography(f"Aperçu sur {url} (Ctrl+C pour arrêter).\n"))
            sys.stdout.flush()

        serve(out, args.port, announce)
    return 0
