"""The git edge: the only module that runs git, built on GitPython.

GitPython finds the repository (``Repository(path)``, ``git_root``), lists the refs and tags
(release tags in SemVer order), reads every object through its object database (one
persistent ``git cat-file`` process for a whole command, never a checkout: files of any
revision by blob id or ``rev:path``, commit dates), and runs every other git command through
its ``git`` command wrapper: the diff of two revisions (``diff-tree``, so the cost grows with
the changed files, not with the length of history), tree listings, the log and the credits
(``.mailmap``, ``Co-authored-by:``), the status, and commit and tag, so that git hooks run
exactly as with the git command line. The few texts git prints for us are parsed by the pure
functions of ``bouquet.edges.gitdata``.

A problem the user can act on (not a repository, an unknown revision, a refusing hook)
raises ``bouquet.errors.BouquetError`` with a French message; git failing for any other
reason is a bug and escapes as GitPython's own error (an internal error, exit 3).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import git

from bouquet.edges.gitdata import (
    ChangeStatus,
    CommitCredit,
    PathChange,
    Person,
    ReleaseTag,
    committer_date,
    parse_log_record,
    parse_raw_diff,
    parse_release_tag,
    parse_tree_blobs,
    person,
)
from bouquet.edges.limits import MAX_BYTES, Capped
from bouquet.errors import BouquetError, ExitCode

__all__ = [
    "FETCH_HINT", "ChangeStatus", "CommitCredit", "PathChange", "Person", "ReleaseTag",
    "Repository", "committer_date", "git_root", "parse_release_tag",
]

FETCH_HINT = "git fetch --tags --unshallow"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
_FEW_PATHS = 8  # up to this many files, ``commit:path`` names are quicker than a tree listing
_PATHSPECS_PER_CALL = 1000  # keeps a command line far below the system's limit


def _usage(message: str) -> BouquetError:
    return BouquetError(message, exit_code=ExitCode.USAGE)


def _open(path: str | Path) -> git.Repo:
    try:
        repo = git.Repo(path, search_parent_directories=True, expand_vars=False)
    except (git.InvalidGitRepositoryError, OSError):  # OSError: no such folder, a file…
        repo = None
    if repo is None or repo.working_tree_dir is None:
        raise _usage(
            f"« {path} » n'est pas dans un dépôt git. Lancez la commande depuis un clone "
            "du Bouquet (git clone …) ou initialisez-en un avec « git init »."
        )
    return repo


def git_root(path: str | Path) -> Path:
    """The root of the git working tree holding ``path`` (the one discovery of the repository);
    a French ``BouquetError`` (usage) outside of one."""
    repo = _open(path)
    try:
        return _root_of(repo)
    finally:
        repo.close()


def _root_of(repo: git.Repo) -> Path:
    """The working tree's folder, symbolic links resolved (as ``git rev-parse
    --show-toplevel`` prints it)."""
    return Path(str(repo.working_tree_dir)).resolve()
class GitCommandError(BouquetError):
    """git exited with an error status: most often the environment (an unreadable or
    damaged ``.git/index``, a full disk), which the user can act on (exit 1), never a bug."""

    def __init__(self, message: str) -> None:
        lines = message.strip().splitlines()
        super().__init__(f"git a échoué : {lines[-1] if lines else 'erreur inconnue'}",
                         hint="Vérifiez l'état du dépôt (git status), les droits et la place "
                              "disponible, puis relancez la commande.")


class Repository:
    """An opened git repository; a context manager (``close`` ends git's helper processes)."""

    def __init__(self, path: str | Path) -> None:
        self._repo = _open(path)
        self.root = _root_of(self._repo)
        self.warnings: list[str] = []

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._repo.close()

    def _git(self, *args: str) -> str:
        """Standard output of ``git args`` (bytes decoded leniently; never stripped); git
        failing is a ``GitCommandError`` that names git's reason."""
        try:
            out: bytes = self._repo.git.execute(["git", *args], stdout_as_string=False,
                                                strip_newline_in_stdout=False)
        except git.GitCommandError as failure:
            stderr = failure.stderr
            text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
            raise GitCommandError(str(text or failure)) from None
        return out.decode("utf-8", "replace")

    def _try_git(self, *args: str) -> str | None:
        try:
            return self._git(*args)
        except GitCommandError:
            return None

    # --- revisions -------------------------------------------------------------------------
    def head(self) -> str | None:
        """The commit HEAD points to, None before the first commit."""
        try:
            return self._repo.head.commit.hexsha
        except ValueError:
            return None

    def has_commits(self) -> bool:
        return self.head() is not None

    def branch(self) -> str | None:
        """The checked-out branch's short name, None when HEAD is detached."""
        try:
            return self._repo.active_branch.name
        except TypeError:
            return None

    def shallow_commits(self) -> frozenset[str]:
        """The commits whose parents a shallow clone lacks (empty for a complete clone)."""
        try:
            text = (Path(self._repo.common_dir) / "shallow").read_text(encoding="ascii")
        except OSError:
            return frozenset()
        return frozenset(text.split())

    def deleted_paths(self, prefixes: Sequence[str]) -> list[str]:
        """Files under ``prefixes`` deleted since HEAD (staged or not); [] before a commit."""
        out = self._try_git("diff", "HEAD", "--name-only", "--diff-filter=D", "-z", "--",
                            *prefixes)
        return sorted(p for p in (out or "").split("\0") if p)

    def is_shallow(self) -> bool:
        return bool(self.shallow_commits())

    def resolve(self, rev: str) -> str:
        """The full commit id of ``rev``, or a French ``BouquetError`` saying what to run."""
        if rev.startswith("-") or not rev.strip():
            raise _usage(f"Révision invalide : « {rev} ».")
        out = self._try_git("rev-parse", "--verify", "--quiet", "--end-of-options",
                            f"{rev}^{{commit}}")
        if out is not None:
            return out.strip()
        if rev == "HEAD" and not self.has_commits():
            raise _usage(
                "Le dépôt n'a encore aucun commit. Ajoutez les fichiers puis lancez "
                "« git add . && git commit -m 'Premier commit' »."
            )
        hint = "Vérifiez le nom (git tag --list, git branch --all)"
        if self.is_shallow():
            hint = f"Ce clone est superficiel (shallow) : lancez « {FETCH_HINT} »"
        else:
            hint += " ou récupérez-la avec « git fetch --tags »"
        raise _usage(f"révision inconnue : « {rev} ». {hint}.")

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        return self._try_git("merge-base", "--is-ancestor", ancestor, commit) is not None

    def commit_date(self, commit: str) -> dt.datetime:
        """The committer date of ``commit`` (what the notes print: never the clock)."""
        return self._repo.commit(commit).committed_datetime

    # --- tags ------------------------------------------------------------------------------
    def tag_names(self) -> frozenset[str]:
        return frozenset(tag.name for tag in self._repo.tags)

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

    def _all_release_tags(self) -> list[ReleaseTag]:
        tags: list[ReleaseTag] = []
        for ref in self._repo.tags:
            release = parse_release_tag(ref.name, "")
            if release is None:
                warning = (f"Étiquette « {ref.name} » ignorée : une version s'écrit vX.Y.Z "
                           "ou vX.Y.Z-rc.N.")
                if warning not in self.warnings:
                    self.warnings.append(warning)
                continue
            try:
                commit = ref.commit.hexsha  # an annotated tag is peeled to its commit
            except ValueError:
                continue  # a tag of a tree or a blob names no release
            tags.append(ReleaseTag(release.name, release.version, commit))
        return sorted(tags, key=lambda t: t.version)

    # --- trees and blobs -------------------------------------------------------------------
    def list_blobs(self, commit: str, prefixes: Sequence[str]) -> dict[str, str]:
        """``{path: blob id}`` of every file under ``prefixes`` at ``commit`` (one tree
        listing by git, not one object read per folder)."""
        return parse_tree_blobs(self._git("--literal-pathspecs", "ls-tree", "-r", "-z",
                                          "--full-tree", commit, "--", *prefixes))

    def changed_paths(
        self, old: str | None, new: str, prefixes: Sequence[str]
    ) -> list[PathChange]:
        """Files under ``prefixes`` added, deleted or modified from ``old`` to ``new``, with
        their blob ids (renames are a deletion plus an addition: content is matched by id,
        not by path; a type change is a modification). One ``git diff-tree`` through the
        command wrapper, parsed here: GitPython's ``Diffable.diff`` gives the same answer but
        spends about 0.15 s in its output-pumping threads for 100 changed files."""
        return parse_raw_diff(self._git("diff-tree", "-r", "-z", "--no-renames",
                                        old or EMPTY_TREE, new, "--", *prefixes))

    def same_trees(self, first: str, second: str, paths: Sequence[str]) -> bool:
        """True when ``paths`` hold the same files at both revisions (tree ids compared)."""
        trees = self._repo.commit(first).tree, self._repo.commit(second).tree
        return all(_entry(trees[0], p) == _entry(trees[1], p) for p in paths)

    def read_files(self, commit: str, paths: Iterable[str]) -> dict[str, bytes]:
        """The bytes of ``paths`` at ``commit`` (missing ones: absent). A few are read by
        ``commit:path``; more are first looked up in one tree listing, because git walks the
        trees again for every ``commit:path`` but not for a blob id."""
        wanted = sorted(set(paths))
        if len(wanted) <= _FEW_PATHS:
            found = self.read_objects([f"{commit}:{p}" for p in wanted])
            return {p: found[f"{commit}:{p}"] for p in wanted if f"{commit}:{p}" in found}
        blobs: dict[str, str] = {}
        keep = set(wanted)
        for start in range(0, len(wanted), _PATHSPECS_PER_CALL):
            blobs.update(self.list_blobs(commit, wanted[start:start + _PATHSPECS_PER_CALL]))
        return self.read_blobs({p: b for p, b in blobs.items() if p in keep})

    def read_tree(self, commit: str, prefixes: Sequence[str]) -> dict[str, bytes]:
        """The bytes of every file under ``prefixes`` at ``commit``."""
        return self.read_blobs(self.list_blobs(commit, prefixes))

    def read_blobs(self, blobs: Mapping[str, str]) -> dict[str, bytes]:
        """The bytes of ``{path: blob id}`` (from ``list_blobs``), by path."""
        found = self.read_objects(list(blobs.values()))
        return {p: found[b] for p, b in blobs.items() if b in found}

    def read_objects(self, names: Sequence[str]) -> dict[str, bytes]:
        """Objects named by a blob id, ``rev:path`` (blobs) or ``rev`` (commits), each read
        once through the object database; missing ones are absent from the result, and so
        are names that its line-based protocol cannot carry (a path with a line break: the
        validator reports such names)."""
        found: dict[str, bytes] = {}
        for name in dict.fromkeys(names):
            if "\n" in name or "\r" in name:
                continue
            data = self._object(name)
            if data is not None:
                found[name] = data
        return found

    def _object(self, name: str) -> bytes | None:
        """A blob or commit by name; a blob over the readers' limit is never read: it comes
        back as an empty ``Capped`` that knows its real size (the loader refuses it)."""
        try:
            if len(name) == 40 and all(c in "0123456789abcdef" for c in name):
                info = self._repo.odb.info(bytes.fromhex(name))
                binsha, kind, size = info.binsha, info.type, info.size
            else:
                hexsha, kind, size = self._repo.git.get_object_header(name)
                binsha = bytes.fromhex(hexsha.decode() if isinstance(hexsha, bytes) else hexsha)
        except ValueError:  # « missing » or « ambiguous »
            return None
        name_of_kind = kind.decode() if isinstance(kind, bytes) else kind  # bytes, in fact
        if name_of_kind not in ("blob", "commit"):
            return None
        if name_of_kind == "blob" and size > MAX_BYTES:
            return Capped(b"", size)
        data: bytes = self._repo.odb.stream(binsha).read()
        return data

    # --- log and people --------------------------------------------------------------------
    def commits(self, path: str, *, first_parent: bool = False, added: bool = False,
                oldest_first: bool = False, limit: int | None = None) -> list[str]:
        """Commits of HEAD's history that touch ``path`` (newest first unless
        ``oldest_first``; only those adding it with ``added``); none before the first commit."""
        if not self.has_commits():
            return []
        options = [*(["--first-parent"] if first_parent else []),
                   *(["--diff-filter=A"] if added else []),
                   *(["--reverse"] if oldest_first else []),
                   *([f"--max-count={limit}"] if limit is not None else [])]
        return self._git("log", "--format=%H", *options, "--", path).split()

    def additions(self, rev: str, prefix: str) -> list[tuple[str, ...]]:
        """For each commit of ``rev``'s first-parent history (oldest first) that adds files
        under ``prefix``, the paths it adds (merges as their first-parent diff)."""
        out = self._git("log", "--first-parent", "--diff-merges=first-parent", "--reverse",
                        "--format=%x01", "--name-only", "-z", "--diff-filter=A", rev, "--",
                        prefix)
        return [tuple(p.strip("\n") for p in chunk.split("\0") if p.strip("\n"))
                for chunk in out.split("\x01")[1:]]

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

    # --- working tree ----------------------------------------------------------------------
    def status_lines(self, prefixes: Sequence[str] = ()) -> list[str]:
        """``git status --porcelain`` lines (untracked files included), under ``prefixes``."""
        out = self._git("status", "--porcelain", "--untracked-files=normal", "--", *prefixes)
        return [line for line in out.splitlines() if line]

    def is_dirty(self, prefixes: Sequence[str]) -> bool:
        """Uncommitted (or untracked) changes under ``prefixes`` in the working tree."""
        return bool(self.status_lines(prefixes))

    def index_path(self) -> Path:
        return Path(self._repo.index.path)

    def common_dir(self) -> Path:
        """The git folder shared by all the working trees of the repository (``.git``)."""
        return Path(self._repo.common_dir).resolve()

    def _lock_file(self, ref: str) -> Path:
        if ref in ("index", "HEAD"):  # one per working tree
            return Path(self._repo.git_dir).resolve() / f"{ref}.lock"
        return self.common_dir() / f"{ref}.lock"

    def lock_files(self, refs: Sequence[str]) -> list[Path]:
        """The git lock files (``<ref>.lock``) present for ``refs`` (``index``, ``HEAD`` or
        ``refs/...``): git leaves them behind when it is killed while writing."""
        return [path for path in map(self._lock_file, refs) if path.exists()]

    def remove_lock_files(self, refs: Sequence[str], keep: Iterable[Path] = ()) -> None:
        """Remove the lock files of ``refs`` left by a git command this process ran and
        interrupted, except those in ``keep`` (present before it ran)."""
        kept = set(keep)
        for path in self.lock_files(refs):
            if path not in kept:
                path.unlink(missing_ok=True)

    def tag_commit(self, name: str) -> str | None:
        """The commit the tag ``name`` points to, None when there is no such tag."""
        out = self._try_git("rev-parse", "--verify", "--quiet", "--end-of-options",
                            f"refs/tags/{name}^{{commit}}")
        return out.strip() if out else None

    # --- writing: through git itself, so that its hooks run --------------------------------
    def stage(self, paths: Sequence[str]) -> None:
        self._write("add", "--", *paths)

    def commit(self, message: str) -> str:
        """Commit the index with ``message`` kept verbatim; return the new commit."""
        self._write("commit", "--quiet", "--cleanup=verbatim", message=message)
        return self._git("rev-parse", "HEAD").strip()

    def tag(self, name: str, commit: str, message: str) -> None:
        """An annotated tag ``name`` on ``commit`` with ``message`` kept verbatim."""
        self._write("tag", "--annotate", "--cleanup=verbatim", name, commit, message=message)

    def delete_tag(self, name: str) -> None:
        self._git("update-ref", "-d", f"refs/tags/{name}")

    def move_branch(self, ref: str, commit: str, reason: str) -> None:
        self._git("update-ref", "-m", reason, ref, commit)

    def _write(self, *args: str, message: str | None = None) -> None:
        """Run a git command that writes; a refusal (a hook, a lock) is the user's to fix:
        a ``BouquetError`` whose message is git's own."""
        with tempfile.TemporaryDirectory(prefix="bouquet-git-") as folder:
            options = []
            if message is not None:
                message_file = Path(folder) / "message"
                message_file.write_text(message, encoding="utf-8")
                options = [f"--file={message_file}"]
            command = [*args[:1], *options, *args[1:]]
            status, out, err = self._repo.git.execute(
                ["git", *command], with_extended_output=True, with_exceptions=False,
                strip_newline_in_stdout=False)
        if status != 0:
            raise BouquetError((err or out).strip())


def _entry(tree: git.Tree, path: str) -> str | None:
    try:
        return str((tree / path).hexsha)
    except KeyError:
        return None
