"""French ``description`` of every property of the published schemas that the models leave
without one, so that editor completion explains each field. Keys: ``<$defs name or "">.<key>``.
"""

from __future__ import annotations

from typing import Any

from bouquet.fr import typography

Json = dict[str, Any]

_MODULE = {
    ".titre": "Nom du module tel qu'un élu le lit, 160 caractères au plus.",
    ".description": "Contexte, objectifs, déroulé et résultats attendus, en Markdown.",
    ".maturite": "Niveau de maturité numérique que le territoire doit avoir (min) et celui "
                 "que le module vise (cible).",
    ".tiroirs": "Les variantes du module, de la plus simple à la plus complète : chacune a "
                "sa durée, son prix et ses livrables.",
    ".prerequis": "Ce que le commanditaire prépare avant le démarrage.",
    ".ressources": "Documents utiles : une adresse web ou un fichier du dossier du module.",
    ".indicateurs": "Ce que l'on mesure pour suivre les effets du module.",
    ".correspondances": "Liens avec le standard national de la médiation numérique et les "
                        "besoins exprimés.",
    ".contributeurs": "Structures qui ont écrit ou amélioré le module.",
    ".date_revision": "Date de la dernière relecture complète, au format AAAA-MM-JJ.",
    "DayRange.min": "Nombre de jours de travail du hub, au moins.",
    "DayRange.max": "Nombre de jours de travail du hub, au plus.",
    "IntRange.min": "Prix le plus bas, en euros hors taxes.",
    "IntRange.max": "Prix le plus haut, en euros hors taxes.",
    "EnBref.pour_qui": "Qui achète ce module, en une phrase courte.",
    "EnBref.pour_quoi": "Ce que le territoire y gagne, en une phrase courte.",
    "EnBref.duree": "Combien de jours de travail du hub, préparation comprise.",
    "EnBref.financeurs": "Qui peut financer, d'après schema/vocabulaires/financements.yaml.",
    "EnBref.financeurs_verifies_le": "Date à laquelle les financeurs ont été vérifiés "
                                     "(AAAA-MM-JJ).",
    "EnBref.a_preparer": "Ce que la commune prépare avant le démarrage.",
    "PrixEnBref.ht_eur": "Du plus petit au plus grand prix hors taxes des tiroirs.",
    "PrixEnBref.tva": "Taux de TVA appliqué, ou la mention de l'exonération.",
    "Indicateur.id": "Identifiant court de l'indicateur : minuscules, chiffres et « _ ».",
    "Indicateur.libelle": "Ce que l'indicateur mesure, en clair.",
    "Indicateur.unite": "Unité de la mesure (structures, personnes, %…).",
    "Indicateur.methode": "Comment la valeur est calculée.",
    "Indicateur.source": "D'où viennent les données.",
    "Indicateur.frequence": "À quel rythme la valeur est mesurée.",
    "Ressource.titre": "Nom du document tel qu'il apparaît sur le site.",
    "Ressource.url": "Adresse complète commençant par https:// ; sans « chemin ».",
    "Ressource.chemin": "Chemin du fichier dans le dossier du module (ex. "
                        "ressources/trame.odt) ; sans « url ».",
    "Tiroir.titre": "Nom de la variante, en quelques mots.",
    "Tiroir.description": "Ce que comprend la variante, en Markdown.",
    "Tiroir.livrables": "Ce que le commanditaire reçoit à la fin.",
}
_ONE_LOCATION = {"url": "Adresse web de la ressource.",
                 "chemin": "Fichier de la ressource dans le dossier du module."}
_OTHER_ABSENT = "Absent ou vide (null) : la ressource a l'autre emplacement."

_GOVERNANCE = {
    ".id": "Identifiant : le nom du fichier (instance) ou du dossier (décision), sans "
           "« .yaml ».",
    ".nom": "Nom de l'instance tel qu'il apparaît dans les procès-verbaux.",
    ".periodicite": "À quel rythme l'instance se réunit.",
    ".membres": "Identifiants des membres (governance/membres.yaml).",
    ".regles": "Quorum, majorité, procurations et signatures de l'instance.",
    ".provisoire": "true tant que la composition ou les pondérations ne sont pas arrêtées.",
    ".instance": "Identifiant de l'instance qui décide (governance/instances/).",
    ".objet": "Ce qui est décidé, en une phrase.",
    ".methode": "majorite, consentement ou jugement-majoritaire.",
    ".majorite": "Seuil propre à cette décision, qui remplace celui de l'instance "
                 "(ex. « > 2/3 »).",
    ".options": "Options soumises au jugement majoritaire (au moins deux).",
    ".mentions": "Mentions du jugement majoritaire, de la meilleure à la pire.",
    ".publication": "Version du Bouquet approuvée par la décision (ex. v1.2.0).",
    ".statut": "ouverte pendant le vote, close une fois le scrutin arrêté.",
    ".choix": "Le vote : pour, contre, abstention ou objection selon la méthode.",
    ".motif": "Pourquoi vous objectez (obligatoire avec une objection).",
    "bulletin:.mentions": "Pour chaque option, la mention que vous lui donnez (jugement "
                          "majoritaire).",
    "Regles.quorum": "Part des membres qui doit voter (ex. « >= 1/2 »).",
    "Regles.majorite": "Part des suffrages exprimés qu'il faut (ex. « > 1/2 »).",
    "Regles.procurations_max": "Nombre de procurations qu'un membre peut recevoir, en "
                               "chiffres.",
    "Regles.agregation": "Comment les voix des collèges se combinent.",
    "Regles.college_sans_suffrage": "Que faire du poids d'un collège dont personne n'a voté.",
    "Regles.voix_preponderante": "Membre dont la voix départage une égalité.",
    "Regles.signature": "true : chaque bulletin doit être signé (bouquet vote sign).",
    "Membre.nom": "Nom de l'organisation membre.",
    "Membre.college": "Collège de l'organisation (hubs, collectivités, financeurs…).",
    "Membre.provisoire": "true tant que le rattachement au collège n'est pas confirmé.",
}


def describe(body: Json, governance: str | None = None) -> None:
    """Give each property without a description its French one (in place); ``governance``:
    the name of a governance file's schema (``bulletin``…)."""
    table = _GOVERNANCE if governance else _MODULE
    own = {k.split(":", 1)[1]: v for k, v in table.items()
           if governance and k.startswith(f"{governance}:")}
    table = {**table, **own}
    _describe_properties(body, "", table)
    for name, definition in body.get("$defs", {}).items():
        _describe_properties(definition, name, table)
        for branch in definition.get("oneOf", []):
            required = set(branch.get("required", []))
            for key, prop in branch.get("properties", {}).items():
                prop.setdefault("description", typography(
                    _ONE_LOCATION.get(key, "") if key in required else _OTHER_ABSENT))


def _describe_properties(definition: Json, name: str, table: dict[str, str]) -> None:
    for key, prop in definition.get("properties", {}).items():
        if isinstance(prop, dict) and not prop.get("description"):
            text = table.get(f"{name}.{key}") or _from_items(prop)
            if text:
                prop["description"] = typography(text)


def _from_items(prop: Json) -> str:
    """A list of records: the description of its records."""
    items = prop.get("items", {})
    return str(items.get("description", "")) if isinstance(items, dict) else ""
