"""Activation: `mock_ecs` as a decorator, a context manager (sync and async) or start/stop, and the
handle a test uses to read and shape the mocked state."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, overload

import wrapt

from ecsmock import faults, hook
from ecsmock.models import EVERY_CLUSTER_FIELD, INACTIVE, Cluster, Counts, Json
from ecsmock.operations import OPERATIONS
from ecsmock.registry import Backend, Quotas, RegionState

if TYPE_CHECKING:
    import unittest

    from mypy_boto3_ecs import ECSClient

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"
_TEST_PREFIX = "test"
_FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_EC2_METADATA_DISABLED": "true",  # no credential or region lookups on the network
}

_stack: list[EcsMock] = []  # active mocks, innermost last
_stack_lock = threading.RLock()
_saved_environment: dict[str, str | None] = {}


class EcsMock:
    """An ECS mock: activate it (decorator, `with`, `async with`, `start()`), then use it as the
    handle on the mocked state.

    Activations nest: an activation inside another shares its state, and the outermost one starts
    empty. The same mock may be entered again while active (a decorated test calling another);
    each `start()` then needs its `stop()`.
    """

    def __init__(
        self, account_id: str = DEFAULT_ACCOUNT_ID, *, passthrough: Iterable[str] = ()
    ) -> None:
        if not re.fullmatch(r"\d{12}", account_id):
            raise ValueError(f"account_id must be 12 digits, got {account_id!r}")
        self.account_id = account_id
        self.passthrough = tuple(passthrough)
        self._depth = 0
        self._backend: Backend | None = None

    # Activation

    def start(self) -> EcsMock:
        with _stack_lock:
            self._depth += 1
            if self._depth > 1:  # already active: entering again must not reset its state
                return self
            self._backend = _stack[-1].backend if _stack else Backend()
            if not _stack:
                _fake_environment()
            _stack.append(self)
            hook.push(self)
        return self

    def stop(self) -> None:
        with _stack_lock:
            if self._depth == 0:  # stopping an inactive mock is harmless, as in a failed setUp
                return
            self._depth -= 1
            if self._depth:
                return
            hook.pop(self)
            _stack.remove(self)
            if not _stack:
                _restore_environment()

    @property
    def active(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> EcsMock:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:  # a failing test's error passes untouched
        self.stop()

    async def __aenter__(self) -> EcsMock:
        return self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        self.stop()

    @overload
    def __call__(self, target: type[T]) -> type[T]: ...
    @overload
    def __call__(self, target: Callable[P, R]) -> Callable[P, R]: ...
    def __call__(self, target: Any) -> Any:
        """Decorate a test function, method, coroutine function, class or TestCase."""
        if isinstance(target, type):
            if _is_test_case(target):
                return self._decorate_test_case(target)
            return self._decorate_class(target)
        if inspect.iscoroutinefunction(target):
            return self._decorate_coroutine(target)
        if callable(target):
            return self._decorate_callable(target)
        raise TypeError(f"mock_ecs cannot decorate {target!r}: give it a function or a class")

    def _decorate_callable(self, func: Callable[..., Any]) -> Any:
        @wrapt.decorator
        def active(wrapped: Any, _instance: Any, args: Any, kwargs: Any) -> Any:
            with self:
                return wrapped(*args, **kwargs)

        return active(func)

    def _decorate_coroutine(self, func: Callable[..., Any]) -> Any:
        @wrapt.decorator
        async def active(wrapped: Any, _instance: Any, args: Any, kwargs: Any) -> Any:
            with self:  # entered when awaited, so the mock is active while the body runs
                return await wrapped(*args, **kwargs)

        return active(func)

    def _decorate_class(self, cls: type[T]) -> type[T]:
        for name, value in list(vars(cls).items()):
            if name.startswith(_TEST_PREFIX) and inspect.isfunction(value):
                setattr(cls, name, self(value))
        return cls

    def _decorate_test_case(self, cls: type[T]) -> type[T]:
        set_up = cls.setUp  # type: ignore[attr-defined]

        def setUp(test: unittest.TestCase) -> None:
            self.start()
            test.addCleanup(self.stop)  # cleanups run after tearDown, even when setUp fails
            set_up(test)

        cls.setUp = setUp  # type: ignore[attr-defined]
        return cls

    # The handle

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            raise RuntimeError("this mock has never been started: activate it first")
        return self._backend

    def lets_through(self, url: str) -> bool:
        return url.startswith(self.passthrough) if self.passthrough else False

    def client(self, region_name: str = DEFAULT_REGION, **kwargs: Any) -> ECSClient:
        """A boto3 ECS client, for the tests that have none of their own."""
        import boto3  # lazy: most tests make their own clients

        return boto3.client("ecs", region_name=region_name, **kwargs)

    def _state(self, region: str | None, account_id: str | None) -> RegionState:
        region = region or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
        return self.backend.region(account_id or self.account_id, region)

    def clusters(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """Every cluster (INACTIVE ones too) by name, as DescribeClusters shows it with every
        `include`. A copy: changing it changes nothing."""
        state = self._state(region, account_id)
        with self.backend.lock:
            clusters = state.clusters.items()
            return copy.deepcopy({n: c.to_api(EVERY_CLUSTER_FIELD) for n, c in clusters})

    def capacity_providers(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Json]:
        """Every capacity provider created (INACTIVE ones too) by name, with its tags. A copy."""
        state = self._state(region, account_id)
        with self.backend.lock:
            return copy.deepcopy({n: p.to_api() for n, p in state.capacity_providers.items()})

    def account_settings(
        self, *, region: str | None = None, account_id: str | None = None
    ) -> dict[tuple[str, str], str]:
        """The account settings set so far: (principal ARN, name) -> value."""
        state = self._state(region, account_id)
        with self.backend.lock:
            return dict(state.account_settings)

    def snapshot(self) -> Json:
        """Everything the mock holds, in every account and Region, as plain data: two snapshots
        are equal exactly when nothing changed in between."""
        with self.backend.lock:
            return copy.deepcopy(
                {
                    f"{account}/{region}": state.to_api()
                    for (account, region), state in self.backend.regions.items()
                    if not state.is_empty
                }
            )

    def reset(self) -> None:
        """Forget every resource, setting, quota change and planned fault."""
        self.backend.reset()

    @property
    def quotas(self) -> Quotas:
        """AWS's adjustable quotas, e.g. `ecs.quotas.clusters = 3` (clusters per Region)."""
        return self.backend.quotas

    def set_principal(self, principal_arn: str | None, *, account_id: str | None = None) -> None:
        """Make calls come from this IAM principal (None: the account's root user), which is
        whose account settings apply."""
        self.backend.account(account_id or self.account_id).principal_arn = principal_arn

    def set_cluster_counts(
        self,
        cluster: str,
        *,
        region: str | None = None,
        account_id: str | None = None,
        registered_container_instances: int = 0,
        running_ec2_tasks: int = 0,
        running_fargate_tasks: int = 0,
        pending_ec2_tasks: int = 0,
        pending_fargate_tasks: int = 0,
        active_ec2_services: int = 0,
        active_fargate_services: int = 0,
        draining_ec2_services: int = 0,
        draining_fargate_services: int = 0,
    ) -> None:
        """Say what runs in a cluster, which ecsmock cannot yet reach through the API: the counts
        and statistics DescribeClusters shows, and what keeps DeleteCluster from deleting it."""
        counts = Counts(
            registered_container_instances,
            running_ec2_tasks,
            running_fargate_tasks,
            pending_ec2_tasks,
            pending_fargate_tasks,
            active_ec2_services,
            active_fargate_services,
            draining_ec2_services,
            draining_fargate_services,
        )
        if min(dataclasses.astuple(counts)) < 0:
            raise ValueError("counts cannot be negative")
        with self.backend.lock:
            self._cluster(cluster, region, account_id).counts = counts

    def mark_capacity_provider_in_use(
        self,
        cluster: str,
        capacity_provider: str,
        *,
        in_use: bool = True,
        region: str | None = None,
        account_id: str | None = None,
    ) -> None:
        """Say that tasks of `cluster` run on `capacity_provider`, so that removing it from the
        cluster fails with ResourceInUseException."""
        with self.backend.lock:
            target = self._cluster(cluster, region, account_id)
            if capacity_provider not in (target.capacity_providers or ()):
                raise ValueError(
                    f"capacity provider {capacity_provider!r} is not associated with cluster "
                    f"{cluster!r}; it has {target.capacity_providers or []}"
                )
            marked = {capacity_provider} if in_use else set()
            target.providers_in_use = (target.providers_in_use - {capacity_provider}) | marked

    def _cluster(self, name: str, region: str | None, account_id: str | None) -> Cluster:
        state = self._state(region, account_id)
        cluster = state.find_cluster(name)
        if cluster is None or cluster.status == INACTIVE:
            active = [n for n, c in state.clusters.items() if c.status != INACTIVE]
            raise KeyError(
                f"no active cluster {name!r} in {state.account_id}/{state.region}; "
                f"active clusters there: {active}"
            )
        return cluster

    def fail(
        self,
        operation: str,
        code: str,
        message: str | None = None,
        *,
        times: int | None = 1,
        every: int = 1,
        status: int | None = None,
    ) -> None:
        """Make calls of `operation` fail with the AWS error `code`: the next `times` calls
        (None: every call), or with `every=K` each K-th call. The error travels through
        botocore's retry logic as a real one does (ServerException answers 500, so it is
        retried; ThrottlingException is retried too)."""
        self._plan(operation, faults.error(code, message, status), 0.0, times, every)

    def delay(
        self, operation: str, seconds: float, *, times: int | None = 1, every: int = 1
    ) -> None:
        """Make calls of `operation` take `seconds` longer, as `fail` picks them."""
        if seconds < 0:
            raise ValueError("seconds cannot be negative")
        self._plan(operation, None, seconds, times, every)

    def _plan(
        self,
        operation: str,
        error: Any,
        delay: float,
        times: int | None,
        every: int,
    ) -> None:
        if operation not in OPERATIONS:
            raise ValueError(
                f"ecsmock does not serve {operation!r}; it serves {', '.join(sorted(OPERATIONS))}"
            )
        with self.backend.lock:
            self.backend.faults.add(faults.Fault(operation, error, delay, times, every))


def _is_test_case(cls: type) -> bool:
    # A TestCase subclass exists only once unittest is imported; not importing it here keeps
    # `import ecsmock` about 4 ms lighter.
    case = sys.modules.get("unittest")
    return case is not None and issubclass(cls, case.TestCase)


def _fake_environment() -> None:
    """Credentials that are never real, and a Region when none is configured; restored after."""
    names = [*_FAKE_ENVIRONMENT, "AWS_DEFAULT_REGION"]
    _saved_environment.update({name: os.environ.get(name) for name in names})
    os.environ.update(_FAKE_ENVIRONMENT)
    if not (os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION")):
        os.environ["AWS_DEFAULT_REGION"] = DEFAULT_REGION


def _restore_environment() -> None:
    for name, value in _saved_environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _saved_environment.clear()


@overload
def mock_ecs(target: type[T], /) -> type[T]: ...
@overload
def mock_ecs(target: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def mock_ecs(
    *, account_id: str = DEFAULT_ACCOUNT_ID, passthrough: Iterable[str] = ()
) -> EcsMock: ...
def mock_ecs(
    target: Any = None,
    /,
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    passthrough: Iterable[str] = (),
) -> Any:
    """Serve every botocore ECS client in-process.

    `@mock_ecs` decorates a test function, method, coroutine function, class or TestCase;
    `@mock_ecs(account_id=...)` configures it; `with mock_ecs() as ecs:` gives the handle.
    `passthrough` lists URL prefixes that requests may still reach (a local server you run).
    """
    mock = EcsMock(account_id, passthrough=passthrough)
    return mock if target is None else mock(target)
