"""Benchmark of `bouquet site` against `mkdocs build` on the same generated modules.

    .venv/bin/python bench/site.py                        # 1 000 modules, one release
    .venv/bin/python bench/site.py --modules 50 --format json

Generates N valid modules (as bench/validate.py does) in a temporary git repository, tags
them as one release v1.0.0, writes the same module descriptions as Markdown pages of an
MkDocs project (default theme, its search index included), then times in one run, as
subprocesses (wall and processor time):
- `mkdocs build` of the pages (the peer);
- a full `bouquet site` (search index included), with and without the PDF fiches
  (`--sans-fiches`): target ≤ 1,0 × mkdocs;
- after one module changed on the branch, a rebuild into the same folder (the release is
  reused, the branch appears at /prochaine/): target ≤ 0,2 × the full build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from validate import BIN, NNBSP, Timing, build_tree, fr, timed_run, verdict

TARGET_FULL, TARGET_REBUILD = 1.0, 0.2


@dataclass(frozen=True)
class Figures:
    modules: int
    mkdocs_s: float
    full_s: float
    full_sans_fiches_s: float
    rebuild_s: float
    rebuild_sans_fiches_s: float
    mkdocs_cpu_s: float
    full_cpu_s: float
    full_sans_fiches_cpu_s: float
    rebuild_cpu_s: float
    rebuild_sans_fiches_cpu_s: float
    exits: tuple[int, ...]
    load_average: float
    cpus: int

    @property
    def full_ratio(self) -> float:
        return self.full_s / self.mkdocs_s

    @property
    def full_sans_fiches_ratio(self) -> float:
        return self.full_sans_fiches_s / self.mkdocs_s

    @property
    def rebuild_ratio(self) -> float:
        return self.rebuild_s / self.full_s

    @property
    def rebuild_sans_fiches_ratio(self) -> float:
        return self.rebuild_sans_fiches_s / self.full_sans_fiches_s


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Banc", "GIT_AUTHOR_EMAIL": "banc@example.org",
           "GIT_COMMITTER_NAME": "Banc", "GIT_COMMITTER_EMAIL": "banc@example.org"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def markdown_page(data: dict[str, Any]) -> str:
    """The same description as a Markdown page: title, summary, text, tiroirs, lists."""
    lines = [f"# {data['titre']}", "", str(data["resume"]), "", str(data["description"]), "",
             "## Tiroirs", "", "| Tiroir | Durée (jours) | Prix HT | Livrables |",
             "| --- | --- | --- | --- |"]
    for tiroir in data["tiroirs"]:
        price = tiroir.get("prix_ht_eur")
        money = f"{price['min']} à {price['max']} €" if price else "sur devis"
        days = tiroir["duree_jours"]
        lines.append(f"| {tiroir['titre']} | {days['min']} à {days['max']} | {money} | "
                     f"{' ; '.join(tiroir['livrables'])} |")
    for field in ("commanditaires", "participants", "prerequis", "contributeurs"):
        lines += ["", f"## {field.capitalize()}", ""]
        lines += [f"- {value}" for value in data.get(field, [])]
    return "\n".join(lines) + "\n"


def write_mkdocs(depot: Path, project: Path) -> None:
    docs = project / "docs"
    (docs / "modules").mkdir(parents=True)
    names = []
    for path in sorted(depot.glob("modules/*/module.yaml")):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        (docs / "modules" / f"{data['id']}.md").write_text(markdown_page(data), "utf-8")
        names.append(f"- [{data['titre']}](modules/{data['id']}.md)")
    (docs / "index.md").write_text("# Le Bouquet\n\n" + "\n".join(names) + "\n", "utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Le Bouquet\ntheme:\n  name: mkdocs\n  locale: fr\nplugins:\n  - search:\n"
        "      lang: fr\n", "utf-8")


def change_one_module(depot: Path) -> None:
    path = sorted(depot.glob("modules/*/module.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nresume: ", "\nresume: Modifié. ", 1), encoding="utf-8")
    git(depot, "commit", "-q", "-am", "Un module modifié")


def measure(count: int) -> Figures:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bouquet-bench-site-") as folder:
        root = Path(folder)
        depot, project = root / "depot", root / "mkdocs"
        depot.mkdir()
        build_tree(depot, count)
        git(depot, "init", "-q", "-b", "main")
        git(depot, "add", "-A")
        git(depot, "commit", "-q", "-m", "Catalogue")
        git(depot, "tag", "-a", "v1.0.0", "-m", "Version 1.0.0")
        write_mkdocs(depot, project)
        bouquet = [str(BIN / "bouquet"), "site", "-C", str(depot)]
        peer = timed_run([str(BIN / "mkdocs"), "build", "-q"], project)
        full = timed_run([*bouquet, "--out", str(root / "avec")], root)
        light = timed_run([*bouquet, "--sans-fiches", "--out", str(root / "sans")], root)
        change_one_module(depot)
        rebuild = timed_run([*bouquet, "--out", str(root / "avec")], root)
        rebuild_light = timed_run([*bouquet, "--sans-fiches", "--out", str(root / "sans")],
                                  root)
        shutil.rmtree(root / "avec", ignore_errors=True)
    timings: tuple[Timing, ...] = (peer, full, light, rebuild, rebuild_light)
    return Figures(
        modules=count, mkdocs_s=peer.wall_s, full_s=full.wall_s,
        full_sans_fiches_s=light.wall_s, rebuild_s=rebuild.wall_s,
        rebuild_sans_fiches_s=rebuild_light.wall_s, mkdocs_cpu_s=peer.cpu_s,
        full_cpu_s=full.cpu_s, full_sans_fiches_cpu_s=light.cpu_s,
        rebuild_cpu_s=rebuild.cpu_s, rebuild_sans_fiches_cpu_s=rebuild_light.cpu_s,
        exits=tuple(t.exit_code for t in timings), load_average=load,
        cpus=os.cpu_count() or 1,
    )


def _line(label: str, wall: float, cpu: float) -> str:
    return f"  {label:<44}{fr(wall)}{NNBSP}s  (processeur{NNBSP}: {fr(cpu)}{NNBSP}s)"


def render_text(f: Figures) -> str:
    rows = [
        f"Banc d'essai de «{NNBSP}bouquet site{NNBSP}»{NNBSP}: {fr(f.modules, 0)} modules "
        "dans une version, un passage",
        _line("mkdocs build (mêmes descriptions, recherche)", f.mkdocs_s, f.mkdocs_cpu_s),
        _line("bouquet site complet (fiches PDF comprises)", f.full_s, f.full_cpu_s),
        _line("bouquet site complet --sans-fiches", f.full_sans_fiches_s,
              f.full_sans_fiches_cpu_s),
        _line("reconstruction, un module modifié", f.rebuild_s, f.rebuild_cpu_s),
        _line("reconstruction --sans-fiches", f.rebuild_sans_fiches_s,
              f.rebuild_sans_fiches_cpu_s),
        f"  rapport complet / mkdocs                    {fr(f.full_ratio)} (cible ≤ 1,0"
        f"{NNBSP}: {verdict(f.full_ratio <= TARGET_FULL)})",
        f"  rapport complet --sans-fiches / mkdocs      {fr(f.full_sans_fiches_ratio)} "
        f"(cible ≤ 1,0{NNBSP}: {verdict(f.full_sans_fiches_ratio <= TARGET_FULL)})",
        f"  rapport reconstruction / complet            {fr(f.rebuild_ratio)} (cible ≤ 0,2"
        f"{NNBSP}: {verdict(f.rebuild_ratio <= TARGET_REBUILD)})",
        f"  rapport reconstruction / complet, sans fiches {fr(f.rebuild_sans_fiches_ratio)} "
        f"(cible ≤ 0,2{NNBSP}: {verdict(f.rebuild_sans_fiches_ratio <= TARGET_REBUILD)})",
        f"  charge de la machine au départ              {fr(f.load_average)} pour {f.cpus} "
        f"cœur{'s' if f.cpus > 1 else ''}"
        + (f"{NNBSP}: machine occupée, chiffres à reprendre au repos"
           if f.load_average > f.cpus else ""),
    ]
    if any(f.exits):
        rows.append(f"  attention{NNBSP}: codes de sortie non nuls {f.exits}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Mesure bouquet site face à mkdocs build sur des modules générés.")
    parser.add_argument("--modules", type=int, default=1000, help="nombre de modules (1000)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.modules < 1:
        parser.error("--modules doit être au moins 1")
    figures = measure(args.modules)
    if args.format == "json":
        print(json.dumps({**asdict(figures), "full_ratio": figures.full_ratio,
                          "rebuild_ratio": figures.rebuild_ratio}, indent=2))
    else:
        print(render_text(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
