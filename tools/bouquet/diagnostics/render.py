"""One list of diagnostics, three renderings: text (French), JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bouquet.diagnostics.record import Diagnostic, Severity, has_errors
from bouquet.fr import integer

FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Counts:
    """What was checked, for the French summary line."""

    modules: int
    vocabularies: int


def render(diagnostics: Sequence[Diagnostic], fmt: str, counts: Counts) -> str:
    if fmt == "json":
        return render_json(diagnostics)
    if fmt == "github":
        return render_github(diagnostics)
    return render_text(diagnostics, counts)


def location(d: Diagnostic) -> str:
    return f"{d.path}:{d.line}:{d.column}" if d.line else d.path


def render_text(diagnostics: Sequence[Diagnostic], counts: Counts) -> str:
    lines: list[str] = []
    for d in diagnostics:
        lines.append(f"{location(d)}: {d.code} {d.message}")
        lines.append(f"    ↳ {d.hint}")
    lines.append(summary(diagnostics, counts))
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{integer(n)} {word}{'s' if n > 1 else ''}"


def _checked(counts: Counts) -> str:
    return f"{_plural(counts.modules, 'module')}, {_plural(counts.vocabularies, 'vocabulaire')}"


def summary(diagnostics: Sequence[Diagnostic], counts: Counts) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.path for d in diagnostics})
    where = f"dans {_plural(files, 'fichier')}"
    if not diagnostics:
        return f"Tout est valide\u202f: {_checked(counts)}."
    if not errors:
        return (f"Valide, avec {_plural(warnings, 'avertissement')} {where}\u202f: "
                f"{_checked(counts)}.")
    parts = [_plural(errors, "erreur")]
    if warnings:
        parts.append(_plural(warnings, "avertissement"))
    return f"{', '.join(parts)} {where}."


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "valid": not has_errors(diagnostics),
        "diagnostics": [
            {
                "path": d.path, "line": d.line, "column": d.column, "code": d.code,
                "severity": d.severity.value, "message": d.message, "hint": d.hint,
                "json_path": d.json_path,
            }
            for d in diagnostics
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        kind = "error" if d.severity is Severity.ERROR else "warning"
        props = [f"file={_escape_property(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_escape_property(d.code)}")
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(f'{d.message} ({d.hint})')}")
    return "".join(line + "\n" for line in lines)
