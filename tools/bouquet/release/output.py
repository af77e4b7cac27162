"""Renderings of a release outcome: French text, or JSON with stable English keys (pure).

Each function returns ``(stdout, stderr)``: refusals go to stderr in text mode.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from bouquet.diagnostics.codes import CODES
from bouquet.diagnostics.record import Diagnostic
from bouquet.diagnostics.render import diagnostic_json, diagnostic_text
from bouquet.fr import NNBSP
from bouquet.release.plan import ReleasePlan
from bouquet.release.run import Outcome

COLON = f"{NNBSP}:"


def refusals_text(version: str | None, refusals: Sequence[Diagnostic], *, dry_run: bool) -> str:
    what = f"de v{version} " if version else ""
    verdict = "serait refusée" if dry_run else "refusée, rien n'a été modifié"
    head = (f"bouquet release{COLON} publication {what}{verdict} "
            f"({len(refusals)} raison{'s' if len(refusals) > 1 else ''}).\n\n")
    return head + "\n".join(diagnostic_text(r) for r in refusals)


def _plan_text(plan: ReleasePlan) -> str:
    commands = "\n".join(f"  {n}. {c}" for n, c in enumerate(plan.commands(), start=1))
    return (
        f"Simulation de la publication {plan.tag} ({plan.name})␣: rien n'est écrit.\n\n"
        f"=== Notes de version (section de CHANGELOG.md et message de l'étiquette) ===\n\n"
        f"{plan.notes.rstrip()}\n\n"
        f"=== Manifeste {plan.manifest_path} ===\n\n{plan.manifest.to_json()}\n"
        f"=== Message du commit ===\n\n{plan.commit_message}\n"
        f"=== Commandes ===\n\n{commands}\n"
    ).replace("␣", NNBSP)


def _done_text(outcome: Outcome) -> str:
    assert outcome.plan is not None and outcome.commit is not None
    plan = outcome.plan
    return (
        f"Version {plan.tag} publiée ({plan.name}){COLON} commit {outcome.commit[:12]}, "
        f"étiquette annotée {plan.tag}.\n"
        f"Écrits{COLON} CHANGELOG.md, {plan.manifest_path}.\n"
        f"Pour la diffuser{COLON} git push origin main {plan.tag}\n"
    )


def _refusal_json(item: Diagnostic) -> dict[str, object]:
    return {**diagnostic_json(item), "title": CODES[item.code].title}


def _json(outcome: Outcome, dry_run: bool) -> str:
    plan = outcome.plan
    document: dict[str, object] = {
        "version": outcome.version,
        "tag": None if outcome.version is None else f"v{outcome.version}",
        "dry_run": dry_run,
        "released": outcome.commit is not None,
        "commit": outcome.commit,
        "refusals": [_refusal_json(r) for r in outcome.refusals],
        "notes": None if plan is None else plan.notes,
        "manifest": None if plan is None else json.loads(plan.manifest.to_json()),
        "commit_message": None if plan is None else plan.commit_message,
        "commands": [] if plan is None else list(plan.commands()),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(outcome: Outcome, fmt: str, *, dry_run: bool) -> tuple[str, str]:
    if fmt == "json":
        return _json(outcome, dry_run), ""
    err = refusals_text(outcome.version, outcome.refusals, dry_run=dry_run) \
        if outcome.refusals else ""
    if outcome.plan is None:
        return "", err
    if dry_run:
        return _plan_text(outcome.plan), err
    return _done_text(outcome), err


def render_verify(tag: str, problems: Sequence[Diagnostic], fmt: str) -> tuple[str, str]:
    if fmt == "json":
        document = {"tag": tag, "ok": not problems,
                    "problems": [_refusal_json(p) for p in problems]}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n", ""
    if not problems:
        return f"{tag}{COLON} le manifeste correspond au contenu étiqueté.\n", ""
    text = "".join(diagnostic_text(p) for p in problems)
    return "", f"bouquet release --verify {tag}{COLON} échec.\n\n{text}"
