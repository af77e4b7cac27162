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
    """``[revision:]path[:line:column]``; empty for a problem of the repository as a whole."""
    where = f"{d.path}:{d.line}:{d.column}" if d.line else d.path
    return f"{d.revision}:{where}" if d.revision else where


def diagnostic_text(d: Diagnostic) -> str:
    """Where, then the rule and what is wrong, then how to fix it: two lines."""
    where = location(d)
    head = f"{where}: {d.code} {d.message}" if where else f"{d.code} {d.message}"
    return f"{head}\n    ↳ {d.hint}\n"


def render_text(diagnostics: Sequence[Diagnostic], counts: Counts) -> str:
    return "".join(map(diagnostic_text, diagnostics)) + summary(diagnostics, counts) + "\n"


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


def diagnostic_json(d: Diagnostic) -> dict[str, object]:
    """The JSON object of one diagnostic (English keys; ``revision`` only where one applies)."""
    located: dict[str, object] = {} if d.revision is None else {"revision": d.revision}
    return {
        **located, "path": d.path, "line": d.line, "column": d.column, "code": d.code,
        "severity": d.severity.value, "message": d.message, "hint": d.hint,
        "json_path": d.json_path,
    }


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "valid": not has_errors(diagnostics),
        "diagnostics": [diagnostic_json(d) for d in diagnostics],
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
        props = [f"file={_escape_property(d.path)}"] if d.path else []
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_escape_property(d.code)}")
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(f'{d.message} ({d.hint})')}")
    return "".join(line + "\n" for line in lines)
