"""The world in time: transitions due at a virtual time, and how long each kind takes.

A write answers with AWS's first state and schedules what follows. Transitions run when the
clock moves, before a call is served and before the handle reads the world, never on a
background thread, so runs are deterministic. Every delay is 0 unless a test chooses others
(`Timings`): then the next read shows the settled state, as before there was a clock.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from ecsmock.clock import Clock

_MOST_IN_ONE_RUN = 100_000  # a transition that keeps scheduling itself is a bug, not a world


@dataclass(slots=True)
class Timings:
    """Seconds each transition takes; a test chooses them to test code that polls. A name that
    is not a timing, or a value that is not a finite number of seconds, is refused."""

    cluster_capacity: float = 0.0  # Auto Scaling attachments PRECREATED/DELETING to settled
    capacity_provider_update: float = 0.0  # UPDATE_IN_PROGRESS to UPDATE_COMPLETE
    capacity_provider_deletion: float = 0.0  # DELETE_IN_PROGRESS to INACTIVE

    def __setattr__(self, name: str, value: object) -> None:
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not math.isfinite(value)
            or value < 0
        ):
            raise ValueError(f"timings are seconds, 0 or more: {name}={value!r}")
        object.__setattr__(self, name, value)


@dataclass(order=True)
class _Due:
    when: float
    order: int
    action: Callable[[], None] = field(compare=False)


class Scheduler:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._due: list[_Due] = []
        self._order = itertools.count()

    def after(self, seconds: float, action: Callable[[], None]) -> None:
        heapq.heappush(self._due, _Due(self.clock.now() + seconds, next(self._order), action))

    @property
    def pending(self) -> int:
        return len(self._due)

    def run_due(self) -> None:
        """Run every transition due by now, and those they make due, in time order."""
        for _ in range(_MOST_IN_ONE_RUN):
            if not self._due or self._due[0].when > self.clock.now():
                return
            heapq.heappop(self._due).action()
        raise RuntimeError("ecsmock's world did not settle: a transition keeps making another")

    def run_until_idle(self) -> None:
        """Move the clock to each pending transition in turn until none is left."""
        while self._due:
            self.clock.move_to(max(self.clock.now(), self._due[0].when))
            self.run_due()

    def clear(self) -> None:
        self._due.clear()
