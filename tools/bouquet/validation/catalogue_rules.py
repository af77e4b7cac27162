"""Rules across files: the layout of ``modules/``, replacements, resources on disk."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from bouquet import fr
from bouquet.content.catalogue import MODULE_FILE, MODULES_DIR
from bouquet.content.fields import get
from bouquet.content.model_errors import shown
from bouquet.content.names import id_problem
from bouquet.content.reading.loader import Document, json_path, load_yaml
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.context import Context

ALLOWED_STRAY = frozenset({".gitkeep"})
StatusOf = Callable[[str], object]


def module_path(module_id: str) -> str:
    return f"{MODULES_DIR}/{module_id}/{MODULE_FILE}"


def check_folder_name(path: str, folder: str) -> Iterator[Diagnostic]:
    problem = id_problem(folder)
    if problem:
        yield diag("BQ203", path, 0, 0, f"nom de dossier « {shown(folder)} » interdit : {problem}")


def check_layout(ctx: Context, module_files: frozenset[str],
                 folders: frozenset[str] | None = None) -> Iterator[Diagnostic]:
    """Entries of ``modules/`` that are not module folders with a ``module.yaml``; with
    ``folders``, only those folders (files named to pre-commit)."""
    if folders is None:
        for entry in ctx.tree.stray_entries():
            if entry.rsplit("/", 1)[-1] not in ALLOWED_STRAY:
                yield diag("BQ218", entry, 0, 0,
                           f"« {entry} » n'est pas un dossier de module")
    for folder in sorted(ctx.tree.module_dirs() if folders is None else folders):
        path = module_path(folder)
        if path not in module_files:
            misnamed = _misnamed_module_file(ctx, folder)
            if misnamed is not None:
                yield diag("BQ224", f"{MODULES_DIR}/{folder}/{misnamed}", 1, 1,
                           fr.typography(f"« {misnamed} » doit s'appeler exactement "
                                         f"« {MODULE_FILE} » : il n'est pas lu"),
                           hint=fr.typography(
                               f"Renommez-le : git mv {MODULES_DIR}/{folder}/{misnamed} "
                               f"{MODULES_DIR}/{folder}/{MODULE_FILE}"))
                continue
            yield diag("BQ217", f"{MODULES_DIR}/{folder}", 0, 0,
                       f"le dossier « {MODULES_DIR}/{folder} » n'a pas de {MODULE_FILE}")
            yield from check_folder_name(f"{MODULES_DIR}/{folder}", folder)


def _misnamed_module_file(ctx: Context, folder: str) -> str | None:
    """A file of the folder that was meant to be its module.yaml (``module.yml``,
    ``Module.yaml``…), or None."""
    files = ctx.tree.module_files(folder)
    meant = {"module.yml", "module.yaml"}
    found = sorted(f for f in (files.files if files else ()) if f.lower() in meant)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Replacement:
    """What the cross-file rule on ``remplace_par`` needs to keep of a module."""

    path: str
    target: str
    line: int
    column: int


def replacement_of(doc: Document) -> Replacement | None:
    target = get(doc.value, "remplace_par")
    if not isinstance(target, str) or target == get(doc.value, "id") or id_problem(target):
        return None  # absent, or already reported by the model or the module rules
    line, column = doc.position(("remplace_par",))
    return Replacement(doc.path, target, line, column)


def check_replacement_target(item: Replacement, ctx: Context, status_of: StatusOf
                             ) -> Iterator[Diagnostic]:
    target = item.target
    if target not in ctx.tree.module_dirs():
        close = difflib.get_close_matches(target, sorted(ctx.tree.module_dirs()), n=3)
        hint = None
        if close:
            hint = "Modules proches\u202f: " + ", ".join(f"«\u202f{c}\u202f»" for c in close) + "."
        yield diag("BQ207", item.path, item.line, item.column,
                   f"«\u202fremplace_par\u202f» nomme «\u202f{target}\u202f», module introuvable "
                   "dans modules/", hint=hint, json_path="$.remplace_par")
    elif status_of(target) == "deprecie":
        yield diag("BQ208", item.path, item.line, item.column,
                   f"le module remplaçant «\u202f{target}\u202f» est lui-même déprécié",
                   json_path="$.remplace_par")


def status_from_tree(ctx: Context, known: Mapping[str, object]) -> StatusOf:
    """``statut`` of a module: from the modules of this run, else read from the tree."""

    def status_of(module_id: str) -> object:
        if module_id in known:
            return known[module_id]
        data = ctx.tree.read(module_path(module_id))
        if data is None:
            return None
        doc, _ = load_yaml(module_path(module_id), data)
        return None if doc is None else get(doc.value, "statut")

    return status_of


def path_problem(chemin: str) -> str | None:
    if not chemin.strip():
        return "chemin vide"
    if "\\" in chemin:
        return "utilisez « / » et non « \\ »"
    if chemin.startswith("/") or (len(chemin) > 1 and chemin[1] == ":"):
        return "chemin absolu interdit"
    parts = chemin.split("/")
    if ".." in parts:
        return "« .. » sortirait du dossier du module"
    if any(p in ("", ".") for p in parts):
        return "chemin mal formé (« // », « ./ » ou « / » final)"
    return None


def check_resources(doc: Document, folder: str, ctx: Context) -> Iterator[Diagnostic]:
    ressources = get(doc.value, "ressources")
    if not isinstance(ressources, list):
        return
    files = None
    for index in range(len(ressources)):
        chemin = get(ressources, index, "chemin")
        if not isinstance(chemin, str):
            continue
        loc = ("ressources", index, "chemin")
        line, column = doc.position(loc)
        problem = path_problem(chemin)
        if problem:
            yield diag("BQ210", doc.path, line, column,
                       f"chemin « {shown(chemin)} » interdit : {problem}", json_path=json_path(loc))
            continue
        files = files or ctx.tree.module_files(folder)
        if files is None:
            return
        prefixes = ["/".join(chemin.split("/")[: n + 1]) for n in range(chemin.count("/") + 1)]
        if any(p in files.escaping_links for p in prefixes):
            yield diag("BQ212", doc.path, line, column,
                       f"« {shown(chemin)} » est un lien symbolique qui sort du dossier du module",
                       json_path=json_path(loc))
        elif chemin not in files.files:
            yield diag("BQ211", doc.path, line, column,
                       f"ressource « {shown(chemin)} » introuvable dans "
                       f"{MODULES_DIR}/{folder}/", json_path=json_path(loc))
