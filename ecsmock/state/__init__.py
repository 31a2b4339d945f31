"""The world of one activation: its accounts and Regions, under one lock, with the clock, ids,
scheduler, quotas, timings and planned faults that every Region shares."""

from __future__ import annotations

import threading

from ecsmock.clock import Clock, Ids
from ecsmock.faults import Faults
from ecsmock.scheduler import Scheduler, Timings
from ecsmock.state.account import Account, Quotas
from ecsmock.state.region import RegionState

__all__ = ["Backend", "Quotas", "RegionState"]


class Backend:
    """What one outermost activation keeps, shared by the activations nested in it."""

    def __init__(self, seed: int | None = None) -> None:
        self.lock = threading.RLock()
        self.clock = Clock()
        self.ids = Ids(seed)
        self.secret = self.ids.bytes(16)  # signs pagination tokens
        self.scheduler = Scheduler(self.clock)
        self.quotas = Quotas()
        self.timings = Timings()
        self.faults = Faults()
        self.accounts: dict[str, Account] = {}
        self.regions: dict[tuple[str, str], RegionState] = {}

    def advance(self, seconds: float) -> None:
        """Move the clock forward and run every transition that falls due on the way."""
        with self.lock:
            self.clock.shift(seconds)
            self.scheduler.run_due()

    def reset(self) -> None:
        with self.lock:
            self.quotas = Quotas()
            self.timings = Timings()
            self.faults.clear()
            self.scheduler.clear()
            self.accounts.clear()
            self.regions.clear()

    def account(self, account_id: str) -> Account:
        with self.lock:
            return self.accounts.setdefault(account_id, Account(account_id))

    def region(self, account_id: str, region: str) -> RegionState:
        with self.lock:
            state = self.regions.get((account_id, region))
            if state is None:
                state = RegionState(
                    self.account(account_id),
                    region,
                    quotas=self.quotas,
                    timings=self.timings,
                    scheduler=self.scheduler,
                    ids=self.ids,
                    secret=self.secret,
                )
                self.regions[account_id, region] = state
            return state
