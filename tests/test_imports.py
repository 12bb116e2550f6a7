"""The package's import structure: no cycles, and the knowledge base and batch input side free of spaCy.

The graph is read from the source with ``ast``: every ``import`` and ``from ... import``,
at module level or inside a function (a cycle hidden in a function is still a cycle),
except those under ``if TYPE_CHECKING:``, which never run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"

# The batch modules that load and run the pipeline (in this process or in workers), and so
# import spaCy; the rest of pipeline/batch (finding and reading inputs, the ledger, shards,
# progress) must not, so that the driver's side stays light.
RUNS_THE_PIPELINE = frozenset({"pipeline.batch.engine", "pipeline.batch.worker", "pipeline.batch.local",
                               "pipeline.batch.dask_runner"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run (not under ``if TYPE_CHECKING:``)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _resolve(name: str) -> str | None:
    """The package module ``name`` is, or is inside (None: not one of the package's)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _edges(module: str) -> tuple[set[str], set[str]]:
    """The package modules ``module`` imports, and the top-level names of the other packages it imports."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    inside: set[str] = set()
    outside: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from pipeline.kb import vocabulary`` imports the module pipeline.kb.vocabulary.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        for target in targets:
            resolved = _resolve(target)
            if resolved is not None:
                if resolved != module:
                    inside.add(resolved)
            else:
                outside.add(target.split(".")[0])
    return inside, outside


GRAPH = {module: _edges(module) for module in MODULES}


def _cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each a set of modules in a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(GRAPH[module][0]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return found


def _parents(module: str) -> list[str]:
    """The packages Python imports before ``module`` (``pipeline``, ``pipeline.kb``, ...)."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _reach(module: str) -> set[str]:
    """Every package module importing ``module`` runs, itself included (with the packages above each)."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(GRAPH[current][0])
        todo.extend(parent for parent in _parents(current) if parent in MODULES)
    return seen


def _imports_spacy(module: str) -> list[str]:
    return sorted(m for m in _reach(module) if {"spacy", "thinc"} & GRAPH[m][1])


def test_the_graph_is_read() -> None:
    # The reader finds the edges it must: a module-level import, a module imported from its
    # package (``from pipeline.kb import vocabulary``), and an import inside a function.
    assert "pipeline.resources" in GRAPH["pipeline.context_rules.rule"][0]
    assert "pipeline.kb.vocabulary" in GRAPH["pipeline.kb.rdf"][0]
    assert "pipeline.batch.dask_runner" in GRAPH["pipeline.batch.engine"][0]  # imported inside a function
    assert "spacy" in GRAPH["pipeline.patterns"][1]
    # An import under ``if TYPE_CHECKING:`` is not an edge.
    assert "pipeline._speed.view" not in GRAPH["pipeline._speed.state"][0]


def test_the_package_has_no_import_cycles() -> None:
    assert _cycles() == []


def test_io_and_batch_inputs_do_not_import_each_other_both_ways() -> None:
    assert "pipeline.io" in GRAPH["pipeline.batch.inputs"][0]
    assert "pipeline.batch.inputs" not in _reach("pipeline.io")


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("pipeline.kb")))
def test_the_knowledge_base_does_not_import_spacy(module: str) -> None:
    assert _imports_spacy(module) == [], f"{module} reaches spaCy through these modules"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("pipeline.batch") and m not in RUNS_THE_PIPELINE))
def test_the_batch_input_and_output_side_does_not_import_spacy(module: str) -> None:
    assert _imports_spacy(module) == [], f"{module} reaches spaCy through these modules"


def test_importing_them_loads_no_spacy() -> None:
    """The same, as Python sees it: third-party packages included."""
    light = sorted(m for m in MODULES if m.startswith(("pipeline.kb", "pipeline.batch")) and m not in RUNS_THE_PIPELINE)
    code = "import sys\n" + "".join(f"import {m}\n" for m in light) + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
