"""`bouquet validate` on what signs votes: the keys declared in ``membres.yaml`` (BQ332) and
the signatures of the ballots and proxies of open decisions (BQ331), so that a pull request
shows a bad one before the seal rather than the procès-verbal after it.

Signatures are judged by ``signatures.verify_all`` (the tally's function) against the keys
as of the opening commit; keys are read by ``ssh-keygen`` itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.edges import ssh
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError
from bouquet.governance.files import MEMBERS_FILE, load_model, submission_kind
from bouquet.governance.minutes import typo
from bouquet.governance.models import Membre, Membres
from bouquet.governance.positions import locate
from bouquet.governance.signatures import KEY_PATTERN, SIGNATURE_SUFFIX, verify_all
from bouquet.governance.timeline import is_closed, opening_commit


def check_keys(files: Mapping[str, bytes]) -> Iterator[Diagnostic]:
    """Every declared key that does not read as an SSH public key, at its line."""
    data = files.get(MEMBERS_FILE)
    located = None if data is None else locate(MEMBERS_FILE, data)[0]
    entries = located.data.get("membres") if located and isinstance(located.data, dict) else None
    if located is None or not isinstance(entries, list):
        return
    declared = [(i, j, key) for i, entry in enumerate(entries) if isinstance(entry, dict)
                for j, key in enumerate(entry.get("cles_ssh") or [])
                if isinstance(key, str) and key.strip()]
    unreadable = ssh.unreadable_keys([key for _, _, key in declared]) or set()
    for i, j, key in declared:
        if KEY_PATTERN.match(key.strip()) is None or key in unreadable:
            owner = entries[i].get("id")
            yield diag("BQ332", MEMBERS_FILE, *located.at("membres", i, "cles_ssh", j), typo(
                f"clé SSH de « {owner} » illisible : « {_short(key)} » n'est pas une clé "
                "publique entière (tronquée ou mal copiée ?)"))


def _short(key: str) -> str:
    key = " ".join(key.split())
    return key if len(key) <= 40 else f"{key[:24]}…{key[-12:]}"


def check_open_signatures(files: Mapping[str, bytes], root: Path | None) -> Iterator[Diagnostic]:
    """Every signature of an open decision that the tally would refuse."""
    for folder in sorted(p.rsplit("/", 1)[0] for p in files if p.endswith("/decision.yaml")):
        if is_closed(files[f"{folder}/decision.yaml"]):
            continue
        signed = {
            path: (kind[1], files[path], files[path + SIGNATURE_SUFFIX])
            for path in sorted(files)
            if (kind := submission_kind(folder, path)) is not None
            and path + SIGNATURE_SUFFIX in files
        }
        members = _members_at_opening(files, root, folder) if signed else None
        if members is None:
            continue
        decision = folder.rsplit("/", 1)[-1]
        for path, reason in sorted(verify_all(members, signed, decision=decision).items()):
            yield diag("BQ331", path, 1, 1, typo(f"{reason} : il ne sera pas compté"))


def _members_at_opening(files: Mapping[str, bytes], root: Path | None,
                        folder: str) -> Mapping[str, Membre] | None:
    """The members and keys as of the commit that added the decision; those of the working
    tree while it is not committed; None when they cannot be read."""
    data = files.get(MEMBERS_FILE)
    if root is not None:
        try:
            with Repository(root) as repo:
                opening = opening_commit(repo, folder) \
                    if repo.root.resolve() == root.resolve() else None
                if opening is not None:
                    data = repo.read_files(opening, [MEMBERS_FILE]).get(MEMBERS_FILE)
        except BouquetError:
            pass
    if data is None:
        return None
    try:
        return load_model(Membres, data, MEMBERS_FILE).by_id()
    except BouquetError:
        return None
