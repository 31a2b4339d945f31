"""The parts of a cluster that CreateCluster and the update operations both set: Service Connect
defaults, capacity providers with their strategy and attachments, and the response that shows a
change still in progress."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ecsmock import arns, validation
from ecsmock.errors import AwsError
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.models import (
    AUTO_SCALING,
    FARGATE_PROVIDERS,
    Attachment,
    CapacityProvider,
    Cluster,
    Json,
    StrategyItem,
)
from ecsmock.params import Params
from ecsmock.registry import RegionState

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
        cluster.attachments.append(Attachment(str(uuid.uuid4()), "sc", "ATTACHED"))


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
        if provider is None:
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


@dataclass(frozen=True)
class Change:
    """The attachments one call added and removed: its response shows them in progress."""

    added: list[Attachment]
    removed: list[Attachment]


def associate(state: RegionState, cluster: Cluster, wanted: Association) -> Change:
    """Give the cluster exactly these providers, attaching and releasing Auto Scaling groups."""
    kept = set(wanted.names)
    removed = [
        attachment
        for attachment in cluster.attachments
        if attachment.type == "as_policy"
        and dict(attachment.details)["capacityProviderName"] not in kept
    ]
    for attachment in removed:
        cluster.attachments.remove(attachment)
        # a provider with an attachment cannot have been deleted: it is still here
        state.capacity_providers[dict(attachment.details)["capacityProviderName"]].cluster = None
    added = []
    for provider in wanted.providers:
        if provider.type == AUTO_SCALING and provider.cluster is None:
            provider.cluster = cluster.name
            policy = f"ECSManagedAutoScalingPolicy-{uuid.uuid4()}"
            added.append(
                Attachment(
                    str(uuid.uuid4()),
                    "as_policy",
                    "CREATED",
                    (("capacityProviderName", provider.name), ("scalingPolicyName", policy)),
                )
            )
    cluster.attachments.extend(added)
    cluster.capacity_providers = wanted.names
    cluster.strategy = wanted.strategy
    return Change(added, removed)


def release_all(state: RegionState, cluster: Cluster) -> None:
    """Free every Auto Scaling group provider of a cluster that is being deleted."""
    if cluster.capacity_providers is not None:
        associate(state, cluster, Association([], []))


def in_progress(cluster: Cluster, change: Change, provisioning: bool) -> Json:
    """The whole cluster as the call that changed it answers: new Auto Scaling attachments
    PRECREATED, removed ones DELETING. Every later read shows the settled state."""
    body = cluster.to_api()
    if not (change.added or change.removed):
        return body
    added = {attachment.id for attachment in change.added}
    body["attachments"] = [
        {**attachment.to_api(), "status": "PRECREATED"}
        if attachment.id in added
        else attachment.to_api()
        for attachment in cluster.attachments
    ] + [{**attachment.to_api(), "status": "DELETING"} for attachment in change.removed]
    body["attachmentsStatus"] = "UPDATE_IN_PROGRESS"
    if provisioning and change.added:
        body["status"] = "PROVISIONING"
    return body
