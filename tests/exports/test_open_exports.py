"""`bouquet export catalogue|data-inclusion` on a real temporary repository with releases:
standard formats that their own readers accept, offline and byte-identical twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from data_inclusion.schema import v1
from frictionless import Resource, Schema

from bouquet.cli import main
from repo import REPO, GitRepo

BASE = "https://bouquet.example/"


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = GitRepo(tmp_path_factory.mktemp("export") / "depot")
    repo.copy_from_checkout("schema", "modules")
    repo.commit("Contenu")
    repo.tag("v1.0.0", "Version 1.0.0")
    repo.edit("modules/diagnostic-territorial/module.yaml", "date_revision:",
              "date_revision:")  # a second release with the same content is enough
    repo.commit("Autre version")
    repo.tag("v1.1.0", "Version 1.1.0")
    return repo.path


def _export(root: Path, out: Path, *words: str) -> dict[str, bytes]:
    code = main(["export", *words, "-C", str(root), "--out", str(out), "--base-url", BASE])
    assert code == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _tiroirs(document: dict[str, object]) -> int:
    modules = document["modules"]
    assert isinstance(modules, list)
    return sum(len(m["tiroirs"]) for m in modules)


def test_catalogue_export_is_standard_and_byte_identical(released: Path, tmp_path: Path) -> None:
    first = _export(released, tmp_path / "a", "catalogue")
    second = _export(released, tmp_path / "b", "catalogue")
    assert first == second
    assert set(first) == {"catalogue.json", "catalogue.csv", "catalogue.tableschema.json",
                          "module.schema.json", "dcat.jsonld"}
    document = json.loads(first["catalogue.json"])
    assert document["version"] == "1.1.0"
    schema = Schema.from_descriptor(json.loads(first["catalogue.tableschema.json"]))
    report = Resource(path="catalogue.csv", basepath=str(tmp_path / "a"),
                      schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == _tiroirs(document)


def test_committed_tableschema_is_the_one_exported(released: Path, tmp_path: Path) -> None:
    files = _export(released, tmp_path, "catalogue")
    assert files["catalogue.tableschema.json"] == (
        REPO / "schema/catalogue.tableschema.json").read_bytes()


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_dcat_describes_one_distribution_per_release_and_format(released: Path,
                                                                 tmp_path: Path) -> None:
    files = _export(released, tmp_path, "catalogue", "--version", "1.1.0")
    graph = rdflib.Graph().parse(data=files["dcat.jsonld"].decode(), format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    datasets = list(graph.subjects(rdflib.RDF.type, dcat.Dataset))
    assert len(datasets) == 1
    urls = sorted(str(u) for u in graph.objects(None, dcat.downloadURL))
    assert urls == [f"{BASE}v{v}/catalogue.{f}" for v in ("1.0.0", "1.1.0")
                    for f in ("csv", "json")]
    assert graph.value(datasets[0], dct.license) is not None
    assert graph.value(datasets[0], dct.modified) is not None
    assert len(list(graph.objects(datasets[0], dcat.keyword))) >= 3


def test_an_older_version_lists_only_the_releases_up_to_it(released: Path,
                                                           tmp_path: Path) -> None:
    files = _export(released, tmp_path, "catalogue", "--version", "1.0.0")
    assert json.loads(files["catalogue.json"])["version"] == "1.0.0"
    assert b"v1.1.0" not in files["dcat.jsonld"]


def test_unknown_version_is_a_usage_error(released: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", "catalogue", "-C", str(released), "--out", str(tmp_path),
                 "--version", "9.9.9"])
    assert code == 2
    assert "1.0.0, 1.1.0" in capsys.readouterr().err


def test_data_inclusion_services_are_valid_v1_services(released: Path, tmp_path: Path) -> None:
    first = _export(released, tmp_path / "a", "data-inclusion")
    assert first == _export(released, tmp_path / "b", "data-inclusion")
    services = json.loads(first["services.json"])["services"]
    assert services
    for item in services:
        service = v1.Service.model_validate(item)
        assert service.id.startswith("le-bouquet--")
        assert service.source == "le-bouquet"
        assert str(service.lien_source) == f"{BASE}modules/{item['id'][12:]}/"
        assert service.zone_eligibilite == ["99100"]
        assert v1.PersonneMobilisatrice.PROFESSIONNELS in (service.mobilisable_par or set())
