"""Generator of ``docs/versionnage.md`` from the rule catalogue (one source of truth)."""

from __future__ import annotations

from bouquet import fr
from bouquet.versioning.rules import RULES, Bump, Kind

DOC_PATH = "docs/versionnage.md"

INTRO = """\
<!-- Fichier généré par `bouquet docs` à partir de tools/bouquet/versioning/rules.py : ne pas
modifier à la main. -->

# Versionnage du Bouquet

La version du Bouquet suit [SemVer](https://semver.org/lang/fr/) : `MAJEURE.MINEURE.CORRECTIVE`.
Elle ne dépend pas des messages de commit : `bouquet version` compare, champ par champ, le
catalogue de la dernière version publiée (l'étiquette `vX.Y.Z` la plus haute atteignable) et
celui de la révision visée. Fusion, fusion écrasée (squash) ou rebase donnent donc la même
version, et le calcul ne lit que les fichiers modifiés : son coût suit l'ampleur des
changements, pas la longueur de l'historique.

Ce que le Bouquet promet à celles et ceux qui l'utilisent (un hub qui vend un module, une
collectivité qui lit le catalogue) : la liste des modules publiés, le sens de leurs champs,
les vocabulaires et le schéma. Chaque changement déclenche une règle ci-dessous ; la version
suivante applique l'évolution la plus forte exigée :

- **majeure** : ce qu'un lecteur utilisait disparaît ou ce qu'un rédacteur doit écrire se
  durcit (module, tiroir, public, valeur de vocabulaire ou champ retiré, champ devenu
  obligatoire, licence changée) ;
- **mineure** : quelque chose s'ajoute ou change de substance (module publié, tiroir ajouté,
  prix, durée ou livrables modifiés, module déprécié) ;
- **corrective** : reformulation, correction de texte ;
- **aucune** : mise en forme seule (ordre des clés, guillemets, commentaires, retours à la
  ligne), brouillons, métadonnées de suivi.

## Cas particuliers

- **Brouillons.** Un module au statut `brouillon` est hors du bouquet publié : ses
  modifications ne font pas bouger la version. En sortir est une publication (mineure) ;
  y revenir est un retrait (majeure).
- **Identifiant.** Les modules sont comparés par `id`, pas par chemin. Changer l'`id` d'un
  module revient à en retirer un et à en publier un autre.
- **Retrait.** Retirer un module qui n'était pas déprécié dans la version précédente est
  **bloquant** : dépréciez-le d'abord (`statut: deprecie` et `remplace_par`) dans une version,
  retirez-le dans une suivante.
- **Première version.** Tant qu'aucune étiquette `vX.Y.Z` n'existe, la version actuelle est
  « aucune » et la suivante est `1.0.0`.
- **Versions candidates.** `bouquet version --pre-release rc` donne `X.Y.Z-rc.N`, N suivant
  les étiquettes `vX.Y.Z-rc.N` existantes (rc.1 d'abord). Les étiquettes qui ne sont ni
  `vX.Y.Z` ni `vX.Y.Z-rc.N` sont ignorées, avec un avertissement.
- **Clone superficiel.** Un clone `--depth` n'a pas l'étiquette de la dernière version :
  lancez `git fetch --tags --unshallow` (en CI : `fetch-depth: 0`).
- **Contenu invalide.** Si un fichier modifié ne se lit pas à l'une des deux révisions, le
  diagnostic nomme la révision, le fichier et la ligne, et la commande sort avec le code 1.
  `bouquet version` ne relit que ce dont dépend la version (modèle, vocabulaires, `id` égal
  au dossier) ; le contrôle complet reste `bouquet validate`, lancé par la CI.

## Les commandes

- `bouquet version [--from REV] [--to REV] [--pre-release rc] [--format text|json]` ;
  avec des modifications non validées (git commit) dans `modules/` ou `schema/`, `version`
  et `notes` le signalent ; `--inclure-non-commite` les compte (le dossier de travail
  remplace `--to`).
  JSON : `current` (ou `null`), `next`, `bump` (`major`, `minor`, `patch`, `none`),
  `changes` (chacun : `module`, `rule`, `bump`, `kind`, `path`, `before`, `after`,
  `message`, `blocking`, et aussi `scope`, `target`, `title`, `field`), `diagnostics`,
  `warnings`. Code de sortie 0 si la version peut être publiée ; 1 si le contenu est
  invalide ou si un changement est bloquant (la CI le montre sur la demande de fusion) ;
  2 pour une révision inconnue.
- `bouquet notes [--from REV] [--to REV] [--date AAAA-MM-JJ] [--format markdown|json]` :
  notes de version en français, par nature de changement puis par module, avec les
  contributions (auteurs et `Co-authored-by:` des commits, `.mailmap` appliqué) et les
  structures nommées dans `contributeurs` des modules modifiés (clé JSON `structures`). La date
  par défaut est celle du commit `--to` : relancer donne exactement le même texte.
  Pour retrouver les notes d'une version déjà publiée, donnez les deux bornes :
  `bouquet notes --from v1.1.0 --to v1.2.0`.
- `bouquet status [--format text|json]` : modules par statut et par famille, verdict de
  validation, version actuelle et suivante ; fonctionne aussi sans étiquette et sans commit.
  JSON : `modules` (`total`, `by_statut`, `by_famille`), `validation` (`ok`, `errors`,
  `warnings`), `git` (`state` : `ok`, `no-repository`, `no-commits` ou `error`, `message`,
  `uncommitted_changes`), `version` (`current`, `next`, `bump`, `from`, `changes`,
  `blocking`, ou `null`), `module_versions` (version propre de chaque module publié).

## Les règles
"""


def render() -> str:
    lines = [fr.typography(INTRO)]
    for kind in Kind:
        rules = [r for r in RULES if r.kind is kind]
        if not rules:
            continue
        lines += [f"### {kind.heading} (`{kind.value}`)", "",
                  "| Règle | Évolution | Ce qui la déclenche | Message |",
                  "|---|---|---|---|"]
        for rule in rules:
            bump = rule.bump.french if rule.bump is not Bump.NONE else "aucune"
            if rule.blocking:
                bump += ", **bloquant**"
            message = rule.template.format(
                field="‹champ›", subject="«\u00a0‹élément›\u00a0»", before="‹avant›",
                after="‹après›", detail="‹ajouts et retraits›").replace("|", "\\|")
            lines.append(f"| `{rule.id}` | {bump} | {rule.title} | "
                         f"{fr.typography(message)} |")
        lines.append("")
    return "\n".join(lines)
