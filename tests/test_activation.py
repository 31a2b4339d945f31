"""Every way to activate the mock, isolation between activations, and what happens outside."""

from __future__ import annotations

import asyncio
import inspect
import os
import unittest
from unittest.mock import patch

import boto3
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError
from botocore.stub import Stubber
from support import NETWORK_ATTEMPTS, cluster_names, create_provider, ecs

from ecsmock import EcsMock, mock_ecs


@mock_ecs
def test_bare_decorator_on_a_function():
    ecs().create_cluster(clusterName="f")
    assert cluster_names() == ["f"]


@mock_ecs(account_id="111122223333")
def test_configured_decorator():
    arn = ecs().create_cluster(clusterName="f")["cluster"]["clusterArn"]
    assert arn == "arn:aws:ecs:us-east-1:111122223333:cluster/f"


@mock_ecs
def test_decorated_test_receives_fixtures(tmp_path):
    assert tmp_path.exists()
    assert cluster_names() == []


def test_decorated_function_keeps_its_signature():
    def original(a, b=2):
        return a + b

    decorated = mock_ecs(original)
    assert inspect.signature(decorated) == inspect.signature(original)
    assert decorated(1) == 3


@mock_ecs
async def coroutine_body():
    await asyncio.sleep(0)
    ecs().create_cluster(clusterName="async")
    return cluster_names()


def test_decorated_coroutine_is_active_while_it_runs():
    assert inspect.iscoroutinefunction(coroutine_body)
    assert asyncio.run(coroutine_body()) == ["async"]


def test_async_with():
    async def body():
        async with mock_ecs() as handle:
            await asyncio.sleep(0)
            ecs().create_cluster(clusterName="a")
            return list(handle.clusters())

    assert asyncio.run(body()) == ["a"]


class Methods:
    @mock_ecs
    def test_method(self):
        ecs().create_cluster(clusterName="m")
        assert cluster_names() == ["m"]


def test_decorated_method():
    Methods().test_method()


@mock_ecs
class TestDecoratedClass:
    def test_one(self):
        ecs().create_cluster(clusterName="one")
        assert cluster_names() == ["one"]

    def test_two_starts_empty(self):
        assert cluster_names() == []

    def helper(self):
        return os.environ.get("AWS_ACCESS_KEY_ID")


def test_class_decorator_leaves_other_methods_alone():
    assert hasattr(TestDecoratedClass.test_one, "__wrapped__")
    assert not hasattr(TestDecoratedClass.helper, "__wrapped__")


@mock_ecs
class DecoratedTestCase(unittest.TestCase):
    def setUp(self):
        self.client = ecs()  # made in setUp: served
        self.client.create_cluster(clusterName="from-setup")

    def test_sees_setup(self):
        assert cluster_names(self.client) == ["from-setup"]

    def tearDown(self):
        self.client.delete_cluster(cluster="from-setup")  # still served in tearDown


def test_unittest_case_is_active_through_setup_test_and_teardown():
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(DecoratedTestCase).run(result)
    assert (result.testsRun, result.errors, result.failures) == (1, [], [])


@mock_ecs
class FailingSetUp(unittest.TestCase):
    __test__ = False  # run by the test below, not collected on its own

    def setUp(self):
        raise RuntimeError("setUp failed")

    def test_never_runs(self):
        raise AssertionError  # pragma: no cover


def test_mock_stops_when_setup_fails():
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(FailingSetUp).run(result)
    assert len(result.errors) == 1
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


def test_context_manager_gives_the_handle():
    with mock_ecs() as handle:
        ecs().create_cluster(clusterName="c")
        assert list(handle.clusters()) == ["c"]
    assert handle.clusters()["c"]["status"] == "ACTIVE"  # still readable afterwards


def test_start_and_stop():
    handle = mock_ecs()
    handle.start()
    try:
        ecs().create_cluster(clusterName="c")
        assert handle.active
    finally:
        handle.stop()
    assert not handle.active
    handle.stop()  # harmless


def test_starting_an_active_mock_again_keeps_its_state():
    handle = mock_ecs()
    with handle:
        ecs().create_cluster(clusterName="c")
        with handle:
            assert cluster_names() == ["c"]
        assert handle.active
        assert cluster_names() == ["c"]
    assert not handle.active


def test_nested_activations_share_state():
    with mock_ecs() as outer:
        ecs().create_cluster(clusterName="outer")
        with mock_ecs() as inner:
            ecs().create_cluster(clusterName="inner")
            assert cluster_names() == ["outer", "inner"]
            assert inner.snapshot() == outer.snapshot()
        assert cluster_names() == ["outer", "inner"]


def test_outer_mock_stopped_first_leaves_the_inner_one_serving():
    outer, inner = mock_ecs(), mock_ecs()
    outer.start()
    inner.start()
    ecs().create_cluster(clusterName="c")
    outer.stop()
    assert cluster_names() == ["c"]
    assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
    inner.stop()
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


def test_nested_mock_with_another_account_serves_that_account():
    with mock_ecs():
        ecs().create_cluster(clusterName="a")
        with mock_ecs(account_id="111122223333"):
            assert cluster_names() == []
        assert cluster_names() == ["a"]


def test_state_never_leaks_into_the_next_activation():
    with mock_ecs():
        ecs().create_cluster(clusterName="c")
    with mock_ecs():
        assert cluster_names() == []


def test_client_created_before_activation_is_served():
    client = boto3.client(
        "ecs", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="y"
    )
    with mock_ecs():
        assert client.create_cluster(clusterName="c")["cluster"]["clusterArn"].startswith(
            "arn:aws:ecs:eu-west-1:"
        )


def test_client_without_credentials_is_served(monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    client = boto3.session.Session().client("ecs", region_name="us-east-1")
    with mock_ecs():
        assert client.list_clusters()["clusterArns"] == []


def test_client_outside_any_mock_is_not_answered():
    client = boto3.client(
        "ecs",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        aws_access_key_id="x",
        aws_secret_access_key="y",
        config=Config(retries={"max_attempts": 0}),
    )
    with mock_ecs():
        assert client.list_clusters()["clusterArns"] == []
    attempts = len(NETWORK_ATTEMPTS)
    with pytest.raises(EndpointConnectionError):
        client.list_clusters()
    assert NETWORK_ATTEMPTS.pop() == ("127.0.0.1", 9)  # the attempt provoked on purpose
    assert len(NETWORK_ATTEMPTS) == attempts


def test_environment_is_faked_and_restored(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "real-looking")
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    with mock_ecs():
        assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
        assert os.environ["AWS_DEFAULT_REGION"] == "us-east-1"
        assert boto3.client("ecs").meta.region_name == "us-east-1"
    assert os.environ["AWS_ACCESS_KEY_ID"] == "real-looking"
    assert "AWS_DEFAULT_REGION" not in os.environ


def test_a_configured_region_is_kept(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-south-1")
    with mock_ecs() as handle:
        boto3.client("ecs").create_cluster(clusterName="c")
        assert list(handle.clusters()) == ["c"]
        assert list(handle.clusters(region="ap-south-1")) == ["c"]


def test_reset_empties_everything():
    with mock_ecs() as handle:
        ecs().create_cluster(clusterName="c")
        handle.quotas.clusters = 1
        handle.reset()
        assert handle.snapshot() == {}
        assert handle.quotas.clusters == 10_000


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="12 digits"):
        mock_ecs(account_id="12")
    with pytest.raises(TypeError, match="cannot decorate"):
        EcsMock()(42)
    with pytest.raises(RuntimeError, match="never been started"):
        EcsMock().clusters()


def test_a_patch_laid_over_ecsmocks_outlives_it():
    """ecsmock's stop never undoes a patch someone laid over its own, and the wrapper it then
    leaves behind hands every call to botocore untouched."""
    original = BaseClient.__dict__["_make_api_call"]
    client = ecs(aws_access_key_id="x", aws_secret_access_key="y")  # usable after the mock
    mock = mock_ecs().start()

    def theirs(self: BaseClient, operation: str, params: dict[str, object]) -> dict[str, object]:
        return {"answeredBy": operation}

    try:
        with patch.object(BaseClient, "_make_api_call", theirs):
            mock.stop()
            assert BaseClient.__dict__["_make_api_call"] is theirs
            assert client.list_clusters() == {"answeredBy": "ListClusters"}
        with Stubber(client) as stubber:  # ecsmock's leftover wrapper is in place again
            stubber.add_response("list_clusters", {"clusterArns": ["stubbed"]})
            assert client.list_clusters()["clusterArns"] == ["stubbed"]
    finally:
        BaseClient._make_api_call = original  # type: ignore[method-assign]


def test_what_the_handle_returns_shares_nothing_with_the_state(mock, client):
    client.create_cluster(
        clusterName="c",
        configuration={"executeCommandConfiguration": {"logging": "DEFAULT"}},
    )
    create_provider(client, "p")
    before = mock.snapshot()
    snapshot = mock.snapshot()
    snapshot["123456789012/us-east-1"]["clusters"][0]["configuration"].clear()
    mock.clusters()["c"]["configuration"]["executeCommandConfiguration"]["logging"] = "NONE"
    mock.capacity_providers()["p"]["autoScalingGroupProvider"]["managedScaling"].clear()
    assert mock.snapshot() == before


def test_aws_region_alone_gives_clients_their_region(monkeypatch):
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.setenv("AWS_REGION", "eu-central-1")
    with mock_ecs():
        assert boto3.client("ecs").meta.region_name == "eu-central-1"
    assert "AWS_DEFAULT_REGION" not in os.environ
