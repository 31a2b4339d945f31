"""Imports point one way: a module of ecsmock imports only modules of the rows below its own, never
one of its own row, so there are no cycles (docs/architecture.md, "Layers"). Every import counts:
lazy ones inside functions and those under `TYPE_CHECKING` too."""

from __future__ import annotations

import ast
from fnmatch import fnmatchcase
from pathlib import Path

import ecsmock

PACKAGE = Path(ecsmock.__file__).parent

# Top first. A row holds modules that may import any row below and none of its own.
LAYERS = [
    ["ecsmock.plugin"],  # the pytest plugin: imports public names, and the leak check
    ["ecsmock"],  # the public surface: nothing inside imports it
    ["ecsmock.mock"],  # activation
    ["ecsmock.handle"],  # what a test reads and shapes
    ["ecsmock.hook"],  # the only importer of botocore's machinery
    ["ecsmock.wire", "ecsmock.ledger"],  # the server core; the generated pages
    ["ecsmock.operations"],  # OPERATIONS, the one table
    ["ecsmock.operations.*"],  # one operation module never imports another
    ["ecsmock.lifecycle.*"],  # the state machines
    ["ecsmock.validation.*"],  # one family's own rules
    ["ecsmock.placement"],  # where tasks go
    ["ecsmock.validation", "ecsmock.pages", "ecsmock.query"],  # shared rules; paging; queries
    ["ecsmock.params"],
    ["ecsmock.state"],  # Backend
    ["ecsmock.state.region"],
    [
        "ecsmock.state.account",
        "ecsmock.state.clusters",
        "ecsmock.state.task_definitions",
        "ecsmock.state.container_instances",
        "ecsmock.state.tasks",
    ],
    ["ecsmock.state.table"],  # storage only
    ["ecsmock.models.*"],  # one module per family
    ["ecsmock.models"],  # what the families share
    ["ecsmock.scheduler"],
    ["ecsmock.clock", "ecsmock.arns", "ecsmock.service_model", "ecsmock.faults"],
    ["ecsmock.environment", "ecsmock.lifecycle"],
    ["ecsmock.messages"],  # TABLES
    ["ecsmock.messages.*"],  # one error table per family
    ["ecsmock.errors"],  # imports nothing of ecsmock
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def row(module: str) -> int:
    for number, patterns in enumerate(LAYERS):
        if any(fnmatchcase(module, pattern) for pattern in patterns):
            return number
    raise AssertionError(f"{module} is in no row of LAYERS: place it")


def imports(module: str) -> set[str]:
    """The ecsmock modules `module` imports, wherever in it the import stands."""
    return imports_in(MODULES[module].read_text())


def imports_in(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:  # `from ecsmock import hook` imports a module
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name.split(".")[0] == "ecsmock"}


def test_every_module_has_a_row():
    for module in MODULES:
        row(module)


def test_imports_point_down_the_rows():
    upward = [
        f"{module} (row {row(module)}) imports {imported} (row {row(imported)})"
        for module in sorted(MODULES)
        for imported in sorted(imports(module))
        if row(imported) <= row(module)
    ]
    assert upward == []


def test_the_check_sees_lazy_and_type_checking_imports():
    source = """
from typing import TYPE_CHECKING
import boto3
if TYPE_CHECKING:
    from ecsmock.state import Backend
def later():
    from ecsmock import wire
    import ecsmock.clock as clock
"""
    assert imports_in(source) == {"ecsmock.state", "ecsmock.wire", "ecsmock.clock"}


def third_party(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text())
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    return {name.split(".")[0] for name in names} & {"botocore", "boto3", "pytest", "wrapt"}


def test_each_library_has_its_one_place():
    users = {
        library: {module for module in MODULES if library in third_party(module)}
        for library in ("botocore", "boto3", "pytest", "wrapt")
    }
    # the hook patches botocore; arns and service_model only read its data files
    assert users["botocore"] == {"ecsmock.hook", "ecsmock.arns", "ecsmock.service_model"}
    assert users["boto3"] == {"ecsmock.handle"}  # the handle's client()
    assert users["pytest"] == {"ecsmock.plugin"}
    assert users["wrapt"] == {"ecsmock.hook", "ecsmock.mock"}
