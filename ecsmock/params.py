"""Read a JSON request member by member, answering wrong types as AWS does.

A client built with `Config(parameter_validation=False)` can send any JSON. Every operation reads
its request through `Params`, so a wrong type becomes a 400, never a Python traceback. JSON `null`
counts as absent, as it does for AWS's JSON services. Structures that ecsmock keeps whole and
echoes (a container definition) are read by their shape in botocore's model instead.
"""

from __future__ import annotations

import functools
from typing import Any

from ecsmock import service_model
from ecsmock.errors import AwsError
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.wire import WireErrors

Json = dict[str, Any]


class Params:
    """A JSON object of the request (or a structure inside it), with its path for messages."""

    __slots__ = ("_data", "_path")

    def __init__(self, data: object, path: str = "") -> None:
        if not isinstance(data, dict):
            raise AwsError.of(
                WireErrors.WRONG_TYPE, member=path or "the request", expected="an object"
            )
        self._data: Json = data
        self._path = path

    def _member(self, name: str) -> str:
        return _within(self._path, name)

    def _get(self, name: str, kind: type, expected: str) -> Any:
        value = self._data.get(name)
        if value is None:
            return None
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise AwsError.of(WireErrors.WRONG_TYPE, member=self._member(name), expected=expected)
        return value

    def has(self, name: str) -> bool:
        return self._data.get(name) is not None

    def string(self, name: str) -> str | None:
        value: str | None = self._get(name, str, "a string")
        return value

    def required_string(self, name: str) -> str:
        value = self.string(name)
        if value is None:
            raise AwsError.of(WireErrors.MISSING_PARAMETER, member=self._member(name))
        return value

    def integer(self, name: str) -> int | None:
        value: int | None = self._get(name, int, "an integer")
        return value

    def boolean(self, name: str) -> bool | None:
        value: bool | None = self._get(name, bool, "a boolean")
        return value

    def strings(self, name: str) -> list[str] | None:
        items: list[Any] | None = self._get(name, list, "a list of strings")
        if items is not None and not all(isinstance(item, str) for item in items):
            raise AwsError.of(
                WireErrors.WRONG_TYPE, member=self._member(name), expected="a list of strings"
            )
        return items

    def struct(self, name: str) -> Params | None:
        value = self._data.get(name)
        return None if value is None else Params(value, self._member(name))

    def structs(self, name: str) -> list[Params] | None:
        items: list[Any] | None = self._get(name, list, "a list of objects")
        if items is None:
            return None
        return [Params(item, f"{self._member(name)}[{i}]") for i, item in enumerate(items)]

    def fields(self) -> Json:
        """The object's members as sent (a shallow copy), for a digest of the whole."""
        return dict(self._data)

    def checked(self, shape: str) -> Json:
        """The whole object, checked as `shaped` checks one member: for a request ecsmock only
        acknowledges, whose every member must still have the model's type."""
        checked: Json = conform(self._data, shape, self._path)
        return checked

    def required_shaped(self, name: str, shape: str) -> Any:
        value = self.shaped(name, shape)
        if value is None:
            raise AwsError.of(WireErrors.MISSING_PARAMETER, member=self._member(name))
        return value

    def shaped(self, name: str, shape: str) -> Any:
        """The member as the model's `shape` describes it: every type and enum value checked,
        members the model does not know dropped (as AWS ignores them), `null`s left out."""
        value = self._data.get(name)
        return None if value is None else conform(value, shape, self._member(name))


# The JSON types each kind of shape takes: exact types, as the JSON decoder makes them (so a
# boolean is never an integer).
_KINDS: dict[str, tuple[frozenset[type], str]] = {
    "string": (frozenset({str}), "a string"),
    "integer": (frozenset({int}), "an integer"),
    "long": (frozenset({int}), "an integer"),
    "boolean": (frozenset({bool}), "a boolean"),
    "double": (frozenset({int, float}), "a number"),
    "timestamp": (frozenset({int, float}), "a number"),
    "structure": (frozenset({dict}), "an object"),
    "map": (frozenset({dict}), "an object"),
    "list": (frozenset({list}), "a list"),
}


_RANGES = {
    "integer": (-(2**31), 2**31 - 1, "32-bit integer"),
    "long": (-(2**63), 2**63 - 1, "64-bit integer"),
}


def conform(value: Any, shape: str, path: str) -> Any:
    """`value` checked against the model's `shape`, reduced to what the model knows."""
    spec, kind, types = _plan(shape)
    if type(value) not in types:
        raise AwsError.of(WireErrors.WRONG_TYPE, member=path, expected=_KINDS[kind][1])
    if kind == "structure":
        for required in spec.get("required", ()):
            if value.get(required) is None:
                raise AwsError.of(WireErrors.MISSING_PARAMETER, member=_within(path, required))
        members = spec["members"]  # a structure has many; a request sets few: walk those
        return {
            key: conform(item, members[key]["shape"], _within(path, key))
            for key, item in value.items()
            if item is not None and key in members
        }
    if kind == "list":
        item = spec["member"]["shape"]
        return [conform(entry, item, f"{path}[{i}]") for i, entry in enumerate(value)]
    if kind == "map":
        keys, values = spec["key"]["shape"], spec["value"]["shape"]
        return {
            conform(key, keys, f"{path} key"): conform(entry, values, _within(path, key))
            for key, entry in value.items()
        }
    if kind in _RANGES and not _RANGES[kind][0] <= value <= _RANGES[kind][1]:
        raise AwsError.of(WireErrors.WRONG_TYPE, member=path, expected=f"a {_RANGES[kind][2]}")
    if "enum" in spec and value not in spec["enum"]:
        valid = ", ".join(spec["enum"])
        raise AwsError.of(CommonErrors.ENUM_VALUE, member=path, value=value, valid=valid)
    return value


def _within(path: str, member: str) -> str:
    """A member's path for messages: `containerDefinitions[0].name`, or `name` at the top."""
    return f"{path}.{member}" if path else member


@functools.cache
def _plan(shape: str) -> tuple[dict[str, Any], str, frozenset[type]]:
    """A shape's spec, kind and Python types, looked up once: conform runs for every member."""
    spec = service_model.shape(shape)
    return spec, spec["type"], _KINDS[spec["type"]][0]
