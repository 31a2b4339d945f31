"""The store of container instances: every one registered in this account and Region (INACTIVE
ones too: AWS still describes them), the listing of the registered ones by cluster, and how many
each cluster has."""

from __future__ import annotations

import itertools
import math
from collections import Counter

from ecsmock.models import INACTIVE, Json
from ecsmock.models.container_instances import ContainerInstance
from ecsmock.state.table import Key, Listing, span


class ContainerInstances:
    name = "containerInstances"

    def __init__(self) -> None:
        self.by_id: dict[str, ContainerInstance] = {}
        self.listing: Listing[ContainerInstance] = Listing()  # (cluster, order), not INACTIVE
        self.registered: Counter[str] = Counter()  # cluster name -> its registered instances
        self._orders = itertools.count()

    def get(self, instance_id: str) -> ContainerInstance | None:
        return self.by_id.get(instance_id)

    @staticmethod
    def of_cluster(cluster: str) -> tuple[Key, Key]:
        """The listing's bounds for one cluster's instances."""
        return (cluster, 0), (cluster, math.inf)

    def in_cluster(self, cluster: str) -> list[ContainerInstance]:
        """The cluster's registered instances, in the order they registered."""
        keys = self.listing.keys
        first, last = span(keys, *self.of_cluster(cluster))
        return [self.listing.item(key) for key in keys[first:last]]

    def add(self, instance: ContainerInstance) -> None:
        instance.order = next(self._orders)
        self.by_id[instance.id] = instance
        self.listing.put((instance.cluster, instance.order), instance)
        self.registered[instance.cluster] += 1

    def unlist(self, instance: ContainerInstance) -> None:
        """A deregistered instance: kept and described, no longer listed or counted."""
        self.listing.discard((instance.cluster, instance.order))
        self.registered[instance.cluster] -= 1

    def forget_cluster(self, cluster: str) -> None:
        """A deleted cluster's deregistered instances go with it: a cluster created again under
        its name starts without them."""
        for instance in [i for i in self.by_id.values() if i.cluster == cluster]:
            del self.by_id[instance.id]
        del self.registered[cluster]

    @property
    def is_empty(self) -> bool:
        return not self.by_id

    def snapshot(self) -> list[Json]:
        return [
            {**instance.to_api(("TAGS",)), "cluster": instance.cluster}
            for instance in self.by_id.values()
        ]

    def audit(self) -> list[str]:
        live = [i for i in self.by_id.values() if i.status != INACTIVE]
        problems = []
        if sorted((i.cluster, i.order) for i in live) != list(self.listing.keys):
            problems.append("containerInstances: the listing does not hold exactly the live ones")
        if +Counter(i.cluster for i in live) != +self.registered:
            problems.append("containerInstances: a cluster's registered count is wrong")
        return problems
