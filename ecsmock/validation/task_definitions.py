"""RegisterTaskDefinition's rules: what the server checks, what it fills in, and which launch
types the result is compatible with (`compatibilities`, computed once, at registration)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ecsmock import validation
from ecsmock.errors import AwsError, ErrorTable
from ecsmock.messages.task_definitions import TaskDefinitionErrors
from ecsmock.models import Json
from ecsmock.params import Params

MAX_CONTAINERS = 10
MAX_CONSTRAINTS = 10
FARGATE_STOP_TIMEOUT = 120

# Task cpu (units) -> the task memory (MiB) Fargate offers with it, from botocore's model.
FARGATE_SIZES: dict[int, Sequence[int]] = {
    256: (512, 1024, 2048),
    512: range(1024, 4096 + 1, 1024),
    1024: range(2048, 8192 + 1, 1024),
    2048: range(4096, 16384 + 1, 1024),
    4096: range(8192, 30720 + 1, 1024),
    8192: range(16384, 61440 + 1, 4096),
    16384: range(32768, 122880 + 1, 8192),
}

_PORT_RANGE = re.compile(r"([0-9]{1,5})-([0-9]{1,5})")
_ECR_IMAGE = re.compile(r"\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/")


@dataclass(frozen=True)
class Registration:
    """A request that passed every rule: the definition as AWS echoes it, minus what the
    registration itself adds (ARN, revision, status, times)."""

    family: str
    document: Json
    tags: dict[str, str]


def registration(request: Params) -> Registration:
    family = request.string("family")
    if not family:
        raise AwsError.of(TaskDefinitionErrors.FAMILY_BLANK)
    if not validation.is_valid_name(family):
        raise AwsError.of(TaskDefinitionErrors.FAMILY_CHARACTERS)
    containers: list[Json] = request.shaped("containerDefinitions", "ContainerDefinitions") or []
    if not containers:
        raise AwsError.of(TaskDefinitionErrors.NO_CONTAINERS)
    if len(containers) > MAX_CONTAINERS:
        raise AwsError.of(TaskDefinitionErrors.TOO_MANY_CONTAINERS)
    document: Json = {"family": family}
    for member, shape in _ECHOED:
        value = request.shaped(member, shape)
        if value is not None:
            document[member] = value
    tags = validation.tags(request.structs("tags"))
    mode = document.get("networkMode", "bridge")
    cpu, memory = validation.task_size(document)
    _containers(containers, mode)
    _volumes(document, containers)
    _task_settings(document)
    fargate = _fargate_problem(document, containers, mode, cpu, memory)
    required = document.get("requiresCompatibilities") or []
    if "FARGATE" in required and fargate is not None:
        entry, fields = fargate
        raise AwsError.of(entry, **fields)
    if "EXTERNAL" in required and mode == "awsvpc":
        raise AwsError.of(TaskDefinitionErrors.EXTERNAL_AWSVPC)
    if memory is None:
        for container in containers:
            if not container.get("memory") and not container.get("memoryReservation"):
                raise AwsError.of(
                    TaskDefinitionErrors.CONTAINER_MEMORY_MISSING, name=container["name"]
                )
    else:
        for container in containers:
            if container.get("memory", 0) > memory:
                raise AwsError.of(
                    TaskDefinitionErrors.CONTAINER_MEMORY_ABOVE_TASK, name=container["name"]
                )
        if sum(container.get("memoryReservation", 0) for container in containers) > memory:
            raise AwsError.of(TaskDefinitionErrors.CONTAINERS_RESERVATION_ABOVE_TASK)
    if cpu is not None and sum(container["cpu"] for container in containers) > cpu:
        raise AwsError.of(TaskDefinitionErrors.CONTAINERS_CPU_ABOVE_TASK)
    compatibilities = (
        *(("EXTERNAL",) if mode != "awsvpc" else ()),
        "EC2",
        *(("FARGATE",) if fargate is None else ()),
        *(("MANAGED_INSTANCES",) if "MANAGED_INSTANCES" in required else ()),
    )
    document["containerDefinitions"] = containers
    document.setdefault("volumes", [])
    document.setdefault("placementConstraints", [])
    document["requiresAttributes"] = _requires_attributes(document, containers, mode)
    document["compatibilities"] = list(compatibilities)
    return Registration(family, document, tags)


# Members echoed as given once checked (containers, family and tags are read on their own).
_ECHOED = (
    ("taskRoleArn", "String"),
    ("executionRoleArn", "String"),
    ("networkMode", "NetworkMode"),
    ("volumes", "VolumeList"),
    ("placementConstraints", "TaskDefinitionPlacementConstraints"),
    ("requiresCompatibilities", "CompatibilityList"),
    ("cpu", "String"),
    ("memory", "String"),
    ("pidMode", "PidMode"),
    ("ipcMode", "IpcMode"),
    ("proxyConfiguration", "ProxyConfiguration"),
    ("inferenceAccelerators", "InferenceAccelerators"),
    ("ephemeralStorage", "EphemeralStorage"),
    ("runtimePlatform", "RuntimePlatform"),
    ("enableFaultInjection", "BoxedBoolean"),
    ("trustedExecutionConfiguration", "TrustedExecutionConfiguration"),
)


def _containers(containers: list[Json], mode: str) -> None:
    names: set[str] = set()
    for container in containers:
        name = container.get("name")
        if not name:
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_NAME_BLANK)
        if not validation.is_valid_name(name):
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_NAME_CHARACTERS)
        if not container.get("image", "").strip():
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_IMAGE_BLANK)
        if name in names:
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_NAMES_UNIQUE)
        names.add(name)
        for setting, least in (("cpu", 0), ("memory", 1), ("memoryReservation", 1)):
            if container.get(setting, least) < least:
                raise AwsError.of(
                    TaskDefinitionErrors.CONTAINER_SETTING, setting=setting, name=name
                )
        memory, reservation = container.get("memory"), container.get("memoryReservation")
        if memory is not None and reservation is not None and reservation >= memory:
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_RESERVATION_ABOVE_MEMORY, name=name)
        _ports(container, mode)
        _network_settings(container, mode)
        container.setdefault("cpu", 0)
        container.setdefault("essential", True)
        for member in ("portMappings", "environment", "mountPoints", "volumesFrom"):
            container.setdefault(member, [])
    if not any(container["essential"] for container in containers):
        raise AwsError.of(TaskDefinitionErrors.NO_ESSENTIAL)
    by_name = {container["name"]: container for container in containers}
    for container in containers:
        for dependency in container.get("dependsOn", ()):
            other = by_name.get(dependency["containerName"])
            if other is None:
                raise AwsError.of(
                    TaskDefinitionErrors.DEPENDENCY_UNKNOWN,
                    name=container["name"],
                    other=dependency["containerName"],
                )
            if dependency["condition"] in ("SUCCESS", "COMPLETE") and other["essential"]:
                raise AwsError.of(TaskDefinitionErrors.DEPENDENCY_ESSENTIAL)
        for source in container["volumesFrom"]:
            if source.get("sourceContainer") not in by_name:
                raise AwsError.of(
                    TaskDefinitionErrors.UNKNOWN_VOLUMES_FROM,
                    name=container["name"],
                    other=source.get("sourceContainer", ""),
                )


def _ports(container: Json, mode: str) -> None:
    """Port mappings checked for the network mode; awsvpc and host fill in the host port."""
    name = container["name"]
    mappings = container.get("portMappings", ())
    if mappings and mode == "none":
        raise AwsError.of(TaskDefinitionErrors.NONE_PORTS)
    for mapping in mappings:
        port = mapping.get("containerPort")
        if (port is None and "containerPortRange" not in mapping) or (
            port is not None and not 0 < port <= 65535
        ):
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_PORT, name=name)
        if "containerPortRange" in mapping and not _is_port_range(mapping["containerPortRange"]):
            raise AwsError.of(
                TaskDefinitionErrors.CONTAINER_SETTING, setting="containerPortRange", name=name
            )
        host = mapping.get("hostPort")
        if host is not None and not 0 <= host <= 65535:
            raise AwsError.of(TaskDefinitionErrors.CONTAINER_SETTING, setting="hostPort", name=name)
        if mode in ("awsvpc", "host") and port is not None:
            if host not in (None, port):
                raise AwsError.of(
                    TaskDefinitionErrors.AWSVPC_PORTS
                    if mode == "awsvpc"
                    else TaskDefinitionErrors.HOST_PORTS
                )
            mapping["hostPort"] = port
        mapping.setdefault("protocol", "tcp")


def _is_port_range(text: str) -> bool:
    match = _PORT_RANGE.fullmatch(text)
    return match is not None and 0 < int(match[1]) < int(match[2]) <= 65535


def _network_settings(container: Json, mode: str) -> None:
    if mode == "awsvpc" and "hostname" in container:
        raise AwsError.of(TaskDefinitionErrors.AWSVPC_HOSTNAME)
    if mode != "bridge" and container.get("links"):
        raise AwsError.of(TaskDefinitionErrors.LINKS, mode=mode)
    if mode == "awsvpc" and container.get("extraHosts"):
        raise AwsError.of(TaskDefinitionErrors.AWSVPC_EXTRA_HOSTS)


def _volumes(document: Json, containers: list[Json]) -> None:
    names: set[str] = set()
    for volume in document.get("volumes", ()):
        name = volume.get("name")
        if name is None:
            continue
        if not validation.is_valid_name(name):
            raise AwsError.of(TaskDefinitionErrors.VOLUME_NAME)
        if name in names:
            raise AwsError.of(TaskDefinitionErrors.VOLUME_NAMES_UNIQUE)
        names.add(name)
    for container in containers:
        for mount in container["mountPoints"]:
            source = mount.get("sourceVolume")
            if source is not None and source not in names:
                raise AwsError.of(
                    TaskDefinitionErrors.UNKNOWN_VOLUME, name=container["name"], volume=source
                )


def _task_settings(document: Json) -> None:
    constraints = document.get("placementConstraints", ())
    if len(constraints) > MAX_CONSTRAINTS:
        raise AwsError.of(TaskDefinitionErrors.TOO_MANY_CONSTRAINTS)
    if any(len(item.get("expression", "")) > 2000 for item in constraints):
        raise AwsError.of(TaskDefinitionErrors.CONSTRAINT_EXPRESSION)
    storage = document.get("ephemeralStorage")
    if storage is not None and storage["sizeInGiB"] < 21:
        raise AwsError.of(TaskDefinitionErrors.EPHEMERAL_STORAGE_LOW)
    if storage is not None and storage["sizeInGiB"] > 200:
        raise AwsError.of(TaskDefinitionErrors.EPHEMERAL_STORAGE_HIGH)


def _fargate_problem(
    document: Json, containers: list[Json], mode: str, cpu: int | None, memory: int | None
) -> tuple[ErrorTable, dict[str, Any]] | None:
    """The first Fargate rule the definition breaks (an error and its fields), if any: a
    definition that breaks none is compatible with FARGATE."""
    if mode != "awsvpc":
        return TaskDefinitionErrors.FARGATE_NETWORK_MODE, {}
    if cpu is None or memory is None:
        return TaskDefinitionErrors.FARGATE_TASK_LEVEL, {
            "setting": "cpu" if cpu is None else "memory"
        }
    if memory not in FARGATE_SIZES.get(cpu, ()):
        return TaskDefinitionErrors.FARGATE_CONFIGURATION, {"cpu": cpu, "memory": memory}
    if "ipcMode" in document:
        return TaskDefinitionErrors.FARGATE_IPC_MODE, {}
    if document.get("pidMode") == "host":
        return TaskDefinitionErrors.FARGATE_PID_MODE, {}
    role = "executionRoleArn" in document
    for container in containers:
        if container.get("privileged"):
            return TaskDefinitionErrors.FARGATE_PRIVILEGED, {}
        if container.get("stopTimeout", 0) > FARGATE_STOP_TIMEOUT:
            return TaskDefinitionErrors.FARGATE_STOP_TIMEOUT, {"name": container["name"]}
        if not role and _log_driver(container) == "awslogs":
            return TaskDefinitionErrors.FARGATE_AWSLOGS_ROLE, {}
        if not role and _ECR_IMAGE.match(container["image"]):
            return TaskDefinitionErrors.FARGATE_ECR_ROLE, {}
    return None


def _log_driver(container: Json) -> str | None:
    logging = container.get("logConfiguration")
    return None if logging is None else str(logging["logDriver"])


def _requires_attributes(document: Json, containers: list[Json], mode: str) -> list[Json]:
    """The capabilities an instance needs to run the definition, as far as ecsmock derives
    them (its choice: the attributes AWS's documentation names for these features)."""
    needed: list[str] = []
    role = "executionRoleArn" in document
    if "taskRoleArn" in document:
        needed.append("com.amazonaws.ecs.capability.task-iam-role")
    if mode == "awsvpc":
        needed.append("ecs.capability.task-eni")
    for container in containers:
        driver = _log_driver(container)
        if driver is not None:
            needed.append(f"com.amazonaws.ecs.capability.logging-driver.{driver}")
            if role and driver == "awslogs":
                needed.append("ecs.capability.execution-role-awslogs")
        if _ECR_IMAGE.match(container["image"]):
            needed.append("com.amazonaws.ecs.capability.ecr-auth")
            if role:
                needed.append("ecs.capability.execution-role-ecr-pull")
    return [{"name": name} for name in dict.fromkeys(needed)]
