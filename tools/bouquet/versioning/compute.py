"""The version report of a range of revisions: what ``version``, ``notes``, ``status`` and
``release`` all build on.

``compute(repo_path, from_rev=None, to_rev="HEAD", pre_release=None)`` resolves the range
(``from`` defaults to the highest final tag ``vX.Y.Z`` reachable from ``to``), builds the two
catalogues from the changed files only, diffs them and applies the policy. It raises
``bouquet.errors.BouquetError`` (French message, exit 2) for an unknown revision or a
shallow clone missing its release tag; invalid content is reported as diagnostics that name
the revision, never as an exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Set
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

import semver

from bouquet.content.catalogue import Catalogue
from bouquet.content.reading.plain import plain_value
from bouquet.diagnostics.record import Diagnostic, Severity
from bouquet.edges.git import FETCH_HINT, ReleaseTag, Repository
from bouquet.errors import BouquetError, ExitCode
from bouquet.validation import working_tree
from bouquet.validation.catalogue import build_catalogue
from bouquet.versioning import policy, snapshot
from bouquet.versioning.changes import Change
from bouquet.versioning.diff import diff
from bouquet.versioning.rules import Bump
from bouquet.versioning.schema_diff import SCHEMA_PATH, schema_touched


@dataclass(frozen=True)
class VersionReport:
    """Everything computed for one range. ``current`` is None before the first release."""

    from_rev: str | None
    from_commit: str | None
    to_rev: str
    to_commit: str
    date: dt.date  # committer date of ``to``: the default date of the notes
    current: semver.Version | None
    next: semver.Version
    bump: Bump
    changes: tuple[Change, ...]
    diagnostics: tuple[Diagnostic, ...]
    warnings: tuple[str, ...]

    @property
    def blocking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.blocking)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


class Uncommitted(Enum):
    """What to do with edits of modules/ and schema/ not yet committed (``to`` is HEAD)."""

    IGNORE = "ignore"  # status and release say it their own way
    WARN = "warn"  # version and notes: count the commits only, and say so
    INCLUDE = "include"  # --inclure-non-commite: the working tree is the new side


WORKING_TREE_LABEL = "le dossier de travail"
UNCOMMITTED_WARNING = (
    "des modifications de modules/ ou schema/ ne sont pas encore validées (git commit) : elles "
    "ne sont pas comptées ici. Validez-les (git add puis git commit), ou relancez avec "
    "--inclure-non-commite pour les inclure.")


def compute(
    repo_path: str | Path,
    from_rev: str | None = None,
    to_rev: str = "HEAD",
    pre_release: str | None = None,
    uncommitted: Uncommitted = Uncommitted.IGNORE,
    today: dt.date | None = None,
) -> VersionReport:
    """The version report of ``from_rev..to_rev`` (see the module's docstring). With
    ``Uncommitted.INCLUDE``, the new side is the working tree as of ``today``."""
    with Repository(repo_path) as repo:
        to_commit = repo.resolve(to_rev)
        all_tags = tuple(repo.release_tags())
        base, from_commit, from_label = _base(repo, from_rev, to_commit, all_tags)
        include = uncommitted is Uncommitted.INCLUDE
        if include:
            to_rev = WORKING_TREE_LABEL
            old_side = snapshot.all_sources(repo, from_commit) if from_commit else {}
            sources = snapshot.sources_between(
                old_side, working_tree.folder_files(repo.root, snapshot.PREFIXES),
                repo.commit_date(from_commit).date() if from_commit else None,
                today or dt.date.today())
        else:
            sources = snapshot.changed_sources(repo, from_commit, to_commit)
        old, old_diags = _catalogue(repo, from_commit, sources.old, sources.old_modules,
                                    sources.old_date, from_label or "", complete=include)
        new, new_diags = _catalogue(repo, to_commit, sources.new, sources.new_modules,
                                    sources.new_date, to_rev, complete=include)
        titles = {} if include else _replacement_titles(repo, to_commit, new)
        warnings = tuple(repo.warnings)
        if uncommitted is Uncommitted.WARN and to_rev == "HEAD" and repo.is_dirty(
                snapshot.PREFIXES):
            warnings += (UNCOMMITTED_WARNING,)
    changes = diff(old, new, touched=sources.touched, titles=titles)
    if SCHEMA_PATH in sources.touched:
        changes += schema_touched(sources.old.get(SCHEMA_PATH), sources.new.get(SCHEMA_PATH))
    diagnostics = tuple(old_diags + new_diags)
    broken = {d.path for d in diagnostics
              if d.severity is Severity.ERROR}
    changes = [c for c in changes if c.path not in broken]
    increment = policy.bump(changes)
    current = base.version if base else None
    return VersionReport(
        from_rev=from_label, from_commit=from_commit, to_rev=to_rev, to_commit=to_commit,
        date=sources.new_date, current=current,
        next=policy.next_version(current, increment, pre_release,
                                 [t.version for t in all_tags]),
        bump=increment, changes=tuple(changes), diagnostics=diagnostics, warnings=warnings,
    )


def _base(
    repo: Repository, from_rev: str | None, to_commit: str, tags: tuple[ReleaseTag, ...]
) -> tuple[ReleaseTag | None, str | None, str | None]:
    """The release the range starts from: (tag, commit, label as shown)."""
    if from_rev is not None:
        commit = repo.resolve(from_rev)
        if commit != to_commit and not repo.is_ancestor(commit, to_commit):
            if repo.is_ancestor(to_commit, commit):
                raise BouquetError(
                    f"« --from {from_rev} » est plus récent que « --to » : inversez les deux "
                    "révisions (--from l'ancienne version, --to la nouvelle).",
                    exit_code=ExitCode.USAGE)
            repo.warnings.append(
                f"« {from_rev} » n'est pas un ancêtre de « --to » : les deux révisions sont sur "
                "des branches divergentes, les changements comparent leurs contenus.")
        return repo.highest_final_tag(commit, tags), commit, from_rev
    tag = repo.highest_final_tag(to_commit, tags)
    if tag is None:
        if repo.is_shallow():
            raise BouquetError(
                "Ce clone est superficiel (shallow) : la dernière version publiée (étiquette "
                f"vX.Y.Z) n'y est pas. Lancez « {FETCH_HINT} » puis relancez la commande.",
                exit_code=ExitCode.USAGE)
        return None, None, None
    return tag, tag.commit, tag.name


def _catalogue(
    repo: Repository, commit: str | None, sources: dict[str, bytes], own: Set[str],
    today: dt.date | None, label: str, complete: bool = False,
) -> tuple[Catalogue, list[Diagnostic]]:
    """The catalogue of the changed modules at ``commit`` and their diagnostics, by the one
    catalogue builder (its quick reading for a diff). When the full build runs, it reads the
    modules' whole folders, and the modules named by ``remplace_par`` for its checks."""
    if commit is None or today is None:
        return Catalogue(), []
    if complete:  # every file of the side is already read (the working tree, the old tree)
        catalogue, diagnostics = build_catalogue(sources, today=today, quick=True)
        kept = [replace(d, revision=label) for d in diagnostics]
        return catalogue, kept

    def folders() -> dict[str, bytes]:
        return snapshot.full_side(repo, commit, own)

    catalogue, diagnostics = build_catalogue(sources, today=today, quick=True, more=folders)
    missing = {m.remplace_par for m in catalogue.modules.values() if m.remplace_par} - set(
        catalogue.modules)
    if missing and diagnostics:  # the full build ran: its checks want the modules named
        sources = {**sources, **folders()}
        extra = snapshot.referenced_modules(repo, commit, sorted(missing))
        if extra:
            catalogue, diagnostics = build_catalogue({**sources, **extra}, today=today)
    own_paths = set(own) | {p for p in sources if not p.startswith("modules/")}
    kept = [replace(d, revision=label) for d in diagnostics if d.path in own_paths]
    return _restrict(catalogue, own), kept


def _replacement_titles(repo: Repository, commit: str, catalogue: Catalogue) -> dict[str, str]:
    """Titles of the modules named by ``remplace_par`` that the diff did not load."""
    wanted = {m.remplace_par for m in catalogue.modules.values() if m.remplace_par}
    referenced = snapshot.referenced_modules(repo, commit, sorted(wanted - set(catalogue.modules)))
    titles = {}
    for path, raw in referenced.items():
        value = plain_value(path, raw)
        title = value.get("titre") if isinstance(value, dict) else None
        if isinstance(title, str):
            titles[path.split("/")[1]] = title
    return titles


def _restrict(catalogue: Catalogue, own: Set[str]) -> Catalogue:
    modules: Mapping[str, str] = {i: p for i, p in catalogue.paths.items() if p in own}
    return replace(
        catalogue,
        modules={i: catalogue.modules[i] for i in modules},
        paths=dict(modules),
    )
