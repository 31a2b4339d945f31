"""How container instances change: registered ACTIVE with what the agent reports, set DRAINING
and back, deregistered INACTIVE, their agent updated. The only writer of their statuses."""

from __future__ import annotations

from ecsmock.models import INACTIVE, Json
from ecsmock.models.container_instances import Capacity, ContainerInstance
from ecsmock.state.region import RegionState

DEFAULT_CPU = 2048  # what the agent of a t3.medium reports
DEFAULT_MEMORY = 3904
DEFAULT_INSTANCE_TYPE = "t3.medium"
DEFAULT_ARCHITECTURE = "x86_64"
LATEST_AGENT = {
    "agentVersion": "1.101.0",
    "agentHash": "8e5fa3e1",
    "dockerVersion": "DockerVersion: 25.0.8",
}
# What the agent of a current Amazon Linux instance reports it can do (no values).
CAPABILITIES = (
    "com.amazonaws.ecs.capability.ecr-auth",
    "com.amazonaws.ecs.capability.task-iam-role",
    "com.amazonaws.ecs.capability.task-iam-role-network-host",
    "com.amazonaws.ecs.capability.privileged-container",
    "com.amazonaws.ecs.capability.docker-remote-api.1.17",
    "com.amazonaws.ecs.capability.docker-remote-api.1.18",
    "com.amazonaws.ecs.capability.docker-remote-api.1.19",
    "com.amazonaws.ecs.capability.docker-remote-api.1.21",
    "com.amazonaws.ecs.capability.docker-remote-api.1.44",
    *(
        f"com.amazonaws.ecs.capability.logging-driver.{driver}"
        for driver in ("awslogs", "json-file", "none", "syslog", "fluentd", "awsfirelens")
    ),
    "ecs.capability.task-eni",
    "ecs.capability.execution-role-awslogs",
    "ecs.capability.execution-role-ecr-pull",
    "ecs.capability.secrets.asm.environment-variables",
    "ecs.capability.secrets.ssm.environment-variables",
    "ecs.capability.container-health-check",
    "ecs.capability.efsAuth",
)


def first_zone(region: str) -> str:
    return f"{region}a"


def agent_attributes(
    instance_type: str, zone: str, architecture: str, ami: str | None
) -> dict[str, str | None]:
    """The attributes the agent registers an instance with."""
    found: dict[str, str | None] = dict.fromkeys(CAPABILITIES)
    if ami is not None:
        found["ecs.ami-id"] = ami
    found["ecs.availability-zone"] = zone
    found["ecs.instance-type"] = instance_type
    found["ecs.cpu-architecture"] = architecture
    found["ecs.os-type"] = "linux"
    found["ecs.os-family"] = "LINUX"
    return found


def register(state: RegionState, instance: ContainerInstance) -> None:
    state.container_instances.add(instance)


def reregister(
    instance: ContainerInstance,
    resources: list[Json],
    version_info: Json,
    attributes: dict[str, str | None],
    tags: dict[str, str],
) -> None:
    """The agent registers the instance again (it restarted): what it reports now."""
    instance.registered_resources = resources
    instance.capacity = Capacity.of(resources)
    instance.version_info = version_info
    instance.attributes.update(attributes)
    instance.tags = tags
    instance.version += 1


def set_attribute(instance: ContainerInstance, name: str, value: str | None) -> None:
    instance.attributes[name] = value


def remove_attribute(instance: ContainerInstance, name: str) -> str | None:
    """Remove an attribute the instance may not have; the value it had."""
    return instance.attributes.pop(name, None)


def set_capacity_provider(instance: ContainerInstance, provider: str | None) -> None:
    instance.capacity_provider_name = provider


def deregister(state: RegionState, instance: ContainerInstance) -> None:
    """INACTIVE: still described, no longer listed, counted or given work; an agent update
    still pending is dropped."""
    state.scheduler.cancel(instance)
    instance.status = INACTIVE
    instance.version += 1
    state.container_instances.unlist(instance)


def set_connected(instance: ContainerInstance, connected: bool) -> None:
    """The agent lost its connection, or got it back."""
    if instance.agent_connected != connected:
        instance.agent_connected = connected
        instance.version += 1


def set_status(instance: ContainerInstance, status: str) -> bool:
    """ACTIVE or DRAINING, as UpdateContainerInstancesState asks; whether it changed."""
    if instance.status == status:
        return False
    instance.status = status
    instance.version += 1
    return True


def update_agent(state: RegionState, instance: ContainerInstance) -> None:
    """PENDING, then (`Timings.container_agent_update`) UPDATED to the latest agent."""
    instance.agent_update_status = "PENDING"
    instance.version += 1

    def updated() -> None:
        instance.agent_update_status = "UPDATED"
        instance.version_info = {**instance.version_info, **LATEST_AGENT}
        instance.version += 1

    state.scheduler.after(state.timings.container_agent_update, updated, instance)


def needs_update(version_info: Json) -> bool:
    return version_info.get("agentVersion") != LATEST_AGENT["agentVersion"]
