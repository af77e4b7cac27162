"""Votes that history cannot forge (issue 11, items 1 to 5), in real temporary repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.diagnostics.record import Diagnostic, Severity
from bouquet.governance.hook import governance_diagnostics
from governance.conftest import DECISION, decision_yaml, instance_yaml, keygen, members_yaml
from repo import GitRepo

MEMBERS = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y"), ("e", "y")]
ROSTER = [m for m, _ in MEMBERS]
INSTANCE = "governance/instances/comite.yaml"


def tally_json(repo: GitRepo, capsys: pytest.CaptureFixture[str],
               decision: str = "d1") -> dict[str, object]:
    capsys.readouterr()
    assert main(["vote", "tally", decision, "--repo", str(repo.path), "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def validate(repo: GitRepo) -> list[Diagnostic]:
    """What ``bouquet validate`` reports on the governance folder of ``repo``."""
    sources = {p.relative_to(repo.path).as_posix(): p.read_bytes()
               for p in (repo.path / "governance").rglob("*") if p.is_file()}
    return governance_diagnostics(sources, repo.path)


def errors(found: list[Diagnostic]) -> list[str]:
    return [d.code for d in found if d.severity is Severity.ERROR]


# --- item 1: the opening is read along the default branch's first-parent history ----------

def side_opening_then_main_opening(repo: GitRepo) -> tuple[str, str]:
    """A side branch opens d1 under weaker rules (no signature) and is merged, then the merge
    is reverted and d1 is opened again on main: (side commit, real opening)."""
    repo.commit("Roster", {"governance/membres.yaml": members_yaml(MEMBERS),
                           INSTANCE: instance_yaml(ROSTER, signature=True)})
    repo.git("checkout", "-q", "-b", "cote")
    side = repo.commit("Side opening with weaker rules", {
        f"{DECISION}/decision.yaml": decision_yaml(),
        INSTANCE: instance_yaml(ROSTER, signature=False)})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge cote", "cote")
    repo.git("revert", "--no-edit", "-m", "1", "HEAD")
    assert "signature: true" in (repo.path / INSTANCE).read_text()
    opening = repo.commit("Ouverture du vote d1", {f"{DECISION}/decision.yaml": decision_yaml()})
    return side, opening


def test_a_merged_then_reverted_side_branch_is_not_the_opening(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    _, opening = side_opening_then_main_opening(repo)
    repo.commit("Bulletins", {f"{DECISION}/bulletins/{m}.yaml": "choix: pour\n" for m in ROSTER})
    repo.commit("Clôture", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    data = tally_json(repo, capsys)
    assert data["opening"] == opening
    assert data["result"] != "adopted"
    reasons = [e["reason"] for e in data["excluded"]]  # type: ignore[attr-defined]
    assert len(reasons) == 5 and all("non signé" in r for r in reasons)


def test_rules_of_a_side_branch_opening_that_differ_are_reported(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    side, _ = side_opening_then_main_opening(repo)
    capsys.readouterr()
    assert main(["vote", "tally", "d1", "--repo", str(repo.path)]) == 0
    err = capsys.readouterr().err
    assert side[:12] in err and "règles" in err


# --- item 2: a signature binds the decision and the member --------------------------------

@pytest.fixture
def keys(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "cles"
    folder.mkdir()
    return {m: keygen(folder, m) for m in ("a", "b", "c")}


def signed_roster(repo: GitRepo, keys: dict[str, tuple[Path, str]]) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS[:3], {m: k[1] for m, k in keys.items()}),
        INSTANCE: instance_yaml(["a", "b", "c"], signature=True),
    })


def sign(repo: GitRepo, path: str, key: Path) -> None:
    assert main(["vote", "sign", str(repo.path / path), "--key", str(key)]) == 0


def test_signed_ballots_copied_into_another_decision_do_not_count(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    signed_roster(repo, keys)
    other = "governance/decisions/d2"
    repo.commit("Ouvertures", {
        f"{DECISION}/decision.yaml": decision_yaml(),
        f"{other}/decision.yaml": decision_yaml().replace("id: d1", "id: d2")})
    for member in ("a", "b", "c"):
        repo.write_files({f"{DECISION}/bulletins/{member}.yaml": "choix: pour\n"})
        sign(repo, f"{DECISION}/bulletins/{member}.yaml", keys[member][0])
    repo.commit("Bulletins de d1")
    copies = {}
    for member in ("a", "b", "c"):
        for suffix in (".yaml", ".yaml.sig"):
            source = repo.path / DECISION / "bulletins" / f"{member}{suffix}"
            copies[f"{other}/bulletins/{member}{suffix}"] = source.read_text()
    repo.commit("Copie dans d2", copies)
    assert tally_json(repo, capsys)["share"] == "1/1"  # d1's own ballots still count
    data = tally_json(repo, capsys, "d2")
    reasons = {e["file"]: e["reason"] for e in data["excluded"]}  # type: ignore[attr-defined]
    assert set(reasons) == {f"{other}/bulletins/{m}.yaml" for m in ("a", "b", "c")}
    assert all("signature refusée" in r and "d2" in r for r in reasons.values())
    assert data["quorum"]["present"] == 0  # type: ignore[index]


# --- item 3: a case variant cannot void a signed ballot -----------------------------------

def test_an_unsigned_case_variant_does_not_void_the_signed_ballot(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    signed_roster(repo, keys)
    repo.commit("Ouverture", {f"{DECISION}/decision.yaml": decision_yaml()})
    for member in ("a", "b"):
        repo.write_files({f"{DECISION}/bulletins/{member}.yaml": "choix: pour\n"})
        sign(repo, f"{DECISION}/bulletins/{member}.yaml", keys[member][0])
    repo.commit("Bulletins", {f"{DECISION}/bulletins/A.yaml": "choix: contre\n"})
    data = tally_json(repo, capsys)
    assert data["share"] == "2/2" or data["share"] == "1/1"
    excluded = {e["file"] for e in data["excluded"]}  # type: ignore[attr-defined]
    assert excluded == {f"{DECISION}/bulletins/A.yaml"}
    assert "BQ318" in errors(validate(repo))


def test_names_differing_by_unicode_normalisation_are_an_error(repo: GitRepo) -> None:
    repo.commit("Roster", {"governance/membres.yaml": members_yaml(MEMBERS),
                           INSTANCE: instance_yaml(ROSTER)})
    repo.commit("Ouverture", {f"{DECISION}/decision.yaml": decision_yaml()})
    repo.write_files({f"{DECISION}/procurations/\u00e9.yaml": "mandataire: a\n",
                f"{DECISION}/procurations/e\u0301.yaml": "mandataire: b\n"})
    found = [d for d in validate(repo) if d.code == "BQ318"]
    assert found and found[0].severity is Severity.ERROR


# --- item 4: a procès-verbal the recount contradicts --------------------------------------

def test_minutes_contradicted_by_the_recount_are_an_error(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {"governance/membres.yaml": members_yaml(MEMBERS),
                           INSTANCE: instance_yaml(ROSTER)})
    repo.commit("Ouverture", {f"{DECISION}/decision.yaml": decision_yaml()})
    votes = repo.commit("Bulletins", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                                      f"{DECISION}/bulletins/b.yaml": "choix: contre\n",
                                      f"{DECISION}/bulletins/c.yaml": "choix: contre\n"})
    repo.commit("Clôture", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--ecrire"]) == 0
    minutes = (repo.path / DECISION / "proces-verbal.md").read_text()
    assert "rejetée" in minutes
    repo.commit("Procès-verbal")
    assert errors(validate(repo)) == []
    # the seal is rewritten: the ballots change, the committed minutes stay
    repo.git("reset", "-q", "--hard", votes)
    repo.commit("Bulletins réécrits", {f"{DECISION}/bulletins/b.yaml": "choix: pour\n",
                                       f"{DECISION}/bulletins/c.yaml": "choix: pour\n"})
    repo.commit("Clôture", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    repo.commit("Procès-verbal", {f"{DECISION}/proces-verbal.md": minutes})
    found = [d for d in validate(repo) if d.code == "BQ319"]
    assert found and found[0].path == f"{DECISION}/proces-verbal.md"
    assert found[0].severity is Severity.ERROR
    assert "adoptée" in found[0].message and "rejetée" in found[0].message


# --- item 5: reopening --------------------------------------------------------------------

def test_reopening_a_sealed_decision_is_an_error_and_new_ballots_are_late(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {"governance/membres.yaml": members_yaml(MEMBERS),
                           INSTANCE: instance_yaml(ROSTER)})
    repo.commit("Ouverture", {f"{DECISION}/decision.yaml": decision_yaml()})
    repo.commit("Bulletins", {f"{DECISION}/bulletins/a.yaml": "choix: pour\n",
                              f"{DECISION}/bulletins/b.yaml": "choix: pour\n",
                              f"{DECISION}/bulletins/c.yaml": "choix: pour\n"})
    seal = repo.commit("Clôture", {f"{DECISION}/decision.yaml": decision_yaml("close")})
    repo.commit("Réouverture", {f"{DECISION}/decision.yaml": decision_yaml("ouverte")})
    repo.commit("Nouveau", {f"{DECISION}/bulletins/d.yaml": "choix: contre\n"})
    found = validate(repo)
    assert set(errors(found)) >= {"BQ320", "BQ315"}
    reopened = next(d for d in found if d.code == "BQ320")
    assert seal[:12] in reopened.message
    late = next(d for d in found if d.code == "BQ315")
    assert late.path == f"{DECISION}/bulletins/d.yaml"
    data = tally_json(repo, capsys)
    assert data["status"] == "final" and data["seal"] == seal and data["share"] == "1/1"
    reasons = [e["reason"] for e in data["excluded"]]  # type: ignore[attr-defined]
    assert len(reasons) == 1 and "rouverte" in reasons[0]
