"""What the benchmark compares, behind one small interface: botocore's floor, ecsmock and moto."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import boto3
import botocore
from botocore.awsrequest import AWSPreparedRequest, AWSResponse, HTTPHeaders

from ecsmock import mock_ecs
from ecsmock.environment import DEFAULT_REGION as REGION
from ecsmock.handle import DEFAULT_ACCOUNT_ID as ACCOUNT_ID
from ecsmock.wire import TARGET_PREFIX


class Contender:
    """One way of answering boto3's ECS calls. Every contender is driven through boto3 clients
    only, so the same scenario code measures all of them."""

    name = ""

    @contextlib.contextmanager
    def active(self) -> Iterator[Any]:
        yield None

    def client(self) -> Any:
        return boto3.client("ecs", region_name=REGION)

    def seed(self, client: Any, names: Iterable[str]) -> None:
        for name in names:
            client.create_cluster(clusterName=name)

    def seed_revisions(self, client: Any, definition: dict[str, Any], count: int) -> None:
        for _ in range(count):
            client.register_task_definition(**definition)

    def seed_instances(self, client: Any, count: int) -> list[str]:
        """`count` container instances in the default cluster, registered as the agent does;
        their ARNs."""
        client.create_cluster()
        arns = []
        for instance_id in self.ec2_instances(count):
            document = json.dumps(
                {"instanceId": instance_id, "region": REGION, "availabilityZone": f"{REGION}a",
                 "instanceType": "m5.large"}
            )  # fmt: skip
            response = client.register_container_instance(
                instanceIdentityDocument=document,
                totalResources=[
                    {"name": "CPU", "type": "INTEGER", "integerValue": 2048},
                    {"name": "MEMORY", "type": "INTEGER", "integerValue": 7680},
                ],
                versionInfo={"agentVersion": "1.101.0"},
            )
            arns.append(response["containerInstance"]["containerInstanceArn"])
        return arns

    def ec2_instances(self, count: int) -> list[str]:
        """Ids of EC2 instances for container instances to run on."""
        return [f"i-{i:017x}" for i in range(count)]

    def decorate(self, func: Callable[[], None]) -> Callable[[], None]:
        return func


class Floor(Contender):
    """A do-nothing `before-send` handler answering each operation with one fixed, valid response
    (recorded from ecsmock, so botocore parses exactly the same bytes): botocore's own cost, the
    lower bound for any mock at this hook. `signed=False` also answers `choose-signer` with
    UNSIGNED, as ecsmock does, which removes SigV4 signing from the floor."""

    def __init__(self, *, signed: bool) -> None:
        self.name = "floor" if signed else "floor, unsigned"
        self.signed = signed
        self.responses: dict[str, bytes] = {}

    def client(self) -> Any:
        # fake keys of its own: the signed floor signs, and no mock puts keys in the environment
        client: Any = boto3.client(
            "ecs", region_name=REGION, aws_access_key_id="floor", aws_secret_access_key="floor"
        )
        client.meta.events.register_first("before-send.ecs", self._answer)
        if not self.signed:
            client.meta.events.register_first("choose-signer.ecs", _unsigned)
        return client

    def seed(self, client: Any, names: Iterable[str]) -> None:
        """Nothing to do: the floor holds no state, its answers are fixed."""

    def _answer(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        target = request.headers["X-Amz-Target"]
        target = target.decode() if isinstance(target, bytes) else target
        operation = target.removeprefix(TARGET_PREFIX)
        headers = HTTPHeaders.from_dict(
            {"x-amzn-RequestId": "floor", "Content-Type": "application/x-amz-json-1.1"}
        )
        return AWSResponse(request.url, 200, headers, _Body(self.responses[operation]))


def _unsigned(**_: Any) -> Any:
    return botocore.UNSIGNED


class _Body:
    def __init__(self, content: bytes) -> None:
        self._content = content

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._content


class Ecsmock(Contender):
    name = "ecsmock"

    @contextlib.contextmanager
    def active(self) -> Iterator[Any]:
        with mock_ecs() as ecs:
            yield ecs

    def decorate(self, func: Callable[[], None]) -> Callable[[], None]:
        return mock_ecs(func)


class Moto(Contender):
    name = "moto"

    @contextlib.contextmanager
    def active(self) -> Iterator[Any]:
        from moto import mock_aws

        with mock_aws():
            yield None

    def decorate(self, func: Callable[[], None]) -> Callable[[], None]:
        from moto import mock_aws

        return mock_aws(func)

    def ec2_instances(self, count: int) -> list[str]:
        """moto registers only instances its EC2 has."""
        ec2 = boto3.client("ec2", region_name=REGION)
        reservation = ec2.run_instances(ImageId="ami-12c6146b", MinCount=count, MaxCount=count)
        return [instance["InstanceId"] for instance in reservation["Instances"]]

    def seed_revisions(self, client: Any, definition: dict[str, Any], count: int) -> None:
        """The first through the API, the others in moto's backend directly: through its API,
        10,000 revisions take minutes."""
        from moto.ecs.models import ecs_backends

        client.register_task_definition(**definition)
        backend = ecs_backends[ACCOUNT_ID][REGION]
        for _ in range(count - 1):
            backend.register_task_definition(
                definition["family"], definition["containerDefinitions"]
            )

    @staticmethod
    def seed_backend(names: Iterable[str]) -> None:
        """Create clusters in moto's backend directly: through its API, 50,000 clusters would
        take over a minute."""
        from moto.ecs.models import ecs_backends

        backend = ecs_backends[ACCOUNT_ID][REGION]
        for name in names:
            backend.create_cluster(name)


def record(client: Any) -> dict[str, bytes]:
    """The raw body of the last response to each operation `client` calls from now on."""
    bodies: dict[str, bytes] = {}

    def keep(operation_model: Any, response_dict: dict[str, Any], **_: Any) -> None:
        bodies[operation_model.name] = response_dict["body"]

    client.meta.events.register("before-parse.ecs", keep)
    return bodies


class Lineup:
    """The contenders of one run: both floors, ecsmock and moto."""

    def __init__(self) -> None:
        self.floor = Floor(signed=True)
        self.unsigned = Floor(signed=False)
        self.ecsmock = Ecsmock()
        self.moto = Moto()
        self.everyone: list[Contender] = [self.floor, self.unsigned, self.ecsmock, self.moto]

    def record_floors(
        self, prepare: Callable[[Any], object], call: Callable[[Any], object]
    ) -> None:
        """Give the floors the bytes ecsmock answers `call` with (this pass also warms caches)."""
        with self.ecsmock.active():
            client = self.ecsmock.client()
            prepare(client)
            bodies = record(client)
            call(client)
        self.floor.responses = self.unsigned.responses = bodies
