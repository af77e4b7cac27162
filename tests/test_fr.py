from __future__ import annotations

import datetime as dt

from bouquet import fr

N, S = fr.NNBSP, fr.NBSP


def test_money_and_durations_are_written_the_french_way() -> None:
    assert fr.euros(4000, 4000) == f"4{N}000{N}€{S}HT"
    assert fr.euros(4000, 12500) == f"4{N}000 à 12{N}500{N}€{S}HT"
    assert fr.days(5, 7) == f"5 à 7{S}jours"
    assert fr.days(0.5, 0.5) == f"0,5{S}jour"
    assert fr.days(1, 1.5) == f"1 à 1,5{S}jour"


def test_dates_and_quarters() -> None:
    assert fr.date(dt.date(2026, 11, 29)) == "29 novembre 2026"
    assert fr.date(dt.date(2027, 3, 1)) == "1er mars 2027"
    assert fr.quarter(dt.date(2026, 11, 29)) == "Bouquet 2026-T4"
    assert fr.quarter(dt.date(2027, 1, 1)) == "Bouquet 2027-T1"


def test_collation_ignores_accents_and_case_first() -> None:
    names = ["Zoé", "élodie", "Emma", "Éric", "adèle", "Œuvre", "Oscar"]
    assert fr.sort_french(names) == ["adèle", "élodie", "Emma", "Éric", "Œuvre", "Oscar", "Zoé"]


def test_enumeration() -> None:
    assert fr.enumeration(["a", "b", "c"]) == "a, b et c"
    assert fr.enumeration(["a"]) == "a"


def test_count_agrees_in_number_the_french_way() -> None:
    assert fr.count(0, "changement") == "0 changement"
    assert fr.count(1, "changement") == "1 changement"
    assert fr.count(2, "changement bloquant", "changements bloquants") == "2 changements bloquants"
    assert fr.count(1500, "module") == f"1{N}500 modules"
