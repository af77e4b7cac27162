"""Everything ``bouquet release`` checks before writing anything (pure).

The facts are gathered at the edges (git, validator, version computation, governance); this
module turns them into refusals, all of them at once, each with a French message and what to
do. An empty list means the release may proceed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.fr import count, quote

DEFAULT_BRANCH = "main"
MAX_LISTED = 8


def refusal(code: str, message: str, hint: str | None = None) -> Diagnostic:
    """A reason not to release: a diagnostic of the repository as a whole (no file)."""
    return diag(code, "", 0, 0, message, hint=hint)


@dataclass(frozen=True, slots=True)
class DecisionFact:
    """A decision of the governance folder, as far as a release is concerned."""

    id: str
    publication: str | None
    sealed: bool
    seal_commit: str | None
    result: str  # "adopted", "rejected", "no-quorum", "tie", or "unreadable"
    problem: str | None = None  # French, when the decision could not be recounted


@dataclass(frozen=True, slots=True)
class Facts:
    branch: str | None
    dirty: tuple[str, ...]  # `git status --porcelain` lines
    validation_errors: tuple[str, ...]  # rendered error diagnostics
    blocking_changes: tuple[str, ...]  # rendered blocking findings of the version computation
    nothing_to_release: bool
    tag: str
    tag_exists: bool
    final: bool
    decisions: tuple[DecisionFact, ...]
    same_as_candidate: str | None = None  # an rc tag of this version with the same content
    git_locks: tuple[str, ...] = ()  # git lock files left by an interrupted git command


def _listing(lines: Sequence[str]) -> str:
    shown = [f"    {line}" for line in lines[:MAX_LISTED]]
    if len(lines) > MAX_LISTED:
        shown.append(f"    … et {len(lines) - MAX_LISTED} de plus")
    return "\n".join(shown)


def approving_decision(facts: Facts) -> DecisionFact | None:
    """The sealed, adopted decision whose ``publication`` is the tag (first by id)."""
    for decision in sorted(facts.decisions, key=lambda d: d.id):
        if decision.publication == facts.tag and decision.sealed and decision.result == "adopted":
            return decision
    return None


def _decision_refusal(facts: Facts) -> Diagnostic | None:
    if not facts.final or approving_decision(facts) is not None:
        return None
    candidates = sorted((d for d in facts.decisions if d.publication == facts.tag),
                        key=lambda d: d.id)
    if not candidates:
        return refusal("BQ456", f"aucune décision ne porte «\u00a0publication: {facts.tag}\u00a0»"
                       " dans governance/decisions/.")
    reasons = []
    for d in candidates:
        if d.problem is not None:
            reasons.append(f"la décision {quote(d.id)} ne peut pas être dépouillée ({d.problem})")
        elif not d.sealed:
            reasons.append(f"la décision {quote(d.id)} n'est pas scellée (statut ouverte)")
        else:
            reasons.append(f"la décision {quote(d.id)} n'est pas adoptée ({_result(d.result)})")
    return refusal("BQ456", "; ".join(reasons) + ".")


def _result(result: str) -> str:
    return {"rejected": "rejetée", "no-quorum": "quorum non atteint", "tie": "égalité"}.get(
        result, result)


def check(facts: Facts) -> list[Diagnostic]:
    refusals: list[Diagnostic] = []
    if facts.branch != DEFAULT_BRANCH:
        where = "HEAD est détaché" if facts.branch is None else \
            f"la branche courante est {quote(facts.branch)}"
        refusals.append(refusal(
            "BQ451", f"une version se publie depuis {quote(DEFAULT_BRANCH)}, or {where}."))
    if facts.dirty:
        refusals.append(refusal(
            "BQ452", "la copie de travail ou l'index contient des modifications :\n"
            + _listing(facts.dirty)))
    if facts.validation_errors:
        refusals.append(refusal(
            "BQ453", count(len(facts.validation_errors), "erreur") + " de validation :\n"
            + _listing(facts.validation_errors)))
    if facts.blocking_changes:
        refusals.append(refusal(
            "BQ454", count(len(facts.blocking_changes), "changement bloquant",
                           "changements bloquants") + " :\n"
            + _listing(facts.blocking_changes)))
    if facts.nothing_to_release:
        refusals.append(refusal(
            "BQ457", "aucun changement du bouquet publié depuis la dernière version."))
    elif facts.same_as_candidate is not None and not facts.final:
        refusals.append(refusal(
            "BQ457", f"la version candidate {quote(facts.same_as_candidate)} contient déjà "
            "exactement ce contenu : modifiez le catalogue avant d'en publier une autre, ou "
            "publiez la version finale."))
    elif facts.tag_exists:
        refusals.append(refusal("BQ455", f"l'étiquette {quote(facts.tag)} existe déjà."))
    if facts.git_locks:
        refusals.append(refusal(
            "BQ459", "git a laissé " + count(len(facts.git_locks), "verrou") + " d'une commande "
            "interrompue, qui ferai" + ("ent" if len(facts.git_locks) > 1 else "t")
            + " échouer la publication :\n" + _listing(facts.git_locks),
            hint="si aucune commande git ne tourne dans ce dépôt, supprimez "
                 + ("ces fichiers" if len(facts.git_locks) > 1 else "ce fichier")
                 + " (rm " + " ".join(facts.git_locks) + "), puis relancez."))
    decision = _decision_refusal(facts)
    if decision is not None:
        refusals.append(decision)
    return refusals
