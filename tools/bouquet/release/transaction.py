"""Apply a release plan all or nothing: write files, stage, commit, tag.

Before anything is written the transaction records HEAD, the branch, the index file, the
bytes of every file it will write and the existing tags. If any step raises — a git hook
refusing the commit, a full disk, an interruption, a failure injected by a test through
``before_step`` — everything is put back: the created tag deleted, the branch moved back,
the index file and every written file restored byte for byte, created folders removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bouquet.edges.worktree import read_bytes, replace_file
from bouquet.release import gitops

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


def _snapshot(root: Path, change: Change) -> _Snapshot:
    head = gitops.head(root)
    branch = gitops.branch(root)
    if head is None or branch is None:
        raise gitops.GitFailed(("rev-parse", "HEAD"), "HEAD n'est pas sur une branche")
    index_file = gitops.index_path(root)
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
        tags=frozenset(gitops.tags(root)),
    )


def apply(root: Path, change: Change, *, before_step: StepHook = _no_hook) -> str:
    """Write, stage, commit and tag; return the release commit. On any failure, roll back
    and re-raise."""
    snapshot = _snapshot(root, change)
    try:
        before_step("write")
        for rel, data in change.files:
            replace_file(root / rel, data, root=root)
        before_step("stage")
        gitops.run(root, "add", "--", *(rel for rel, _ in change.files))
        before_step("commit")
        gitops.run(root, "commit", "--quiet", "--cleanup=verbatim", "--file=-",
                   stdin=change.commit_message)
        commit = gitops.run(root, "rev-parse", "HEAD").strip()
        before_step("tag")
        gitops.run(root, "tag", "--annotate", "--cleanup=verbatim", "--file=-", change.tag,
                   commit, stdin=change.tag_message)
        before_step("done")
    except BaseException:
        _rollback(root, change, snapshot)
        raise
    return commit


def _rollback(root: Path, change: Change, snapshot: _Snapshot) -> None:
    if change.tag not in snapshot.tags and gitops.tag_exists(root, change.tag):
        gitops.run(root, "update-ref", "-d", f"refs/tags/{change.tag}")
    if gitops.head(root) != snapshot.head:
        gitops.run(root, "update-ref", "-m", "bouquet release : annulation",
                   snapshot.branch_ref, snapshot.head)
    index_file = gitops.index_path(root)
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
