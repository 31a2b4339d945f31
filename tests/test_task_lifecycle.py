"""A task's life in virtual time: chosen timings, the waiters, failures on demand, task
protection and ECS Exec (docs/rules.md, "A task's life", "Failures on demand", "Task protection",
"ECS Exec")."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import WaiterError
from support import SUBNETS, WORKER, rejected, run_fargate


def status(client, arn):
    task = client.describe_tasks(cluster="c", tasks=[arn])["tasks"][0]
    return task["lastStatus"], task["version"]


def test_chosen_timings_show_every_status(client, mock, cluster):
    """docs/rules.md, "A task's life": PROVISIONING, PENDING, RUNNING, STOPPING,
    DEPROVISIONING, STOPPED, each as long as its timing."""
    mock.timings.task_provisioning = 5
    mock.timings.task_start = 20
    mock.timings.task_stop = 30
    (task,) = run_fargate(client, "c")
    arn = task["taskArn"]
    assert status(client, arn) == ("PROVISIONING", 1)
    mock.shift(5)
    assert status(client, arn) == ("PENDING", 2)
    mock.shift(20)
    assert status(client, arn) == ("RUNNING", 3)
    client.stop_task(cluster="c", task=arn)
    assert status(client, arn) == ("STOPPING", 5)
    mock.shift(30)
    assert status(client, arn) == ("DEPROVISIONING", 6)
    mock.shift(5)
    assert status(client, arn) == ("STOPPED", 7)
    described = client.describe_tasks(cluster="c", tasks=[arn])["tasks"][0]
    assert described["pullStartedAt"] == described["connectivityAt"]
    assert (described["startedAt"] - described["pullStartedAt"]).total_seconds() == (
        pytest.approx(20, abs=1)
    )


def test_a_pending_task_stops_at_once(client, mock, cluster):
    """docs/rules.md, "A task's life": a task that never ran has nothing to stop."""
    mock.timings.task_start = 60
    mock.add_container_instance("c")
    client.register_task_definition(
        family="web", containerDefinitions=[{"name": "web", "image": "nginx", "memory": 64}]
    )
    (task,) = client.run_task(cluster="c", taskDefinition="web")["tasks"]
    client.stop_task(cluster="c", task=task["taskArn"])
    stopped = client.describe_tasks(cluster="c", tasks=[task["taskArn"]])["tasks"][0]
    assert stopped["lastStatus"] == "STOPPED"
    assert "startedAt" not in stopped


def test_waiters_succeed_at_once_by_default(client, mock, cluster):
    """docs/rules.md, "A task's life": the settled state on the waiter's first poll."""
    arns = [task["taskArn"] for task in run_fargate(client, "c", count=3)]
    started = time.monotonic()
    client.get_waiter("tasks_running").wait(cluster="c", tasks=arns)
    for arn in arns:
        client.stop_task(cluster="c", task=arn)
    client.get_waiter("tasks_stopped").wait(cluster="c", tasks=arns)
    assert mock.now().timestamp() - time.time() < 6  # no poll was needed
    assert time.monotonic() - started < 60  # a sanity bound, not a timing assertion


def test_waiters_spend_virtual_time_with_chosen_timings(client, mock, cluster):
    """docs/rules.md, "A task's life": a waiter polls as on AWS, on the mock's clock."""
    mock.timings.task_start = 60
    (task,) = run_fargate(client, "c")
    before = mock.now()
    client.get_waiter("tasks_running").wait(cluster="c", tasks=[task["taskArn"]])
    waited = (mock.now() - before).total_seconds()
    assert 60 <= waited <= 66  # whole 6-second polls until it ran


def test_a_waiter_that_cannot_succeed_fails(client, mock, cluster):
    """docs/rules.md, "A task's life": MISSING and STOPPED end tasks_running."""
    mock.fail_task_start("CannotPullContainerError: nope")
    (task,) = run_fargate(client, "c")
    with pytest.raises(WaiterError, match="Waiter encountered a terminal failure state"):
        client.get_waiter("tasks_running").wait(cluster="c", tasks=[task["taskArn"]])
    with pytest.raises(WaiterError, match="Waiter encountered a terminal failure state"):
        client.get_waiter("tasks_running").wait(cluster="c", tasks=["0" * 32])
    with pytest.raises(WaiterError, match="Max attempts exceeded"):
        client.get_waiter("tasks_stopped").wait(
            cluster="c", tasks=["0" * 32], WaiterConfig={"MaxAttempts": 3}
        )


def test_planned_start_failures(client, mock, cluster):
    """docs/rules.md, "Failures on demand": TaskFailedToStart, for the tasks planned."""
    reason = "CannotPullContainerError: pull image manifest has been retried 5 time(s)"
    mock.fail_task_start(reason, family="worker", times=2)
    client.register_task_definition(**{**WORKER, "family": "other"})
    (other,) = client.run_task(
        cluster="c", taskDefinition="other", launchType="FARGATE", networkConfiguration=SUBNETS
    )["tasks"]
    mock.fail_task_start()
    tasks = run_fargate(client, "c", count=3)
    described = client.describe_tasks(cluster="c", tasks=[t["taskArn"] for t in [*tasks, other]])[
        "tasks"
    ]
    assert [(t["lastStatus"], t.get("stopCode")) for t in described] == [
        ("STOPPED", "TaskFailedToStart"),
        ("STOPPED", "TaskFailedToStart"),
        ("STOPPED", "TaskFailedToStart"),
        ("RUNNING", None),
    ]
    assert [t["stoppedReason"] for t in described[:3]] == [
        reason,
        reason,
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to "
        "resolve ref: not found",
    ]
    assert described[0]["containers"][0]["reason"] == reason
    assert "startedAt" not in described[0]
    assert "exitCode" not in described[0]["containers"][0]


def test_failing_for_good(client, mock, cluster):
    """docs/rules.md, "Failures on demand": times=None fails every task from now on."""
    mock.fail_task_start("CannotPullContainerError: gone", times=None)
    tasks = run_fargate(client, "c", count=4)
    described = client.describe_tasks(cluster="c", tasks=[t["taskArn"] for t in tasks])["tasks"]
    assert {t["stopCode"] for t in described} == {"TaskFailedToStart"}
    for times in (0, 1.5, True):
        with pytest.raises(ValueError, match="times is a whole number"):
            mock.fail_task_start(times=times)
    with pytest.raises(ValueError, match="needs a reason"):
        mock.fail_task_start("")


def test_an_essential_container_exits(client, mock, cluster):
    """docs/rules.md, "Failures on demand": the task stops with EssentialContainerExited."""
    mock.add_container_instance("c")
    client.register_task_definition(
        family="job",
        containerDefinitions=[
            {"name": "job", "image": "busybox", "memory": 64},
            {"name": "sidecar", "image": "envoy", "memory": 64, "essential": False},
        ],
    )
    mock.timings.task_start = 10
    (task,) = client.run_task(cluster="c", taskDefinition="job")["tasks"]
    arn = task["taskArn"]
    with pytest.raises(ValueError, match="only a RUNNING one exits"):
        mock.exit_container(arn)
    mock.shift(10)
    mock.exit_container(arn, 3, container="sidecar")
    with pytest.raises(ValueError, match=r"'sidecar' of .* has exited already"):
        mock.exit_container(arn, 4, container="sidecar")
    running = client.describe_tasks(cluster="c", tasks=[arn])["tasks"][0]
    assert running["lastStatus"] == "RUNNING"
    assert (running["containers"][1]["lastStatus"], running["containers"][1]["exitCode"]) == (
        "STOPPED",
        3,
    )
    mock.exit_container(arn.rpartition("/")[2], 137)
    stopped = client.describe_tasks(cluster="c", tasks=[arn])["tasks"][0]
    assert (stopped["lastStatus"], stopped["stopCode"], stopped["stoppedReason"]) == (
        "STOPPED",
        "EssentialContainerExited",
        "Essential container in task exited",
    )
    assert [c.get("exitCode") for c in stopped["containers"]] == [137, 3]
    with pytest.raises(KeyError, match="no task"):
        mock.exit_container("0" * 32)
    with pytest.raises(ValueError, match="only a RUNNING one exits"):
        mock.exit_container(arn)
    with pytest.raises(ValueError, match="an exit code is a whole number"):
        mock.exit_container(arn, "1")


def test_exit_container_names_the_containers(client, mock, cluster):
    """docs/rules.md, "Failures on demand": an unknown container is named in the error."""
    (task,) = run_fargate(client, "c")
    client.describe_tasks(cluster="c", tasks=[task["taskArn"]])
    with pytest.raises(KeyError, match=r"has no container 'db'; it has \['worker'\]"):
        mock.exit_container(task["taskArn"], container="db")


def test_task_protection_is_for_service_tasks(client, mock, cluster):
    """docs/rules.md, "Task protection": a standalone task is TASK_NOT_VALID."""
    (task,) = run_fargate(client, "c")
    arn = task["taskArn"]
    missing = f"arn:aws:ecs:us-east-1:123456789012:task/c/{'0' * 32}"
    got = client.get_task_protection(cluster="c", tasks=[arn, "0" * 32])
    assert got["protectedTasks"] == []
    assert got["failures"] == [
        {"arn": missing, "reason": "MISSING"},
        {"arn": arn, "reason": "TASK_NOT_VALID"},
    ]
    updated = client.update_task_protection(
        cluster="c", tasks=[arn], protectionEnabled=True, expiresInMinutes=300
    )
    assert updated["failures"] == [{"arn": arn, "reason": "TASK_NOT_VALID"}]
    minutes = (
        "expiresInMinutes must be between 1 and 2880. Specify a value in that range and try again."
    )
    for wrong in (0, 2881):
        with rejected(mock, "InvalidParameterException", minutes):
            client.update_task_protection(
                cluster="c", tasks=[arn], protectionEnabled=True, expiresInMinutes=wrong
            )
    with rejected(mock, "InvalidParameterException", "taskIds can have at most 10 items."):
        client.update_task_protection(cluster="c", tasks=[arn] * 11, protectionEnabled=False)
    with rejected(mock, "InvalidParameterException", "Tasks cannot be empty."):
        client.get_task_protection(cluster="c", tasks=[])
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        client.get_task_protection(cluster="nope", tasks=[arn])


def run_with_exec(client, containers=None):
    client.register_task_definition(
        **{
            **WORKER,
            "taskRoleArn": "arn:aws:iam::123456789012:role/app",
            "containerDefinitions": containers or WORKER["containerDefinitions"],
        }
    )
    return client.run_task(
        cluster="c",
        taskDefinition="worker",
        launchType="FARGATE",
        networkConfiguration=SUBNETS,
        enableExecuteCommand=True,
    )["tasks"][0]


def test_execute_command_answers_a_session(client, mock, cluster):
    """docs/rules.md, "ECS Exec": a session shaped as AWS's, for a RUNNING task with exec."""
    task = run_with_exec(client)
    assert task["enableExecuteCommand"] is True
    response = client.execute_command(
        cluster="c", task=task["taskArn"], command="/bin/sh", interactive=True
    )
    assert (response["containerName"], response["interactive"]) == ("worker", True)
    assert response["containerArn"] == task["containers"][0]["containerArn"]
    session = response["session"]
    assert session["sessionId"].startswith("ecs-execute-command-")
    assert session["streamUrl"] == (
        "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/"
        f"{session['sessionId']}?role=publish_subscribe"
    )
    assert session["tokenValue"]


def test_execute_command_refuses(client, mock, cluster):
    """docs/rules.md, "ECS Exec": each refusal, in AWS's words where they are known."""
    (plain,) = run_fargate(client, "c")
    pair = [
        {"name": "app", "image": "nginx"},
        {"name": "log", "image": "fluent", "essential": False},
    ]
    both = run_with_exec(client, pair)
    not_enabled = (
        "The execute command failed because execute command was not enabled when the task was "
        "run or the execute command agent isn\u2019t running. Wait and try again or run a new "
        "task with execute command enabled and try again."
    )
    cases = [
        (plain["taskArn"], {}, not_enabled),
        (
            both["taskArn"],
            {"interactive": False},
            "Interactive is the only mode supported currently.",
        ),
        (
            both["taskArn"],
            {},
            "The task has more than one container: specify the container to run the command in.",
        ),
        (
            both["taskArn"],
            {"container": "db"},
            "The task has no container named db. Specify one of its containers and try again.",
        ),
        (
            both["taskArn"],
            {"command": " "},
            "command can not be empty. Give the command to run, such as /bin/sh, and try again.",
        ),
        ("0" * 32, {}, "The referenced task was not found"),
    ]
    for task, kwargs, message in cases:
        request = {"cluster": "c", "task": task, "command": "ls", "interactive": True, **kwargs}
        with rejected(mock, "InvalidParameterException", message):
            client.execute_command(**request)
    answered = client.execute_command(
        cluster="c", task=both["taskArn"], container="log", command="ls", interactive=True
    )
    assert answered["containerName"] == "log"
    mock.exit_container(both["taskArn"], 1, container="log")
    with rejected(mock, "InvalidParameterException", not_enabled):
        client.execute_command(
            cluster="c", task=both["taskArn"], container="log", command="ls", interactive=True
        )
