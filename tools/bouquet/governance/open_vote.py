"""A decision as a member meets it before the seal: rules, roster and keys as of the opening
commit (as they stand in the working tree while the opening is not committed), and the checks
a ballot or proxy must pass the moment it is written or signed, not at the tally.

Reads history through ``timeline.read_decision`` and the working tree through the one
guarded reader; every verdict on a signature comes from ``signatures.verify_all``, the
function the tally uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bouquet.edges.git import Repository
from bouquet.edges.worktree import read_bytes
from bouquet.errors import BouquetError, ExitCode
from bouquet.governance.coherence import Reachability, quorum_reachability
from bouquet.governance.files import (
    BALLOTS,
    DECISIONS_DIR,
    MEMBERS_FILE,
    PROXIES,
    instance_path,
    load_model,
    plain_data,
    submission_kind,
)
from bouquet.governance.models import Decision, Instance, Membre, Membres, Statut
from bouquet.governance.recount import assemble
from bouquet.governance.result import Assembly
from bouquet.governance.signatures import SIGNATURE_SUFFIX, verify_all
from bouquet.governance.timeline import Snapshot, read_decision


@dataclass(frozen=True, slots=True)
class OpenVote:
    """``assembly`` as of ``opening`` (None: not committed yet, read from the working tree);
    ``seal`` the commit that closed it, if any; ``decision`` as it stands in the working tree."""

    folder: str
    assembly: Assembly
    opening: str | None
    seal: str | None
    decision: Decision

    @property
    def closed(self) -> bool:
        return self.seal is not None or self.decision.statut is Statut.CLOSE

    def keys_origin(self) -> str:
        """Where the keys were read, in French: the opening commit or the working tree."""
        if self.opening is None:
            return f"{MEMBERS_FILE} du dossier de travail (décision pas encore validée)"
        return f"{MEMBERS_FILE} au commit d'ouverture {self.opening[:12]}"


def _working_file(root: Path, path: str) -> bytes | None:
    try:
        return read_bytes(root, path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BouquetError(f"{path} : illisible ({exc.strerror})",
                           exit_code=ExitCode.USAGE) from None


def read_open_vote(root: Path, folder: str) -> OpenVote:
    """The decision of ``folder`` (repository-relative) as a member signing for it meets it."""
    decision_file = f"{folder}/decision.yaml"
    current = _working_file(root, decision_file)
    if current is None:
        raise BouquetError(f"{decision_file} introuvable", exit_code=ExitCode.USAGE,
                           hint="bouquet vote list pour les décisions ouvertes.")
    decision = load_model(Decision, current, decision_file)
    with Repository(root) as repo:
        committed = bool(repo.commits(decision_file, added=True, limit=1))
        snapshot = read_decision(repo, folder) if committed else None
    if snapshot is None:
        files = {decision_file: current}
        instance_file = instance_path(decision.instance)
        for path in (MEMBERS_FILE, instance_file):
            data = _working_file(root, path)
            if data is not None:
                files[path] = data
        snapshot = Snapshot(folder=folder, opening="", seal=None, head="", at_opening=files,
                            at_seal={}, orders={}, late=())
    return OpenVote(folder, assemble(snapshot), snapshot.opening or None, snapshot.seal,
                    decision)


def submission_of(root: Path, file: Path) -> tuple[str, str, str]:
    """``(decision folder, kind, member)`` of a ballot or proxy file, or a usage error."""
    try:
        relative = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise BouquetError(f"{file} n'est pas dans le dépôt {root}",
                           exit_code=ExitCode.USAGE) from None
    parts = relative.split("/")
    folder = "/".join(parts[:3])
    kind = submission_kind(folder, relative) if len(parts) == 5 else None
    if kind is None or not relative.startswith(DECISIONS_DIR + "/"):
        raise BouquetError(
            f"{relative} n'est ni un bulletin ni une procuration : le fichier doit être "
            f"{DECISIONS_DIR}/<décision>/{BALLOTS}/<membre>.yaml ou "
            f"{DECISIONS_DIR}/<décision>/{PROXIES}/<membre>.yaml", exit_code=ExitCode.USAGE)
    return folder, kind[0], kind[1]


def signature_problem(vote: OpenVote, path: str, member: str, content: bytes,
                      signature: bytes | None) -> str | None:
    """Why the tally would refuse this signature (French), or None when it verifies."""
    refused = verify_all(vote.assembly.members, {path: (member, content, signature)},
                         decision=vote.folder.rsplit("/", 1)[-1])
    return refused.get(path)


def membership_problem(vote: OpenVote, member: str) -> str | None:
    instance = vote.assembly.instance
    if member not in instance.membres:
        listed = ", ".join(sorted(instance.membres))
        return (f"« {member} » n'est pas membre de l'instance « {instance.id} » "
                f"(membres : {listed})")
    return None


def instance_reachability(root: Path, instance_id: str) -> Reachability | None:
    """The reachability of ``instance_id``'s quorum with the working tree's files, None when
    they cannot be read as models (``bouquet validate`` reports why)."""
    files = {p: _working_file(root, p) for p in (MEMBERS_FILE, instance_path(instance_id))}
    if any(data is None or plain_data(p, data) is None for p, data in files.items()):
        return None
    try:
        members = load_model_members(files[MEMBERS_FILE] or b"")
        instance = load_model(Instance, files[instance_path(instance_id)] or b"",
                              instance_path(instance_id))
    except BouquetError:
        return None
    return quorum_reachability(instance, members)


def load_model_members(data: bytes) -> dict[str, Membre]:
    return load_model(Membres, data, MEMBERS_FILE).by_id()


__all__ = ["SIGNATURE_SUFFIX", "OpenVote", "Reachability",
           "instance_reachability", "membership_problem", "quorum_reachability",
           "read_open_vote", "signature_problem", "submission_of"]
