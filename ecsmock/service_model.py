"""What botocore's ECS service model says, read once, so ecsmock's enums never drift from it."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def enum(shape: str) -> tuple[str, ...]:
    """The values of an enum shape, in the model's order."""
    values: list[str] = _model()["shapes"][shape]["enum"]
    return tuple(values)


@functools.cache
def operation_names() -> frozenset[str]:
    """Every ECS operation the model knows, served or not."""
    return frozenset(_model()["operations"])


@functools.cache
def error_codes(operation: str) -> frozenset[str]:
    """The error codes the model lists for an operation: all it may answer, besides the
    protocol's own."""
    errors = _model()["operations"][operation].get("errors", [])
    return frozenset(error["shape"] for error in errors)


def shape(name: str) -> dict[str, Any]:
    """A shape of the model as botocore stores it: `type`, and `members`, `member`, `key`,
    `value` or `enum` as the type has them."""
    spec: dict[str, Any] = _model()["shapes"][name]
    return spec


@functools.cache
def _model() -> dict[str, Any]:
    from botocore.loaders import create_loader  # lazy: keeps `import ecsmock` light

    model: dict[str, Any] = create_loader().load_service_model("ecs", "service-2")
    return model
