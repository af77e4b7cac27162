"""Checks of the deployment records ``deploiements/<hub>/<id>.yaml`` (BQ5xx).

``check_deployments`` yields located diagnostics for every record of the sources: the shape
(the model), then the rules across fields (dates, sums, results), across files (members of
``governance/membres.yaml``, the pinned geographic code list) and across history (the release
the offer was made from, read from its git tag; one catalogue per tag and run).

The catalogue of a release is built by the function the caller passes (``build``): the
catalogue builder itself calls this module, so it cannot be imported here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from bouquet.content.catalogue import Catalogue
from bouquet.content.deployment import (
    COG_FILE,
    DEPLOYMENTS_DIR,
    MEMBERS_FILE,
    PERCENT,
    PUBLIC_BODIES,
    Deploiement,
    Realisation,
    StatutDeploiement,
    is_deployment_path,
)
from bouquet.content.files import Tree
from bouquet.content.geography import KINDS, Geography, parse_cog
from bouquet.content.model import Module, Statut
from bouquet.content.model_errors import model_diagnostics, real_errors, shown
from bouquet.content.reading.loader import Document, json_path, load_yaml
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.edges.git import Repository
from bouquet.errors import BouquetError

Build = Callable[[Mapping[str, bytes]], Catalogue]
Loc = tuple[str | int, ...]
RELEASE_PREFIXES = ("modules", "schema/vocabulaires")
LA_POSTE = "356000000"  # the one SIREN outside the Luhn key (its digits sum to a multiple of 5)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
_CIVILITY = re.compile(r"\b(?:M\.|Mme|Mlle|Monsieur|Madame)\s+[A-ZÉÈ]")


def luhn_ok(siren: str) -> bool:
    """The SIREN's Luhn key holds (or it is La Poste's, the documented exception)."""
    if siren == LA_POSTE:
        return True
    total = 0
    for index, char in enumerate(reversed(siren)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def semester_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``AAAA-S1`` (January–June) or ``AAAA-S2`` (July–December)."""
    year, half = int(period[:4]), period[-1]
    if half == "1":
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


class ReleaseCatalogues:
    """The catalogue of each final release ``vX.Y.Z``, read from git once per tag."""

    def __init__(self, repository: Repository, build: Build) -> None:
        self._repository = repository
        self._build = build
        self._tags = {t.name: t.commit for t in repository.release_tags() if t.is_final}
        self._cache: dict[str, Catalogue] = {}

    @classmethod
    def open(cls, root: Path | None, build: Build) -> ReleaseCatalogues | None:
        """None when ``root`` is not a git working tree (history cannot be read)."""
        if root is None:
            return None
        try:
            return cls(Repository(root), build)
        except BouquetError:
            return None

    def at(self, version: str) -> Catalogue | None:
        """The catalogue of ``vX.Y.Z``, or None when that tag does not exist."""
        name = f"v{version}"
        if name not in self._tags:
            return None
        if name not in self._cache:
            sources = self._repository.read_tree(self._tags[name], RELEASE_PREFIXES)
            self._cache[name] = self._build(sources)
        return self._cache[name]


@dataclass(frozen=True)
class References:
    """What the rules know beyond one record; None where the reference is unavailable."""

    members: frozenset[str] | None
    geography: Geography | None
    releases: ReleaseCatalogues | None
    vocab_ids: Mapping[str, frozenset[str]]


def check_deployments(
    sources: Mapping[str, bytes], *, tree: Tree, only: frozenset[str] | None,
    repo: Path | None, vocab_ids: Mapping[str, frozenset[str]], build: Build,
) -> list[Diagnostic]:
    """Every problem of the deployment records among ``sources`` (those in ``only`` when
    given)."""
    paths = sorted(p for p in sources if p.split("/")[0] == DEPLOYMENTS_DIR
                   and (only is None or p in only))
    if not paths:
        return []
    out: list[Diagnostic] = []
    refs = References(_members(sources, tree), _geography(sources, tree),
                      ReleaseCatalogues.open(repo, build), vocab_ids)
    for missing, value in ((MEMBERS_FILE, refs.members), (COG_FILE, refs.geography)):
        if value is None:
            out.append(diag("BQ518", paths[0], 0, 0,
                            f"« {missing} » introuvable ou illisible : vérification incomplète"))
    for path in paths:
        out.extend(check_record(path, sources[path], refs))
    return out


def check_record(path: str, data: bytes, refs: References) -> Iterator[Diagnostic]:
    if not is_deployment_path(path):
        yield diag("BQ501", path, 0, 0, f"« {path} » n'est pas de la forme "
                   f"{DEPLOYMENTS_DIR}/<hub>/<id>.yaml")
        return
    document, found = load_yaml(path, data)
    yield from found
    if document is None:
        return
    yield from _personal_data(document, document.value, ())
    out: list[Diagnostic] = []
    record = parse_record(document, out)
    yield from out
    if record is not None:
        yield from _record_rules(document, record, refs)


def parse_record(document: Document, out: list[Diagnostic]) -> Deploiement | None:
    """The validated record, or None; unknown keys are reported and then ignored."""
    try:
        return Deploiement.model_validate(document.value)
    except ValidationError as exc:
        out.extend(model_diagnostics(Deploiement, document, exc))
        errors = real_errors(exc)
        if errors and all(e["type"] == "extra_forbidden" for e in errors):
            return _without(document.value, [tuple(e["loc"]) for e in errors])
        return None


def _without(value: object, extras: list[Loc]) -> Deploiement | None:
    def strip(node: object, locs: list[Loc]) -> object:
        if isinstance(node, dict):
            drop = {loc[0] for loc in locs if len(loc) == 1}
            return {k: strip(v, [loc[1:] for loc in locs if len(loc) > 1 and loc[0] == k])
                    for k, v in node.items() if k not in drop}
        if isinstance(node, list):
            return [strip(v, [loc[1:] for loc in locs if len(loc) > 1 and loc[0] == i])
                    for i, v in enumerate(node)]
        return node
    try:
        return Deploiement.model_validate(strip(value, extras))
    except ValidationError:
        return None


def _at(code: str, doc: Document, loc: Loc, message: str, hint: str | None = None) -> Diagnostic:
    line, column = doc.position(loc)
    return diag(code, doc.path, line, column, message, hint=hint, json_path=json_path(loc))


def _record_rules(doc: Document, record: Deploiement, refs: References) -> Iterator[Diagnostic]:
    yield from _path_rules(doc, record, refs)
    yield from _vocabularies(doc, record, refs)
    yield from _sirens(doc, record)
    yield from _territory(doc, record, refs.geography)
    yield from _dates(doc, record)
    yield from _amounts(doc, record)
    module = yield from _release(doc, record, refs.releases)
    for index, result in enumerate(record.realisations):
        yield from _result(doc, record, module, index, result)
    if module is not None:
        yield from _price(doc, record, module)


def _path_rules(doc: Document, record: Deploiement, refs: References) -> Iterator[Diagnostic]:
    _, hub_folder, file_name = doc.path.split("/")
    stem = file_name[: -len(".yaml")]
    if record.id != stem:
        yield _at("BQ502", doc, ("id",), f"l'id « {shown(record.id)} » diffère du nom du "
                  f"fichier « {shown(stem)} »", hint=f"Écrivez « id: {stem} ».")
    if record.hub != hub_folder:
        yield _at("BQ502", doc, ("hub",), f"le hub « {shown(record.hub)} » diffère du dossier "
                  f"« {shown(hub_folder)} »",
                  hint=f"Écrivez « hub: {hub_folder} » ou rangez le fichier dans "
                       f"{DEPLOYMENTS_DIR}/{record.hub}/.")
    if refs.members is not None and record.hub not in refs.members:
        yield _at("BQ503", doc, ("hub",), f"« {shown(record.hub)} » n'est pas un membre de "
                  f"{MEMBERS_FILE}")


def _vocabularies(doc: Document, record: Deploiement, refs: References) -> Iterator[Diagnostic]:
    values: list[tuple[str, Loc, str]] = [
        ("commanditaires", ("commanditaire", "type"), record.commanditaire.type)]
    values += [("financements", ("financements", i, "source"), f.source)
               for i, f in enumerate(record.financements)]
    for name, loc, value in values:
        allowed = refs.vocab_ids.get(name)
        if allowed is not None and value not in allowed:
            yield _at("BQ201", doc, loc, f"« {shown(value)} » n'est pas une valeur du "
                      f"vocabulaire « {name} »",
                      hint=f"Choisissez une valeur de schema/vocabulaires/{name}.yaml : "
                           f"{', '.join(sorted(allowed))}.")


def _sirens(doc: Document, record: Deploiement) -> Iterator[Diagnostic]:
    client = record.commanditaire
    if client.siren is None and client.type in PUBLIC_BODIES:
        yield _at("BQ508", doc, ("commanditaire",),
                  f"le commanditaire « {shown(client.nom)} » ({client.type}) n'a pas de SIREN")
    sirens: list[tuple[Loc, str]] = []
    if client.siren is not None:
        sirens.append((("commanditaire", "siren"), client.siren))
    sirens += [(("territoire", "epci", i), s) for i, s in enumerate(record.territoire.epci)]
    for loc, siren in sirens:
        if not luhn_ok(siren):
            yield _at("BQ507", doc, loc, f"le SIREN « {siren} » a une clé de contrôle fausse")


def _territory(doc: Document, record: Deploiement,
               geography: Geography | None) -> Iterator[Diagnostic]:
    if geography is None:
        return
    for field in KINDS:
        for index, code in enumerate(getattr(record.territoire, field)):
            if not geography.knows(field, code):
                yield _at("BQ509", doc, ("territoire", field, index),
                          f"« {code} » n'est pas un code {_KIND_LABEL[field]} du Code "
                          "officiel géographique 2026")


_KIND_LABEL = {"communes": "de commune", "epci": "d'EPCI à fiscalité propre (SIREN)",
               "departements": "de département", "regions": "de région"}


def _dates(doc: Document, record: Deploiement) -> Iterator[Diagnostic]:
    dates = record.dates
    named = [(n, d) for n, d in (("signature", dates.signature), ("debut", dates.debut),
                                 ("fin", dates.fin)) if d is not None]
    for (first, before), (second, after) in itertools.pairwise(named):
        if after < before:
            yield _at("BQ510", doc, ("dates", second),
                      f"« {second} » ({after.isoformat()}) précède « {first} » "
                      f"({before.isoformat()})")
    if record.statut is StatutDeploiement.TERMINE and dates.fin is None:
        yield _at("BQ511", doc, ("statut",), "le déploiement est « termine » mais n'a pas de "
                  "date de fin")


def _amounts(doc: Document, record: Deploiement) -> Iterator[Diagnostic]:
    if record.montant_ht_eur is None or not record.financements:
        return
    total = sum(f.montant_eur for f in record.financements)
    if total != record.montant_ht_eur:
        yield _at("BQ512", doc, ("montant_ht_eur",),
                  f"les financements totalisent {total} €, le montant est "
                  f"{record.montant_ht_eur} €")


def _release(doc: Document, record: Deploiement, releases: ReleaseCatalogues | None
             ) -> Generator[Diagnostic, None, Module | None]:
    """Check the release, module and tiroir; return (as the generator's value) the module at
    that release when it is there and published."""
    if releases is None:
        return None
    catalogue = releases.at(record.version)
    if catalogue is None:
        yield _at("BQ504", doc, ("version",), f"aucune publication v{record.version} "
                  "(étiquette git absente)")
        return None
    module = catalogue.modules.get(record.module)
    if module is None or module.statut is Statut.BROUILLON:
        state = "absent de" if module is None else "brouillon, donc non publié, dans"
        yield _at("BQ505", doc, ("module",), f"le module « {shown(record.module)} » est "
                  f"{state} la version {record.version}")
        return None
    if record.tiroir not in {t.id for t in module.tiroirs}:
        listed = ", ".join(t.id for t in module.tiroirs)
        yield _at("BQ506", doc, ("tiroir",), f"le module « {module.id} » n'a pas de tiroir "
                  f"« {shown(record.tiroir)} » dans la version {record.version}",
                  hint=f"Tiroirs de ce module : {listed}.")
    return module


def _result(doc: Document, record: Deploiement, module: Module | None, index: int,
            result: Realisation) -> Iterator[Diagnostic]:
    loc: Loc = ("realisations", index)
    first, last = semester_bounds(result.periode)
    start, end = record.dates.debut, record.dates.fin
    if start is None or start > last or (end is not None and end < first):
        span = "sans date de début" if start is None else (
            f"du {start.isoformat()} au {end.isoformat() if end else '…'}")
        yield _at("BQ513", doc, (*loc, "periode"), f"le semestre {result.periode} ne "
                  f"chevauche pas le déploiement ({span})")
    percent: bool | None = None
    if module is not None:
        units = {i.id: i.unite for i in module.indicateurs}
        if result.indicateur not in units:
            listed = ", ".join(units) or "aucun"
            yield _at("BQ514", doc, (*loc, "indicateur"), f"le module « {module.id} » n'a pas "
                      f"d'indicateur « {shown(result.indicateur)} » dans la version "
                      f"{record.version}", hint=f"Indicateurs du module : {listed}.")
        else:
            percent = units[result.indicateur] == PERCENT
    yield from _result_form(doc, loc, result, percent)


def _result_form(doc: Document, loc: Loc, result: Realisation,
                 percent: bool | None) -> Iterator[Diagnostic]:
    has_value = result.valeur is not None
    has_ratio = result.numerateur is not None or result.denominateur is not None
    if has_value == has_ratio:
        yield _at("BQ515", doc, loc, "une réalisation a soit « valeur », soit « numerateur » "
                  "et « denominateur »")
        return
    if has_ratio and (result.numerateur is None or result.denominateur is None):
        yield _at("BQ515", doc, loc, "« numerateur » et « denominateur » vont ensemble")
        return
    if percent is True and has_value:
        yield _at("BQ515", doc, (*loc, "valeur"), f"l'indicateur « {result.indicateur} » est "
                  "en % : donnez « numerateur » et « denominateur », pas une valeur")
    elif percent is False and has_ratio:
        yield _at("BQ515", doc, (*loc, "numerateur"), f"l'indicateur « {result.indicateur} » "
                  "n'est pas en % : donnez « valeur »")
    if (result.numerateur is not None and result.denominateur is not None
            and result.numerateur > result.denominateur):
        yield _at("BQ515", doc, (*loc, "numerateur"), f"le numérateur ({result.numerateur}) "
                  f"dépasse le dénominateur ({result.denominateur})")


def _price(doc: Document, record: Deploiement, module: Module) -> Iterator[Diagnostic]:
    tiroir = next((t for t in module.tiroirs if t.id == record.tiroir), None)
    amount = record.montant_ht_eur
    if tiroir is None or tiroir.prix_ht_eur is None or amount is None:
        return
    low, high = tiroir.prix_ht_eur.min, tiroir.prix_ht_eur.max
    if not low <= amount <= high:
        yield _at("BQ517", doc, ("montant_ht_eur",), f"{amount} € est hors de la fourchette "
                  f"du tiroir « {tiroir.id} » ({low} à {high} €)")


def _personal_data(doc: Document, value: object, loc: Loc) -> Iterator[Diagnostic]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _personal_data(doc, item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _personal_data(doc, item, (*loc, index))
    elif isinstance(value, str):
        for pattern, what in ((_EMAIL, "une adresse électronique"),
                              (_PHONE, "un numéro de téléphone"),
                              (_CIVILITY, "le nom d'une personne")):
            if pattern.search(value):
                yield _at("BQ516", doc, loc, f"« {json_path(loc)[2:]} » contient {what}")
                break


def _members(sources: Mapping[str, bytes], tree: Tree) -> frozenset[str] | None:
    data = sources.get(MEMBERS_FILE) or tree.read(MEMBERS_FILE)
    if data is None:
        return None
    document, _ = load_yaml(MEMBERS_FILE, data)
    members = document.value.get("membres") if document and isinstance(
        document.value, dict) else None
    if not isinstance(members, list):
        return None
    return frozenset(m["id"] for m in members if isinstance(m, dict) and isinstance(
        m.get("id"), str))


def _geography(sources: Mapping[str, bytes], tree: Tree) -> Geography | None:
    data = sources.get(COG_FILE) or tree.read(COG_FILE)
    if data is None:
        return None
    try:
        return parse_cog(data)
    except (UnicodeDecodeError, ValueError):
        return None
