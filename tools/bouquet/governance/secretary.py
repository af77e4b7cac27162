"""What the comité's secretary writes: a new decision file, the closing edit. Pure text."""

from __future__ import annotations

import json
import re

from bouquet.governance.models import DEFAULT_MENTIONS, Methode

STATUT_LINE = re.compile(r"^statut\s*:.*$", re.MULTILINE)


def _scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def new_decision(
    decision_id: str,
    instance: str,
    objet: str,
    methode: Methode = Methode.MAJORITE,
    publication: str | None = None,
    options: tuple[str, ...] = (),
) -> str:
    lines = [
        "# yaml-language-server: $schema=../../../schema/governance/decision.schema.json",
        f"id: {decision_id}",
        f"instance: {instance}",
        f"objet: {_scalar(objet)}",
        f"methode: {methode}",
    ]
    if publication:
        lines.append(f"publication: {publication}")
    if methode is Methode.JUGEMENT_MAJORITAIRE:
        lines.append("options:")
        lines += [f"  - {option}" for option in options]
        scale = ", ".join(DEFAULT_MENTIONS)
        lines.append(f"# mentions par défaut, de la meilleure à la pire : {scale}")
    lines.append("statut: ouverte")
    return "\n".join(lines) + "\n"


def ballot_text(choix: str | None, motif: str | None, mentions: dict[str, str]) -> str:
    """A ballot as ``bouquet vote ballot`` writes it (Unix line endings, signed as is)."""
    lines = []
    if choix:
        lines.append(f"choix: {_scalar(choix)}")
    if motif:
        lines.append(f"motif: {_scalar(motif)}")
    if mentions:
        lines.append("mentions:")
        lines += [f"  {_scalar(option)}: {_scalar(mention)}"
                  for option, mention in mentions.items()]
    return "\n".join(lines) + "\n"


def close_decision(text: str) -> tuple[str, bool]:
    """Set ``statut: close`` touching only that line; return (text, changed)."""
    match = STATUT_LINE.search(text)
    if match is None:
        separator = "" if text.endswith("\n") or not text else "\n"
        return f"{text}{separator}statut: close\n", True
    if re.fullmatch(r"statut\s*:\s*close\s*(#.*)?", match.group(0)):
        return text, False
    return text[:match.start()] + "statut: close" + text[match.end():], True
