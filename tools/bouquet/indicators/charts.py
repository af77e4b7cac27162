"""The charts of the report, drawn with matplotlib as SVG text.

Rebuilt from the same data, a chart is the same bytes: no date in the metadata, a fixed salt
for the SVG ids, text drawn as paths (no font needed to view it).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bouquet.fr import integer
from bouquet.indicators.compute import SemesterIndicators, total

COLOURS = ("#2f5d62", "#5e8b7e", "#a7c4bc", "#dfeeea", "#c97b63", "#8c4a3c")
SIZE = (3.5, 2.45)  # inches: two charts side by side on A4 within the margins


_STYLE: Any = {"svg.hashsalt": "le-bouquet", "svg.fonttype": "path",
               "font.family": "DejaVu Sans", "font.size": 7}


def chart(draw: Callable[[Axes], None]) -> str:
    """The SVG text (without XML prolog) of one chart drawn by ``draw`` on its axes."""
    with rc_context(_STYLE):
        figure = Figure(figsize=SIZE, dpi=100, layout="constrained")
        draw(figure.add_subplot())
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _french_numbers(value: float, _: object) -> str:
    return integer(round(value))


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def authorities_chart(series: Sequence[SemesterIndicators]) -> str:
    return chart(lambda axes: _authorities(axes, series))


def _authorities(axes: Axes, series: Sequence[SemesterIndicators]) -> None:
    labels = [s.semester.code for s in series]
    axes.bar(labels, [s.authorities_served for s in series], color=COLOURS[1],
             label="accompagnées dans le semestre")
    axes.plot(labels, [s.authorities_served_cumulative for s in series], color=COLOURS[4],
              marker="o", label="cumul depuis le début")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(_french_numbers))
    axes.set_title("Collectivités accompagnées par semestre")
    axes.legend(frameon=False, loc="upper left")
    axes.tick_params(axis="x", labelrotation=45 if len(labels) > 6 else 0)
    axes.spines[["top", "right"]].set_visible(False)


def _barh(title: str, items: Sequence[tuple[str, float]], colour: str,
          percent: bool = False) -> str:
    return chart(lambda axes: _bars(axes, title, items, colour, percent))


def _bars(axes: Axes, title: str, items: Sequence[tuple[str, float]], colour: str,
          percent: bool) -> None:
    shown = list(items)[:8]
    if not shown:
        axes.text(0.5, 0.5, "Aucune donnée ce semestre", ha="center", va="center")
        axes.set_axis_off()
    else:
        labels = [_short(label) for label, _ in reversed(shown)]
        axes.barh(labels, [value for _, value in reversed(shown)], color=colour)
        if percent:
            axes.set_xlim(0, 100)
            axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{int(v)} %"))
        else:
            axes.xaxis.set_major_formatter(FuncFormatter(_french_numbers))
        axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(title)


def modules_chart(current: SemesterIndicators) -> str:
    per_module: dict[str, int] = {}
    for count in current.active_deployments:
        per_module[count.module] = per_module.get(count.module, 0) + count.count
    items = sorted(per_module.items(), key=lambda kv: (-kv[1], kv[0]))
    return _barh(f"Déploiements actifs par module ({integer(total(current.active_deployments))})",
                 [(k, float(v)) for k, v in items], COLOURS[0])


def funding_chart(current: SemesterIndicators) -> str:
    items = sorted(current.funding_by_source, key=lambda kv: (-kv[1], kv[0]))
    return _barh("Financements des contrats signés (€)", [(k, float(v)) for k, v in items],
                 COLOURS[4])


def results_chart(current: SemesterIndicators) -> str:
    shares: list[tuple[str, float]] = []
    for result in current.results:
        if isinstance(result.share, Fraction):
            shares.append((result.indicator, float(result.share) * 100))
    if shares:
        return _barh("Résultats en % (Σ numérateurs / Σ dénominateurs)", shares, COLOURS[1],
                     percent=True)
    values = [(r.indicator, float(r.total)) for r in current.results if r.total is not None]
    return _barh("Résultats du semestre", values, COLOURS[1])
