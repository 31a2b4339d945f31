"""Nothing leaks: other services are blocked, moto can answer them, and malformed wire input gets
AWS's protocol errors."""

from __future__ import annotations

import datetime
import email.utils
import os

import boto3
import pytest
from botocore.exceptions import EndpointConnectionError
from support import ecs, rejected, send

from ecsmock import NetworkBlockedError, UnservedOperationError, mock_ecs


def test_another_service_is_blocked_and_named(mock):
    s3 = boto3.client("s3", region_name="us-east-1")
    with pytest.raises(NetworkBlockedError, match="s3 ListBuckets to https://s3"):
        s3.list_buckets()


def test_unserved_ecs_operation_is_named_and_never_sent(mock, client):
    with pytest.raises(UnservedOperationError, match="ListServices"):
        client.list_services(cluster="c")


def test_custom_endpoint_is_served_unless_let_through():
    with mock_ecs():
        local = ecs(endpoint_url="http://localhost:4566")
        assert local.create_cluster(clusterName="c")["cluster"]["status"] == "ACTIVE"
    with mock_ecs(passthrough=["http://localhost:4566"]):
        local = ecs(endpoint_url="http://localhost:4566")
        with pytest.raises(EndpointConnectionError):
            local.list_clusters()
    from support import NETWORK_ATTEMPTS

    assert NETWORK_ATTEMPTS[-1][1] == 4566  # let through: it reached the socket guard
    NETWORK_ATTEMPTS[:] = [a for a in NETWORK_ATTEMPTS if a[1] != 4566]


def test_moto_answers_s3_while_ecsmock_answers_ecs():
    moto = pytest.importorskip("moto")
    with moto.mock_aws(), mock_ecs() as handle:
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="bucket-one")
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["bucket-one"]
        ecs().create_cluster(clusterName="c")
        assert list(handle.clusters()) == ["c"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"not json", "SerializationException"),
        (b"[1, 2]", "SerializationException"),
        (b"\xff\xfe", "SerializationException"),
        (b"[" * 100_000, "SerializationException"),
        (b'{"clusterName": {"a": 1}}', "SerializationException"),
    ],
)
def test_malformed_bodies(mock, client, body, code):
    with rejected(mock, code):
        send(client, "CreateCluster", body)


def test_a_body_set_as_text_is_read(mock, client):
    """botocore sends bytes, but a handler of the user's may set the body as a str."""
    assert send(client, "CreateCluster", '{"clusterName": "c"}')["cluster"]["clusterName"] == "c"


def test_an_empty_body_is_an_empty_request(mock, client):
    client.create_cluster(clusterName="c")
    assert send(client, "ListClusters", b"")["clusterArns"] == [
        "arn:aws:ecs:us-east-1:123456789012:cluster/c"
    ]


@pytest.mark.parametrize(
    "target",
    ["", "Nonsense.CreateCluster", "AmazonEC2ContainerServiceV20141113.MakeCoffee"],
)
def test_unknown_targets(mock, client, target):
    with rejected(mock, "UnknownOperationException"):
        send(client, "ListClusters", {}, target=target)


def test_replies_carry_the_headers_ecs_sends(client):
    """x-amzn-RequestId, Content-Type, Content-Length and Date, as real ECS answers
    (docs/rules.md, "The wire")."""
    raw: list[dict] = []
    client.meta.events.register(
        "before-parse.ecs", lambda response_dict, **_: raw.append(response_dict)
    )
    headers = client.list_clusters()["ResponseMetadata"]["HTTPHeaders"]
    assert headers["content-type"] == "application/x-amz-json-1.1"
    assert int(headers["content-length"]) == len(raw[0]["body"])
    sent = email.utils.parsedate_to_datetime(headers["date"])
    assert sent.utcoffset() == datetime.timedelta(0)
    assert headers["date"].endswith(" GMT")


def test_a_passthrough_prefix_ends_where_a_path_begins():
    with mock_ecs(passthrough=["http://localhost:4566"]):
        near = ecs(endpoint_url="http://localhost:45660")  # not under the prefix: served
        assert near.list_clusters()["clusterArns"] == []


def test_no_container_credential_fetch_while_mocked(monkeypatch, tmp_path):
    """A client with a named profile skips the fake credentials and would ask the container
    credential endpoint; while a mock is active there is none to ask."""
    config = tmp_path / "config"
    config.write_text("[profile dev]\nregion = us-east-1\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds")
    with mock_ecs():
        client = boto3.session.Session(profile_name="dev").client("ecs")
        assert client.list_clusters()["clusterArns"] == []
    assert os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] == "http://127.0.0.1:9/creds"
