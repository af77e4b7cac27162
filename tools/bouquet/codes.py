"""The single table of diagnostic codes. ``docs/erreurs.md`` is generated from it.

Ranges: BQ0xx reading and YAML; BQ1xx schema of a module; BQ2xx rules across fields and
files of the catalogue; BQ3xx governance; BQ4xx version and release.
"""

from __future__ import annotations

from bouquet.diagnostics import Code, Diagnostic, Severity

E = Severity.ERROR
W = Severity.WARNING

_TABLE: tuple[Code, ...] = (
    # --- BQ0xx: reading files and YAML ---------------------------------------------------
    Code("BQ001", E, "Fichier illisible", "Vérifiez que le fichier existe et qu'il est lisible."),
    Code("BQ002", E, "YAML invalide", "Corrigez la syntaxe YAML à l'endroit indiqué."),
    # --- BQ1xx: schema of a module ---------------------------------------------------------
    Code("BQ101", E, "Champ obligatoire absent", "Ajoutez le champ manquant."),
    Code("BQ102", E, "Valeur non conforme au schéma", "Corrigez la valeur selon le schéma."),
    # --- BQ2xx: rules across fields and files ----------------------------------------------
    Code("BQ201", E, "Valeur hors vocabulaire", "Choisissez une valeur de schema/vocabulaires/."),
    # --- BQ3xx: governance -----------------------------------------------------------------
    # --- BQ4xx: version and release --------------------------------------------------------
)

CODES: dict[str, Code] = {c.code: c for c in _TABLE}


def diag(
    code: str,
    path: str,
    line: int,
    column: int,
    message: str,
    *,
    hint: str | None = None,
    json_path: str = "$",
) -> Diagnostic:
    """Build a diagnostic for a code of the table; its severity comes from the table."""
    entry = CODES[code]
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=code,
        severity=entry.severity,
        message=message,
        hint=hint if hint is not None else entry.hint,
        json_path=json_path,
    )
