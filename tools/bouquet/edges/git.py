"""The git adapter: the only module of the versioning tools that runs git.

It reads files of any revision from git objects (``git cat-file --batch``), never checks
anything out, and lists only what changed between two revisions (``git diff-tree``), so the
cost grows with the changed files, not with the length of history. Like pre-commit's
``git.py`` it is a thin wrapper over git's plumbing commands run as subprocesses: importing
GitPython alone costs about 80 ms, a third of the time of ``bouquet version`` (see
``bench/history.py``), and nothing here needs its object model. Every failure a user can
cause raises ``GitUsageError`` with a French message that says what to run (the commands
turn it into exit code 2).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from bouquet.edges.gitdata import (
    ChangeStatus,
    CommitCredit,
    PathChange,
    Person,
    ReleaseTag,
    capped_objects,
    committer_date,
    parse_batch,
    parse_batch_check,
    parse_log_record,
    parse_raw_diff,
    parse_release_tag,
    parse_tree_blobs,
    person,
)
from bouquet.edges.limits import MAX_BYTES
from bouquet.errors import BouquetError, ExitCode

__all__ = [
    "FETCH_HINT", "ChangeStatus", "CommitCredit", "GitUsageError", "PathChange", "Person",
    "ReleaseTag", "Repository", "committer_date", "parse_release_tag",
]

FETCH_HINT = "git fetch --tags --unshallow"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


_FEW_PATHS = 8  # up to this many files, one ``cat-file`` by ``commit:path`` is quicker
_PATHSPECS_PER_CALL = 1000  # keeps a command line far below the system's limit


class GitUsageError(BouquetError):
    """A problem with the repository or a revision given by the user (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=ExitCode.USAGE)


class GitCommandError(BouquetError):
    """git exited with an error status: most often the environment (an unreadable or
    damaged ``.git/index``, a full disk), which the user can act on (exit 1), never a bug."""

    def __init__(self, message: str) -> None:
        lines = message.strip().splitlines()
        super().__init__(f"git a échoué : {lines[-1] if lines else 'erreur inconnue'}",
                         hint="Vérifiez l'état du dépôt (git status), les droits et la place "
                              "disponible, puis relancez la commande.")


class Repository:
    """An opened git repository (a context manager, for symmetry with other adapters)."""

    def __init__(self, path: str | Path) -> None:
        self._cwd = Path(path)
        try:
            top = self._git("rev-parse", "--show-toplevel").strip()
        except (GitCommandError, NotADirectoryError, FileNotFoundError):
            raise GitUsageError(
                f"« {path} » n'est pas dans un dépôt git. Lancez la commande depuis un clone "
                "du Bouquet (git clone …) ou initialisez-en un avec « git init »."
            ) from None
        self.root = Path(top)
        self._cwd = self.root
        self.warnings: list[str] = []

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: every git command is a short-lived process."""

    # --- plumbing --------------------------------------------------------------------------
    def _run(self, args: Sequence[str], stdin: bytes | None = None) -> bytes:
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        proc = subprocess.run(["git", *args], cwd=self._cwd, input=stdin, env=env,
                              capture_output=True, check=False)
        if proc.returncode != 0:
            raise GitCommandError(proc.stderr.decode("utf-8", "replace").strip())
        return proc.stdout

    def _git(self, *args: str) -> str:
        return self._run(args).decode("utf-8", "replace")

    def _try_git(self, *args: str) -> str | None:
        try:
            return self._git(*args)
        except GitCommandError:
            return None

    # --- revisions -------------------------------------------------------------------------
    def has_commits(self) -> bool:
        return self._try_git("rev-parse", "--verify", "--quiet", "HEAD^{commit}") is not None

    def is_dirty(self, prefixes: Sequence[str]) -> bool:
        """Uncommitted (or untracked) changes under ``prefixes`` in the working tree."""
        out = self._try_git("status", "--porcelain", "--untracked-files=normal", "--",
                            *prefixes)
        return bool(out and out.strip())

    def is_shallow(self) -> bool:
        return self._git("rev-parse", "--is-shallow-repository").strip() == "true"

    def resolve(self, rev: str) -> str:
        """The full commit id of ``rev``, or a French ``GitUsageError`` saying what to run."""
        if rev.startswith("-") or not rev.strip():
            raise GitUsageError(f"Révision invalide : « {rev} ».")
        out = self._try_git("rev-parse", "--verify", "--quiet", "--end-of-options",
                            f"{rev}^{{commit}}")
        if out is not None:
            return out.strip()
        if rev == "HEAD" and not self.has_commits():
            raise GitUsageError(
                "Le dépôt n'a encore aucun commit. Ajoutez les fichiers puis lancez "
                "« git add . && git commit -m 'Premier commit' »."
            )
        hint = "Vérifiez le nom (git tag --list, git branch --all)"
        if self.is_shallow():
            hint = f"Ce clone est superficiel (shallow) : lancez « {FETCH_HINT} »"
        else:
            hint += " ou récupérez-la avec « git fetch --tags »"
        raise GitUsageError(f"révision inconnue : « {rev} ». {hint}.")

    def commit_date(self, commit: str) -> dt.datetime:
        """The committer date of ``commit`` (what the notes print: never the clock)."""
        stamp = self._git("show", "-s", "--format=%cI", commit).strip()
        return dt.datetime.fromisoformat(stamp)


    # --- tags ------------------------------------------------------------------------------
    def release_tags(self, merged_into: str | None = None) -> list[ReleaseTag]:
        """Release tags sorted by SemVer precedence; only those reachable from ``merged_into``
        when given. Other tags are ignored and noted in ``self.warnings``."""
        tags = self._all_release_tags()
        if merged_into is None:
            return tags
        return [t for t in tags if self.is_ancestor(t.commit, merged_into)]

    def highest_final_tag(
        self, commit: str, tags: Sequence[ReleaseTag] | None = None
    ) -> ReleaseTag | None:
        """The highest ``vX.Y.Z`` reachable from ``commit`` (walks only back to it), among
        ``tags`` when the caller has already listed them (``release_tags()``)."""
        for tag in reversed(self._all_release_tags() if tags is None else tags):
            if tag.is_final and self.is_ancestor(tag.commit, commit):
                return tag
        return None

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        return self._try_git("merge-base", "--is-ancestor", ancestor, commit) is not None

    def _all_release_tags(self) -> list[ReleaseTag]:
        fmt = "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)"
        tags: list[ReleaseTag] = []
        for line in self._git("for-each-ref", fmt, "refs/tags").splitlines():
            name, obj, peeled = [*line.split("\0"), "", ""][:3]
            tag = parse_release_tag(name, peeled or obj)
            if tag is None:
                warning = (f"Étiquette « {name} » ignorée : une version s'écrit vX.Y.Z "
                           "ou vX.Y.Z-rc.N.")
                if warning not in self.warnings:
                    self.warnings.append(warning)
                continue
            tags.append(tag)
        return sorted(tags, key=lambda t: t.version)

    # --- trees and blobs -------------------------------------------------------------------
    def list_blobs(self, commit: str, prefixes: Sequence[str]) -> dict[str, str]:
        """``{path: blob id}`` of every file under ``prefixes`` at ``commit``."""
        return parse_tree_blobs(self._git("--literal-pathspecs", "ls-tree", "-r", "-z",
                                          "--full-tree", commit, "--", *prefixes))

    def changed_paths(
        self, old: str | None, new: str, prefixes: Sequence[str]
    ) -> list[PathChange]:
        """Files under ``prefixes`` added, deleted or modified from ``old`` to ``new``, with
        their blob ids (renames are a deletion plus an addition: content is matched by id,
        not by path)."""
        return parse_raw_diff(self._git("diff-tree", "-r", "-z", "--no-renames",
                                        old or EMPTY_TREE, new, "--", *prefixes))

    def read_files(self, commit: str, paths: Iterable[str]) -> dict[str, bytes]:
        """The bytes of ``paths`` at ``commit`` (missing ones: absent). A few are named
        ``commit:path`` in one ``cat-file --batch``; more are first looked up by one
        ``ls-tree`` (literal pathspecs), because git walks the trees again for every
        ``commit:path`` (a folder of a thousand modules, read for each) but not for a blob id."""
        wanted = sorted(set(paths))
        if len(wanted) <= _FEW_PATHS:
            found = self.read_objects([f"{commit}:{p}" for p in wanted])
            return {p: found[f"{commit}:{p}"] for p in wanted if f"{commit}:{p}" in found}
        blobs: dict[str, str] = {}
        keep = set(wanted)
        for start in range(0, len(wanted), _PATHSPECS_PER_CALL):
            blobs.update(parse_tree_blobs(self._git(
                "--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--",
                *wanted[start:start + _PATHSPECS_PER_CALL])))
        return self.read_blobs({p: b for p, b in blobs.items() if p in keep})

    def read_tree(self, commit: str, prefixes: Sequence[str]) -> dict[str, bytes]:
        """The bytes of every file under ``prefixes`` at ``commit``."""
        return self.read_blobs(self.list_blobs(commit, prefixes))

    def read_blobs(self, blobs: Mapping[str, str]) -> dict[str, bytes]:
        """The bytes of ``{path: blob id}`` (from ``list_blobs``), by path."""
        found = self.read_objects(list(blobs.values()))
        return {p: found[b] for p, b in blobs.items() if b in found}

    def read_objects(self, names: Sequence[str]) -> dict[str, bytes]:
        """Objects named ``rev:path``, a blob id (blobs) or ``rev`` (commits) in one
        ``cat-file --batch`` (a blob id is the cheaper name: git need not walk trees);
        missing ones are absent from the result, and so are names that the line-based
        protocol cannot carry (a path with a line break: the validator reports such names)."""
        safe = list(dict.fromkeys(n for n in names if "\n" not in n and "\r" not in n))
        if not safe:
            return {}
        request = "".join(f"{n}\n" for n in safe).encode()
        sizes = parse_batch_check(self._run(["cat-file", "--batch-check"], request), safe)
        small = [n for n in safe if n in sizes and sizes[n][1] <= MAX_BYTES]
        found = capped_objects(sizes)  # too large: never read, the loader refuses them
        if small:
            request = "".join(f"{n}\n" for n in small).encode()
            found.update(parse_batch(self._run(["cat-file", "--batch"], request), small))
        return found

    # --- people ----------------------------------------------------------------------------
    def credits(
        self, old: str | None, new: str, prefixes: Sequence[str]
    ) -> list[CommitCredit]:
        """Authors and ``Co-authored-by:`` of non-merge commits in ``old..new`` touching
        ``prefixes``, with ``.mailmap`` applied to both."""
        rev_range = f"{old}..{new}" if old else new
        fmt = "%x1e%H%x1f%aN%x1f%aE%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)%x1f"
        out = self._git("log", "--use-mailmap", "--no-merges", "-z", "--name-only",
                        f"--format={fmt}", rev_range, "--", *prefixes)
        raw = [parse_log_record(r) for r in out.split("\x1e") if r.strip("\0\n")]
        mapped = self._check_mailmap({c for _, _, cos, _ in raw for c in cos})
        result = []
        for sha, author, coauthors, paths in raw:
            people = [author] + [mapped.get(c, person(c)) for c in coauthors]
            unique = tuple(dict.fromkeys(p for p in people if p.name))
            result.append(CommitCredit(sha, unique, paths))
        return result

    def _check_mailmap(self, contacts: set[str]) -> dict[str, Person]:
        valid = sorted(c for c in contacts if "<" in c and c.endswith(">"))
        mapped: dict[str, Person] = {}
        for start in range(0, len(valid), 200):
            chunk = valid[start:start + 200]
            out = self._try_git("check-mailmap", *chunk)
            lines = out.splitlines() if out is not None else chunk
            for contact, line in zip(chunk, lines, strict=False):
                mapped[contact] = person(line)
        return mapped
