"""Per-call latency: one call of each kind, floor vs ecsmock vs moto."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bench.contenders import Contender, Lineup
from bench.report import Table, micros, times, verdict
from bench.timing import interleaved, samples

NAMES = [f"cluster-{i}" for i in range(150)]


@dataclass(frozen=True)
class Call:
    label: str
    seeded: int  # clusters created before the timed calls
    call: Callable[[Any, int], object]
    target: float | None  # the most ecsmock may cost, as a multiple of the floor


CALLS = (
    Call("create_cluster", 0, lambda ecs, i: ecs.create_cluster(clusterName=f"new-{i}"), 1.15),
    Call(
        "describe_clusters, 1 name",
        1,
        lambda ecs, _: ecs.describe_clusters(clusters=NAMES[:1]),
        None,
    ),
    Call(
        "describe_clusters, 100 names",
        100,
        lambda ecs, _: ecs.describe_clusters(clusters=NAMES[:100]),
        1.3,
    ),
    Call(
        "list_clusters, a page of 100",
        150,
        lambda ecs, _: ecs.list_clusters(maxResults=100),
        1.15,
    ),
)


def latency(
    lineup: Lineup, rounds: int, calls: int, budget: float, which: Sequence[Call] = CALLS
) -> tuple[Table, dict[Call, dict[str, float]]]:
    """The table, and each call's median per contender."""
    table = Table(
        "Per call (median)",
        ["call", "floor", "floor, unsigned", "ecsmock", "moto", "ecsmock ÷ floor",
         "ecsmock ÷ floor, unsigned", "moto ÷ ecsmock", "target"],
    )  # fmt: skip
    medians = {}
    for call in which:
        median = medians[call] = _compare(lineup, call, rounds, calls, budget)
        floor, unsigned = median[lineup.floor.name], median[lineup.unsigned.name]
        mine, moto = median[lineup.ecsmock.name], median[lineup.moto.name]
        table.rows.append(
            [
                call.label,
                *map(micros, (floor, unsigned, mine, moto)),
                times(mine, floor),
                times(mine, unsigned),
                times(moto, mine),
                "—" if call.target is None else verdict(mine / floor, call.target),
            ]
        )
    table.notes.append(
        "The floors answer at `before-send` with the very bytes ecsmock answered, so botocore "
        "parses the same response and only the work behind the hook differs. ecsmock leaves its "
        "requests unsigned (they never leave the process), so it can sit below the signed floor; "
        "the unsigned floor shows what ecsmock itself adds."
    )
    return table, medians


def _compare(
    lineup: Lineup, call: Call, rounds: int, calls: int, budget: float
) -> dict[str, float]:
    def seed(contender: Contender, client: Any) -> None:
        contender.seed(client, NAMES[: call.seeded])

    def one_round(contender: Contender) -> list[float]:
        with contender.active():
            client = contender.client()
            seed(contender, client)
            return samples(lambda i: call.call(client, i), calls, budget)

    lineup.record_floors(lambda client: seed(lineup.ecsmock, client), lambda c: call.call(c, -1))
    return interleaved(lineup.everyone, one_round, rounds)
