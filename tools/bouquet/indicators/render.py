"""The indicators of one semester as French text, JSON (English keys) or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from bouquet.fr import count, integer, typography
from bouquet.governance.models import fraction_text
from bouquet.indicators.compute import Count, Result, SemesterIndicators, total

Json = dict[str, object]


def share(value: Fraction | None) -> str | None:
    return None if value is None else fraction_text(value)


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def result_value(result: Result) -> object:
    if result.total is not None:
        return number(result.total)
    return share(result.share)


def _counts(counts: Sequence[Count]) -> Json:
    modules = sorted({c.module for c in counts})
    by_module = {m: {"total": total([c for c in counts if c.module == m]),
                     "by_tiroir": {c.tiroir: c.count for c in counts if c.module == m}}
                 for m in modules}
    return {"total": total(counts), "by_module": by_module}


def as_json(ind: SemesterIndicators) -> Json:
    results: dict[str, dict[str, object]] = {}
    for r in ind.results:
        results.setdefault(r.module, {})[r.indicator] = result_value(r)
    return {
        "semester": ind.semester.code,
        "first_day": ind.semester.first_day.isoformat(),
        "last_day": ind.semester.last_day.isoformat(),
        "authorities_served": ind.authorities_served,
        "authorities_served_cumulative": ind.authorities_served_cumulative,
        "growth_since_first": share(ind.growth_since_first),
        "active_deployments": _counts(ind.active_deployments),
        "started_deployments": _counts(ind.started_deployments),
        "departements_reached": len(ind.departements_reached),
        "departements": list(ind.departements_reached),
        "contracted_eur": ind.contracted_eur,
        "commons_contribution_eur": euros_value(ind.commons_contribution_eur),
        "undisclosed_amounts": ind.undisclosed_amounts,
        "funding_by_source": dict(ind.funding_by_source),
        "results": results,
        "contributing_hubs": len(ind.contributing_hubs),
        "hubs": list(ind.contributing_hubs),
        "catalogue_coverage": share(ind.catalogue_coverage),
    }


def euros_value(amount: Fraction | None) -> int | float | None:
    """An amount in euros for JSON and CSV: whole euros as an integer, else rounded to cents."""
    if amount is None:
        return None
    return int(amount) if amount.denominator == 1 else round(float(amount), 2)


def decimal_fr(value: int | float | None) -> str:
    """« 1 362 » or « 1 362,50 »."""
    if value is None:
        return ""
    if isinstance(value, int):
        return integer(value)
    cents = round(value * 100)
    return f"{integer(cents // 100)},{cents % 100:02d}"


def render_json(ind: SemesterIndicators) -> str:
    return json.dumps(as_json(ind), ensure_ascii=False, indent=2) + "\n"


def csv_rows(ind: SemesterIndicators) -> list[tuple[str, str, str, str]]:
    """Long form: (indicator, dimension, sub-dimension, value)."""
    rows: list[tuple[str, str, str, str]] = [
        ("authorities_served", "", "", str(ind.authorities_served)),
        ("authorities_served_cumulative", "", "", str(ind.authorities_served_cumulative)),
        ("growth_since_first", "", "", share(ind.growth_since_first) or ""),
    ]
    for name, counts in (("active_deployments", ind.active_deployments),
                         ("started_deployments", ind.started_deployments)):
        rows.append((name, "", "", str(total(counts))))
        rows += [(name, c.module, c.tiroir, str(c.count)) for c in counts]
    rows.append(("departements_reached", "", "", str(len(ind.departements_reached))))
    rows += [("departements_reached", d, "", "1") for d in ind.departements_reached]
    rows += [("contracted_eur", "", "", str(ind.contracted_eur)),
             ("commons_contribution_eur", "", "",
              str(euros_value(ind.commons_contribution_eur) or "")),
             ("undisclosed_amounts", "", "", str(ind.undisclosed_amounts))]
    rows += [("funding_by_source", s, "", str(a)) for s, a in ind.funding_by_source]
    rows += [("results", r.module, r.indicator, str(result_value(r) or ""))
             for r in ind.results]
    rows.append(("contributing_hubs", "", "", str(len(ind.contributing_hubs))))
    rows += [("contributing_hubs", h, "", "1") for h in ind.contributing_hubs]
    rows.append(("catalogue_coverage", "", "", share(ind.catalogue_coverage) or ""))
    return rows


def render_csv(ind: SemesterIndicators) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["semester", "indicator", "dimension", "subdimension", "value"])
    writer.writerows((ind.semester.code, *row) for row in csv_rows(ind))
    return out.getvalue()


def share_text(value: Fraction | None) -> str:
    if value is None:
        return "non calculable"
    percent = f"{float(value) * 100:.1f}".replace(".", ",")
    return f"{fraction_text(value)} ({percent} %)"


def render_text(ind: SemesterIndicators) -> str:
    s = ind.semester
    lines = [
        f"Indicateurs de suivi du Bouquet — {s.french()} ({s.code}, du "
        f"{s.first_day.strftime('%d/%m/%Y')} au {s.last_day.strftime('%d/%m/%Y')})",
        "",
        f"Collectivités accompagnées : {integer(ind.authorities_served)} ce semestre, "
        f"{integer(ind.authorities_served_cumulative)} depuis le début",
        f"Progression depuis le premier semestre : {growth_text(ind.growth_since_first)}",
        f"Déploiements actifs : {integer(total(ind.active_deployments))}, dont "
        f"{integer(total(ind.started_deployments))} commencés ce semestre",
    ]
    lines += [f"  - {c.module} / {c.tiroir} : {integer(c.count)}"
              for c in ind.active_deployments]
    lines += [
        f"Départements touchés : {integer(len(ind.departements_reached))}"
        + (f" ({', '.join(ind.departements_reached)})" if ind.departements_reached else ""),
        f"Montant contractualisé : {integer(ind.contracted_eur)} € HT"
        f" ({undisclosed(ind.undisclosed_amounts)})",
    ]
    if ind.commons_contribution_eur is not None:
        lines.append("  dont contribution au commun : "
                     f"{decimal_fr(euros_value(ind.commons_contribution_eur))} € HT")
    lines += [f"  - {source} : {integer(amount)} €" for source, amount in ind.funding_by_source]
    lines.append(f"Hubs contributeurs : {integer(len(ind.contributing_hubs))}"
                 + (f" ({', '.join(ind.contributing_hubs)})" if ind.contributing_hubs else ""))
    lines.append(f"Couverture du catalogue : {share_text(ind.catalogue_coverage)}")
    if ind.results:
        lines.append("Résultats :")
        lines += [f"  - {r.module} / {r.indicator} : {_fr_result(r)}" for r in ind.results]
    return typography("\n".join(lines) + "\n")


def growth_text(value: Fraction | None) -> str:
    if value is None:
        return "non calculable"
    factor = f"{float(value):.2f}".replace(".", ",")
    return f"× {factor} ({fraction_text(value)})"


def _fr_result(result: Result) -> str:
    if result.total is not None:
        return str(result.total).replace(".", ",")
    return share_text(result.share)


def undisclosed(n: int) -> str:
    """« 1 montant non communiqué », « 3 montants non communiqués »."""
    return count(n, "montant non communiqué", "montants non communiqués")
