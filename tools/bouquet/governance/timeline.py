"""Time from history: the opening and sealing commits of a decision, and files at each.

The pure logic over what the git edge (``bouquet.edges.git.Repository``) returns. The opening
is the commit that added ``decision.yaml``; the seal is the first commit on first-parent
history where its ``statut`` is ``close``; files added or changed after the seal are late.
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


NEVER_COMMITTED = "{} n'est pas dans l'historique : validez-le d'abord (git commit)"


def read_decision(repo: Repository, folder: str) -> Snapshot:
    decision_file = f"{folder}/decision.yaml"
    head = repo.head()
    added = repo.commits(decision_file, added=True)
    if head is None or not added:
        raise BouquetError(NEVER_COMMITTED.format(decision_file), exit_code=ExitCode.USAGE)
    opening = added[-1]
    if opening in repo.shallow_commits():
        # In a shallow clone the oldest commit seems to add every file: the real opening
        # (its roster, rules and keys) and any late ballot would be unknowable.
        raise BouquetError(
            f"ce clone est superficiel (shallow) : le commit d'ouverture de {decision_file} "
            "n'y est pas, le dépouillement serait faux.", exit_code=ExitCode.USAGE,
            hint="lancez « git fetch --unshallow » puis relancez.")
    seal = _seal(repo, decision_file)
    at_opening = _opening_files(repo, opening, decision_file)
    sealed_tree = repo.list_blobs(seal or head, [folder + "/"])
    late = _late(folder, sealed_tree, repo.list_blobs(head, [folder + "/"])) if seal else ()
    return Snapshot(
        folder=folder, opening=opening, seal=seal, head=head, at_opening=at_opening,
        at_seal=repo.read_blobs(sealed_tree),
        orders=_orders(repo, seal or head, folder), late=late,
        dates={c: repo.commit_date(c).date() for c in [opening, *([seal] if seal else [])]},
    )


def _seal(repo: Repository, decision_file: str) -> str | None:
    commits = repo.commits(decision_file, first_parent=True, oldest_first=True)
    blobs = repo.read_objects([f"{c}:{decision_file}" for c in commits])
    for commit in commits:
        data = blobs.get(f"{commit}:{decision_file}")
        if data is not None and _statut(data) == STATUT_CLOSE:
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


def sealed_files(repo: Repository, folders: Iterable[str]) -> dict[str, dict[str, bytes]]:
    """For each decision folder already sealed in history, its files at the seal."""
    sealed: dict[str, dict[str, bytes]] = {}
    for folder in folders:
        seal = _seal(repo, f"{folder}/decision.yaml")
        if seal is not None:
            sealed[folder] = repo.read_blobs(repo.list_blobs(seal, [folder + "/"]))
    return sealed
