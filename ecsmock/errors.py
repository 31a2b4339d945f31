"""AWS-shaped errors that operations raise, and the errors ecsmock raises in the test itself."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Provenance(enum.StrEnum):
    AWS = "AWS"  # the text was seen verbatim in real AWS output
    DOC = "DOC"  # the behaviour is documented by AWS; the text is ecsmock's
    DECISION = "DECISION"  # AWS's behaviour is unknown; behaviour and text are ecsmock's choice


@dataclass(frozen=True)
class Message:
    """One entry of an error table: what ecsmock answers, and why."""

    code: str
    text: str  # a str.format template
    provenance: Provenance
    source: str
    status: int = 400


class ErrorTable(enum.Enum):
    """The base of every error table (`ecsmock.messages`): each member's value is a Message."""

    @property
    def message(self) -> Message:
        entry: Message = self.value
        return entry


class AwsError(Exception):
    """An error answered to botocore as AWS would: HTTP status and `{"__type", "message"}`."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status

    @classmethod
    def of(cls, entry: ErrorTable, **fields: object) -> AwsError:
        spec = entry.message
        return cls(spec.code, spec.text.format(**fields), spec.status)


class EcsMockError(Exception):
    """Base of the errors ecsmock raises in the test itself rather than answering as AWS."""


class UnservedOperationError(EcsMockError, NotImplementedError):
    """An ECS operation, or a feature of one, that ecsmock does not serve."""


class NetworkBlockedError(EcsMockError):
    """A request that no mock answered: ecsmock stopped it before it reached the network."""


class MockLeftRunningWarning(UserWarning):
    """A test ended with a mock it started still running: ecsmock stopped it, so that the next
    test does not inherit its world."""
