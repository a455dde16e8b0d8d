"""The repository's own rules, checked on the tree: no ACLED note text, no import cycles, short functions."""

from __future__ import annotations

import ast
import csv
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
ACLED_DEV = ROOT.parent / "shared" / "eval" / "events" / "acled-dev.csv"
RUN = 8  # words in a row that count as copied text
MAX_FUNCTION_LINES = 80
_BINARY = (".gz", ".png", ".jpg", ".ico", ".zip", ".sqlite", ".db", ".joblib", ".onnx", ".woff", ".woff2")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _runs(words: list[str]) -> Iterator[str]:
    return (" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1))


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no list of tracked files")
    return [ROOT / name for name in out.stdout.split("\0") if name and not name.endswith(_BINARY)]


def test_no_acled_note_text_in_tracked_files() -> None:
    if not ACLED_DEV.is_file():
        pytest.skip(f"{ACLED_DEV} is absent")
    with ACLED_DEV.open(encoding="utf-8", newline="") as fh:
        notes = {run for row in csv.DictReader(fh) for run in _runs(_words(row.get("notes") or ""))}
    hits = []
    for path in _tracked_files():
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="ignore")
            if any(run in notes for run in _runs(_words(text))):
                hits.append(str(path.relative_to(ROOT)))
    assert not hits, f"{RUN} words in a row from an ACLED note appear in: {', '.join(hits)}"


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _imported(tree: ast.AST, package: str, modules: set[str]) -> set[str]:
    """Modules of ``modules`` that ``tree`` imports anywhere: top level, functions, TYPE_CHECKING blocks."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
    return found & modules


def import_graph() -> dict[str, set[str]]:
    """Each module of src/ → the modules of src/ it imports."""
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    modules = {name for name, _ in paths}
    graph = {}
    for (name, is_package), path in paths.items():
        package = name if is_package else name.rpartition(".")[0]
        graph[name] = _imported(ast.parse(path.read_text(encoding="utf-8")), package, modules) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_cycle_finder_sees_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_imports_inside_functions_count() -> None:
    tree = ast.parse("def f():\n    from .meta import x\n")
    assert _imported(tree, "frontlines", {"frontlines.meta"}) == {"frontlines.meta"}


def test_no_import_cycles_among_modules_of_src() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" ↔ ".join(c) for c in found)


def test_no_function_longer_than_80_lines() -> None:
    long = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, "functions over 80 lines: " + "; ".join(long)
