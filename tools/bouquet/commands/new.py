"""`bouquet new module ID`: scaffold a valid draft module, never overwriting anything.

The folder is written in a hidden temporary folder beside the others, then renamed into
place: either ``modules/<id>/module.yaml`` appears complete, or nothing changes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bouquet.content.layout import MODULE_FILE, MODULES_DIR, VOCAB_DIR

if TYPE_CHECKING:  # the model (pydantic) is imported only when a module is created
    from bouquet.content.vocab import Vocabulary

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


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


def execute(args: argparse.Namespace, *, today: Callable[[], dt.date] = dt.date.today) -> int:
    root = find_root(Path.cwd())
    if root is None:
        _err(
            f"aucun dossier {VOCAB_DIR}/ ici ni au-dessus. Lancez la commande dans votre "
            "copie du dépôt du Bouquet."
        )
        return EXIT_USAGE
    return new_module(root, args.module_id, args.titre, args.famille, today(),
                      mainteneurs=tuple(args.mainteneur))


def find_root(start: Path) -> Path | None:
    """The nearest folder, from ``start`` upwards, that holds the vocabularies."""
    for folder in (start, *start.parents):
        if (folder / VOCAB_DIR).is_dir():
            return folder
    return None


def new_module(
    root: Path, module_id: str, titre: str | None, famille: str | None, today: dt.date,
    *, mainteneurs: tuple[str, ...] = (),
) -> int:
    """Write ``modules/<module_id>/module.yaml`` under ``root``; return the exit code."""
    from bouquet.content import scaffold

    problem = scaffold.module_id_problem(module_id)
    if problem is None and titre is not None:
        problem = scaffold.titre_problem(titre)
    if problem is not None:
        _err(f"module non créé : {problem}.")
        return EXIT_REFUSED
    relative = f"{MODULES_DIR}/{module_id}/{MODULE_FILE}"
    target = root / MODULES_DIR / module_id
    if os.path.lexists(target):
        _err(f"module non créé : {MODULES_DIR}/{module_id} existe déjà ; rien n'a été modifié.")
        return EXIT_REFUSED
    vocabularies = read_vocabularies(root, today)
    if famille is not None and (problem := scaffold.famille_problem(famille, vocabularies)):
        _err(f"option --famille : {problem}.")
        return EXIT_USAGE
    if problem := scaffold.mainteneurs_problem(mainteneurs):
        _err(f"option --mainteneur : {problem}.")
        return EXIT_USAGE
    request = scaffold.ModuleRequest(module_id, titre, famille, today, mainteneurs)
    text = scaffold.render_module(request, vocabularies)
    if errors := scaffold_errors(root, relative, text, today):
        _err("erreur interne : le modèle de module ne passe pas la validation :\n" + errors)
        return EXIT_INTERNAL
    if not write_folder(root / MODULES_DIR, module_id, text):
        return EXIT_REFUSED
    print(next_steps(relative, module_id, has_maintainers=bool(mainteneurs)))
    return EXIT_OK


def read_vocabularies(root: Path, today: dt.date) -> dict[str, Vocabulary]:
    from bouquet.validation.catalogue import build_catalogue

    catalogue, _ = build_catalogue(_vocabulary_sources(root), today=today)
    return dict(catalogue.vocabularies)


def scaffold_errors(root: Path, relative: str, text: str, today: dt.date) -> str:
    """The errors the validator finds in the rendered module, as text (empty: none)."""
    from bouquet.diagnostics.record import Severity
    from bouquet.validation.catalogue import build_catalogue

    sources = {**_vocabulary_sources(root), relative: text.encode("utf-8")}
    _, diagnostics = build_catalogue(sources, today=today)
    return "\n".join(
        f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
        for d in diagnostics
        if d.path == relative and d.severity is Severity.ERROR
    )


def _vocabulary_sources(root: Path) -> dict[str, bytes]:
    folder = root / VOCAB_DIR
    return {f"{VOCAB_DIR}/{p.name}": p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def write_folder(modules: Path, module_id: str, text: str) -> bool:
    """Create ``modules/<module_id>/module.yaml`` atomically; False (and nothing left) if not."""
    created_modules = not modules.exists()
    staging: Path | None = None
    try:
        modules.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{module_id}.", suffix=".tmp", dir=modules))
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; a module is not
        with open(staging / MODULE_FILE, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.lexists(modules / module_id):
            raise FileExistsError(modules / module_id)
        os.rename(staging, modules / module_id)
        return True
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if created_modules:
            with contextlib.suppress(OSError):
                modules.rmdir()
        _err(f"module non créé : écriture impossible ({exc.strerror or exc}) ; rien n'a été "
             "modifié.")
        return False


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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


def _err(message: str) -> None:
    sys.stderr.write(f"bouquet new : {message}\n")
