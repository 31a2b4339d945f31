"""State for one account and Region, the lookups every operation needs, and the lock around it."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from ecsmock import arns
from ecsmock.errors import AwsError
from ecsmock.faults import Faults
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.models import (
    ACTIVE,
    EVERY_CLUSTER_FIELD,
    FARGATE_PROVIDERS,
    INACTIVE,
    CapacityProvider,
    Cluster,
    Json,
)
from ecsmock.pages import Listing

# What a setting is when nobody set it: today's defaults for a new account (ecsmock's choice,
# from the Amazon ECS account settings documentation).
SETTING_DEFAULTS = {
    "serviceLongArnFormat": "enabled",
    "taskLongArnFormat": "enabled",
    "containerInstanceLongArnFormat": "enabled",
    "awsvpcTrunking": "disabled",
    "containerInsights": "disabled",
    "fargateFIPSMode": "disabled",
    "tagResourceAuthorization": "on",
    "fargateTaskRetirementWaitPeriod": "7",
    "guardDutyActivate": "disabled",
    "defaultLogDriverMode": "non-blocking",
    "fargateEventWindows": "disabled",
}


@dataclass
class Quotas:
    """AWS's adjustable quotas, per account and Region; a test may lower them."""

    clusters: int = 10_000


@dataclass
class Account:
    account_id: str
    principal_arn: str | None = None  # the caller; None means the account's root user


class RegionState:
    """Everything ECS keeps for one account in one Region."""

    def __init__(self, account: Account, region: str, quotas: Quotas) -> None:
        self.account = account
        self.region = region
        self.partition = arns.partition_of(region)
        self.quotas = quotas
        self.clusters: dict[str, Cluster] = {}  # INACTIVE ones too: AWS still describes them
        # ListClusters: ACTIVE clusters by when their name was first created
        self.listed_clusters: Listing[Cluster] = Listing()
        self.capacity_providers: dict[str, CapacityProvider] = {}  # FARGATE* excluded
        # DescribeCapacityProviders: ACTIVE providers by creation, then FARGATE and FARGATE_SPOT
        self.listed_providers: Listing[str] = Listing()
        for position, name in enumerate(FARGATE_PROVIDERS):
            self.listed_providers.put((1, position), name)
        self.account_settings: dict[tuple[str, str], str] = {}  # (principal, name) -> value
        self.namespaces: dict[str, str] = {}  # Cloud Map namespace name -> ARN
        self.token_key = os.urandom(16)

    @property
    def account_id(self) -> str:
        return self.account.account_id

    def arn(self, service: str, resource: str, region: str | None = None) -> str:
        region = self.region if region is None else region
        return arns.build(self.partition, service, region, self.account_id, resource)

    @property
    def root_arn(self) -> str:
        return self.arn("iam", "root", region="")

    @property
    def caller_arn(self) -> str:
        return self.account.principal_arn or self.root_arn

    def effective_setting(self, name: str, principal: str) -> tuple[str, str]:
        """(value, principal it comes from): the principal's own, else the root user's (which is
        the account default), else AWS's default."""
        for source in (principal, self.root_arn):
            value = self.account_settings.get((source, name))
            if value is not None:
                return value, source
        return SETTING_DEFAULTS.get(name, "disabled"), self.root_arn

    def cluster_arn(self, name: str) -> str:
        return self.arn("ecs", f"cluster/{name}")

    def provider_arn(self, name: str) -> str:
        return self.arn("ecs", f"capacity-provider/{name}")

    def owns(self, arn: arns.Arn, service: str, regional: bool = True) -> bool:
        """Whether `arn` is of `service` in this partition and account (and Region, if the
        service is regional)."""
        region = self.region if regional else ""
        return (arn.partition, arn.service, arn.region, arn.account_id) == (
            self.partition,
            service,
            region,
            self.account_id,
        )

    def _own_resource(self, identifier: str, resource_type: str) -> str | None:
        """The name in an identifier that is a name, or an ARN of this account and Region."""
        if not identifier.startswith("arn:"):
            return identifier
        arn = arns.parse(identifier)
        if arn is None or not self.owns(arn, "ecs") or arn.resource_type != resource_type:
            return None
        return arn.resource_id

    # Clusters

    def find_cluster(self, identifier: str) -> Cluster | None:
        name = self._own_resource(identifier, "cluster")
        return None if name is None else self.clusters.get(name)

    def active_cluster(self, identifier: str) -> Cluster:
        cluster = self.find_cluster(identifier)
        if cluster is None or cluster.status == INACTIVE:
            raise AwsError.of(ClusterErrors.CLUSTER_NOT_FOUND)
        return cluster

    def add_cluster(self, cluster: Cluster) -> None:
        first = self.clusters.get(cluster.name)  # a re-created name keeps its place
        cluster.order = len(self.clusters) if first is None else first.order
        self.clusters[cluster.name] = cluster
        self.listed_clusters.put(cluster.order, cluster)

    def deactivate_cluster(self, cluster: Cluster) -> None:
        cluster.status = INACTIVE
        self.listed_clusters.discard(cluster.order)

    # Capacity providers

    def find_provider(self, identifier: str) -> CapacityProvider | None:
        """A provider by name or ARN, FARGATE and FARGATE_SPOT included, INACTIVE ones too."""
        name = self._own_resource(identifier, "capacity-provider")
        if name in FARGATE_PROVIDERS:
            return CapacityProvider(name, self.provider_arn(name), type=name)
        return None if name is None else self.capacity_providers.get(name)

    def active_provider(self, name: str) -> CapacityProvider | None:
        provider = self.find_provider(name)
        return provider if provider is not None and provider.status == ACTIVE else None

    def add_provider(self, provider: CapacityProvider) -> None:
        first = self.capacity_providers.get(provider.name)
        provider.order = len(self.capacity_providers) if first is None else first.order
        self.capacity_providers[provider.name] = provider
        self.listed_providers.put((0, provider.order), provider.name)

    def deactivate_provider(self, provider: CapacityProvider) -> None:
        provider.status = INACTIVE
        self.listed_providers.discard((0, provider.order))

    # Service Connect namespaces

    def namespace_arn(self, name: str) -> str:
        """The ARN of the HTTP namespace of this name, created the first time it is asked for,
        as ECS creates it in Cloud Map."""
        if name not in self.namespaces:
            suffix = os.urandom(10).hex()[:16]
            self.namespaces[name] = self.arn("servicediscovery", f"namespace/ns-{suffix}")
        return self.namespaces[name]

    @property
    def is_empty(self) -> bool:
        return not (
            self.clusters or self.capacity_providers or self.account_settings or self.namespaces
        )

    def to_api(self) -> Json:
        """Everything this state holds, as plain data that compares equal when nothing changed."""
        return {
            "clusters": [
                cluster.to_api(include=EVERY_CLUSTER_FIELD) for cluster in self.clusters.values()
            ],
            "capacityProviders": [
                {**provider.to_api(), "cluster": provider.cluster}
                for provider in self.capacity_providers.values()
            ],
            "inUse": {name: sorted(c.providers_in_use) for name, c in self.clusters.items()},
            "accountSettings": sorted(
                [principal, name, value]
                for (principal, name), value in self.account_settings.items()
            ),
            "namespaces": dict(self.namespaces),
        }


class Backend:
    """What one outermost activation keeps, shared by the activations nested in it."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.quotas = Quotas()
        self.faults = Faults()
        self.accounts: dict[str, Account] = {}
        self.regions: dict[tuple[str, str], RegionState] = {}

    def reset(self) -> None:
        with self.lock:
            self.quotas = Quotas()
            self.faults.clear()
            self.accounts.clear()
            self.regions.clear()

    def account(self, account_id: str) -> Account:
        with self.lock:
            return self.accounts.setdefault(account_id, Account(account_id))

    def region(self, account_id: str, region: str) -> RegionState:
        with self.lock:
            state = self.regions.get((account_id, region))
            if state is None:
                state = RegionState(self.account(account_id), region, self.quotas)
                self.regions[account_id, region] = state
            return state
