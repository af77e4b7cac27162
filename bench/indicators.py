"""Benchmark of the deployment records: indicators on DuckDB and PostgreSQL, validation against
check-jsonschema, and the cache of a second `bouquet indicateurs`.

    .venv/bin/python bench/indicators.py                     # 100 000 records, 5 000 files
    .venv/bin/python bench/indicators.py --records 2000 --files 200 --format json

1. 100 000 generated records (valid, over the test catalogue's two releases and the real
   geographic code list) as Arrow tables: loading them into DuckDB in memory and running every
   indicator SQL file over all semesters (target ≤ 5 s); the same on a throwaway PostgreSQL
   server (COPY), whose results must be identical.
2. 5 000 record files in a temporary repository: `bouquet validate` (whole repository) against
   `check-jsonschema --schemafile schema/deploiement.schema.json` on the same files (target ≤
   0.5×); then `bouquet indicateurs` twice, the second after one record changed (the cache
   under .cache/ reuses what the first run parsed): the ratio second / first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
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
sys.path.insert(0, str(REPO / "tests"))

from bouquet.content.deployment import Deploiement  # noqa: E402
from bouquet.content.geography import parse_cog  # noqa: E402
from bouquet.edges.database import connect  # noqa: E402
from bouquet.indicators.compute import compute  # noqa: E402
from bouquet.indicators.inputs import release_modules  # noqa: E402
from bouquet.indicators.semesters import Semester, semesters_between  # noqa: E402
from bouquet.indicators.tables import ParsedRecord, record_tables, reference_tables  # noqa: E402
from bouquet.validation.deployments import luhn_ok  # noqa: E402
from deploymentrepo import build_catalogue_repo  # noqa: E402
from pgserver import binaries, postgres_server  # noqa: E402

BIN = Path(sys.executable).parent
NNBSP = "\u202f"
TARGET_DUCKDB_S, TARGET_RATIO = 5.0, 0.5
HUBS = ("zoomacom", "hinaura", "mednum-bfc", "les-assembleurs", "agate")
# (module, version, tiroirs with their price range or None, a countable indicator, a % one)
OFFER = (
    ("diagnostic-territorial", "1.0.0", {"essentiel": (4000, 6500), "approfondi": (9000, 16000),
                                         "sur_mesure": None}, "repondants",
     "conformite-standard"),
    ("formation-aidants-numeriques", "1.0.0", {"essentiel": (1100, 1500),
                                               "approfondi": (3500, 5000)},
     "personnes-formees", "satisfaction"),
    ("appui-mediateurs", "1.0.0", {"essentiel": (2500, 4000), "approfondi": (6000, 10000)},
     "mediateurs-participants", "assiduite"),
    ("cartographie-lieux", "1.1.0", {"essentiel": (3000, 5000), "approfondi": (6000, 10000)},
     "lieux-publies", "lignes-valides"),
)
STATUTS = ("prevu", "signe", "en_cours", "termine", "annule")
SOURCES = ("fne_ingenierie", "budget_propre", "dsil", "banque_des_territoires", "fse_plus")


def epci_codes() -> list[str]:
    geography = parse_cog((REPO / "schema" / "references" / "cog-2026.csv").read_bytes())
    return sorted(c for c in geography.covers["epci"] if luhn_ok(c))


def semester_code(day: dt.date) -> str:
    return f"{day.year}-S{1 if day.month <= 6 else 2}"


def record(index: int, rng: random.Random, epcis: Sequence[str]) -> dict[str, Any]:
    module, version, tiroirs, count_id, share_id = rng.choice(OFFER)
    tiroir = rng.choice(sorted(tiroirs))
    prices = tiroirs[tiroir]
    statut = rng.choice(STATUTS)
    signature = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
    debut = signature + dt.timedelta(days=rng.randrange(60))
    fin = debut + dt.timedelta(days=rng.randrange(30, 400))
    epci = rng.choice(epcis)
    data: dict[str, Any] = {
        "id": f"d{index:06d}", "hub": HUBS[index % len(HUBS)], "module": module,
        "tiroir": tiroir, "version": version, "statut": statut,
        "commanditaire": {"type": "intercommunalite", "nom": f"Intercommunalité {epci}",
                          "siren": epci},
        "territoire": {"epci": [epci]},
        "dates": {"signature": signature, "debut": debut,
                  **({"fin": fin} if statut == "termine" else {})},
        "date_maj": dt.date(2026, 11, 30),
    }
    if prices is not None and rng.random() < 0.9:
        amount = rng.randrange(prices[0], prices[1] + 1)
        part = rng.randrange(0, amount + 1)
        data["montant_ht_eur"] = amount
        data["financements"] = [{"source": rng.choice(SOURCES[:2]), "montant_eur": part},
                                {"source": rng.choice(SOURCES[2:]), "montant_eur": amount - part}]
    if statut in ("en_cours", "termine"):
        period = semester_code(debut)
        denominator = rng.randrange(1, 50)
        data["realisations"] = [
            {"periode": period, "indicateur": count_id, "valeur": rng.randrange(0, 200)},
            {"periode": period, "indicateur": share_id,
             "numerateur": rng.randrange(0, denominator + 1), "denominateur": denominator}]
    return data


def yaml_text(data: dict[str, Any]) -> str:
    header = "# yaml-language-server: $schema=../../schema/deploiement.schema.json\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True)
class Figures:
    records: int
    files: int
    tables_s: float
    duckdb_s: float
    postgresql_s: float | None
    identical: bool | None
    validate_s: float
    check_jsonschema_s: float
    ratio: float
    validate_exit: int
    check_jsonschema_exit: int
    first_indicators_s: float
    second_indicators_s: float
    cache_ratio: float
    load_average: float
    cpus: int


def engines(count: int, root: Path) -> tuple[float, float, float | None, bool | None]:
    rng = random.Random(2026)
    epcis = epci_codes()
    parsed = [ParsedRecord(f"deploiements/x/{i}.yaml", f"h{i}",
                           Deploiement.model_validate(record(i, rng, epcis)))
              for i in range(count)]
    start = time.perf_counter()
    tables = record_tables(parsed)
    semesters = semesters_between(Semester(2024, 1), Semester(2027, 1))
    geography = parse_cog((REPO / "schema" / "references" / "cog-2026.csv").read_bytes())
    tables |= reference_tables(semesters, geography, release_modules(root),
                               tables["territories"])
    tables_s = time.perf_counter() - start
    start = time.perf_counter()
    database = connect(None)
    database.load(tables)
    on_duckdb = compute(database, semesters)
    database.close()
    duckdb_s = time.perf_counter() - start
    if binaries() is None:
        return tables_s, duckdb_s, None, None
    with postgres_server() as url:
        start = time.perf_counter()
        database = connect(url)
        database.load(tables)
        on_postgresql = compute(database, semesters)
        database.close()
        postgresql_s = time.perf_counter() - start
    return tables_s, duckdb_s, postgresql_s, on_postgresql == on_duckdb


def timed(argv: Sequence[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, done.returncode


def files_run(count: int, root: Path) -> tuple[float, float, int, int, float, float]:
    rng = random.Random(7)
    epcis = epci_codes()
    paths = []
    for i in range(count):
        data = record(i, rng, epcis)
        path = root / "deploiements" / data["hub"] / f"{data['id']}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml_text(data), encoding="utf-8")
        paths.append(str(path.relative_to(root)))
    shutil.copytree(REPO / "schema", root / "schema", dirs_exist_ok=True)
    bouquet = str(BIN / "bouquet")
    validate_s, validate_exit = timed([bouquet, "validate", "--today", "2026-11-30"], root)
    peer_s, peer_exit = timed([str(BIN / "check-jsonschema"), "--schemafile",
                               "schema/deploiement.schema.json", *paths], root)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    indicators = [bouquet, "indicateurs", "--semestre", "2025-S2", "--format", "json"]
    first_s, _ = timed(indicators, root)
    changed = root / paths[0]
    changed.write_text(changed.read_text("utf-8").replace("Intercommunalité",
                                                          "Communauté"), "utf-8")
    second_s, _ = timed(indicators, root)
    return validate_s, peer_s, validate_exit, peer_exit, first_s, second_s


def measure(records: int, files: int) -> Figures:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bouquet-bench-") as folder:
        root = build_catalogue_repo(Path(folder) / "depot")
        tables_s, duckdb_s, postgresql_s, identical = engines(records, root)
        validate_s, peer_s, v_exit, p_exit, first_s, second_s = files_run(files, root)
    return Figures(records, files, tables_s, duckdb_s, postgresql_s, identical, validate_s,
                   peer_s, validate_s / peer_s, v_exit, p_exit, first_s, second_s,
                   second_s / first_s, load, os.cpu_count() or 1)


def fr(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}".replace(",", NNBSP).replace(".", ",")


def verdict(met: bool) -> str:
    return "atteinte" if met else "NON atteinte"


def render_text(f: Figures) -> str:
    postgresql = ("non mesuré (PostgreSQL introuvable)" if f.postgresql_s is None else
                  f"{fr(f.postgresql_s)}{NNBSP}s, résultats "
                  f"{'identiques à' if f.identical else 'DIFFÉRENTS de'} ceux de DuckDB")
    rows = [
        f"Banc d'essai des déploiements{NNBSP}: {fr(f.records, 0)} fiches générées, "
        f"{fr(f.files, 0)} fichiers",
        f"  tables Arrow (fiches déjà lues)               {fr(f.tables_s)}{NNBSP}s",
        f"  DuckDB{NNBSP}: chargement + tous les indicateurs {fr(f.duckdb_s)}{NNBSP}s"
        f"  (cible ≤ 5{NNBSP}s{NNBSP}: {verdict(f.duckdb_s <= TARGET_DUCKDB_S)})",
        f"  PostgreSQL{NNBSP}: COPY + tous les indicateurs   {postgresql}",
        f"  bouquet validate ({fr(f.files, 0)} fiches)          {fr(f.validate_s)}{NNBSP}s",
        f"  check-jsonschema (mêmes fichiers)             {fr(f.check_jsonschema_s)}{NNBSP}s",
        f"  rapport bouquet / check-jsonschema            {fr(f.ratio)}"
        f"  (cible ≤ 0,5{NNBSP}: {verdict(f.ratio <= TARGET_RATIO)})",
        f"  bouquet indicateurs, premier passage          {fr(f.first_indicators_s)}{NNBSP}s",
        f"  second passage, une fiche modifiée (cache)    {fr(f.second_indicators_s)}{NNBSP}s"
        f"  (rapport{NNBSP}: {fr(f.cache_ratio)})",
        f"  charge de la machine au départ                {fr(f.load_average)} pour {f.cpus} "
        f"cœur{'s' if f.cpus > 1 else ''}"
        + (f"{NNBSP}: machine occupée, chiffres à reprendre au repos"
           if f.load_average > f.cpus else ""),
    ]
    if f.validate_exit or f.check_jsonschema_exit:
        rows.append(f"  attention{NNBSP}: codes de sortie non nuls (bouquet {f.validate_exit}, "
                    f"check-jsonschema {f.check_jsonschema_exit}){NNBSP}; les fiches générées "
                    "devraient être valides.")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mesure les indicateurs et la validation des "
                                                 "fiches de déploiement.")
    parser.add_argument("--records", type=int, default=100_000, help="fiches en mémoire")
    parser.add_argument("--files", type=int, default=5_000, help="fichiers de fiches")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.records < 1 or args.files < 1:
        parser.error("--records et --files doivent être au moins 1")
    figures = measure(args.records, args.files)
    print(json.dumps(asdict(figures), indent=2) if args.format == "json"
          else render_text(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
