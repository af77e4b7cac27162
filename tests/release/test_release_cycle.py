"""The whole quarterly cycle in a real repository: contributions on branches, merges, a
release candidate, a vote and its seal, the final release, then a patch release."""

from __future__ import annotations

import json
from pathlib import Path

import keepachangelog
import pytest
import semver

from releasekit import (
    bouquet,
    commit_all,
    init_repo,
    merge_branch,
    module_data,
    repo_state,
    vote,
    write_governance,
    write_module,
)
from repo import git


def manifest(root: Path, tag: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(git(root, "show", f"{tag}:releases/{tag}.json"))
    return data


def modules_of(data: dict[str, object]) -> dict[str, str]:
    return {m["id"]: m["version"] for m in data["modules"]}  # type: ignore[attr-defined]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = init_repo(tmp_path / "depot")
    write_governance(root)
    commit_all(root, "Gouvernance : membres et comité du commun")
    monkeypatch.chdir(root)
    merge_branch(root, "module/cartographie", "Ajoute la cartographie",
                 lambda: write_module(root, "cartographie", titre="Cartographie des lieux"))
    merge_branch(root, "module/diagnostic", "Ajoute le diagnostic (brouillon)",
                 lambda: write_module(root, "diagnostic-territorial", statut="brouillon",
                                      titre="Diagnostic territorial"))
    return root


def test_quarterly_cycle(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A release candidate needs no vote.
    assert bouquet(repo, "release", "--pre-release", "rc", "--date", "2026-11-20") == 0
    assert "v1.0.0-rc.1 publiée" in capsys.readouterr().out
    assert git(repo, "describe", "--exact-match", "HEAD") == "v1.0.0-rc.1"
    assert manifest(repo, "v1.0.0-rc.1")["decision"] is None

    # The final release is refused until the comité has approved it.
    before = repo_state(repo)
    assert bouquet(repo, "release", "--date", "2026-11-29") == 1
    assert "BQ456" in capsys.readouterr().err
    assert repo_state(repo) == before

    seal = vote(repo, "approbation-v1-0-0", "v1.0.0",
                {"zoomacom": "pour", "la-mednum": "pour", "les-assembleurs": "contre"})
    capsys.readouterr()
    assert bouquet(repo, "release", "--date", "2026-11-29") == 0
    assert "v1.0.0 publiée (Bouquet 2026-T4)" in capsys.readouterr().out
    final = manifest(repo, "v1.0.0")
    assert final["decision"] == {"id": "approbation-v1-0-0", "seal_commit": seal}
    assert final["previous"] is None and final["name"] == "Bouquet 2026-T4"
    assert modules_of(final) == {"cartographie": "1.0.0"}  # the draft is not published
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "cat-file", "-t", "v1.0.0") == "tag"
    tag_message = git(repo, "tag", "-l", "--format=%(contents)", "v1.0.0")
    assert tag_message.startswith("# Bouquet 2026-T4 — version 1.0.0")
    assert "## Versions des modules" in tag_message

    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Journal des modifications")
    assert changelog.index("## [1.0.0] - 2026-11-29") < changelog.index("## [1.0.0-rc.1]")
    assert "### Ajouté" in changelog and "\n- Cartographie des lieux\u202f: " in changelog
    # The approving decision and its minutes are named in the changelog and the tag message.
    minutes = "`governance/decisions/approbation-v1-0-0/proces-verbal.md`"
    for text in (changelog, tag_message):
        assert "décision «\u00a0approbation-v1-0-0\u00a0»" in text and minutes in text
        assert f"`{seal[:12]}`" in text

    # A patch: an editorial fix, merged from a branch, then approved and released.
    data = module_data(repo, "cartographie", titre="Cartographie des lieux",
                       resume="Recenser les lieux de médiation et publier les données.")
    merge_branch(repo, "correction/resume", "Corrige le résumé",
                 lambda: write_module(repo, "cartographie", **data))
    vote(repo, "approbation-v1-0-1", "v1.0.1",
         {"zoomacom": "pour", "la-mednum": "pour"})
    capsys.readouterr()
    assert bouquet(repo, "release", "--date", "2027-01-15", "--format", "json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["released"] is True and result["refusals"] == []
    assert result["commit"] == git(repo, "rev-parse", "HEAD")
    patch = manifest(repo, "v1.0.1")
    assert result["manifest"] == patch
    assert patch["previous"] == "1.0.0" and patch["name"] == "Bouquet 2027-T1"
    assert modules_of(patch) == {"cartographie": "1.0.1"}
    notes = git(repo, "tag", "-l", "--format=%(contents)", "v1.0.1")
    assert "## Corrigé" in notes
    assert "Cartographie des lieux (`cartographie`)\u202f: 1.0.0 → 1.0.1" in notes

    # Every published version matches its manifest.
    for tag in ("v1.0.0-rc.1", "v1.0.0", "v1.0.1"):
        assert bouquet(repo, "release", "--verify", tag) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert bouquet(repo, "release", "--verify", "v1.0.1", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == {"tag": "v1.0.1", "ok": True, "problems": []}
    # The status shows each module's own version.
    capsys.readouterr()
    assert bouquet(repo, "status", "--format", "json") == 0
    status = json.loads(capsys.readouterr().out)
    assert status["module_versions"] == [
        {"id": "cartographie", "current": "1.0.1", "next": "1.0.1"}]


def test_two_releases_in_one_quarter_have_distinct_names(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote(repo, "approbation-v1-0-0", "v1.0.0", {"zoomacom": "pour", "la-mednum": "pour"})
    assert bouquet(repo, "release", "--date", "2026-11-29") == 0
    merge_branch(repo, "module/autre", "Ajoute un module",
                 lambda: write_module(repo, "autre-module", titre="Autre module"))
    vote(repo, "approbation-v1-1-0", "v1.1.0", {"zoomacom": "pour", "la-mednum": "pour"})
    capsys.readouterr()
    assert bouquet(repo, "release", "--date", "2026-12-15") == 0, capsys.readouterr().err
    assert "v1.1.0 publiée (Bouquet 2026-T4 (2))" in capsys.readouterr().out
    assert manifest(repo, "v1.0.0")["name"] == "Bouquet 2026-T4"
    assert manifest(repo, "v1.1.0")["name"] == "Bouquet 2026-T4 (2)"
    tag_message = git(repo, "tag", "-l", "--format=%(contents)", "v1.1.0")
    assert tag_message.startswith("# Bouquet 2026-T4 (2) — version 1.1.0")
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    parsed = keepachangelog.to_dict(changelog.splitlines())
    assert [(v, r["metadata"]["release_date"]) for v, r in parsed.items()] == [
        ("1.1.0", "2026-12-15"), ("1.0.0", "2026-11-29")]
    assert "**Bouquet 2026-T4 (2)**. " in changelog
    assert "governance/decisions/approbation-v1-1-0/proces-verbal.md" in git(
        repo, "log", "-1", "--format=%B", "v1.1.0")
    for tag in ("v1.0.0", "v1.1.0"):
        assert bouquet(repo, "release", "--verify", tag) == 0, capsys.readouterr().err


def test_a_minor_release_moves_only_the_touched_modules(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote(repo, "approbation-v1-0-0", "v1.0.0", {"zoomacom": "pour", "la-mednum": "pour"})
    assert bouquet(repo, "release", "--date", "2026-11-29") == 0
    merge_branch(repo, "module/autre", "Ajoute un module et promeut le diagnostic", lambda: (
        write_module(repo, "autre-module", titre="Autre module"),
        write_module(repo, "diagnostic-territorial", statut="experimentation",
                     titre="Diagnostic territorial")))
    vote(repo, "approbation-v1-1-0", "v1.1.0", {"zoomacom": "pour", "la-mednum": "pour"})
    capsys.readouterr()
    assert bouquet(repo, "release", "--date", "2027-02-01") == 0, capsys.readouterr().err
    assert modules_of(manifest(repo, "v1.1.0")) == {
        "autre-module": "1.0.0", "cartographie": "1.0.0", "diagnostic-territorial": "1.0.0"}


def test_dry_run_prints_everything_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = repo_state(repo)
    assert bouquet(repo, "release", "--dry-run", "--pre-release", "rc",
                   "--date", "2026-11-20") == 0
    out = capsys.readouterr().out
    assert "rien n'est écrit" in out
    assert "# Bouquet 2026-T4 — version 1.0.0-rc.1" in out
    assert '"tag": "v1.0.0-rc.1"' in out
    assert "git tag --annotate" in out
    assert repo_state(repo) == before

    # Without a decision, a dry run of the final release shows the plan and the refusal.
    assert bouquet(repo, "release", "--dry-run", "--format", "json") == 1
    document = json.loads(capsys.readouterr().out)
    assert document["released"] is False and document["tag"] == "v1.0.0"
    assert [r["code"] for r in document["refusals"]] == ["BQ456"]
    assert document["manifest"]["modules"][0]["id"] == "cartographie"
    assert repo_state(repo) == before


def test_verify_detects_a_manifest_that_does_not_match(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bouquet(repo, "release", "--pre-release", "rc", "--date", "2026-11-20") == 0
    path = repo / "releases" / "v1.0.0-rc.1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["modules"][0]["version"] = "9.9.9"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    git(repo, "commit", "-q", "-a", "--amend", "--no-edit")
    git(repo, "tag", "-f", "-a", "v1.0.0-rc.1", "-m", "retouchée")
    capsys.readouterr()
    assert bouquet(repo, "release", "--verify", "v1.0.0-rc.1") == 1
    assert "BQ458" in capsys.readouterr().err
    assert bouquet(repo, "release", "--verify", "v9.9.9") == 2


def test_bouquet_notes_shows_the_module_versions_of_the_next_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vote(repo, "approbation-v1-0-0", "v1.0.0", {"zoomacom": "pour", "la-mednum": "pour"})
    assert bouquet(repo, "release", "--date", "2026-11-29") == 0
    data = module_data(repo, "cartographie", titre="Cartographie des lieux", tiroirs=[
        {**module_data(repo, "x")["tiroirs"][0], "prix_ht_eur": {"min": 4500, "max": 7000}}])
    merge_branch(repo, "prix", "Nouveau prix", lambda: write_module(repo, "cartographie", **data))
    capsys.readouterr()
    assert bouquet(repo, "notes", "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["module_versions"] == [{"id": "cartographie", "title": "Cartographie des lieux",
                                            "previous": "1.0.0", "version": "1.1.0"}]
    assert "(`cartographie`)\u202f: 1.0.0 → 1.1.0" in document["markdown"]


def test_the_walk_from_manifests_equals_the_walk_from_scratch(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bouquet.edges.git import Repository
    from bouquet.versioning.item_history import item_versions, module_key

    vote(repo, "approbation-v1-0-0", "v1.0.0", {"zoomacom": "pour", "la-mednum": "pour"})
    assert bouquet(repo, "release", "--date", "2026-11-29") == 0
    data = module_data(repo, "cartographie", titre="Cartographie", resume="Résumé révisé.")
    merge_branch(repo, "texte", "Texte", lambda: write_module(repo, "cartographie", **data))
    head = git(repo, "rev-parse", "HEAD")
    with Repository(repo) as opened:
        with_manifest = item_versions(opened, head, semver.Version.parse("1.0.1"))
        only = item_versions(opened, head, semver.Version.parse("1.0.1"),
                             only={module_key("cartographie")})
    # Without the manifest (a tag made by hand), the walk starts from nothing.
    git(repo, "tag", "-f", "-a", "v1.0.0", "v1.0.0^", "-m", "sans manifeste")
    with Repository(repo) as opened:
        from_scratch = item_versions(opened, head, semver.Version.parse("1.0.1"))
    assert with_manifest.after == from_scratch.after
    assert str(with_manifest.after[module_key("cartographie")]) == "1.0.1"
    key = module_key("cartographie")
    assert only.after == {key: with_manifest.after[key]}
