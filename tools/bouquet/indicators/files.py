"""Where ``bouquet indicateurs rapport`` writes the report and how its files are named: shared
by the report writer and the site (which shows the latest report), without the weight of the
charts and the layout."""

from __future__ import annotations

REPORTS_DIR = "rapports"  # the default folder of the report, in the repository


def report_name(code: str, suffix: str) -> str:
    """``indicateurs-2026-S2.html`` / ``.pdf``."""
    return f"indicateurs-{code}.{suffix}"
