"""The suite's fixtures, and a guard for the whole run: nothing may reach the network. What the
tests share besides fixtures is in support.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from support import NETWORK_ATTEMPTS, ecs, guard_network

from ecsmock import EcsMock, mock_ecs

guard_network()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(
        f"ecsmock: network connection attempts seen: {len(NETWORK_ATTEMPTS)}"
    )


@pytest.fixture(autouse=True)
def _not_mocked_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys that say "no mock set these", whatever the machine has: tests tell a faked
    environment from a restored one by them (a CI that exports moto's "testing" keys too)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "outside-any-mock")


@pytest.fixture(autouse=True)
def _no_network() -> Iterator[None]:
    before = len(NETWORK_ATTEMPTS)
    yield
    assert NETWORK_ATTEMPTS[before:] == [], "a test tried to reach the network"


@pytest.fixture
def mock() -> Iterator[EcsMock]:
    """An active mock whose indexes and counts are audited against its stores at the end."""
    with mock_ecs() as active:
        yield active
        assert active._audit() == []


@pytest.fixture
def client(mock: EcsMock) -> Any:
    return ecs()


@pytest.fixture
def raw(mock: EcsMock) -> Any:
    """A client that sends whatever it is given: botocore checks nothing."""
    return ecs(validate=False)


@pytest.fixture
def cluster(client: Any) -> str:
    """A cluster named `c`, for the families that work inside one."""
    client.create_cluster(clusterName="c")
    return "c"
