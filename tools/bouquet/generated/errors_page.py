"""``docs/erreurs.md``: the French page of diagnostic codes, generated from
``bouquet.diagnostics.codes``."""

from __future__ import annotations

from bouquet.diagnostics.codes import CODES
from bouquet.diagnostics.record import Code, Severity
from bouquet.generated.module_schema import SCHEMA_BASE

RANGES: tuple[tuple[str, str, str], ...] = (
    ("BQ0", "Lecture des fichiers et YAML",
     "Le fichier ne peut pas être lu comme un document YAML sûr et simple."),
    ("BQ1", "Schéma d'un module ou d'un vocabulaire",
     "Un champ manque, est inconnu, ou sa valeur n'a pas la forme attendue."),
    ("BQ2", "Règles du catalogue",
     "Ce qu'un schéma ne peut pas vérifier : cohérence entre champs et entre fichiers."),
    ("BQ3", "Gouvernance", "Membres, instances, décisions, bulletins et procurations."),
    ("BQ4", "Version et publication", "Calcul de version, notes et publication."),
    ("BQ5", "Déploiements",
     "Fiches deploiements/<hub>/<id>.yaml : chemin, hub, version publiée, SIREN, codes "
     "géographiques, dates, montants, réalisations (voir docs/deploiements.md)."),
)
NOTES: tuple[str, ...] = (
    "## Choix de validation",
    "",
    "- Un champ inconnu (`BQ103`) est une erreur, comme dans le schéma JSON "
    "(`additionalProperties: false`) : un champ mal orthographié perdrait sa valeur. Le "
    "message propose le nom le plus proche (« financement » → « financements »).",
    "- `remplace_par` est obligatoire quand `statut: deprecie` (`BQ206`) ; sur un module non "
    "déprécié, c'est un avertissement (`BQ209`).",
    "- Limites de lecture : 1 Mio par fichier (`BQ003`), 32 niveaux d'imbrication (`BQ014`). "
    "Les ancres, alias et étiquettes YAML sont refusés : un module n'en a jamais besoin.",
    "- Avec des chemins (`bouquet validate FICHIER…`, comme pre-commit), seuls ces fichiers "
    "sont lus en entier et signalés, mais les règles entre fichiers (remplaçant existant et "
    "non déprécié, dossiers) restent vérifiées contre tout le catalogue. Un vocabulaire "
    "modifié entraîne la validation de tout le dépôt, comme la suppression d'un fichier sous "
    "`modules/` depuis le dernier commit (un module remplaçant, une ressource) ; un vocabulaire "
    "absent est signalé (`BQ221`) au lieu d'être ignoré.",
    "- Le schéma `schema/module.schema.json` a pour identifiant "
    f"`{SCHEMA_BASE}module.schema.json` ; les modules y renvoient par un "
    "chemin relatif (`# yaml-language-server: $schema=../../schema/module.schema.json`).",
    "",
)
SEVERITY = {Severity.ERROR: "erreur", Severity.WARNING: "avertissement"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(code: Code) -> str:
    return (f"| `{code.code}` | {SEVERITY[code.severity]} | {_cell(code.title)} "
            f"| {_cell(code.hint)} |")


def render() -> str:
    lines = [
        "# Codes d'erreur de l'outillage",
        "",
        "<!-- Page générée par « bouquet docs » à partir de tools/bouquet/codes.py :",
        "     ne la modifiez pas à la main. -->",
        "",
        "Chaque problème est signalé ainsi : `chemin:ligne:colonne: CODE message`, suivi d'une",
        "ligne de conseil. Une **erreur** fait échouer la validation (code de sortie 1) ; un",
        "**avertissement** la laisse passer. Les codes sont stables : un code retiré n'est",
        "jamais réattribué.",
        "",
    ]
    lines += NOTES
    for prefix, title, intro in RANGES:
        codes = [c for c in sorted(CODES.values(), key=lambda c: c.code)
                 if c.code.startswith(prefix)]
        if not codes:
            continue
        lines += [f"## {prefix}xx — {title}", "", intro, "",
                  "| Code | Gravité | Problème | Comment corriger |",
                  "|---|---|---|---|", *map(_row, codes), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
