"""Time and ids, each from one place, so a test can move the one and seed the other.

The clock is virtual: the real time plus however far the test moved it, so a test that moves
`time.time()` (time-machine, freezegun) moves it too. Ids come from one source, random, or
seeded so that a run gives the same ARNs every time.
"""

from __future__ import annotations

import math
import os
import random
import time

_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789"


class Clock:
    def __init__(self) -> None:
        self._ahead = 0.0  # seconds the test moved the clock past the real time

    def now(self) -> float:
        """Seconds since the epoch, as ECS's timestamps are."""
        return time.time() + self._ahead

    def shift(self, seconds: float) -> None:
        if not (math.isfinite(seconds) and seconds >= 0):
            raise ValueError(
                f"the clock moves forward only: shift by a finite, positive amount, not {seconds}"
            )
        self._ahead += seconds

    def until(self, moment: float) -> float:
        """Seconds from now to `moment` (since the epoch). A moment less than a second past is
        now (real time passes while a test computes it); one further back is refused."""
        ahead = moment - self.now()
        if ahead < -1:
            raise ValueError(
                f"the clock moves forward only: {moment} is {-ahead:.0f} s before the mock's "
                f"now ({self.now()}); shift by a positive amount instead"
            )
        return max(ahead, 0.0)


def uuid4_text(random_bytes: bytes) -> str:
    """16 random bytes as a version 4 UUID, written out directly: tasks make several each."""
    raw = bytearray(random_bytes)
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class Ids:
    def __init__(self, seed: int | None = None) -> None:
        self._random = None if seed is None else random.Random(seed)

    def bytes(self, count: int) -> bytes:
        return os.urandom(count) if self._random is None else self._random.randbytes(count)

    def uuid(self) -> str:
        return uuid4_text(self.bytes(16))

    def alphanumeric(self, length: int) -> str:
        """Lowercase letters and digits, as Cloud Map's namespace ids have."""
        return "".join(_ALPHANUMERIC[byte % len(_ALPHANUMERIC)] for byte in self.bytes(length))
