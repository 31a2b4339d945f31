"""Activation: `mock_ecs` as a decorator, a context manager (sync and async) or start/stop.

Which mock answers a call is decided in the caller's context (see `hook`): activations nest per
thread or asyncio task, and a test's mocks never answer another thread's own. A mock that a test
starts and leaves running is reported and stopped at the end of that test (`Boundary`), so no
test inherits another's world.
"""

from __future__ import annotations

import contextvars
import inspect
import os
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, overload

import wrapt

from ecsmock import environment, hook
from ecsmock.errors import MockLeftRunningWarning
from ecsmock.handle import DEFAULT_ACCOUNT_ID, Handle
from ecsmock.state import Backend

if TYPE_CHECKING:
    import unittest

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

_TEST_PREFIX = "test"
_HERE = os.path.dirname(__file__) + os.sep  # ecsmock's own files, not a neighbour's

_running: list[EcsMock] = []  # started and not yet stopped, in the whole process
_lock = threading.RLock()
_boundary: contextvars.ContextVar[Boundary | None] = contextvars.ContextVar(
    "ecsmock_boundary", default=None
)


class EcsMock(Handle):
    """An ECS mock: activate it (decorator, `with`, `async with`, `start()`), then use it as the
    handle on the mocked state.

    Activations nest within a thread or asyncio task: one inside another shares its state, and
    the outermost one starts empty. The same mock may be entered again while active (a decorated
    test calling another); each `start()` then needs its `stop()`.
    """

    def __init__(
        self,
        account_id: str = DEFAULT_ACCOUNT_ID,
        *,
        passthrough: Iterable[str] = (),
        seed: int | None = None,
    ) -> None:
        if not re.fullmatch(r"\d{12}", account_id):
            raise ValueError(f"account_id must be 12 digits, got {account_id!r}")
        super().__init__(account_id)
        self.passthrough = tuple(passthrough)
        self.seed = seed
        self._depth = 0
        self._server: hook.Server | None = None
        self._owner: Boundary | None = None  # the test it was started in, if any
        self._origin = ""

    # Activation

    def start(self) -> EcsMock:
        with _lock:
            self._depth += 1
            if self._depth == 1:
                outer = hook.innermost()
                self._backend = outer.backend if outer else Backend(self.seed)
                self._server = hook.Server(self._backend, self.account_id, self.passthrough)
                if not _running:
                    environment.fake()
                _running.append(self)
                self._owner = _boundary.get()
                self._origin = _caller()
            assert self._server is not None
            hook.push(self._server)  # entering again: active in this context too
        return self

    def stop(self) -> None:
        with _lock:
            if self._depth == 0:  # stopping an inactive mock is harmless, as in a failed setUp
                return
            assert self._server is not None
            self._depth -= 1
            if self._depth:
                hook.leave(self._server)
                return
            hook.pop(self._server)
            _running.remove(self)
            if not _running:
                environment.restore()

    def _stop_fully(self) -> None:
        with _lock:
            self._depth = min(self._depth, 1)
            self.stop()

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

    def _activation(self) -> EcsMock:
        """A mock configured as this one, for one call of what it decorates: calls that run at
        once (threads, tasks) each have their own, and a nested one shares the world around it."""
        return EcsMock(self.account_id, passthrough=self.passthrough, seed=self.seed)

    # Decorating

    @overload
    def __call__(self, target: type[T]) -> type[T]: ...
    @overload
    def __call__(self, target: Callable[P, R]) -> Callable[P, R]: ...
    def __call__(self, target: Any) -> Any:
        """Decorate a test function, method, generator, coroutine function, class or TestCase."""
        if isinstance(target, type):
            if _is_test_case(target):
                return self._decorate_test_case(target)
            return self._decorate_class(target)
        if inspect.isasyncgenfunction(target):
            return self._decorate_async_generator(target)
        if inspect.iscoroutinefunction(target):
            return self._decorate_coroutine(target)
        if inspect.isgeneratorfunction(target):
            return self._decorate_generator(target)
        if callable(target):
            return self._decorate_callable(target)
        raise TypeError(f"mock_ecs cannot decorate {target!r}: give it a function or a class")

    @contextmanager
    def _test(self, func: Callable[..., Any]) -> Iterator[None]:
        """Active around a test's body, which may leave no other mock running."""
        boundary = Boundary(func.__qualname__)
        try:
            with self._activation():
                yield
        except BaseException:
            boundary.close(quietly=True)  # the test's own error says more
            raise
        boundary.close()

    def _decorate_callable(self, func: Callable[..., Any]) -> Any:
        @wrapt.decorator
        def active(wrapped: Any, _instance: Any, args: Any, kwargs: Any) -> Any:
            with self._test(func):
                return wrapped(*args, **kwargs)

        return active(func)

    def _decorate_coroutine(self, func: Callable[..., Any]) -> Any:
        @wrapt.decorator
        async def active(wrapped: Any, _instance: Any, args: Any, kwargs: Any) -> Any:
            with self._test(func):  # entered when awaited: active while the body runs
                return await wrapped(*args, **kwargs)

        return active(func)

    def _decorate_generator(self, func: Callable[..., Any]) -> Any:
        @wrapt.decorator
        def active(wrapped: Any, _instance: Any, args: Any, kwargs: Any) -> Any:
            with self._activation():  # from the first step to the last: a yield fixture's span
                return (yield from wrapped(*args, **kwargs))

        return active(func)

    def _decorate_async_generator(self, func: Callable[..., Any]) -> Any:
        @wrapt.decorator
        async def active(wrapped: Any, _instance: Any, args: Any, kwargs: Any) -> Any:
            with self._activation():
                inner = wrapped(*args, **kwargs)
                try:  # every item, with what is sent or thrown in passed on
                    item = await inner.__anext__()
                    while True:
                        try:
                            sent = yield item
                        except GeneratorExit:
                            raise
                        except BaseException as error:
                            item = await inner.athrow(error)
                        else:
                            item = await inner.asend(sent)
                except StopAsyncIteration:
                    return
                finally:
                    await inner.aclose()

        return active(func)

    def _decorate_class(self, cls: type[T]) -> type[T]:
        for name in dir(cls):  # inherited tests too
            value = inspect.getattr_static(cls, name)
            kind = type(value) if isinstance(value, staticmethod | classmethod) else None
            func = value.__func__ if kind is not None else value
            if name.startswith(_TEST_PREFIX) and inspect.isfunction(func):
                decorated = self(func)
                setattr(cls, name, kind(decorated) if kind is not None else decorated)
        self._span(cls, "setup_method", "teardown_method", per_class=False)
        self._span(cls, "setup_class", "teardown_class", per_class=True)
        return cls

    def _span(self, cls: type, setup_name: str, teardown_name: str, per_class: bool) -> None:
        """Keep a mock active from pytest's `setup_*` to its `teardown_*`, so that what the
        setup makes is there in the tests, when the class has either: one activation per test
        (or per class), kept by what it was set up for."""
        setup = inspect.getattr_static(cls, setup_name, None)
        teardown = inspect.getattr_static(cls, teardown_name, None)
        if setup is None and teardown is None:
            return
        activations: dict[int, EcsMock] = {}

        def set_up(owner: Any, argument: Any = None) -> None:
            activation = activations[id(owner)] = self._activation().start()
            try:
                _call_as_pytest_does(setup, owner, argument, per_class)
            except BaseException:
                activations.pop(id(owner))
                activation.stop()
                raise

        def tear_down(owner: Any, argument: Any = None) -> None:
            try:
                _call_as_pytest_does(teardown, owner, argument, per_class)
            finally:
                activations.pop(id(owner)).stop()

        wrap = classmethod if per_class else _same
        setattr(cls, setup_name, wrap(set_up))
        setattr(cls, teardown_name, wrap(tear_down))

    def _decorate_test_case(self, cls: type[T]) -> type[T]:
        set_up = cls.setUp  # type: ignore[attr-defined]
        set_up_class = inspect.getattr_static(cls, "setUpClass")
        case = sys.modules["unittest"].TestCase

        def setUp(test: unittest.TestCase) -> None:
            boundary = Boundary(test.id())
            activation = self._activation().start()
            test.addCleanup(boundary.close)  # cleanups run last first, after tearDown, even
            test.addCleanup(activation.stop)  # when setUp fails
            set_up(test)

        cls.setUp = setUp  # type: ignore[attr-defined]
        if set_up_class.__func__ is not case.setUpClass.__func__:  # the world spans the class

            def setUpClass(owner: type[unittest.TestCase]) -> None:
                activation = self._activation().start()
                owner.addClassCleanup(activation.stop)
                set_up_class.__func__(owner)

            cls.setUpClass = classmethod(setUpClass)  # type: ignore[attr-defined]
        return cls


class Boundary:
    """A test's span. A mock started inside it (in its context: its thread or task, and the
    tasks they create) and still running at its end was left running: it is reported
    (`MockLeftRunningWarning`, naming where it started) and stopped, so that the next test
    starts from an empty world. Boundaries nest: a mock belongs to the innermost."""

    def __init__(self, test: str) -> None:
        self.test = test
        self._token = _boundary.set(self)

    def close(self, quietly: bool = False) -> None:
        with suppress(ValueError):  # closed from another context, which never saw it open
            _boundary.reset(self._token)
        with _lock:
            left = [mock for mock in _running if mock._owner is self]
        for mock in left:
            mock._stop_fully()
        if not quietly:
            for mock in left:
                warnings.warn(
                    MockLeftRunningWarning(
                        f"a mock_ecs started at {mock._origin} was still running at the end of "
                        f"{self.test}; ecsmock stopped it. Stop it in the test (with, or "
                        "try/finally around start() and stop()), or use the ecs_mock fixture."
                    ),
                    stacklevel=2,
                )


@contextmanager
def spanning_tests() -> Iterator[None]:
    """Mocks started inside (a fixture of class, module or session scope) outlive a test on
    purpose: they belong to no `Boundary`."""
    token = _boundary.set(None)
    try:
        yield
    finally:
        _boundary.reset(token)


def _same(func: Any) -> Any:
    return func


def _call_as_pytest_does(method: Any, owner: Any, argument: Any, per_class: bool) -> None:
    """Call an xunit-style setup or teardown as pytest does: `setup_method` gets the test
    function and `setup_class` the class, only if it takes an argument."""
    if method is None:
        return
    func = method.__get__(None, owner) if per_class else method.__get__(owner, type(owner))
    wanted = func.__code__.co_argcount - inspect.ismethod(func)
    if wanted:
        func(owner if per_class else argument)
    else:
        func()


def _caller() -> str:
    """Where the user's code activated a mock: the first frame outside ecsmock, wrapt and
    contextlib."""
    frame = sys._getframe(1)
    while frame.f_back is not None and (
        frame.f_code.co_filename.startswith(_HERE)
        or frame.f_globals.get("__name__", "").startswith(("wrapt", "contextlib"))
    ):
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno} ({frame.f_code.co_name})"


def _is_test_case(cls: type) -> bool:
    # A TestCase subclass exists only once unittest is imported; not importing it here keeps
    # `import ecsmock` about 4 ms lighter.
    case = sys.modules.get("unittest")
    return case is not None and issubclass(cls, case.TestCase)


@overload
def mock_ecs(target: type[T], /) -> type[T]: ...
@overload
def mock_ecs(target: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def mock_ecs(
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    passthrough: Iterable[str] = (),
    seed: int | None = None,
) -> EcsMock: ...
def mock_ecs(
    target: Any = None,
    /,
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    passthrough: Iterable[str] = (),
    seed: int | None = None,
) -> Any:
    """Serve every botocore ECS client in-process.

    `@mock_ecs` decorates a test function, method, generator, coroutine function, class or
    TestCase; `@mock_ecs(account_id=...)` configures it; `with mock_ecs() as ecs:` gives the
    handle. `passthrough` lists URL prefixes that requests may still reach (a local server you
    run). `seed` makes every id the mock makes up (ARNs, request ids) the same on every run; a
    mock nested in another shares the outer one's world, and its ids.
    """
    mock = EcsMock(account_id, passthrough=passthrough, seed=seed)
    return mock if target is None else mock(target)
