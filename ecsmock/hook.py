"""Where ecsmock meets botocore: it answers ECS requests at `before-send` and guards the network.

While a mock is active, three patches are in place (the first activation installs them, the last
removes them):

- `BaseClient._make_api_call` notes who answers the call (in a context variable, so the call is
  answered by the mock of its own thread or asyncio task) and hooks the client's own event
  emitter the first time, so every client is served, whenever it was created;
- `Endpoint._send`, botocore's one way to the network, refuses whatever no mock answered;
- `Waiter.wait` notes that a served ECS waiter is waiting, and `botocore.waiter`'s `time` then
  spends its sleeps on the mock's virtual clock: botocore's own waiter logic runs, in
  milliseconds of wall time.

The handlers then run inside botocore's normal request path: its serializer, parser, error
mapping, paginators and retries all do exactly what they do against AWS. ECS requests are left
unsigned (`choose-signer` answers UNSIGNED): they never leave the process, so they need no
credentials and skip the cost of SigV4.

Which mock answers: the innermost one active in the caller's context (its thread, or the asyncio
task, which inherits the context that created it); in a context that started none, such as a
thread the test started, the outermost mock active in the process.
"""

from __future__ import annotations

import contextvars
import threading
import time
import weakref
from dataclasses import dataclass
from typing import Any

import botocore
import botocore.waiter
import wrapt
from botocore.awsrequest import AWSPreparedRequest, AWSResponse, HTTPHeaders
from botocore.client import BaseClient
from botocore.endpoint import Endpoint
from botocore.waiter import Waiter

from ecsmock import wire
from ecsmock.errors import NetworkBlockedError
from ecsmock.state import Backend


@dataclass(eq=False)
class Server:
    """What answers calls for one active mock: its world, its account, what it lets through."""

    backend: Backend
    account_id: str
    passthrough: tuple[str, ...] = ()
    active: bool = False

    def lets_through(self, url: str) -> bool:
        """Whether `url` is under a passthrough prefix (`http://localhost:4566` lets
        `http://localhost:4566/x` through, not `http://localhost:45660`)."""
        return any(
            url.startswith(prefix) and (prefix.endswith("/") or url[len(prefix) :][:1] in "/?#")
            for prefix in self.passthrough
        )


@dataclass(frozen=True, slots=True)
class _Call:
    server: Server | None  # who answers; None: no mock does
    service: str
    operation: str
    region: str


_active: list[Server] = []  # in the whole process, outermost first
_lock = threading.Lock()
_entered: contextvars.ContextVar[tuple[Server, ...]] = contextvars.ContextVar(
    "ecsmock_entered", default=()
)
_call: contextvars.ContextVar[_Call | None] = contextvars.ContextVar("ecsmock_call", default=None)
_waiting: contextvars.ContextVar[Server | None] = contextvars.ContextVar(
    "ecsmock_waiting", default=None
)
_hooked: weakref.WeakSet[object] = weakref.WeakSet()
_ORIGINALS = {
    (BaseClient, "_make_api_call"): BaseClient.__dict__["_make_api_call"],
    (Endpoint, "_send"): Endpoint.__dict__["_send"],
    (Waiter, "wait"): Waiter.__dict__["wait"],
}


def push(server: Server) -> None:
    """Make `server` answer: in this context from now on, and in the process while active."""
    with _lock:
        if not server.active:
            if not _active:
                _patch(BaseClient, "_make_api_call", _make_api_call)
                _patch(Endpoint, "_send", _send)
                _patch(Waiter, "wait", _wait)
                vars(botocore.waiter)["time"] = _WAITER_TIME
            _active.append(server)
            server.active = True
    _entered.set((*_entered.get(), server))


def leave(server: Server) -> None:
    """Forget `server` in this context (it may stay active elsewhere)."""
    entered = _entered.get()
    for index in range(len(entered) - 1, -1, -1):
        if entered[index] is server:
            _entered.set(entered[:index] + entered[index + 1 :])
            return


def pop(server: Server) -> None:
    """Stop `server` answering anywhere."""
    leave(server)
    with _lock:
        server.active = False
        _active.remove(server)
        if not _active:
            _unpatch(BaseClient, "_make_api_call")
            _unpatch(Endpoint, "_send")
            _unpatch(Waiter, "wait")
            if vars(botocore.waiter)["time"] is _WAITER_TIME:
                vars(botocore.waiter)["time"] = time


def innermost() -> Server | None:
    """The innermost server still active that this context entered."""
    for server in reversed(_entered.get()):
        if server.active:
            return server
    return None


def serving() -> Server | None:
    """Who answers a call made here now."""
    server = innermost()
    if server is not None:
        return server
    active = list(_active)
    return active[0] if active else None


def _patch(owner: type, name: str, wrapper: Any) -> None:
    setattr(owner, name, wrapt.FunctionWrapper(_ORIGINALS[owner, name], wrapper))


def _unpatch(owner: type, name: str) -> None:
    current = owner.__dict__[name]
    if (
        isinstance(current, wrapt.FunctionWrapper)
        and current.__wrapped__ is _ORIGINALS[owner, name]
    ):
        setattr(owner, name, _ORIGINALS[owner, name])


def _make_api_call(wrapped: Any, client: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    active = list(_active)
    if not active:
        return wrapped(*args, **kwargs)
    meta = client.meta
    service = meta.service_model.service_name
    answers = service == "ecs" and not any(s.lets_through(meta.endpoint_url) for s in active)
    if answers and meta.events not in _hooked:
        _hook(meta.events)
    region = meta.region_name or "us-east-1"
    token = _call.set(_Call(serving() if answers else None, service, args[0], region))
    try:
        return wrapped(*args, **kwargs)
    finally:
        _call.reset(token)


def _hook(events: Any) -> None:
    with _lock:
        events.register_first("choose-signer.ecs", _unsigned, unique_id="ecsmock-unsigned")
        events.register_first("before-send.ecs", _answer, unique_id="ecsmock-answer")
        _hooked.add(events)


def _unsigned(**_: Any) -> Any:
    call = _call.get()
    return botocore.UNSIGNED if call is not None and call.server is not None else None


def _answer(request: AWSPreparedRequest, **_: Any) -> AWSResponse | None:
    call = _call.get()
    if call is None or call.server is None:
        return None
    reply = wire.serve(
        call.server.backend,
        call.server.account_id,
        call.region,
        _text(request.headers.get("X-Amz-Target", b"")),
        _bytes(request.body),
    )
    if reply.delay:  # a planned fault: slow, outside the state lock, in the caller's thread
        time.sleep(reply.delay)
    headers = HTTPHeaders.from_dict(reply.headers)
    return AWSResponse(request.url, reply.status, headers, _RawBody(reply.body))


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _bytes(body: object) -> bytes:
    """botocore sends bytes, or None for an empty body; a handler of the user's may set a str."""
    if isinstance(body, str):
        return body.encode()
    return bytes(body) if isinstance(body, bytes | bytearray) else b""


class _RawBody:
    """The raw stream botocore reads a response body from."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    def stream(self, **_: Any) -> Any:
        yield self._content


def _send(wrapped: Any, _endpoint: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    request = args[0]
    active = list(_active)
    if not active or any(server.lets_through(request.url) for server in active):
        return wrapped(*args, **kwargs)
    call = _call.get()
    what = f"{call.service} {call.operation}" if call else "a request"
    raise NetworkBlockedError(
        f"ecsmock stopped {what} to {request.url}: no mock answered it, and while a mock is "
        "active nothing may reach the network. Mock this service too (for example with moto's "
        "mock_aws), or let this endpoint through with mock_ecs(passthrough=[...])."
    )


def _wait(wrapped: Any, waiter: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """A waiter of a served ECS client waits on the mock's clock."""
    method = getattr(waiter._operation_method, "_client_method", None)
    client = getattr(method, "__self__", None)
    server = serving()
    if (
        server is None
        or client is None
        or client.meta.service_model.service_name != "ecs"
        or any(s.lets_through(client.meta.endpoint_url) for s in list(_active))
    ):
        return wrapped(*args, **kwargs)
    token = _waiting.set(server)
    try:
        return wrapped(*args, **kwargs)
    finally:
        _waiting.reset(token)


class _WaiterTime:
    """`botocore.waiter`'s `time` while a mock is active: a served waiter's sleep moves the
    mock's clock (and runs what falls due); any other sleep is a real one."""

    def sleep(self, seconds: float) -> None:
        server = _waiting.get()
        if server is None:
            time.sleep(seconds)
            return
        server.backend.advance(seconds)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


_WAITER_TIME = _WaiterTime()
