"""Server-side rules that several operations share: names, tags, settings, configuration,
capacity provider strategies. Each rule raises the AWS-shaped error of the table."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction
from typing import Protocol, TypeVar

from ecsmock import service_model
from ecsmock.errors import AwsError, ErrorTable
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.task_definitions import TaskDefinitionErrors
from ecsmock.messages.wire import WireErrors
from ecsmock.models import Json
from ecsmock.models.clusters import Cluster, StrategyItem
from ecsmock.models.task_definitions import TASK_CPU
from ecsmock.params import Params, conform
from ecsmock.state.region import RegionState

MAX_TAGS = 50
MISSING = "MISSING"  # the failure reason of what a Describe-style request names and is not there
CONTAINER_INSIGHTS_VALUES = ("enabled", "disabled", "enhanced")  # a String in the model: by hand

_NAME = re.compile(r"[A-Za-z0-9_-]{1,255}")
_ASCII_TAG = re.compile(r"[A-Za-z0-9 _.:/=+\-@]*")
_TAG_PUNCTUATION = frozenset("_.:/=+-@")
_NAMESPACE_FORBIDDEN = frozenset('<>"/')
_UNITS = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+) ?([A-Za-z]*)", re.ASCII)
_LONGEST_UNITS = 32  # no cpu or memory value AWS takes is longer


def is_valid_name(name: str) -> bool:
    """Cluster and capacity provider names: up to 255 letters, digits, `_` and `-`."""
    return _NAME.fullmatch(name) is not None


def names(
    request: Params, member: str, most: int, empty: ErrorTable, too_many: ErrorTable
) -> list[str]:
    """A required list of 1 to `most` identifiers, with the errors the operation answers."""
    identifiers = request.strings(member)
    if identifiers is None:
        raise AwsError.of(WireErrors.MISSING_PARAMETER, member=member)
    if not identifiers:
        raise AwsError.of(empty)
    if len(identifiers) > most:
        raise AwsError.of(too_many)
    return identifiers


class Described(Protocol):
    @property
    def arn(self) -> str: ...


D = TypeVar("D", bound=Described)


def each(
    identifiers: list[str], find: Callable[[str], D | None], arn_of: Callable[[str], str]
) -> tuple[list[D], list[Json]]:
    """What a Describe-style request names, once each, and a MISSING failure for each ARN
    (an id's: `arn_of`) that names nothing, once each."""
    found: list[D] = []
    missing: dict[str, Json] = {}
    answered: set[str] = set()
    for identifier in identifiers:
        item = find(identifier)
        if item is None:
            arn = identifier if identifier.startswith("arn:") else arn_of(identifier)
            missing.setdefault(arn, {"arn": arn, "reason": MISSING})
        elif item.arn not in answered:
            answered.add(item.arn)
            found.append(item)
    return found, list(missing.values())


def task_size(document: Json) -> tuple[int | None, int | None]:
    """A task's cpu ("1024", "1 vCPU") and memory ("2048", "2 GB") as units and MiB, written
    back into `document` as strings of digits, as AWS converts them (a task definition, a
    task's overrides)."""
    cpu = _units(document, "cpu", "vcpu", TaskDefinitionErrors.TASK_CPU)
    memory = _units(document, "memory", "gb", TaskDefinitionErrors.TASK_MEMORY)
    if cpu is not None and cpu not in TASK_CPU:
        raise AwsError.of(TaskDefinitionErrors.TASK_CPU)
    if memory is not None and memory < 1:
        raise AwsError.of(TaskDefinitionErrors.TASK_MEMORY)
    return cpu, memory


def _units(document: Json, member: str, unit: str, error: ErrorTable) -> int | None:
    text = document.get(member)
    if text is None:
        return None
    match = _UNITS.fullmatch(text.strip(" ")) if len(text) <= _LONGEST_UNITS else None
    if match is None or match[2].lower() not in ("", unit):
        raise AwsError.of(error)
    amount = Fraction(match[1]) * (1024 if match[2] else 1)
    if amount.denominator != 1:
        raise AwsError.of(error)
    document[member] = str(amount.numerator)
    return amount.numerator


def each_in(
    cluster: str,
    identifiers: list[str],
    find: Callable[[str, str], D | None],
    arn_of: Callable[[str, str], str],
) -> tuple[list[D], list[Json]]:
    """`each`, for the resources of one cluster (tasks, container instances): found in it, an
    id's ARN made with it."""
    return each(
        identifiers, lambda given: find(given, cluster), lambda given: arn_of(cluster, given)
    )


def cluster_name(name: str) -> str:
    if not is_valid_name(name):
        raise AwsError.of(ClusterErrors.CLUSTER_NAME)
    return name


def one_of(member: str, value: str, shape: str) -> str:
    """`value` if botocore's model lists it in the enum `shape`."""
    checked: str = conform(value, shape, member)
    return checked


def cluster(state: RegionState, request: Params) -> Cluster:
    """The ACTIVE cluster a request's `cluster` names: `default` when it names none."""
    return state.active_cluster(request.string("cluster") or "default")


def _tag_text_allowed(text: str) -> bool:
    if text.isascii():
        return _ASCII_TAG.fullmatch(text) is not None
    return all(char in _TAG_PUNCTUATION or unicodedata.category(char)[0] in "LZN" for char in text)


def _tag_text(part: str, text: str) -> None:
    if not _tag_text_allowed(text):
        raise AwsError.of(CommonErrors.TAG_CHARACTERS, part=part, value=text)
    if text[:4].lower() == "aws:":
        raise AwsError.of(CommonErrors.TAG_RESERVED, part=part, value=text)


def tag_key(key: str) -> str:
    if not 1 <= len(key) <= 128:
        raise AwsError.of(CommonErrors.TAG_KEY_LENGTH)
    _tag_text("key", key)
    return key


def tags(items: list[Params] | None) -> dict[str, str]:
    """The tags of a request as a dict, in request order."""
    result: dict[str, str] = {}
    if items is None:
        return result
    if len(items) > MAX_TAGS:
        raise AwsError.of(CommonErrors.TOO_MANY_TAGS)
    for item in items:
        key = tag_key(item.required_string("key"))
        value = item.string("value") or ""
        if len(value) > 256:
            raise AwsError.of(CommonErrors.TAG_VALUE_LENGTH)
        _tag_text("value", value)
        if key in result:
            raise AwsError.of(CommonErrors.TAG_DUPLICATE_KEY, key=key)
        result[key] = value
    return result


def merged_tags(
    current: dict[str, str], given: dict[str, str], too_many: ErrorTable
) -> dict[str, str]:
    """A resource's tags with `given` merged in (a key given again is overwritten), at most 50
    after the merge, not counting AWS's own (`aws:`, as ECS's managed tags); `too_many` says so
    as the operation can."""
    merged = {**current, **given}
    counted = sum(not key.startswith("aws:") for key in merged)
    if counted > MAX_TAGS:
        raise AwsError.of(too_many, count=counted)
    return merged


def container_insights(items: list[Params] | None) -> str | None:
    """The containerInsights value a `settings` list asks for, if any."""
    value = None
    for item in items or ():
        if item.string("name") not in service_model.enum("ClusterSettingName"):
            raise AwsError.of(ClusterErrors.SETTING_NAME)
        value = item.string("value")
        if value not in CONTAINER_INSIGHTS_VALUES:
            raise AwsError.of(CommonErrors.SETTING_VALUE)
    return value


def _members(params: Params, strings: tuple[str, ...], booleans: tuple[str, ...] = ()) -> Json:
    """The typed members of a structure that ecsmock stores and echoes as given."""
    result: Json = {name: params.string(name) for name in strings if params.has(name)}
    result.update({name: params.boolean(name) for name in booleans if params.has(name)})
    return result


def configuration(request: Params | None) -> Json | None:
    """A cluster's `configuration`, checked and reduced to the members the model knows."""
    if request is None:
        return None
    result: Json = {}
    execute = request.struct("executeCommandConfiguration")
    if execute is not None:
        command = _members(execute, ("kmsKeyId",))
        logging = execute.string("logging")
        if logging is not None:
            if logging not in service_model.enum("ExecuteCommandLogging"):
                raise AwsError.of(ClusterErrors.LOGGING_VALUE, value=logging)
            command["logging"] = logging
        log = execute.struct("logConfiguration")
        if logging == "OVERRIDE" and log is None:
            raise AwsError.of(ClusterErrors.LOG_CONFIGURATION_REQUIRED)
        if log is not None:
            if logging != "OVERRIDE":
                raise AwsError.of(ClusterErrors.LOG_CONFIGURATION_NEEDS_OVERRIDE)
            command["logConfiguration"] = _members(
                log,
                ("cloudWatchLogGroupName", "s3BucketName", "s3KeyPrefix"),
                ("cloudWatchEncryptionEnabled", "s3EncryptionEnabled"),
            )
        result["executeCommandConfiguration"] = command
    storage = request.struct("managedStorageConfiguration")
    if storage is not None:
        result["managedStorageConfiguration"] = _members(
            storage, ("kmsKeyId", "fargateEphemeralStorageKmsKeyId")
        )
    return result


def namespace_name(name: str) -> str:
    if not 1 <= len(name) <= 1024 or not _NAMESPACE_FORBIDDEN.isdisjoint(name):
        raise AwsError.of(ClusterErrors.NAMESPACE_NAME)
    return name


def strategy(items: list[Params]) -> list[StrategyItem]:
    """A capacity provider strategy, checked on its own (association is checked by the caller)."""
    if len(items) > 20:
        raise AwsError.of(CommonErrors.STRATEGY_TOO_LONG)
    result: list[StrategyItem] = []
    for params in items:
        item = StrategyItem(
            params.required_string("capacityProvider"),
            params.integer("weight") or 0,
            params.integer("base") or 0,
        )
        if not 0 <= item.weight <= 1000:
            raise AwsError.of(CommonErrors.STRATEGY_WEIGHT, value=item.weight)
        if not 0 <= item.base <= 100_000:
            raise AwsError.of(CommonErrors.STRATEGY_BASE, value=item.base)
        if any(seen.capacity_provider == item.capacity_provider for seen in result):
            raise AwsError.of(CommonErrors.STRATEGY_DUPLICATE, name=item.capacity_provider)
        result.append(item)
    if sum(item.base > 0 for item in result) > 1:
        raise AwsError.of(CommonErrors.STRATEGY_TWO_BASES)
    return result
