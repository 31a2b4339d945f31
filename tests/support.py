"""What the tests share: ECS clients whose every response is checked against botocore's model,
assertions for AWS errors that leave the world unchanged, a way to send any body, factories, and
the record of network attempts (the guard that fills it is installed by conftest.py)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.model import Shape

from ecsmock import EcsMock, faults

NETWORK_ATTEMPTS: list[object] = []


def guard_network() -> None:
    """From now on, any TCP connection the process opens is refused and recorded."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(address: object) -> None:
        NETWORK_ATTEMPTS.append(address)
        raise OSError(f"the test suite opened a network connection to {address!r}")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(address)
        return connect_ex(self, address)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]


# Codes of the awsJson protocol itself, which no operation's model lists.
WIRE_CODES = frozenset({"SerializationException", "UnknownOperationException"})  # from code
PROTOCOL_CODES = faults.PROTOCOL_CODES | WIRE_CODES  # and from planned faults


def check_shape(value: Any, shape: Shape, path: str = "") -> None:
    """Fail unless `value` is exactly what botocore's model allows for `shape`."""
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(value, dict), path
        members = shape.members  # type: ignore[attr-defined]
        assert set(value) <= set(members), f"{path}: unknown {set(value) - set(members)}"
        for name in shape.required_members:  # type: ignore[attr-defined]
            assert name in value, f"{path}.{name} is required"
        for name, member in value.items():
            assert member is not None, f"{path}.{name} is null"
            check_shape(member, members[name], f"{path}.{name}")
    elif kind == "list":
        assert isinstance(value, list), path
        for i, item in enumerate(value):
            check_shape(item, shape.member, f"{path}[{i}]")  # type: ignore[attr-defined]
    elif kind == "string":
        assert isinstance(value, str), path
        if shape.enum:  # type: ignore[attr-defined]
            assert value in shape.enum, f"{path}: {value!r} not in enum"  # type: ignore[attr-defined]
    elif kind in ("integer", "long"):
        assert isinstance(value, int), path
        assert not isinstance(value, bool), path
    elif kind == "boolean":
        assert isinstance(value, bool), path
    elif kind in ("double", "timestamp"):
        assert isinstance(value, int | float), path
        assert not isinstance(value, bool), path
    elif kind == "map":
        assert isinstance(value, dict), path
        for key, item in value.items():
            check_shape(key, shape.key, f"{path} key")  # type: ignore[attr-defined]
            check_shape(item, shape.value, f"{path}.{key}")  # type: ignore[attr-defined]
    else:  # pragma: no cover - ECS responses use no other kinds
        raise AssertionError(f"{path}: unexpected shape kind {kind}")


def check_response(operation_model: Any, response_dict: dict[str, Any], **_: Any) -> None:
    """A before-parse handler: every body ecsmock sends must be what AWS could send."""
    body = json.loads(response_dict["body"])
    status = response_dict["status_code"]
    headers = response_dict["headers"]
    assert headers["x-amzn-RequestId"]
    if status == 200:
        check_shape(body, operation_model.output_shape)
        return
    assert set(body) == {"__type", "message"}, body
    assert status in (400, 500, 503), status
    modeled = {shape.name for shape in operation_model.error_shapes}  # this operation's own
    assert body["__type"] in modeled | PROTOCOL_CODES, body


def checked(client: Any) -> Any:
    client.meta.events.register("before-parse.ecs", check_response)
    return client


def ecs(region: str = "us-east-1", validate: bool = True, **kwargs: Any) -> Any:
    """An ECS client whose responses are all checked against botocore's model."""
    if not validate:
        kwargs["config"] = Config(parameter_validation=False).merge(
            kwargs.get("config") or Config()
        )
    return checked(boto3.client("ecs", region_name=region, **kwargs))


@contextmanager
def aws_error(code: str, message: str | None = None, status: int = 400) -> Iterator[Any]:
    with pytest.raises(ClientError) as info:
        yield info
    error = info.value.response
    assert error["Error"]["Code"] == code, error
    if message is not None:
        assert error["Error"]["Message"] == message, error
    assert error["ResponseMetadata"]["HTTPStatusCode"] == status


@contextmanager
def rejected(mock: EcsMock, code: str, message: str | None = None) -> Iterator[Any]:
    """The call inside fails with this AWS error and leaves every bit of state as it was."""
    before = mock.snapshot(), mock.pending
    with aws_error(code, message) as info:
        yield info
    assert (mock.snapshot(), mock.pending) == before


def send(client: Any, operation: str, body: object, target: str | None = None) -> Any:
    """Call `operation` with exactly this JSON body (bytes or str: as given), past botocore's
    serializer, as a client of another SDK could send it."""
    data = body if isinstance(body, bytes | str) else json.dumps(body).encode()

    def replace(request: Any, **_: Any) -> None:
        request.data = data
        if target is not None:
            request.headers["X-Amz-Target"] = target

    event = f"request-created.ecs.{operation}"
    client.meta.events.register_first(event, replace)
    try:
        return client._make_api_call(operation, {})
    finally:
        client.meta.events.unregister(event, replace)


ASG = (
    "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
    "57ffcb94-11f0-4d6d-bf60-3bac5e:autoScalingGroupName/{}"
)


def create_provider(client: Any, name: str, group: str | None = None, **kwargs: Any) -> Any:
    """Create an Auto Scaling group capacity provider (on its own group unless `group` says)."""
    provider = {"autoScalingGroupArn": ASG.format(group or name), **kwargs.pop("asg", {})}
    response = client.create_capacity_provider(
        name=name, autoScalingGroupProvider=provider, **kwargs
    )
    return response["capacityProvider"]


def cluster_names(client: Any = None) -> list[str]:
    """The names ListClusters shows, in its order."""
    client = client or ecs()
    return [arn.rpartition("/")[2] for arn in client.list_clusters()["clusterArns"]]


def register(client: Any, family: str = "web", **container: Any) -> Any:
    """Register a one-container EC2 definition: `cpu` 128 and `memory` 256 unless given."""
    container = {"name": family, "image": "nginx", "cpu": 128, "memory": 256, **container}
    return client.register_task_definition(family=family, containerDefinitions=[container])


SUBNETS = {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}
WORKER = {
    "family": "worker",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "256",
    "memory": "512",
    "containerDefinitions": [{"name": "worker", "image": "busybox"}],
}


def run_fargate(client: Any, cluster: str = "default", count: int = 1, **kwargs: Any) -> Any:
    """Run `count` tasks of a small Fargate definition, `worker` (registered again each time),
    with the launch type FARGATE unless a capacity provider strategy is given."""
    client.register_task_definition(**WORKER)
    if "capacityProviderStrategy" not in kwargs:
        kwargs["launchType"] = "FARGATE"
    response = client.run_task(
        cluster=cluster,
        taskDefinition="worker",
        networkConfiguration=SUBNETS,
        count=count,
        **kwargs,
    )
    return response["tasks"]
