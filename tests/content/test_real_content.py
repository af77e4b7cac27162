"""The real content of the repository: every module and vocabulary loads and is consistent."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bouquet.content.catalogue import Catalogue
from bouquet.content.model import RESUME_MAX, Module, Statut
from bouquet.diagnostics.record import Diagnostic, Severity
from bouquet.validation.catalogue import build_catalogue
from bouquet.versioning.manifest import MANIFEST_DIR
from repo import REPO as ROOT

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/module.schema.json\n"
# The nine `services` values of standard-mediation-num 1.0.1, copied verbatim.
STANDARD_SERVICES = frozenset(
    {
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique",
        "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique",
        "Loisirs et créations numériques",
        "Compréhension du monde numérique",
        "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    }
)


def _sources() -> dict[str, bytes]:
    files = [*(ROOT / "modules").rglob("*"), *(ROOT / "schema").rglob("*")]
    return {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in files if p.is_file()}


@pytest.fixture(scope="module")
def loaded() -> tuple[Catalogue, list[Diagnostic]]:
    return build_catalogue(_sources(), today=dt.date.today())


@pytest.fixture(scope="module")
def catalogue(loaded: tuple[Catalogue, list[Diagnostic]]) -> Catalogue:
    return loaded[0]


def _vocab_values(module: Module) -> list[tuple[str, str]]:
    """Every (vocabulary name, value) pair used by ``module``."""
    pairs = [
        ("familles", module.famille),
        ("maturites", module.maturite.min),
        ("maturites", module.maturite.cible),
        ("licences", module.licence),
    ]
    for field, name in (
        ("familles_secondaires", "familles"),
        ("commanditaires", "commanditaires"),
        ("participants", "participants"),
        ("publics_finaux", "publics_finaux"),
        ("echelons", "echelons"),
        ("modalites", "modalites"),
        ("financements", "financements"),
    ):
        pairs += [(name, v) for v in getattr(module, field)]
    for tiroir in module.tiroirs:
        pairs += [("niveaux", tiroir.niveau), ("modeles_tarifaires", tiroir.modele_tarifaire)]
        if tiroir.unite_prix is not None:
            pairs.append(("unites_prix", tiroir.unite_prix))
    if module.correspondances is not None:
        pairs += [("services_standard", s) for s in module.correspondances.services_standard]
    return pairs


def test_no_error_diagnostic(loaded: tuple[Catalogue, list[Diagnostic]]) -> None:
    errors = [d for d in loaded[1] if d.severity is Severity.ERROR]
    assert errors == []


def test_every_module_folder_holds_the_module_of_that_id(catalogue: Catalogue) -> None:
    folders = {p.name for p in (ROOT / "modules").iterdir() if p.is_dir()}
    assert set(catalogue.modules) == folders
    for module_id in catalogue.modules:
        assert catalogue.paths[module_id] == f"modules/{module_id}/module.yaml"


def test_every_published_module_has_a_maintainer_who_owns_its_folder(catalogue: Catalogue) -> None:
    codeowners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    owners = {line.split()[0]: line.split()[1:] for line in codeowners
              if line.startswith("/modules/")}
    for module in catalogue.modules.values():
        if module.statut is Statut.BROUILLON:
            continue
        assert module.mainteneurs, module.id
        assert owners[f"/modules/{module.id}/"] == list(dict.fromkeys(module.mainteneurs))


def test_deprecated_modules_name_a_live_replacement(catalogue: Catalogue) -> None:
    for module in catalogue.modules.values():
        if module.statut is not Statut.DEPRECIE:
            continue
        assert module.remplace_par is not None, module.id
        replacement = catalogue.modules[module.remplace_par]
        assert replacement.statut is not Statut.DEPRECIE, (module.id, replacement.id)


def test_drafts_are_not_published() -> None:
    for manifest in sorted((ROOT / MANIFEST_DIR).glob("v*.json")):
        entries = json.loads(manifest.read_text(encoding="utf-8"))["modules"]
        drafts = [e["id"] for e in entries if e["status"] == Statut.BROUILLON.value]
        assert drafts == [], manifest.name


def test_every_vocabulary_named_by_the_model_exists(catalogue: Catalogue) -> None:
    files = {p.stem for p in (ROOT / "schema" / "vocabulaires").glob("*.yaml")}
    assert set(catalogue.vocabularies) == files
    for module in catalogue.modules.values():
        for name, value in _vocab_values(module):
            assert value in catalogue.vocabularies[name].ids(), (module.id, name, value)


def test_services_standard_are_the_exact_standard_values(catalogue: Catalogue) -> None:
    services = catalogue.vocabularies["services_standard"]
    assert {v.libelle for v in services.valeurs} == STANDARD_SERVICES
    for value in services.valeurs:
        assert value.correspondances is not None
        assert value.correspondances.standard_mediation_num == (value.libelle,)


MODULE_IDS = sorted(p.parent.name for p in (ROOT / "modules").glob("*/module.yaml"))


@pytest.mark.parametrize("module_id", MODULE_IDS)
def test_module_is_consistent(catalogue: Catalogue, module_id: str) -> None:
    module = catalogue.modules[module_id]
    path = ROOT / catalogue.paths[module_id]
    assert path.parent.name == module.id
    assert path.read_text(encoding="utf-8").startswith(SCHEMA_LINE)
    assert len(module.resume) <= RESUME_MAX
    assert len({t.id for t in module.tiroirs}) == len(module.tiroirs)
    order = [v.id for v in catalogue.vocabularies["maturites"].valeurs]
    assert order.index(module.maturite.min) < order.index(module.maturite.cible)
    for tiroir in module.tiroirs:
        assert tiroir.duree_jours.min <= tiroir.duree_jours.max
        if tiroir.prix_ht_eur is not None:
            assert tiroir.prix_ht_eur.min <= tiroir.prix_ht_eur.max
    for ressource in module.ressources:
        if ressource.chemin is not None:
            assert (path.parent / ressource.chemin).is_file(), ressource.chemin
        else:
            assert ressource.url is not None and ressource.url.startswith("https://")
