"""Versions a user expects, on real temporary repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.errors import BouquetError
from bouquet.versioning.compute import compute
from bouquet.versioning.snapshot import changed_sources
from repo import git

from .gitutil import MODULE_PATH, GitRepo, base_repo


def _edit(repo: GitRepo, old: str, new: str, path: str = MODULE_PATH) -> None:
    text = repo.read(path)
    assert old in text
    repo.write(path, text.replace(old, new))


def test_first_release_is_1_0_0(repo: GitRepo) -> None:
    report = compute(repo.path)
    assert report.current is None
    assert str(report.next) == "1.0.0"
    assert "module-publie" in {c.rule for c in report.changes}


def test_price_change_after_a_release_is_minor(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    _edit(repo, "min: 4000", "min: 4500")
    repo.commit("Prix")
    report = compute(repo.path)
    assert (str(report.current), str(report.next), report.bump.label) == ("1.0.0", "1.1.0",
                                                                         "minor")
    (change,) = report.changes
    assert change.before == "4\u202f000 à 6\u202f000\u202f€\u00a0HT"


def test_release_candidates_follow_existing_rc_tags(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    _edit(repo, "min: 4000", "min: 4500")
    repo.commit("Prix")
    assert str(compute(repo.path, pre_release="rc").next) == "1.1.0-rc.1"
    repo.tag("v1.1.0-rc.1")
    repo.tag("v1.1.0-rc.2", "rc 2")
    assert str(compute(repo.path, pre_release="rc").next) == "1.1.0-rc.3"
    # rc tags are not a base: the diff still starts at the final v1.0.0
    assert compute(repo.path).from_rev == "v1.0.0"


def test_highest_final_tag_by_semver_precedence(repo: GitRepo) -> None:
    repo.tag("v1.9.0")
    repo.tag("v1.10.0")
    repo.tag("release-2026", "autre étiquette")
    repo.tag("v2.0")
    report = compute(repo.path)
    assert str(report.current) == "1.10.0"
    assert report.bump.label == "none"
    assert any("release-2026" in w for w in report.warnings)
    assert any("v2.0" in w for w in report.warnings)


def _feature_branch(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.git("checkout", "-q", "-b", "prix")
    _edit(repo, "min: 4000", "min: 4500")
    repo.commit("Prix de l'essentiel")
    _edit(repo, "max: 7}", "max: 8}")
    repo.commit("Durée")
    repo.git("checkout", "-q", "main")


def test_merge_and_squash_merge_give_the_same_version(tmp_path: Path) -> None:
    merged = base_repo(tmp_path / "merge")
    _feature_branch(merged)
    merged.write("README.md", "autre travail sur main\n")
    merged.commit("Travail parallèle")
    merged.git("merge", "-q", "--no-ff", "-m", "Fusion", "prix")
    squashed = base_repo(tmp_path / "squash")
    _feature_branch(squashed)
    squashed.git("merge", "-q", "--squash", "prix")
    squashed.commit("Prix et durée (squash)")
    a, b = compute(merged.path), compute(squashed.path)
    assert [c.message for c in a.changes] == [c.message for c in b.changes]
    assert str(a.next) == str(b.next) == "1.1.0"
    assert {c.rule for c in a.changes} == {"tiroir-prix-modifie", "tiroir-duree-modifiee"}


def test_changed_module_id_is_removal_plus_addition(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    text = repo.read(MODULE_PATH).replace("id: diagnostic-territorial",
                                          "id: diagnostic-de-territoire")
    repo.remove("modules/diagnostic-territorial")
    repo.write("modules/diagnostic-de-territoire/module.yaml", text)
    repo.commit("Renommage")
    report = compute(repo.path)
    rules = {(c.target, c.rule) for c in report.changes}
    assert rules == {("diagnostic-territorial", "module-supprime-sans-depreciation"),
                     ("diagnostic-de-territoire", "module-publie")}
    assert report.bump.label == "major"
    assert len(report.blocking) == 1


def test_only_changed_modules_are_read(repo: GitRepo) -> None:
    text = repo.read(MODULE_PATH)
    for n in range(5):
        repo.write(f"modules/autre-{n}/module.yaml",
                   text.replace("id: diagnostic-territorial", f"id: autre-{n}"))
    old = repo.commit("Cinq modules")
    _edit(repo, "min: 4000", "min: 4500", "modules/autre-3/module.yaml")
    new = repo.commit("Un prix")
    from bouquet.edges.git import Repository

    with Repository(repo.path) as git_repo:
        sources = changed_sources(git_repo, old, new)
    assert sources.new_modules == {"modules/autre-3/module.yaml"}
    assert sources.old_modules == {"modules/autre-3/module.yaml"}


def test_explicit_range(repo: GitRepo) -> None:
    first = repo.commit("vide")
    _edit(repo, "titre: Essentiel", "titre: Socle")
    repo.commit("Titre du tiroir")
    report = compute(repo.path, from_rev=first, to_rev="HEAD")
    assert [c.rule for c in report.changes] == ["tiroir-texte-modifie"]
    assert report.current is None


def test_unknown_revision_is_a_usage_error(repo: GitRepo, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    with pytest.raises(BouquetError, match="révision inconnue"):
        compute(repo.path, from_rev="v9.9.9")
    assert main(["version", "-C", str(repo.path), "--from", "nexistepas"]) == 2
    err = capsys.readouterr().err
    assert "révision inconnue" in err and "Traceback" not in err


def test_shallow_clone_missing_the_tag(repo: GitRepo, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    _edit(repo, "min: 4000", "min: 4500")
    repo.commit("Prix")
    clone = tmp_path / "clone"
    repo.clone(clone, "--depth", "1")
    assert main(["version", "-C", str(clone)]) == 2
    err = capsys.readouterr().err
    assert "git fetch --tags --unshallow" in err
    git(clone, "fetch", "-q", "--tags", "--unshallow")
    assert str(compute(clone).next) == "1.1.0"


def test_invalid_module_names_revision_file_and_line(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    _edit(repo, "statut: valide", "statut: [pas, un, statut")
    repo.commit("Cassé")
    assert main(["version", "-C", str(repo.path)]) == 1
    err = capsys.readouterr().err
    assert f"HEAD:{MODULE_PATH}:" in err
    assert "Traceback" not in err


def test_not_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version", "-C", str(tmp_path)]) == 2
    assert "dépôt git" in capsys.readouterr().err


def test_deprecation_names_the_replacement_by_its_title(repo: GitRepo) -> None:
    text = repo.read(MODULE_PATH)
    repo.write("modules/feuille-de-route/module.yaml",
               text.replace("id: diagnostic-territorial", "id: feuille-de-route")
               .replace("titre: Diagnostic territorial des besoins", "titre: Feuille de route"))
    repo.commit("Deux modules")
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.write(MODULE_PATH, text.replace("statut: valide", "statut: deprecie")
               + "remplace_par: feuille-de-route\n")
    repo.commit("Dépréciation")
    (change,) = compute(repo.path).changes
    assert change.rule == "module-deprecie"
    assert change.after is not None and "remplacé par «\u00a0Feuille de route" in change.after


def test_hostile_folder_name_does_not_break_reading(repo: GitRepo) -> None:
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.write("modules/bad\nname/module.yaml", "id: x\n")
    _edit(repo, "min: 4000", "min: 4500")
    repo.commit("Nom de dossier hostile")
    report = compute(repo.path)
    assert "tiroir-prix-modifie" in {c.rule for c in report.changes}


def test_a_broken_module_and_a_stray_tag_are_reported_beside_the_changes(repo: GitRepo) -> None:
    """The report keeps the changes of the valid files, the diagnostics of the broken one
    and a warning for a tag that is not a version."""
    text = repo.read(MODULE_PATH)
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.tag("pas-une-version", "ignorée avec un avertissement")
    _edit(repo, "min: 4000", "min: 4500")
    repo.write("modules/feuille-de-route/module.yaml",
               text.replace("id: diagnostic-territorial", "id: feuille-de-route"))
    repo.write("modules/casse/module.yaml", "id: casse\ntitre: [pas fermé\n")
    repo.commit("Prix, un module ajouté, un module cassé")
    report = compute(repo.path)
    assert {"tiroir-prix-modifie", "module-publie"} <= {c.rule for c in report.changes}
    assert [d.path for d in report.diagnostics] == ["modules/casse/module.yaml"]
    assert any("pas-une-version" in w for w in report.warnings)


@pytest.mark.parametrize("count", [3, 20])
def test_files_are_read_by_path_or_by_blob_id_alike(repo: GitRepo, count: int) -> None:
    """A few files are named ``commit:path``, more are looked up by one ``ls-tree`` first:
    same bytes, missing files absent, and a path is never read as a pattern."""
    from bouquet.edges.git import Repository

    names = [f"modules/m{n}/[a-z]*.md" if n == 0 else f"modules/m{n}/notes.md"
             for n in range(count)]
    for n, name in enumerate(names):
        repo.write(name, f"note {n}\n")
    repo.write("modules/m1/autre.md", "pas demandé\n")
    commit = repo.commit("Notes")
    with Repository(repo.path) as git:
        found = git.read_files(commit, [*names, "modules/absent/notes.md", "modules/m1/*.md"])
    assert found == {name: f"note {n}\n".encode() for n, name in enumerate(names)}
