"""RunTask, StartTask, StopTask, DescribeTasks and ListTasks: the task AWS shows, the rules of
the requests, and what a task adds to its cluster and instance (docs/rules.md, "Tasks")."""

from __future__ import annotations

import re

import pytest
from support import SUBNETS, WORKER, register, rejected, run_fargate, send

ARN = "arn:aws:ecs:us-east-1:123456789012:"
NO_INSTANCES = "No Container Instances were found in your cluster."


def run(client, cluster="c", **kwargs):
    kwargs.setdefault("taskDefinition", "web")
    return client.run_task(cluster=cluster, **kwargs)


def describe(client, arn, cluster="c", **kwargs):
    return client.describe_tasks(cluster=cluster, tasks=[arn], **kwargs)["tasks"][0]


def test_an_ec2_task_is_pending_then_running(client, mock, cluster):
    """docs/rules.md, "Running a task": the response of AWS's CLI example, key for key."""
    instance = mock.add_container_instance("c")
    register(client, family="sleep360", image="busybox", cpu=10, memory=10)
    response = run(client, taskDefinition="sleep360")
    assert response["failures"] == []
    (task,) = response["tasks"]
    task_id = task["taskArn"].rpartition("/")[2]
    assert task["taskArn"] == f"{ARN}task/c/{task_id}"
    assert re.fullmatch("[0-9a-f]{32}", task_id)
    container = task["containers"][0]
    assert container["containerArn"].startswith(f"{ARN}container/c/{task_id}/")
    assert container == {
        "containerArn": container["containerArn"],
        "taskArn": task["taskArn"],
        "name": "sleep360",
        "image": "busybox",
        "lastStatus": "PENDING",
        "networkInterfaces": [],
        "cpu": "10",
        "memory": "10",
    }
    assert task == {
        "attachments": [],
        "attributes": [{"name": "ecs.cpu-architecture", "value": "x86_64"}],
        "availabilityZone": "us-east-1a",
        "clusterArn": f"{ARN}cluster/c",
        "containerInstanceArn": instance["containerInstanceArn"],
        "containers": [container],
        "cpu": "10",
        "memory": "10",
        "createdAt": task["createdAt"],
        "desiredStatus": "RUNNING",
        "lastStatus": "PENDING",
        "enableExecuteCommand": False,
        "group": "family:sleep360",
        "launchType": "EC2",
        "overrides": {
            "containerOverrides": [{"name": "sleep360"}],
            "inferenceAcceleratorOverrides": [],
        },
        "tags": [],
        "taskArn": task["taskArn"],
        "taskDefinitionArn": f"{ARN}task-definition/sleep360:1",
        "version": 1,
    }
    running = describe(client, task["taskArn"])
    assert (running["lastStatus"], running["version"], running["healthStatus"]) == (
        "RUNNING",
        2,
        "UNKNOWN",
    )
    assert running["connectivity"] == "CONNECTED"
    assert running["connectivityAt"] == running["createdAt"] == running["pullStartedAt"]
    assert running["pullStoppedAt"] == running["startedAt"] >= running["createdAt"]
    assert running["containers"][0]["lastStatus"] == "RUNNING"
    assert len(running["containers"][0]["runtimeId"]) == 64
    assert running["containers"][0]["networkBindings"] == []


def test_a_fargate_task_is_provisioning_with_its_network_interface(client, mock, cluster):
    """docs/rules.md, "Running a task": awsvpc tasks get an ENI, PRECREATED then ATTACHED."""
    (task,) = run_fargate(client, "c")
    assert task["lastStatus"] == "PROVISIONING"
    assert task["launchType"] == "FARGATE"
    assert "containerInstanceArn" not in task
    assert (task["platformVersion"], task["platformFamily"]) == ("1.4.0", "Linux")
    assert task["ephemeralStorage"] == task["fargateEphemeralStorage"] == {"sizeInGiB": 20}
    assert (task["cpu"], task["memory"]) == ("256", "512")
    assert task["containers"][0]["cpu"] == "0"
    assert "memory" not in task["containers"][0]
    (attachment,) = task["attachments"]
    assert (attachment["type"], attachment["status"]) == ("ElasticNetworkInterface", "PRECREATED")
    assert attachment["details"] == [{"name": "subnetId", "value": "subnet-0123456789abcdef0"}]
    running = describe(client, task["taskArn"])
    assert (running["lastStatus"], running["version"]) == ("RUNNING", 3)
    (attached,) = running["attachments"]
    details = {d["name"]: d["value"] for d in attached["details"]}
    assert list(details) == [
        "subnetId",
        "networkInterfaceId",
        "macAddress",
        "privateDnsName",
        "privateIPv4Address",
    ]
    assert attached["status"] == "ATTACHED"
    assert re.fullmatch("eni-[0-9a-f]{17}", details["networkInterfaceId"])
    assert re.fullmatch("02(:[0-9a-f]{2}){5}", details["macAddress"])
    assert details["privateDnsName"] == (
        f"ip-{details['privateIPv4Address'].replace('.', '-')}.ec2.internal"
    )
    assert running["containers"][0]["networkInterfaces"] == [
        {"attachmentId": attached["id"], "privateIpv4Address": details["privateIPv4Address"]}
    ]
    assert running["availabilityZone"].startswith("us-east-1")
    assert running["containers"][0]["runtimeId"].startswith(running["taskArn"].rpartition("/")[2])


def test_short_task_arns_follow_the_account_setting(client, mock, cluster):
    """docs/rules.md, "Running a task": taskLongArnFormat disabled gives `task/<id>`."""
    client.put_account_setting(name="taskLongArnFormat", value="disabled")
    (task,) = run_fargate(client, "c")
    task_id = task["taskArn"].rpartition("/")[2]
    assert task["taskArn"] == f"{ARN}task/{task_id}"
    container = task["containers"][0]["containerArn"]
    assert container.startswith(f"{ARN}container/")
    assert container.count("/") == 1
    assert describe(client, task_id)["taskArn"] == task["taskArn"]
    assert describe(client, task["taskArn"])["taskArn"] == task["taskArn"]


def test_overrides_show_one_entry_per_container(client, mock, cluster):
    """docs/rules.md, "Running a task": overrides change what the containers reserve."""
    mock.add_container_instance("c")
    client.register_task_definition(
        family="web",
        containerDefinitions=[
            {"name": "web", "image": "nginx", "memory": 256},
            {"name": "log", "image": "fluent", "memoryReservation": 64, "essential": False},
        ],
    )
    override = {"name": "web", "command": ["serve"], "memory": 512, "cpu": 256}
    (task,) = run(client, overrides={"containerOverrides": [override]})["tasks"]
    assert task["overrides"] == {
        "containerOverrides": [override, {"name": "log"}],
        "inferenceAcceleratorOverrides": [],
    }
    assert (task["cpu"], task["memory"]) == ("256", "576")
    assert [
        (c["cpu"], c.get("memory"), c.get("memoryReservation")) for c in task["containers"]
    ] == [
        ("256", "512", None),
        ("0", None, "64"),
    ]
    message = "Override for container named db is not a container in the TaskDefinition."
    with rejected(mock, "InvalidParameterException", message):
        run(client, overrides={"containerOverrides": [{"name": "db"}]})
    with rejected(
        mock,
        "InvalidParameterException",
        "Container Overrides length must be at most 8192. Shorten the overrides and try again.",
    ):
        run(client, overrides={"containerOverrides": [{"name": "web", "command": ["x" * 8200]}]})


@pytest.mark.parametrize(
    "case",
    [
        ({"taskDefinition": "nope"}, "ClientException", "TaskDefinition not found."),
        ({"taskDefinition": "web:9"}, "ClientException", "TaskDefinition not found."),
        (
            {"launchType": "EC2", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}]},
            "InvalidParameterException",
            "Specifying both a launch type and capacity provider strategy is not supported. "
            "Remove one and try again.",
        ),
        (
            {"count": 11},
            "InvalidParameterException",
            "count must be between 1 and 10. Specify a count in that range and try again.",
        ),
        (
            {"count": 0},
            "InvalidParameterException",
            "count must be between 1 and 10. Specify a count in that range and try again.",
        ),
        (
            {"networkConfiguration": SUBNETS},
            "InvalidParameterException",
            "Network Configuration is not valid for the given networkMode of this task definition.",
        ),
        (
            {"launchType": "FARGATE"},
            "InvalidParameterException",
            "Task definition does not support launch_type FARGATE.",
        ),
        (
            {"platformVersion": "LATEST"},
            "InvalidParameterException",
            "The platform version must be null when specifying an EC2 launch type.",
        ),
        (
            {"propagateTags": "SERVICE"},
            "InvalidParameterException",
            "propagateTags SERVICE is not supported when running a task. Specify "
            "TASK_DEFINITION or NONE and try again.",
        ),
        (
            {"enableExecuteCommand": True},
            "InvalidParameterException",
            "The execute command failed because a valid task role is not being used. Specify a "
            "valid task role in your task definition or as a task override and try again.",
        ),
        (
            {"startedBy": "a b"},
            "InvalidParameterException",
            "startedBy can have up to 128 letters, numbers, hyphens, forward slashes and "
            "underscores. Specify a valid value and try again.",
        ),
        (
            {"startedBy": "x" * 129},
            "InvalidParameterException",
            "startedBy can have up to 128 letters, numbers, hyphens, forward slashes and "
            "underscores. Specify a valid value and try again.",
        ),
        (
            {"group": "a b"},
            "InvalidParameterException",
            "group can have up to 255 letters, numbers, hyphens, underscores, colons, periods "
            "and forward slashes. Specify a valid group and try again.",
        ),
        (
            {"clientToken": "a b"},
            "InvalidParameterException",
            "clientToken can have up to 64 characters in the range 33 to 126. Specify a valid "
            "token and try again.",
        ),
        (
            {"clientToken": "x" * 65},
            "InvalidParameterException",
            "clientToken can have up to 64 characters in the range 33 to 126. Specify a valid "
            "token and try again.",
        ),
        ({"cluster": "nope"}, "ClusterNotFoundException", "Cluster not found."),
    ],
)
def test_run_task_refuses(client, mock, cluster, case):
    """docs/rules.md, "Running a task": each rule, with the world unchanged."""
    kwargs, code, message = case
    mock.add_container_instance("c")
    register(client)
    kwargs = {"cluster": "c", "taskDefinition": "web", **kwargs}
    with rejected(mock, code, message):
        client.run_task(**kwargs)


def test_an_inactive_definition_does_not_run(client, mock, cluster):
    """docs/rules.md, "Running a task": a deregistered revision runs no more."""
    mock.add_container_instance("c")
    register(client)
    client.deregister_task_definition(taskDefinition="web:1")
    with rejected(mock, "InvalidParameterException", "TaskDefinition is inactive"):
        run(client, taskDefinition="web:1")
    with rejected(mock, "ClientException", "TaskDefinition not found."):
        run(client)  # a family alone names its latest ACTIVE revision: none


def test_ec2_needs_container_instances(client, mock, cluster):
    """docs/rules.md, "Where tasks go": an exception, not a failure entry."""
    register(client)
    with rejected(mock, "InvalidParameterException", NO_INSTANCES):
        run(client)
    with rejected(mock, "InvalidParameterException", NO_INSTANCES):
        run(client, launchType="EC2")
    instance = mock.add_container_instance("c")
    client.update_container_instances_state(
        cluster="c", containerInstances=[instance["containerInstanceArn"]], status="DRAINING"
    )
    with rejected(mock, "InvalidParameterException", NO_INSTANCES):
        run(client)


@pytest.mark.parametrize(
    ("network", "message"),
    [
        (None, "Network Configuration must be provided when networkMode 'awsvpc' is specified."),
        ({"awsvpcConfiguration": {"subnets": []}}, "subnets can not be empty."),
        (
            {"awsvpcConfiguration": {"subnets": [f"subnet-{i}" for i in range(17)]}},
            "subnets can have at most 16 items.",
        ),
        (
            {"awsvpcConfiguration": {"subnets": ["s"], "securityGroups": ["g"] * 6}},
            "securityGroups can have at most 5 items.",
        ),
    ],
)
def test_awsvpc_needs_a_network_configuration(client, mock, cluster, network, message):
    """docs/rules.md, "Running a task": subnets and security groups, as AWS limits them."""
    client.register_task_definition(**WORKER)
    kwargs = {} if network is None else {"networkConfiguration": network}
    with rejected(mock, "InvalidParameterException", message):
        run(client, taskDefinition="worker", launchType="FARGATE", **kwargs)


def test_fargate_rules(client, mock, cluster):
    """docs/rules.md, "Running a task": platform versions, placement and public IPs."""
    client.register_task_definition(**WORKER)
    fargate = {"taskDefinition": "worker", "networkConfiguration": SUBNETS}
    with rejected(mock, "PlatformUnknownException", "The specified platform does not exist."):
        run(client, launchType="FARGATE", platformVersion="9.9.9", **fargate)
    with rejected(
        mock,
        "InvalidParameterException",
        "Placement constraints are not supported with FARGATE launch type.",
    ):
        run(
            client,
            launchType="FARGATE",
            placementConstraints=[{"type": "distinctInstance"}],
            **fargate,
        )
    with rejected(
        mock,
        "InvalidParameterException",
        "Placement strategies are not supported with FARGATE launch type.",
    ):
        run(client, launchType="FARGATE", placementStrategy=[{"type": "random"}], **fargate)
    mock.add_container_instance("c")
    public = {
        "awsvpcConfiguration": {**SUBNETS["awsvpcConfiguration"], "assignPublicIp": "ENABLED"}
    }
    with rejected(
        mock, "InvalidParameterException", "Assign public IP is not supported for this launch type."
    ):
        run(client, taskDefinition="worker", launchType="EC2", networkConfiguration=public)
    with rejected(
        mock, "InvalidParameterException", "Task definition does not support launch_type EXTERNAL."
    ):
        run(client, launchType="EXTERNAL", **fargate)
    (task,) = run(client, launchType="FARGATE", platformVersion="1.3.0", **fargate)["tasks"]
    assert task["platformVersion"] == "1.3.0"
    (task,) = run(client, launchType="EC2", **fargate)["tasks"]
    assert (task["launchType"], task["lastStatus"]) == ("EC2", "PROVISIONING")
    assert describe(client, task["taskArn"])["attachments"][0]["status"] == "ATTACHED"


def test_tags_are_given_propagated_managed_and_deleted_by_stop(client, mock, cluster):
    """docs/rules.md, "Running a task": tags, and what StopTask does to them."""
    client.register_task_definition(**WORKER, tags=[{"key": "team", "value": "data"}])
    (task,) = client.run_task(
        cluster="c",
        taskDefinition="worker",
        launchType="FARGATE",
        networkConfiguration=SUBNETS,
        tags=[{"key": "job", "value": "nightly"}],
        propagateTags="TASK_DEFINITION",
        enableECSManagedTags=True,
    )["tasks"]
    wanted = [
        {"key": "team", "value": "data"},
        {"key": "job", "value": "nightly"},
        {"key": "aws:ecs:clusterName", "value": "c"},
    ]
    assert task["tags"] == wanted
    assert describe(client, task["taskArn"])["tags"] == []
    assert describe(client, task["taskArn"], include=["TAGS"])["tags"] == wanted
    client.stop_task(cluster="c", task=task["taskArn"])
    assert describe(client, task["taskArn"], include=["TAGS"])["tags"] == []
    fifty = [{"key": f"k{i}", "value": "v"} for i in range(50)]
    run = {"cluster": "c", "taskDefinition": "worker", "launchType": "FARGATE"}
    run["networkConfiguration"] = SUBNETS
    (managed,) = client.run_task(**run, tags=fifty, enableECSManagedTags=True)["tasks"]
    assert len(managed["tags"]) == 51  # AWS's own aws: tags do not count towards the 50
    with rejected(
        mock,
        "InvalidParameterException",
        "The number of tags exceeds the limit of 50 tags per resource. Remove some tags and "
        "try again.",
    ):
        client.run_task(**run, tags=fifty, propagateTags="TASK_DEFINITION")


def test_a_client_token_makes_run_task_idempotent(client, mock, cluster):
    """docs/rules.md, "Running a task": the same request again answers the same tasks."""
    first = run_fargate(client, "c", count=2, clientToken="deploy-42")
    assert len(mock.tasks("c")) == 2
    client.register_task_definition(**WORKER)  # run_fargate registers again: undo its change
    again = client.run_task(
        cluster="c",
        taskDefinition="worker",
        launchType="FARGATE",
        networkConfiguration=SUBNETS,
        count=2,
        clientToken="deploy-42",
    )
    assert [t["taskArn"] for t in again["tasks"]] == [t["taskArn"] for t in first]
    assert len(mock.tasks("c")) == 2
    message = (
        "The specified clientToken is already in use with a different RunTask request. Use a "
        "new clientToken, or repeat the request exactly."
    )
    with rejected(mock, "ConflictException", message):
        client.run_task(
            cluster="c",
            taskDefinition="worker",
            launchType="FARGATE",
            networkConfiguration=SUBNETS,
            clientToken="deploy-42",
        )


def test_start_task_places_on_the_instances_named(client, mock, cluster):
    """docs/rules.md, "Running a task": StartTask, with a failure for each instance refused."""
    big = mock.add_container_instance("c")
    small = mock.add_container_instance("c", memory=128)
    gone = mock.add_container_instance("c")
    client.deregister_container_instance(
        cluster="c", containerInstance=gone["containerInstanceArn"]
    )
    drained = mock.add_container_instance("c")
    client.update_container_instances_state(
        cluster="c", containerInstances=[drained["containerInstanceArn"]], status="DRAINING"
    )
    unknown = f"{ARN}container-instance/c/{'1' * 32}"
    register(client)
    response = client.start_task(
        cluster="c",
        taskDefinition="web",
        containerInstances=[
            big["containerInstanceArn"],
            small["containerInstanceArn"],
            gone["containerInstanceArn"],
            "0" * 32,
            unknown,
            drained["containerInstanceArn"],
        ],
        startedBy="scheduler/7",
        group="batch:nightly",
    )
    (task,) = response["tasks"]
    assert task["containerInstanceArn"] == big["containerInstanceArn"]
    assert (task["startedBy"], task["group"], task["launchType"]) == (
        "scheduler/7",
        "batch:nightly",
        "EC2",
    )
    assert response["failures"] == [
        {"arn": f"{ARN}container-instance/c/{'0' * 32}", "reason": "MISSING"},
        {"arn": unknown, "reason": "MISSING"},
        {"arn": small["containerInstanceArn"], "reason": "RESOURCE:MEMORY"},
        {"arn": gone["containerInstanceArn"], "reason": "INACTIVE"},
        {"arn": drained["containerInstanceArn"], "reason": "ATTRIBUTE"},
    ]
    with rejected(mock, "InvalidParameterException", "Container instance cannot be empty."):
        client.start_task(cluster="c", taskDefinition="web", containerInstances=[])
    with rejected(mock, "InvalidParameterException", "instanceIds can have at most 10 items."):
        client.start_task(cluster="c", taskDefinition="web", containerInstances=["x"] * 11)
    client.register_task_definition(**WORKER)
    public = {
        "awsvpcConfiguration": {**SUBNETS["awsvpcConfiguration"], "assignPublicIp": "ENABLED"}
    }
    with rejected(
        mock, "InvalidParameterException", "Assign public IP is not supported for this launch type."
    ):
        client.start_task(
            cluster="c",
            taskDefinition="worker",
            containerInstances=[big["containerInstanceArn"]],
            networkConfiguration=public,
        )


def test_stop_task_stops_it_through_stopping(client, mock, cluster):
    """docs/rules.md, "Stopping a task": desired STOPPED at once, STOPPED on the next read."""
    mock.timings.task_stop = 30
    (task,) = run_fargate(client, "c")
    mock.shift(0)
    stopped = client.stop_task(cluster="c", task=task["taskArn"], reason="deploy rolled back")
    assert (stopped["task"]["desiredStatus"], stopped["task"]["lastStatus"]) == (
        "STOPPED",
        "RUNNING",
    )
    assert stopped["task"]["stopCode"] == "UserInitiated"
    assert stopped["task"]["stoppedReason"] == "deploy rolled back"
    assert stopped["task"]["stoppingAt"] >= stopped["task"]["startedAt"]
    assert describe(client, task["taskArn"])["lastStatus"] == "STOPPING"
    mock.shift(30)
    done = describe(client, task["taskArn"])
    assert (done["lastStatus"], done["version"]) == ("STOPPED", 7)
    assert done["stoppedAt"] == done["executionStoppedAt"]
    assert done["attachments"][0]["status"] == "DELETED"
    assert done["containers"][0]["lastStatus"] == "STOPPED"
    assert done["connectivity"] == "DISCONNECTED"
    again = client.stop_task(cluster="c", task=task["taskArn"], reason="twice")
    assert again["task"] == done  # a stopped task stays as it stopped


def test_stop_task_refuses(client, mock, cluster):
    """docs/rules.md, "Stopping a task": unknown tasks and tasks of another cluster."""
    client.create_cluster(clusterName="other")
    (task,) = run_fargate(client, "other")
    task_id = task["taskArn"].rpartition("/")[2]
    with rejected(mock, "InvalidParameterException", "The referenced task was not found"):
        client.stop_task(cluster="c", task="0" * 32)
    with rejected(mock, "InvalidParameterException", "The referenced task was not found"):
        client.stop_task(cluster="c", task=task_id)
    with rejected(
        mock,
        "InvalidParameterException",
        "Invalid identifier: Identifier is for cluster other. Your cluster is c",
    ):
        client.stop_task(cluster="c", task=task["taskArn"])
    with rejected(
        mock,
        "InvalidParameterException",
        "reason can have at most 1024 characters. Shorten it and try again.",
    ):
        client.stop_task(cluster="other", task=task_id, reason="x" * 1025)


def test_describe_tasks_answers_found_and_missing(client, mock, cluster):
    """docs/rules.md, "Reading tasks": MISSING failures, each task once."""
    (task,) = run_fargate(client, "c")
    task_id = task["taskArn"].rpartition("/")[2]
    response = client.describe_tasks(
        cluster="c",
        tasks=[task["taskArn"], task_id, "f" * 32, f"{ARN}task/c/{'e' * 32}", "c/" + task_id],
    )
    assert [t["taskArn"] for t in response["tasks"]] == [task["taskArn"]]
    assert response["failures"] == [
        {"arn": f"{ARN}task/c/{'f' * 32}", "reason": "MISSING"},
        {"arn": f"{ARN}task/c/{'e' * 32}", "reason": "MISSING"},
        {"arn": f"{ARN}task/c/c/{task_id}", "reason": "MISSING"},
    ]
    client.create_cluster(clusterName="other")
    assert client.describe_tasks(cluster="other", tasks=[task_id])["failures"] == [
        {"arn": f"{ARN}task/other/{task_id}", "reason": "MISSING"}
    ]
    with rejected(mock, "InvalidParameterException", "Tasks cannot be empty."):
        client.describe_tasks(cluster="c", tasks=[])
    with rejected(mock, "InvalidParameterException", "taskIds can have at most 100 items."):
        client.describe_tasks(cluster="c", tasks=["x"] * 101)
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        client.describe_tasks(cluster="nope", tasks=[task_id])


def test_list_tasks_filters_and_pages(client, mock, cluster):
    """docs/rules.md, "Reading tasks": filters combine; RUNNING is the default."""
    first = mock.add_container_instance("c")
    second = mock.add_container_instance("c")
    register(client)
    register(client, family="batch")
    on_first = run(client, count=3, startedBy="ci")["tasks"]
    batch = run(client, taskDefinition="batch", count=2)["tasks"]
    fargate = run_fargate(client, "c", count=2)
    client.stop_task(cluster="c", task=fargate[0]["taskArn"])

    def listed(**kwargs):
        pages = client.get_paginator("list_tasks").paginate(
            cluster="c", PaginationConfig={"PageSize": 2}, **kwargs
        )
        return [arn for page in pages for arn in page["taskArns"]]

    arns = lambda tasks: [t["taskArn"] for t in tasks]  # noqa: E731
    assert listed() == arns(on_first + batch + fargate[1:])
    assert listed(desiredStatus="STOPPED") == arns(fargate[:1])
    assert listed(desiredStatus="PENDING") == []
    assert listed(family="batch") == arns(batch)
    assert listed(startedBy="ci") == arns(on_first)
    assert listed(launchType="FARGATE") == arns(fargate[1:])
    assert listed(launchType="EC2", family="web") == arns(on_first)
    ec2 = on_first + batch
    on = {
        instance: [t for t in ec2 if t["containerInstanceArn"] == instance]
        for instance in (first["containerInstanceArn"], second["containerInstanceArn"])
    }
    assert sum(len(tasks) for tasks in on.values()) == len(ec2)
    for instance, tasks in on.items():
        assert listed(containerInstance=instance) == arns(tasks)
        assert listed(containerInstance=instance.rpartition("/")[2]) == arns(tasks)
    assert listed(containerInstance="0" * 32) == []
    assert listed(daemonName="agent") == []
    client.create_cluster(clusterName="default")
    assert client.list_tasks()["taskArns"] == []


def test_list_tasks_refuses(client, mock, cluster):
    """docs/rules.md, "Reading tasks": startedBy alone, family names, services."""
    with rejected(
        mock,
        "InvalidParameterException",
        "When startedBy is specified, it must be the only filter. Remove the other filters "
        "and try again.",
    ):
        client.list_tasks(cluster="c", startedBy="ci", family="web")
    with rejected(mock, "InvalidParameterException", "family must match ^[a-zA-Z0-9\\-_]+$"):
        client.list_tasks(cluster="c", family="weird_dir@letssee.cats")
    with rejected(mock, "ServiceNotFoundException", "Service not found."):
        client.list_tasks(cluster="c", serviceName="web")
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        client.list_tasks(cluster="nope")


def test_counts_follow_the_tasks(client, mock, cluster):
    """docs/rules.md, "Where tasks go": instances and clusters count what runs on them."""
    instance = mock.add_container_instance("c", cpu=1024, memory=1024)
    register(client, portMappings=[{"containerPort": 80, "hostPort": 8080}])
    mock.timings.task_start = 10
    (task,) = run(client)["tasks"]
    arn = instance["containerInstanceArn"]

    def seen():
        described = client.describe_container_instances(cluster="c", containerInstances=[arn])
        one = described["containerInstances"][0]
        left = {
            r["name"]: r["stringSetValue"] if r["type"] == "STRINGSET" else r["integerValue"]
            for r in one["remainingResources"]
        }
        cluster = client.describe_clusters(clusters=["c"])["clusters"][0]
        return (
            one["pendingTasksCount"],
            one["runningTasksCount"],
            left["CPU"],
            left["MEMORY"],
            "8080" in left["PORTS"],
            cluster["pendingTasksCount"],
            cluster["runningTasksCount"],
        )

    assert seen() == (1, 0, 896, 768, True, 1, 0)
    mock.shift(10)
    assert seen() == (0, 1, 896, 768, True, 0, 1)
    client.stop_task(cluster="c", task=task["taskArn"])
    assert seen() == (0, 0, 1024, 1024, False, 0, 0)
    registered = client.describe_container_instances(cluster="c", containerInstances=[arn])
    assert registered["containerInstances"][0]["registeredResources"][0]["integerValue"] == 1024


def test_a_deleted_revision_waits_for_its_tasks(client, mock, cluster):
    """docs/rules.md, "Revisions and their status": gone once no task runs it."""
    (task,) = run_fargate(client, "c")
    client.deregister_task_definition(taskDefinition="worker:1")
    client.delete_task_definitions(taskDefinitions=["worker:1"])
    assert (
        client.describe_task_definition(taskDefinition="worker:1")["taskDefinition"]["status"]
        == "DELETE_IN_PROGRESS"
    )
    client.stop_task(cluster="c", task=task["taskArn"])
    assert "worker:1" not in mock.task_definitions()


def test_raw_requests_are_checked(raw, mock, cluster):
    """docs/rules.md, "Running a task": placement rules need their type; a request without a
    clientToken (botocore always sends one) is not idempotent."""
    mock.add_container_instance("c")
    register(raw)
    for _ in range(2):
        send(raw, "RunTask", {"cluster": "c", "taskDefinition": "web"})
    assert len(mock.tasks("c")) == 2
    for member in ("placementConstraints", "placementStrategy"):
        with rejected(
            mock,
            "InvalidParameterException",
            f"{member}[0].type is a required parameter. Specify a value and try again.",
        ):
            send(raw, "RunTask", {"cluster": "c", "taskDefinition": "web", member: [{}]})


def test_an_instance_with_tasks_is_deregistered_only_by_force(client, mock, cluster):
    """docs/rules.md, "Container instances": force orphans the tasks; they keep running."""
    arn = mock.add_container_instance("c")["containerInstanceArn"]
    register(client)
    (task,) = run(client)["tasks"]
    with rejected(
        mock,
        "InvalidParameterException",
        "The container instance has tasks that have not stopped. Stop them, or deregister it "
        "with force (its tasks keep running, orphaned), and try again.",
    ):
        client.deregister_container_instance(cluster="c", containerInstance=arn)
    client.deregister_container_instance(cluster="c", containerInstance=arn, force=True)
    assert describe(client, task["taskArn"])["lastStatus"] == "RUNNING"


def test_overrides_of_cpu_and_memory_are_read_as_registration_reads_them(client, mock, cluster):
    """docs/rules.md, "Running a task": units converted, nonsense refused."""
    mock.add_container_instance("c", cpu=4096, memory=8192)
    register(client)
    (task,) = run(client, overrides={"cpu": "1 vCPU", "memory": "2 GB"})["tasks"]
    assert (task["cpu"], task["memory"], task["overrides"]["cpu"]) == ("1024", "2048", "1024")
    for cpu in ("abc", "-100000", "1_000", "\u0661\u0662\u0663"):
        with rejected(mock, "ClientException", "Invalid 'cpu' setting for task."):
            run(client, overrides={"cpu": cpu})
    with rejected(mock, "ClientException", "Invalid 'memory' setting for task."):
        run(client, overrides={"memory": "0"})
    with rejected(
        mock,
        "InvalidParameterException",
        "Invalid 'cpu' override for container 'web': it must be 0 or more.",
    ):
        run(client, overrides={"containerOverrides": [{"name": "web", "cpu": -5000}]})
    with rejected(
        mock,
        "InvalidParameterException",
        "Container web is overridden more than once. Give each container one override and "
        "try again.",
    ):
        run(client, overrides={"containerOverrides": [{"name": "web"}, {"name": "web"}]})


def test_a_repeated_client_token_answers_what_it_answered(client, mock):
    """docs/rules.md, "Running a task": failures too, and after the definition is gone."""
    client.create_cluster()
    arn = mock.add_container_instance(memory=256)["containerInstanceArn"]
    register(client)
    same = {"taskDefinition": "web", "count": 2, "clientToken": "retry-1"}
    first = client.run_task(**same)  # in the default cluster
    assert first["failures"] == [{"arn": arn, "reason": "RESOURCE:MEMORY"}]
    client.deregister_task_definition(taskDefinition="web:1")
    again = client.run_task(cluster="default", **same)  # the same request: named or not
    assert [t["taskArn"] for t in again["tasks"]] == [t["taskArn"] for t in first["tasks"]]
    assert again["failures"] == first["failures"]
    assert len(mock.tasks()) == 1


def test_tasks_can_be_tagged(client, mock, cluster):
    """docs/rules.md, "Tags": a task's tags, by its ARN."""
    (task,) = run_fargate(client, "c")
    arn = task["taskArn"]
    client.tag_resource(resourceArn=arn, tags=[{"key": "k", "value": "v"}])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == [{"key": "k", "value": "v"}]
    client.untag_resource(resourceArn=arn, tagKeys=["k"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == []
    (managed,) = run_fargate(
        client,
        "c",
        enableECSManagedTags=True,
        tags=[{"key": f"k{i}", "value": "v"} for i in range(49)],
    )
    client.tag_resource(resourceArn=managed["taskArn"], tags=[{"key": "fifty", "value": "v"}])
    assert len(client.list_tags_for_resource(resourceArn=managed["taskArn"])["tags"]) == 51
    missing = arn.replace(arn.rpartition("/")[2], "0" * 32)
    message = (
        f"The specified resource {missing} does not exist. Specify a valid resource and try again."
    )
    with rejected(mock, "ResourceNotFoundException", message):
        client.tag_resource(resourceArn=missing, tags=[{"key": "k", "value": "v"}])
