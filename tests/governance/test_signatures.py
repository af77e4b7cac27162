"""Detached SSH signatures with real ed25519 keys, and the secretary's workflow end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.governance.signatures import sign as ssh_sign
from governance.conftest import DECISION, instance_yaml, keygen, members_yaml
from repo import GitRepo

MEMBERS = [("a", "x"), ("b", "x"), ("c", "y")]


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "cles"
    folder.mkdir()
    return {m: keygen(folder, m) for m in ("a", "b", "c", "intrus")}


def open_signed_vote(repo: GitRepo, keys: dict[str, tuple[Path, str]]) -> None:
    public = {m: keys[m][1] for m in ("a", "b", "c")}
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS, public),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"], signature=True),
    })
    assert main(["vote", "new", "d1", "--instance", "comite", "--objet", "Adopter la charte",
                 "--repo", str(repo.path)]) == 0
    repo.commit("Ouverture du vote d1")


def vote(repo: GitRepo, member: str, choice: str, key: Path | None) -> None:
    ballot = repo.path / DECISION / "bulletins" / f"{member}.yaml"
    repo.write_files({str(ballot.relative_to(repo.path)): f"choix: {choice}\n"})
    if key is not None:
        assert main(["vote", "sign", str(ballot), "--key", str(key)]) == 0


def forge(repo: GitRepo, member: str, key: Path) -> None:
    """Sign ``member``'s ballot with ``key`` without the tool's check at signing time."""
    ballot = repo.path / DECISION / "bulletins" / f"{member}.yaml"
    signature = ssh_sign(ballot.read_bytes(), ballot.name, key, decision="d1")
    ballot.with_name(ballot.name + ".sig").write_text(signature)


def test_signed_workflow_counts_only_the_members_own_signatures(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, keys)
    vote(repo, "a", "pour", keys["a"][0])
    vote(repo, "b", "contre", None)
    forge(repo, "b", keys["c"][0])  # signed with another member's key, behind the tool's back
    vote(repo, "c", "pour", None)  # unsigned
    repo.commit("Bulletins")
    assert main(["vote", "close", "d1", "--repo", str(repo.path)]) == 0
    repo.commit("Clôture du vote d1")
    capsys.readouterr()
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    reasons = {e["file"].rsplit("/", 1)[-1]: e["reason"] for e in data["excluded"]}
    assert set(reasons) == {"b.yaml", "c.yaml"}
    assert "signature refusée" in reasons["b.yaml"]
    assert "non signé" in reasons["c.yaml"]
    assert data["quorum"]["present"] == 1 and data["status"] == "final"


def test_editing_a_signed_ballot_breaks_its_signature(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, keys)
    vote(repo, "a", "pour", keys["a"][0])
    vote(repo, "b", "pour", keys["b"][0])
    repo.write_files({f"{DECISION}/bulletins/b.yaml": "choix: contre\n"})
    repo.commit("Bulletins")
    capsys.readouterr()
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["file"].rsplit("/", 1)[-1] for e in data["excluded"]] == ["b.yaml"]
    assert data["share"] == "1/1" and data["status"] == "provisional"


def test_key_added_after_opening_does_not_count(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, keys)
    # the "intrus" key is added to a's keys after the opening, and signs a's ballot
    repo.commit("Key change", {"governance/membres.yaml": members_yaml(
        MEMBERS, {"a": keys["intrus"][1], "b": keys["b"][1], "c": keys["c"][1]})})
    vote(repo, "a", "pour", None)
    forge(repo, "a", keys["intrus"][0])  # ``vote sign`` refuses it: see test_member_commands
    repo.commit("Bulletin")
    capsys.readouterr()
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "signature refusée" in data["excluded"][0]["reason"]


def test_new_never_overwrites_and_close_touches_only_the_statut_line(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
    })
    args = ["vote", "new", "d1", "--instance", "comite", "--objet", "Charte « v1 » : adopter",
            "--publication", "v1.0.0", "--repo", str(repo.path)]
    assert main(args) == 0
    assert main(args) == 2
    assert main([*args[:3], "--instance", "inconnue", "--objet", "x", "--repo",
                 str(repo.path)]) == 2
    path = repo.path / DECISION / "decision.yaml"
    edited = path.read_text().replace("statut: ouverte", "# note du secrétariat\nstatut: ouverte  ")
    path.write_text(edited)
    assert main(["vote", "close", str(path.parent), "--repo", str(repo.path)]) == 0
    assert path.read_text() == edited.replace("statut: ouverte  ", "statut: close")
    assert "git commit" in capsys.readouterr().out


def test_sign_with_a_missing_key_is_a_usage_error(repo: GitRepo, tmp_path: Path) -> None:
    ballot = tmp_path / "a.yaml"
    ballot.write_text("choix: pour\n")
    assert main(["vote", "sign", str(ballot), "--key", str(tmp_path / "absente")]) == 2
    assert not (tmp_path / "a.yaml.sig").exists()


def test_proxy_must_be_signed_by_its_principal(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, keys)
    vote(repo, "a", "pour", keys["a"][0])
    for principal, signer in (("b", "b"), ("c", "a")):  # c's proxy signed by a: refused
        proxy = repo.path / DECISION / "procurations" / f"{principal}.yaml"
        repo.write_files({str(proxy.relative_to(repo.path)): "mandataire: a\n"})
        signature = ssh_sign(proxy.read_bytes(), proxy.name, keys[signer][0],
                             decision="d1")
        proxy.with_name(proxy.name + ".sig").write_text(signature)
    repo.commit("Procurations")
    capsys.readouterr()
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["quorum"]["represented"] == 1
    assert [e["file"].rsplit("/", 1)[-1] for e in data["excluded"]] == ["c.yaml"]


def test_new_majority_judgment_decision_is_valid(repo: GitRepo) -> None:
    from bouquet.governance.files import load_model
    from bouquet.governance.models import Decision

    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
    })
    base = ["vote", "new", "priorites", "--instance", "comite", "--objet", "Priorités 2027",
            "--methode", "jugement-majoritaire", "--repo", str(repo.path)]
    assert main([*base, "--options", "Option A,b"]) == 2
    assert main([*base, "--options", "a"]) == 2
    assert main([*base, "--options", "formation,outillage,animation"]) == 0
    path = repo.path / "governance/decisions/priorites/decision.yaml"
    decision = load_model(Decision, path.read_bytes(), "decision.yaml")
    assert decision.options == ("formation", "outillage", "animation")


def test_sign_refuses_a_file_that_is_neither_ballot_nor_proxy(
    repo: GitRepo, keys: dict[str, tuple[Path, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    readme = repo.path / "README.md"
    readme.write_text("# Le Bouquet\n")
    assert main(["vote", "sign", str(readme), "--key", str(keys["a"][0])]) == 2
    assert "ni un bulletin ni une procuration" in capsys.readouterr().err
    assert not (repo.path / "README.md.sig").exists()


def test_new_refuses_a_publication_that_is_not_a_release_tag(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
    })
    for wrong in ("1.2.0", "v1.2", "version 1.2.0"):
        assert main(["vote", "new", "d1", "--instance", "comite", "--objet", "x",
                     "--publication", wrong, "--repo", str(repo.path)]) == 2
        assert "avec son v (ex. v1.2.0)" in capsys.readouterr().err
        assert not (repo.path / DECISION).exists()
