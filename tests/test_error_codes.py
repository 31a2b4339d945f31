"""Every error code an operation can answer is one that botocore's model lists for it.

The static proof that ecsmock answers only modeled codes, even ones no test triggers: it builds
a conservative call graph of ecsmock with `ast` and checks every error table entry an operation
can reach. The dynamic check, of each response the tests receive, is in support.py. Beyond the
model only the awsJson protocol's own codes are allowed; ThrottlingException and ServerException
come from fault injection, never from code.

Names resolve within their module and through `from ecsmock... import`, `module.func` too;
calling a class reaches its `__init__`; any other `obj.method(...)` reaches every ecsmock method
of that name. Nested functions and lambdas count toward the function that holds them.
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import botocore.session
import pytest
from support import WIRE_CODES

import ecsmock
from ecsmock.errors import ErrorTable
from ecsmock.messages import TABLES
from ecsmock.operations import OPERATIONS

PACKAGE = Path(ecsmock.__file__).parent
TABLE_NAMES = {f"{table.__module__}.{table.__name__}": table for table in TABLES}
Def = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class Function:
    module: str
    node: Def
    errors: set[str] = field(default_factory=set)
    calls: set[str] = field(default_factory=set)


Graph = tuple[dict[str, Function], dict[str, set[str]]]  # functions by dotted name; methods by name


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _aliases(module: str, tree: ast.Module) -> dict[str, str]:
    """`module.local_name` -> the dotted name it was imported as."""
    aliases = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and (stmt.module or "").startswith("ecsmock"):
            for alias in stmt.names:
                aliases[f"{module}.{alias.asname or alias.name}"] = f"{stmt.module}.{alias.name}"
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.name.startswith("ecsmock") and alias.asname:
                    aliases[f"{module}.{alias.asname}"] = alias.name
    return aliases


def _dotted(expr: ast.expr, module: str, aliases: dict[str, str]) -> str | None:
    """The global dotted name a `name` or `name.attr...` expression stands for, if it is one."""
    if isinstance(expr, ast.Name):
        dotted = f"{module}.{expr.id}"
    elif isinstance(expr, ast.Attribute) and (base := _dotted(expr.value, module, aliases)):
        dotted = f"{base}.{expr.attr}"
    else:
        return None
    while dotted in aliases:
        dotted = aliases[dotted]
    return dotted


def _link(function: Function, aliases: dict[str, str], graph: Graph) -> None:
    functions, methods = graph
    for node in (sub for stmt in function.node.body for sub in ast.walk(stmt)):
        if isinstance(node, ast.Name | ast.Attribute):
            dotted = _dotted(node, function.module, aliases) or ""
            table, _, entry = dotted.rpartition(".")
            if table in TABLE_NAMES:
                function.errors.add(f"{TABLE_NAMES[table].__name__}.{entry}")
            elif dotted in functions:
                function.calls.add(dotted)
        elif isinstance(node, ast.Call):
            dotted = _dotted(node.func, function.module, aliases) or ""
            if f"{dotted}.__init__" in functions:
                function.calls.add(f"{dotted}.__init__")
            elif dotted not in functions and isinstance(node.func, ast.Attribute):
                function.calls.update(methods.get(node.func.attr, ()))


@cache
def call_graph() -> Graph:
    trees = {_module_name(path): ast.parse(path.read_text()) for path in PACKAGE.rglob("*.py")}
    functions: dict[str, Function] = {}
    methods: dict[str, set[str]] = {}
    for module, tree in trees.items():
        for stmt in tree.body:
            if isinstance(stmt, Def):
                functions[f"{module}.{stmt.name}"] = Function(module, stmt)
            elif isinstance(stmt, ast.ClassDef):
                for item in (item for item in stmt.body if isinstance(item, Def)):
                    key = f"{module}.{stmt.name}.{item.name}"
                    functions[key] = Function(module, item)
                    methods.setdefault(item.name, set()).add(key)
    aliases = {k: v for module, tree in trees.items() for k, v in _aliases(module, tree).items()}
    for function in functions.values():
        _link(function, aliases, (functions, methods))
    return functions, methods


def reachable_errors(operation: str) -> dict[str, list[str]]:
    """Each error table entry (`Table.NAME`) the operation can reach, with the shortest chain of
    calls to it."""
    functions = call_graph()[0]
    entry = OPERATIONS[operation]
    start = f"{entry.__module__}.{entry.__qualname__}"
    parents: dict[str, str | None] = {start: None}
    queue = deque([start])
    found: dict[str, list[str]] = {}
    while queue:
        current = queue.popleft()
        for name in sorted(functions[current].errors):
            chain = [current]
            while (parent := parents[chain[-1]]) is not None:
                chain.append(parent)
            found.setdefault(name, [key.removeprefix("ecsmock.") for key in reversed(chain)])
        for callee in sorted(functions[current].calls - parents.keys()):
            parents[callee] = current
            queue.append(callee)
    return found


def modeled_codes(operation: str) -> frozenset[str]:
    model = botocore.session.get_session().get_service_model("ecs").operation_model(operation)
    codes = {s.metadata.get("error", {}).get("code", s.name) for s in model.error_shapes}
    return frozenset(codes) | WIRE_CODES


def entry(name: str) -> ErrorTable:
    table, _, member = name.partition(".")
    return next(t for t in TABLES if t.__name__ == table)[member]


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_operation_can_answer_only_modeled_error_codes(operation: str) -> None:
    allowed = modeled_codes(operation)
    offending = [
        f"  {name} ({entry(name).message.code}) via {' -> '.join(chain)}"
        for name, chain in sorted(reachable_errors(operation).items())
        if entry(name).message.code not in allowed
    ]
    assert not offending, f"{operation} answers codes its model does not list:\n" + "\n".join(
        offending
    )


def test_analysis_reaches_errors_through_each_kind_of_call() -> None:
    create = reachable_errors("CreateCluster")
    assert "ClusterErrors.IDEMPOTENT_MISMATCH" in create
    assert "CommonErrors.STRATEGY_TWO_BASES" in create  # only validation.strategy, two away
    assert "TagErrors.INVALID_ARN" in reachable_errors("ListTagsForResource")  # tags._resource
    described = reachable_errors("DescribeCapacityProviders")
    assert "ClusterErrors.CLUSTER_NOT_FOUND" in described  # only a method
    assert "WireErrors.MISSING_PARAMETER" in reachable_errors("PutAccountSetting")  # a method
    codes = {entry(name).message.code for name in reachable_errors("DeleteCluster")}
    assert "ClusterNotFoundException" in codes
