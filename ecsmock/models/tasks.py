"""Tasks: a task definition's containers running on a container instance or on Fargate, with
the network interface awsvpc gives them, from PROVISIONING or PENDING to STOPPED."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from ecsmock.clock import uuid4_text
from ecsmock.models import Json, fresh, tags_to_api

PROVISIONING = "PROVISIONING"
PENDING = "PENDING"
RUNNING = "RUNNING"
STOPPING = "STOPPING"
DEPROVISIONING = "DEPROVISIONING"
STOPPED = "STOPPED"
STARTING = (PROVISIONING, PENDING)  # what clusters and instances count as pending
FARGATE = "FARGATE"
EC2 = "EC2"
ENI = "ElasticNetworkInterface"
PRECREATED, ATTACHED, DELETED = "PRECREATED", "ATTACHED", "DELETED"  # an ENI's statuses


@dataclass(frozen=True, slots=True)
class Reservation:
    """What a task holds of its container instance until it has STOPPED."""

    cpu: int = 0
    memory: int = 0
    ports: frozenset[int] = frozenset()  # static TCP host ports
    udp_ports: frozenset[int] = frozenset()


NOTHING = Reservation()
Lookup = Callable[[str], object]  # a subject of the cluster query language -> its value


@dataclass(frozen=True, slots=True)
class Placement:
    """How a call's tasks are placed on container instances: what each needs, its group, and
    the rules of the request and of its task definition."""

    needs: Reservation
    group: str
    required_attributes: tuple[str, ...] = ()
    distinct: bool = False  # distinctInstance: one task of the group per instance
    member_of: tuple[Callable[[Lookup], bool], ...] = ()
    strategy: tuple[tuple[str, str], ...] = ()  # (type, field); none: random


@dataclass(slots=True)
class PlannedFailure:
    """Tasks a test made fail to start: the next `remaining` of them (None: every one), of
    `family` (None: of any)."""

    reason: str
    family: str | None
    remaining: int | None


@dataclass(slots=True)
class PortMapping:
    container_port: int
    host_port: int  # 0: the agent picks one when the task starts (bridge mode)
    protocol: str


@dataclass(frozen=True, slots=True)
class ContainerSpec:
    """A container as its task definition and the request's overrides make it: shared by the
    tasks one call starts."""

    name: str
    image: str
    cpu: int
    memory: int | None
    memory_reservation: int | None
    essential: bool
    ports: tuple[PortMapping, ...] = ()


@dataclass(slots=True)
class TaskContainer:
    """A container of a task: its spec, and what happens to it. Kept small (a task keeps
    several); what can be derived (its runtime id) is derived when shown."""

    spec: ContainerSpec
    id: str  # the uuid in its ARN
    last_status: str = PENDING
    exit_code: int | None = None
    reason: str | None = None
    started: bool = False
    host_ports: tuple[int, ...] = ()  # each mapping's on its instance (bridge and host mode)

    def runtime_id(self, task_id: str, fargate: bool) -> str:
        """Docker's id of it (Fargate's: the task's id and a number), made from its own id."""
        digest = hashlib.sha256(self.id.encode()).hexdigest()
        return f"{task_id}-{int(digest[:8], 16)}" if fargate else digest


@dataclass(slots=True)
class NetworkInterface:
    """The ENI an awsvpc task gets: PRECREATED, ATTACHED while it runs, DELETED once stopped."""

    subnet: str
    random: bytes  # 32: 16 for the attachment's id, 9 the ENI's id, 5 its MAC, 2 its IPv4
    dns_suffix: str
    status: str = PRECREATED

    @property
    def attachment_id(self) -> str:
        return uuid4_text(self.random[:16])

    @property
    def eni_id(self) -> str:
        return f"eni-{self.random[16:25].hex()[:17]}"

    @property
    def mac(self) -> str:
        return "02:" + ":".join(f"{byte:02x}" for byte in self.random[25:30])

    @property
    def ip(self) -> str:
        return f"10.0.{self.random[30]}.{self.random[31] % 254 + 1}"

    @property
    def dns_name(self) -> str:
        return f"ip-{self.ip.replace('.', '-')}.{self.dns_suffix}"

    def to_api(self) -> Json:
        details = [("subnetId", self.subnet)]
        if self.status != PRECREATED:
            details += [
                ("networkInterfaceId", self.eni_id),
                ("macAddress", self.mac),
                ("privateDnsName", self.dns_name),
                ("privateIPv4Address", self.ip),
            ]
        return {
            "id": self.attachment_id,
            "type": ENI,
            "status": self.status,
            "details": [{"name": name, "value": value} for name, value in details],
        }


@dataclass(slots=True)
class Task:
    id: str
    long_arn: bool  # the caller's taskLongArnFormat when it ran: the form of its ARNs
    cluster: str
    cluster_arn: str
    definition_arn: str
    family: str
    containers: list[TaskContainer]
    launch_type: str
    cpu: str
    memory: str
    group: str
    created_at: float
    architecture: str
    overrides: Json  # as given, without the entry per container AWS adds
    tags: dict[str, str] = field(default_factory=dict)
    started_by: str | None = None
    capacity_provider: str | None = None
    instance_id: str | None = None
    instance_arn: str | None = None
    availability_zone: str | None = None
    network: NetworkInterface | None = None
    platform_version: str | None = None
    enable_execute_command: bool = False
    reservation: Reservation = NOTHING
    last_status: str = PENDING
    desired_status: str = RUNNING
    version: int = 1  # one more for each change of its status
    connectivity_at: float | None = None
    pull_started_at: float | None = None
    pull_stopped_at: float | None = None
    started_at: float | None = None
    stopping_at: float | None = None
    stopped_at: float | None = None
    stop_code: str | None = None
    stopped_reason: str | None = None
    doomed: str | None = None  # why it will fail to start, when a test planned that
    waiting: Placement | None = None  # how to place it once its capacity provider has room
    order: int = 0  # when it was started: where ListTasks lists it

    @property
    def fargate(self) -> bool:
        return self.launch_type == FARGATE

    @property
    def arn(self) -> str:
        """`task/<cluster>/<id>`, or `task/<id>` (made, as it is shown, from the cluster's)."""
        head = self.cluster_arn.rpartition(":cluster/")[0]
        where = f"{self.cluster}/" if self.long_arn else ""
        return f"{head}:task/{where}{self.id}"

    def container_arn(self, container: TaskContainer) -> str:
        """`container/<cluster>/<task id>/<uuid>`, or `container/<uuid>` beside a short task ARN."""
        head = self.cluster_arn.rpartition(":cluster/")[0]
        if self.long_arn:
            return f"{head}:container/{self.cluster}/{self.id}/{container.id}"
        return f"{head}:container/{container.id}"

    def to_api(self, include: Collection[str] = ()) -> Json:
        started = self.last_status not in STARTING
        body: Json = {
            "attachments": [] if self.network is None else [self.network.to_api()],
            "attributes": [{"name": "ecs.cpu-architecture", "value": self.architecture}],
            "clusterArn": self.cluster_arn,
            "containers": [self._container_to_api(c) for c in self.containers],
            "cpu": self.cpu,
            "createdAt": self.created_at,
            "desiredStatus": self.desired_status,
            "enableExecuteCommand": self.enable_execute_command,
            "group": self.group,
            "lastStatus": self.last_status,
            "launchType": self.launch_type,
            "memory": self.memory,
            "overrides": self._overrides_to_api(),
            "tags": tags_to_api(self.tags) if "TAGS" in include else [],
            "taskArn": self.arn,
            "taskDefinitionArn": self.definition_arn,
            "version": self.version,
        }
        optional = {
            "availabilityZone": self.availability_zone,
            "capacityProviderName": self.capacity_provider,
            "containerInstanceArn": self.instance_arn,
            "startedBy": self.started_by,
            "connectivityAt": self.connectivity_at,
            "pullStartedAt": self.pull_started_at,
            "pullStoppedAt": self.pull_stopped_at,
            "startedAt": self.started_at,
            "stoppingAt": self.stopping_at,
            "stoppedAt": self.stopped_at,
            "executionStoppedAt": self.stopped_at,
            "stopCode": self.stop_code,
            "stoppedReason": self.stopped_reason,
            "platformVersion": self.platform_version,
        }
        body.update((name, value) for name, value in optional.items() if value is not None)
        if self.connectivity_at is not None:
            body["connectivity"] = "CONNECTED" if self.last_status != STOPPED else "DISCONNECTED"
        if started:
            body["healthStatus"] = "UNKNOWN"
        if self.fargate:
            body["platformFamily"] = "Linux"
            body["ephemeralStorage"] = {"sizeInGiB": 20}
            body["fargateEphemeralStorage"] = {"sizeInGiB": 20}
        return body

    def _overrides_to_api(self) -> Json:
        given: Json = fresh(self.overrides)
        named = {item["name"]: item for item in given.get("containerOverrides", ())}
        given["containerOverrides"] = [
            named.get(c.spec.name, {"name": c.spec.name}) for c in self.containers
        ]
        given.setdefault("inferenceAcceleratorOverrides", [])
        return given

    def _container_to_api(self, container: TaskContainer) -> Json:
        spec = container.spec
        body: Json = {
            "containerArn": self.container_arn(container),
            "taskArn": self.arn,
            "name": spec.name,
            "image": spec.image,
            "lastStatus": container.last_status,
            "networkInterfaces": [],
            "cpu": str(spec.cpu),
        }
        if container.started:
            body["runtimeId"] = container.runtime_id(self.id, self.fargate)
        if container.exit_code is not None:
            body["exitCode"] = container.exit_code
        if container.reason is not None:
            body["reason"] = container.reason
        if container.started:  # its ports are bound (awsvpc: none on a host)
            body["networkBindings"] = [
                {
                    "bindIP": "0.0.0.0",
                    "containerPort": mapping.container_port,
                    "hostPort": host_port,
                    "protocol": mapping.protocol,
                }
                for mapping, host_port in zip(spec.ports, container.host_ports, strict=False)
            ]
        if self.network is not None and self.network.status == ATTACHED:
            body["networkInterfaces"] = [
                {"attachmentId": self.network.attachment_id, "privateIpv4Address": self.network.ip}
            ]
        if container.started and container.last_status == RUNNING:
            body["healthStatus"] = "UNKNOWN"
        if spec.memory is not None:
            body["memory"] = str(spec.memory)
        if spec.memory_reservation is not None:
            body["memoryReservation"] = str(spec.memory_reservation)
        return body
