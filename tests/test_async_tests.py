"""Async tests as users write them, with pytest-asyncio and with anyio: the fixtures, the
decorator on an async test, and a decorated async fixture (docs/usage.md, "Activating the mock")."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from support import cluster_names, ecs

from ecsmock import mock_ecs


@pytest.mark.asyncio
async def test_pytest_asyncio_test_with_the_fixtures(ecs_mock, ecs_client):
    await asyncio.sleep(0)
    ecs_client.create_cluster(clusterName="a")
    assert list(ecs_mock.clusters()) == ["a"]


@pytest.mark.asyncio
@mock_ecs
async def test_decorated_pytest_asyncio_test():
    await asyncio.sleep(0)
    ecs().create_cluster(clusterName="d")
    assert cluster_names() == ["d"]


@pytest_asyncio.fixture
@mock_ecs
async def async_world():
    ecs().create_cluster(clusterName="from-async-fixture")
    yield
    ecs().delete_cluster(cluster="from-async-fixture")  # still served at teardown


@pytest.mark.asyncio
async def test_decorated_async_fixture_spans_the_test(async_world):
    await asyncio.sleep(0)
    assert cluster_names() == ["from-async-fixture"]


@pytest.mark.anyio
async def test_anyio_test_with_the_fixtures(ecs_mock, ecs_client):
    ecs_client.create_cluster(clusterName="b")
    assert list(ecs_mock.clusters()) == ["b"]


@pytest.mark.anyio
@mock_ecs
async def test_decorated_anyio_test():
    ecs().create_cluster(clusterName="e")
    assert cluster_names() == ["e"]
