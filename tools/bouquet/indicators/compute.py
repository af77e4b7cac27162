"""The indicators of each semester, assembled from the rows of the SQL files.

One SQL file per indicator (``sql/<name>.sql``, package data) in portable SQL: each returns
its figures for every semester of the ``semesters`` table, so that the report can draw the
series; ``assemble`` turns the rows into one frozen record per semester. Exact arithmetic:
shares are ``Fraction``, values ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from bouquet.edges.database import Database, Row, run_queries
from bouquet.indicators.semesters import Semester

SQL_DIR = Path(__file__).parent / "sql"  # package data
SETUP = ("00_active",)
QUERIES = (
    "authorities_served", "authorities_served_cumulative", "active_deployments",
    "started_deployments", "departements_reached", "contracted_eur", "funding_by_source",
    "results", "contributing_hubs", "catalogue_coverage",
)


def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Count:
    module: str
    tiroir: str
    count: int


@dataclass(frozen=True)
class Result:
    module: str
    indicator: str
    total: Decimal | None  # sum of the values
    share: Fraction | None  # Σ numerators / Σ denominators (None when Σ denominators is 0)
    numerator: int | None
    denominator: int | None


@dataclass(frozen=True)
class SemesterIndicators:
    semester: Semester
    authorities_served: int
    authorities_served_cumulative: int
    growth_since_first: Fraction | None
    active_deployments: tuple[Count, ...]
    started_deployments: tuple[Count, ...]
    departements_reached: tuple[str, ...]
    contracted_eur: int
    undisclosed_amounts: int
    funding_by_source: tuple[tuple[str, int], ...]
    results: tuple[Result, ...]
    contributing_hubs: tuple[str, ...]
    catalogue_coverage: Fraction | None
    modules_published: int
    modules_deployed: int
    # contracted_eur × the rate of governance/contribution-au-commun.yaml (None without it)
    commons_contribution_eur: Fraction | None = None


def compute(database: Database, semesters: Sequence[Semester]) -> tuple[SemesterIndicators, ...]:
    """Run every SQL file on ``database`` (tables loaded) and assemble each semester."""
    rows = run_queries(database, [sql_text(n) for n in SETUP],
                       {name: sql_text(name) for name in QUERIES})
    return assemble(rows, semesters)


def assemble(rows: Mapping[str, Sequence[Row]],
             semesters: Sequence[Semester]) -> tuple[SemesterIndicators, ...]:
    by = {name: _by_semester(rows[name]) for name in QUERIES}
    cumulative = {s: _int(r[0][1]) for s, r in by["authorities_served_cumulative"].items()}
    first = next((s.code for s in semesters if by["active_deployments"].get(s.code)), None)
    base = cumulative.get(first, 0) if first is not None else 0
    out = []
    for semester in semesters:
        code = semester.code
        served = cumulative.get(code, 0)
        contracted = by["contracted_eur"].get(code, [])
        coverage = by["catalogue_coverage"].get(code, [])
        published = _int(coverage[0][1]) if coverage else 0
        deployed = _int(coverage[0][2]) if coverage else 0
        out.append(SemesterIndicators(
            semester=semester,
            authorities_served=sum(_int(r[1]) for r in by["authorities_served"].get(code, [])),
            authorities_served_cumulative=served,
            growth_since_first=Fraction(served, base)
            if base and first is not None and semester.code >= first else None,
            active_deployments=_counts(by["active_deployments"].get(code, [])),
            started_deployments=_counts(by["started_deployments"].get(code, [])),
            departements_reached=tuple(sorted(
                str(r[1]) for r in by["departements_reached"].get(code, []))),
            contracted_eur=_int(contracted[0][1]) if contracted else 0,
            undisclosed_amounts=_int(contracted[0][2]) if contracted else 0,
            funding_by_source=tuple(sorted(
                (str(r[1]), _int(r[2])) for r in by["funding_by_source"].get(code, []))),
            results=tuple(_result(r) for r in by["results"].get(code, [])),
            contributing_hubs=tuple(sorted(
                str(r[1]) for r in by["contributing_hubs"].get(code, []))),
            catalogue_coverage=Fraction(deployed, published) if published else None,
            modules_published=published, modules_deployed=deployed,
        ))
    return tuple(out)


def _by_semester(rows: Sequence[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(str(row[0]), []).append(row)
    return grouped


def _int(value: object) -> int:
    """Counts and sums of integers, whatever type the engine returns (int, Decimal)."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise TypeError(f"entier attendu, reçu {value!r}")


def _counts(rows: Sequence[Row]) -> tuple[Count, ...]:
    return tuple(sorted((Count(str(r[1]), str(r[2]), _int(r[3])) for r in rows),
                        key=lambda c: (c.module, c.tiroir)))


def _result(row: Row) -> Result:
    _, module, indicator, total, numerator, denominator = row
    num = None if numerator is None else _int(numerator)
    den = None if denominator is None else _int(denominator)
    share = Fraction(num, den) if num is not None and den else None
    value = None if total is None else Decimal(str(total)).normalize()
    if value is not None and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return Result(str(module), str(indicator), value, share, num, den)


def total(counts: Sequence[Count]) -> int:
    return sum(c.count for c in counts)
