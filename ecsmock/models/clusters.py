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
    """What runs in a cluster. v1 serves no tasks or services: only the handle sets these."""

    registered_container_instances: int = 0
    running_ec2_tasks: int = 0
    running_fargate_tasks: int = 0
    pending_ec2_tasks: int = 0
    pending_fargate_tasks: int = 0
    active_ec2_services: int = 0
    active_fargate_services: int = 0
    draining_ec2_services: int = 0
    draining_fargate_services: int = 0

    @property
    def running_tasks(self) -> int:
        return self.running_ec2_tasks + self.running_fargate_tasks

    @property
    def pending_tasks(self) -> int:
        return self.pending_ec2_tasks + self.pending_fargate_tasks

    @property
    def active_services(self) -> int:
        return self.active_ec2_services + self.active_fargate_services

    @property
    def services(self) -> int:
        return self.active_services + self.draining_ec2_services + self.draining_fargate_services

    def statistics(self) -> list[Json]:
        pairs = (
            ("runningEC2TasksCount", self.running_ec2_tasks),
            ("runningFargateTasksCount", self.running_fargate_tasks),
            ("pendingEC2TasksCount", self.pending_ec2_tasks),
            ("pendingFargateTasksCount", self.pending_fargate_tasks),
            ("activeEC2ServiceCount", self.active_ec2_services),
            ("activeFargateServiceCount", self.active_fargate_services),
            ("drainingEC2ServiceCount", self.draining_ec2_services),
            ("drainingFargateServiceCount", self.draining_fargate_services),
        )
        return [{"name": name, "value": str(value)} for name, value in pairs]


NO_COUNTS = Counts()  # shared by every cluster the handle never touched: frozen, so safe


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
    counts: Counts = NO_COUNTS
    providers_in_use: frozenset[str] = frozenset()
    order: int = 0  # when the name was first created: where ListClusters lists it

    def settings(self) -> list[Json]:
        return [{"name": "containerInsights", "value": self.container_insights}]

    def to_api(self, include: Collection[str] | None = None) -> Json:
        """The cluster as DescribeClusters shows it with `include`, or whole (None) as the
        operations that change a cluster return it."""
        whole = include is None
        shown = include or ()
        counts = self.counts
        body: Json = {
            "clusterArn": self.arn,
            "clusterName": self.name,
            "status": self.status,
            "registeredContainerInstancesCount": counts.registered_container_instances,
            "runningTasksCount": counts.running_tasks,
            "pendingTasksCount": counts.pending_tasks,
            "activeServicesCount": counts.active_services,
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
