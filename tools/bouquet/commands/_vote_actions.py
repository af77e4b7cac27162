"""The four actions of `bouquet vote` (I/O edge: reads, writes, prints)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bouquet.commands.vote import fail, say, write_atomically
from bouquet.governance.files import BALLOTS, DECISIONS_DIR, PROXIES, InvalidFile, instance_path
from bouquet.governance.minutes import (
    render_json,
    render_markdown,
    render_text,
    typo,
)
from bouquet.governance.models import DECISION_ID_PATTERN, Methode
from bouquet.governance.secretary import close_decision, new_decision
from bouquet.governance.signatures import SIGNATURE_SUFFIX, SigningError
from bouquet.governance.signatures import sign as ssh_sign
from bouquet.governance.timeline import HistoryError, ShallowHistory

USAGE, INVALID = 2, 1
PUBLICATION_PATTERN = r"v\d+\.\d+\.\d+(?:-rc\.\d+)?"  # as ``Decision.publication``


def _root(repo: str) -> Path:
    from bouquet.governance.recount import repo_root

    try:
        return repo_root(Path(repo))
    except HistoryError as exc:
        raise HistoryError(f"{repo} n'est pas un dépôt git (option --repo)") from exc


def tally(args: argparse.Namespace) -> int:
    from bouquet.governance.recount import recount, resolve_folder

    try:
        root = _root(args.repo)
        folder = resolve_folder(root, args.decision, Path.cwd())
        if not (root / folder).is_dir() and not _in_history(root, folder):
            return fail(f"décision « {args.decision} » introuvable dans {DECISIONS_DIR}/\n"
                        "Aide : bouquet vote new <id> --instance … --objet … pour en ouvrir une.",
                        USAGE)
        done = recount(root, folder)
    except ShallowHistory as exc:
        return fail(str(exc), USAGE)
    except HistoryError as exc:
        return fail(f"{exc}\nAide : bouquet vote tally <id> depuis le dépôt, "
                    "après avoir validé (commit) la décision.", USAGE)
    except InvalidFile as exc:
        return fail(f"fichiers de la décision invalides : {exc}\n"
                    "Aide : lancez bouquet validate pour la liste complète.", INVALID)
    origin = done.provenance()
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}
    sys.stdout.write(render[args.format](done.result, origin))
    if args.ecrire:
        target = root / folder / "proces-verbal.md"
        write_atomically(target, render_markdown(done.result, origin))
        sys.stderr.write(typo(f"Procès-verbal écrit : {target.relative_to(root)}\n"))
    return 0


def _in_history(root: Path, folder: str) -> bool:
    from bouquet.governance.timeline import git

    return bool(git(root, "log", "-1", "--format=%H", "--", f"{folder}/decision.yaml").strip())


def new(args: argparse.Namespace) -> int:
    try:
        root = _root(args.repo)
    except HistoryError as exc:
        return fail(str(exc), USAGE)
    if not re.fullmatch(DECISION_ID_PATTERN, args.id):
        return fail(f"identifiant « {args.id} » invalide : minuscules, chiffres et tirets, "
                    "ex. 2026-12-version-1-1", USAGE)
    if not (root / instance_path(args.instance)).is_file():
        known = sorted(p.stem for p in (root / "governance/instances").glob("*.yaml"))
        return fail(f"instance inconnue « {args.instance} » ; instances : {', '.join(known)}",
                    USAGE)
    folder = root / DECISIONS_DIR / args.id
    target = folder / "decision.yaml"
    if target.exists():
        return fail(f"{target.relative_to(root)} existe déjà : choisissez un autre identifiant",
                    USAGE)
    if args.publication is not None and not re.fullmatch(PUBLICATION_PATTERN, args.publication):
        return fail(f"version « {args.publication} » invalide pour --publication : écrivez "
                    "l'étiquette calculée par « bouquet version », avec son v (ex. v1.2.0)",
                    USAGE)
    options = tuple(o.strip() for o in args.options.split(",") if o.strip())
    methode = Methode(args.methode)
    if methode is Methode.JUGEMENT_MAJORITAIRE and len(options) < 2:
        return fail("le jugement majoritaire demande --options a,b (au moins deux)", USAGE)
    bad = [o for o in options if not re.fullmatch(DECISION_ID_PATTERN, o)]
    if bad:
        return fail(f"option « {bad[0]} » invalide : minuscules, chiffres et tirets, "
                    "ex. --options atelier-numerique,permanence", USAGE)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(target, new_decision(args.id, args.instance, args.objet, methode,
                                          args.publication, options))
    rel = target.relative_to(root)
    say(f"Décision ouverte : {rel}\nFaites maintenant le commit qui l'ajoute : c'est "
        f"l'ouverture du vote.\n  git add {rel} && git commit -m "
        f"\"Ouverture du vote {args.id}\"\n")
    return 0


def sign(args: argparse.Namespace) -> int:
    path, key = Path(args.file), Path(os.path.expanduser(args.key))
    if not path.is_file():
        return fail(f"fichier introuvable : {path}", USAGE)
    if path.suffix != ".yaml" or path.parent.name not in (BALLOTS, PROXIES):
        return fail(f"{path} n'est ni un bulletin ni une procuration : signez "
                    f"<décision>/{BALLOTS}/<membre>.yaml ou <décision>/{PROXIES}/<membre>.yaml",
                    USAGE)
    target = path.with_name(path.name + SIGNATURE_SUFFIX)
    with tempfile.TemporaryDirectory(prefix="bouquet-sign-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        try:
            signature = ssh_sign(copy, key)
        except SigningError as exc:
            return fail(str(exc), INVALID if key.is_file() else USAGE)
        write_atomically(target, signature.read_text(encoding="ascii"))
    say(f"Signature écrite : {target}\nAjoutez les deux fichiers au même commit.\n")
    return 0


def close(args: argparse.Namespace) -> int:
    from bouquet.governance.recount import resolve_folder

    try:
        root = _root(args.repo)
        folder = resolve_folder(root, args.decision, Path.cwd())
    except HistoryError as exc:
        return fail(str(exc), USAGE)
    target = root / folder / "decision.yaml"
    if not target.is_file():
        return fail(f"{folder}/decision.yaml introuvable", USAGE)
    text, changed = close_decision(target.read_text(encoding="utf-8"))
    if changed:
        write_atomically(target, text)
    rel = target.relative_to(root)
    say(
        ("Décision close" if changed else "La décision était déjà close")
        + f" : {rel}\nLe scellé, c'est le commit : faites-le maintenant, puis dépouillez.\n"
        f"  git add {rel} && git commit -m \"Clôture du vote {folder.rsplit('/', 1)[-1]}\"\n"
        f"  bouquet vote tally {folder.rsplit('/', 1)[-1]} --format markdown\n"
    )
    return 0
