"""The AWS CLI's own examples (the `awscli` package's `examples/ecs/*.rst`, written by AWS from
real output), replayed through the AWS CLI itself under ecsmock: the same keys, the same ARN
forms, the same defaults (docs/rules.md, "Task definitions", "Container instances" and
"Attributes")."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import awscli
import pytest
from awscli.clidriver import create_clidriver

from ecsmock import mock_ecs

EXAMPLES = Path(awscli.__file__).parent / "examples" / "ecs"
SLEEP = json.dumps(
    [{"name": "sleep", "image": "busybox", "cpu": 10, "command": ["sleep", "360"], "memory": 10,
      "essential": True}]
)  # fmt: skip
_ID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|"
                 r"[a-z0-9]{8}-5678-90ab-cdef-[0-9]{5}EXAMPLE")  # fmt: skip


def outputs(command: str) -> list[Any]:
    """The JSON outputs an example page shows, in order."""
    text = (EXAMPLES / f"{command}.rst").read_text() + "\n"
    blocks = re.findall(r"Output::\n\n((?:[ \t]+.*\n|[ \t]*\n)+)", text)
    return [json.loads(textwrap.dedent(block)) for block in blocks]


def aws(*args: str, region: str = "us-west-2") -> Any:
    """Run `aws ecs ...` in this process, as a user would from a shell; its JSON output."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = _driver().main(["ecs", *args, "--region", region, "--output", "json"])
    assert code == 0, printed.getvalue()
    return json.loads(printed.getvalue() or "{}")


@functools.cache
def _driver() -> Any:
    return create_clidriver()  # a third of a second: made once


def arn_form(arn: str) -> str:
    """An ARN with its account, Region and resource ids made generic."""
    return _ID.sub("<id>", re.sub(r":[a-z]{2}-[a-z]+-\d:\d{12}:", ":<region>:<account>:", arn))


def keys_like(expected: Any, actual: Any, path: str = "") -> None:
    """Every key the example shows is there, recursively, with ARNs of the same form."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        missing = set(expected) - set(actual)
        assert not missing, f"{path}: {missing} missing"
        for key, value in expected.items():
            keys_like(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list) and expected:
        assert actual, f"{path}: empty, where the example has items"
        for i, one in enumerate(expected):
            assert any(_like(one, other) for other in actual), f"{path}[{i}]: nothing like {one}"
    elif isinstance(expected, str) and expected.startswith("arn:aws:ecs:"):
        assert arn_form(actual) == arn_form(expected), path


def _like(expected: Any, actual: Any) -> bool:
    try:
        keys_like(expected, actual)
    except AssertionError:
        return False
    return True


@pytest.fixture
def world():
    with mock_ecs(account_id="123456789012") as ecs:
        yield ecs


def test_register_task_definition(world):
    registered = aws(
        "register-task-definition",
        *("--family", "sleep360", "--container-definitions", SLEEP),
        region="us-east-1",
    )
    [expected, *_] = outputs("register-task-definition")
    keys_like(expected, registered)
    definition, shown = registered["taskDefinition"], expected["taskDefinition"]
    assert definition["containerDefinitions"] == shown["containerDefinitions"]
    for key in ("status", "family", "revision", "taskDefinitionArn", "compatibilities",
                "volumes", "placementConstraints"):  # fmt: skip
        assert definition[key] == shown[key], key
    assert "networkMode" not in definition
    assert "requiresCompatibilities" not in definition


def test_list_task_definitions_and_families(world):
    for family, count in (("sleep300", 2), ("sleep360", 1), ("wordpress", 6)):
        for _ in range(count):
            aws("register-task-definition", "--family", family, "--container-definitions", SLEEP)
    for revision in ("sleep300:1", "wordpress:1", "wordpress:2"):
        aws("deregister-task-definition", "--task-definition", revision)
    everything, wordpress = outputs("list-task-definitions")
    assert aws("list-task-definitions") == everything
    assert aws("list-task-definitions", "--family-prefix", "wordpress") == wordpress
    _, hpcc = outputs("list-task-definition-families")
    for family in ("hpcc", "hpcc-c4-8xlarge", "node-js-app"):
        aws("register-task-definition", "--family", family, "--container-definitions", SLEEP)
    assert aws("list-task-definition-families", "--family-prefix", "hpcc") == hpcc


def test_describe_deregister_and_delete(world):
    containers = json.dumps(
        [
            {"name": "wordpress", "image": "wordpress", "cpu": 10, "memory": 500,
             "links": ["mysql"], "portMappings": [{"containerPort": 80, "hostPort": 80}]},
            {"name": "mysql", "image": "mysql", "cpu": 10, "memory": 500,
             "environment": [{"name": "MYSQL_ROOT_PASSWORD", "value": "password"}]},
        ]
    )  # fmt: skip
    for _ in range(8):
        aws(
            "register-task-definition",
            "--family",
            "hello_world",
            "--container-definitions",
            containers,
        )
    [described] = outputs("describe-task-definition")
    actual = aws("describe-task-definition", "--task-definition", "hello_world:8")
    keys_like(described, actual)
    assert actual["tags"] == described["tags"] == []
    for shown, mine in zip(
        described["taskDefinition"]["containerDefinitions"],
        actual["taskDefinition"]["containerDefinitions"],
        strict=True,
    ):
        assert set(mine) == set(shown) | {"portMappings"}
        assert [m["containerPort"] for m in mine["portMappings"]] == [
            m["containerPort"] for m in shown["portMappings"]
        ]
    aws("register-task-definition", "--family", "curler", "--container-definitions", SLEEP)
    deregistered = aws("deregister-task-definition", "--task-definition", "curler:1")
    assert deregistered["taskDefinition"]["status"] == "INACTIVE"
    [deleted] = outputs("delete-task-definitions")
    aws("register-task-definition", "--family", "curltest", "--container-definitions", SLEEP)
    aws("deregister-task-definition", "--task-definition", "curltest:1")
    actual = aws("delete-task-definitions", "--task-definition", "curltest:1")
    assert actual["failures"] == deleted["failures"] == []
    mine, shown = actual["taskDefinitions"][0], deleted["taskDefinitions"][0]
    assert mine["status"] == shown["status"] == "DELETE_IN_PROGRESS"
    assert {"registeredAt", "deregisteredAt", "registeredBy", "deleteRequestedAt"} <= set(mine)


def short_arns() -> None:
    """The form of the examples written before long ARNs (2015 to 2019), still a setting."""
    aws("put-account-setting", "--name", "containerInstanceLongArnFormat", "--value", "disabled")


def test_container_instances(world):
    aws("create-cluster", "--cluster-name", "MyCluster")
    arns = [
        world.add_container_instance("MyCluster", region="us-west-2")["containerInstanceArn"]
        for _ in range(2)
    ]
    listed = aws("list-container-instances", "--cluster", "MyCluster")
    [expected] = outputs("list-container-instances")
    keys_like(expected, listed)
    assert listed == {"containerInstanceArns": arns}
    aws("create-cluster")
    instance = world.add_container_instance(region="us-west-2")["containerInstanceArn"]
    [drained] = outputs("update-container-instances-state")
    actual = aws("update-container-instances-state",
                 "--container-instances", instance, "--status", "DRAINING")  # fmt: skip
    keys_like(drained, actual)
    assert actual["containerInstances"][0]["status"] == "DRAINING"


def test_container_instances_with_short_arns(world):
    short_arns()
    aws("create-cluster", "--cluster-name", "update")
    arn = world.add_container_instance("update", region="us-west-2")["containerInstanceArn"]
    [described] = outputs("describe-container-instances")
    actual = aws(
        "describe-container-instances", "--cluster", "update", "--container-instances", arn
    )
    keys_like(described, actual)
    resources = actual["containerInstances"][0]["registeredResources"]
    assert [r["name"] for r in resources][:3] == ["CPU", "MEMORY", "PORTS"]
    assert (
        resources[0].keys() == described["containerInstances"][0]["registeredResources"][0].keys()
    )
    [deregistered] = outputs("deregister-container-instance")
    actual = aws("deregister-container-instance", "--cluster", "update",
                 "--container-instance", arn, "--force")  # fmt: skip
    keys_like(deregistered, actual)
    assert actual["containerInstance"]["status"] == "INACTIVE"


def test_attributes(world):
    short_arns()
    aws("create-cluster")
    target = world.add_container_instance(region="us-west-2")["containerInstanceArn"]
    [put] = outputs("put-attributes")
    actual = aws("put-attributes", "--attributes", f"name=stack,value=production,targetId={target}")
    keys_like(put, actual)
    assert actual == {"attributes": [{"name": "stack", "targetId": target, "value": "production"}]}
    [listed] = outputs("list-attributes")
    actual = aws("list-attributes", "--target-type", "container-instance",
                 "--attribute-name", "stack", "--attribute-value", "production",
                 "--cluster", "default")  # fmt: skip
    keys_like(listed, actual)
    assert actual["attributes"] == [{"name": "stack", "targetId": target, "value": "production"}]
    [deleted] = outputs("delete-attributes")
    actual = aws("delete-attributes", "--attributes", f"name=stack,targetId={target}")
    keys_like(deleted, actual)
    assert actual["attributes"][0]["value"] == "production"
