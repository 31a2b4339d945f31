"""Where tasks go. A capacity provider strategy splits a call's tasks between providers (bases
first, then weights); a task on EC2 capacity goes to a container instance that has the resources
it needs, passes its placement constraints, and wins its placement strategies. A task that fits
nowhere is a `failures[]` entry naming each instance and why it refused, as AWS answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ecsmock.messages.tasks import AGENT, ATTRIBUTE
from ecsmock.models import ACTIVE, Json
from ecsmock.models.clusters import StrategyItem
from ecsmock.models.container_instances import ContainerInstance, Usage
from ecsmock.models.tasks import Placement
from ecsmock.state.region import RegionState

DISTINCT_INSTANCE = "distinctInstance"
MEMBER_OF = "memberOf"


def split(strategy: list[StrategyItem], count: int) -> list[str]:
    """The capacity provider of each of `count` tasks: the base is met first; the others go
    where their share of those beyond the base falls furthest below its weight."""
    chosen: list[str] = []
    for item in strategy:
        chosen += [item.capacity_provider] * min(item.base, count - len(chosen))
    given: Counter[str] = Counter()  # beyond the bases: those the weights share
    weighted = [item for item in strategy if item.weight > 0] or strategy[:1]
    while len(chosen) < count:
        best = min(
            weighted,
            key=lambda item: (given[item.capacity_provider] + 1) / max(item.weight, 1),
        )
        chosen.append(best.capacity_provider)
        given[best.capacity_provider] += 1
    return chosen


@dataclass(slots=True)
class _Candidate:
    """An instance, with what it has left as this call places its tasks one by one."""

    instance: ContainerInstance
    usage: Usage
    cpu: int
    memory: int
    ports: set[int] = field(default_factory=set)
    udp_ports: set[int] = field(default_factory=set)


def subject_of(instance: ContainerInstance, usage: Usage, subject: str) -> object:
    """What the cluster query language sees of an instance."""
    if subject.startswith("attribute:"):
        name = subject.removeprefix("attribute:")
        if name not in instance.attributes:
            return None
        return instance.attributes[name] or ""  # a capability: it exists, with no value
    return SUBJECTS[subject](instance, usage)


# What each subject of the query language (`query.SUBJECTS`, the same names) reads.
SUBJECTS: dict[str, Callable[[ContainerInstance, Usage], object]] = {
    "agentConnected": lambda instance, _: instance.agent_connected,
    "agentVersion": lambda instance, _: instance.version_info.get("agentVersion"),
    "ec2InstanceId": lambda instance, _: instance.ec2_instance_id,
    "registeredAt": lambda instance, _: instance.registered_at,
    "runningTasksCount": lambda _, usage: usage.running,
    "task:group": lambda _, usage: sorted(usage.groups),
}


def place(
    state: RegionState,
    instances: list[ContainerInstance],
    placement: Placement,
    count: int,
) -> tuple[list[ContainerInstance | None], list[Json]]:
    """An instance for each of `count` tasks (None: it fits nowhere), and the failures of
    those that fit nowhere: one per instance and reason."""
    candidates = [_candidate(state, instance) for instance in instances]
    chosen: list[ContainerInstance | None] = []
    failures: dict[tuple[str, str], Json] = {}
    for _ in range(count):
        reasons = {c.instance.arn: _refusal(c, placement) for c in candidates}
        fitting = [c for c in candidates if reasons[c.instance.arn] is None]
        if not fitting:
            chosen.append(None)
            for arn, reason in reasons.items():
                failures.setdefault((arn, str(reason)), {"arn": arn, "reason": reason})
            continue
        winner = _best(state, fitting, candidates, placement)
        _hold(winner, placement)
        chosen.append(winner.instance)
    return chosen, list(failures.values())


def _candidate(state: RegionState, instance: ContainerInstance) -> _Candidate:
    usage = state.tasks.used(instance.id)
    return _Candidate(
        instance,
        Usage(groups=Counter(usage.groups), running=usage.running),
        instance.amount("CPU") - usage.cpu,
        instance.amount("MEMORY") - usage.memory,
        instance.ports("PORTS") | usage.ports,
        instance.ports("PORTS_UDP") | usage.udp_ports,
    )


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
    if placement.distinct and candidate.usage.groups[placement.group]:
        return ATTRIBUTE

    def lookup(subject: str) -> object:
        return subject_of(instance, candidate.usage, subject)

    if not all(matches(lookup) for matches in placement.member_of):
        return ATTRIBUTE
    if needs.cpu > candidate.cpu:
        return "RESOURCE:CPU"
    if needs.memory > candidate.memory:
        return "RESOURCE:MEMORY"
    if needs.ports & candidate.ports or needs.udp_ports & candidate.udp_ports:
        return "RESOURCE:PORTS"
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
            left = min(_left(c, name) for c in fitting)
            fitting = [c for c in fitting if _left(c, name) == left]
        else:
            tally: Counter[object] = Counter()
            for candidate in everyone:
                tally[_spread_value(candidate, name)] += candidate.usage.groups[placement.group]
            fewest = min(tally[_spread_value(c, name)] for c in fitting)
            fitting = [c for c in fitting if tally[_spread_value(c, name)] == fewest]
    return fitting[0]


def _left(candidate: _Candidate, resource: str) -> int:
    return candidate.cpu if resource == "cpu" else candidate.memory


def _spread_value(candidate: _Candidate, name: str) -> object:
    if name in ("instanceId", "host"):
        return candidate.instance.id
    return candidate.instance.attributes.get(name.removeprefix("attribute:"))


def _hold(candidate: _Candidate, placement: Placement) -> None:
    needs = placement.needs
    candidate.cpu -= needs.cpu
    candidate.memory -= needs.memory
    candidate.ports |= needs.ports
    candidate.udp_ports |= needs.udp_ports
    candidate.usage.groups[placement.group] += 1
