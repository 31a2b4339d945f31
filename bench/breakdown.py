"""Where ecsmock's time goes, call by call: botocore's share, ecsmock's core, and the hook."""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from bench.contenders import Contender, Lineup
from bench.latency import Call
from bench.report import Table, micros
from bench.timing import samples
from ecsmock import wire


def breakdown(lineup: Lineup, medians: dict[Call, dict[str, float]], calls: int) -> Table:
    """Split each call's median (from the latency run) using timers around ecsmock's core."""
    table = Table(
        "Where ecsmock's time goes (median per call)",
        ["call", "ecsmock", "botocore (the unsigned floor)", "ecsmock's core: `wire.serve`",
         "of which the reply (JSON, request id)", "the hook and the rest"],
    )  # fmt: skip
    ecsmock = lineup.ecsmock
    for call, median in medians.items():
        serve, reply = _core(ecsmock, call, calls)
        total, botocore = median[ecsmock.name], median[lineup.unsigned.name]
        core = statistics.median(serve)
        table.rows.append(
            [
                call.label,
                *map(micros, (total, botocore, core, statistics.median(reply))),
                micros(total - botocore - core),
            ]
        )
    table.notes.append(
        "The core is timed in a second pass, with timers around `wire.serve` and the reply it "
        "builds; the other columns come from the per-call table above."
    )
    return table


def _core(ecsmock: Contender, call: Call, calls: int) -> tuple[list[float], list[float]]:
    """Seconds each call spent in `wire.serve`, and in building its reply."""
    serve: list[float] = []
    reply: list[float] = []
    with ecsmock.active():
        client = ecsmock.client()
        made = call.seed(ecsmock, client)
        with _timer(wire, "serve", serve), _timer(wire, "_reply", reply):
            samples(lambda i: call.call(client, i, made), calls, 5.0)
    return serve, reply


@contextlib.contextmanager
def _timer(module: ModuleType, name: str, taken: list[float]) -> Iterator[None]:
    """Time every call of `module.name` into `taken`, while the block runs."""
    original = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            taken.append(time.perf_counter() - start)

    setattr(module, name, timed)
    try:
        yield
    finally:
        setattr(module, name, original)
