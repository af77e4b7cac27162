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
    # --- BQ45x-BQ49x: cutting a release (bouquet release) ----------------------------------
    Code("BQ451", E, "Publication hors de la branche principale",
         "Passez sur la branche principale : « git switch main », puis relancez."),
    Code("BQ452", E, "Copie de travail non propre",
         "Committez ou mettez de côté vos modifications (« git stash -u »), puis relancez."),
    Code("BQ453", E, "Contenu invalide",
         "Lancez « bouquet validate » et corrigez toutes les erreurs signalées."),
    Code("BQ454", E, "Constat bloquant du calcul de version",
         "Lancez « bouquet version » et traitez chaque changement marqué bloquant."),
    Code("BQ455", E, "Étiquette de version déjà existante",
         "Cette version est déjà publiée : vérifiez « git tag --list 'v*' »."),
    Code("BQ456", E, "Aucune décision d'approbation adoptée et scellée",
         "Ouvrez la décision (« bouquet vote new »), recueillez les bulletins, scellez-la "
         "(« bouquet vote close ») et vérifiez le dépouillement (« bouquet vote tally »)."),
    Code("BQ457", E, "Rien à publier",
         "Aucun changement du bouquet publié depuis la dernière version : pas de publication."),
    Code("BQ458", E, "Manifeste différent du contenu publié",
         "Le manifeste releases/vX.Y.Z.json ne correspond pas au contenu étiqueté : "
         "ne modifiez jamais un manifeste à la main."),
    Code("BQ459", E, "Dépôt git inutilisable pour une publication",
         "Lancez la commande à la racine d'un clone du Bouquet, avec au moins un commit."),
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
