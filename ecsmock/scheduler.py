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
    task_definition_deletion: float = 0.0  # a revision DELETE_IN_PROGRESS to gone
    container_agent_update: float = 0.0  # agentUpdateStatus PENDING to UPDATED
    task_provisioning: float = 0.0  # an awsvpc task's ENI: PROVISIONING, and DEPROVISIONING
    task_start: float = 0.0  # a task PENDING (pulling its images) to RUNNING
    task_stop: float = 0.0  # a task STOPPING to STOPPED (or DEPROVISIONING)

    def __setattr__(self, name: str, value: object) -> None:
        if name not in Timings.__dataclass_fields__:
            raise AttributeError(
                f"no timing {name!r}: the timings are {', '.join(Timings.__dataclass_fields__)}"
            )
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
    owner: object = field(compare=False)
    cancelled: bool = field(default=False, compare=False)


class Scheduler:
    """Transitions by due time, at most one per resource: a later change of a resource replaces
    the transition its earlier change scheduled."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._due: list[_Due] = []
        self._latest: dict[int, _Due] = {}  # id of the owner -> its one pending transition
        self._order = itertools.count()

    def after(self, seconds: float, action: Callable[[], None], owner: object) -> None:
        """Run `action` for `owner` in `seconds`, instead of anything `owner` had pending."""
        self.cancel(owner)
        due = _Due(self.clock.now() + seconds, next(self._order), action, owner)
        self._latest[id(owner)] = due
        heapq.heappush(self._due, due)

    def cancel(self, owner: object) -> None:
        """Drop what `owner` had pending: a change that settles at once supersedes it."""
        due = self._latest.pop(id(owner), None)
        if due is not None:
            due.cancelled = True

    @property
    def pending(self) -> int:
        return len(self._latest)

    def run_due(self) -> None:
        """Run every transition due by now, and those they make due, in time order."""
        for _ in range(_MOST_IN_ONE_RUN):
            self._drop_cancelled()
            if not self._due or self._due[0].when > self.clock.now():
                return
            due = heapq.heappop(self._due)
            del self._latest[id(due.owner)]
            due.action()
        raise RuntimeError(
            "ecsmock's world did not settle: a transition keeps making another. This is a bug "
            "in ecsmock: please report it with the test that shows it."
        )

    def run_until_idle(self) -> None:
        """Move the clock to each pending transition in turn until none is left."""
        self._drop_cancelled()
        while self._due:
            self.clock.shift(max(self._due[0].when - self.clock.now(), 0.0))
            self.run_due()

    def clear(self) -> None:
        self._due.clear()
        self._latest.clear()

    def _drop_cancelled(self) -> None:
        while self._due and self._due[0].cancelled:
            heapq.heappop(self._due)
