"""The floor plan of ``tools/bouquet``, held by an AST walk (docs/architecture.md).

- no import cycle between the package's modules;
- arrows point down the stages, never back up (``FLOORS``);
- one door per resource: only ``bouquet.edges`` runs processes, touches temporary files or
  replaces files; only ``bouquet.content.reading`` imports ``yaml``; only ``bouquet.cli``
  imports lazily (``importlib``, imports inside functions).

A new stage gets a floor here; a second door makes one of these tests fail.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "bouquet"

# Lowest first. A module may import from its own stage and from lower floors only.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("bouquet", "bouquet.errors", "bouquet.fr", "bouquet.diagnostics"),
    ("bouquet.edges",),
    ("bouquet.content",),
    ("bouquet.governance",),
    ("bouquet.validation",),
    ("bouquet.versioning",),
    ("bouquet.release",),
    ("bouquet.generated", "bouquet.exports"),
    ("bouquet.site", "bouquet.indicators"),
    ("bouquet.commands",),
    ("bouquet.cli", "bouquet.__main__"),
)
EDGES = "bouquet.edges"
LOADER = "bouquet.content.reading"
LAZY = ("bouquet.cli",)
EDGE_MODULES = {"subprocess", "tempfile", "shutil"}
EDGE_CALLS = {("os", "replace"), ("os", "rename"), ("os", "fork"), ("os", "system"),
              ("os", "popen"), ("os", "mkdtemp")}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module (``from a import b`` counts as ``a.b`` when it exists)
    line: int
    nested: bool  # inside a function


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def trees() -> Iterator[tuple[str, ast.Module]]:
    for name, path in MODULES.items():
        yield name, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    is_package = MODULES[module].name == "__init__.py"
    base = package if is_package else package[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(module: str, tree: ast.Module) -> Iterator[Import]:
    nested = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
              for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        inside = id(node) in nested
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno, inside)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                ours = full in MODULES or not base.startswith("bouquet")
                yield Import(module, full if ours else base, node.lineno, inside)


ALL_IMPORTS = [i for name, tree in trees() for i in imports_of(name, tree)]


def _type_checking_lines() -> set[tuple[str, int]]:
    """Imports under ``if TYPE_CHECKING:`` are for the type checker only."""
    found: set[tuple[str, int]] = set()
    for name, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                found |= {(name, n.lineno) for n in ast.walk(node) if hasattr(n, "lineno")}
    return found


_FOR_THE_TYPE_CHECKER = _type_checking_lines()
RUNTIME_IMPORTS = [i for i in ALL_IMPORTS if (i.module, i.line) not in _FOR_THE_TYPE_CHECKER]


def floor_of(module: str) -> int:
    best, level = -1, -1
    for index, stage in enumerate(FLOORS):
        for prefix in stage:
            if (module == prefix or module.startswith(prefix + ".")) \
                    and len(prefix) > best:
                best, level = len(prefix), index
    assert level >= 0, f"{module} is on no floor: add its stage to FLOORS"
    return level


def stage_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def inside(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_every_module_is_on_a_floor() -> None:
    for module in MODULES:
        floor_of(module)


def test_arrows_point_down_the_stages() -> None:
    upward = [
        f"{i.module}:{i.line} imports {i.target} (floor {floor_of(i.target)} > "
        f"{floor_of(i.module)})"
        for i in RUNTIME_IMPORTS
        if i.target in MODULES and stage_of(i.target) != stage_of(i.module)
        and floor_of(i.target) > floor_of(i.module)
    ]
    assert upward == []


def test_no_import_cycle() -> None:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in RUNTIME_IMPORTS:
        if i.target in MODULES and not i.nested and i.target != i.module:
            graph[i.module].add(i.target)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_only_the_edges_run_processes_or_replace_files() -> None:
    offenders = [f"{i.module}:{i.line} imports {i.target}" for i in ALL_IMPORTS
                 if i.target.split(".")[0] in EDGE_MODULES and not inside(i.module, EDGES)]
    for name, tree in trees():
        if inside(name, EDGES):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and (node.value.id, node.attr) in EDGE_CALLS:
                offenders.append(f"{name}:{node.lineno} calls {node.value.id}.{node.attr}")
    assert offenders == []


def test_only_the_loader_imports_yaml() -> None:
    offenders = [f"{i.module}:{i.line}" for i in ALL_IMPORTS
                 if i.target.split(".")[0] == "yaml" and not inside(i.module, LOADER)]
    assert offenders == []


def test_imports_at_the_top_and_laziness_only_in_the_cli() -> None:
    offenders = [f"{i.module}:{i.line} imports {i.target}" for i in ALL_IMPORTS
                 if (i.nested or i.target in ("importlib", "importlib.import_module"))
                 and i.module not in LAZY]
    for name, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "__import__":
                offenders.append(f"{name}:{node.lineno} calls __import__")
    assert offenders == []


@pytest.mark.parametrize("source, rule", [
    ("import subprocess\n", test_only_the_edges_run_processes_or_replace_files),
    ("import os\nos.replace('a', 'b')\n", test_only_the_edges_run_processes_or_replace_files),
    ("import yaml\n", test_only_the_loader_imports_yaml),
    ("def f() -> None:\n    import json\n", test_imports_at_the_top_and_laziness_only_in_the_cli),
    ("from bouquet.commands import docs\n", test_arrows_point_down_the_stages),
])
def test_a_second_door_is_caught(source: str, rule: object,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rule fails on a module that breaks it (the rules cannot pass vacuously)."""
    fake = PACKAGE / "content" / "_house_rules_probe.py"
    name = module_name(fake)
    tree = ast.parse(source)
    probe = list(imports_of(name, tree))
    monkeypatch.setattr(sys.modules[__name__], "ALL_IMPORTS",
                        [*ALL_IMPORTS, *probe])
    monkeypatch.setattr(sys.modules[__name__], "RUNTIME_IMPORTS",
                        [*RUNTIME_IMPORTS, *probe])
    original = trees

    def with_probe() -> Iterator[tuple[str, ast.Module]]:
        yield from original()
        yield name, tree

    monkeypatch.setattr(sys.modules[__name__], "trees", with_probe)
    assert callable(rule)
    with pytest.raises(AssertionError):
        rule()
