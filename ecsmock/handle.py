"""The handle: what a test reads and shapes of the mocked world, whichever way it activated it."""

from __future__ import annotations

import datetime
import json
import math
import os
from typing import TYPE_CHECKING, Any

from ecsmock import faults, service_model
from ecsmock.environment import DEFAULT_REGION
from ecsmock.errors import AwsError
from ecsmock.lifecycle import container_instances as instances
from ecsmock.lifecycle import tasks as task_lifecycle
from ecsmock.models import INACTIVE, Json, tags_to_api
from ecsmock.models.clusters import EVERY_CLUSTER_FIELD, Cluster
from ecsmock.models.container_instances import attributes_to_api
from ecsmock.models.tasks import RUNNING, PlannedFailure
from ecsmock.operations import OPERATIONS
from ecsmock.params import Params
from ecsmock.scheduler import Timings
from ecsmock.state import Backend, Quotas, RegionState

if TYPE_CHECKING:
    from mypy_boto3_ecs import ECSClient

DEFAULT_ACCOUNT_ID = "123456789012"


class Handle:
    """Reads and shapes the world of a mock: its resources in any account and Region, its
    clock and timings, its quotas, the caller's identity, and the faults it plans."""

    def __init__(self, account_id: str) -> None:
        self.account_id = account_id
        self._backend: Backend | None = None

    @property
    def _world(self) -> Backend:
        if self._backend is None:
            raise RuntimeError("this mock has never been started: activate it first")
        return self._backend

    def client(self, region_name: str = DEFAULT_REGION, **kwargs: Any) -> ECSClient:
        """A boto3 ECS client, for the tests that have none of their own."""
        import boto3  # lazy: most tests make their own clients

        return boto3.client("ecs", region_name=region_name, **kwargs)

    def _state(self, region: str | None, account_id: str | None) -> RegionState:
        """A Region's world, with every transition due by now run: what the next call sees."""
        region = region or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
        world = self._world
        with world.lock:
            world.scheduler.run_due()
            return world.region(account_id or self.account_id, region)

    # Time

    def now(self) -> datetime.datetime:
        """The mock's clock: the real time plus how far the test moved it."""
        return datetime.datetime.fromtimestamp(self._world.clock.now(), datetime.UTC)

    def shift(self, delta: float | datetime.timedelta) -> None:
        """Move the clock forward by `delta` (seconds or a timedelta), running every transition
        that falls due on the way."""
        seconds = delta.total_seconds() if isinstance(delta, datetime.timedelta) else delta
        self._world.advance(seconds)

    def move_to(self, moment: datetime.datetime) -> None:
        """Move the clock forward to `moment` (timezone-aware), as `shift` does."""
        if moment.tzinfo is None:
            raise ValueError("move_to needs a timezone-aware datetime, such as one in UTC")
        world = self._world
        with world.lock:
            world.advance(world.clock.until(moment.timestamp()))

    def run_until_idle(self) -> None:
        """Move the clock to each pending transition in turn, until the world is settled."""
        with self._world.lock:
            self._world.scheduler.run_until_idle()

    @property
    def pending(self) -> int:
        """How many transitions are scheduled and not yet due."""
        world = self._world
        with world.lock:
            world.scheduler.run_due()
            return world.scheduler.pending

    @property
    def timings(self) -> Timings:
        """Seconds each transition takes, all 0 unless a test chooses others, e.g.
        `ecs.timings.capacity_provider_update = 30`, then `ecs.shift(30)`."""
        return self._world.timings

    def clusters(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """Every cluster (INACTIVE ones too) by name, as DescribeClusters shows it with every
        `include`. A copy: changing it changes nothing."""
        state = self._state(region, account_id)
        with self._world.lock:
            return {
                cluster.name: cluster.to_api(state.counts(cluster), EVERY_CLUSTER_FIELD)
                for cluster in state.clusters
            }

    def capacity_providers(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """Every capacity provider created (INACTIVE ones too) by name, with its tags. A copy."""
        state = self._state(region, account_id)
        with self._world.lock:
            return {provider.name: provider.to_api() for provider in state.capacity_providers}

    def task_definitions(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """Every revision not yet gone, by `family:revision`, as DescribeTaskDefinition shows it,
        with its tags. A copy."""
        state = self._state(region, account_id)
        with self._world.lock:
            return {
                f"{td.family}:{td.revision}": {**td.to_api(), "tags": tags_to_api(td.tags)}
                for family in state.task_definitions.families.values()
                for td in family.revisions.values()
            }

    def container_instances(
        self, cluster: str = "default", *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """The cluster's container instances (INACTIVE ones too) by id, as
        DescribeContainerInstances shows them with tags. A copy."""
        state = self._state(region, account_id)
        with self._world.lock:
            found = state.find_cluster(cluster)
            return {
                instance.id: instance.to_api(state.tasks.used(instance.id), ("TAGS",))
                for instance in state.container_instances.by_id.values()
                if found is not None and instance.cluster == found.name
            }

    def add_container_instance(
        self,
        cluster: str = "default",
        *,
        cpu: int = instances.DEFAULT_CPU,
        memory: int = instances.DEFAULT_MEMORY,
        instance_type: str = instances.DEFAULT_INSTANCE_TYPE,
        availability_zone: str | None = None,
        architecture: str = instances.DEFAULT_ARCHITECTURE,
        attributes: dict[str, str | None] | None = None,
        capacity_provider: str | None = None,
        region: str | None = None,
        account_id: str | None = None,
    ) -> Json:
        """Register a container instance as its agent would, in one line: `cpu` units and
        `memory` MiB to place tasks on, the instance type, Availability Zone (the Region's
        first by default) and architecture its attributes show, custom `attributes` (name ->
        value, None for none), and the cluster's capacity provider it belongs to. Returns the
        instance as DescribeContainerInstances shows it."""
        for name, amount in (("cpu", cpu), ("memory", memory)):
            if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount < 2**31:
                raise ValueError(f"{name} is a whole number from 1 to 2**31 - 1, not {amount!r}")
        state = self._state(region, account_id)
        zone = availability_zone or instances.first_zone(state.region)
        if not zone.startswith(state.region):
            raise ValueError(f"{zone!r} is not an Availability Zone of {state.region}")
        with self._world.lock:
            target = self._cluster(cluster, region, account_id)
            if capacity_provider is not None and capacity_provider not in (
                target.capacity_providers or ()
            ):
                raise ValueError(
                    f"capacity provider {capacity_provider!r} is not associated with cluster "
                    f"{cluster!r}; it has {target.capacity_providers or []}"
                )
            document = {
                "region": state.region,
                "availabilityZone": zone,
                "instanceType": instance_type,
                "architecture": architecture,
            }
            request = {
                "cluster": target.name,
                "instanceIdentityDocument": json.dumps(document),
                "totalResources": [
                    {"name": "CPU", "type": "INTEGER", "integerValue": cpu},
                    {"name": "MEMORY", "type": "INTEGER", "integerValue": memory},
                ],
                "versionInfo": dict(instances.LATEST_AGENT),
                "attributes": attributes_to_api(attributes or {}),
            }
            try:
                response = OPERATIONS["RegisterContainerInstance"](state, Params(request))
            except AwsError as error:
                raise ValueError(f"{error.code}: {error.message}") from None
            arn = response["containerInstance"]["containerInstanceArn"]
            instance = state.container_instances.by_id[arn.rpartition("/")[2]]
            instances.set_capacity_provider(instance, capacity_provider)
            task_lifecycle.place_waiting(state, target.name)
            return instance.to_api(state.tasks.used(instance.id), ("TAGS",))

    def disconnect_container_instance(
        self,
        instance: str,
        cluster: str = "default",
        *,
        connected: bool = False,
        region: str | None = None,
        account_id: str | None = None,
    ) -> None:
        """Make an instance's agent lose its connection (`agentConnected` false: no task is
        placed on it, RunTask reports it as AGENT), or get it back (`connected=True`). Its tasks
        keep running, as they do on AWS."""
        with self._world.lock:
            state = self._state(region, account_id)
            target = self._cluster(cluster, region, account_id)
            found = state.find_container_instance(instance, target.name)
            if found is None or found.status == INACTIVE:
                raise KeyError(f"no registered container instance {instance!r} in {cluster!r}")
            instances.set_connected(found, connected)
            if connected:
                task_lifecycle.place_waiting(state, target.name)

    def tasks(
        self, cluster: str = "default", *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """The cluster's tasks (STOPPED ones too) by id, as DescribeTasks shows them with tags.
        A copy."""
        state = self._state(region, account_id)
        with self._world.lock:
            found = state.find_cluster(cluster)
            tasks = [] if found is None else state.tasks.of_cluster(found.name)
            return {task.id: task.to_api(("TAGS",)) for task in tasks}

    def fail_task_start(
        self,
        reason: str = "CannotPullContainerError: pull image manifest has been retried 5 time(s): "
        "failed to resolve ref: not found",
        *,
        family: str | None = None,
        times: int | None = 1,
        region: str | None = None,
        account_id: str | None = None,
    ) -> None:
        """Make the next `times` tasks started (None: every one), of `family` or of any, fail
        to start: they stop before RUNNING with stopCode TaskFailedToStart and `reason` as
        their stoppedReason, as a task whose image cannot be pulled does."""
        if times is not None and (type(times) is not int or times < 1):
            raise ValueError(f"times is a whole number of tasks, 1 or more, or None: {times!r}")
        if not reason:
            raise ValueError("a failure needs a reason, such as 'CannotPullContainerError: ...'")
        with self._world.lock:
            state = self._state(region, account_id)
            state.task_failures.append(PlannedFailure(reason, family, times))

    def exit_container(
        self,
        task: str,
        exit_code: int = 0,
        *,
        container: str | None = None,
        region: str | None = None,
        account_id: str | None = None,
    ) -> None:
        """Make a container of a RUNNING task (its ARN or id) exit with `exit_code`: the task's
        first essential container, unless `container` names one. An essential container stops its
        task: stopCode EssentialContainerExited, stoppedReason "Essential container in task
        exited", as a batch job that finished (0) or crashed (not 0) does."""
        if isinstance(exit_code, bool) or not isinstance(exit_code, int):
            raise ValueError(f"an exit code is a whole number, not {exit_code!r}")
        with self._world.lock:
            state = self._state(region, account_id)
            found = state.find_task(task)
            if found is None:
                raise KeyError(f"no task {task!r} in {state.account_id}/{state.region}")
            if found.last_status != RUNNING:
                raise ValueError(f"task {task!r} is {found.last_status}: only a RUNNING one exits")
            names = [c.spec.name for c in found.containers]
            chosen = [
                c
                for c in found.containers
                if c.spec.name == container or (container is None and c.spec.essential)
            ]
            if not chosen:
                raise KeyError(f"task {task!r} has no container {container!r}; it has {names}")
            if chosen[0].last_status != RUNNING:
                raise ValueError(
                    f"container {chosen[0].spec.name!r} of {task!r} has exited already: name "
                    f"one still running (containers: {names})"
                )
            task_lifecycle.exit_container(state, found, chosen[0], exit_code)

    def account_settings(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[tuple[str, str], str]:
        """The account settings set so far: (principal ARN, name) -> value."""
        state = self._state(region, account_id)
        with self._world.lock:
            return dict(state.account_settings)

    def snapshot(self) -> Json:
        """Everything the mock holds, in every account and Region, as plain data: two snapshots
        are equal exactly when nothing changed in between."""
        world = self._world
        with world.lock:
            world.scheduler.run_due()
            return {
                f"{account}/{region}": state.snapshot()
                for (account, region), state in world.regions.items()
                if not state.is_empty
            }

    def _audit(self) -> list[str]:
        """Where an index or count disagrees with what the stores hold, in any account and
        Region: the test suite checks that there is nothing, at the end of every test."""
        with self._world.lock:
            return [problem for state in self._world.regions.values() for problem in state.audit()]

    def reset(self) -> None:
        """Forget every resource, setting, quota, timing, planned fault and pending transition."""
        self._world.reset()

    @property
    def quotas(self) -> Quotas:
        """AWS's adjustable quotas, e.g. `ecs.quotas.clusters = 3` (clusters per Region)."""
        return self._world.quotas

    def set_principal(self, principal_arn: str | None, *, account_id: str | None = None) -> None:
        """Make calls come from this IAM principal (None: the account's root user), which is
        whose account settings apply."""
        self._world.account(account_id or self.account_id).principal_arn = principal_arn

    def _cluster(self, name: str, region: str | None, account_id: str | None) -> Cluster:
        state = self._state(region, account_id)
        cluster = state.find_cluster(name)
        if cluster is None or cluster.status == INACTIVE:
            active = [c.name for c in state.clusters if c.status != INACTIVE]
            raise KeyError(
                f"no active cluster {name!r} in {state.account_id}/{state.region}; "
                f"active clusters there: {active}"
            )
        return cluster

    def fail(
        self,
        operation: str,
        code: str,
        message: str | None = None,
        *,
        times: int | None = 1,
        every: int = 1,
        status: int | None = None,
    ) -> None:
        """Make calls of `operation` fail with the AWS error `code`: the next `times` calls
        (None: every call), or with `every=K` each K-th call. The error travels through
        botocore's retry logic as a real one does (ServerException answers 500, so it is
        retried; ThrottlingException is retried too). The code is one botocore models for the
        operation, or ThrottlingException or ServiceUnavailableException, as AWS would answer."""
        self._served(operation)
        if status is not None and not 400 <= status <= 599:
            raise ValueError(f"an error's status is 400 to 599, not {status}")
        allowed = service_model.error_codes(operation) | faults.PROTOCOL_CODES
        if code not in allowed:
            raise ValueError(
                f"{operation} never answers {code}: botocore models {', '.join(sorted(allowed))}"
            )
        self._plan(operation, faults.error(code, message, status), 0.0, times, every)

    def delay(
        self, operation: str, seconds: float, *, times: int | None = 1, every: int = 1
    ) -> None:
        """Make calls of `operation` take `seconds` longer, as `fail` picks them."""
        self._served(operation)
        if not (math.isfinite(seconds) and seconds >= 0):
            raise ValueError(f"a delay is a finite number of seconds, 0 or more, not {seconds}")
        self._plan(operation, None, seconds, times, every)

    @staticmethod
    def _served(operation: str) -> None:
        if operation not in OPERATIONS:
            raise ValueError(
                f"ecsmock does not serve {operation!r}; it serves {', '.join(sorted(OPERATIONS))}"
            )

    def _plan(
        self,
        operation: str,
        error: Any,
        delay: float,
        times: int | None,
        every: int,
    ) -> None:
        with self._world.lock:
            self._world.faults.add(faults.Fault(operation, error, delay, times, every))
