"""What a test pays before its first call: activating the mock, making a client, importing."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from bench.contenders import Contender, Lineup
from bench.report import Table, micros, millis, times, verdict
from bench.timing import interleaved, samples


def _empty() -> None:
    """The body of an empty test."""


def _enter_exit(contender: Contender) -> Callable[[int], object]:
    def run(_: int) -> None:
        with contender.active():
            pass

    return run


def _enter_client_exit(contender: Contender) -> Callable[[int], object]:
    def run(_: int) -> None:
        with contender.active():
            contender.client()

    return run


def _decorated_test(contender: Contender) -> Callable[[int], object]:
    test = contender.decorate(_empty)
    return lambda _: test()


@dataclass(frozen=True)
class Row:
    what: str
    action: Callable[[Contender], Callable[[int], object]]
    target: Callable[[float, float], str]  # from the floor's and ecsmock's medians
    comparable: bool  # whether a ratio to the floor means anything (not when it does nothing)


ROWS = (
    Row("enter + exit, empty mock", _enter_exit, lambda _, mine: verdict(mine * 1e6, 50, " µs"), False),  # noqa: E501
    Row("enter + `boto3.client('ecs')` + exit", _enter_client_exit, lambda floor, mine: verdict(mine / floor, 1.2), True),  # noqa: E501
    Row("decorated empty test", _decorated_test, lambda _, __: "—", False),
)  # fmt: skip


def activation(lineup: Lineup, rounds: int, calls: int, budget: float) -> Table:
    table = Table(
        "Activation (median)",
        ["what", "floor", "ecsmock", "moto", "ecsmock ÷ floor", "moto ÷ ecsmock", "target"],
    )
    contenders = [lineup.floor, lineup.ecsmock, lineup.moto]
    for row in ROWS:

        def one_round(contender: Contender, row: Row = row) -> list[float]:
            return samples(row.action(contender), calls, budget)

        median = interleaved(contenders, one_round, rounds)
        floor, mine, moto = (median[c.name] for c in contenders)
        table.rows.append(
            [
                row.what,
                *map(micros, (floor, mine, moto)),
                times(mine, floor) if row.comparable else "—",
                times(moto, mine),
                row.target(floor, mine),
            ]
        )
    table.notes.append(
        "The floor activates nothing: its rows are an empty `with` block, `boto3.client('ecs')` "
        "with the floor's handler registered, and a plain call of an empty function."
    )
    return table


IMPORTS = {"ecsmock": "import ecsmock", "moto": "from moto import mock_aws"}
_PROBE = "import time, boto3; start = time.perf_counter(); {}; print(time.perf_counter() - start)"


def imports(runs: int) -> Table:
    """Import time on top of `import boto3`, each in a fresh interpreter, with bytecode cached
    as after any install (the first run writes the cache and is not counted)."""
    table = Table("Import, on top of `import boto3` (median of fresh interpreters)",
                  ["import", "time", "target"])  # fmt: skip
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for name, statement in IMPORTS.items():
        taken = [_probe(statement, environment) for _ in range(runs + 1)][1:]
        median = statistics.median(taken)
        target = verdict(median * 1e3, 25, " ms") if name == "ecsmock" else "—"
        table.rows.append([f"`{statement}`", millis(median), target])
    table.notes.append(
        "Bytecode cached, as after any install. Of ecsmock's share, wrapt brings about 8 ms (it "
        "imports asyncio); any activation or decorated test needs it."
    )
    return table


def _probe(statement: str, environment: dict[str, str]) -> float:
    command = [sys.executable, "-c", _PROBE.format(statement)]
    finished = subprocess.run(command, capture_output=True, check=True, text=True, env=environment)
    return float(finished.stdout)
