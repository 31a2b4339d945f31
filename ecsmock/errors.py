"""AWS-shaped errors that operations raise, and the errors ecsmock raises in the test itself."""

from __future__ import annotations

from ecsmock.messages import Errors


class AwsError(Exception):
    """An error answered to botocore as AWS would: HTTP status and `{"__type", "message"}`."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status

    @classmethod
    def of(cls, entry: Errors, **fields: object) -> AwsError:
        spec = entry.value
        return cls(spec.code, spec.text.format(**fields), spec.status)


class EcsMockError(Exception):
    """Base of the errors ecsmock raises in the test itself rather than answering as AWS."""


class UnservedOperationError(EcsMockError, NotImplementedError):
    """An ECS operation, or a feature of one, that ecsmock does not serve."""


class NetworkBlockedError(EcsMockError):
    """A request that no mock answered: ecsmock stopped it before it reached the network."""
