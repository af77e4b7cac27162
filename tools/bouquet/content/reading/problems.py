"""French wording of libyaml's problems (the English text is never shown alone)."""

from __future__ import annotations

from bouquet.fr import typography

_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "un « : » est mal placé (valeur sur la même ligne qu'une "
     "autre valeur, ou texte contenant « : » à mettre entre guillemets)"),
    ("did not find expected key", "clé attendue : vérifiez l'indentation"),
    ("did not find expected '-' indicator", "élément de liste attendu : vérifiez l'indentation"),
    ("did not find expected ',' or ']'", "liste entre crochets non fermée : « ] » manquant"),
    ("did not find expected ',' or '}'", "ensemble entre accolades non fermé : « } » manquant"),
    ("did not find expected node content", "valeur attendue"),
    ("did not find expected <document start>", "début de document attendu"),
    ("found character that cannot start any token", "caractère qui ne peut pas commencer une "
     "valeur : mettez la valeur entre guillemets"),
    ("found unexpected end of stream", "fin de fichier inattendue (guillemet non fermé ?)"),
    ("found unknown escape character", "séquence d'échappement « \\ » inconnue"),
    ("found undefined tag handle", "préfixe d'étiquette inconnu"),
    ("found unexpected ':'", "« : » inattendu"),
    ("could not find expected ':'", "« : » attendu après la clé"),
    ("found a tab character", "tabulation interdite dans l'indentation : utilisez des espaces"),
    ("block sequence entries are not allowed", "élément de liste « - » mal placé"),
    ("found incompatible YAML document", "version de YAML non prise en charge"),
    ("found duplicate YAML directive", "directive %YAML en double"),
    ("found unexpected end of stream", "fin de fichier inattendue"),
    ("while scanning an alias", "alias mal formé"),
    ("while scanning an anchor", "ancre mal formée"),
    ("found unexpected document", "document inattendu"),
)


_CANNOT_START = "found character that cannot start any token"
_NAMED = {"\t": "une tabulation ne peut pas commencer une valeur : remplacez-la par des espaces",
          "@": "« @ » ne peut pas commencer une valeur : mettez la valeur entre guillemets "
               "(ex. \"@hub-exemple\")",
          "`": "« ` » ne peut pas commencer une valeur : mettez la valeur entre guillemets",
          "%": "« % » ne peut pas commencer une valeur : mettez la valeur entre guillemets"}


def french_problem(problem: str, found: str = "") -> str:
    """French explanation of a libyaml problem (``found``: the character at its place);
    unknown ones are quoted as they are."""
    if _CANNOT_START in problem and found in _NAMED:
        return typography(_NAMED[found])
    for english, french in _PROBLEMS:
        if english in problem:
            return french
    return f"« {problem} »" if problem else "structure incorrecte"
