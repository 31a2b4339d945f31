"""The rules of registering a container instance and of attributes: the identity document, the
resources, and attribute names and values."""

from __future__ import annotations

import json
import re
from typing import Any

from ecsmock.errors import AwsError
from ecsmock.messages.container_instances import ContainerInstanceErrors
from ecsmock.models import Json
from ecsmock.models.container_instances import RESOURCE_TYPES, VALUE_MEMBERS, is_custom, resource

MAX_CUSTOM_ATTRIBUTES = 10
_INTEGER_RESOURCES = ("CPU", "MEMORY")
DEFAULT_PORTS = ["22", "2376", "2375", "51678", "51679"]  # what the agent reserves
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z0-9_./\\-]{1,128}")
_ATTRIBUTE_VALUE = re.compile(r"[A-Za-z0-9_.@/\\: -]{1,128}")
_DOCUMENT_MEMBERS = (
    "instanceId",
    "region",
    "availabilityZone",
    "instanceType",
    "imageId",
    "architecture",
)


def identity_document(text: str | None, region: str) -> dict[str, str]:
    """The members of an EC2 instance identity document that ECS reads."""
    if text is None:
        return {}
    try:
        document: Any = json.loads(text)
    except (ValueError, RecursionError):
        document = None
    if not isinstance(document, dict):
        raise AwsError.of(ContainerInstanceErrors.IDENTITY_DOCUMENT, reason="not a JSON object")
    found = {name: document[name] for name in _DOCUMENT_MEMBERS if name in document}
    for name, value in found.items():
        if not isinstance(value, str) or not value:
            reason = f"{name} is not a non-empty string"
            raise AwsError.of(ContainerInstanceErrors.IDENTITY_DOCUMENT, reason=reason)
    if found.get("region", region) != region:
        raise AwsError.of(
            ContainerInstanceErrors.IDENTITY_REGION, document=found["region"], region=region
        )
    return found


def total_resources(items: list[Json] | None, cpu: int, memory: int) -> list[Json]:
    """The resources an instance registers: those given, and CPU, MEMORY, PORTS and PORTS_UDP
    as the agent reports them when they are not."""
    given: dict[str, Json] = {}
    for item in items or ():
        name = item.get("name") or ""
        kind = item.get("type")
        if not name:
            raise AwsError.of(ContainerInstanceErrors.RESOURCE, name="''", reason="no name")
        if kind not in RESOURCE_TYPES:
            reason = f"type must be one of {', '.join(RESOURCE_TYPES)}"
            raise AwsError.of(ContainerInstanceErrors.RESOURCE, name=name, reason=reason)
        stringset = kind == "STRINGSET"
        value = item.get("stringSetValue" if stringset else VALUE_MEMBERS[kind])
        if name in _INTEGER_RESOURCES and kind != "INTEGER":
            raise AwsError.of(
                ContainerInstanceErrors.RESOURCE, name=name, reason="type must be INTEGER"
            )
        if not stringset and value is not None and value < 0:
            raise AwsError.of(ContainerInstanceErrors.RESOURCE, name=name, reason="it is negative")
        zero: float | list[str] = [] if stringset else 0.0 if kind == "DOUBLE" else 0
        given[name] = resource(name, kind, value if value is not None else zero)
    defaults = {
        "CPU": resource("CPU", "INTEGER", cpu),
        "MEMORY": resource("MEMORY", "INTEGER", memory),
        "PORTS": resource("PORTS", "STRINGSET", list(DEFAULT_PORTS)),
        "PORTS_UDP": resource("PORTS_UDP", "STRINGSET", []),
    }
    return [given.pop(name, default) for name, default in defaults.items()] + list(given.values())


def attribute_name(name: str) -> str:
    if _ATTRIBUTE_NAME.fullmatch(name) is None:
        raise AwsError.of(ContainerInstanceErrors.ATTRIBUTE_NAME, name=name)
    return name


def attribute_value(name: str, value: str | None) -> str | None:
    if value is not None and (
        _ATTRIBUTE_VALUE.fullmatch(value) is None or value != value.strip(" ")
    ):
        raise AwsError.of(ContainerInstanceErrors.ATTRIBUTE_VALUE, name=name)
    return value


def attributes(items: list[Json]) -> dict[str, str | None]:
    """Attributes as a request gives them (read by their model shape), checked: name -> value."""
    return {
        attribute_name(item["name"]): attribute_value(item["name"], item.get("value"))
        for item in items
    }


def custom_limit(found: dict[str, str | None], error: ContainerInstanceErrors) -> None:
    """At most 10 attributes of a resource are the user's own; `error` says so as the
    operation can (RegisterContainerInstance models no AttributeLimitExceededException)."""
    if sum(map(is_custom, found)) > MAX_CUSTOM_ATTRIBUTES:
        raise AwsError.of(error)
