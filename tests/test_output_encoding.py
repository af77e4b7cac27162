"""Any output encoding, not only UTF-8: every command degrades to plain characters instead of
crashing on French typography (``PYTHONIOENCODING=cp1252``, as on Windows or under pre-commit
when the output is redirected)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from repo import GitRepo

REPO = Path(__file__).resolve().parents[1]
DECISION = "2026-11-adoption-charte"
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("validate",), ("validate", "--format", "github"), ("validate", "modules/absent.yaml"),
    ("schema", "--check"), ("docs", "--check"), ("codeowners", "--check"),
    ("status",), ("version",), ("version", "--from", "inconnue"), ("notes",),
    ("new", "module", "essai-encodage"), ("new", "module", "Mauvais Id"),
    ("vote", "tally", DECISION), ("vote", "close", DECISION), ("release", "--dry-run"),
    ("validate", "--option-inconnue"), ("--help",), ("vote", "sign", "--help"),
    ("indicateurs", "--help"), ("new", "deploiement", "--help"),
)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("depot")
    for folder in ("modules", "schema", "governance", "docs", ".github"):
        shutil.copytree(REPO / folder, root / folder)
    GitRepo(root).commit("Catalogue")
    return root


CASES = [*((words, "cp1252") for words in COMMANDS),
         (("validate",), "ascii"), (("status",), "ascii"), (("--help",), "ascii")]


@pytest.mark.parametrize(("words", "encoding"), CASES,
                         ids=[f"{' '.join(w)} ({e})" for w, e in CASES])
def test_command_survives_a_narrow_output_encoding(
    repository: Path, words: tuple[str, ...], encoding: str
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "BOUQUET_DEBUG": "1"}
    done = subprocess.run([sys.executable, "-m", "bouquet", *words], cwd=repository,
                          env=env, capture_output=True, check=False)
    err = done.stderr.decode(encoding)
    assert done.returncode in (0, 1, 2), err
    assert "erreur interne" not in err and "Traceback" not in err
    out = done.stdout.decode(encoding)
    assert out or err
    assert "\u202f" not in out + err  # narrow no-break space: plain space instead


def test_french_typography_becomes_plain_characters(repository: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([sys.executable, "-m", "bouquet", "validate", "modules/absent.yaml"],
                          cwd=repository, env=env, capture_output=True, check=False)
    assert done.returncode == 1
    lines = done.stdout.decode("ascii").splitlines()
    assert lines[0].startswith('modules/absent.yaml: BQ001 "')
    assert lines[0].endswith(" illisible : fichier introuvable")
    assert lines[1] == "    -> Verifiez que le fichier existe et qu'il est lisible."
