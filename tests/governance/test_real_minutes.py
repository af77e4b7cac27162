"""Every committed procès-verbal equals the tally recomputed from this repository's history."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.governance.minutes import render_markdown
from bouquet.governance.recount import recount
from repo import REPO as ROOT
from repo import git

MINUTES = sorted((ROOT / "governance/decisions").glob("*/proces-verbal.md"))


def _full_history() -> bool:
    return git(ROOT, "rev-parse", "--is-shallow-repository", check=False) == "false"


@pytest.mark.skipif(not MINUTES, reason="aucun procès-verbal déposé")
@pytest.mark.skipif(not _full_history(), reason="historique git incomplet (clone superficiel)")
@pytest.mark.parametrize("minutes", MINUTES, ids=lambda p: p.parent.name)
def test_committed_minutes_match_a_recount(minutes: Path) -> None:
    folder = minutes.parent.relative_to(ROOT).as_posix()
    done = recount(ROOT, folder)
    assert done.result.final, "un procès-verbal n'est déposé qu'après le scellé"
    origin = done.provenance()
    assert minutes.read_text(encoding="utf-8") == render_markdown(done.result, origin)
