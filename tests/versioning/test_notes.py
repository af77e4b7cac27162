"""French release notes: content, credits, ordering and byte-identical reruns."""

from __future__ import annotations

import json

import pytest

from bouquet.cli import main

from .gitutil import MODULE_PATH, GitRepo

NN, NB = "\u202f", "\u00a0"


def _release_then_changes(repo: GitRepo) -> None:
    repo.write(".mailmap", "Bob Durand <bob@example.org> <bobby@ancien.example>\n")
    repo.commit("mailmap")
    repo.tag("v1.2.0", "Version 1.2.0")
    text = repo.read(MODULE_PATH)
    repo.write(MODULE_PATH, text.replace("min: 4000", "min: 4500")
               .replace("http://", "https://"))
    repo.commit("Prix de l'essentiel\n\nCo-authored-by: bobby <bobby@ancien.example>\n"
                "Co-authored-by: Élodie Zed <elodie@example.org>",
                author="Chloé Petit <chloe@example.org>")
    second = text.replace("id: diagnostic-territorial", "id: ecrire-une-feuille-de-route") \
        .replace("titre: Diagnostic territorial", "titre: Écrire la feuille de route")
    repo.write("modules/ecrire-une-feuille-de-route/module.yaml", second)
    repo.commit("Nouveau module", author="Adèle Roux <adele@example.org>")


def _notes(repo: GitRepo, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["notes", "-C", str(repo.path), *args]) == 0
    return capsys.readouterr().out


def test_notes_read_as_a_careful_person_wrote_them(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    _release_then_changes(repo)
    out = _notes(repo, capsys)
    assert out.startswith("# Bouquet 2026-T4 — version 1.3.0\n")
    assert f"Version du 1er novembre 2026, depuis la version 1.2.0{NN}: évolution mineure." in out
    assert f"prix{NN}: 4{NN}000 à 6{NN}000{NN}€{NB}HT → 4{NN}500 à 6{NN}000{NN}€{NB}HT" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## Ajouté", "## Modifié", "## Sécurité", "## Versions des modules",
                        "## Contributions"]
    assert "### Écrire la feuille de route" in out
    assert "Merci à Adèle Roux, Bob Durand, Chloé Petit et Élodie Zed." in out
    assert "bobby" not in out  # .mailmap honoured for co-authors
    # the structures named in ``contributeurs`` of the changed modules are thanked too
    assert f"Merci aux structures qui ont écrit les modules modifiés{NN}: Hub du Sud." in out


def test_modules_are_ordered_the_french_way(repo: GitRepo,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    text = repo.read(MODULE_PATH)
    for ident, title in (("zz", "Zoé"), ("ee", "Écrire"), ("ff", "Faire"), ("dd", "Dire")):
        repo.write(f"modules/{ident}/module.yaml",
                   text.replace("id: diagnostic-territorial", f"id: {ident}").replace(
                       "titre: Diagnostic territorial des besoins et de l'offre d'inclusion "
                       "numérique", f"titre: {title}"))
    repo.commit("Quatre modules")
    out = _notes(repo, capsys)
    titles = [line[4:] for line in out.splitlines() if line.startswith("### ")]
    assert titles[:5] == ["Diagnostic territorial des besoins et de l'offre d'inclusion "
                          "numérique", "Dire", "Écrire", "Faire", "Zoé"]


def test_rerun_is_byte_identical_and_json_carries_the_same(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    _release_then_changes(repo)
    first = _notes(repo, capsys)
    assert _notes(repo, capsys) == first
    data = json.loads(_notes(repo, capsys, "--format", "json"))
    assert data["markdown"] == first
    assert data["version"] == "1.3.0" and data["previous"] == "1.2.0"
    assert [s["kind"] for s in data["sections"]] == ["ajoute", "modifie", "securite"]


def test_date_option(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    out = _notes(repo, capsys, "--date", "2027-01-15")
    assert out.startswith("# Bouquet 2027-T1 — version 1.0.0\n")
    assert f"Version du 15 janvier 2027{NN}: première version publiée." in out


def test_version_json_contract(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    _release_then_changes(repo)
    assert main(["version", "-C", str(repo.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["current"], data["next"], data["bump"]) == ("1.2.0", "1.3.0", "minor")
    keys = {"module", "rule", "bump", "kind", "path", "before", "after", "message", "blocking"}
    assert all(keys <= set(c) for c in data["changes"])


def test_bad_date_is_a_french_usage_error(repo: GitRepo,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "-C", str(repo.path), "--date", "2026-13-01"]) == 2
    assert "date invalide" in capsys.readouterr().err


def test_vocabulary_changes_share_one_heading_and_deliverables_show_the_difference(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _notes(repo, capsys)  # first release: every vocabulary is new
    assert out.count("### Vocabulaires\n") == 1
    assert "### Vocabulaire «" not in out
    assert f"- Nouveau vocabulaire «{NB}" in out
    repo.tag("v1.0.0", "Version 1.0.0")
    text = repo.read(MODULE_PATH)
    item = "      - Cartographie des lieux\n"
    assert text.count(item) == 1
    repo.write(MODULE_PATH, text.replace(item, item + "      - Carte des besoins\n"))
    repo.commit("Un livrable de plus")
    out = _notes(repo, capsys)
    assert f"livrables{NN}: ajout de «{NB}Carte des besoins{NB}»." in out


def test_structures_come_from_the_contributeurs_of_readable_modules() -> None:
    from bouquet.versioning.credits import structures_from

    found = structures_from({
        "modules/a/module.yaml": b"id: a\ncontributeurs: [Hinaura, '', 3]\n",
        "modules/b/module.yaml": b"id: b\ncontributeurs: [\n",  # unreadable: no structures
        "modules/c/module.yaml": b"id: c\n",
    })
    assert found == {"a": ("Hinaura",)}
