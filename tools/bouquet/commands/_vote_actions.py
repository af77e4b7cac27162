"""The secretary's actions of `bouquet vote`: open, close, tally (I/O edge: reads, writes,
prints). What members do (sign, ballot, verify, list) is in ``_vote_members``."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bouquet.edges.git import Repository, git_root
from bouquet.edges.worktree import read_text, replace_file
from bouquet.errors import BouquetError, ExitCode
from bouquet.governance.files import DECISIONS_DIR, instance_path
from bouquet.governance.minutes import (
    render_json,
    render_markdown,
    render_text,
    typo,
)
from bouquet.governance.models import DECISION_ID_PATTERN, Methode
from bouquet.governance.open_vote import instance_reachability
from bouquet.governance.recount import Recount, recount, resolve_folder
from bouquet.governance.secretary import close_decision, new_decision
from bouquet.governance.timeline import seal_commit

USAGE, INVALID = ExitCode.USAGE, ExitCode.FAIL
PUBLICATION_PATTERN = r"v\d+\.\d+\.\d+(?:-rc\.\d+)?"  # as ``Decision.publication``
TALLY_HINT = ("bouquet vote tally <id> depuis le dépôt, après avoir validé (commit) "
              "la décision.")


def repository_of(repo: str) -> Path:
    try:
        return git_root(Path(repo))
    except BouquetError:
        raise fail(f"{repo} n'est pas un dépôt git (option --repo)", USAGE) from None


def tally(args: argparse.Namespace) -> int:
    try:
        root = repository_of(args.repo)
        folder = resolve_folder(root, args.decision, Path.cwd())
        if not (root / folder).is_dir() and not _in_history(root, folder):
            raise fail(f"décision « {args.decision} » introuvable dans {DECISIONS_DIR}/",
                        USAGE, "bouquet vote new <id> --instance … --objet … pour en ouvrir une.")
    except BouquetError as exc:  # not a repository, not a decision folder…
        raise fail(exc.message, exc.exit_code, exc.hint or TALLY_HINT) from None
    done = _recount(root, folder)
    for warning in done.warnings:
        sys.stderr.write(typo(f"Attention : {warning}.\n"))
    origin = done.provenance()
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}
    sys.stdout.write(render[args.format](done.result, origin))
    if args.ecrire:
        target = root / folder / "proces-verbal.md"
        replace_file(target, render_markdown(done.result, origin), root=root)
        sys.stderr.write(typo(f"Procès-verbal écrit : {target.relative_to(root)}\n"))
    return 0


def _in_history(root: Path, folder: str) -> bool:
    with Repository(root) as repo:
        return bool(repo.commits(f"{folder}/decision.yaml", limit=1))


def new(args: argparse.Namespace) -> int:
    root = repository_of(args.repo)
    if not re.fullmatch(DECISION_ID_PATTERN, args.id):
        raise fail(f"identifiant « {args.id} » invalide : minuscules, chiffres et tirets, "
                    "ex. 2026-12-version-1-1", USAGE)
    if not (root / instance_path(args.instance)).is_file():
        known = sorted(p.stem for p in (root / "governance/instances").glob("*.yaml"))
        raise fail(f"instance inconnue « {args.instance} » ; instances : {', '.join(known)}",
                    USAGE)
    reach = instance_reachability(root, args.instance)
    if reach is not None and reach.reason is not None:
        raise fail(f"{reach.reason}. Rien n'a été écrit.", INVALID,
                    "les clés comptent à partir du commit d'ouverture : ajoutez les clés SSH "
                    "(« cles_ssh ») des membres à governance/membres.yaml et validez-les "
                    "(git commit) avant d'ouvrir le vote.")
    folder = root / DECISIONS_DIR / args.id
    target = folder / "decision.yaml"
    if target.exists():
        raise fail(f"{target.relative_to(root)} existe déjà : choisissez un autre identifiant",
                    USAGE)
    if args.publication is not None and not re.fullmatch(PUBLICATION_PATTERN, args.publication):
        raise fail(f"version « {args.publication} » invalide pour --publication : écrivez "
                    "l'étiquette calculée par « bouquet version », avec son v (ex. v1.2.0)",
                    USAGE)
    options = tuple(o.strip() for o in args.options.split(",") if o.strip())
    methode = Methode(args.methode)
    if methode is Methode.JUGEMENT_MAJORITAIRE and len(options) < 2:
        raise fail("le jugement majoritaire demande --options a,b (au moins deux)", USAGE)
    bad = [o for o in options if not re.fullmatch(DECISION_ID_PATTERN, o)]
    if bad:
        raise fail(f"option « {bad[0]} » invalide : minuscules, chiffres et tirets, "
                    "ex. --options atelier-numerique,permanence", USAGE)
    replace_file(target, new_decision(args.id, args.instance, args.objet, methode,
                                      args.publication, options), root=root)
    rel = target.relative_to(root)
    say(f"Décision ouverte : {rel}\nFaites maintenant le commit qui l'ajoute : c'est "
        f"l'ouverture du vote.\n  git add {rel} && git commit -m "
        f"\"Ouverture du vote {args.id}\"\n")
    return 0


def close(args: argparse.Namespace) -> int:
    root = repository_of(args.repo)
    folder = resolve_folder(root, args.decision, Path.cwd())
    target = root / folder / "decision.yaml"
    if not target.is_file():
        raise fail(f"{folder}/decision.yaml introuvable", USAGE)
    text, changed = close_decision(read_text(root, target) or "")
    rel = target.relative_to(root)
    name = folder.rsplit("/", 1)[-1]
    seal = None if changed else _seal(root, folder)
    if seal is not None:
        say(f"La décision est déjà scellée (commit {seal[:12]}) : rien à faire.\n"
            f"Dépouillez-la :\n  bouquet vote tally {name} --format markdown --write\n")
        return 0
    if changed:
        replace_file(target, text, root=root)
    say(
        ("Décision close" if changed else "La décision est déjà close, mais pas encore scellée")
        + f" : {rel}\nLe scellé, c'est le commit : faites-le maintenant, puis dépouillez.\n"
        f"  git add {rel} && git commit -m \"Clôture du vote {name}\"\n"
        f"  bouquet vote tally {name} --format markdown\n"
    )
    return 0


def _seal(root: Path, folder: str) -> str | None:
    """The commit that sealed the decision, if any (None outside history)."""
    try:
        with Repository(root) as repo:
            return seal_commit(repo, folder)
    except BouquetError:
        return None


def _recount(root: Path, folder: str) -> Recount:
    try:
        return recount(root, folder)
    except BouquetError as exc:
        if exc.exit_code is ExitCode.USAGE:  # history: never committed, shallow clone…
            raise fail(exc.message, USAGE, exc.hint or TALLY_HINT) from None
        # a file of the decision does not pass its model
        raise fail(f"fichiers de la décision invalides : {exc}", INVALID,
                    "lancez bouquet validate pour la liste complète.") from None


def fail(message: str, code: ExitCode, hint: str | None = None) -> BouquetError:
    """The error that stops the action: French message, exit code (printed by the CLI)."""
    return BouquetError(typo(message), exit_code=code, hint=None if hint is None else typo(hint))


def say(message: str) -> None:
    sys.stdout.write(typo(message))
