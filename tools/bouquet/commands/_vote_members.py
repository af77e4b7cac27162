"""What members do with `bouquet vote`: sign, write a ballot, verify (I/O edge).

Every mistake is refused at the moment it is made: a key that is not the member's as of the
opening commit, a member outside the instance, a choice the method does not allow, a closed
decision. Signatures are judged by the function the tally uses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from bouquet.commands._vote_actions import fail, repository_of, say
from bouquet.diagnostics.record import Severity
from bouquet.edges.git import git_root
from bouquet.edges.worktree import read_bytes, replace_file
from bouquet.errors import BouquetError, ExitCode
from bouquet.governance.files import BALLOTS, PROXIES
from bouquet.governance.minutes import typo
from bouquet.governance.models import Methode
from bouquet.governance.open_vote import (
    OpenVote,
    membership_problem,
    read_open_vote,
    signature_problem,
    submission_of,
)
from bouquet.governance.recount import resolve_folder
from bouquet.governance.secretary import ballot_text
from bouquet.governance.signatures import SIGNATURE_SUFFIX, normalised
from bouquet.governance.signatures import sign as ssh_sign
from bouquet.governance.votes_checks import ballot_problems

USAGE, INVALID = ExitCode.USAGE, ExitCode.FAIL
KIND_FR = {BALLOTS: "bulletin", PROXIES: "procuration"}


def _open_vote(root: Path, folder: str) -> OpenVote:
    try:
        return read_open_vote(root, folder)
    except BouquetError as exc:
        raise fail(exc.message, exc.exit_code, exc.hint) from None


def _refuse_closed(vote: OpenVote) -> None:
    if vote.seal is not None:
        raise fail(f"la décision « {vote.decision.id} » est scellée (commit "
                    f"{vote.seal[:12]}) : un bulletin ajouté maintenant ne serait pas compté",
                    INVALID)
    if vote.closed:
        raise fail(f"la décision « {vote.decision.id} » est close : un bulletin ajouté "
                    "maintenant ne serait pas compté", INVALID)


def _signature(vote: OpenVote, relative: str, member: str, content: bytes, key: Path) -> str:
    """The signature of ``content``, made and then checked as the tally will check it."""
    try:
        signature = ssh_sign(content, relative.rsplit("/", 1)[-1], key,
                             decision=vote.folder.rsplit("/", 1)[-1])
    except BouquetError as exc:
        raise fail(exc.message, exc.exit_code, exc.hint) from None
    problem = signature_problem(vote, relative, member, content, signature.encode("ascii"))
    if problem is not None:
        raise fail(
            f"{relative} : {problem}. Rien n'a été écrit.", INVALID,
            f"signez avec une clé déclarée pour « {member} » dans {vote.keys_origin()} ; "
            "une clé ajoutée après l'ouverture du vote ne compte pas pour ce vote.")
    return signature


def sign(args: argparse.Namespace) -> int:
    path, key = Path(args.file), Path(os.path.expanduser(args.key))
    if not path.is_file():
        raise fail(f"fichier introuvable : {path}", USAGE)
    if path.suffix != ".yaml" or path.parent.name not in (BALLOTS, PROXIES):
        raise fail(f"{path} n'est ni un bulletin ni une procuration : signez "
                    f"<décision>/{BALLOTS}/<membre>.yaml ou <décision>/{PROXIES}/<membre>.yaml",
                    USAGE)
    try:
        root = git_root(path.resolve().parent)
        folder, _, member = submission_of(root, path)
    except BouquetError as exc:
        raise fail(exc.message, USAGE, exc.hint) from None
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    vote = _open_vote(root, folder)
    _refuse_closed(vote)
    raw = read_bytes(root, relative)
    content = normalised(raw)
    signature = _signature(vote, relative, member, content, key)
    if content != raw:
        replace_file(root / relative, content, root=root)
        say("Fins de ligne Windows (CRLF) remplacées par des fins de ligne Unix (LF) : "
            "le fichier signé reste le même sur toutes les plateformes.\n")
    target = root / (relative + SIGNATURE_SUFFIX)
    replace_file(target, signature, root=root)
    say(f"Signature écrite et vérifiée ({vote.keys_origin()}) : {target}\n"
        "Ajoutez les deux fichiers au même commit.\n")
    return 0


def ballot(args: argparse.Namespace) -> int:
    root = repository_of(args.repo)
    try:
        folder = resolve_folder(root, args.decision, Path.cwd())
    except BouquetError as exc:
        raise fail(exc.message, USAGE) from None
    vote = _open_vote(root, folder)
    _refuse_closed(vote)
    member = args.membre.lower()
    problem = membership_problem(vote, member)
    if problem is not None:
        raise fail(problem, INVALID)
    relative = f"{folder}/{BALLOTS}/{member}.yaml"
    target = root / relative
    if target.exists() and not args.remplacer:
        raise fail(f"{relative} existe déjà", USAGE,
                    "ajoutez --remplacer pour changer de vote avant la clôture.")
    content = _ballot_content(args, vote)
    instance = vote.assembly.instance
    if args.key is None and instance.regles.signature:
        raise fail(f"l'instance « {instance.id} » exige des bulletins signés : ajoutez "
                    "--key ~/.ssh/id_ed25519 (votre clé privée de signature)", USAGE)
    signature = None if args.key is None else _signature(
        vote, relative, member, content, Path(os.path.expanduser(args.key)))
    replace_file(target, content, root=root)
    written = [relative]
    if signature is not None:
        replace_file(root / (relative + SIGNATURE_SUFFIX), signature, root=root)
        written.append(relative + SIGNATURE_SUFFIX)
    stale = root / (relative + SIGNATURE_SUFFIX)
    if signature is None and stale.exists():
        say(f"Attention : {relative}{SIGNATURE_SUFFIX} signe l'ancien bulletin ; "
            "supprimez-le ou signez de nouveau (bouquet vote sign).\n")
    files = " ".join(written)
    say(f"Bulletin écrit{' et signé' if signature else ''} : {relative}\n"
        f"Faites maintenant le commit qui l'ajoute :\n  git add {files} && git commit -m "
        f"\"Vote de {member} : {vote.decision.id}\"\n")
    return 0


def _ballot_content(args: argparse.Namespace, vote: OpenVote) -> bytes:
    method = vote.decision.methode
    mentions = dict(_mention(m) for m in args.mention or ())
    if method is Methode.JUGEMENT_MAJORITAIRE and (args.choix or not mentions):
        options = ", ".join(vote.decision.options)
        raise fail("jugement majoritaire : donnez une mention par option avec "
                    f"--mention option=mention (options : {options})", USAGE)
    if method is not Methode.JUGEMENT_MAJORITAIRE and (mentions or not args.choix):
        raise fail(f"méthode « {method} » : donnez votre choix avec --choix", USAGE)
    content = ballot_text(args.choix, args.motif, mentions).encode("utf-8")
    path = f"{vote.folder}/{BALLOTS}/{args.membre.lower()}.yaml"
    errors = [d for d in ballot_problems(path, content, vote.decision)
              if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        raise fail(first.message, USAGE, first.hint)
    return content


def _mention(text: str) -> tuple[str, str]:
    option, sep, mention = text.partition("=")
    if not sep or not option.strip() or not mention.strip():
        raise fail(f"--mention « {text} » : écrivez option=mention, ex. "
                    "--mention atelier=tres-bien", USAGE)
    return option.strip(), mention.strip()


@dataclass(frozen=True, slots=True)
class Verdict:
    file: str
    member: str
    kind: str
    valid: bool
    reason: str | None


def verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise fail(f"fichier introuvable : {path}", USAGE)
    try:
        root = git_root(path.resolve().parent)
        folder, kind, member = submission_of(root, path)
    except BouquetError as exc:
        raise fail(exc.message, USAGE, exc.hint) from None
    vote = _open_vote(root, folder)
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    verdict = judge(root, vote, relative, kind, member)
    if args.format == "json":
        sys.stdout.write(json.dumps({
            "file": verdict.file, "member": verdict.member, "kind": verdict.kind,
            "valid": verdict.valid, "reason": verdict.reason, "opening": vote.opening,
        }, ensure_ascii=False, indent=2) + "\n")
    elif verdict.valid:
        say(f"Signature valide : {KIND_FR[kind]} de « {member} », clé lue dans "
            f"{vote.keys_origin()}.\n")
    else:
        say(f"{relative} : {verdict.reason}\n")
    return 0 if verdict.valid else 1


def judge(root: Path, vote: OpenVote, relative: str, kind: str, member: str) -> Verdict:
    content = read_bytes(root, relative)
    try:
        signature: bytes | None = read_bytes(root, relative + SIGNATURE_SUFFIX)
    except FileNotFoundError:
        signature = None
    problem = membership_problem(vote, member) or signature_problem(
        vote, relative, member, content, signature)
    return Verdict(relative, member, kind, problem is None, typo(problem) if problem else None)
