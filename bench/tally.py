"""Benchmark of `bouquet vote tally` on a large assembly committed in a git repository.

    .venv/bin/python bench/tally.py                         # 10 000 members, 2 000 proxies
    .venv/bin/python bench/tally.py --members 50 --proxies 10 --signed 5 --runs 1

Builds with `git fast-import` a repository holding ``governance/membres.yaml`` (N members in 5
colleges), a body weighting the colleges 20 % each, and two sealed decisions (opening commit,
ballots and proxies commit, closing commit):
- ``grande-assemblee``: 60 % of the members vote, P proxies go from absent members to voters;
- ``vote-signe``: the same assembly requiring signatures, S ballots signed with real ed25519
  keys (``ssh-keygen -Y sign``).
Then times `bouquet vote tally <decision> --format json` end to end, as a subprocess (wall
time, median of R runs), and checks the figures it reports. Target: < 2 s for the first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bouquet.fr import count, integer

BIN = Path(sys.executable).parent
COLLEGES = ("hubs", "partenaires", "collectivites", "financeurs", "usagers")
TARGET_S = 2.0


def members_yaml(count: int, keys: dict[str, str]) -> str:
    lines = ["membres:"]
    for i in range(count):
        member = f"m{i:05d}"
        lines += [f"  - id: {member}", f"    nom: Organisation {i}",
                  f"    college: {COLLEGES[i % len(COLLEGES)]}"]
        if member in keys:
            lines += ["    cles_ssh:", f"      - {keys[member]}"]
    return "\n".join(lines) + "\n"


def instance_yaml(instance: str, count: int, signature: bool) -> str:
    lines = [f"id: {instance}", "nom: Grande assemblée", "periodicite: annuelle", "membres:"]
    lines += [f"  - m{i:05d}" for i in range(count)]
    lines += ["colleges:"] + [f"  {c}: 20" for c in COLLEGES]
    lines += ["regles:", '  quorum: ">= 1/2"', '  majorite: "> 1/2"', "  procurations_max: 2",
              f"  signature: {'true' if signature else 'false'}"]
    return "\n".join(lines) + "\n"


def decision_yaml(decision: str, instance: str, statut: str) -> str:
    return (f"id: {decision}\ninstance: {instance}\nobjet: Approuver la version\n"
            f"methode: majorite\nstatut: {statut}\n")


class Importer:
    """Writes a `git fast-import` stream: one commit per call, on refs/heads/main."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.mark = 0

    def commit(self, message: str, files: dict[str, bytes]) -> None:
        self.mark += 1
        msg = message.encode()
        head = (f"commit refs/heads/main\nmark :{self.mark}\n"
                f"committer Bench <bench@example.org> {1_700_000_000 + self.mark} +0000\n"
                f"data {len(msg)}\n").encode() + msg + b"\n"
        if self.mark > 1:
            head += f"from :{self.mark - 1}\n".encode()
        parts = [head]
        for path, data in files.items():
            parts.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
        self.chunks.append(b"".join(parts) + b"\n")

    def run(self, repo: Path) -> None:
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
        subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"],
                       input=b"".join(self.chunks), check=True)
        subprocess.run(["git", "-C", str(repo), "checkout", "-q", "main"], check=True)


def votes(count: int, proxies: int) -> tuple[dict[str, str], dict[str, str]]:
    voters = [f"m{i:05d}" for i in range(count) if i % 5 != 0 and i % 5 != 1] + [
        f"m{i:05d}" for i in range(count) if i % 5 == 1]
    voters = voters[: int(count * 0.6)]
    absent = [f"m{i:05d}" for i in range(count) if f"m{i:05d}" not in set(voters)]
    choice = {v: ("pour" if int(v[1:]) % 3 else "contre") for v in voters}
    delegations = {absent[k]: voters[k % len(voters)] for k in range(min(proxies, len(absent)))}
    return choice, delegations


def signed_ballots(tmp: Path, count: int) -> tuple[dict[str, str], dict[str, bytes]]:
    keys: dict[str, str] = {}
    files: dict[str, bytes] = {}
    folder = "governance/decisions/vote-signe/bulletins"
    for i in range(count):
        member = f"m{i:05d}"
        key = tmp / f"key-{member}"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
                       check=True)
        keys[member] = Path(f"{key}.pub").read_text().strip()
        ballot = tmp / f"{member}.yaml"
        ballot.write_text("choix: pour\n")
        subprocess.run(["ssh-keygen", "-Y", "sign", "-q", "-n", "bouquet-vote", "-f", str(key),
                        str(ballot)], check=True, capture_output=True)
        files[f"{folder}/{member}.yaml"] = ballot.read_bytes()
        files[f"{folder}/{member}.yaml.sig"] = Path(f"{ballot}.sig").read_bytes()
    return keys, files


def build(repo: Path, tmp: Path, count: int, proxies: int, signed: int) -> None:
    keys, signed_files = signed_ballots(tmp, signed)
    importer = Importer()
    big, sig = "governance/decisions/grande-assemblee", "governance/decisions/vote-signe"
    importer.commit("Membres et instances", {
        "governance/membres.yaml": members_yaml(count, keys).encode(),
        "governance/instances/assemblee.yaml": instance_yaml("assemblee", count, False).encode(),
        "governance/instances/assemblee-signee.yaml":
            instance_yaml("assemblee-signee", count, True).encode(),
    })
    importer.commit("Ouverture", {
        f"{big}/decision.yaml": decision_yaml("grande-assemblee", "assemblee", "ouverte").encode(),
        f"{sig}/decision.yaml": decision_yaml("vote-signe", "assemblee-signee", "ouverte").encode(),
    })
    choice, delegations = votes(count, proxies)
    files = {f"{big}/bulletins/{m}.yaml": f"choix: {c}\n".encode() for m, c in choice.items()}
    files |= {f"{big}/procurations/{p}.yaml": f"mandataire: {h}\n".encode()
              for p, h in delegations.items()}
    importer.commit("Bulletins et procurations", {**files, **signed_files})
    importer.commit("Clôture", {
        f"{big}/decision.yaml": decision_yaml("grande-assemblee", "assemblee", "close").encode(),
        f"{sig}/decision.yaml": decision_yaml("vote-signe", "assemblee-signee", "close").encode(),
    })
    importer.run(repo)


def time_tally(repo: Path, decision: str, runs: int) -> tuple[float, dict[str, object]]:
    timings, data = [], {}
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([str(BIN / "bouquet"), "vote", "tally", decision, "--format",
                               "json", "--repo", str(repo)], capture_output=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"bouquet vote tally a échoué : {done.stderr.decode()}")
        timings.append(time.perf_counter() - start)
        data = json.loads(done.stdout)
    return statistics.median(timings), data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--proxies", type=int, default=2_000)
    parser.add_argument("--signed", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-tally-") as tmp:
        repo = Path(tmp) / "depot"
        start = time.perf_counter()
        build(repo, Path(tmp), args.members, args.proxies, args.signed)
        print(f"dépôt généré en {_seconds(time.perf_counter() - start, 1)} "
              f"({integer(args.members)} membres, {integer(args.proxies)} procurations, "
              f"{integer(args.signed)} signés)")
        big, data = time_tally(repo, "grande-assemblee", args.runs)
        quorum = data["quorum"]
        print(f"grande-assemblee : médiane {_seconds(big)} sur {count(args.runs, 'exécution')} "
              f"(cible < {_seconds(TARGET_S, 1)}) — résultat {data['result']}, "
              f"part {data['share']}, "
              f"présents {quorum['present']}, représentés {quorum['represented']}, "  # type: ignore[index]
              f"écartés {len(data['excluded'])}")  # type: ignore[arg-type]
        signed, data = time_tally(repo, "vote-signe", args.runs)
        print(f"vote-signe : médiane {_seconds(signed)} avec {args.signed} bulletins signés "
              f"— présents {data['quorum']['present']}, "  # type: ignore[index]
              f"écartés {len(data['excluded'])}")  # type: ignore[arg-type]
        return 0 if big < TARGET_S else 1


def _seconds(value: float, digits: int = 3) -> str:
    """French decimal comma, as bench/validate.py prints: « 0,633 s »."""
    return f"{value:.{digits}f}".replace(".", ",") + "\u00a0s"


if __name__ == "__main__":
    raise SystemExit(main())
