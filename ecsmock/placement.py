"""Where tasks go. A capacity provider strategy splits a call's tasks between providers (bases
first, then weights); a task on EC2 capacity goes to a container instance that has the resources
it needs, passes its placement constraints, and wins its placement strategies. A task that fits
nowhere is a `failures[]` entry naming each instance and why it refused, as AWS answers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ecsmock.messages.tasks import (
    AGENT,
    ATTRIBUTE,
    RESOURCE_CPU,
    RESOURCE_MEMORY,
    RESOURCE_PORTS,
)
from ecsmock.models import ACTIVE, Json
from ecsmock.models.clusters import StrategyItem
from ecsmock.models.container_instances import ContainerInstance, Usage, subject_of
from ecsmock.models.tasks import Placement, Reservation
from ecsmock.state.region import RegionState

DISTINCT_INSTANCE = "distinctInstance"


def split(strategy: list[StrategyItem], count: int) -> list[str]:
    """The capacity provider of each of `count` tasks: the base is met first; the others go
    where their share of those beyond the base falls furthest below its weight."""
    chosen: list[str] = []
    for item in strategy:
        chosen += [item.capacity_provider] * min(item.base, count - len(chosen))
    given: Counter[str] = Counter()  # beyond the bases: those the weights share
    weighted = [item for item in strategy if item.weight > 0]  # one at least: RunTask checks
    while len(chosen) < count:
        best = min(weighted, key=lambda item: (given[item.capacity_provider] + 1) / item.weight)
        chosen.append(best.capacity_provider)
        given[best.capacity_provider] += 1
    return chosen


@dataclass(slots=True)
class _Candidate:
    """An instance, with what its tasks hold of it (the store's, read only) and what this call
    has placed on it so far."""

    instance: ContainerInstance
    held: Usage
    placed: Usage | None = None

    def left(self, resource: str) -> int:
        """How much of cpu or memory is left."""
        capacity, placed = self.instance.capacity, self.placed or _NONE
        if resource == "cpu":
            return capacity.cpu - self.held.cpu - placed.cpu
        return capacity.memory - self.held.memory - placed.memory

    def group(self, name: str) -> int:
        """How many tasks of the group the instance has."""
        return self.held.groups[name] + (self.placed.groups[name] if self.placed else 0)

    def usage(self) -> Usage:
        """The whole of it, as the query language reads it."""
        if self.placed is None:
            return self.held
        whole = self.held.copy()
        whole.groups.update(self.placed.groups)
        whole.running += self.placed.running
        return whole

    def place(self, placement: Placement) -> None:
        self.placed = self.placed or Usage()
        self.placed.hold(placement.needs, placement.group, "running")  # counted as it will be


_NONE = Usage()


def place(
    state: RegionState,
    instances: list[ContainerInstance],
    placement: Placement,
    count: int,
) -> tuple[list[ContainerInstance | None], list[Json]]:
    """An instance for each of `count` tasks (None: it fits nowhere), and the failures of
    those that fit nowhere: one per instance, with the reason it first refused one."""
    candidates = [_Candidate(i, state.tasks.used(i.id)) for i in instances]
    chosen: list[ContainerInstance | None] = []
    failures: dict[str, Json] = {}
    for _ in range(count):
        reasons = {c.instance.arn: _refusal(c, placement) for c in candidates}
        fitting = [c for c in candidates if reasons[c.instance.arn] is None]
        if not fitting:
            chosen.append(None)
            for arn, reason in reasons.items():
                failures.setdefault(arn, {"arn": arn, "reason": reason})
            continue
        winner = _best(state, fitting, candidates, placement)
        winner.place(placement)
        chosen.append(winner.instance)
    return chosen, list(failures.values())


def _refusal(candidate: _Candidate, placement: Placement) -> str | None:
    """Why a task cannot go on the instance, as AWS's failure reasons say; None: it can."""
    instance = candidate.instance
    needs = placement.needs
    if not instance.agent_connected:
        return AGENT
    if instance.status != ACTIVE:
        return ATTRIBUTE
    if any(name not in instance.attributes for name in placement.required_attributes):
        return ATTRIBUTE
    if placement.distinct and candidate.group(placement.group):
        return ATTRIBUTE
    if placement.member_of:
        usage = candidate.usage()

        def lookup(subject: str) -> object:
            return subject_of(instance, usage, subject)

        if not all(matches(lookup) for matches in placement.member_of):
            return ATTRIBUTE
    if needs.cpu > candidate.left("cpu"):
        return RESOURCE_CPU
    if needs.memory > candidate.left("memory"):
        return RESOURCE_MEMORY
    if (needs.ports or needs.udp_ports) and _ports_taken(candidate, needs):
        return RESOURCE_PORTS
    return None


def _ports_taken(candidate: _Candidate, needs: Reservation) -> bool:
    capacity, held, placed = candidate.instance.capacity, candidate.held, candidate.placed or _NONE
    for wanted, kept, used, mine in (
        (needs.ports, capacity.ports, held.ports, placed.ports),
        (needs.udp_ports, capacity.udp_ports, held.udp_ports, placed.udp_ports),
    ):
        if wanted & kept or wanted & used or wanted & mine:
            return True
    return False


def _best(
    state: RegionState,
    fitting: list[_Candidate],
    everyone: list[_Candidate],
    placement: Placement,
) -> _Candidate:
    """The candidate the strategies prefer, each rule breaking the ties of the one before; the
    first registered among those still tied (random, without a strategy)."""
    for kind, name in placement.strategy or (("random", ""),):
        if len(fitting) == 1:
            break
        if kind == "random":
            fitting = [fitting[int.from_bytes(state.ids.bytes(4)) % len(fitting)]]
        elif kind == "binpack":
            least = min(c.left(name) for c in fitting)
            fitting = [c for c in fitting if c.left(name) == least]
        else:
            tally: Counter[object] = Counter()
            for candidate in everyone:
                tally[_spread_value(candidate, name)] += candidate.group(placement.group)
            fewest = min(tally[_spread_value(c, name)] for c in fitting)
            fitting = [c for c in fitting if tally[_spread_value(c, name)] == fewest]
    return fitting[0]


def _spread_value(candidate: _Candidate, name: str) -> object:
    if name in ("instanceId", "host"):
        return candidate.instance.id
    return candidate.instance.attributes.get(name.removeprefix("attribute:"))
