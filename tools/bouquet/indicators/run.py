"""One run of the indicators: inputs -> tables -> database -> SQL -> one record per semester."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pyarrow.compute as pc

from bouquet.edges.database import connect
from bouquet.indicators.compute import SemesterIndicators, compute
from bouquet.indicators.inputs import Inputs
from bouquet.indicators.semesters import Semester, semester_of, semesters_between
from bouquet.indicators.tables import reference_tables


def semesters_up_to(inputs: Inputs, target: Semester) -> tuple[Semester, ...]:
    """From the semester of the earliest start or signature to ``target``."""
    deployments = inputs.records["deployments"]
    earliest: list[dt.date] = []
    for column in ("debut", "signature"):
        value = pc.min(deployments.column(column)).as_py()
        if isinstance(value, dt.date):
            earliest.append(value)
    first = semester_of(min(earliest)) if earliest else target
    return semesters_between(min(first, target), target)


def run(inputs: Inputs, target: Semester, database: str | None = None
        ) -> tuple[SemesterIndicators, ...]:
    """The indicators of every semester up to ``target`` (the last one is ``target``)."""
    semesters = semesters_up_to(inputs, target)
    tables = {**inputs.records, **reference_tables(
        semesters, inputs.geography, inputs.releases, inputs.records["territories"])}
    db = connect(database)
    try:
        db.load(tables)
        series = compute(db, semesters)
    finally:
        db.close()
    if inputs.contribution is None:
        return series
    rate = inputs.contribution.regle.taux_pourcent / 100
    return tuple(replace(s, commons_contribution_eur=s.contracted_eur * rate) for s in series)
