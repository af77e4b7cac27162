"""Time from history: the opening and sealing commits of a decision, and files at each.

The pure logic over what the git edge (``bouquet.edges.git.Repository``) returns. Both are
read along the default branch's first-parent history only, so that nothing a side branch did
before it was merged (or reverted) decides a vote: the opening is the last commit of that
history that added ``decision.yaml`` (a merge counts as adding what its first parent lacked);
the seal is the first commit after it where its ``statut`` is ``close``; files added or
changed after the seal are late. A side-branch commit that also added ``decision.yaml`` under
other rules or another roster is reported (``Snapshot.side_openings``), never used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bouquet.edges.git import Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.governance.files import BALLOTS, MEMBERS_FILE, PROXIES, instance_path, plain_data

STATUT_CLOSE = "close"


@dataclass(frozen=True, slots=True)
class Snapshot:
    folder: str
    opening: str
    seal: str | None
    head: str
    at_opening: Mapping[str, bytes]  # membres.yaml, the instance, decision.yaml
    at_seal: Mapping[str, bytes]  # the decision folder at the seal (at HEAD when not sealed)
    orders: Mapping[str, int]  # path → position at which it entered first-parent history
    late: tuple[str, ...]  # submission files added or changed after the seal
    dates: Mapping[str, dt.date] = field(default_factory=dict)  # commit -> committer date
    side_openings: tuple[str, ...] = ()  # side-branch commits adding it under other rules
    reopened: bool = False  # sealed, then set back to another statut: the seal still holds


NEVER_COMMITTED = "{} n'est pas dans l'historique : validez-le d'abord (git commit)"


def read_decision(repo: Repository, folder: str) -> Snapshot:
    decision_file = f"{folder}/decision.yaml"
    head = repo.head()
    added = repo.commits(decision_file, added=True, first_parent=True)
    if head is None or not added:
        raise BouquetError(NEVER_COMMITTED.format(decision_file), exit_code=ExitCode.USAGE)
    opening = added[0]
    if opening in repo.shallow_commits():
        # In a shallow clone the oldest commit seems to add every file: the real opening
        # (its roster, rules and keys) and any late ballot would be unknowable.
        raise BouquetError(
            f"ce clone est superficiel (shallow) : le commit d'ouverture de {decision_file} "
            "n'y est pas, le dépouillement serait faux.", exit_code=ExitCode.USAGE,
            hint="lancez « git fetch --unshallow » puis relancez.")
    seal = _seal(repo, decision_file, opening)
    at_opening = _opening_files(repo, opening, decision_file)
    side = [c for c in repo.commits(decision_file, added=True) if c not in added]
    sealed_tree = repo.list_blobs(seal or head, [folder + "/"])
    late = _late(folder, sealed_tree, repo.list_blobs(head, [folder + "/"])) if seal else ()
    return Snapshot(
        folder=folder, opening=opening, seal=seal, head=head, at_opening=at_opening,
        at_seal=repo.read_blobs(sealed_tree),
        orders=_orders(repo, seal or head, folder), late=late,
        dates={c: repo.commit_date(c).date() for c in [opening, *([seal] if seal else [])]},
        reopened=seal is not None and not is_closed(
            repo.read_files(head, [decision_file]).get(decision_file, b"")),
        side_openings=tuple(c for c in side if _rules_differ(
            at_opening, _opening_files(repo, c, decision_file), decision_file)),
    )


def _rules_differ(opening: Mapping[str, bytes], other: Mapping[str, bytes],
                  decision_file: str) -> bool:
    """Whether the roster or the body's file (rules, members) differ between two openings."""
    return any(opening.get(p) != other.get(p) for p in {*opening, *other} if p != decision_file)


def side_opening_warnings(snapshot: Snapshot) -> tuple[str, ...]:
    """French warnings for the side-branch openings that carried other rules."""
    return tuple(
        f"{snapshot.folder}/decision.yaml a aussi été ajouté hors de la branche principale "
        f"(commit {commit[:12]}) avec d'autres règles ou d'autres membres : ces règles ne "
        f"comptent pas, seules celles du commit d'ouverture {snapshot.opening[:12]} s'appliquent"
        for commit in snapshot.side_openings)


def opening_commit(repo: Repository, folder: str) -> str | None:
    """The opening of the decision in ``folder``: the last commit of first-parent history that
    added its ``decision.yaml``; None when history has none."""
    added = repo.commits(f"{folder}/decision.yaml", added=True, first_parent=True, limit=1)
    return added[0] if added else None


def seal_commit(repo: Repository, folder: str) -> str | None:
    """The commit that sealed the decision in ``folder``, if any."""
    return _seal(repo, f"{folder}/decision.yaml")


def is_closed(data: bytes) -> bool:
    """Whether a ``decision.yaml`` says ``statut: close``."""
    return _statut(data) == STATUT_CLOSE


def _seal(repo: Repository, decision_file: str, opening: str | None = None) -> str | None:
    """The first commit of first-parent history, from the opening on, where it is close."""
    commits = repo.commits(decision_file, first_parent=True, oldest_first=True)
    if opening is None:
        opening = opening_commit(repo, decision_file.rsplit("/", 1)[0])
    if opening in commits:
        commits = commits[commits.index(opening):]
    blobs = repo.read_objects([f"{c}:{decision_file}" for c in commits])
    for commit in commits:
        data = blobs.get(f"{commit}:{decision_file}")
        if data is not None and is_closed(data):
            return commit
    return None


def _statut(data: bytes) -> str | None:
    loaded = plain_data("decision.yaml", data)
    return str(loaded.get("statut")) if isinstance(loaded, dict) else None


def _opening_files(repo: Repository, opening: str, decision_file: str) -> dict[str, bytes]:
    files = repo.read_files(opening, [decision_file, MEMBERS_FILE])
    loaded = plain_data(decision_file, files[decision_file]) if decision_file in files else None
    instance = loaded.get("instance") if isinstance(loaded, dict) else None
    if isinstance(instance, str) and re.fullmatch(r"[a-z0-9-]{1,64}", instance):
        path = instance_path(instance)
        files.update(repo.read_files(opening, [path]))
    return files


def _late(folder: str, sealed: Mapping[str, str], now: Mapping[str, str]) -> tuple[str, ...]:
    watched = (f"{folder}/{BALLOTS}/", f"{folder}/{PROXIES}/")
    return tuple(sorted(
        path for path, sha in now.items()
        if path.startswith(watched) and sealed.get(path) != sha
    ))


def _orders(repo: Repository, rev: str, folder: str) -> dict[str, int]:
    orders: dict[str, int] = {}
    for index, paths in enumerate(repo.additions(rev, f"{folder}/{PROXIES}/"), start=1):
        for path in paths:
            orders.setdefault(path, index)
    return orders


@dataclass(frozen=True, slots=True)
class Seal:
    commit: str
    files: Mapping[str, bytes]  # the decision folder at the seal


def seals(repo: Repository, folders: Iterable[str]) -> dict[str, Seal]:
    """For each decision folder already sealed in history, its seal and its files there."""
    sealed: dict[str, Seal] = {}
    for folder in folders:
        seal = seal_commit(repo, folder)
        if seal is not None:
            sealed[folder] = Seal(seal, repo.read_blobs(repo.list_blobs(seal, [folder + "/"])))
    return sealed
