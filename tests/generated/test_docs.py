from __future__ import annotations

from bouquet.generated.rules_page import DOC_PATH, render
from bouquet.versioning.rules import RULES
from repo import REPO as ROOT


def test_versionnage_doc_is_generated_from_the_rules() -> None:
    committed = (ROOT / DOC_PATH).read_text(encoding="utf-8")
    assert committed == render(), "régénérez docs/versionnage.md (bouquet docs)"
    for rule in RULES:
        assert f"`{rule.id}`" in committed
