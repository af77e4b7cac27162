"""The three renderings of one list, the exit codes, and a start that stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bouquet.cli import main
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.render import Counts, render_github, render_json, render_text, summary
from validation.fixturerepo import TODAY, build

NNBSP = "\u202f"


def test_text_report_and_summaries() -> None:
    error = diag("BQ201", "modules/a/module.yaml", 3, 5, "valeur inconnue")
    warning = diag("BQ216", "modules/b/module.yaml", 9, 16, "ancien")
    text = render_text([error, warning], Counts(2, 13))
    assert text.splitlines()[:2] == [
        "modules/a/module.yaml:3:5: BQ201 valeur inconnue",
        "    ↳ Choisissez une valeur de schema/vocabulaires/.",
    ]
    assert text.endswith("1 erreur, 1 avertissement dans 2 fichiers.\n")
    assert summary([], Counts(2000, 13)) == (
        f"Tout est valide{NNBSP}: 2{NNBSP}000 modules, 13 vocabulaires.")
    assert summary([warning], Counts(1, 1)).startswith(
        "Valide, avec 1 avertissement dans 1 fichier")


def test_json_report_has_exactly_the_documented_keys() -> None:
    import json

    d = diag("BQ010", "m.yaml", 2, 1, "double", json_path="$.titre")
    payload = json.loads(render_json([d]))
    assert payload == {"valid": False, "diagnostics": [{
        "path": "m.yaml", "line": 2, "column": 1, "code": "BQ010", "severity": "error",
        "message": "double", "hint": d.hint, "json_path": "$.titre"}]}


def test_github_annotations_are_escaped() -> None:
    d = diag("BQ216", "modules/a,b:c/module.yaml", 4, 2, "100% ancien\nsuite", hint="Relisez.")
    folder = diag("BQ217", "modules/vide", 0, 0, "pas de module.yaml", hint="Ajoutez-le.")
    lines = render_github([d, folder]).splitlines()
    assert lines[0] == ("::warning file=modules/a%2Cb%3Ac/module.yaml,line=4,col=2,title=BQ216"
                        "::100%25 ancien%0Asuite (Relisez.)")
    assert lines[1] == "::error file=modules/vide,title=BQ217::pas de module.yaml (Ajoutez-le.)"


@pytest.mark.parametrize("args", [["--today", "29/11/2026"], ["--format", "xml"]])
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *args]) == 2
    assert "erreur" in capsys.readouterr().err


def test_text_run_on_a_broken_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path)
    (root / "modules" / "module-minimal" / "module.yaml").write_bytes(b"id: [\n")
    monkeypatch.chdir(root)
    assert main(["validate", "--today", TODAY]) == 1
    out = capsys.readouterr().out
    assert out.startswith("modules/module-minimal/module.yaml:2:1: BQ002 syntaxe YAML invalide")
    assert out.endswith("1 erreur dans 1 fichier.\n")


def test_validate_does_not_import_jsonschema(tmp_path: Path) -> None:
    root = build(tmp_path)
    probe = (
        "import sys\n"
        "from bouquet.cli import main\n"
        f"code = main(['validate', '--today', '{TODAY}'])\n"
        "heavy = sorted(m for m in ('jsonschema',) if m in sys.modules)\n"
        "print('HEAVY', heavy, code)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                            text=True, check=True)
    assert result.stdout.splitlines()[-1] == "HEAVY [] 0"
