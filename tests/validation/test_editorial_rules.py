"""Editorial rules: dated financings, obsolete values, procurement threshold, readability."""

from __future__ import annotations

import datetime as dt

import pytest

from bouquet.diagnostics.record import Diagnostic
from bouquet.validation.catalogue import build_catalogue
from bouquet.validation.readability import explained, sentences, word_count
from repo import REPO

VOCABULARIES = {f"schema/vocabulaires/{p.name}": p.read_bytes()
                for p in (REPO / "schema" / "vocabulaires").glob("*.yaml")}
PATH = "modules/essai/module.yaml"

MODULE = """\
id: essai
titre: Module d'essai
statut: {statut}
resume: {resume}
description: Un module d'essai.
famille: donnees_outils
commanditaires: [commune]
participants: [elus]
maturite: {{min: n1_diagnostic, cible: n1_diagnostic}}
tiroirs:
  - id: essentiel
    niveau: essentiel
    titre: Unique
    duree_jours: {{min: 1, max: 1}}
    prix_ht_eur: {{min: 1000, max: {prix}}}
    unite_prix: {unite}
    modele_tarifaire: forfait
    livrables: [Compte rendu]
financements: [{financements}]
contributeurs: [Hub de test]
mainteneurs: ['@hub-test']
date_revision: {revision}
licence: cc_by_sa_4_0
"""


def check(today: dt.date, *, statut: str = "valide", resume: str = "Un texte court.",
          prix: int = 2000, unite: str = "prestation",
          financements: str = "budget_propre") -> list[Diagnostic]:
    text = MODULE.format(statut=statut, resume=resume, prix=prix, unite=unite,
                         financements=financements, revision=today.isoformat())
    _, found = build_catalogue({**VOCABULARIES, PATH: text.encode()}, today=today)
    return found


def codes(found: list[Diagnostic]) -> list[str]:
    return [d.code for d in found]


def test_a_recently_checked_financing_is_quiet() -> None:
    assert codes(check(dt.date(2026, 12, 2))) == []


def test_a_financing_checked_more_than_a_year_ago_warns() -> None:
    found = check(dt.date(2028, 1, 15), financements="budget_propre, cnfs")
    assert codes(found) == ["BQ260", "BQ260"]
    assert "vérifié pour la dernière fois le 2 décembre 2026" in found[0].message
    assert (found[0].line, found[0].json_path) == (19, "$.financements[0]")


def test_a_financing_never_checked_warns_but_not_in_a_draft() -> None:
    assert codes(check(dt.date(2026, 12, 2), financements="fondation_mecenat")) == ["BQ260"]
    assert codes(check(dt.date(2026, 12, 2), statut="brouillon",
                       financements="fondation_mecenat")) == []


def test_an_obsolete_value_names_its_replacements() -> None:
    found = check(dt.date(2026, 12, 2), financements="opco_cnfpt")
    assert codes(found) == ["BQ261"]
    assert "« opco »" in found[0].hint.replace("\u00a0", " ")


@pytest.mark.parametrize(("today", "prix", "unite", "expected"), [
    (dt.date(2026, 3, 31), 50000, "prestation", ["BQ262"]),  # 40 000 € HT still in force
    (dt.date(2026, 4, 1), 50000, "prestation", []),  # 60 000 € HT from 1 April 2026
    (dt.date(2026, 12, 2), 25000, "an", ["BQ262"]),  # three years of 25 000 € HT
    (dt.date(2026, 12, 2), 19000, "an", []),
])
def test_the_procurement_threshold_in_force_applies(
        today: dt.date, prix: int, unite: str, expected: list[str]) -> None:
    assert codes(check(today, prix=prix, unite=unite)) == expected


def test_the_threshold_message_gives_the_amounts() -> None:
    (found,) = check(dt.date(2026, 12, 2), prix=25000, unite="an")
    assert "75\u202f000\u202f€ HT" in found.message
    assert "60\u202f000\u202f€ HT" in found.message


def test_a_long_sentence_and_an_unexplained_acronym_warn() -> None:
    long = " ".join(["mot"] * 30) + "."
    found = check(dt.date(2026, 12, 2), resume=f"{long} Le XYZW aide. Le QWERTZ (nom) aussi.")
    assert codes(found) == ["BQ263", "BQ264"]
    assert "30 mots" in found[0].message
    assert "XYZW" in found[1].message


def test_a_glossary_acronym_passes() -> None:
    assert codes(check(dt.date(2026, 12, 2), resume="Le prix est HT. La CAF aide.")) == []


def test_sentences_and_words() -> None:
    assert sentences("Un. Deux trois !  Quatre") == ["Un.", "Deux trois !", "Quatre"]
    assert word_count("Un mot – et « deux » : 3") == 5
    text = "Agence nationale (ANCT) et QPV (quartier)"
    assert explained(text, text.index("ANCT"), text.index("ANCT") + 4)
    assert explained(text, text.index("QPV"), text.index("QPV") + 3)
    assert not explained("Le XYZ aide", 3, 6)


EN_BREF = """\
en_bref:
  pour_qui: Les communes.
  pour_quoi: {pour_quoi}
  duree: Deux jours.
  prix:
    ht_eur: {{min: 1000, max: {ht_max}}}
    ttc_eur: {{min: 1200, max: {ttc_max}}}
    tva: TVA à 20 %.
  financeurs: Le budget de la commune.
  financeurs_verifies_le: 2026-12-02
  a_preparer: [Une salle.]
"""


def check_summary(pour_quoi: str = "Décider.", ht_max: int = 2000,
                  ttc_max: int = 2400) -> list[Diagnostic]:
    text = MODULE.format(statut="valide", resume="Court.", prix=2000, unite="prestation",
                         financements="budget_propre", revision="2026-12-02")
    text = text.replace("description:", EN_BREF.format(
        pour_quoi=pour_quoi, ht_max=ht_max, ttc_max=ttc_max) + "description:")
    _, found = build_catalogue({**VOCABULARIES, PATH: text.encode()},
                               today=dt.date(2026, 12, 2))
    return found


def test_a_consistent_summary_passes() -> None:
    assert codes(check_summary()) == []


def test_summary_prices_follow_the_tiroirs() -> None:
    found = check_summary(ht_max=3000, ttc_max=3600)
    assert codes(found) == ["BQ265"]
    assert found[0].json_path == "$.en_bref.prix.ht_eur"
    (too_much,) = check_summary(ttc_max=2500)
    assert too_much.code == "BQ265"
    assert too_much.json_path == "$.en_bref.prix.ttc_eur.max"


def test_the_summary_is_checked_for_readability() -> None:
    found = check_summary(pour_quoi="Le ZZTOP aide.")
    assert codes(found) == ["BQ264"]
    assert found[0].json_path == "$.en_bref.pour_quoi"
