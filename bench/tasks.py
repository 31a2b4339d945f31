"""Tasks at scale: a ListTasks page and a RunTask as the tasks pile up, the memory a task keeps,
and what the task waiters cost in wall time."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

from bench.contenders import Lineup
from bench.latency import EC2_TASK, HOSTS, TASK_DEFINITION
from bench.load import retained
from bench.report import Table, micros, millis, times, verdict
from bench.timing import samples

NETWORK = {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}
BATCH = {**TASK_DEFINITION, "family": "batch"}  # a second family, for the filter to pick from


def task_scaling(lineup: Lineup, sizes: Sequence[int], calls: int) -> Table:
    """A filtered ListTasks page and an EC2 RunTask with N tasks present (ecsmock only: moto
    fails every awsvpc RunTask, the way these tasks are made)."""
    table = Table(
        "Scaling with the number of tasks (ecsmock, median per call)",
        ["tasks", "list_tasks, a page of 100, family filter", f"run_task, EC2 on {HOSTS} instances",
         "list vs smallest N", "run vs smallest N"],
    )  # fmt: skip
    contender = lineup.ecsmock
    with contender.active():
        client = contender.client()
        contender.seed_instances(client, HOSTS)
        client.register_task_definition(**EC2_TASK)
        client.register_task_definition(**TASK_DEFINITION)
        client.register_task_definition(**BATCH)
        present, first = 0, None
        for size in sizes:
            _grow(client, size - present)
            present = size
            page = statistics.median(
                samples(lambda _: client.list_tasks(family="web", maxResults=100), calls, 2.0)
            )
            run = statistics.median(
                samples(lambda _: client.run_task(taskDefinition="worker"), calls, 2.0)
            )
            first = first or (page, run)
            row = [f"{size:,}", micros(page), micros(run), times(page, first[0])]
            table.rows.append([*row, times(run, first[1])])
    table.notes.append(
        "Target: a page and a placement cost the same at every N (O(page) and O(instances), not "
        "O(tasks)): within 1.3× of the smallest N. The tasks are Fargate tasks of two families, "
        "made ten at a time through the API; the EC2 tasks the run column adds are few beside "
        "them."
    )
    return table


def _grow(client: Any, count: int) -> None:
    for i in range(count // 10):
        client.run_task(
            taskDefinition="web" if i % 2 else "batch",
            launchType="FARGATE",
            networkConfiguration=NETWORK,
            count=10,
        )


def task_memory(lineup: Lineup, count: int) -> Table:
    """Memory still held per task: Fargate tasks of the realistic 3-container definition."""
    table = Table("Memory retained per task", ["contender", "tasks", "bytes each", "target"])
    contender = lineup.ecsmock

    def fill(_: Any, client: Any) -> None:
        _grow(client, count)

    def warm(_: Any, client: Any) -> None:
        client.create_cluster()
        client.register_task_definition(**TASK_DEFINITION)
        client.register_task_definition(**BATCH)
        _grow(client, 20)

    each = retained(contender, warm, fill) / count
    table.rows.append([contender.name, f"{count:,}", f"{each:,.0f}", verdict(each, 2048, " bytes")])
    table.notes.append(
        "botocore sends a clientToken with every RunTask, so each call also keeps what it "
        "answered (a digest and the task ids), shared by its ten tasks. moto fails these tasks."
    )
    return table


def waiters(lineup: Lineup, rounds: int) -> Table:
    """Wall time of `tasks_running` on 10 tasks, settled at once and with 30 s to start."""
    table = Table(
        "The task waiters (ecsmock, wall time, median)",
        ["waiter", "virtual time it waited", "wall time", "target"],
    )
    for label, start, waiter in (
        ("tasks_running, 10 tasks, default timings", 0, "tasks_running"),
        ("tasks_running, 10 tasks, task_start = 30 s", 30, "tasks_running"),
        ("tasks_stopped, 10 tasks, task_stop = 30 s", 30, "tasks_stopped"),
    ):
        walls, waited = [], []
        for _ in range(rounds):
            with lineup.ecsmock.active() as handle:
                client = lineup.ecsmock.client()
                client.create_cluster()
                client.register_task_definition(**TASK_DEFINITION)
                kind = "task_start" if waiter == "tasks_running" else "task_stop"
                setattr(handle.timings, kind, start)
                tasks = client.run_task(
                    taskDefinition="web",
                    launchType="FARGATE",
                    networkConfiguration=NETWORK,
                    count=10,
                )["tasks"]
                arns = [task["taskArn"] for task in tasks]
                if waiter == "tasks_stopped":
                    client.get_waiter("tasks_running").wait(tasks=arns)
                    for arn in arns:
                        client.stop_task(task=arn)
                before = handle.now()
                started = time.perf_counter()
                client.get_waiter(waiter).wait(tasks=arns)
                walls.append(time.perf_counter() - started)
                waited.append((handle.now() - before).total_seconds())
        wall = statistics.median(walls)
        target = "—" if start else verdict(wall * 1e3, 10, " ms")
        table.rows.append([label, f"{statistics.median(waited):.0f} s", millis(wall), target])
    table.notes.append(
        "The waiters poll DescribeTasks every 6 s, as botocore's model says; ecsmock spends "
        "those seconds on its clock, so a waiter that needs six polls costs six DescribeTasks "
        "calls of 10 tasks, and no sleep. The target is for the default timings: one poll."
    )
    return table
