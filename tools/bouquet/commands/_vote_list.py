"""`bouquet vote list`: the open decisions of the working tree, who has voted or given a
proxy, whether each signature is valid (with the reason), and whether the quorum can still be
reached (I/O edge)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bouquet.commands._vote_actions import repository_of, say
from bouquet.commands._vote_members import KIND_FR, judge
from bouquet.edges.worktree import read_bytes
from bouquet.errors import BouquetError
from bouquet.governance.files import BALLOTS, DECISIONS_DIR, PROXIES, load_model
from bouquet.governance.minutes import typo
from bouquet.governance.models import Procuration
from bouquet.governance.open_vote import quorum_reachability, read_open_vote
from bouquet.governance.signatures import SIGNATURE_SUFFIX


def list_open(args: argparse.Namespace) -> int:
    root = repository_of(args.repo)
    entries = [_listing(root, folder)
               for folder in sorted(p.parent.relative_to(root).as_posix()
                                    for p in (root / DECISIONS_DIR).glob("*/decision.yaml"))]
    shown = [e for e in entries if e is not None]
    if args.format == "json":
        sys.stdout.write(json.dumps({"decisions": shown}, ensure_ascii=False, indent=2) + "\n")
    elif not shown:
        say("Aucune décision ouverte.\n")
    else:
        say("\n".join(_text(e) for e in shown))
    return 0


def _listing(root: Path, folder: str) -> dict[str, object] | None:
    decision_id = folder.rsplit("/", 1)[-1]
    try:
        vote = read_open_vote(root, folder)
    except BouquetError as exc:
        return {"id": decision_id, "problem": typo(exc.message), "members": []}
    if vote.closed:
        return None
    instance = vote.assembly.instance
    reach = quorum_reachability(instance, vote.assembly.members)
    members = []
    for member in sorted(instance.membres):
        row: dict[str, object] = {"member": member}
        for kind in (BALLOTS, PROXIES):
            relative = f"{folder}/{kind}/{member}.yaml"
            if not (root / relative).is_file():
                row[KIND_FR[kind]] = None
                continue
            verdict = judge(root, vote, relative, kind, member)
            signed = (root / (relative + SIGNATURE_SUFFIX)).is_file()
            status = "valid" if verdict.valid else "invalid" if signed else \
                "missing" if instance.regles.signature else None
            entry: dict[str, object] = {
                "file": relative, "signature": status,
                "reason": verdict.reason if status in ("invalid", "missing") else None}
            if kind == PROXIES:
                entry["holder"] = _holder(root, relative)
            row[KIND_FR[kind]] = entry
        members.append(row)
    return {
        "id": vote.decision.id, "objet": vote.decision.objet, "instance": instance.id,
        "method": str(vote.decision.methode), "opening": vote.opening,
        "signature_required": instance.regles.signature,
        "quorum": {"rule": str(instance.regles.quorum), "registered": reach.registered,
                   "possible": reach.possible, "reachable": reach.reachable,
                   "reason": None if reach.reason is None else typo(reach.reason)},
        "members": members, "problem": None,
    }


def _holder(root: Path, relative: str) -> str | None:
    try:
        return load_model(Procuration, read_bytes(root, relative), relative).mandataire
    except BouquetError:
        return None


_STATUS_FR = {"valid": "signature valide", "invalid": "signature refusée",
              "missing": "signature absente", None: "sans signature"}


def _text(entry: dict[str, object]) -> str:
    if entry.get("problem"):
        return f"Décision {entry['id']} : illisible — {entry['problem']}\n"
    quorum = entry["quorum"]
    assert isinstance(quorum, dict)
    opening = entry["opening"]
    lines = [
        f"Décision {entry['id']} — {entry['objet']}",
        f"  instance {entry['instance']}, méthode {entry['method']}, "
        + (f"ouverte au commit {str(opening)[:12]}" if opening else
           "pas encore validée (faites le commit d'ouverture)")
        + (", bulletins signés exigés" if entry["signature_required"] else ""),
    ]
    if not quorum["reachable"]:
        lines.append(f"  attention : {quorum['reason']}")
    members = entry["members"]
    assert isinstance(members, list)
    for row in members:
        lines.append(f"  {row['member']} : {_row_text(row)}")
    return typo("\n".join(lines) + "\n")


def _row_text(row: dict[str, object]) -> str:
    parts = []
    for kind in ("bulletin", "procuration"):
        entry = row.get(kind)
        if not isinstance(entry, dict):
            continue
        label = kind if kind == "bulletin" else f"procuration à {entry.get('holder') or '?'}"
        status = _STATUS_FR[entry["signature"]]
        reason = f" ({entry['reason']})" if entry["signature"] == "invalid" else ""
        parts.append(f"{label}, {status}{reason}")
    return " ; ".join(parts) if parts else "pas encore voté"
