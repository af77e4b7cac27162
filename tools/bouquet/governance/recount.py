"""Recount a decision from history: the I/O shell around the pure tally."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bouquet.diagnostics.printable import visible
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.governance.coherence import instance_problems
from bouquet.governance.files import (
    DECISIONS_DIR,
    MEMBERS_FILE,
    instance_path,
    load_model,
    read_submissions,
    submission_kind,
)
from bouquet.governance.minutes import Provenance
from bouquet.governance.models import DECISION_ID_PATTERN, Decision, Instance, Membres
from bouquet.governance.result import Assembly, Excluded, Result
from bouquet.governance.signatures import SIGNATURE_SUFFIX, verify_all
from bouquet.governance.tally import tally
from bouquet.governance.timeline import Snapshot, read_decision, side_opening_warnings


@dataclass(frozen=True, slots=True)
class Recount:
    result: Result
    assembly: Assembly
    snapshot: Snapshot

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the secretary should know about history (French, one line each)."""
        return side_opening_warnings(self.snapshot)

    def provenance(self) -> Provenance:
        """What the minutes cite: the decision, its body, and the opening and seal commits."""
        decision, instance, snapshot = self.assembly.decision, self.assembly.instance, self.snapshot
        return Provenance(
            objet=decision.objet, instance=instance.id, instance_nom=instance.nom,
            opening=snapshot.opening, seal=snapshot.seal, publication=decision.publication,
            opening_date=snapshot.dates.get(snapshot.opening),
            seal_date=snapshot.dates.get(snapshot.seal or ""),
        )


def resolve_folder(root: Path, argument: str, cwd: Path) -> str:
    """A decision's id, or its folder (relative to ``cwd``), as a repo-relative folder."""
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", argument) and "/" not in argument:
        candidate = (cwd / argument).resolve()
        if not (candidate / "decision.yaml").exists():
            return f"{DECISIONS_DIR}/{argument}"
    folder = (cwd / argument).resolve()
    if folder.name == "decision.yaml":
        folder = folder.parent
    try:
        relative = folder.relative_to(root.resolve()).as_posix()
    except ValueError as exc:
        raise BouquetError(f"{argument} n'est pas dans le dépôt {root}",
                           exit_code=ExitCode.USAGE) from exc
    if not relative.startswith(DECISIONS_DIR + "/") or relative.count("/") != 2:
        raise BouquetError(f"{argument} n'est pas un dossier de {DECISIONS_DIR}/<id>/",
                           exit_code=ExitCode.USAGE)
    return relative


def assemble(snapshot: Snapshot) -> Assembly:
    files = snapshot.at_opening
    decision_file = f"{snapshot.folder}/decision.yaml"
    if decision_file not in files:
        raise BouquetError(f"{decision_file} : illisible au commit d'ouverture "
                           f"{snapshot.opening[:12]}")
    decision = load_model(Decision, files[decision_file], decision_file)
    if MEMBERS_FILE not in files:
        raise BouquetError(f"{MEMBERS_FILE} absent au commit d'ouverture {snapshot.opening[:12]}")
    members = load_model(Membres, files[MEMBERS_FILE], MEMBERS_FILE).by_id()
    path = instance_path(decision.instance)
    if path not in files:
        raise BouquetError(f"{decision_file} : instance inconnue « {decision.instance} » "
                          f"({path} absent au commit d'ouverture)")
    instance = load_model(Instance, files[path], path)
    problems = instance_problems(instance, members)
    if problems:
        raise BouquetError(f"{path} : {problems[0].message}")
    return Assembly(decision, instance, members)


def recount(root: Path, folder: str) -> Recount:
    name = folder.rsplit("/", 1)[-1]
    if not re.fullmatch(DECISION_ID_PATTERN, name):
        shown = visible(folder, name=True)
        raise BouquetError(
            f"{shown}/decision.yaml:1:1: nom de dossier de décision invalide "
            f"« {visible(name, name=True)} »",
            hint="Renommez le dossier : minuscules, chiffres et tirets, comme l'« id » "
                 "de la décision (par exemple 2026-12-approbation-v1-1-0).")
    with Repository(root) as repo:
        snapshot = read_decision(repo, folder)
    assembly = assemble(snapshot)
    refused: dict[str, str] = {}
    if assembly.instance.regles.signature:
        roster = set(assembly.instance.membres)
        signed = {}
        for path, content in snapshot.at_seal.items():
            kind = submission_kind(folder, path)
            if kind is not None and kind[1] in roster:
                signed[path] = (kind[1], content, snapshot.at_seal.get(path + SIGNATURE_SUFFIX))
        refused = verify_all(assembly.members, signed, decision=name)
    found = read_submissions(folder, snapshot.at_seal, orders=snapshot.orders, refused=refused)
    seal = (snapshot.seal or "")[:12]
    after = f"arrivé après la clôture (scellée au commit {seal})"
    if snapshot.reopened:
        after += ("; la décision a été rouverte depuis, mais un vote scellé ne se rouvre "
                  "pas")
    late = [Excluded(p, f"{after} : non compté") for p in snapshot.late]
    result = tally(assembly, found.ballots, found.proxies, [*found.excluded, *late],
                   final=snapshot.seal is not None)
    return Recount(result, assembly, snapshot)
