"""Time from history: the opening and sealing commits of a decision, and files at each.

A thin adapter over the ``git`` command (no GitPython needed: two or three plumbing calls
and one ``cat-file --batch``). The opening is the commit that added ``decision.yaml``; the
seal is the first commit on first-parent history where its ``statut`` is ``close``.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bouquet.edges.gitdata import capped_objects, parse_batch_check
from bouquet.governance.files import BALLOTS, MEMBERS_FILE, PROXIES, instance_path, plain_data

STATUT_CLOSE = "close"


class HistoryError(Exception):
    """Git cannot answer (not a repository, decision never committed); French message."""


class ShallowHistory(HistoryError):
    """The clone lacks the decision's opening; the message already says what to run."""


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


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "-C", str(repo), *args],
            input=stdin, capture_output=True, check=False,
        )
    except FileNotFoundError as exc:
        raise HistoryError("la commande git est introuvable : installez git") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(f"git {args[0]} a échoué : {message[-1] if message else ''}")
    return done.stdout


def read_blobs(repo: Path, specs: Iterable[str]) -> dict[str, bytes]:
    """Contents of ``rev:path`` or object names, in one ``git cat-file --batch``."""
    wanted = list(dict.fromkeys(specs))
    if not wanted:
        return {}
    sizes = parse_batch_check(git(repo, "cat-file", "--batch-check",
                                  stdin="".join(f"{s}\n" for s in wanted).encode()), wanted)
    blobs: dict[str, bytes] = capped_objects(sizes)  # too large: never read
    wanted = [s for s in wanted if s in sizes and s not in blobs]
    if not wanted:
        return blobs
    out = git(repo, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in wanted).encode())
    position = 0
    for spec in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            blobs[spec] = out[position:position + size]
            position += size + 1
        elif len(header) == 3:
            position += int(header[2]) + 1
    return blobs


def tree(repo: Path, rev: str, folder: str) -> dict[str, str]:
    """``{path: blob id}`` of every file under ``folder`` at ``rev``."""
    out = git(repo, "ls-tree", "-r", "-z", rev, "--", folder + "/")
    entries: dict[str, str] = {}
    for record in out.split(b"\0"):
        if record:
            meta, _, path = record.partition(b"\t")
            entries[path.decode()] = meta.split()[2].decode()
    return entries


def read_decision(repo: Path, folder: str) -> Snapshot:
    decision_file = f"{folder}/decision.yaml"
    head = git(repo, "rev-parse", "--verify", "-q", "HEAD").decode().strip()
    added = git(repo, "log", "--format=%H", "--diff-filter=A", "--", decision_file).split()
    if not added:
        raise HistoryError(
            f"{decision_file} n'est pas dans l'historique : validez-le d'abord (git commit)"
        )
    opening = added[-1].decode()
    if opening in _shallow_boundary(repo):
        # In a shallow clone the oldest commit seems to add every file: the real opening
        # (its roster, rules and keys) and any late ballot would be unknowable.
        raise ShallowHistory(
            f"ce clone est superficiel (shallow) : le commit d'ouverture de {decision_file} "
            "n'y est pas, le dépouillement serait faux.\nAide : lancez « git fetch "
            "--unshallow » puis relancez."
        )
    seal = _seal(repo, decision_file)
    at_opening = _opening_files(repo, opening, decision_file)
    sealed_tree = tree(repo, seal or head, folder)
    late = _late(folder, sealed_tree, tree(repo, head, folder)) if seal else ()
    blobs = read_blobs(repo, sealed_tree.values())
    return Snapshot(
        folder=folder, opening=opening, seal=seal, head=head, at_opening=at_opening,
        at_seal={path: blobs[sha] for path, sha in sealed_tree.items() if sha in blobs},
        orders=_orders(repo, seal or head, folder), late=late,
        dates=commit_dates(repo, [opening, *([seal] if seal else [])]),
    )


def _shallow_boundary(repo: Path) -> frozenset[str]:
    """The commits whose parents a shallow clone lacks (empty for a complete clone)."""
    location = Path(git(repo, "rev-parse", "--git-path", "shallow").decode().strip())
    try:
        text = (location if location.is_absolute() else repo / location).read_text()
    except OSError:
        return frozenset()
    return frozenset(text.split())


def commit_dates(repo: Path, commits: list[str]) -> dict[str, dt.date]:
    """The committer date of each commit, as recorded in history (never the clock)."""
    out = git(repo, "show", "-s", "--format=%H %cI", *commits).decode().split("\n")
    dates: dict[str, dt.date] = {}
    for line in out:
        if line.strip():
            commit, _, stamp = line.partition(" ")
            dates[commit] = dt.datetime.fromisoformat(stamp.strip()).date()
    return dates


def _seal(repo: Path, decision_file: str) -> str | None:
    commits = [c.decode() for c in git(
        repo, "log", "--first-parent", "--reverse", "--format=%H", "--", decision_file
    ).split()]
    blobs = read_blobs(repo, (f"{c}:{decision_file}" for c in commits))
    for commit in commits:
        data = blobs.get(f"{commit}:{decision_file}")
        if data is not None and _statut(data) == STATUT_CLOSE:
            return commit
    return None


def _statut(data: bytes) -> str | None:
    loaded = plain_data("decision.yaml", data)
    return str(loaded.get("statut")) if isinstance(loaded, dict) else None


def _opening_files(repo: Path, opening: str, decision_file: str) -> dict[str, bytes]:
    first = read_blobs(repo, [f"{opening}:{decision_file}", f"{opening}:{MEMBERS_FILE}"])
    files = {path: first[f"{opening}:{path}"] for path in (decision_file, MEMBERS_FILE)
             if f"{opening}:{path}" in first}
    loaded = plain_data(decision_file, files[decision_file]) if decision_file in files else None
    instance = loaded.get("instance") if isinstance(loaded, dict) else None
    if isinstance(instance, str) and re.fullmatch(r"[a-z0-9-]{1,64}", instance):
        path = instance_path(instance)
        blob = read_blobs(repo, [f"{opening}:{path}"]).get(f"{opening}:{path}")
        if blob is not None:
            files[path] = blob
    return files


def _late(folder: str, sealed: Mapping[str, str], now: Mapping[str, str]) -> tuple[str, ...]:
    watched = (f"{folder}/{BALLOTS}/", f"{folder}/{PROXIES}/")
    return tuple(sorted(
        path for path, sha in now.items()
        if path.startswith(watched) and sealed.get(path) != sha
    ))


def _orders(repo: Path, rev: str, folder: str) -> dict[str, int]:
    out = git(repo, "log", "--first-parent", "--diff-merges=first-parent", "--reverse",
              "--format=%x01", "--name-only", "--diff-filter=A", rev, "--", f"{folder}/{PROXIES}/")
    orders: dict[str, int] = {}
    for index, chunk in enumerate(out.decode().split("\x01")):
        for path in chunk.split("\n"):
            if path.strip():
                orders.setdefault(path.strip(), index)
    return orders


def sealed_files(repo: Path, folders: Iterable[str]) -> dict[str, dict[str, bytes]]:
    """For each decision folder already sealed in history, its files at the seal."""
    sealed: dict[str, dict[str, bytes]] = {}
    for folder in folders:
        seal = _seal(repo, f"{folder}/decision.yaml")
        if seal is None:
            continue
        entries = tree(repo, seal, folder)
        blobs = read_blobs(repo, entries.values())
        sealed[folder] = {path: blobs[sha] for path, sha in entries.items() if sha in blobs}
    return sealed
