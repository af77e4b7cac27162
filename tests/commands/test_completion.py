"""`bouquet completion`: a shell completion script generated from the parser (issue 10, 17)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bouquet.cli import main


def completions(script: Path, line: str) -> list[str]:
    """What bash offers after ``line`` (the words typed so far), with the generated script."""
    words = line.split(" ")
    program = (f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
               f"COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; _shtab_bouquet; "
               "printf '%s\\n' \"${COMPREPLY[@]}\"")
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is needed to run the script")
def test_bash_completes_commands_actions_and_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "bouquet.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    assert "vote" in completions(script, "bouquet vo")
    assert completions(script, "bouquet vote ba") == ["ballot"]
    assert "--remplacer" in completions(script, "bouquet vote ballot d1 --re")
    assert "--format" in completions(script, "bouquet validate --fo")


def test_zsh_script_and_unknown_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "zsh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("#compdef bouquet") and "release" in out
    assert main(["completion", "fish"]) == 2
    assert "choix invalide" in capsys.readouterr().err
