"""Thin wrappers over the ``git`` commands that ``bouquet release`` runs (I/O edge)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitFailed(Exception):
    """A git command failed; ``detail`` is git's own message."""

    def __init__(self, args: tuple[str, ...], detail: str) -> None:
        super().__init__(f"git {' '.join(args)} : {detail}")
        self.args_run = args
        self.detail = detail


def run(root: Path, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=root, input=stdin, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise GitFailed(args, (result.stderr or result.stdout).strip())
    return result.stdout


def try_run(root: Path, *args: str) -> str | None:
    try:
        return run(root, *args)
    except GitFailed:
        return None


def toplevel(path: Path) -> Path | None:
    out = try_run(path, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if out else None


def head(root: Path) -> str | None:
    out = try_run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return out.strip() if out else None


def branch(root: Path) -> str | None:
    """The checked-out branch's short name, or None when HEAD is detached."""
    out = try_run(root, "symbolic-ref", "--quiet", "--short", "HEAD")
    return out.strip() if out else None


def status_lines(root: Path) -> list[str]:
    out = run(root, "status", "--porcelain", "--untracked-files=normal")
    return [line for line in out.splitlines() if line]


def tags(root: Path) -> set[str]:
    return {t for t in run(root, "tag", "--list").splitlines() if t}


def same_content(root: Path, rev: str, paths: tuple[str, ...]) -> bool:
    """True when ``paths`` hold the same files at ``rev`` as at HEAD."""
    result = subprocess.run(["git", "diff", "--quiet", rev, "HEAD", "--", *paths], cwd=root,
                            capture_output=True, check=False)
    return result.returncode == 0


def tag_exists(root: Path, tag: str) -> bool:
    return try_run(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}") is not None


def index_path(root: Path) -> Path:
    path = Path(run(root, "rev-parse", "--git-path", "index").strip())
    return path if path.is_absolute() else root / path
