"""Property-based sequences: tasks run, stop, exit and fail while instances come and go and the
clock moves, in any order; after every step the counts a cluster and its instances show are
those of the tasks themselves, ListTasks lists exactly the tasks it should, and every index
agrees with the stores (docs/rules.md, "Where tasks go", "Reading tasks")."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from support import SUBNETS, WORKER, create_provider, ecs

from ecsmock import mock_ecs

STARTING = ("PROVISIONING", "PENDING")


class TaskWorld(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.mock = mock_ecs(seed=7)
        self.handle = self.mock.start()
        self.client = ecs()
        create_provider(self.client, "asg", asg={"managedScaling": {"status": "ENABLED"}})
        self.client.create_cluster(clusterName="c", capacityProviders=["FARGATE", "asg"])
        self.client.register_task_definition(**WORKER)
        self.client.register_task_definition(
            family="web",
            containerDefinitions=[
                {
                    "name": "web",
                    "image": "nginx",
                    "cpu": 256,
                    "memory": 256,
                    "portMappings": [{"containerPort": 80, "hostPort": 8080}],
                }
            ],
        )
        self.client.register_task_definition(
            family="dynamic",
            containerDefinitions=[
                {
                    "name": "app",
                    "image": "nginx",
                    "memory": 128,
                    "portMappings": [{"containerPort": 80}],
                }
            ],
        )
        self.handle.add_container_instance("c", cpu=1024, memory=1024)

    def teardown(self) -> None:
        self.mock.stop()

    def arns(self) -> list[str]:
        return sorted(task["taskArn"] for task in self.handle.tasks("c").values())

    @rule(count=st.integers(1, 4), strategy=st.booleans())
    def run_on_fargate(self, count: int, strategy: bool) -> None:
        placement = (
            {"capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}
            if strategy
            else {"launchType": "FARGATE"}
        )
        self.client.run_task(
            cluster="c",
            taskDefinition="worker",
            networkConfiguration=SUBNETS,
            count=count,
            **placement,
        )

    @rule(count=st.integers(1, 4))
    def run_on_instances(self, count: int) -> None:
        active = self.client.list_container_instances(cluster="c", status="ACTIVE")
        if active["containerInstanceArns"]:
            self.client.run_task(cluster="c", taskDefinition="web", count=count)
        else:  # every instance drains: AWS's error, not a failure entry
            with pytest.raises(ClientError, match="No Container Instances were found"):
                self.client.run_task(cluster="c", taskDefinition="web", count=count)

    @rule(count=st.integers(1, 3))
    def run_on_the_auto_scaling_group(self, count: int) -> None:
        strategy = [{"capacityProvider": "asg", "weight": 1}]
        self.client.run_task(
            cluster="c", taskDefinition="dynamic", count=count, capacityProviderStrategy=strategy
        )

    @rule(
        cpu=st.sampled_from([256, 512, 2048]),
        memory=st.sampled_from([256, 2048]),
        provider=st.sampled_from([None, "asg"]),
    )
    def add_instance(self, cpu: int, memory: int, provider: str | None) -> None:
        self.handle.add_container_instance("c", cpu=cpu, memory=memory, capacity_provider=provider)

    @rule(data=st.data(), status=st.sampled_from(["DRAINING", "ACTIVE"]))
    def drain_or_activate(self, data: st.DataObject, status: str) -> None:
        instances = self.client.list_container_instances(cluster="c")["containerInstanceArns"]
        chosen = data.draw(st.sampled_from(instances))
        self.client.update_container_instances_state(
            cluster="c", containerInstances=[chosen], status=status
        )

    @rule(data=st.data(), connected=st.booleans())
    def disconnect_or_reconnect(self, data: st.DataObject, connected: bool) -> None:
        instances = self.client.list_container_instances(cluster="c")["containerInstanceArns"]
        chosen = data.draw(st.sampled_from(instances))
        self.handle.disconnect_container_instance(chosen, "c", connected=connected)

    @precondition(lambda self: self.handle.tasks("c"))
    @rule(data=st.data())
    def stop(self, data: st.DataObject) -> None:
        arn = data.draw(st.sampled_from(self.arns()))
        self.client.stop_task(cluster="c", task=arn)

    @precondition(
        lambda self: any(t["lastStatus"] == "RUNNING" for t in self.handle.tasks("c").values())
    )
    @rule(data=st.data(), code=st.integers(0, 255))
    def exit(self, data: st.DataObject, code: int) -> None:
        running = sorted(
            t["taskArn"] for t in self.handle.tasks("c").values() if t["lastStatus"] == "RUNNING"
        )
        self.handle.exit_container(data.draw(st.sampled_from(running)), code)

    @rule()
    def fail_the_next_start(self) -> None:
        self.handle.fail_task_start()

    @rule(
        timing=st.sampled_from(["task_provisioning", "task_start", "task_stop"]),
        seconds=st.sampled_from([0, 5, 30]),
    )
    def choose_a_timing(self, timing: str, seconds: int) -> None:
        setattr(self.handle.timings, timing, seconds)

    @rule(seconds=st.sampled_from([0, 1, 5, 30, 120]))
    def wait(self, seconds: int) -> None:
        self.handle.shift(seconds)

    @invariant()
    def counts_are_the_tasks(self) -> None:
        tasks = list(self.handle.tasks("c").values())
        cluster = self.client.describe_clusters(clusters=["c"], include=["STATISTICS"])["clusters"][
            0
        ]
        assert cluster["runningTasksCount"] == sum(t["lastStatus"] == "RUNNING" for t in tasks)
        assert cluster["pendingTasksCount"] == sum(t["lastStatus"] in STARTING for t in tasks)
        statistics = {s["name"]: int(s["value"]) for s in cluster["statistics"]}
        fargate = [t for t in tasks if t["launchType"] == "FARGATE"]
        assert statistics["runningFargateTasksCount"] == sum(
            t["lastStatus"] == "RUNNING" for t in fargate
        )
        held = {}
        for task in tasks:
            if task["lastStatus"] != "STOPPED" and "containerInstanceArn" in task:
                held.setdefault(task["containerInstanceArn"], []).append(task)
        instances = self.client.list_container_instances(cluster="c")["containerInstanceArns"]
        described = self.client.describe_container_instances(
            cluster="c", containerInstances=instances
        )["containerInstances"]
        for instance in described:
            mine = held.get(instance["containerInstanceArn"], [])
            left = {r["name"]: r for r in instance["remainingResources"]}
            total = {r["name"]: r for r in instance["registeredResources"]}
            cpu = sum(int(t["cpu"]) for t in mine)
            assert left["CPU"]["integerValue"] == total["CPU"]["integerValue"] - cpu
            assert left["CPU"]["integerValue"] >= 0
            assert left["MEMORY"]["integerValue"] >= 0
            static = [t for t in mine if t["taskDefinitionArn"].endswith("/web:1")]
            assert len(static) <= 1  # one static port 8080 per instance
            assert instance["runningTasksCount"] == sum(t["lastStatus"] == "RUNNING" for t in mine)
            bound = [
                (b["hostPort"], b["protocol"])
                for t in mine
                for c in t["containers"]
                for b in c.get("networkBindings", ())
            ]
            assert len(bound) == len(set(bound))  # no host port twice

    @invariant()
    def list_tasks_lists_what_it_should(self) -> None:
        tasks = self.handle.tasks("c").values()
        pages = self.client.get_paginator("list_tasks").paginate(
            cluster="c", PaginationConfig={"PageSize": 3}
        )
        listed = [arn for page in pages for arn in page["taskArns"]]
        assert sorted(listed) == sorted(
            t["taskArn"] for t in tasks if t["desiredStatus"] == "RUNNING"
        )
        assert len(listed) == len(set(listed))

    @invariant()
    def indexes_agree_with_the_stores(self) -> None:
        assert self.handle._audit() == []


TaskWorld.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_task_sequences = TaskWorld.TestCase
