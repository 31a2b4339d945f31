"""The pytest plugin (entry point `pytest11`): the `ecs_mock` and `ecs_client` fixtures, and the
`ecsmock` marker that configures them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from ecsmock import EcsMock, mock_ecs

if TYPE_CHECKING:
    from mypy_boto3_ecs import ECSClient


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "ecsmock(account_id=..., passthrough=[...]): configure the ecs_mock fixture",
    )


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
