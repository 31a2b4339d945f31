"""Clusters and capacity providers, with the strategy items and attachments that join them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ecsmock.models import ACTIVE, Json, fresh, tags_to_api

FARGATE_PROVIDERS = ("FARGATE", "FARGATE_SPOT")
EVERY_CLUSTER_FIELD = ("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS")
AUTO_SCALING = "EC2_AUTOSCALING"
PROVISIONING = "PROVISIONING"
PRECREATED = "PRECREATED"  # an Auto Scaling attachment being made
DELETING = "DELETING"  # one being removed
DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS"


@dataclass(slots=True)
class StrategyItem:
    capacity_provider: str
    weight: int = 0
    base: int = 0

    def to_api(self) -> Json:
        return {
            "capacityProvider": self.capacity_provider,
            "weight": self.weight,
            "base": self.base,
        }


@dataclass(slots=True)
class Attachment:
    id: str
    type: str  # "as_policy" for an Auto Scaling group provider, "sc" for Service Connect
    status: str
    details: tuple[tuple[str, str], ...] = ()

    def to_api(self) -> Json:
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "details": [{"name": name, "value": value} for name, value in self.details],
        }


@dataclass(frozen=True, slots=True)
class Counts:
    """What a cluster has, counted from its container instances and tasks by the state
    (`RegionState.counts`): facts, never settings."""

    registered_container_instances: int = 0
    running_ec2_tasks: int = 0
    running_fargate_tasks: int = 0
    pending_ec2_tasks: int = 0
    pending_fargate_tasks: int = 0
    live_tasks: int = 0  # not yet STOPPED, whatever their status

    @property
    def running_tasks(self) -> int:
        return self.running_ec2_tasks + self.running_fargate_tasks

    @property
    def pending_tasks(self) -> int:
        return self.pending_ec2_tasks + self.pending_fargate_tasks

    def statistics(self) -> list[Json]:
        pairs = (
            ("runningEC2TasksCount", self.running_ec2_tasks),
            ("runningFargateTasksCount", self.running_fargate_tasks),
            ("pendingEC2TasksCount", self.pending_ec2_tasks),
            ("pendingFargateTasksCount", self.pending_fargate_tasks),
            # ecsmock serves no services yet: none is ever active or draining
            ("activeEC2ServiceCount", 0),
            ("activeFargateServiceCount", 0),
            ("drainingEC2ServiceCount", 0),
            ("drainingFargateServiceCount", 0),
        )
        return [{"name": name, "value": str(value)} for name, value in pairs]


@dataclass(slots=True)
class Cluster:
    name: str
    arn: str
    container_insights: str
    tags: dict[str, str] = field(default_factory=dict)
    status: str = ACTIVE
    configuration: Json | None = None
    capacity_providers: list[str] | None = None  # None: never set, so absent from responses
    strategy: list[StrategyItem] | None = None
    namespace_arn: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    order: int = 0  # when the name was first created: where ListClusters lists it

    def settings(self) -> list[Json]:
        return [{"name": "containerInsights", "value": self.container_insights}]

    def to_api(self, counts: Counts, include: Collection[str] | None = None) -> Json:
        """The cluster, with what it has, as DescribeClusters shows it with `include`, or whole
        (None) as the operations that change a cluster return it."""
        whole = include is None
        shown = include or ()
        body: Json = {
            "clusterArn": self.arn,
            "clusterName": self.name,
            "status": self.status,
            "registeredContainerInstancesCount": counts.registered_container_instances,
            "runningTasksCount": counts.running_tasks,
            "pendingTasksCount": counts.pending_tasks,
            "activeServicesCount": 0,
            "statistics": counts.statistics() if "STATISTICS" in shown else [],
            "tags": tags_to_api(self.tags) if whole or "TAGS" in shown else [],
            "settings": self.settings() if whole or "SETTINGS" in shown else [],
        }
        if self.capacity_providers is not None or not whole:
            body["capacityProviders"] = list(self.capacity_providers or ())
        if self.strategy is not None or not whole:
            body["defaultCapacityProviderStrategy"] = [
                item.to_api() for item in self.strategy or ()
            ]
        if self.configuration is not None and (whole or "CONFIGURATIONS" in shown):
            body["configuration"] = fresh(self.configuration)
        if whole or "ATTACHMENTS" in shown:
            if self.attachments or not whole:
                body["attachments"] = [attachment.to_api() for attachment in self.attachments]
            if self.attachments:
                settling = any(a.status in (PRECREATED, DELETING) for a in self.attachments)
                body["attachmentsStatus"] = "UPDATE_IN_PROGRESS" if settling else "UPDATE_COMPLETE"
        if self.namespace_arn is not None:
            body["serviceConnectDefaults"] = {"namespace": self.namespace_arn}
        return body


@dataclass(slots=True)
class CapacityProvider:
    name: str
    arn: str
    type: str
    status: str = ACTIVE
    auto_scaling_group: Json | None = None  # autoScalingGroupProvider, defaults filled in
    update_status: str | None = None
    update_status_reason: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    cluster: str | None = None  # the one cluster an Auto Scaling group provider belongs to
    order: int = 0  # when the name was first created: where DescribeCapacityProviders lists it

    @property
    def deleting(self) -> bool:
        """Still ACTIVE, but on its way out: no cluster may take it, no update may change it."""
        return self.update_status == DELETE_IN_PROGRESS

    def to_api(self, with_tags: bool = True) -> Json:
        body: Json = {"capacityProviderArn": self.arn, "name": self.name, "status": self.status}
        if self.auto_scaling_group is not None:
            body["autoScalingGroupProvider"] = fresh(self.auto_scaling_group)
        if self.update_status is not None:
            body["updateStatus"] = self.update_status
        if self.update_status_reason is not None:
            body["updateStatusReason"] = self.update_status_reason
        body["tags"] = tags_to_api(self.tags) if with_tags else []
        body["type"] = self.type
        return body
