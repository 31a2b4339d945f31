"""How time is taken: many short samples, contenders interleaved round by round, medians.

These machines are noisy and drift; interleaving puts every contender through the same drift, so
the ratios between them hold even when the absolute times move.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence

from bench.contenders import Contender


def samples(action: Callable[[int], object], count: int, budget: float) -> list[float]:
    """Seconds each of up to `count` calls of `action(i)` took, stopping after `budget` seconds
    (but never before five calls)."""
    taken: list[float] = []
    deadline = time.perf_counter() + budget
    for i in range(count):
        start = time.perf_counter()
        action(i)
        end = time.perf_counter()
        taken.append(end - start)
        if end > deadline and len(taken) >= 5:
            break
    return taken


def interleaved(
    contenders: Sequence[Contender], one_round: Callable[[Contender], list[float]], rounds: int
) -> dict[str, float]:
    """The median sample of each contender over `rounds` rounds, every round visiting them all."""
    taken: dict[str, list[float]] = {c.name: [] for c in contenders}
    for _ in range(rounds):
        for contender in contenders:
            taken[contender.name].extend(one_round(contender))
    return {key: statistics.median(values) for key, values in taken.items()}


def stopwatch(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
