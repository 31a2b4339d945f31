"""Faults a test plans through the handle: make calls of an operation fail, or be slow."""

from __future__ import annotations

from dataclasses import dataclass

from ecsmock.errors import AwsError

_DEFAULT_MESSAGES = {
    "ThrottlingException": "Rate exceeded",
    "ServerException": "Service Unavailable. Please try again later.",
}
_DEFAULT_STATUS = {"ServerException": 500, "ServiceUnavailableException": 503}
# What any operation of an AWS JSON service may answer, whatever its model lists.
PROTOCOL_CODES = frozenset({"ThrottlingException", "ServiceUnavailableException"})


@dataclass
class Fault:
    operation: str
    error: AwsError | None
    delay: float
    times: int | None  # how many more times it fires; None: forever
    every: int  # fires on every `every`-th call of the operation
    calls: int = 0

    def fires(self) -> bool:
        self.calls += 1
        if self.calls % self.every or self.times == 0:
            return False
        if self.times is not None:
            self.times -= 1
        return True


def error(code: str, message: str | None, status: int | None) -> AwsError:
    """The AWS error a fault answers with, with AWS's usual message and status for the code."""
    return AwsError(
        code,
        _DEFAULT_MESSAGES.get(code, "Injected by ecsmock.") if message is None else message,
        _DEFAULT_STATUS.get(code, 400) if status is None else status,
    )


class Faults:
    def __init__(self) -> None:
        self._planned: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.every < 1 or (fault.times is not None and fault.times < 1):
            raise ValueError("times and every must be positive")
        self._planned.append(fault)

    def clear(self) -> None:
        self._planned.clear()

    def due(self, operation: str) -> list[Fault]:
        """The faults this call of `operation` meets; each call counts once per fault."""
        return [f for f in self._planned if f.operation == operation and f.fires()]
