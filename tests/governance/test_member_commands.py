"""What members meet before the seal (issue 10, items 10 to 13): a wrong key refused when
signing, Windows line endings, an unreachable quorum, and `vote ballot`, `verify`, `list`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.governance.signatures import sign as ssh_sign
from governance.conftest import DECISION, decision_yaml, instance_yaml, keygen, members_yaml
from governance.test_signatures import MEMBERS, open_signed_vote, vote
from repo import GitRepo

Keys = dict[str, tuple[Path, str]]
BALLOT = f"{DECISION}/bulletins"


@pytest.fixture
def member_keys(tmp_path: Path) -> Keys:
    folder = tmp_path / "cles"
    folder.mkdir()
    return {m: keygen(folder, m) for m in ("a", "b", "c", "intrus")}


def plain(text: str) -> str:
    """``text`` without French typography's no-break spaces, for assertions."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def tally_json(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["vote", "tally", "d1", "--repo", str(repo.path), "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


# --- item 10: the signature is checked when the member signs -------------------------------

def test_sign_refuses_another_members_key_and_writes_nothing(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    ballot = repo.path / BALLOT / "b.yaml"
    repo.write_files({f"{BALLOT}/b.yaml": "choix: contre\n"})
    capsys.readouterr()
    assert main(["vote", "sign", str(ballot), "--key", str(member_keys["c"][0])]) == 1
    err = plain(capsys.readouterr().err)
    assert "signature refusée" in err and "« b »" in err and "commit d'ouverture" in err
    assert not ballot.with_name("b.yaml.sig").exists()


def test_sign_refuses_a_key_added_after_the_opening(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    repo.commit("Key change", {"governance/membres.yaml": members_yaml(
        MEMBERS, {m: member_keys["intrus" if m == "a" else m][1] for m in "abc"})})
    repo.write_files({f"{BALLOT}/a.yaml": "choix: pour\n"})
    capsys.readouterr()
    assert main(["vote", "sign", str(repo.path / BALLOT / "a.yaml"),
                 "--key", str(member_keys["intrus"][0])]) == 1
    assert "après l'ouverture" in plain(capsys.readouterr().err)
    assert not (repo.path / BALLOT / "a.yaml.sig").exists()


def test_sign_refuses_a_member_without_key(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS, {"a": member_keys["a"][1]}),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
        f"{DECISION}/decision.yaml": decision_yaml(),
    })
    repo.write_files({f"{BALLOT}/b.yaml": "choix: pour\n"})
    capsys.readouterr()
    assert main(["vote", "sign", str(repo.path / BALLOT / "b.yaml"),
                 "--key", str(member_keys["b"][0])]) == 1
    assert "aucune clé SSH déclarée pour « b »" in plain(capsys.readouterr().err)


def test_sign_refuses_a_sealed_decision(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    assert main(["vote", "close", "d1", "--repo", str(repo.path)]) == 0
    repo.commit("Clôture du vote d1")
    repo.write_files({f"{BALLOT}/a.yaml": "choix: pour\n"})
    capsys.readouterr()
    assert main(["vote", "sign", str(repo.path / BALLOT / "a.yaml"),
                 "--key", str(member_keys["a"][0])]) == 1
    assert "scellée" in plain(capsys.readouterr().err)


# --- item 11: Windows line endings ---------------------------------------------------------

def test_a_crlf_ballot_signed_then_committed_under_autocrlf_counts(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("config", "core.autocrlf", "true")  # Git for Windows' default
    open_signed_vote(repo, member_keys)
    repo.write_files({f"{BALLOT}/a.yaml": b"# mon vote\r\nchoix: pour\r\n"})
    assert main(["vote", "sign", str(repo.path / BALLOT / "a.yaml"),
                 "--key", str(member_keys["a"][0])]) == 0
    assert b"\r" not in (repo.path / BALLOT / "a.yaml").read_bytes()
    repo.commit("Bulletin")
    data = tally_json(repo, capsys)
    assert data["excluded"] == []
    quorum = data["quorum"]
    assert isinstance(quorum, dict) and quorum["present"] == 1


def test_a_signature_over_crlf_converted_by_git_names_the_line_endings(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("config", "core.autocrlf", "true")
    open_signed_vote(repo, member_keys)
    content = b"choix: pour\r\n"
    repo.write_files({f"{BALLOT}/a.yaml": content,
                f"{BALLOT}/a.yaml.sig": ssh_sign(content, "a.yaml", member_keys["a"][0],
                                                 decision="d1")})
    repo.commit("Bulletin signé sous Windows, avec un autre outil")
    data = tally_json(repo, capsys)
    excluded = data["excluded"]
    assert isinstance(excluded, list) and len(excluded) == 1
    assert "fins de ligne" in excluded[0]["reason"] and "CRLF" in excluded[0]["reason"]


def test_the_repository_keeps_ballots_and_signatures_byte_stable() -> None:
    attributes = (Path(__file__).parents[2] / ".gitattributes").read_text(encoding="utf-8")
    rules = {line.split()[0]: line.split()[1:] for line in attributes.splitlines()
             if line.strip() and not line.startswith("#")}
    for pattern in ("governance/decisions/*/bulletins/*", "governance/decisions/*/procurations/*"):
        assert "-text" in rules[pattern]


# --- item 12: a quorum that cannot be reached ---------------------------------------------

def roster_with_keys(repo: GitRepo, member_keys: Keys, keyed: tuple[str, ...]) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS, {m: member_keys[m][1] for m in keyed}),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"], signature=True,
                                                          quorum=">= 2/3"),
    })


def test_new_refuses_a_vote_whose_quorum_cannot_be_reached(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    roster_with_keys(repo, member_keys, ("a",))
    assert main(["vote", "new", "d1", "--instance", "comite", "--objet", "x",
                 "--repo", str(repo.path)]) == 1
    err = plain(capsys.readouterr().err)
    assert "quorum inaccessible" in err and "1 de ses 3 membres" in err and "b, c" in err
    assert not (repo.path / DECISION).exists()


def test_new_opens_a_vote_whose_quorum_can_be_reached(repo: GitRepo, member_keys: Keys) -> None:
    roster_with_keys(repo, member_keys, ("a", "b"))
    assert main(["vote", "new", "d1", "--instance", "comite", "--objet", "x",
                 "--repo", str(repo.path)]) == 0


def test_validate_flags_an_instance_whose_quorum_cannot_be_reached(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    roster_with_keys(repo, member_keys, ("a",))
    capsys.readouterr()
    assert main(["validate", "--repo", str(repo.path), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    codes = {(d["path"], d["code"]) for d in found}
    assert ("governance/instances/comite.yaml", "BQ330") in codes


# --- item 13: vote ballot, verify, list ----------------------------------------------------

def test_ballot_writes_and_signs_in_one_step_and_the_tally_counts_it(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    assert main(["vote", "ballot", "d1", "--membre", "a", "--choix", "pour",
                 "--key", str(member_keys["a"][0]), "--repo", str(repo.path)]) == 0
    assert (repo.path / BALLOT / "a.yaml.sig").is_file()
    assert "git add" in capsys.readouterr().out
    repo.commit("Vote de a")
    data = tally_json(repo, capsys)
    assert data["excluded"] == [] and data["share"] == "1/1"


@pytest.mark.parametrize(("args", "code", "said"), [
    (["--membre", "intrus", "--choix", "pour"], 1, "n'est pas membre de l'instance"),
    (["--membre", "a", "--choix", "peut-etre"], 2, "choix « peut-etre » inconnu"),
    (["--membre", "a", "--choix", "objection"], 2, "inconnu pour la méthode"),
    (["--membre", "a", "--choix", "pour"], 2, "exige des bulletins signés"),
    (["--membre", "a", "--mention", "x=bien"], 2, "--choix"),
])
def test_ballot_refuses_each_mistake_before_writing(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str],
    args: list[str], code: int, said: str,
) -> None:
    open_signed_vote(repo, member_keys)
    capsys.readouterr()
    assert main(["vote", "ballot", "d1", *args, "--repo", str(repo.path)]) == code
    assert said in plain(capsys.readouterr().err)
    assert not (repo.path / BALLOT).exists()


def test_ballot_refuses_the_wrong_key_and_an_existing_ballot(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    base = ["vote", "ballot", "d1", "--membre", "a", "--choix", "pour", "--repo", str(repo.path)]
    assert main([*base, "--key", str(member_keys["b"][0])]) == 1
    assert not (repo.path / BALLOT).exists()
    assert main([*base, "--key", str(member_keys["a"][0])]) == 0
    assert main([*base, "--key", str(member_keys["a"][0])]) == 2
    assert "--remplacer" in plain(capsys.readouterr().err)
    again = ["vote", "ballot", "d1", "--membre", "a", "--choix", "contre", "--repo",
             str(repo.path), "--key", str(member_keys["a"][0]), "--remplacer"]
    assert main(again) == 0
    assert "contre" in (repo.path / BALLOT / "a.yaml").read_text()


def test_ballot_of_a_majority_judgment(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
        f"{DECISION}/decision.yaml": decision_yaml(
            methode="jugement-majoritaire", options="[atelier, permanence]"),
    })
    base = ["vote", "ballot", "d1", "--membre", "a", "--repo", str(repo.path)]
    assert main([*base, "--mention", "atelier=tres-bien", "--mention", "inconnue=bien"]) == 2
    assert main([*base, "--mention", "atelier=tres-bien", "--mention",
                 "permanence=passable"]) == 0
    repo.commit("Vote")
    data = tally_json(repo, capsys)
    assert data["excluded"] == [] and data["ranking"] == [["atelier"], ["permanence"]]


def test_verify_says_valid_or_why_not(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    vote(repo, "a", "pour", member_keys["a"][0])
    ballot = repo.path / BALLOT / "a.yaml"
    capsys.readouterr()
    assert main(["vote", "verify", str(ballot), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is True and data["member"] == "a" and data["reason"] is None
    ballot.write_text("choix: contre\n")
    assert main(["vote", "verify", str(ballot)]) == 1
    assert "modifié après signature" in capsys.readouterr().out
    (repo.path / BALLOT / "a.yaml.sig").unlink()
    assert main(["vote", "verify", str(ballot), "--format", "json"]) == 1
    assert "non signé" in json.loads(capsys.readouterr().out)["reason"]


def test_list_shows_open_decisions_who_voted_and_signatures(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    vote(repo, "a", "pour", member_keys["a"][0])
    vote(repo, "b", "contre", member_keys["b"][0])
    (repo.path / BALLOT / "b.yaml").write_text("choix: pour\n")  # edited after signing
    repo.write_files({f"{DECISION}/procurations/c.yaml": "mandataire: a\n"})
    capsys.readouterr()
    assert main(["vote", "list", "--repo", str(repo.path), "--format", "json"]) == 0
    decisions = json.loads(capsys.readouterr().out)["decisions"]
    assert [d["id"] for d in decisions] == ["d1"]
    rows = {row["member"]: row for row in decisions[0]["members"]}
    assert rows["a"]["bulletin"]["signature"] == "valid"
    assert rows["b"]["bulletin"]["signature"] == "invalid"
    assert "modifié après signature" in rows["b"]["bulletin"]["reason"]
    assert rows["c"]["bulletin"] is None
    assert rows["c"]["procuration"]["holder"] == "a"
    assert rows["c"]["procuration"]["signature"] == "missing"
    assert decisions[0]["quorum"]["reachable"] is True
    assert main(["vote", "list", "--repo", str(repo.path)]) == 0
    text = capsys.readouterr().out
    assert "a\u202f: bulletin, signature valide" in text
    assert "c\u202f: procuration à a, signature absente" in text


def test_list_leaves_out_closed_decisions(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    assert main(["vote", "close", "d1", "--repo", str(repo.path)]) == 0
    capsys.readouterr()
    assert main(["vote", "list", "--repo", str(repo.path)]) == 0
    assert "Aucune décision ouverte" in capsys.readouterr().out


# --- item 10: validate checks keys and the signatures of open decisions --------------------

def validate_codes(repo: GitRepo, capsys: pytest.CaptureFixture[str]) -> set[tuple[str, str]]:
    capsys.readouterr()
    main(["validate", "--repo", str(repo.path), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    return {(d["path"].rsplit("/", 1)[-1], d["code"]) for d in found}


def test_validate_refuses_a_signature_the_tally_would_refuse(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    vote(repo, "a", "pour", member_keys["a"][0])
    forged = ssh_sign(b"choix: contre\n", "b.yaml", member_keys["c"][0], decision="d1")
    repo.write_files({f"{BALLOT}/b.yaml": "choix: contre\n", f"{BALLOT}/b.yaml.sig": forged})
    codes = validate_codes(repo, capsys)
    assert ("b.yaml", "BQ331") in codes and ("a.yaml", "BQ331") not in codes


def test_validate_refuses_a_truncated_key(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = member_keys["a"][1]
    kind, blob = whole.split()[:2]
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(
            MEMBERS, {"a": f"{kind} {blob[:30]}", "b": member_keys["b"][1]}),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
    })
    capsys.readouterr()
    main(["validate", "--repo", str(repo.path), "--format", "json"])
    found = [d for d in json.loads(capsys.readouterr().out)["diagnostics"]
             if d["code"] == "BQ332"]
    assert len(found) == 1 and found[0]["line"] == 6  # the key under « cles_ssh: »
    assert "« a »" in plain(found[0]["message"])


# --- item 17: wording -------------------------------------------------------------------------

def test_close_does_not_ask_to_seal_a_sealed_decision_again(
    repo: GitRepo, member_keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    open_signed_vote(repo, member_keys)
    assert main(["vote", "close", "d1", "--repo", str(repo.path)]) == 0
    assert main(["vote", "close", "d1", "--repo", str(repo.path)]) == 0
    assert "déjà close, mais pas encore scellée" in plain(capsys.readouterr().out)
    seal = repo.commit("Clôture du vote d1")
    assert main(["vote", "close", "d1", "--repo", str(repo.path)]) == 0
    out = plain(capsys.readouterr().out)
    assert f"déjà scellée (commit {seal[:12]}) : rien à faire" in out
    assert "git commit" not in out


def test_an_uppercase_option_is_answered_with_the_expected_form(
    repo: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.commit("Roster", {
        "governance/membres.yaml": members_yaml(MEMBERS),
        "governance/instances/comite.yaml": instance_yaml(["a", "b", "c"]),
        f"{DECISION}/decision.yaml": decision_yaml(
            methode="jugement-majoritaire", options="[Atelier, permanence]"),
    })
    capsys.readouterr()
    assert main(["validate", "--repo", str(repo.path), f"{DECISION}/decision.yaml"]) == 1
    out = plain(capsys.readouterr().out)
    assert "« 1re option » vaut « Atelier » ; forme attendue : minuscules, chiffres et tirets" \
        in out
    assert "voir docs/gouvernance.md" not in out.split("\n")[0]
