"""Container instances: the EC2 (or external) hosts registered to a cluster, with their
resources, attributes and agent."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

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

    def resources_to_api(self) -> list[Json]:
        """A copy, as `fresh` makes, at a fifth of its cost: resources are flat but for one
        list, and an instance shows them twice."""
        return [
            {**item, "stringSetValue": [*item["stringSetValue"]]}
            if "stringSetValue" in item
            else {**item}
            for item in self.registered_resources
        ]

    def to_api(self, include: Collection[str] = ()) -> Json:
        body: Json = {
            "containerInstanceArn": self.arn,
            "ec2InstanceId": self.ec2_instance_id,
            "version": self.version,
            "versionInfo": dict(self.version_info),
            "remainingResources": self.resources_to_api(),
            "registeredResources": self.resources_to_api(),
            "status": self.status,
            "agentConnected": self.agent_connected,
            "runningTasksCount": 0,
            "pendingTasksCount": 0,
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
