"""The git edge (GitPython) on real temporary repositories: no mocking of git."""

from __future__ import annotations

import datetime as dt
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from bouquet.edges.git import ChangeStatus, Repository, git_root
from bouquet.errors import BouquetError, ExitCode
from repo import GitRepo

ODD = "modules/éte à Noël/ressources/fiche d'été.md"  # spaces, non-ASCII, an apostrophe


@pytest.fixture
def depot(tmp_path: Path) -> GitRepo:
    """A repository whose path has a space and non-ASCII letters; one commit a day."""
    return GitRepo(tmp_path / "dépôt avec espace", start="2026-11-01T10:00:00+01:00",
                   step=timedelta(days=1))


def test_discovery_from_a_subfolder_and_outside_any_repository(
    depot: GitRepo, tmp_path: Path
) -> None:
    depot.write("modules/a/module.yaml", "id: a\n")
    depot.commit("Premier")
    with Repository(depot.path / "modules" / "a") as repo:
        assert repo.root == depot.path
        assert repo.branch() == "main"
    assert git_root(depot.path / "modules") == depot.path
    link = tmp_path / "lien"
    link.symlink_to(depot.path)
    assert git_root(link / "modules") == depot.path.resolve()  # as git prints its top level
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    with pytest.raises(BouquetError, match="n'est pas dans un dépôt git") as caught:
        Repository(outside)
    assert caught.value.exit_code is ExitCode.USAGE
    with pytest.raises(BouquetError):
        git_root(tmp_path / "absent")


def test_an_empty_repository_has_no_head_and_says_what_to_run(depot: GitRepo) -> None:
    with Repository(depot.path) as repo:
        assert repo.head() is None and not repo.has_commits()
        with pytest.raises(BouquetError, match="aucun commit") as caught:
            repo.resolve("HEAD")
        assert caught.value.exit_code is ExitCode.USAGE


def test_unknown_and_invalid_revisions_are_usage_errors(depot: GitRepo) -> None:
    depot.commit("Premier")
    with Repository(depot.path) as repo:
        with pytest.raises(BouquetError, match=r"révision inconnue : « v9 ».*git fetch --tags"):
            repo.resolve("v9")
        with pytest.raises(BouquetError, match="Révision invalide"):
            repo.resolve("--all")


def test_release_tags_in_semver_order_others_ignored_with_a_warning(depot: GitRepo) -> None:
    first = depot.commit("Premier")
    depot.git("tag", "v1.2.0-rc.2")
    depot.git("tag", "-a", "v1.2.0-rc.10", "-m", "candidate")
    second = depot.commit("Deuxième")
    for name in ("v1.10.0", "v1.2.0", "release-2026", "v1.3.0-beta.1"):
        depot.git("tag", "-a", name, "-m", name)
    depot.write("notes.txt", "x\n")
    depot.git("tag", "v2.0.0", depot.git("hash-object", "-w", "notes.txt").strip())
    with Repository(depot.path) as repo:
        tags = repo.release_tags()
        assert [t.name for t in tags] == ["v1.2.0-rc.2", "v1.2.0-rc.10", "v1.2.0", "v1.10.0"]
        assert [t.commit for t in tags] == [first, first, second, second]
        assert any("« release-2026 » ignorée" in w for w in repo.warnings)
        assert any("« v1.3.0-beta.1 » ignorée" in w for w in repo.warnings)
        assert [t.name for t in repo.release_tags(merged_into=first)] == [
            "v1.2.0-rc.2", "v1.2.0-rc.10"]
        final = repo.highest_final_tag(second)
        assert final is not None and final.name == "v1.10.0"
        assert repo.highest_final_tag(first) is None
        assert "release-2026" in repo.tag_names()


def test_blobs_by_id_by_name_and_odd_paths(depot: GitRepo) -> None:
    depot.write("modules/a/module.yaml", "id: a\n")
    depot.write(ODD, "Été à Noël\n")
    depot.write("schema/x.json", b"\x00\x01binaire")
    commit = depot.commit("Premier")
    with Repository(depot.path) as repo:
        blobs = repo.list_blobs(commit, ["modules", "schema"])
        assert sorted(blobs) == ["modules/a/module.yaml", ODD, "schema/x.json"]
        files = repo.read_blobs(blobs)
        assert files[ODD] == "Été à Noël\n".encode()
        assert files["schema/x.json"] == b"\x00\x01binaire"
        found = repo.read_objects([blobs[ODD], f"{commit}:{ODD}", f"{commit}:absent",
                                   "0" * 40, "nom\navec saut", commit])
        assert found[blobs[ODD]] == found[f"{commit}:{ODD}"] == "Été à Noël\n".encode()
        assert found[commit].startswith(b"tree ")
        assert set(found) == {blobs[ODD], f"{commit}:{ODD}", commit}
        assert repo.read_files(commit, [ODD, "absent"]) == {ODD: "Été à Noël\n".encode()}
        assert repo.read_tree(commit, ["modules/éte à Noël"]) == {ODD: "Été à Noël\n".encode()}


def test_many_files_are_read_through_one_tree_listing(depot: GitRepo) -> None:
    paths = [f"modules/m{i:02d}/module.yaml" for i in range(20)]
    for index, path in enumerate(paths):
        depot.write(path, f"id: m{index:02d}\n")
    commit = depot.commit("Vingt modules")
    with Repository(depot.path) as repo:
        files = repo.read_files(commit, [*paths, "modules/absent/module.yaml"])
    assert files == {p: f"id: {p.split('/')[1]}\n".encode() for p in paths}


def test_changed_paths_with_blob_ids_renames_as_delete_and_add(depot: GitRepo) -> None:
    depot.write("modules/a/module.yaml", "id: a\n")
    depot.write("modules/b/module.yaml", "id: b\n")
    depot.write("autre/x.txt", "hors champ\n")
    old = depot.commit("Premier")
    depot.write("modules/a/module.yaml", "id: a\ntitre: A\n")
    (depot.path / "modules/b").rename(depot.path / "modules/c")
    depot.write(ODD, "nouveau\n")
    depot.write("autre/x.txt", "changé\n")
    new = depot.commit("Deuxième")
    with Repository(depot.path) as repo:
        changes = {c.path: c for c in repo.changed_paths(old, new, ["modules"])}
        assert {p: c.status for p, c in changes.items()} == {
            "modules/a/module.yaml": ChangeStatus.MODIFIED,
            "modules/b/module.yaml": ChangeStatus.DELETED,
            "modules/c/module.yaml": ChangeStatus.ADDED,
            ODD: ChangeStatus.ADDED,
        }
        deleted, added = changes["modules/b/module.yaml"], changes["modules/c/module.yaml"]
        assert deleted.new_blob is None and added.old_blob is None
        assert deleted.old_blob == added.new_blob  # same content, matched by id
        modified = changes["modules/a/module.yaml"]
        assert modified.new_blob is not None
        assert repo.read_blobs({"a": modified.new_blob}) == {"a": b"id: a\ntitre: A\n"}
        from_nothing = repo.changed_paths(None, old, ["modules"])
        assert sorted(c.path for c in from_nothing) == ["modules/a/module.yaml",
                                                        "modules/b/module.yaml"]
        assert all(c.status is ChangeStatus.ADDED for c in from_nothing)
        assert repo.same_trees(old, new, ["schema", "autre/absent"])
        assert not repo.same_trees(old, new, ["modules"])


def test_log_dates_and_additions_on_first_parent_history(depot: GitRepo) -> None:
    depot.write("gov/d/decision.yaml", "statut: ouverte\n")
    opening = depot.commit("Ouverture")
    depot.write("gov/d/procurations/x.yaml", "x\n")
    second = depot.commit("Procuration x")
    depot.write("gov/d/decision.yaml", "statut: close\n")
    depot.write("gov/d/procurations/y z.yaml", "y\n")
    third = depot.commit("Clôture")
    with Repository(depot.path) as repo:
        assert repo.commits("gov/d/decision.yaml") == [third, opening]
        assert repo.commits("gov/d/decision.yaml", added=True) == [opening]
        assert repo.commits("gov/d/decision.yaml", oldest_first=True) == [opening, third]
        assert repo.commits("gov/d/decision.yaml", limit=1) == [third]  # the newest
        assert repo.additions(third, "gov/d/procurations/") == [
            ("gov/d/procurations/x.yaml",), ("gov/d/procurations/y z.yaml",)]
        when = repo.commit_date(second)
        assert when == dt.datetime(2026, 11, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        assert repo.is_ancestor(opening, third) and not repo.is_ancestor(third, opening)


def test_credits_with_co_authors_and_mailmap(depot: GitRepo) -> None:
    depot.write(".mailmap", "Béatrice Durand <beatrice@example.org> <bea@old.example>\n")
    depot.commit("Carte des noms")
    depot.write("modules/a/module.yaml", "id: a\n")
    depot.commit("Module a\n\nCo-authored-by: Bea <bea@old.example>\n"
                 "Co-authored-by: Chloé Petit <chloe@example.org>\n")
    depot.write("ailleurs.txt", "x\n")
    depot.commit("Hors champ", author="Dan <dan@example.org>")
    with Repository(depot.path) as repo:
        credits = repo.credits(None, "HEAD", ["modules"])
    assert len(credits) == 1
    assert [p.name for p in credits[0].people] == ["Alice Martin", "Béatrice Durand",
                                                   "Chloé Petit"]
    assert credits[0].paths == ("modules/a/module.yaml",)


def test_status_of_the_working_tree(depot: GitRepo) -> None:
    depot.write("modules/a/module.yaml", "id: a\n")
    depot.commit("Premier")
    with Repository(depot.path) as repo:
        assert repo.status_lines() == [] and not repo.is_dirty(["modules"])
        depot.write("modules/a/module.yaml", "id: b\n")
        depot.write("autre.txt", "x\n")
        assert repo.is_dirty(["modules"]) and not repo.is_dirty(["schema"])
        assert repo.status_lines() == [" M modules/a/module.yaml", "?? autre.txt"]
        assert repo.index_path().is_file()


def test_shallow_clone_is_seen_and_named_in_the_message(depot: GitRepo, tmp_path: Path) -> None:
    depot.write("a.txt", "1\n")
    depot.commit("Premier")
    depot.git("tag", "v1.0.0")
    depot.write("a.txt", "2\n")
    head = depot.commit("Deuxième")
    clone = tmp_path / "clone"
    depot.clone(clone, "--depth", "1", "--no-tags")
    with Repository(clone) as repo:
        assert repo.is_shallow() and repo.shallow_commits() == frozenset({head})
        with pytest.raises(BouquetError, match=r"superficiel.*git fetch --tags --unshallow"):
            repo.resolve("v1.0.0")
    with Repository(depot.path) as repo:
        assert not repo.is_shallow()


def test_commit_and_tag_keep_messages_verbatim(depot: GitRepo) -> None:
    depot.commit("Premier")
    depot.write("CHANGELOG.md", "# Journal\n")
    with Repository(depot.path) as repo:
        repo.stage(["CHANGELOG.md"])
        commit = repo.commit("Publication\n\n# pas un commentaire\n")
        repo.tag("v1.0.0", commit, "# Bouquet 1.0.0\n\n- tout\n")
        assert repo.head() == commit and "v1.0.0" in repo.tag_names()
    message = depot.git("log", "-1", "--format=%B", strip=False)
    assert message == "Publication\n\n# pas un commentaire\n\n"
    contents = depot.git("tag", "-l", "--format=%(contents)", "v1.0.0", strip=False)
    assert contents == "# Bouquet 1.0.0\n\n- tout\n\n"
    with Repository(depot.path) as repo:
        repo.delete_tag("v1.0.0")
        assert "v1.0.0" not in repo.tag_names()


@pytest.mark.parametrize("hook_name", ["pre-commit", "commit-msg"])
def test_a_refusing_hook_runs_and_its_message_is_the_error(depot: GitRepo, hook_name: str) -> None:
    depot.commit("Premier")
    hooks = depot.path / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    script = hooks / hook_name
    script.write_text("#!/bin/sh\necho 'refusé par le crochet' >&2\nexit 1\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    depot.write("a.txt", "x\n")
    with Repository(depot.path) as repo:
        repo.stage(["a.txt"])
        with pytest.raises(BouquetError, match="refusé par le crochet") as caught:
            repo.commit("Refusé\n")
        assert caught.value.exit_code is ExitCode.FAIL
        assert repo.commits("a.txt") == []
