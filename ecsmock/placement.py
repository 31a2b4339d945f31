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
from ecsmock.models.tasks import Placement
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
    """An instance, with what its tasks hold of it, this call's as it places them one by one."""

    instance: ContainerInstance
    usage: Usage

    def left(self, resource: str) -> int:
        """How much of CPU or MEMORY is left."""
        held = self.usage.cpu if resource == "CPU" else self.usage.memory
        return self.instance.amount(resource) - held


def place(
    state: RegionState,
    instances: list[ContainerInstance],
    placement: Placement,
    count: int,
) -> tuple[list[ContainerInstance | None], list[Json]]:
    """An instance for each of `count` tasks (None: it fits nowhere), and the failures of
    those that fit nowhere: one per instance, with the reason it first refused one."""
    candidates = [_Candidate(i, state.tasks.used(i.id).copy()) for i in instances]
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
        winner.usage.hold(placement.needs, placement.group, "running")  # counted as it will be
        chosen.append(winner.instance)
    return chosen, list(failures.values())


def _refusal(candidate: _Candidate, placement: Placement) -> str | None:
    """Why a task cannot go on the instance, as AWS's failure reasons say; None: it can."""
    instance, usage = candidate.instance, candidate.usage
    needs = placement.needs
    if not instance.agent_connected:
        return AGENT
    if instance.status != ACTIVE:
        return ATTRIBUTE
    if any(name not in instance.attributes for name in placement.required_attributes):
        return ATTRIBUTE
    if placement.distinct and usage.groups[placement.group]:
        return ATTRIBUTE

    def lookup(subject: str) -> object:
        return subject_of(instance, usage, subject)

    if not all(matches(lookup) for matches in placement.member_of):
        return ATTRIBUTE
    if needs.cpu > candidate.left("CPU"):
        return RESOURCE_CPU
    if needs.memory > candidate.left("MEMORY"):
        return RESOURCE_MEMORY
    taken = instance.ports("PORTS") | usage.ports, instance.ports("PORTS_UDP") | usage.udp_ports
    if needs.ports & taken[0] or needs.udp_ports & taken[1]:
        return RESOURCE_PORTS
    return None


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
            least = min(c.left(name.upper()) for c in fitting)
            fitting = [c for c in fitting if c.left(name.upper()) == least]
        else:
            tally: Counter[object] = Counter()
            for candidate in everyone:
                tally[_spread_value(candidate, name)] += candidate.usage.groups[placement.group]
            fewest = min(tally[_spread_value(c, name)] for c in fitting)
            fitting = [c for c in fitting if tally[_spread_value(c, name)] == fewest]
    return fitting[0]


def _spread_value(candidate: _Candidate, name: str) -> object:
    if name in ("instanceId", "host"):
        return candidate.instance.id
    return candidate.instance.attributes.get(name.removeprefix("attribute:"))
