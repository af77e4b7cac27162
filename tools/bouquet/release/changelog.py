"""``CHANGELOG.md`` in Keep a Changelog form with French headings (pure).

The newest release comes first, right after the preamble: ``## [1.3.0] - 2026-11-29``, then
its name, its approving decision, module versions and credits, and one ``### Ajouté`` …
section per kind of change, one list item per change.
"""

from __future__ import annotations

from bouquet.versioning.notes import Notes, render_changelog

CHANGELOG_PATH = "CHANGELOG.md"

PREAMBLE = (
    "# Journal des modifications\n"
    "\n"
    "Toutes les évolutions notables du Bouquet sont consignées dans ce fichier, la plus\n"
    "récente en premier. Le format s'inspire de\n"
    "[Keep a Changelog](https://keepachangelog.com/fr/1.1.0/), avec des rubriques en français\n"
    "(Ajouté, Modifié, Obsolète, Supprimé, Corrigé, Sécurité). Le Bouquet suit le\n"
    "[versionnage sémantique](https://semver.org/lang/fr/)\u202f: chaque version est calculée\n"
    "à partir du contenu par `bouquet version`, et chaque section est écrite par\n"
    "`bouquet release`, qui écrit aussi le manifeste `releases/vX.Y.Z.json`.\n"
)


def _fence(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith("```") or stripped.startswith("~~~")


def _heading_level(line: str) -> int:
    hashes = len(line) - len(line.lstrip("#"))
    if 0 < hashes <= 6 and (len(line) == hashes or line[hashes] in " \t\n"):
        return hashes
    return 0


def section(version: str, date_iso: str, notes: Notes) -> str:
    """The changelog section of one release: ``## [x.y.z] - AAAA-MM-JJ`` (nothing after the
    date, as Keep a Changelog parsers expect), then the notes in changelog form."""
    return f"## [{version}] - {date_iso}\n\n{render_changelog(notes)}"


def prepend(existing: str | None, new_section: str) -> str:
    """The changelog with ``new_section`` first; created with the French preamble if absent."""
    if existing is None or not existing.strip():
        return f"{PREAMBLE}\n{new_section}"
    lines = existing.splitlines(keepends=True)
    in_code = False
    for index, line in enumerate(lines):
        if _fence(line):
            in_code = not in_code
        if not in_code and _heading_level(line) == 2:
            return "".join(lines[:index]) + new_section + "\n" + "".join(lines[index:])
    head = existing if existing.endswith("\n") else existing + "\n"
    return f"{head}\n{new_section}"
