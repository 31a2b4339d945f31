"""Fault injection through the handle, and botocore's real retry logic on top of it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import botocore.endpoint
import pytest
from botocore.config import Config
from support import aws_error, ecs


@pytest.fixture
def sleeps(monkeypatch):
    """botocore's retry back-off, recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr(botocore.endpoint.time, "sleep", waited.append)
    return waited


def standard(total_attempts=3):
    """botocore's standard retry mode; 3 attempts in all is its default."""
    return Config(retries={"mode": "standard", "total_max_attempts": total_attempts})


def test_standard_retries_recover_from_two_throttles(mock, sleeps):
    mock.fail("CreateCluster", "ThrottlingException", times=2)
    response = ecs(config=standard()).create_cluster(clusterName="c")
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert len(sleeps) == 2
    assert list(mock.clusters()) == ["c"]


def test_five_throttles_reach_the_caller(mock, sleeps):
    mock.fail("CreateCluster", "ThrottlingException", times=5)
    with aws_error("ThrottlingException", "Rate exceeded") as info:
        ecs(config=standard()).create_cluster(clusterName="c")
    assert info.value.response["ResponseMetadata"]["RetryAttempts"] == 2
    assert mock.clusters() == {}


def test_server_exception_is_a_500_and_retried(mock, sleeps):
    mock.fail("ListClusters", "ServerException", times=1)
    assert ecs(config=standard()).list_clusters()["ResponseMetadata"]["RetryAttempts"] == 1
    mock.fail("ListClusters", "ServerException", times=1)
    with aws_error("ServerException", status=500):
        ecs(config=standard(1)).list_clusters()


def test_every_kth_call_fails(mock, client):
    mock.fail("DescribeClusters", "ClientException", "Planned.", times=None, every=3)
    outcomes = []
    for _ in range(7):
        try:
            client.describe_clusters()
            outcomes.append("ok")
        except client.exceptions.ClientException:
            outcomes.append("fail")
    assert outcomes == ["ok", "ok", "fail", "ok", "ok", "fail", "ok"]


def test_delay_sleeps_then_answers(mock, client, monkeypatch):
    import ecsmock.hook

    slept: list[float] = []
    monkeypatch.setattr(ecsmock.hook.time, "sleep", slept.append)
    mock.delay("ListClusters", 0.25, times=2)
    for _ in range(3):
        client.list_clusters()
    assert slept == [0.25, 0.25]


def test_faults_are_checked(mock):
    with pytest.raises(ValueError, match="does not serve 'CreateService'"):
        mock.fail("CreateService", "ThrottlingException")
    with pytest.raises(ValueError, match="DescribeClusters never answers ClusterNotFound"):
        mock.fail("DescribeClusters", "ClusterNotFoundException")
    with pytest.raises(ValueError, match="positive"):
        mock.fail("ListClusters", "ThrottlingException", every=0)
    for seconds in (-1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="finite number of seconds, 0 or more"):
            mock.delay("ListClusters", seconds)


def test_reset_clears_faults(mock, client):
    mock.fail("ListClusters", "ThrottlingException", times=None)
    mock.reset()
    assert client.list_clusters()["clusterArns"] == []


def test_faults_are_counted_under_the_state_lock(mock, client, monkeypatch):
    from ecsmock.faults import Faults

    held: list[bool] = []
    count = Faults.due

    def due(self, operation):
        held.append(mock._world.lock._is_owned())
        return count(self, operation)

    monkeypatch.setattr(Faults, "due", due)
    client.list_clusters()
    assert held == [True]


def test_threads_meet_exactly_the_planned_number_of_faults(mock):
    mock.fail("ListClusters", "ClientException", "planned", times=50)
    barrier = threading.Barrier(8)

    def calls() -> int:
        client = ecs()
        barrier.wait()
        failed = 0
        for _ in range(20):
            try:
                client.list_clusters()
            except client.exceptions.ClientException:
                failed += 1
        return failed

    with ThreadPoolExecutor(8) as pool:
        assert sum(pool.map(lambda _: calls(), range(8))) == 50


@pytest.mark.parametrize("status", [200, 99, 600])
def test_a_fault_is_an_error_status(mock, status):
    with pytest.raises(ValueError, match="400 to 599"):
        mock.fail("ListClusters", "ClientException", status=status)
