"""The pytest plugin (entry point `pytest11`): the `ecs_mock` and `ecs_client` fixtures, the
`ecsmock` marker that configures them, and the check that no test leaves a mock running."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ecsmock import EcsMock, mock_ecs
from ecsmock.mock import Boundary, spanning_tests

if TYPE_CHECKING:
    from mypy_boto3_ecs import ECSClient

_BOUNDARY = pytest.StashKey[Boundary]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "ecsmock(account_id=..., passthrough=[...], seed=...): configure the ecs_mock fixture",
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any]) -> Generator[None]:
    """A mock that a class, module or session fixture starts spans its tests on purpose."""
    if fixturedef.scope == "function":
        yield
        return
    with spanning_tests():
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None]:
    item.stash[_BOUNDARY] = Boundary(item.nodeid)
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None]:
    """After the test's own fixtures are gone, report and stop any mock it left running."""
    yield
    item.stash[_BOUNDARY].close()


@pytest.fixture
def ecs_mock(request: pytest.FixtureRequest) -> Iterator[EcsMock]:
    """An active ECS mock, empty at the start of the test; the handle on its state."""
    marker = request.node.get_closest_marker("ecsmock")
    with mock_ecs(**(marker.kwargs if marker else {})) as mock:
        yield mock


@pytest.fixture
def ecs_client(ecs_mock: EcsMock) -> ECSClient:
    """A boto3 ECS client in us-east-1, served by `ecs_mock`."""
    return ecs_mock.client()
