"""The house's rules, read from the imports of every module (those inside functions too): no module imports one that
imports it back, directly or around a loop, and the core imports nothing of the window, the command line or paths."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "drafter"
CORE_MAY_NOT = ("drafter.gui", "drafter.cli", "drafter.cli_collect", "drafter.cli_help", "drafter.entry",
                "drafter.paths", "PySide6", "shiboken6")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts}


def imported(name: str) -> set[str]:
    """Every module `name` imports, at the top or inside a function: a module of drafter where one is named
    (`from drafter.core import figures` names the module figures), else the package or library named."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                      for alias in node.names}
    return found


def loops() -> list[list[str]]:
    """The groups of drafter's modules that reach each other through imports (Tarjan's strongly connected parts);
    package __init__ modules are left out, as Python runs them before any module inside."""
    graph = {name: sorted(target for target in imported(name) if target in MODULES and target != name
                          and not MODULES[target].name == "__init__.py")
             for name in MODULES if MODULES[name].name != "__init__.py"}
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in graph:
        if name not in index:
            visit(name)
    return found


def test_no_module_imports_one_that_imports_it_back():
    assert loops() == []


def test_the_core_imports_nothing_of_the_window_the_command_line_or_paths():
    wrong = {name: sorted(target for target in imported(name) if target.startswith(CORE_MAY_NOT))
             for name in MODULES if name.startswith("drafter.core")}
    assert {name: targets for name, targets in wrong.items() if targets} == {}


def test_the_tests_mirror_the_package_s_folders():
    folders = {path.parent.relative_to(PACKAGE) for path in PACKAGE.rglob("__init__.py")} - {Path(".")}
    tests = PACKAGE.parent / "tests"
    assert sorted(str(folder) for folder in folders if not (tests / folder).is_dir()) == []
