"""Benchmark of `bouquet version` / `bouquet notes` against commitizen on a long history.

    .venv/bin/python bench/history.py                                # 1 000 modules, 5 000 commits
    .venv/bin/python bench/history.py --modules 20 --commits 60 --long-commits 120 \\
        --unreleased 10 --touched 5 --runs 1 --format json          # smoke run

Builds, with `git fast-import` (seconds, not thousands of `git commit`), a repository of N
modules (variations of the repository's real ones, valid for `bouquet validate`) whose history
is written as conventional commits (`feat(<module>): …`, `fix(<module>): …`), tags `v1.0.0`,
then adds U unreleased commits touching about T modules (prices, durations, deliverables,
wording), and repacks it as git-fast-import(1) asks before any benchmark (its own packfiles
are never seen in real use: a clone or `git gc` repacks). commitizen is configured in the
generated `pyproject.toml` (`version_provider = "scm"`, `tag_format = "v$version"`). In one
run it times, as subprocesses (wall time, medians over --runs after one warm-up):

- `bouquet version` against `cz bump --dry-run --yes`;
- `bouquet notes` against `cz changelog --dry-run`;
- then the same unreleased changes on top of a longer history (--long-commits, 20 000 by
  default): `bouquet version` there over `bouquet version` here must stay under 1.2.

commitizen comes with the ``test`` extra (``pip install -e '.[test]'``); the default ``--cz`` is
the ``cz`` beside this Python, else the one on PATH.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bouquet.fr import NNBSP, count, integer

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
VOCABS = "schema/vocabulaires"
START = 1_780_272_000  # 2026-06-01T00:00:00Z: commit dates come after every date_revision
TARGET_VERSION, TARGET_NOTES, TARGET_HISTORY = 1.0, 1.0, 1.2
PYPROJECT = """[tool.commitizen]
name = "cz_conventional_commits"
version_provider = "scm"
tag_format = "v$version"
update_changelog_on_bump = false
"""


@dataclass(frozen=True)
class Figures:
    modules: int
    commits: int
    long_commits: int
    unreleased: int
    touched: int
    runs: int
    next_version: str
    cz_next_version: str
    version_s: float
    cz_bump_s: float
    version_ratio: float
    notes_s: float
    cz_changelog_s: float
    notes_ratio: float
    version_long_s: float
    notes_long_s: float
    history_ratio: float
    cpu_s: dict[str, float]
    load_average: float  # one-minute load when the timings start
    cpus: int


# --- content -------------------------------------------------------------------------------
def templates() -> list[dict[str, Any]]:
    """The repository's real modules, without local resource files (not generated)."""
    found = []
    for path in sorted((REPO / "modules").glob("*/module.yaml")):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        data["ressources"] = [r for r in data.get("ressources", []) if "url" in r]
        if not data["ressources"]:
            del data["ressources"]
        data["date_revision"] = "2026-05-01"
        data.pop("remplace_par", None)
        if data["statut"] == "deprecie":
            data["statut"] = "valide"
        found.append(data)
    return found


def make_modules(count: int) -> dict[str, dict[str, Any]]:
    bases = templates()
    modules = {}
    for n in range(count):
        data = copy.deepcopy(bases[n % len(bases)])
        data["id"] = f"{data['id']}-{n:04d}"
        data["titre"] = f"{data['titre']} (variante {n})"
        modules[data["id"]] = data
    return modules


def dump(data: dict[str, Any]) -> bytes:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False,
                     width=100).encode()


def history_edit(data: dict[str, Any], n: int) -> tuple[str, str]:
    """A released-history edit (a reworded description): (message, module id)."""
    base = data["description"].split("\n\nRévision ")[0]
    data["description"] = f"{base}\n\nRévision {n}.\n"
    kind = "docs" if n % 3 else "fix"
    return f"{kind}({data['id']}): relecture n° {n} de la description", data["id"]


def unreleased_edit(data: dict[str, Any], n: int) -> str:
    """An unreleased change of substance, with its conventional commit message."""
    tiroir = data["tiroirs"][0]
    choice = n % 4
    if choice == 0 and tiroir.get("prix_ht_eur"):
        tiroir["prix_ht_eur"]["max"] += 100
        return f"feat({data['id']}): prix de « {tiroir['titre']} » revu"
    if choice == 1:
        tiroir["duree_jours"]["max"] = tiroir["duree_jours"]["max"] + 1
        return f"feat({data['id']}): durée de « {tiroir['titre']} » allongée"
    if choice == 2:
        tiroir["livrables"] = [*tiroir["livrables"], f"Note complémentaire n° {n}"]
        return f"feat({data['id']}): nouveau livrable"
    data["resume"] = data["resume"].rstrip(".") + "."
    data["description"] = data["description"] + f"\nPrécision n° {n}.\n"
    return f"fix({data['id']}): précisions dans la description"


# --- fast-import stream --------------------------------------------------------------------
class Stream:
    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.mark = 0
        self.clock = START

    def data(self, payload: bytes) -> None:
        self.parts.append(b"data %d\n" % len(payload) + payload + b"\n")

    def commit(self, message: str, files: dict[str, bytes], author: str) -> int:
        self.mark += 1
        self.clock += 60
        who = f"{author} <{author.lower().replace(' ', '.')}@example.org> {self.clock} +0000"
        head = f"commit refs/heads/main\nmark :{self.mark}\nauthor {who}\ncommitter {who}\n"
        self.parts.append(head.encode())
        self.data(message.encode())
        if self.mark > 1:
            self.parts.append(f"from :{self.mark - 1}\n".encode())
        for path, payload in files.items():
            self.parts.append(f"M 100644 inline {path}\n".encode())
            self.data(payload)
        return self.mark

    def tag(self, name: str, mark: int) -> None:
        self.parts.append(f"reset refs/tags/{name}\nfrom :{mark}\n\n".encode())


AUTHORS = ("Alice Martin", "Bruno Lefèvre", "Chloé Petit", "Élodie Zed", "Hub du Sud")


def build_repository(path: Path, modules: int, commits: int, unreleased: int, touched: int,
                     seed: int = 1) -> None:
    rng = random.Random(seed)
    content = make_modules(modules)
    ids = sorted(content)
    stream = Stream()
    first: dict[str, bytes] = {"pyproject.toml": PYPROJECT.encode()}
    for vocab in sorted((REPO / VOCABS).glob("*.yaml")):
        first[f"{VOCABS}/{vocab.name}"] = vocab.read_bytes()
    schema = REPO / "schema/module.schema.json"
    if schema.exists():
        first["schema/module.schema.json"] = schema.read_bytes()
    first.update({f"modules/{i}/module.yaml": dump(content[i]) for i in ids})
    stream.commit("feat: catalogue initial", first, AUTHORS[0])
    for n in range(1, commits):
        module_id = ids[rng.randrange(len(ids))]
        message, _ = history_edit(content[module_id], n)
        stream.commit(message, {f"modules/{module_id}/module.yaml": dump(content[module_id])},
                      AUTHORS[n % len(AUTHORS)])
    stream.tag("v1.0.0", stream.mark)
    changed = random.Random(seed + 1).sample(ids, min(touched, len(ids)))
    for n in range(unreleased):
        module_id = changed[n % len(changed)]
        message = unreleased_edit(content[module_id], n)
        stream.commit(message, {f"modules/{module_id}/module.yaml": dump(content[module_id])},
                      AUTHORS[(n * 7) % len(AUTHORS)])
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=path, input=b"".join(stream.parts),
                   check=True)
    # git-fast-import(1), "Import Now, Repack Later": its packfiles are "simply never seen in
    # real use situations" (every blob a delta of its previous version, chains of 50), and
    # benchmarks should wait for a repack. A clone or `git gc` gives users what this gives.
    git(path, "repack", "-a", "-d", "-f", "-q")
    git(path, "pack-refs", "--all")
    git(path, "checkout", "-q", "-f", "main")


def git(path: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=path, check=True, capture_output=True,
                          text=True).stdout


# --- timing --------------------------------------------------------------------------------
Job = tuple[Sequence[str], Path]  # (command, working directory)


CPU: dict[str, float] = {}  # median CPU seconds (user + system) by command line


def timed(jobs: Sequence[Job], runs: int) -> list[tuple[float, str]]:
    """Median wall time of each job over ``runs`` runs after one warm-up, and its stdout.
    Runs alternate between the jobs, so that a busy machine slows them alike; the median
    CPU time of each (less sensitive to other load) is kept in ``CPU``."""
    outputs = []
    for command, cwd in jobs:
        warm = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        if warm.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} a échoué ({warm.returncode}) :\n"
                             f"{warm.stderr}")
        outputs.append(warm.stdout)
    times: list[list[float]] = [[] for _ in jobs]
    cpu: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for index, (command, cwd) in enumerate(jobs):
            before = _children_cpu()
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, capture_output=True, check=False)
            times[index].append(time.perf_counter() - start)
            cpu[index].append(_children_cpu() - before)
    for (command, cwd), spent in zip(jobs, cpu, strict=True):
        if spent:
            CPU[f"{Path(command[0]).name} {' '.join(command[1:])}"
                f" [{cwd.name}]"] = statistics.median(spent)
    return [(statistics.median(t), out) for t, out in zip(times, outputs, strict=True)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cz_next(output: str) -> str:
    for line in output.splitlines():
        if line.startswith("bump:") and "→" in line:
            return line.split("→")[-1].strip()
    return "?"


def measure(args: argparse.Namespace, work: Path) -> Figures:
    load = os.getloadavg()[0]  # before building the repositories, which load the machine
    # Byte-compile the package, as pip does for commitizen's: an editable install run with
    # PYTHONDONTWRITEBYTECODE would otherwise recompile bouquet's modules on every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "tools" / "bouquet")],
                   check=True)
    short, long = work / "court", work / "long"
    for path, commits in ((short, args.commits), (long, args.long_commits)):
        if not (path / ".git").is_dir():  # --keep DIR reuses what an earlier run built
            build_repository(path, args.modules, commits, args.unreleased, args.touched)
    bouquet = str(BIN / "bouquet")
    version, notes = [bouquet, "version", "--format", "json"], [bouquet, "notes"]
    (version_s, version_out), (bump_s, bump_out), (notes_s, _), (changelog_s, _) = timed(
        [(version, short), ([args.cz, "bump", "--dry-run", "--yes"], short), (notes, short),
         ([args.cz, "changelog", "--dry-run"], short)], args.runs)
    # the history ratio alternates the same command on both repositories
    (short_s, _), (version_long_s, _), (notes_long_s, _) = timed(
        [(version, short), (version, long), (notes, long)], args.runs)
    return Figures(
        modules=args.modules, commits=args.commits, long_commits=args.long_commits,
        unreleased=args.unreleased, touched=args.touched, runs=args.runs,
        next_version=json.loads(version_out)["next"], cz_next_version=cz_next(bump_out),
        version_s=version_s, cz_bump_s=bump_s, version_ratio=version_s / bump_s,
        notes_s=notes_s, cz_changelog_s=changelog_s, notes_ratio=notes_s / changelog_s,
        version_long_s=version_long_s, notes_long_s=notes_long_s,
        history_ratio=version_long_s / short_s, cpu_s=dict(CPU),
        load_average=load, cpus=os.cpu_count() or 1,
    )


def fr(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def report(f: Figures) -> Iterator[str]:
    def verdict(ok: bool) -> str:
        return "atteint" if ok else "NON atteint"

    def seconds(value: float) -> str:
        return f"{fr(value)}{NNBSP}s"

    yield (f"Dépôt{NNBSP}: {integer(f.modules)} modules, {integer(f.commits)} commits avant "
           f"v1.0.0, puis {f.unreleased} commits non publiés touchant {f.touched} modules{NNBSP}; "
           f"médianes sur {count(f.runs, 'exécution')}.")
    yield f"Version calculée{NNBSP}: bouquet {f.next_version}, commitizen {f.cz_next_version}"
    yield (f"bouquet version       {seconds(f.version_s)}   cz bump --dry-run       "
           f"{seconds(f.cz_bump_s)}   rapport {fr(f.version_ratio, 2)} (cible ≤ "
           f"{fr(TARGET_VERSION, 1)}{NNBSP}: {verdict(f.version_ratio <= TARGET_VERSION)})")
    yield (f"bouquet notes         {seconds(f.notes_s)}   cz changelog --dry-run  "
           f"{seconds(f.cz_changelog_s)}   rapport {fr(f.notes_ratio, 2)} (cible ≤ "
           f"{fr(TARGET_NOTES, 1)}{NNBSP}: {verdict(f.notes_ratio <= TARGET_NOTES)})")
    yield (f"{integer(f.long_commits)} commits au lieu de {integer(f.commits)}{NNBSP}: "
           f"bouquet version {seconds(f.version_long_s)}, rapport {fr(f.history_ratio, 2)} "
           f"(cible < {fr(TARGET_HISTORY, 1)}{NNBSP}: "
           f"{verdict(f.history_ratio < TARGET_HISTORY)}){NNBSP}; bouquet notes "
           f"{seconds(f.notes_long_s)}")
    yield (f"Charge de la machine au départ{NNBSP}: {fr(f.load_average, 2)} pour {f.cpus} cœur"
           f"{'s' if f.cpus > 1 else ''}"
           + (f"{NNBSP}: machine occupée, chiffres à reprendre au repos"
              if f.load_average > f.cpus - 1 else ""))
    yield f"Temps processeur médian (utilisateur + système, processus enfants compris){NNBSP}:"
    for label, value in f.cpu_s.items():
        yield f"  {label:45s} {seconds(value)}"


def find_cz() -> str | None:
    """commitizen's ``cz``: beside this Python (the test extra installs it) or on PATH."""
    beside = Path(sys.executable).with_name("cz")
    return str(beside) if beside.is_file() else shutil.which("cz")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--long-commits", type=int, default=20000)
    parser.add_argument("--unreleased", type=int, default=250)
    parser.add_argument("--touched", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cz", default=find_cz() or "cz",
                        help="commande commitizen (défaut : cz du PATH)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="garder les dépôts générés dans ce dossier (et les réutiliser)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    if shutil.which(args.cz) is None:
        sys.stderr.write("commitizen introuvable : installez-le à part (python3 -m venv "
                         "/tmp/cz && /tmp/cz/bin/pip install commitizen) puis passez "
                         "--cz /tmp/cz/bin/cz.\n")
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = measure(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bouquet-bench-") as tmp:
            figures = measure(args, Path(tmp))
    if args.format == "json":
        sys.stdout.write(json.dumps(asdict(figures), indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(report(figures)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
