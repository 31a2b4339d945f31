"""How clusters and capacity providers change over time: Service Connect defaults, the capacity
providers of a cluster with their strategy and Auto Scaling attachments, and the updates and
deletions of capacity providers. These functions are the only writers of the family's statuses:
each change shows AWS's first state and schedules the settled one (`Timings`)."""

from __future__ import annotations

from dataclasses import dataclass

from ecsmock import arns, validation
from ecsmock.errors import AwsError
from ecsmock.messages.capacity_providers import STILL_ASSOCIATED
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.models import ACTIVE, INACTIVE, Json
from ecsmock.models.clusters import (
    AUTO_SCALING,
    DELETE_IN_PROGRESS,
    DELETING,
    FARGATE_PROVIDERS,
    PRECREATED,
    PROVISIONING,
    Attachment,
    CapacityProvider,
    Cluster,
    StrategyItem,
)
from ecsmock.params import Params
from ecsmock.state.region import RegionState

MAX_PROVIDERS = 20


@dataclass(frozen=True)
class Namespace:
    """A Service Connect namespace as the request names it: by ARN, or by name."""

    arn: str | None = None
    name: str | None = None

    def current_arn(self, state: RegionState) -> str | None:
        """The ARN it stands for now, creating nothing (for comparisons)."""
        return self.arn or state.namespaces.get(self.name or "")

    def resolve(self, state: RegionState) -> str:
        """The ARN it stands for, creating the namespace by name as ECS does in Cloud Map."""
        return self.arn or state.namespace_arn(self.name or "")


def namespace(state: RegionState, value: str) -> Namespace:
    if not value.startswith("arn:"):
        return Namespace(name=validation.namespace_name(value))
    arn = arns.parse(value)
    if (
        arn is None
        or not state.owns(arn, "servicediscovery")
        or arn.resource_type != "namespace"
        or not arn.resource_id.startswith("ns-")
    ):
        raise AwsError.of(ClusterErrors.NAMESPACE_NOT_FOUND, namespace=value)
    return Namespace(arn=value)


def service_connect(state: RegionState, request: Params) -> Namespace | None:
    defaults = request.struct("serviceConnectDefaults")
    if defaults is None:
        return None
    return namespace(state, defaults.required_string("namespace"))


def attach_namespace(state: RegionState, cluster: Cluster, wanted: Namespace | None) -> None:
    """Point the cluster at a namespace (None: at none), keeping the `sc` attachment history."""
    arn = None if wanted is None else wanted.resolve(state)
    if arn == cluster.namespace_arn:
        return
    for attachment in cluster.attachments:
        if attachment.type == "sc" and attachment.status == "ATTACHED":
            attachment.status = "DELETED"
    cluster.namespace_arn = arn
    if arn is not None:
        cluster.attachments.append(Attachment(state.ids.uuid(), "sc", "ATTACHED"))


@dataclass(frozen=True)
class Association:
    """Capacity providers and a default strategy that passed every rule for one cluster."""

    providers: list[CapacityProvider]
    strategy: list[StrategyItem]

    @property
    def names(self) -> list[str]:
        return [provider.name for provider in self.providers]


def association(
    state: RegionState, cluster_name: str, names: list[str], items: list[Params]
) -> Association:
    if len(names) > MAX_PROVIDERS:
        raise AwsError.of(ClusterErrors.TOO_MANY_PROVIDERS)
    providers: dict[str, CapacityProvider] = {}
    for name in names:
        provider = state.active_provider(name)
        if provider is None or provider.deleting:
            raise AwsError.of(ClusterErrors.PROVIDER_UNKNOWN)
        if provider.name in providers:
            raise AwsError.of(ClusterErrors.DUPLICATE_PROVIDER, name=provider.name)
        if provider.cluster not in (None, cluster_name):
            raise AwsError.of(ClusterErrors.PROVIDER_IN_OTHER_CLUSTER, name=provider.name)
        providers[provider.name] = provider
    strategy = validation.strategy(items)
    if any(item.capacity_provider not in providers for item in strategy):
        raise AwsError.of(ClusterErrors.STRATEGY_NOT_ASSOCIATED)
    fargate = {item.capacity_provider in FARGATE_PROVIDERS for item in strategy}
    if len(fargate) > 1:
        raise AwsError.of(ClusterErrors.STRATEGY_MIX)
    return Association(list(providers.values()), strategy)


def request_association(state: RegionState, cluster_name: str, request: Params) -> Association:
    return association(
        state,
        cluster_name,
        request.strings("capacityProviders") or [],
        request.structs("defaultCapacityProviderStrategy") or [],
    )


def associate(state: RegionState, cluster: Cluster, wanted: Association) -> bool:
    """Give the cluster exactly these providers. Auto Scaling groups it gains are attached
    (PRECREATED) and those it loses are detached (DELETING) until the change settles. Whether
    any attachment changed."""
    kept = set(wanted.names)
    changed = False
    for attachment in cluster.attachments:
        name = dict(attachment.details).get("capacityProviderName")
        if attachment.type == "as_policy" and name not in kept and attachment.status != DELETING:
            attachment.status = DELETING
            state.capacity_providers[str(name)].cluster = None  # still here: it had a cluster
            changed = True
    for provider in wanted.providers:
        if provider.type == AUTO_SCALING and provider.cluster is None:
            provider.cluster = cluster.name
            policy = f"ECSManagedAutoScalingPolicy-{state.ids.uuid()}"
            details = (("capacityProviderName", provider.name), ("scalingPolicyName", policy))
            cluster.attachments.append(
                Attachment(state.ids.uuid(), "as_policy", PRECREATED, details)
            )
            changed = True
    cluster.capacity_providers = wanted.names
    cluster.strategy = wanted.strategy
    if changed:
        state.scheduler.after(state.timings.cluster_capacity, lambda: _settle(cluster), cluster)
    return changed


def _settle(cluster: Cluster) -> None:
    cluster.attachments = [a for a in cluster.attachments if a.status != DELETING]
    for attachment in cluster.attachments:
        if attachment.status == PRECREATED:
            attachment.status = "CREATED"
    if cluster.status == PROVISIONING:
        cluster.status = ACTIVE


def create(state: RegionState, cluster: Cluster, wanted: Association) -> None:
    """A new cluster: PROVISIONING while the Auto Scaling groups it got are being attached."""
    if associate(state, cluster, wanted):
        cluster.status = PROVISIONING
    state.clusters.add(cluster)


def delete(state: RegionState, cluster: Cluster) -> None:
    """INACTIVE at once, without its capacity providers or tags."""
    if cluster.capacity_providers is not None:
        associate(state, cluster, Association([], []))
    cluster.tags = {}
    cluster.status = INACTIVE
    state.clusters.unlist(cluster)
    state.container_instances.forget_cluster(cluster.name)
    state.tasks.forget_cluster(cluster.name)


def has_cluster_scoped_providers(state: RegionState, cluster: Cluster) -> bool:
    """Whether an Auto Scaling group provider is attached, which keeps AWS from deleting it."""
    return any(
        state.capacity_providers[name].type == AUTO_SCALING
        for name in cluster.capacity_providers or ()
        if name not in FARGATE_PROVIDERS
    )


def update_provider(state: RegionState, provider: CapacityProvider, settings: Json) -> None:
    provider.auto_scaling_group = {**(provider.auto_scaling_group or {}), **settings}
    provider.update_status = "UPDATE_IN_PROGRESS"
    provider.update_status_reason = None

    def done() -> None:
        provider.update_status = "UPDATE_COMPLETE"

    state.scheduler.after(state.timings.capacity_provider_update, done, provider)


def delete_provider(state: RegionState, provider: CapacityProvider) -> None:
    """DELETE_FAILED at once while a cluster still has it, as AWS answers; else
    DELETE_IN_PROGRESS, then INACTIVE: no longer listed, its name and group free again."""
    if provider.deleting:
        return
    if provider.cluster is not None:
        provider.update_status = "DELETE_FAILED"
        provider.update_status_reason = STILL_ASSOCIATED.format(cluster=provider.cluster)
        state.scheduler.cancel(provider)  # an update still in progress ends here
        return
    provider.update_status = DELETE_IN_PROGRESS
    provider.update_status_reason = None

    def gone() -> None:
        provider.status = INACTIVE
        provider.update_status = "DELETE_COMPLETE"
        provider.tags = {}
        state.capacity_providers.unlist(provider)

    state.scheduler.after(state.timings.capacity_provider_deletion, gone, provider)
