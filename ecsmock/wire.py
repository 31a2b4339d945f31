"""The awsJson1_1 wire: an ECS request (X-Amz-Target and JSON body) in, an HTTP reply out.

This is the whole server side of ecsmock and knows nothing of botocore, so the same core could
sit behind an HTTP server for the AWS CLI or other SDKs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.utils import formatdate

from ecsmock import service_model
from ecsmock.errors import AwsError, UnservedOperationError
from ecsmock.messages.wire import WireErrors
from ecsmock.operations import OPERATIONS, Operation
from ecsmock.params import Params
from ecsmock.state import Backend

TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113."
_JSON = "application/x-amz-json-1.1"
# Responses are plain trees of dicts and lists, never cyclic: skipping the cycle check saves
# about 10% of encoding a large answer (DescribeClusters of 100 clusters).
_ENCODER = json.JSONEncoder(separators=(",", ":"), check_circular=False)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    delay: float = 0.0  # seconds a planned fault makes the caller wait: sync or async, its choice


def serve(backend: Backend, account_id: str, region: str, target: str, body: bytes) -> Reply:
    """Answer one request for `account_id` in `region` as ECS would."""
    delay = 0.0
    with backend.lock:  # the world as the call finds it: every transition due by now has run
        backend.scheduler.run_due()
        stamp = _Stamp(backend.ids.uuid(), backend.clock.now())
        try:
            operation = _operation(target)
            request = _decode(body)
            due = backend.faults.due(target.removeprefix(TARGET_PREFIX))
            delay = sum(fault.delay for fault in due)
            for fault in due:
                if fault.error is not None:
                    raise fault.error
            result = operation(backend.region(account_id, region), request)
        except AwsError as error:
            error_body = {"__type": error.code, "message": error.message}
            return _reply(stamp, error.status, error_body, delay)
    return _reply(stamp, 200, result, delay)  # encoded outside the lock: it shares no state


@dataclass(frozen=True)
class _Stamp:
    request_id: str
    moment: float


def _operation(target: str) -> Operation:
    name = target.removeprefix(TARGET_PREFIX)
    if name == target:
        raise AwsError.of(WireErrors.UNKNOWN_OPERATION, target=target or "(no X-Amz-Target)")
    if name in OPERATIONS:
        return OPERATIONS[name]
    if name in service_model.operation_names():
        raise UnservedOperationError(
            f"ecsmock does not serve the ECS operation {name} yet. It serves: "
            f"{', '.join(sorted(OPERATIONS))}. Mock this call another way, or ask for it at "
            "ecsmock's issue tracker."
        )
    raise AwsError.of(WireErrors.UNKNOWN_OPERATION, target=target)


def _decode(body: bytes) -> Params:
    try:
        data = json.loads(body or b"{}")
    except (ValueError, RecursionError):
        raise AwsError.of(WireErrors.NOT_JSON) from None
    if not isinstance(data, dict):
        raise AwsError.of(WireErrors.NOT_JSON)
    return Params(data)


def _reply(stamp: _Stamp, status: int, content: object, delay: float) -> Reply:
    body = _ENCODER.encode(content).encode()
    headers = {
        "x-amzn-RequestId": stamp.request_id,
        "Content-Type": _JSON,
        "Content-Length": str(len(body)),
        "Date": formatdate(stamp.moment, usegmt=True),
    }
    return Reply(status, headers, body, delay)
