"""Benchmark of `bouquet validate` against check-jsonschema on the same generated modules.

    .venv/bin/python bench/validate.py                       # 2 000 modules, 5 runs
    .venv/bin/python bench/validate.py --modules 50 --runs 1 --format json

Generates N valid modules by varying the repository's real ones (new ids, other vocabulary
values, other prices, durations and dates) in a temporary copy of the repository layout, then
times in one run, as subprocesses (wall time, medians):
- `bouquet validate` on the whole tree, and `check-jsonschema --schemafile
  schema/module.schema.json` on every module file (the ratio is bouquet / check-jsonschema);
- `bouquet validate modules/<one>/module.yaml` in that tree (the pre-commit case);
- the peak memory (max RSS) of `bouquet validate` on the whole tree.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCHEMA = "schema/module.schema.json"
VOCABS = "schema/vocabulaires"
HEADER = "# yaml-language-server: $schema=../../schema/module.schema.json\n"
NNBSP = "\u202f"
# Ratios to check-jsonschema on the same files: the whole tree, then one file (pre-commit).
TARGET_RATIO, TARGET_ONE_FILE_RATIO, TARGET_PEAK_MIB = 0.2, 0.5, 200.0

# Module fields that hold a list of vocabulary values: (field, vocabulary, at least one).
LIST_FIELDS = (
    ("commanditaires", "commanditaires", True),
    ("participants", "participants", True),
    ("publics_finaux", "publics_finaux", False),
    ("echelons", "echelons", False),
    ("modalites", "modalites", False),
    ("financements", "financements", False),
)


@dataclass(frozen=True)
class Figures:
    modules: int
    runs: int
    bouquet_s: float
    check_jsonschema_s: float
    ratio: float
    one_file_s: float
    one_file_check_jsonschema_s: float
    one_file_ratio: float
    peak_mib: float
    bouquet_cpu_s: float
    check_jsonschema_cpu_s: float
    one_file_cpu_s: float
    cpu_ratio: float
    bouquet_exit: int
    check_jsonschema_exit: int
    one_file_exit: int
    source_modules: int
    load_average: float
    cpus: int


# --- generating the tree -------------------------------------------------------------------


def real_modules() -> list[tuple[Path, dict[str, Any]]]:
    """The repository's modules (folder, data); a fresh scaffold when there are none yet."""
    found = []
    for path in sorted(REPO.glob("modules/*/module.yaml")):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        if isinstance(data, dict):
            found.append((path.parent, data))
    if found:
        return found
    from bouquet.content.scaffold import ModuleRequest, render_module

    text = render_module(ModuleRequest("exemple", None, None, dt.date.today()), {})
    return [(REPO, yaml.load(text, Loader=yaml.CSafeLoader))]


def vocabulary_values(root: Path) -> dict[str, list[str]]:
    values = {}
    for path in sorted((root / VOCABS).glob("*.yaml")):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        values[data["id"]] = [v["id"] for v in data["valeurs"]]
    return values


def vary(data: dict[str, Any], new_id: str, vocab: dict[str, list[str]], rng: random.Random,
         today: dt.date) -> dict[str, Any]:
    """A valid variation of a module: same shape, other id, values, prices and dates."""
    module = dict(data)
    module["id"] = new_id
    if module.get("statut") == "deprecie":  # its replacement would not exist in the tree
        module["statut"] = "valide"
        module.pop("remplace_par", None)
    if "familles" in vocab:
        module["famille"] = rng.choice(vocab["familles"])
        module.pop("familles_secondaires", None)
    for field, name, required in LIST_FIELDS:
        if name in vocab and (required or field in module):
            module[field] = rng.sample(vocab[name], rng.randint(1, min(3, len(vocab[name]))))
    module["tiroirs"] = [vary_tiroir(t, rng) for t in module["tiroirs"]]
    module["date_revision"] = today - dt.timedelta(days=rng.randint(0, 400))
    return module


def vary_tiroir(tiroir: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    varied = dict(tiroir)
    factor = rng.uniform(0.8, 1.25)
    days = tiroir["duree_jours"]
    low = max(0.5, round(days["min"] * factor * 2) / 2)
    varied["duree_jours"] = {"min": low, "max": max(low, round(days["max"] * factor * 2) / 2)}
    if tiroir.get("prix_ht_eur"):
        price = tiroir["prix_ht_eur"]
        low_price = round(price["min"] * factor, -2)
        varied["prix_ht_eur"] = {
            "min": int(low_price), "max": int(max(low_price, round(price["max"] * factor, -2)))
        }
    return varied


def build_tree(root: Path, count: int, seed: int = 2026) -> list[str]:
    """Write the layout and ``count`` modules under ``root``; return the module paths."""
    shutil.copytree(REPO / VOCABS, root / VOCABS)
    write_schema(root)
    vocab = vocabulary_values(root)
    sources = real_modules()
    rng = random.Random(seed)
    today = dt.date.today()
    paths = []
    for index in range(count):
        folder, data = sources[index % len(sources)]
        new_id = f"{str(data['id'])[:48].rstrip('-')}-{index:05d}"
        target = root / "modules" / new_id
        if folder != REPO:
            shutil.copytree(folder, target)  # keeps the ressources/ a module points to
        target.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(vary(data, new_id, vocab, rng, today), Dumper=yaml.CSafeDumper,
                         allow_unicode=True, sort_keys=False, width=100)
        (target / "module.yaml").write_text(HEADER + text, encoding="utf-8")
        paths.append(f"modules/{new_id}/module.yaml")
    return paths


def write_schema(root: Path) -> None:
    target = root / SCHEMA
    if (REPO / SCHEMA).is_file():
        shutil.copyfile(REPO / SCHEMA, target)
        return
    from bouquet.content.model import Module  # until `bouquet schema` writes the real one

    target.write_text(json.dumps(Module.model_json_schema(), ensure_ascii=False), "utf-8")


# --- measuring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    wall_s: float
    cpu_s: float  # user + system time of the child: less sensitive to a busy machine
    exit_code: int


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(argv: Sequence[str], cwd: Path) -> Timing:
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return Timing(time.perf_counter() - start, _children_cpu() - cpu, done.returncode)


def median_time(argv: Sequence[str], cwd: Path, runs: int) -> Timing:
    timings = [timed_run(argv, cwd) for _ in range(runs)]
    return Timing(
        statistics.median(t.wall_s for t in timings),
        statistics.median(t.cpu_s for t in timings),
        max(t.exit_code for t in timings),
    )


_PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_mib(argv: Sequence[str], cwd: Path) -> float:
    """Max RSS of ``argv`` alone, measured by a fresh wrapper process (Linux: KiB)."""
    done = subprocess.run([sys.executable, "-c", _PEAK_WRAPPER, *argv], cwd=cwd,
                          capture_output=True, text=True, check=True)
    kib = int(done.stdout.strip())
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def measure(count: int, runs: int) -> Figures:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bouquet-bench-") as folder:
        root = Path(folder)
        paths = build_tree(root, count)
        bouquet = [str(BIN / "bouquet"), "validate"]
        checker = [str(BIN / "check-jsonschema"), "--schemafile", SCHEMA, *paths]
        whole = median_time(bouquet, root, runs)
        peer = median_time(checker, root, runs)
        one_path = paths[len(paths) // 2]
        one = median_time([*bouquet, one_path], root, max(runs, 5))
        one_peer = median_time([*checker[:3], one_path], root, max(runs, 5))
        peak = peak_mib(bouquet, root)
    return Figures(
        modules=count, runs=runs, bouquet_s=whole.wall_s, check_jsonschema_s=peer.wall_s,
        ratio=whole.wall_s / peer.wall_s, one_file_s=one.wall_s,
        one_file_check_jsonschema_s=one_peer.wall_s, one_file_ratio=one.wall_s / one_peer.wall_s,
        peak_mib=peak,
        bouquet_cpu_s=whole.cpu_s, check_jsonschema_cpu_s=peer.cpu_s, one_file_cpu_s=one.cpu_s,
        cpu_ratio=whole.cpu_s / peer.cpu_s if peer.cpu_s else 0.0,
        bouquet_exit=whole.exit_code, check_jsonschema_exit=peer.exit_code,
        one_file_exit=one.exit_code,
        source_modules=len(real_modules()), load_average=load, cpus=os.cpu_count() or 1,
    )


# --- reporting -----------------------------------------------------------------------------


def fr(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}".replace(",", NNBSP).replace(".", ",")


def verdict(met: bool) -> str:
    return "atteinte" if met else "NON atteinte"


def render_text(f: Figures) -> str:
    runs = f"{f.runs} passage{'s' if f.runs > 1 else ''}"
    rows = [
        f"Banc d'essai de «{NNBSP}bouquet validate{NNBSP}»{NNBSP}: {fr(f.modules, 0)} modules "
        f"(variations de {f.source_modules} module{'s' if f.source_modules > 1 else ''} "
        f"réel{'s' if f.source_modules > 1 else ''}), {runs}, médianes",
        f"  bouquet validate (tout le dépôt)        {fr(f.bouquet_s)}{NNBSP}s"
        f"  (processeur{NNBSP}: {fr(f.bouquet_cpu_s)}{NNBSP}s)",
        f"  check-jsonschema (mêmes fichiers)       {fr(f.check_jsonschema_s)}{NNBSP}s"
        f"  (processeur{NNBSP}: {fr(f.check_jsonschema_cpu_s)}{NNBSP}s)",
        f"  rapport bouquet / check-jsonschema      {fr(f.ratio)}"
        f"  (processeur{NNBSP}: {fr(f.cpu_ratio)}) (cible ≤ 0,2{NNBSP}: "
        f"{verdict(f.ratio <= TARGET_RATIO)})",
        f"  un fichier modifié (cas pre-commit)     {fr(f.one_file_s, 3)}{NNBSP}s"
        f"  (processeur{NNBSP}: {fr(f.one_file_cpu_s, 3)}{NNBSP}s)",
        f"  check-jsonschema sur ce fichier         {fr(f.one_file_check_jsonschema_s, 3)}{NNBSP}s",
        f"  rapport sur un fichier                  {fr(f.one_file_ratio)}"
        f" (cible ≤ 0,5{NNBSP}: {verdict(f.one_file_ratio <= TARGET_ONE_FILE_RATIO)})",
        f"  mémoire maximale de bouquet validate    {fr(f.peak_mib, 0)}{NNBSP}Mio"
        f"  (cible < 200{NNBSP}Mio{NNBSP}: {verdict(f.peak_mib < TARGET_PEAK_MIB)})",
    ]
    rows.append(
        f"  charge de la machine au départ          {fr(f.load_average)} pour {f.cpus} cœur"
        f"{'s' if f.cpus > 1 else ''}"
        + (f"{NNBSP}: machine occupée, chiffres à reprendre au repos" if f.load_average > f.cpus
           else "")
    )
    codes = (f.bouquet_exit, f.check_jsonschema_exit, f.one_file_exit)
    if any(codes):
        rows.append(
            f"  attention{NNBSP}: codes de sortie non nuls (bouquet {codes[0]}, "
            f"check-jsonschema {codes[1]}, un fichier {codes[2]}){NNBSP}; les données "
            "générées devraient être valides."
        )
    return "\n".join(rows)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Mesure bouquet validate face à check-jsonschema sur des modules générés."
    )
    parser.add_argument("--modules", type=int, default=2000, help="nombre de modules (2000)")
    parser.add_argument("--runs", type=int, default=5, help="passages par mesure (5)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.modules < 1 or args.runs < 1:
        parser.error("--modules et --runs doivent être au moins 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    figures = measure(args.modules, args.runs)
    if args.format == "json":
        print(json.dumps(asdict(figures), indent=2))
    else:
        print(render_text(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
