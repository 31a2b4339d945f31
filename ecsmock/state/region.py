"""Everything ECS keeps for one account in one Region: its stores, and the lookups, ARNs and ids
every operation needs."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Protocol, TypeVar

from ecsmock import arns
from ecsmock.clock import Ids
from ecsmock.errors import AwsError
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.models import ACTIVE, INACTIVE, Json
from ecsmock.models.clusters import FARGATE_PROVIDERS, CapacityProvider, Cluster, Counts
from ecsmock.models.container_instances import ContainerInstance
from ecsmock.models.task_definitions import TaskDefinition
from ecsmock.models.tasks import PlannedFailure, Task
from ecsmock.scheduler import Scheduler, Timings
from ecsmock.state.account import SETTING_DEFAULTS, Account, AccountSettings, Quotas
from ecsmock.state.clusters import Namespaces, cluster_table, provider_table
from ecsmock.state.container_instances import ContainerInstances
from ecsmock.state.task_definitions import TaskDefinitions
from ecsmock.state.tasks import Tasks

C = TypeVar("C", bound="InCluster")


class InCluster(Protocol):
    cluster: str


MAX_REVISION_DIGITS = 10  # a revision is an int32: more digits name none


class RegionState:
    def __init__(
        self,
        account: Account,
        region: str,
        *,
        quotas: Quotas,
        timings: Timings,
        scheduler: Scheduler,
        ids: Ids,
        secret: bytes,
    ) -> None:
        self.account = account
        self.region = region
        self.partition = arns.partition_of(region)
        self.quotas = quotas
        self.timings = timings
        self.scheduler = scheduler
        self.ids = ids
        # signs this Region's pagination tokens; derived, so reading a Region draws no id
        where = f"{account.account_id}/{region}".encode()
        self.token_key = hmac.new(secret, where, hashlib.sha256).digest()
        self.fargate = {
            name: CapacityProvider(name, self.provider_arn(name), type=name)
            for name in FARGATE_PROVIDERS
        }
        self.clusters = cluster_table()  # INACTIVE ones too: AWS still describes them
        self.capacity_providers = provider_table(list(self.fargate.values()))  # FARGATE* apart
        self.account_settings = AccountSettings()
        self.namespaces = Namespaces()
        self.task_definitions = TaskDefinitions()
        self.container_instances = ContainerInstances()
        self.tasks = Tasks()
        self.task_failures: list[PlannedFailure] = []  # planned by the test, not AWS's state
        # Every store, once: the snapshot, emptiness and the audit go through this tuple.
        self.stores = (
            self.clusters,
            self.capacity_providers,
            self.account_settings,
            self.namespaces,
            self.task_definitions,
            self.container_instances,
            self.tasks,
        )

    @property
    def account_id(self) -> str:
        return self.account.account_id

    # ARNs and identity

    def arn(self, service: str, resource: str, region: str | None = None) -> str:
        region = self.region if region is None else region
        return arns.build(self.partition, service, region, self.account_id, resource)

    @property
    def root_arn(self) -> str:
        return self.arn("iam", "root", region="")

    @property
    def caller_arn(self) -> str:
        return self.account.principal_arn or self.root_arn

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

    def effective_setting(self, name: str, principal: str) -> tuple[str, str]:
        """(value, principal it comes from): the principal's own, else the root user's (which is
        the account default), else AWS's default."""
        for source in (principal, self.root_arn):
            value = self.account_settings.get((source, name))
            if value is not None:
                return value, source
        return SETTING_DEFAULTS.get(name, "disabled"), self.root_arn

    # Clusters

    def find_cluster(self, identifier: str) -> Cluster | None:
        name = self._own_resource(identifier, "cluster")
        return None if name is None else self.clusters.get(name)

    def active_cluster(self, identifier: str) -> Cluster:
        cluster = self.find_cluster(identifier)
        if cluster is None or cluster.status == INACTIVE:
            raise AwsError.of(ClusterErrors.CLUSTER_NOT_FOUND)
        return cluster

    def counts(self, cluster: Cluster) -> Counts:
        """What the cluster has, counted from the instances and tasks themselves."""
        if cluster.status == INACTIVE:
            return Counts()
        name, tasks = cluster.name, self.tasks
        return Counts(
            registered_container_instances=self.container_instances.registered(name),
            running_ec2_tasks=tasks.count(name, "running_ec2"),
            running_fargate_tasks=tasks.count(name, "running_fargate"),
            pending_ec2_tasks=tasks.count(name, "pending_ec2"),
            pending_fargate_tasks=tasks.count(name, "pending_fargate"),
            live_tasks=tasks.count(name, "live"),
        )

    # Capacity providers

    def find_provider(self, identifier: str) -> CapacityProvider | None:
        """A provider by name or ARN, FARGATE and FARGATE_SPOT included, INACTIVE ones too."""
        name = self._own_resource(identifier, "capacity-provider")
        if name is None:
            return None
        return self.fargate.get(name) or self.capacity_providers.get(name)

    def active_provider(self, name: str) -> CapacityProvider | None:
        provider = self.find_provider(name)
        return provider if provider is not None and provider.status == ACTIVE else None

    # Task definitions

    def task_definition_arn(self, family: str, revision: int) -> str:
        return self.arn("ecs", f"task-definition/{family}:{revision}")

    def task_definition_reference(self, identifier: str) -> tuple[str, int | None] | None:
        """(family, revision or None) that `family`, `family:revision` or an ARN of this account
        and Region names; None for anything else."""
        text = self._own_resource(identifier, "task-definition")
        if text is None:
            return None
        family, colon, revision = text.partition(":")
        if not colon:
            return family, None
        if not (revision.isascii() and revision.isdigit()) or len(revision) > MAX_REVISION_DIGITS:
            return None
        return family, int(revision)

    def find_task_definition(self, identifier: str) -> TaskDefinition | None:
        """The revision an identifier names; a family alone names its latest ACTIVE one."""
        reference = self.task_definition_reference(identifier)
        if reference is None:
            return None
        family, revision = reference
        if revision is None:
            return self.task_definitions.latest_active(family)
        return self.task_definitions.get(family, revision)

    # Container instances

    def long_form(self, setting: str) -> bool:
        """Whether new ARNs take the long form (with the cluster): unless the caller's
        `setting` is disabled."""
        value, _ = self.effective_setting(setting, self.caller_arn)
        return value not in ("disabled", "off")

    def _long_arn(self, setting: str, cluster: str, resource: str, resource_id: str) -> str:
        where = f"{cluster}/" if self.long_form(setting) else ""
        return self.arn("ecs", f"{resource}/{where}{resource_id}")

    def _in_cluster(
        self, identifier: str, resource: str, get: Callable[[str], C | None], cluster: str | None
    ) -> C | None:
        """What an id, or an ARN in either form, of this account and Region names; of
        `cluster` only, when one is given."""
        text = self._own_resource(identifier, resource)
        if text is None or ("/" in text and not identifier.startswith("arn:")):
            return None
        named, _, resource_id = text.rpartition("/")
        found = get(resource_id)
        if (
            found is None
            or named not in ("", found.cluster)
            or cluster not in (None, found.cluster)
        ):
            return None
        return found

    def container_instance_arn(self, cluster: str, instance_id: str) -> str:
        return self._long_arn(
            "containerInstanceLongArnFormat", cluster, "container-instance", instance_id
        )

    def find_container_instance(
        self, identifier: str, cluster: str | None = None
    ) -> ContainerInstance | None:
        get = self.container_instances.get
        return self._in_cluster(identifier, "container-instance", get, cluster)

    # Tasks

    def task_arn(self, cluster: str, task_id: str) -> str:
        return self._long_arn("taskLongArnFormat", cluster, "task", task_id)

    def find_task(self, identifier: str, cluster: str | None = None) -> Task | None:
        return self._in_cluster(identifier, "task", self.tasks.get, cluster)

    # Service Connect namespaces

    def namespace_arn(self, name: str) -> str:
        """The ARN of the HTTP namespace of this name, created the first time it is asked for,
        as ECS creates it in Cloud Map."""
        if name not in self.namespaces:
            namespace = f"namespace/ns-{self.ids.alphanumeric(16)}"
            self.namespaces[name] = self.arn("servicediscovery", namespace)
        return self.namespaces[name]

    # The whole

    @property
    def is_empty(self) -> bool:
        return all(store.is_empty for store in self.stores)

    def snapshot(self) -> Json:
        """Everything this state holds, as plain data that compares equal when nothing changed."""
        return {store.name: store.snapshot() for store in self.stores}

    def audit(self) -> list[str]:
        """Where an index or a count disagrees with what the stores hold (none, always)."""
        return [problem for store in self.stores for problem in store.audit()]
