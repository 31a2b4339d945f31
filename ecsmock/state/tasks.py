"""The store of tasks: every task started in this account and Region (STOPPED ones too: AWS still
describes them), the listings ListTasks pages through, and what the tasks add up to: the counts of
each cluster, the capacity providers in use, and what each container instance has left."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from ecsmock.models import Json
from ecsmock.models.container_instances import Usage
from ecsmock.models.tasks import RUNNING, STARTING, STOPPED, Task
from ecsmock.state.table import Listing

Index = tuple[str, ...]  # (cluster, desired status) or (cluster, desired status, filter, value)


def filters(task: Task) -> dict[str, str | None]:
    """What ListTasks can filter a task by, besides its cluster and desired status."""
    return {
        "family": task.family,
        "containerInstance": task.instance_id,
        "startedBy": task.started_by,
        "launchType": task.launch_type,
    }


def _indexes(task: Task) -> list[Index]:
    """The listings a task is in: its cluster's for its desired status, and one per filter."""
    base = (task.cluster, task.desired_status)
    return [base] + [(*base, name, value) for name, value in filters(task).items() if value]


def _counted(task: Task) -> list[tuple[str, ...]]:
    """The cluster counters a task adds one to."""
    if task.last_status == STOPPED:
        return []
    keys: list[tuple[str, ...]] = [(task.cluster, "live"), ("uses", task.definition_arn)]
    kind = "fargate" if task.fargate else "ec2"
    if task.last_status in STARTING:
        keys.append((task.cluster, f"pending_{kind}"))
    elif task.last_status == RUNNING:
        keys.append((task.cluster, f"running_{kind}"))
    if task.capacity_provider is not None:
        keys.append((task.cluster, "provider", task.capacity_provider))
    return keys


class Tasks:
    """Tasks by id, and everything derived from them. Only this class changes the derived data,
    through `add` and `changing`, and `audit` recomputes it from the tasks."""

    name = "tasks"

    def __init__(self) -> None:
        self.by_id: dict[str, Task] = {}
        self.listings: dict[Index, Listing[Task]] = {}
        self.usage: dict[str, Usage] = {}  # container instance id -> what its tasks hold
        self.tokens: dict[tuple[str, str], tuple[str, list[str]]] = {}  # RunTask's clientToken
        self._counts: Counter[tuple[str, ...]] = Counter()
        self._orders = itertools.count()

    def get(self, task_id: str) -> Task | None:
        return self.by_id.get(task_id)

    def listing(self, index: Index) -> Listing[Task]:
        """The tasks of one listing, by when they started (empty if there are none)."""
        return self.listings.get(index) or Listing()

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

    def remember(self, cluster: str, token: str, fingerprint: str, tasks: list[Task]) -> None:
        """The tasks a RunTask with a clientToken started, to answer its repeats."""
        self.tokens[(cluster, token)] = (fingerprint, [task.id for task in tasks])

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
        """Change a task in the `with` block; its listings and counts follow."""
        before = _indexes(task)
        self._count(task, -1)
        yield
        self._count(task, 1)
        after = _indexes(task)
        if after != before:
            for index in before:
                listing = self.listings[index]
                listing.discard(task.order)
                if not len(listing):
                    del self.listings[index]
            for index in after:
                self.listings.setdefault(index, Listing()).put(task.order, task)

    def _count(self, task: Task, sign: int) -> None:
        for key in _counted(task):
            self._counts[key] += sign
            if not self._counts[key]:
                del self._counts[key]
        if task.instance_id is None or task.last_status == STOPPED:
            return
        usage = self.usage.setdefault(task.instance_id, Usage())
        held = task.reservation
        usage.cpu += sign * held.cpu
        usage.memory += sign * held.memory
        usage.groups[task.group] += sign
        if not usage.groups[task.group]:
            del usage.groups[task.group]
        usage.running += sign * (task.last_status == RUNNING)
        usage.pending += sign * (task.last_status in STARTING)
        for ports, taken in ((usage.ports, held.ports), (usage.udp_ports, held.udp_ports)):
            if sign > 0:
                ports.update(taken)
            else:
                ports.difference_update(taken)
        if usage == Usage():
            del self.usage[task.instance_id]

    def forget_cluster(self, cluster: str) -> None:
        """A deleted cluster's stopped tasks go with it: a cluster created again under its name
        starts without them."""
        for task in [t for t in self.by_id.values() if t.cluster == cluster]:
            for index in _indexes(task):
                self.listings.pop(index, None)
            del self.by_id[task.id]
        self.tokens = {key: value for key, value in self.tokens.items() if key[0] != cluster}

    @property
    def is_empty(self) -> bool:
        return not self.by_id

    def snapshot(self) -> Json:
        return {
            "tasks": [task.to_api(("TAGS",)) for task in self.by_id.values()],
            "clientTokens": {f"{c}/{t}": ids for (c, t), (_, ids) in self.tokens.items()},
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
        return problems


def _keys(listings: dict[Index, Listing[Task]]) -> dict[Index, list[int]]:
    return {index: list(listing.keys) for index, listing in listings.items()}
