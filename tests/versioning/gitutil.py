"""A real temporary git repository for tests (no mocking of git)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "_base"  # vocabularies
MODULE = FIXTURES / "_module"  # one published module
MODULE_PATH = "modules/diagnostic-territorial/module.yaml"


class GitRepo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._tick = 0
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Alice Martin")
        self.git("config", "user.email", "alice@example.org")
        self.git("config", "commit.gpgsign", "false")
        self.git("config", "tag.gpgsign", "false")

    def git(self, *args: str) -> str:
        env = {"GIT_AUTHOR_DATE": self._date(), "GIT_COMMITTER_DATE": self._date(),
               "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(self.path),
               "GIT_CONFIG_NOSYSTEM": "1"}
        proc = subprocess.run(["git", *args], cwd=self.path, env=env, check=True,
                              capture_output=True, text=True)
        return proc.stdout

    def _date(self) -> str:
        return f"2026-11-{1 + self._tick // 24:02d}T{self._tick % 24:02d}:00:00+01:00"

    def write(self, rel: str, text: str | bytes) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")

    def read(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    def remove(self, rel: str) -> None:
        target = self.path / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()

    def overlay(self, source: Path) -> None:
        """Copy a fixture tree into the work tree."""
        for item in sorted(source.rglob("*")):
            if item.is_file():
                self.write(item.relative_to(source).as_posix(), item.read_bytes())

    def clear(self) -> None:
        """Remove every tracked file (the next overlay describes the whole tree)."""
        for top in ("modules", "schema"):
            if (self.path / top).exists():
                self.remove(top)

    def commit(self, message: str, *, author: str | None = None) -> str:
        self._tick += 1
        self.git("add", "-A")
        args = ["commit", "-q", "--allow-empty", "-m", message]
        if author:
            args.append(f"--author={author}")
        self.git(*args)
        return self.git("rev-parse", "HEAD").strip()

    def tag(self, name: str, message: str | None = None) -> None:
        if message:
            self.git("tag", "-a", name, "-m", message)
        else:
            self.git("tag", name)


def base_repo(path: Path) -> GitRepo:
    """A repository with the base vocabularies and module, committed."""
    repo = GitRepo(path)
    repo.overlay(BASE)
    repo.overlay(MODULE)
    repo.commit("Catalogue de départ")
    return repo
