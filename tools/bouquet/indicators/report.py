"""The two-page report of a semester: an HTML page (Jinja2) and its PDF (WeasyPrint).

Page 1 « Indicateurs de suivi »: key figures and four charts; page 2 « Panorama des services
déployés »: module × tiroir counts, départements and hubs. Each page is a fixed-height box
that hides what would overflow, so the PDF has exactly two A4 pages and nothing outside the
margins. Rebuilt from the same data, both files are the same bytes: the charts carry no
date, the PDF a fixed identifier and no creation date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from weasyprint import HTML

from bouquet.content.geography import Geography
from bouquet.edges.artefacts import write_files
from bouquet.fr import integer
from bouquet.indicators.charts import (
    authorities_chart,
    funding_chart,
    modules_chart,
    results_chart,
)
from bouquet.indicators.compute import SemesterIndicators, total
from bouquet.indicators.files import report_name
from bouquet.indicators.inputs import Inputs
from bouquet.indicators.render import growth_text, share_text, undisclosed

MAX_MODULES = 30
MAX_LISTED = 60
NNBSP = "\u202f"


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


@dataclass(frozen=True)
class Chart:
    title: str
    caption: str
    svg: Markup


def _euros(amount: int) -> str:
    return f"{integer(amount)}{NNBSP}€"


def _date(day: object) -> str:
    return day.strftime("%d/%m/%Y") if hasattr(day, "strftime") else str(day)


def context(series: Sequence[SemesterIndicators], geography: Geography) -> dict[str, object]:
    current = series[-1]
    semester = current.semester
    figures = [
        Figure(integer(current.authorities_served), "collectivités accompagnées ce semestre"),
        Figure(integer(current.authorities_served_cumulative),
               "collectivités accompagnées depuis le début"),
        Figure(growth_text(current.growth_since_first), "progression depuis le premier semestre "
               "(objectif : × 2)"),
        Figure(integer(total(current.active_deployments)),
               f"déploiements actifs, dont {integer(total(current.started_deployments))} "
               "commencés"),
        Figure(integer(len(current.departements_reached)), "départements touchés"),
        Figure(_euros(current.contracted_eur),
               f"HT contractualisés ({undisclosed(current.undisclosed_amounts)})"),
    ]
    charts = [
        Chart("Collectivités par semestre", "Barres : collectivités du semestre ; ligne : cumul.",
              Markup(authorities_chart(series))),
        Chart("Déploiements par module", "Déploiements actifs du semestre, par module.",
              Markup(modules_chart(current))),
        Chart("Financements par source", "Contrats signés dans le semestre, hors annulés.",
              Markup(funding_chart(current))),
        Chart("Résultats", "Indicateurs en % : Σ numérateurs / Σ dénominateurs.",
              Markup(results_chart(current))),
    ]
    tiroirs = sorted({c.tiroir for c in current.active_deployments})
    modules = sorted({c.module for c in current.active_deployments})
    counts = {(c.module, c.tiroir): c.count for c in current.active_deployments}
    matrix = [{"module": m, "cells": [integer(counts.get((m, t), 0)) for t in tiroirs],
               "total": integer(sum(counts.get((m, t), 0) for t in tiroirs))}
              for m in modules[:MAX_MODULES]]
    departements = [f"{geography.names.get(d, d)} ({d})" for d in current.departements_reached]
    return {
        "semester": semester, "semester_label": semester.french(),
        "first_day": _date(semester.first_day), "last_day": _date(semester.last_day),
        "figures": figures, "charts": charts, "tiroirs": tiroirs, "matrix": matrix,
        "more_modules": max(0, len(modules) - MAX_MODULES),
        "departements_count": integer(len(departements)),
        "departements": _listing(departements),
        "hubs_count": integer(len(current.contributing_hubs)),
        "hubs": _listing(list(current.contributing_hubs)),
        "coverage": f"{share_text(current.catalogue_coverage)} des modules publiés "
                    f"({integer(current.modules_deployed)} sur "
                    f"{integer(current.modules_published)}) ont un déploiement actif.",
        "contracted": f"{_euros(current.contracted_eur)} HT ; "
                      + ", ".join(f"{s} : {_euros(a)}" for s, a in current.funding_by_source),
    }


def _listing(items: list[str]) -> str:
    if not items:
        return "aucun"
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" … et {len(items) - MAX_LISTED} autres" if len(items) > MAX_LISTED else "")


def render_html(series: Sequence[SemesterIndicators], geography: Geography) -> str:
    environment = Environment(loader=PackageLoader("bouquet.indicators", "templates"),
                              autoescape=select_autoescape(["html", "j2"]),
                              keep_trailing_newline=True)
    return environment.get_template("rapport.html.j2").render(context(series, geography))


def render_pdf(html: str, code: str) -> bytes:
    document = HTML(string=html, base_url=".")
    pdf: bytes = document.write_pdf(pdf_tags=True, pdf_identifier=f"bouquet-{code}".encode(),
                                    uncompressed_pdf=False)
    return pdf


def write_report(series: Sequence[SemesterIndicators], inputs: Inputs, folder: Path
                 ) -> list[Path]:
    html = render_html(series, inputs.geography)
    code = series[-1].semester.code
    return write_files(folder, [(report_name(code, "html"), html.encode("utf-8")),
                                (report_name(code, "pdf"), render_pdf(html, code))])
