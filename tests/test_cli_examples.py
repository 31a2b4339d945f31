"""The AWS CLI's own examples (the `awscli` package's `examples/ecs/*.rst`, written by AWS from
real output), replayed through the AWS CLI itself under ecsmock: the same keys, the same ARN
forms, the same defaults (docs/rules.md, "Task definitions", "Container instances",
"Attributes", "Running a task" and "A task's life")."""

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
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
_ID = re.compile(  # ids, and AWS's example ids that end in EXAMPLE
    rf"[0-9a-f]{{32}}|{_UUID}[0-9a-f]{{12}}|{_UUID}[0-9a-f]{{4,5}}EXAMPLE|[0-9a-f]{{18,25}}EXAMPLE|"
    r"[a-z0-9]{8}-5678-90ab-cdef-[0-9]{5}EXAMPLE"
)


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
        if len(expected) == len(actual) == 1:  # one of each: say where they differ
            keys_like(expected[0], actual[0], f"{path}[0]")
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


def test_run_wait_describe_and_stop_tasks(world):
    aws("create-cluster", region="us-east-1")
    provider = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:a1b2c3d4-5678-90ab-"
    provider += "cdef-EXAMPLE11111:autoScalingGroupName/example"
    aws(
        "create-capacity-provider",
        "--name",
        "example-capacity-provider",
        "--auto-scaling-group-provider",
        f"autoScalingGroupArn={provider}",
        region="us-east-1",
    )
    strategy = "capacityProvider=example-capacity-provider,weight=1"
    aws("put-cluster-capacity-providers", "--cluster", "default",
        "--capacity-providers", "example-capacity-provider",
        "--default-capacity-provider-strategy", strategy, region="us-east-1")  # fmt: skip
    world.add_container_instance(capacity_provider="example-capacity-provider")
    aws("register-task-definition", "--family", "sleep360", "--container-definitions", SLEEP,
        region="us-east-1")  # fmt: skip
    [ran, _] = outputs("run-task")  # the second runs an EBS volume, which ecsmock does not
    actual = aws("run-task", "--cluster", "default", "--task-definition", "sleep360:1",
                 "--client-token", "550e8400-e29b-41d4-a716-446655440000",
                 "--started-by", "ecs-svc/968695068243", region="us-east-1")  # fmt: skip
    keys_like(ran, actual)
    task, shown = actual["tasks"][0], ran["tasks"][0]
    assert "startedBy" not in shown  # given here for describe-tasks' example, a service's task
    for key in ("lastStatus", "desiredStatus", "launchType", "group", "version", "cpu", "memory",
                "overrides", "tags", "capacityProviderName", "enableExecuteCommand"):  # fmt: skip
        assert task[key] == shown[key], key
    arn = task["taskArn"]
    assert aws("wait", "tasks-running", "--tasks", arn, region="us-east-1") == {}
    [described, _] = outputs("describe-tasks")
    # the example's task is in MyCluster (its instance, oddly, in test): here both are default's
    text = json.dumps(described).replace("/MyCluster", "/default").replace("/test/", "/default/")
    text = text.replace("console-sample-app-static2", "sleep360")
    actual = aws("describe-tasks", "--tasks", arn, region="us-east-1")
    keys_like(
        json.loads(text),
        {
            **actual,
            "tasks": [
                {
                    **actual["tasks"][0],
                    "containers": [
                        {
                            **c,
                            "networkBindings": [
                                {
                                    "bindIP": "0.0.0.0",
                                    "containerPort": 80,
                                    "hostPort": 80,
                                    "protocol": "tcp",
                                }
                            ],
                        }
                        for c in actual["tasks"][0]["containers"]
                    ],
                }
            ],
        },
    )  # the example's container maps port 80; sleep360's maps none
    assert actual["tasks"][0]["version"] == described["tasks"][0]["version"] == 2
    stopped = aws("stop-task", "--task", arn, region="us-east-1")
    assert stopped["task"]["desiredStatus"] == "STOPPED"
    assert aws("wait", "tasks-stopped", "--tasks", arn, region="us-east-1") == {}


def test_a_task_that_failed_to_start_and_stop_task(world):
    aws("create-cluster")
    world.add_container_instance(region="us-west-2")
    for _ in range(3):
        aws("register-task-definition", "--family", "sleep360", "--container-definitions", SLEEP)
    world.fail_task_start("Taskfailedtostart", region="us-west-2")
    [started, _] = outputs("start-task")  # the second attaches an EBS volume: not served
    instance = world.container_instances(region="us-west-2")
    actual = aws("start-task", "--task-definition", "sleep360",
                 "--container-instances", *instance)  # fmt: skip
    shown = started["tasks"][0]
    container = shown["containers"][0]  # the example's container ARN predates the long form
    uuid = container["containerArn"].rpartition("/")[2]
    container["containerArn"] = shown["taskArn"].replace(":task/", ":container/") + f"/{uuid}"
    keys_like(started, actual)
    [stopped] = outputs("stop-task")  # the example stops a task that failed to start
    task_id = actual["tasks"][0]["taskArn"].rpartition("/")[2]
    actual = aws("stop-task", "--task", task_id)
    keys_like(stopped, actual)
    for key in ("lastStatus", "desiredStatus", "stopCode", "stoppedReason", "version"):
        assert actual["task"][key] == stopped["task"][key], key


def test_list_tasks_and_task_protection(world):
    aws("put-account-setting", "--name", "taskLongArnFormat", "--value", "disabled")
    aws("create-cluster")
    instance = world.add_container_instance(region="us-west-2")["containerInstanceArn"]
    aws("register-task-definition", "--family", "sleep360", "--container-definitions", SLEEP)
    aws("run-task", "--task-definition", "sleep360", "--count", "2")
    listed, on_instance = outputs("list-tasks")
    keys_like(listed, aws("list-tasks", "--cluster", "default"))
    actual = aws("list-tasks", "--cluster", "default", "--container-instance", instance)
    keys_like(on_instance, actual)
    assert len(actual["taskArns"]) == 2
    # AWS's protection examples are of a service's task; a standalone one is TASK_NOT_VALID
    task = actual["taskArns"][0]
    for command in (("get-task-protection",), ("update-task-protection", "--protection-enabled",
                                               "--expires-in-minutes", "300")):  # fmt: skip
        answer = aws(*command, "--cluster", "default", "--tasks", task)
        assert answer == {
            "protectedTasks": [],
            "failures": [{"arn": task, "reason": "TASK_NOT_VALID"}],
        }
