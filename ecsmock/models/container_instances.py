"""Container instances: the EC2 (or external) hosts registered to a cluster, with their
resources, attributes and agent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Protocol

from ecsmock.models import ACTIVE, Json, tags_to_api

DRAINING = "DRAINING"
CUSTOM_PREFIXES = ("ecs.", "com.amazonaws.ecs.")  # what the agent sets; the rest is the user's


def resource(name: str, kind: str, value: float | list[str]) -> Json:
    """A Resource as AWS shows it: every numeric member present, the one of its type set."""
    body: Json = {"name": name, "type": kind, "doubleValue": 0.0, "longValue": 0, "integerValue": 0}
    if kind == "STRINGSET":
        body["stringSetValue"] = value
    else:
        body[VALUE_MEMBERS[kind]] = value
    return body


VALUE_MEMBERS = {"INTEGER": "integerValue", "LONG": "longValue", "DOUBLE": "doubleValue"}
RESOURCE_TYPES = (*VALUE_MEMBERS, "STRINGSET")


def attributes_to_api(attributes: dict[str, str | None]) -> list[Json]:
    """Attributes as the API shows and takes them: a name, and a value when there is one."""
    return [
        {"name": name} if value is None else {"name": name, "value": value}
        for name, value in attributes.items()
    ]


def is_custom(attribute: str) -> bool:
    return not attribute.startswith(CUSTOM_PREFIXES)


@dataclass(frozen=True, slots=True)
class Capacity:
    """What an instance registered to place tasks on: CPU and MEMORY (always INTEGER), and the
    host ports it keeps for itself (PORTS, PORTS_UDP)."""

    cpu: int
    memory: int
    ports: frozenset[int]
    udp_ports: frozenset[int]

    @classmethod
    def of(cls, resources: list[Json]) -> Capacity:
        by_name = {item["name"]: item for item in resources}

        def ports(name: str) -> frozenset[int]:
            listed = by_name.get(name, {}).get("stringSetValue", ())
            return frozenset(int(p) for p in listed if p.isascii() and p.isdigit())

        cpu, memory = by_name["CPU"]["integerValue"], by_name["MEMORY"]["integerValue"]
        return cls(cpu, memory, ports("PORTS"), ports("PORTS_UDP"))


class Held(Protocol):
    """What one task holds of an instance (`tasks.Reservation`)."""

    @property
    def cpu(self) -> int: ...
    @property
    def memory(self) -> int: ...
    @property
    def ports(self) -> frozenset[int]: ...
    @property
    def udp_ports(self) -> frozenset[int]: ...


@dataclass(slots=True)
class Usage:
    """What the tasks placed on an instance hold of it until they have STOPPED: kept by the
    store of tasks, which derives it from them."""

    cpu: int = 0
    memory: int = 0
    ports: set[int] = field(default_factory=set)  # static host ports
    udp_ports: set[int] = field(default_factory=set)
    running: int = 0
    pending: int = 0
    groups: Counter[str] = field(default_factory=Counter)  # task group -> how many

    @property
    def tasks(self) -> int:
        """How many tasks hold the instance (every task has a group)."""
        return self.groups.total()

    def copy(self) -> Usage:
        return Usage(
            self.cpu,
            self.memory,
            set(self.ports),
            set(self.udp_ports),
            self.running,
            self.pending,
            Counter(self.groups),
        )

    def hold(self, needs: Held, group: str, phase: str | None, sign: int = 1) -> None:
        """Add (or, with `sign=-1`, take away) what one task holds; `phase` says whether it
        counts as pending, running, or neither (stopping)."""
        self.cpu += sign * needs.cpu
        self.memory += sign * needs.memory
        for ports, taken in ((self.ports, needs.ports), (self.udp_ports, needs.udp_ports)):
            if sign > 0:
                ports.update(taken)
            else:
                ports.difference_update(taken)
        self.groups[group] += sign
        if not self.groups[group]:
            del self.groups[group]
        self.running += sign * (phase == "running")
        self.pending += sign * (phase == "pending")


@dataclass(slots=True)
class ContainerInstance:
    id: str
    arn: str
    cluster: str
    ec2_instance_id: str
    registered_at: float
    registered_resources: list[Json]
    version_info: Json
    attributes: dict[str, str | None]  # name -> value (None: a capability, shown without one)
    tags: dict[str, str] = field(default_factory=dict)
    capacity_provider_name: str | None = None
    status: str = ACTIVE
    version: int = 1  # one more for each change AWS reports
    agent_connected: bool = True
    agent_update_status: str | None = None
    order: int = 0  # when it registered: where ListContainerInstances lists it
    capacity: Capacity = field(init=False)  # read from the resources: placement reads it often

    def __post_init__(self) -> None:
        self.capacity = Capacity.of(self.registered_resources)

    def resources_to_api(self, usage: Usage | None = None) -> list[Json]:
        """A copy, as `fresh` makes, at a fifth of its cost (resources are flat but for one
        list); with `usage`, what is left once the instance's tasks have what they hold."""
        usage = usage or Usage()
        amounts = {"CPU": usage.cpu, "MEMORY": usage.memory}
        ports = {"PORTS": usage.ports, "PORTS_UDP": usage.udp_ports}
        result = []
        for item in self.registered_resources:
            if "stringSetValue" in item:
                held = [*item["stringSetValue"]]
                held += [str(p) for p in sorted(ports.get(item["name"], ())) if str(p) not in held]
                result.append({**item, "stringSetValue": held})
            elif item["type"] == "INTEGER" and item["name"] in amounts:
                result.append(
                    {**item, "integerValue": item["integerValue"] - amounts[item["name"]]}
                )
            else:
                result.append({**item})
        return result

    def to_api(self, usage: Usage, include: Collection[str] = ()) -> Json:
        """The instance, with what its tasks hold of it (`Tasks.used`)."""
        body: Json = {
            "containerInstanceArn": self.arn,
            "ec2InstanceId": self.ec2_instance_id,
            "version": self.version,
            "versionInfo": dict(self.version_info),
            "remainingResources": self.resources_to_api(usage),
            "registeredResources": self.resources_to_api(),
            "status": self.status,
            "agentConnected": self.agent_connected,
            "runningTasksCount": usage.running,
            "pendingTasksCount": usage.pending,
            "attributes": attributes_to_api(self.attributes),
            "registeredAt": self.registered_at,
            "attachments": [],
            "tags": tags_to_api(self.tags) if "TAGS" in include else [],
        }
        if self.capacity_provider_name is not None:
            body["capacityProviderName"] = self.capacity_provider_name
        if self.agent_update_status is not None:
            body["agentUpdateStatus"] = self.agent_update_status
        if "CONTAINER_INSTANCE_HEALTH" in include:
            check = {
                "type": "CONTAINER_RUNTIME",
                "status": "OK",
                "lastUpdated": self.registered_at,  # nothing ever changes its health
                "lastStatusChange": self.registered_at,
            }
            body["healthStatus"] = {"overallStatus": "OK", "details": [check]}
        return body


def subject_of(instance: ContainerInstance, usage: Usage, subject: str) -> object:
    """What the cluster query language sees of an instance (ListContainerInstances' filter,
    memberOf placement constraints)."""
    if subject.startswith("attribute:"):
        name = subject.removeprefix("attribute:")
        if name not in instance.attributes:
            return None
        return instance.attributes[name] or ""  # a capability: it exists, with no value
    return SUBJECTS[subject](instance, usage)


# What each subject of the query language (`query.SUBJECTS`, the same names) reads.
SUBJECTS: dict[str, Callable[[ContainerInstance, Usage], object]] = {
    "agentConnected": lambda instance, _: instance.agent_connected,
    "agentVersion": lambda instance, _: instance.version_info.get("agentVersion"),
    "ec2InstanceId": lambda instance, _: instance.ec2_instance_id,
    "registeredAt": lambda instance, _: instance.registered_at,
    "runningTasksCount": lambda _, usage: usage.running,
    "task:group": lambda _, usage: sorted(usage.groups),
}
