"""`bouquet passerelle SOURCE ENTREE --out SORTIE.csv`: a hub's cartography export turned into
rows of the national standard of places, by the mapping ``passerelles/SOURCE.yaml``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

from bouquet.commands._shared import repository_root
from bouquet.content.gateway import gateway_path
from bouquet.content.standards import SMN_SCHEMA, parse_table_schema
from bouquet.diagnostics.record import has_errors
from bouquet.diagnostics.render import Counts, render_text
from bouquet.edges.worktree import read_bytes, replace_file
from bouquet.errors import BouquetError, ExitCode
from bouquet.exports.gateway import convert, read_entries, rows_csv
from bouquet.fr import count, typography
from bouquet.validation.gateways import load_gateway


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE",
                        help="nom de la passerelle : passerelles/SOURCE.yaml (ex. hinaura)")
    parser.add_argument("entree", metavar="ENTREE",
                        help="export de la cartographie : .json (Bazar YesWiki) ou .csv")
    parser.add_argument("--out", metavar="SORTIE.csv", required=True,
                        help="fichier CSV à écrire, au standard-mediation-num 1.0.1")
    parser.add_argument("-C", "--repo", dest="repo", metavar="DOSSIER", default=".",
                        help="dossier du dépôt (défaut : dossier courant)")


def _read(path: Path) -> bytes:
    return read_bytes(path.resolve().parent, path.name)


def execute(args: argparse.Namespace) -> int:
    root = repository_root(Path(args.repo))
    standard = parse_table_schema(read_bytes(root, SMN_SCHEMA))
    mapping = gateway_path(args.source)
    if not (root / mapping).is_file():
        raise BouquetError(f"passerelle « {args.source} » introuvable ({mapping})",
                           exit_code=ExitCode.USAGE,
                           hint="créez passerelles/SOURCE.yaml (voir docs/interoperabilite.md).")
    gateway, problems = load_gateway(mapping, read_bytes(root, mapping), standard)
    if gateway is None or has_errors(problems):
        sys.stderr.write(render_text(problems, Counts(0, 1)))
        return ExitCode.FAIL
    entree = Path(args.entree)
    kind: Literal["json", "csv"] = "csv" if entree.suffix.lower() == ".csv" else "json"
    try:
        entries = read_entries(_read(entree), kind)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BouquetError(f"export « {entree} » illisible ({kind}) : {exc}",
                           hint="donnez un export JSON de Bazar ou un CSV UTF-8 avec en-tête."
                           ) from exc
    result = convert(gateway, standard, entries)
    out = Path(args.out)
    replace_file(out.resolve(), rows_csv(standard, result.rows))
    for entry_id, reason in result.skipped:
        sys.stderr.write(typography(f"Entrée « {entry_id} » laissée de côté : {reason}.\n"))
    sys.stdout.write(typography(
        f"{count(len(result.rows), 'lieu écrit', 'lieux écrits')} dans {out} au "
        f"standard-mediation-num {standard.version} ; "
        f"{count(len(result.skipped), 'entrée laissée', 'entrées laissées')} de côté.\n"))
    return ExitCode.OK
