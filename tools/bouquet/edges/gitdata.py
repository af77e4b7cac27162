"""Records of git data and the pure parsers of what git prints through GitPython's command
wrapper (no process is run here): raw diffs, tree listings, log records, contacts, release
tag names, raw commit objects.

``bouquet.edges.git`` runs git and re-exports these names.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

import semver

TAG_PREFIX = "v"


@dataclass(frozen=True, slots=True)
class ReleaseTag:
    """A tag ``vX.Y.Z`` or ``vX.Y.Z-rc.N`` and the commit it points to."""

    name: str
    version: semver.Version
    commit: str

    @property
    def is_final(self) -> bool:
        return self.version.prerelease is None


class ChangeStatus(enum.StrEnum):
    ADDED = "A"
    DELETED = "D"
    MODIFIED = "M"


@dataclass(frozen=True, slots=True)
class PathChange:
    """One changed file between two revisions, with its blob ids on each side (None where
    absent)."""

    status: ChangeStatus
    path: str
    old_blob: str | None = None
    new_blob: str | None = None


def parse_raw_diff(output: str) -> list[PathChange]:
    """``git diff-tree -r -z --no-renames`` (raw format): ``:<mode> <mode> <old> <new> <status>``
    then the path, each ended by NUL. A type change (``T``) is a modification."""
    fields = output.split("\0")
    changes = []
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        parts = meta.lstrip(":").split(" ")
        if len(parts) != 5 or not path:
            continue
        old, new, status = parts[2], parts[3], parts[4][:1]
        kind = {"A": ChangeStatus.ADDED, "D": ChangeStatus.DELETED}.get(
            status, ChangeStatus.MODIFIED)
        changes.append(PathChange(kind, path, None if _null(old) else old,
                                  None if _null(new) else new))
    return changes


def parse_tree_blobs(output: str) -> dict[str, str]:
    """``git ls-tree -r -z``: ``{path: blob id}`` (submodules and other non-blobs left out)."""
    blobs = {}
    for entry in output.split("\0"):
        meta, tab, path = entry.partition("\t")
        parts = meta.split(" ")
        if tab and len(parts) == 3 and parts[1] == "blob":
            blobs[path] = parts[2]
    return blobs


def _null(object_id: str) -> bool:
    return not object_id.strip("0")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class CommitCredit:
    """Who wrote one commit (author and co-authors, after .mailmap) and what it touched."""

    commit: str
    people: tuple[Person, ...]
    paths: tuple[str, ...]


def parse_release_tag(name: str, commit: str) -> ReleaseTag | None:
    """``v1.2.0`` and ``v1.2.0-rc.3`` are release tags; anything else is not (None)."""
    if not name.startswith(TAG_PREFIX):
        return None
    try:
        version = semver.Version.parse(name[len(TAG_PREFIX):])
    except ValueError:
        return None
    if version.build is not None:
        return None
    pre = version.prerelease
    if pre is not None:
        label, _, number = pre.partition(".")
        if label != "rc" or not number.isdigit() or number != str(int(number)):
            return None
    return ReleaseTag(name=name, version=version, commit=commit)


def person(contact: str) -> Person:
    name, _, rest = contact.partition("<")
    return Person(name=name.strip(), email=rest.rstrip(">").strip().lower())


def parse_log_record(record: str) -> tuple[str, Person, list[str], tuple[str, ...]]:
    sha, name, email, trailers, files = (record.split("\x1f") + [""] * 5)[:5]
    coauthors = [t.strip() for t in trailers.split("\x1d") if t.strip()]
    paths = tuple(p.strip("\n") for p in files.split("\0") if p.strip("\n"))
    return sha.strip(), Person(name.strip(), email.strip().lower()), coauthors, paths


def committer_date(commit_object: bytes) -> dt.datetime:
    """The committer date written in a raw commit object (``cat-file`` output)."""
    for line in commit_object.split(b"\n"):
        if line.startswith(b"committer "):
            stamp, offset = line.rsplit(b" ", 2)[1:]
            sign = -1 if offset.startswith(b"-") else 1
            minutes = int(offset[1:3]) * 60 + int(offset[3:5])
            zone = dt.timezone(sign * dt.timedelta(minutes=minutes))
            return dt.datetime.fromtimestamp(int(stamp), zone)
        if not line:
            break
    raise ValueError("objet commit sans ligne committer")
