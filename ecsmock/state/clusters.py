"""The stores of the cluster family: clusters, capacity providers, and the Cloud Map namespaces
that Service Connect defaults create."""

from __future__ import annotations

from ecsmock.models import INACTIVE, Json
from ecsmock.models.clusters import EVERY_CLUSTER_FIELD, CapacityProvider, Cluster, Counts
from ecsmock.state.table import Table

FARGATE_GROUP = 1  # FARGATE and FARGATE_SPOT are listed after every provider of the account


def cluster_table() -> Table[Cluster]:
    return Table("clusters", _cluster_snapshot, _live)


def provider_table(fargate: list[CapacityProvider]) -> Table[CapacityProvider]:
    providers: Table[CapacityProvider] = Table("capacityProviders", _provider_snapshot, _live)
    for position, provider in enumerate(fargate):
        providers.listing.put((FARGATE_GROUP, position), provider)
    return providers


def _live(item: Cluster | CapacityProvider) -> bool:
    return item.status != INACTIVE


def _cluster_snapshot(cluster: Cluster) -> Json:
    return cluster.to_api(Counts(), EVERY_CLUSTER_FIELD)  # counts: the other stores hold them


def _provider_snapshot(provider: CapacityProvider) -> Json:
    return {**provider.to_api(), "cluster": provider.cluster}


class Namespaces(dict[str, str]):
    """Cloud Map namespace name -> ARN."""

    name = "namespaces"

    @property
    def is_empty(self) -> bool:
        return not self

    def snapshot(self) -> Json:
        return dict(self)

    def audit(self) -> list[str]:
        return []
