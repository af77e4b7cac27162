"""The procès-verbal (Markdown, French), a short text summary, and the JSON record.

No clock, no environment: the same result and commits give byte-identical outputs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from fractions import Fraction

from bouquet.diagnostics.printable import markdown_code as code
from bouquet.diagnostics.printable import markdown_inline as md
from bouquet.diagnostics.printable import visible
from bouquet.fr import NNBSP, typography
from bouquet.fr import date as french_date
from bouquet.governance.models import fraction_text
from bouquet.governance.result import Outcome, Result

METHODS = {"majorite": "vote à la majorité", "consentement": "décision par consentement",
           "jugement-majoritaire": "jugement majoritaire"}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the tally was read from: it is what makes the minutes checkable."""

    objet: str
    instance: str
    instance_nom: str
    opening: str
    seal: str | None
    publication: str | None = None
    opening_date: dt.date | None = None
    seal_date: dt.date | None = None


def typo(text: str) -> str:
    """French spacing (``bouquet.fr.typography``), and U+202F before « % »."""
    return typography(text).replace(" %", NNBSP + "%")


def sentence(result: Result) -> str:
    if result.outcome is Outcome.NO_QUORUM:
        return "Le quorum n'est pas atteint : aucune décision n'est prise."
    if result.ranking:
        first = result.ranking[0]
        grade = dict(result.grades).get(first[0], "")
        if len(first) > 1:
            names = " et ".join(f"« {o} »" for o in first)
            return (f"Ex æquo entre {names} (mention majoritaire « {grade} ») : "
                    "la règle de départage de l'instance s'applique.")
        return f"L'option « {first[0]} » l'emporte, avec la mention majoritaire « {grade} »."
    if result.outcome is Outcome.ADOPTED:
        return "La proposition est adoptée."
    if result.method == "consentement":
        return "La proposition n'est pas adoptée : une objection au moins a été levée."
    return "La proposition est rejetée."


def comparison(result: Result) -> str | None:
    """« 13/18 > 1/2 » or « 1/2 ≯ 1/2 »: the exact share against the threshold."""
    if result.threshold is None:
        return None
    if result.share is None:
        return f"aucun suffrage exprimé (seuil {result.threshold.french()})"
    share, rule = fraction_text(result.share), result.threshold
    sign = rule.french().split()[0] if rule.passes(result.share) else (
        "≯" if rule.comparator == ">" else "<")
    return f"{share} {sign} {fraction_text(rule.value)}"


def quorum_line(result: Result) -> str:
    q = result.quorum
    present = q.present + q.represented
    verdict = "quorum atteint" if q.reached else "quorum non atteint"
    return (f"{_n(q.registered, 'inscrit')}, {_n(q.present, 'présent')}, "
            f"{_n(q.represented, 'représenté')} : "
            f"{present}/{q.registered} (règle {q.rule.french()}) — {verdict}.")


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def render_markdown(result: Result, origin: Provenance) -> str:
    lines = [f"# Procès-verbal — {md(origin.objet)}", ""]
    lines += _header(result, origin)
    lines += ["", "## Résultat", "", f"**{md(sentence(result))}**", ""]
    if (text := comparison(result)) is not None:
        lines += [f"Part des suffrages exprimés en faveur : « {md(text)} ».", ""]
    if (detail := calculation(result)) is not None:
        lines += [f"Calcul : {md(detail)}.", ""]
    if result.casting:
        lines += [md(result.casting[0].upper() + result.casting[1:]) + ".", ""]
    lines += ["## Quorum", "", md(quorum_line(result)), ""]
    lines += ["## Feuille de présence", "", "| Membre | Organisation | Collège | Présence |",
              "| --- | --- | --- | --- |"]
    for row in result.attendance:
        status = ("présent" if row.voted else f"représenté par « {md(row.holder)} »"
                  if row.holder else "absent")
        lines.append(f"| {md(row.member)} | {md(row.nom)} | {md(row.college)} | {status} |")
    lines += ["", "## Procurations", ""]
    proxies = [r for r in result.attendance if r.holder]
    lines += [f"- « {md(r.member)} » a donné pouvoir à « {md(r.holder or '')} »."
              for r in proxies] or [
        "Aucune procuration valable."]
    lines += ["", *_body(result), "", "## Éléments écartés", ""]
    lines += [f"- {code(e.file)} : {md(e.reason)}." for e in result.excluded] or ["Aucun."]
    return typo("\n".join(lines) + "\n")


def _header(result: Result, origin: Provenance) -> list[str]:
    status = "définitif" if result.final else "provisoire : le scrutin n'est pas clos"
    lines = [f"- Décision : {code(result.decision)}",
             f"- Instance : {md(origin.instance_nom)} ({code(origin.instance)})",
             f"- Méthode : {METHODS.get(result.method, result.method)}"]
    if origin.publication:
        lines.append(f"- Version soumise à approbation : {md(origin.publication)}")
    lines += [f"- Ouverture : {_when(origin.opening_date)}commit `{origin.opening}`",
              f"- Clôture : {_when(origin.seal_date)}commit `{origin.seal}`" if origin.seal
              else "- Clôture : non close", f"- Résultat : {status}"]
    return lines


def _when(day: dt.date | None) -> str:
    return f"{french_date(day)}, " if day is not None else ""


def calculation(result: Result) -> str | None:
    """How the share was computed, term by term, so anyone can check it by hand."""
    if result.share is None or result.threshold is None:
        return None
    share = fraction_text(result.share)
    weighted = [c for c in result.colleges if c.weight is not None]
    if not weighted:
        pour, exprimes = sum(c.pour for c in result.colleges), sum(
            c.exprimes for c in result.colleges)
        return f"{pour} pour sur {exprimes} suffrages exprimés = {share}"
    counted = [c for c in weighted if c.share is not None]
    terms = " + ".join(f"{c.weight} % × {fraction_text(c.share or Fraction(0))}"
                       for c in counted)
    if sum(Fraction(c.weight or 0, 100) * (c.share or 0) for c in counted) == result.share:
        empty = "".join(f" + {c.weight} % × 0" for c in weighted if c.share is None)
        return f"{terms}{empty} = {share}"
    total = sum(c.weight or 0 for c in counted)
    return f"({terms}) / {total} % = {share} (poids des collèges sans exprimé redistribué)"


def _body(result: Result) -> list[str]:
    if result.ranking:
        lines = ["## Classement", "", "| Rang | Option | Mention majoritaire |",
                 "| --- | --- | --- |"]
        grades = dict(result.grades)
        for rank, group in enumerate(result.ranking, start=1):
            suffix = " (ex æquo)" if len(group) > 1 else ""
            lines += [f"| {rank}{suffix} | {md(option)} | {md(grades[option])} |"
                      for option in group]
        return lines
    lines = ["## Dépouillement par collège", "",
             "| Collège | Poids | Pour | Contre | Abstention | Blanc | Part des pour |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for c in result.colleges:
        weight = f"{c.weight} %" if c.weight is not None else "—"
        share = fraction_text(c.share) if c.share is not None else "aucun exprimé"
        lines.append(f"| {md(c.name)} | {weight} | {c.pour} | {c.contre} | {c.abstention} | "
                     f"{c.blanc} | {share} |")
    if result.objections:
        lines += ["", "### Objections", ""]
        lines += [f"- « {md(member)} » : {md(motif) if motif else '(sans motif)'}"
                  for member, motif in result.objections]
    return lines


def render_text(result: Result, origin: Provenance) -> str:
    lines = [f"Décision {result.decision} — {origin.objet}", sentence(result)]
    if (text := comparison(result)) is not None:
        lines.append(f"Part en faveur : {text}")
    lines.append(f"Quorum : {quorum_line(result)}")
    if not result.final:
        lines.append("Résultat provisoire : le scrutin n'est pas clos.")
    lines += [f"Écarté : {e.file} : {e.reason}" for e in result.excluded]
    return typo(visible("\n".join(lines) + "\n"))


def render_json(result: Result, origin: Provenance) -> str:
    share = fraction_text(result.share) if result.share is not None else None
    record = {
        "decision": result.decision,
        "method": result.method,
        "status": "final" if result.final else "provisional",
        "result": str(result.outcome),
        "share": share if result.threshold is not None else None,
        "threshold": str(result.threshold) if result.threshold is not None else None,
        "quorum": {"registered": result.quorum.registered, "present": result.quorum.present,
                   "represented": result.quorum.represented, "reached": result.quorum.reached},
        "colleges": {c.name: {"for": c.pour, "against": c.contre, "abstention": c.abstention,
                              "blank": c.blanc, "weight": c.weight} for c in result.colleges},
        "excluded": [{"file": e.file, "reason": typo(e.reason)} for e in result.excluded],
        "ranking": [list(group) for group in result.ranking],
        "opening": origin.opening,
        "seal": origin.seal,
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"

