"""The committed governance schemas match the models; the benchmark runs at tiny sizes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bouquet.generated.governance_schema import schemas
from repo import REPO as ROOT


def test_committed_schemas_do_not_drift_from_the_models() -> None:
    for path, text in schemas().items():
        committed = ROOT / path
        assert committed.is_file(), f"{path} absent : lancez bouquet schema"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{path} a dérivé : régénérez-le avec bouquet schema")


def test_schemas_accept_the_real_files() -> None:
    generated = {Path(p).name: json.loads(t) for p, t in schemas().items()}
    cases = [("membres.schema.json", ROOT / "governance/membres.yaml")]
    cases += [("instance.schema.json", p) for p in (ROOT / "governance/instances").glob("*.yaml")]
    cases += [("decision.schema.json", p)
              for p in (ROOT / "governance/decisions").glob("*/decision.yaml")]
    for name, path in cases:
        jsonschema.Draft202012Validator(generated[name]).validate(
            yaml.safe_load(path.read_text(encoding="utf-8")))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(generated["bulletin.schema.json"]).validate(
            {"choix": "peut-etre"})


@pytest.mark.bench
def test_benchmark_smoke_run(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_tally", ROOT / "bench/tally.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.main(["--members", "30", "--proxies", "5", "--signed", "2", "--runs", "1"])
    out = capsys.readouterr().out
    assert "présents 18, représentés 5" in out
    assert "vote-signe" in out and "présents 2" in out
