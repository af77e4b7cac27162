"""The single table of diagnostic codes. ``docs/erreurs.md`` is generated from it.

Ranges: BQ0xx reading and YAML; BQ1xx schema of a module; BQ2xx rules across fields and
files of the catalogue; BQ3xx governance; BQ4xx version and release; BQ5xx deployment records.
"""

from __future__ import annotations

from bouquet.diagnostics.printable import visible
from bouquet.diagnostics.record import Code, Diagnostic, Severity

E = Severity.ERROR
W = Severity.WARNING

_TABLE: tuple[Code, ...] = (
    # --- BQ0xx: reading files and YAML ---------------------------------------------------
    Code("BQ001", E, "Fichier illisible", "Vérifiez que le fichier existe et qu'il est lisible."),
    Code("BQ002", E, "YAML invalide", "Corrigez la syntaxe YAML à l'endroit indiqué."),
    Code("BQ003", E, "Fichier trop volumineux",
         "Un fichier de contenu pèse 1 Mio au plus : placez les gros documents dans "
         "« ressources/ » ou en ligne."),
    Code("BQ004", E, "Fichier binaire (octet nul)",
         "Enregistrez le fichier comme texte brut UTF-8 (pas de traitement de texte)."),
    Code("BQ005", E, "Encodage non UTF-8",
         "Enregistrez le fichier en UTF-8 (dans l'éditeur : « Enregistrer avec l'encodage » "
         "→ UTF-8)."),
    Code("BQ006", E, "Marque d'ordre des octets (BOM)",
         "Enregistrez le fichier en « UTF-8 » et non « UTF-8 avec BOM »."),
    Code("BQ007", E, "Fichier vide", "Remplissez le fichier ou supprimez-le."),
    Code("BQ008", E, "Plusieurs documents YAML",
         "Un fichier ne contient qu'un document : retirez les lignes « --- » en trop et "
         "déplacez le reste dans un autre fichier."),
    Code("BQ009", E, "Le document n'est pas un ensemble de champs",
         "Le fichier doit être une suite de lignes « champ: valeur » au premier niveau."),
    Code("BQ010", E, "Clé en double",
         "Gardez une seule fois ce champ : fusionnez les deux valeurs ou supprimez l'une d'elles."),
    Code("BQ011", E, "Ancre ou alias YAML",
         "Écrivez la valeur en entier au lieu d'utiliser « & » et « * »."),
    Code("BQ012", E, "Étiquette YAML explicite",
         "Retirez l'étiquette (« !!… » ou « !… ») : écrivez la valeur simplement, entre "
         "guillemets si c'est un texte."),
    Code("BQ013", E, "Clé non textuelle",
         "Une clé est un simple mot suivi de « : », jamais une liste ni un ensemble."),
    Code("BQ014", E, "Imbrication trop profonde",
         "Le contenu n'a jamais besoin de tant de niveaux : vérifiez l'indentation."),
    Code("BQ015", E, "Caractère interdit",
         "Supprimez ce caractère de contrôle invisible (souvent issu d'un copier-coller)."),
    Code("BQ016", E, "Fichier hors catalogue",
         "Nommez un fichier modules/<id>/module.yaml, schema/vocabulaires/<nom>.yaml ou "
         "governance/… ; sans argument, « bouquet validate » vérifie tout le dépôt."),
    # --- BQ1xx: schema of a module ---------------------------------------------------------
    Code("BQ101", E, "Champ obligatoire absent", "Ajoutez le champ manquant."),
    Code("BQ102", E, "Valeur non conforme au schéma", "Corrigez la valeur selon le schéma."),
    Code("BQ103", E, "Champ inconnu",
         "Vérifiez l'orthographe du champ (voir schema/module.schema.json) ou supprimez-le."),
    Code("BQ104", E, "Type de valeur incorrect",
         "Écrivez une valeur du type attendu (texte, nombre, liste, date…)."),
    Code("BQ105", E, "Format incorrect",
         "Respectez le format attendu (par exemple minuscules, chiffres et tirets)."),
    Code("BQ106", E, "Valeur hors limites", "Écrivez une valeur dans les limites indiquées."),
    Code("BQ107", E, "Liste vide ou trop courte", "Ajoutez au moins un élément à la liste."),
    Code("BQ108", E, "Date invalide",
         "Écrivez une date réelle au format AAAA-MM-JJ, par exemple 2026-11-15."),
    Code("BQ109", E, "Valeur non autorisée", "Choisissez l'une des valeurs proposées."),
    Code("BQ110", E, "Ressource mal décrite",
         "Donnez à chaque ressource soit « url », soit « chemin », pas les deux."),
    # --- BQ2xx: rules across fields and files ----------------------------------------------
    Code("BQ201", E, "Valeur hors vocabulaire", "Choisissez une valeur de schema/vocabulaires/."),
    Code("BQ202", E, "Identifiant différent du dossier",
         "L'« id » du module doit être exactement le nom de son dossier sous modules/."),
    Code("BQ203", E, "Nom de dossier ou identifiant interdit",
         "Utilisez un identifiant en minuscules ASCII, chiffres et tirets (ex. "
         "« diagnostic-territorial »), sans « .. », ni nom réservé."),
    Code("BQ204", E, "Identifiant de tiroir en double",
         "Donnez à chaque tiroir d'un module un « id » différent."),
    Code("BQ205", E, "Fourchette inversée",
         "Le minimum doit être inférieur ou égal au maximum : inversez les deux valeurs."),
    Code("BQ206", E, "Module déprécié sans remplaçant",
         "Ajoutez « remplace_par: <id d'un module existant> »."),
    Code("BQ207", E, "Module remplaçant introuvable",
         "« remplace_par » doit nommer l'id d'un module existant sous modules/."),
    Code("BQ208", E, "Module remplaçant déprécié ou identique",
         "Choisissez comme remplaçant un autre module, non déprécié."),
    Code("BQ209", W, "Remplaçant d'un module non déprécié",
         "Retirez « remplace_par » ou passez le statut à « deprecie »."),
    Code("BQ210", E, "Chemin de ressource interdit",
         "Écrivez un chemin relatif au dossier du module, avec des « / », sans « .. » "
         "(ex. « ressources/trame.odt »)."),
    Code("BQ211", E, "Ressource introuvable",
         "Ajoutez le fichier dans le dossier du module ou corrigez le chemin."),
    Code("BQ212", E, "Lien symbolique hors du module",
         "Remplacez le lien symbolique par le fichier lui-même, dans le dossier du module."),
    Code("BQ213", E, "Adresse web invalide",
         "Écrivez une adresse complète commençant par https:// (ex. https://exemple.fr/page)."),
    Code("BQ214", E, "Résumé trop long",
         "Raccourcissez le résumé à 280 caractères ; les détails vont dans « description »."),
    Code("BQ215", E, "Date de révision dans le futur",
         "Indiquez la date de la dernière révision réelle, au plus tard aujourd'hui."),
    Code("BQ216", W, "Module non révisé depuis 18 mois",
         "Relisez le module et mettez à jour « date_revision »."),
    Code("BQ217", E, "Dossier de module sans module.yaml",
         "Ajoutez module.yaml (voir « bouquet new module ») ou supprimez le dossier."),
    Code("BQ218", E, "Fichier inattendu dans modules/",
         "Sous modules/ ne se trouvent que des dossiers <id>/ : déplacez ce fichier."),
    Code("BQ219", E, "Valeur de vocabulaire en double",
         "Chaque « id » de valeur n'apparaît qu'une fois dans un vocabulaire."),
    Code("BQ220", E, "Nom de vocabulaire incohérent",
         "L'« id » du vocabulaire doit être le nom de son fichier (sans « .yaml »)."),
    Code("BQ221", E, "Vocabulaire introuvable",
         "Ajoutez le fichier schema/vocabulaires/<nom>.yaml attendu par le modèle."),
    Code("BQ222", W, "Valeur répétée dans une liste", "Retirez la valeur répétée."),
    Code("BQ223", E, "Maturité visée inférieure à la maturité minimale",
         "La maturité visée (« cible ») doit être au moins égale à « min »."),
    Code("BQ224", E, "Fichier de module mal nommé",
         "Le fichier d'un module s'appelle exactement « module.yaml » (en minuscules, "
         "extension .yaml) : renommez-le avec git mv."),
    # --- BQ26x: what a module tells a buyer (dated facts, procurement, plain French) ------
    Code("BQ260", W, "Financement non vérifié depuis plus d'un an",
         "Vérifiez le financement auprès de sa source, puis mettez à jour « source » et "
         "« verifie_le » dans schema/vocabulaires/financements.yaml (délai : valeur "
         "« reverification_financements » de schema/vocabulaires/seuils.yaml)."),
    Code("BQ261", W, "Valeur de vocabulaire obsolète",
         "Remplacez-la par l'une des valeurs de son « remplace_par » dans le vocabulaire."),
    Code("BQ262", W, "Tiroir au-delà du seuil de dispense de publicité",
         "Au-delà de ce seuil, l'acheteur public doit publier et mettre en concurrence : "
         "dites-le dans la description du tiroir, ou découpez l'offre en tiroirs réellement "
         "distincts, sans fractionnement artificiel (voir docs/achat-public.md)."),
    Code("BQ263", W, "Phrase trop longue",
         "Coupez la phrase en deux ou trois phrases courtes : un sujet, un verbe, une idée."),
    Code("BQ264", W, "Sigle non expliqué",
         "Écrivez le nom en toutes lettres à la première apparition, suivi du sigle entre "
         "parenthèses, ou ajoutez le sigle à schema/vocabulaires/sigles.yaml."),
    Code("BQ265", W, "Prix de l'« en bref » incohérent avec les tiroirs",
         "Recopiez dans « en_bref.prix » le plus petit et le plus grand prix HT des tiroirs ; le "
         "TTC vaut le HT plus la TVA (20 %), ou le HT si la prestation en est exonérée."),
    Code("BQ266", E, "Texte du squelette dans un module publié",
         "Remplacez chaque texte « À compléter » et le mainteneur « @a-completer » par le "
         "vrai contenu avant de quitter le statut « brouillon »."),
    Code("BQ267", W, "Texte du squelette dans un brouillon",
         "Remplacez ce texte « À compléter » par le vrai contenu : ce sera une erreur dès que "
         "le module quittera le statut « brouillon »."),
    # --- BQ27x: correspondences with the national standards, gateways ---------------------
    Code("BQ270", E, "Correspondance hors de standard-mediation-num",
         "Recopiez à l'identique (accents, casse, parenthèses) une valeur du standard épinglé "
         "dans schema/references/."),
    Code("BQ271", E, "Correspondance hors du référentiel data·inclusion",
         "Choisissez une valeur du référentiel data·inclusion v1 épinglé dans "
         "schema/references/ ; l'ancien référentiel v0 est retiré."),
    Code("BQ272", E, "Passerelle invalide",
         "Corrigez le fichier de passerelle selon docs/interoperabilite.md."),
    Code("BQ273", E, "Cible de passerelle hors du standard",
         "Écrivez un champ ou une valeur du standard-mediation-num épinglé, à l'identique."),
    # --- BQ3xx: governance -----------------------------------------------------------------
    Code("BQ301", E, "Fichier de gouvernance invalide",
         "Corrigez le fichier selon schema/governance/ (voir docs/gouvernance.md)."),
    Code("BQ302", E, "Identifiant de membre en double",
         "Chaque membre a un identifiant unique ; la casse ne compte pas."),
    Code("BQ303", E, "Membre inconnu dans une instance",
         "Ajoutez le membre à governance/membres.yaml ou retirez-le de l'instance."),
    Code("BQ304", E, "Pondérations des collèges différentes de 100 %",
         "Répartissez les pondérations pour qu'elles totalisent exactement 100."),
    Code("BQ305", E, "Collège hors de 10 à 50 %",
         "Chaque collège doit peser au moins 10 % et au plus 50 % des voix."),
    Code("BQ306", E, "Collège sans pondération",
         "Donnez une pondération au collège de ce membre dans « colleges »."),
    Code("BQ307", E, "Décision pour une instance inconnue",
         "Indiquez l'identifiant d'un fichier de governance/instances/."),
    Code("BQ308", E, "Identifiant différent du nom du fichier ou du dossier",
         "Donnez à « id » le nom du fichier (instance) ou du dossier (décision)."),
    Code("BQ309", E, "Bulletin ou procuration d'un non-membre",
         "Seuls les membres de l'instance votent ou reçoivent une procuration."),
    Code("BQ310", E, "Bulletin ou procuration mal formé",
         "Un bulletin contient « choix: pour » (ou « mentions: »), une procuration "
         "« mandataire: <membre> »."),
    Code("BQ311", E, "Choix inconnu",
         "Majorité : pour, contre, abstention, blanc ; consentement : consentement, objection."),
    Code("BQ312", E, "Mention ou option hors de la décision",
         "Notez chaque option de la décision avec une mention de son échelle."),
    Code("BQ313", E, "Procuration à soi-même", "Désignez un autre membre comme mandataire."),
    Code("BQ314", E, "Procurations en boucle",
         "Un membre qui a donné procuration ne peut pas en recevoir : rompez la boucle."),
    Code("BQ315", E, "Bulletin ajouté après la clôture",
         "Une décision close est scellée : retirez ce fichier ou ce changement."),
    Code("BQ316", W, "Signature absente",
         "Signez avec « bouquet vote sign FICHIER --key ~/.ssh/id_ed25519 »."),
    Code("BQ317", E, "Voix prépondérante hors de l'instance",
         "Désignez un membre de l'instance, ou null."),
    Code("BQ318", E, "Noms de fichiers qui ne diffèrent que par la casse",
         "Gardez un seul fichier par membre, nommé en minuscules (<membre>.yaml) : supprimez "
         "la variante (majuscules, accents composés autrement)."),
    Code("BQ319", E, "Procès-verbal contredit par le recomptage",
         "Le procès-verbal déposé ne correspond plus à l'historique : comprenez pourquoi "
         "(scellé réécrit ?), puis régénérez-le avec « bouquet vote tally <id> --ecrire »."),
    Code("BQ320", E, "Décision rouverte après son scellé",
         "Un vote scellé ne se rouvre pas : remettez « statut: close » et ouvrez une nouvelle "
         "décision (bouquet vote new) pour voter à nouveau."),
    Code("BQ331", E, "Signature refusée",
         "Signez de nouveau avec « bouquet vote sign FICHIER --key … », avec la clé déclarée "
         "pour vous dans governance/membres.yaml au commit d'ouverture du vote, et ne modifiez "
         "plus le fichier ensuite ; « bouquet vote verify FICHIER » dit pourquoi."),
    Code("BQ332", E, "Clé SSH illisible",
         "Copiez la ligne entière de votre fichier de clé publique (.pub), sans la couper : "
         "« ssh-ed25519 AAAA… commentaire »."),
    Code("BQ330", E, "Quorum inaccessible faute de clés SSH",
         "Ajoutez à governance/membres.yaml les clés SSH (« cles_ssh ») des membres qui n'en "
         "ont pas, validez-les (git commit), puis ouvrez le vote ; ou bien mettez "
         "« signature: false » dans les règles de l'instance."),
    # --- BQ4xx: version and release --------------------------------------------------------
    # --- BQ45x-BQ49x: cutting a release (bouquet release) ----------------------------------
    Code("BQ451", E, "Publication hors de la branche principale",
         "Passez sur la branche principale : « git switch main », puis relancez."),
    Code("BQ452", E, "Copie de travail non propre",
         "Committez ou mettez de côté vos modifications (« git stash -u »), puis relancez."),
    Code("BQ453", E, "Contenu invalide",
         "Lancez « bouquet validate » et corrigez toutes les erreurs signalées."),
    Code("BQ454", E, "Constat bloquant du calcul de version",
         "Lancez « bouquet version » et traitez chaque changement marqué bloquant."),
    Code("BQ455", E, "Étiquette de version déjà existante",
         "Cette version est déjà publiée : vérifiez « git tag --list 'v*' »."),
    Code("BQ456", E, "Aucune décision d'approbation adoptée et scellée",
         "Ouvrez la décision (« bouquet vote new »), recueillez les bulletins, scellez-la "
         "(« bouquet vote close ») et vérifiez le dépouillement (« bouquet vote tally »)."),
    Code("BQ457", E, "Rien à publier",
         "Aucun changement du bouquet publié depuis la dernière version : pas de publication."),
    Code("BQ458", E, "Manifeste différent du contenu publié",
         "Le manifeste releases/vX.Y.Z.json ne correspond pas au contenu étiqueté : "
         "ne modifiez jamais un manifeste à la main."),
    Code("BQ459", E, "Dépôt git inutilisable pour une publication",
         "Lancez la commande à la racine d'un clone du Bouquet, avec au moins un commit."),
    # --- BQ5xx: deployment records (deploiements/<hub>/<id>.yaml) ---------------------------
    Code("BQ501", E, "Fichier de déploiement mal placé",
         "Rangez chaque déploiement dans deploiements/<hub>/<id>.yaml (un fichier YAML par "
         "déploiement, dans le dossier de son hub)."),
    Code("BQ502", E, "Identifiant ou hub différent du chemin",
         "« id » est le nom du fichier sans « .yaml » et « hub » le nom de son dossier."),
    Code("BQ503", E, "Hub inconnu",
         "Indiquez l'identifiant d'un membre de governance/membres.yaml."),
    Code("BQ504", E, "Version du catalogue introuvable",
         "Indiquez la version X.Y.Z d'une publication du Bouquet (étiquette vX.Y.Z, voir "
         "« git tag --list 'v*' »)."),
    Code("BQ505", E, "Module absent ou non publié dans cette version",
         "Choisissez un module publié (non brouillon) dans la version indiquée, ou la version "
         "dont l'offre est réellement issue."),
    Code("BQ506", E, "Tiroir absent du module dans cette version",
         "Choisissez l'« id » d'un tiroir du module à cette version."),
    Code("BQ507", E, "SIREN invalide",
         "Recopiez les 9 chiffres du SIREN depuis l'annuaire des entreprises "
         "(annuaire-entreprises.data.gouv.fr) : la clé de contrôle ne correspond pas."),
    Code("BQ508", E, "SIREN manquant pour un organisme public",
         "Ajoutez « siren: » (9 chiffres) : il identifie la collectivité dans les indicateurs."),
    Code("BQ509", E, "Code géographique inconnu",
         "Écrivez un code du Code officiel géographique (schema/references/) : code Insee pour "
         "une commune, SIREN pour un EPCI, numéro du département ou de la région."),
    Code("BQ510", E, "Dates dans le désordre",
         "Les dates se suivent : signature ≤ début ≤ fin."),
    Code("BQ511", E, "Date de fin manquante",
         "Un déploiement terminé a une date de fin : ajoutez « fin: AAAA-MM-JJ » sous « dates »."),
    Code("BQ512", E, "Financements différents du montant",
         "La somme des « montant_eur » des financements égale « montant_ht_eur » : corrigez "
         "l'un ou l'autre."),
    Code("BQ513", E, "Réalisation hors de la période du déploiement",
         "Le semestre d'une réalisation chevauche les dates de début et de fin du déploiement."),
    Code("BQ514", E, "Indicateur inconnu du module",
         "Choisissez l'« id » d'un indicateur du module à la version indiquée."),
    Code("BQ515", E, "Réalisation mal renseignée",
         "Un indicateur en % prend « numerateur » et « denominateur » (0 ≤ numérateur ≤ "
         "dénominateur), jamais un pourcentage ; les autres prennent « valeur »."),
    Code("BQ516", E, "Donnée personnelle",
         "Ne nommez que des organisations : retirez adresses électroniques, numéros de "
         "téléphone et noms de personnes."),
    Code("BQ517", W, "Montant hors de la fourchette du tiroir",
         "Vérifiez le montant ; s'il est juste, signalez-le aux mainteneurs du module pour "
         "revoir la fourchette de prix."),
    Code("BQ518", E, "Référence introuvable pour vérifier le déploiement",
         "Le dépôt doit contenir governance/membres.yaml et schema/references/cog-2026.csv."),
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
        path=visible(path, name=True),
        line=line,
        column=column,
        code=code,
        severity=entry.severity,
        message=visible(message),
        hint=hint if hint is not None else entry.hint,
        json_path=json_path,
    )
