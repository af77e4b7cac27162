"""`bouquet new module ID`: scaffold a valid draft module, never overwriting anything
(`bouquet new deploiement`: see ``_new_deployment``).

The folder is written in a hidden temporary folder beside the others, then renamed into
place: either ``modules/<id>/module.yaml`` appears complete, or nothing changes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from bouquet.commands._new_deployment import configure_kind, new_deployment
from bouquet.commands._shared import add_repo_option
from bouquet.content import scaffold
from bouquet.content.layout import MODULE_FILE, MODULES_DIR, VOCAB_DIR
from bouquet.content.vocab import Vocabulary
from bouquet.diagnostics.record import Severity
from bouquet.edges.worktree import create_folder, read_bytes
from bouquet.errors import BouquetError, ExitCode
from bouquet.validation.catalogue import build_catalogue
from bouquet.validation.working_tree import content_root


def configure(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="TYPE", parser_class=type(parser))
    kinds.required = True
    module = kinds.add_parser(
        "module", add_help=False,
        help="créer modules/ID/module.yaml, un brouillon valide à compléter",
        description="Créer modules/ID/module.yaml, un brouillon valide à compléter. "
        "Rien n'est jamais écrasé.",
    )
    module.add_argument("-h", "--help", action="help", help="afficher cette aide")
    module.add_argument(
        "module_id", metavar="ID",
        help="identifiant du module : minuscules, chiffres et tirets (ex. diagnostic-territorial)",
    )
    module.add_argument("--titre", help="titre du module (sinon « À compléter »)")
    module.add_argument(
        "--famille", help="famille du module, une valeur de schema/vocabulaires/familles.yaml"
    )
    module.add_argument(
        "--mainteneur", action="append", default=[], metavar="@COMPTE",
        help="compte GitHub d'un mainteneur (@identifiant ou @organisation/équipe) ; "
        "option répétable",
    )
    configure_kind(kinds)
    for kind in kinds.choices.values():  # -C on every kind, as on every command
        add_repo_option(kind)


def execute(args: argparse.Namespace, *, today: Callable[[], dt.date] = dt.date.today) -> int:
    root = content_root(Path(args.repo))
    if root is None or not (root / VOCAB_DIR).is_dir():
        raise BouquetError(f"aucun dossier {VOCAB_DIR}/ ici ni au-dessus. Lancez la commande "
                           "dans votre copie du dépôt du Bouquet.", exit_code=ExitCode.USAGE)
    if args.kind == "deploiement":
        return new_deployment(root, args, today())
    return new_module(root, args.module_id, args.titre, args.famille, today(),
                      mainteneurs=tuple(args.mainteneur))


def new_module(
    root: Path, module_id: str, titre: str | None, famille: str | None, today: dt.date,
    *, mainteneurs: tuple[str, ...] = (),
) -> int:
    """Write ``modules/<module_id>/module.yaml`` under ``root``; return the exit code."""
    problem = scaffold.module_id_problem(module_id)
    if problem is None and titre is not None:
        problem = scaffold.titre_problem(titre)
    if problem is not None:
        raise BouquetError(f"module non créé : {problem}.")
    relative = f"{MODULES_DIR}/{module_id}/{MODULE_FILE}"
    if os.path.lexists(root / MODULES_DIR / module_id):
        raise BouquetError(f"module non créé : {MODULES_DIR}/{module_id} existe déjà ; rien "
                           "n'a été modifié.")
    vocabularies = read_vocabularies(root, today)
    if famille is not None and (problem := scaffold.famille_problem(famille, vocabularies)):
        raise BouquetError(f"option --famille : {problem}.", exit_code=ExitCode.USAGE)
    if problem := scaffold.mainteneurs_problem(mainteneurs):
        raise BouquetError(f"option --mainteneur : {problem}.", exit_code=ExitCode.USAGE)
    request = scaffold.ModuleRequest(module_id, titre, famille, today, mainteneurs)
    text = scaffold.render_module(request, vocabularies)
    if errors := scaffold_errors(root, relative, text, today):
        # the template itself is wrong: a bug of the tools, shown as such (exit 3)
        raise RuntimeError("le modèle de module ne passe pas la validation :\n" + errors)
    try:
        create_folder(root / MODULES_DIR, module_id, {MODULE_FILE: text})
    except OSError as exc:
        raise BouquetError(f"module non créé : écriture impossible ({exc.strerror or exc}) ; "
                           "rien n'a été modifié.") from None
    print(next_steps(relative, module_id, has_maintainers=bool(mainteneurs)))
    return ExitCode.OK


def read_vocabularies(root: Path, today: dt.date) -> dict[str, Vocabulary]:
    catalogue, _ = build_catalogue(_vocabulary_sources(root), today=today)
    return dict(catalogue.vocabularies)


def scaffold_errors(root: Path, relative: str, text: str, today: dt.date) -> str:
    """The errors the validator finds in the rendered module, as text (empty: none)."""
    sources = {**_vocabulary_sources(root), relative: text.encode("utf-8")}
    _, diagnostics = build_catalogue(sources, today=today)
    return "\n".join(
        f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
        for d in diagnostics
        if d.path == relative and d.severity is Severity.ERROR
    )


def _vocabulary_sources(root: Path) -> dict[str, bytes]:
    folder = root / VOCAB_DIR
    return {f"{VOCAB_DIR}/{p.name}": read_bytes(root, p)
            for p in sorted(folder.glob("*.yaml"))}


def next_steps(relative: str, module_id: str, *, has_maintainers: bool) -> str:
    folder = relative.rsplit("/", 1)[0]
    to_fill = "titre, résumé, description, tiroirs, contributeurs"
    if not has_maintainers:
        to_fill += ", mainteneurs"
    return (
        f"Module créé : {relative} (statut « brouillon »).\n"
        f"Et maintenant :\n"
        f"  1. ouvrez {relative} et remplacez chaque « À compléter » ({to_fill}) ;\n"
        f"     choisissez les valeurs contrôlées dans schema/vocabulaires/ ;\n"
        f"  2. vérifiez votre module : bouquet validate {relative}\n"
        f"  3. mettez à jour les propriétaires de code : bouquet codeowners\n"
        f"  4. proposez-le : git add {folder} .github/CODEOWNERS && "
        f"git commit -m \"Ajoute le module {module_id}\", "
        "puis ouvrez une demande de fusion (pull request)."
    )

