"""Ownership from the data: ``.github/CODEOWNERS`` rendered from each module's ``mainteneurs``.

Pure: takes the maintainers by module id and returns the file's text. The default owner of
everything that is not a module (tooling, schema, governance, documentation) is the constant
``DEFAULT_OWNER``; GitHub applies the last matching line, so module lines come after it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

CODEOWNERS_PATH = ".github/CODEOWNERS"
DEFAULT_OWNER = "@le-bouquet/mainteneurs"

HEADER = (
    "# Fichier généré par `bouquet codeowners` à partir du champ `mainteneurs` des modules.\n"
    "# Ne le modifiez pas à la main : modifiez modules/<id>/module.yaml, puis lancez\n"
    "# `bouquet codeowners` et validez le résultat (git commit). La CI vérifie qu'il est à jour\n"
    "# (`bouquet codeowners --check`).\n"
    "#\n"
    "# Propriétaire par défaut (outillage, schéma, gouvernance, documentation) :\n"
)


def _unique(owners: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for owner in owners:
        seen.setdefault(owner, None)
    return list(seen)


def render_codeowners(
    maintainers: Mapping[str, Iterable[str]], *, default_owner: str = DEFAULT_OWNER
) -> str:
    """The CODEOWNERS text: a header, the default owner, then one line per module, by id."""
    lines = [HEADER, f"* {default_owner}\n"]
    if maintainers:
        lines.append("\n# Modules (un dossier par module, ses mainteneurs)\n")
    for module_id in sorted(maintainers):
        owners = _unique(maintainers[module_id]) or [default_owner]
        lines.append(f"/modules/{module_id}/ {' '.join(owners)}\n")
    return "".join(lines)


def describe_drift(committed: str | None, expected: str) -> str:
    """A unified diff from the committed file to the expected one (empty when equal)."""
    before = [] if committed is None else committed.splitlines(keepends=True)
    diff = difflib.unified_diff(
        before, expected.splitlines(keepends=True),
        fromfile=f"{CODEOWNERS_PATH} (actuel)", tofile=f"{CODEOWNERS_PATH} (attendu)",
    )
    return "".join(diff)
