"""The store of tasks: every task started in this account and Region (STOPPED ones too: AWS still
describes them), the listings ListTasks pages through, and what the tasks add up to: the counts of
each cluster, the capacity providers in use, and what each container instance has left."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ecsmock.models import Json
from ecsmock.models.container_instances import Usage
from ecsmock.models.tasks import RUNNING, STARTING, STOPPED, Task
from ecsmock.state.table import Listing

Index = tuple[str, ...]  # (cluster, desired status), (cluster, desired status, filter, value),
# or (cluster, "waiting", capacity provider)


@dataclass(frozen=True, slots=True)
class Remembered:
    """What a RunTask with a clientToken answered, to answer its repeats the same."""

    fingerprint: str
    task_ids: tuple[str, ...]
    failures: tuple[Json, ...]


def filters(task: Task) -> dict[str, str | None]:
    """What ListTasks can filter a task by, besides its cluster and desired status."""
    return {
        "family": task.family,
        "containerInstance": task.instance_id,
        "startedBy": task.started_by,
        "launchType": task.launch_type,
    }


def waiting(cluster: str, provider: str) -> Index:
    """The listing of the tasks that wait for an instance of a capacity provider."""
    return (cluster, "waiting", provider)


def _indexes(task: Task) -> list[Index]:
    """The listings a task is in: its cluster's for its desired status, one per ListTasks
    filter, and the waiting tasks' of its provider while it waits for an instance."""
    base = (task.cluster, task.desired_status)
    found: list[Index] = [base] + [
        (*base, name, value) for name, value in filters(task).items() if value
    ]
    if task.waiting is not None and task.capacity_provider is not None:  # (it always has one)
        found.append(waiting(task.cluster, task.capacity_provider))
    return found


def _counted(task: Task) -> list[tuple[str, ...]]:
    """The counters a task adds one to until it has stopped: its cluster's, its phase's (EC2 or
    Fargate, pending or running), its capacity provider's, its task definition's."""
    if task.last_status == STOPPED:
        return []
    keys: list[tuple[str, ...]] = [(task.cluster, "live"), ("uses", task.definition_arn)]
    kind = "fargate" if task.fargate else "ec2"
    phase = _phase(task)
    if phase is not None:
        keys.append((task.cluster, f"{phase}_{kind}"))
    if task.capacity_provider is not None:
        keys.append((task.cluster, "provider", task.capacity_provider))
    return keys


def _phase(task: Task) -> str | None:
    """How clusters and instances count a task: pending, running, or neither (stopping)."""
    if task.last_status in STARTING:
        return "pending"
    return "running" if task.last_status == RUNNING else None


class Tasks:
    """Tasks by id, and everything derived from them. Only this class changes the derived data,
    through `add`, `changing` and `forget_cluster`, and `audit` recomputes it from the tasks."""

    name = "tasks"

    def __init__(self) -> None:
        self.by_id: dict[str, Task] = {}
        self.listings: dict[Index, Listing[Task]] = {}
        self.usage: dict[str, Usage] = {}  # container instance id -> what its tasks hold
        self.tokens: dict[str, dict[str, Remembered]] = {}  # cluster -> RunTask's clientTokens
        self._counts: Counter[tuple[str, ...]] = Counter()
        self._orders = itertools.count()

    def get(self, task_id: str) -> Task | None:
        return self.by_id.get(task_id)

    def listing(self, index: Index) -> Listing[Task]:
        """The tasks of one listing, by when they started (empty if there are none)."""
        return self.listings.get(index) or Listing()

    def of_cluster(self, cluster: str) -> list[Task]:
        """The cluster's tasks, STOPPED ones too, in the order they started."""
        tasks = [*self.listing((cluster, RUNNING)).values()]
        tasks += self.listing((cluster, STOPPED)).values()
        return sorted(tasks, key=lambda task: task.order)

    def count(self, cluster: str, what: str) -> int:
        """How many of the cluster's tasks are `live` (not yet STOPPED), or `running_ec2`,
        `running_fargate`, `pending_ec2`, `pending_fargate`."""
        return self._counts[(cluster, what)]

    def in_use(self, cluster: str, provider: str) -> bool:
        """Whether tasks of the cluster not yet STOPPED run on the capacity provider."""
        return self._counts[(cluster, "provider", provider)] > 0

    def uses(self, definition_arn: str) -> bool:
        """Whether a task not yet STOPPED runs the task definition revision."""
        return self._counts[("uses", definition_arn)] > 0

    def used(self, instance_id: str) -> Usage:
        return self.usage.get(instance_id) or Usage()

    def remembered(self, cluster: str, token: str) -> Remembered | None:
        return self.tokens.get(cluster, {}).get(token)

    def remember(self, cluster: str, token: str, answer: Remembered) -> None:
        """What a RunTask with a clientToken answered, to answer its repeats."""
        self.tokens.setdefault(cluster, {})[token] = answer

    def add(self, task: Task) -> None:
        task.order = next(self._orders)
        self._enter(task)

    def _enter(self, task: Task) -> None:
        self.by_id[task.id] = task
        for index in _indexes(task):
            self.listings.setdefault(index, Listing()).put(task.order, task)
        self._count(task, 1)

    @contextmanager
    def changing(self, task: Task) -> Iterator[None]:
        """Change a task in the `with` block; its listings and counts follow (even when the
        block raises)."""
        before = _indexes(task)
        self._count(task, -1)
        try:
            yield
        finally:
            self._count(task, 1)
            after = _indexes(task)
            if after != before:
                for index in before:
                    self._unlist(index, task)
                for index in after:
                    self.listings.setdefault(index, Listing()).put(task.order, task)

    def _unlist(self, index: Index, task: Task) -> None:
        listing = self.listings[index]
        listing.discard(task.order)
        if not len(listing):
            del self.listings[index]

    def _count(self, task: Task, sign: int) -> None:
        for key in _counted(task):
            self._counts[key] += sign
            if not self._counts[key]:
                del self._counts[key]
        if task.instance_id is None or task.last_status == STOPPED:
            return
        usage = self.usage.setdefault(task.instance_id, Usage())
        usage.hold(task.reservation, task.group, _phase(task), sign)
        if usage == Usage():
            del self.usage[task.instance_id]

    def forget_cluster(self, cluster: str) -> None:
        """A deleted cluster's stopped tasks go with it: a cluster created again under its name
        starts without them."""
        for task in self.of_cluster(cluster):
            for index in _indexes(task):
                self._unlist(index, task)
            del self.by_id[task.id]
        self.tokens.pop(cluster, None)

    @property
    def is_empty(self) -> bool:
        return not self.by_id

    def snapshot(self) -> Json:
        return {
            "tasks": [task.to_api(("TAGS",)) for task in self.by_id.values()],
            "clientTokens": {
                f"{cluster}/{token}": list(answer.task_ids)
                for cluster, tokens in self.tokens.items()
                for token, answer in tokens.items()
            },
        }

    def audit(self) -> list[str]:
        again = Tasks()
        for task in sorted(self.by_id.values(), key=lambda t: t.order):
            again._enter(task)
        problems = []
        if _keys(self.listings) != _keys(again.listings):
            problems.append("tasks: the listings do not hold exactly the tasks")
        if self._counts != again._counts:
            problems.append("tasks: the counts disagree with the tasks")
        if self.usage != again.usage:
            problems.append("tasks: what instances hold disagrees with the tasks")
        remembered = {
            i for tokens in self.tokens.values() for a in tokens.values() for i in a.task_ids
        }
        if not remembered <= set(self.by_id):
            problems.append("tasks: a client token names a task that is not there")
        return problems


def _keys(listings: dict[Index, Listing[Task]]) -> dict[Index, list[int]]:
    return {index: list(listing.keys) for index, listing in listings.items()}
