"""The declarative catalogue of versioning rules (``docs/versionnage.md`` is generated here).

Each rule has a stable id, the bump it requires, the kind of change it is for the release
notes, and a French message template. Templates may use ``{subject}``, ``{before}``,
``{after}`` and ``{field}``; they describe the change inside its module, whose title is the
heading of the notes. The policy follows oasdiff's direction: narrowing what readers rely on
(removing a module, a tiroir, an audience, a vocabulary value, a field) is major; adding is
minor; rewording is a patch; pure formatting and drafts change nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Bump(enum.IntEnum):
    """The required increment, ordered: NONE < PATCH < MINOR < MAJOR."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def french(self) -> str:
        return {0: "aucune", 1: "corrective", 2: "mineure", 3: "majeure"}[self.value]


class Kind(enum.StrEnum):
    """Kinds of change, in the order of the sections of the notes."""

    AJOUTE = "ajoute"
    MODIFIE = "modifie"
    OBSOLETE = "obsolete"
    SUPPRIME = "supprime"
    CORRIGE = "corrige"
    SECURITE = "securite"

    @property
    def heading(self) -> str:
        return {
            "ajoute": "Ajouté", "modifie": "Modifié", "obsolete": "Obsolète",
            "supprime": "Supprimé", "corrige": "Corrigé", "securite": "Sécurité",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    bump: Bump
    kind: Kind
    title: str  # French, for the docs table
    template: str  # French message
    blocking: bool = False


_MAJOR, _MINOR, _PATCH, _NONE = Bump.MAJOR, Bump.MINOR, Bump.PATCH, Bump.NONE
A, M, OB, S, C, X = (Kind.AJOUTE, Kind.MODIFIE, Kind.OBSOLETE, Kind.SUPPRIME, Kind.CORRIGE,
                     Kind.SECURITE)

RULES: tuple[Rule, ...] = (
    # --- modules -------------------------------------------------------------------------
    Rule("module-publie", _MINOR, A, "Module publié",
         "Nouveau module publié (statut {after})."),
    Rule("module-promu", _MINOR, A, "Module sorti du brouillon",
         "Module sorti du brouillon et publié (statut {after})."),
    Rule("module-deprecie", _MINOR, OB, "Module déprécié",
         "Module déprécié ({after})."),
    Rule("module-statut-modifie", _MINOR, M, "Statut modifié",
         "Statut : {before} → {after}."),
    Rule("module-supprime", _MAJOR, S, "Module retiré après dépréciation",
         "Module retiré du bouquet (il était déprécié)."),
    Rule("module-supprime-sans-depreciation", _MAJOR, S, "Module retiré sans dépréciation",
         "Module retiré du bouquet sans avoir été déprécié dans une version précédente : "
         "dépréciez-le d'abord (statut « deprecie » et « remplace_par »).", blocking=True),
    Rule("brouillon-ajoute", _NONE, M, "Brouillon ajouté",
         "Brouillon ajouté : hors du bouquet publié, sans effet sur la version."),
    Rule("brouillon-modifie", _NONE, M, "Brouillon modifié",
         "Brouillon modifié : hors du bouquet publié, sans effet sur la version."),
    Rule("mise-en-forme", _NONE, M, "Mise en forme seule",
         "Mise en forme seulement (ordre des clés, guillemets, commentaires, retours à la "
         "ligne) : aucun changement de sens."),
    Rule("metadonnees-modifiees", _NONE, M, "Métadonnées de suivi",
         "{field} : {before} → {after}."),
    Rule("licence-modifiee", _MAJOR, M, "Licence modifiée",
         "Licence : {before} → {after}."),
    Rule("titre-modifie", _PATCH, C, "Titre reformulé",
         "Titre : {before} → {after}."),
    Rule("texte-modifie", _PATCH, C, "Texte éditorial révisé",
         "{field} : texte révisé."),
    Rule("ressources-modifiees", _PATCH, C, "Ressources mises à jour",
         "Ressources : {before} → {after}."),
    Rule("ressource-fichier-modifie", _PATCH, C, "Fichier de ressource mis à jour",
         "Fichier de ressource {subject} mis à jour."),
    Rule("lien-securise", _PATCH, X, "Lien passé en https",
         "Ressource {subject} : lien désormais chiffré ({after})."),
    Rule("famille-modifiee", _MINOR, M, "Famille modifiée",
         "Famille : {before} → {after}."),
    Rule("maturite-modifiee", _MINOR, M, "Maturité modifiée",
         "{field} : {before} → {after}."),
    Rule("classement-modifie", _MINOR, M, "Classement modifié",
         "{field} : {before} → {after}."),
    Rule("public-ajoute", _MINOR, A, "Public ajouté",
         "{field} : ajout de {after}."),
    Rule("public-retire", _MAJOR, S, "Public retiré",
         "{field} : retrait de {before}."),
    Rule("financement-ajoute", _MINOR, A, "Financement ajouté",
         "Financements possibles : ajout de {after}."),
    Rule("financement-retire", _MAJOR, S, "Financement retiré",
         "Financements possibles : retrait de {before}."),
    Rule("indicateurs-modifies", _MINOR, M, "Indicateurs modifiés",
         "Indicateurs : {before} → {after}."),
    # --- tiroirs -------------------------------------------------------------------------
    Rule("tiroir-ajoute", _MINOR, A, "Tiroir ajouté",
         "Nouveau tiroir {subject} : {after}."),
    Rule("tiroir-supprime", _MAJOR, S, "Tiroir retiré",
         "Tiroir {subject} retiré ({before})."),
    Rule("tiroir-prix-modifie", _MINOR, M, "Prix d'un tiroir modifié",
         "Tiroir {subject}, prix : {before} → {after}."),
    Rule("tiroir-duree-modifiee", _MINOR, M, "Durée d'un tiroir modifiée",
         "Tiroir {subject}, durée : {before} → {after}."),
    Rule("tiroir-livrables-modifies", _MINOR, M, "Livrables d'un tiroir modifiés",
         "Tiroir {subject}, livrables : {detail}."),
    Rule("tiroir-tarification-modifiee", _MINOR, M, "Tarification ou niveau d'un tiroir",
         "Tiroir {subject}, {field} : {before} → {after}."),
    Rule("tiroir-texte-modifie", _PATCH, C, "Texte d'un tiroir révisé",
         "Tiroir {subject}, {field} : texte révisé."),
    # --- vocabularies --------------------------------------------------------------------
    Rule("vocabulaire-ajoute", _MINOR, A, "Vocabulaire ajouté",
         "Nouveau vocabulaire {subject}."),
    Rule("vocabulaire-supprime", _MAJOR, S, "Vocabulaire supprimé",
         "Vocabulaire {subject} supprimé."),
    Rule("valeur-ajoutee", _MINOR, A, "Valeur de vocabulaire ajoutée",
         "Nouvelle valeur {after} ({subject})."),
    Rule("valeur-retiree", _MAJOR, S, "Valeur de vocabulaire retirée",
         "Valeur {before} retirée ({subject})."),
    Rule("valeur-libelle-modifie", _PATCH, C, "Libellé de valeur reformulé",
         "Libellé ({subject}) : {before} → {after}."),
    Rule("valeur-definition-modifiee", _PATCH, C, "Définition de valeur révisée",
         "Définition de {after} révisée ({subject})."),
    Rule("valeur-correspondances-modifiees", _MINOR, M, "Correspondances d'une valeur",
         "Correspondances de {after} avec les standards modifiées ({subject}) : {detail}."),
    Rule("valeur-obsolete", _MINOR, OB, "Valeur de vocabulaire rendue obsolète",
         "Valeur {after} obsolète ({subject}) : {detail}."),
    Rule("valeur-verification-modifiee", _PATCH, C, "Source ou vérification d'une valeur",
         "Source ou date de vérification de {after} mise à jour ({subject})."),
    Rule("vocabulaire-texte-modifie", _PATCH, C, "Présentation d'un vocabulaire révisée",
         "{field} du vocabulaire {subject} révisé."),
    # --- schema --------------------------------------------------------------------------
    Rule("schema-champ-obligatoire", _MAJOR, M, "Champ devenu obligatoire",
         "Le champ {subject} devient obligatoire."),
    Rule("schema-champ-retire", _MAJOR, S, "Champ retiré du schéma",
         "Le champ {subject} est retiré du schéma."),
    Rule("schema-valeur-retiree", _MAJOR, S, "Valeur permise retirée du schéma",
         "Le champ {subject} n'accepte plus la valeur {before}."),
    Rule("schema-champ-ajoute", _MINOR, A, "Champ facultatif ajouté au schéma",
         "Nouveau champ facultatif {subject}."),
    Rule("schema-champ-facultatif", _MINOR, M, "Champ devenu facultatif",
         "Le champ {subject} devient facultatif."),
    Rule("schema-revise", _PATCH, C, "Schéma révisé sans effet sur le contenu",
         "Schéma révisé (titres, descriptions, exemples) sans effet sur le contenu."),
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    return RULES_BY_ID[rule_id]
