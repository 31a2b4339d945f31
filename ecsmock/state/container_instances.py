"""The store of container instances: every one registered in this account and Region (INACTIVE
ones too: AWS still describes them), and the listing of the registered ones by cluster, which
also says how many a cluster has."""

from __future__ import annotations

import itertools

from ecsmock.models import INACTIVE, Json
from ecsmock.models.container_instances import ContainerInstance, Usage
from ecsmock.state.table import Listing, span, starting_with


class ContainerInstances:
    name = "containerInstances"

    def __init__(self) -> None:
        self.by_id: dict[str, ContainerInstance] = {}
        self.listing: Listing[ContainerInstance] = Listing()  # (cluster, order), not INACTIVE
        self._orders = itertools.count()

    def get(self, instance_id: str) -> ContainerInstance | None:
        return self.by_id.get(instance_id)

    def in_cluster(self, cluster: str) -> list[ContainerInstance]:
        """The cluster's registered instances, in the order they registered."""
        keys = self.listing.keys
        first, last = span(keys, *starting_with(cluster))
        return [self.listing.item(key) for key in keys[first:last]]

    def registered(self, cluster: str) -> int:
        """How many instances the cluster has registered: O(log n), from the listing."""
        first, last = span(self.listing.keys, *starting_with(cluster))
        return last - first

    def add(self, instance: ContainerInstance) -> None:
        instance.order = next(self._orders)
        self.by_id[instance.id] = instance
        self.listing.put((instance.cluster, instance.order), instance)

    def unlist(self, instance: ContainerInstance) -> None:
        """A deregistered instance: kept and described, no longer listed or counted."""
        self.listing.discard((instance.cluster, instance.order))

    def forget_cluster(self, cluster: str) -> None:
        """A deleted cluster's deregistered instances go with it: a cluster created again under
        its name starts without them."""
        for instance in [i for i in self.by_id.values() if i.cluster == cluster]:
            del self.by_id[instance.id]

    @property
    def is_empty(self) -> bool:
        return not self.by_id

    def snapshot(self) -> list[Json]:
        """The instances as registered: what their tasks hold is in the tasks' snapshot."""
        return [
            {**instance.to_api(Usage(), ("TAGS",)), "cluster": instance.cluster}
            for instance in self.by_id.values()
        ]

    def audit(self) -> list[str]:
        live = [i for i in self.by_id.values() if i.status != INACTIVE]
        if sorted((i.cluster, i.order) for i in live) != list(self.listing.keys):
            return ["containerInstances: the listing does not hold exactly the live ones"]
        return []
