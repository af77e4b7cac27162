"""Apply a release plan all or nothing: write files, stage, commit, tag.

Before anything is written the transaction records HEAD, the branch, the index file, the
bytes of every file it will write and the existing tags. If any step raises — a git hook
refusing the commit, a full disk, an interruption, a failure injected by a test through
``before_step`` — everything is put back: the created tag deleted, the branch moved back,
the index file and every written file restored byte for byte, created folders removed.
The rollback undoes only its own work: a tag is deleted only if it names the commit this
release made, the branch moved back only from that commit, and the git lock files removed
only if they appeared while this release ran git (an interrupted ``git tag`` leaves one).
Commit and tag go through the git edge, which runs git itself: its hooks run as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bouquet.edges.git import Repository
from bouquet.edges.worktree import read_bytes, replace_file
from bouquet.errors import BouquetError

StepHook = Callable[[str], None]
STEPS = ("write", "stage", "commit", "tag", "done")


def _no_hook(step: str) -> None:
    del step


@dataclass(frozen=True, slots=True)
class Change:
    """What a release writes and records."""

    files: tuple[tuple[str, bytes], ...]  # repo-relative POSIX path, new content
    commit_message: str
    tag: str
    tag_message: str


@dataclass(frozen=True, slots=True)
class _Snapshot:
    head: str
    branch_ref: str
    index: bytes | None
    files: Mapping[str, bytes | None]
    missing_dirs: tuple[Path, ...]
    tags: frozenset[str]
    locks: tuple[Path, ...]  # git lock files present before the release ran git


def _refs(branch_ref: str, tag: str) -> tuple[str, ...]:
    """What the release's git commands lock."""
    return ("index", "HEAD", branch_ref, f"refs/tags/{tag}")


def _snapshot(repo: Repository, change: Change) -> _Snapshot:
    root = repo.root
    head = repo.head()
    branch = repo.branch()
    if head is None or branch is None:
        raise _failed("HEAD n'est pas sur une branche")
    index_file = repo.index_path()
    files: dict[str, bytes | None] = {}
    missing: list[Path] = []
    for rel, _ in change.files:
        target = root / rel
        files[rel] = read_bytes(root, rel) if target.is_file() else None
        parent = target.parent
        while parent != root and not parent.exists():
            missing.append(parent)
            parent = parent.parent
    return _Snapshot(
        head=head, branch_ref=f"refs/heads/{branch}",
        index=index_file.read_bytes() if index_file.is_file() else None,
        files=files, missing_dirs=tuple(sorted(set(missing), key=lambda p: -len(p.parts))),
        tags=repo.tag_names(),
        locks=tuple(repo.lock_files(_refs(f"refs/heads/{branch}", change.tag))),
    )


def _failed(cause: str) -> BouquetError:
    return BouquetError(
        "la publication a échoué, le dépôt a été remis exactement dans son état d'avant.\n"
        f"Cause : {cause}",
        hint="corrigez la cause (par exemple un crochet git qui refuse le commit), "
        "puis relancez.")


def apply(root: Path, change: Change, *, before_step: StepHook = _no_hook) -> str:
    """Write, stage, commit and tag; return the release commit. On any failure, roll back
    and re-raise (a step that git refused, such as a hook, as a ``BouquetError`` that says
    so and gives git's message as the cause)."""
    with Repository(root) as repo:
        snapshot = _snapshot(repo, change)
        commit: str | None = None
        try:
            before_step("write")
            for rel, data in change.files:
                replace_file(root / rel, data, root=root)
            before_step("stage")
            repo.stage([rel for rel, _ in change.files])
            before_step("commit")
            commit = repo.commit(change.commit_message)
            before_step("tag")
            repo.tag(change.tag, commit, change.tag_message)
            before_step("done")
        except BouquetError as error:
            _rollback(repo, change, snapshot, commit)
            raise _failed(error.message) from error
        except BaseException:
            _rollback(repo, change, snapshot, commit)
            raise
    return commit


def _rollback(repo: Repository, change: Change, snapshot: _Snapshot, commit: str | None) -> None:
    """Undo this release's work, and only it (``commit``: the one it made, if known)."""
    root = repo.root
    head = repo.head()
    ours = commit or (head if head != snapshot.head else None)
    if change.tag not in snapshot.tags and ours is not None \
            and repo.tag_commit(change.tag) == ours:
        repo.delete_tag(change.tag)
    if ours is not None and head == ours:
        repo.move_branch(snapshot.branch_ref, snapshot.head, "bouquet release : annulation")
    repo.remove_lock_files(_refs(snapshot.branch_ref, change.tag), keep=snapshot.locks)
    index_file = repo.index_path()
    if snapshot.index is None:
        index_file.unlink(missing_ok=True)
    else:
        replace_file(index_file, snapshot.index)
    for rel, data in snapshot.files.items():
        target = root / rel
        if data is None:
            target.unlink(missing_ok=True)
        else:
            replace_file(target, data)
    for folder in snapshot.missing_dirs:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
