"""Where tasks go: capacity provider strategies, resources, placement constraints and strategies
(docs/rules.md, "Where tasks go")."""

from __future__ import annotations

import pytest
from support import SUBNETS, WORKER, create_provider, register, rejected, run_fargate

from ecsmock import mock_ecs


def instances_of(tasks):
    return [task.get("containerInstanceArn") for task in tasks]


def add(mock, count, **kwargs):
    return [
        mock.add_container_instance("c", **kwargs)["containerInstanceArn"] for _ in range(count)
    ]


def test_tasks_fit_by_cpu_memory_and_ports(client, mock, cluster):
    """docs/rules.md, "Where tasks go": a failure per instance that has no room, and why."""
    (small,) = add(mock, 1, cpu=512, memory=1024)
    register(client, portMappings=[{"containerPort": 80, "hostPort": 80}])
    response = client.run_task(cluster="c", taskDefinition="web", count=2)
    assert instances_of(response["tasks"]) == [small]
    assert response["failures"] == [{"arn": small, "reason": "RESOURCE:PORTS"}]
    register(client, family="cpu", cpu=1024)
    register(client, family="memory", memory=2048)
    for family, reason in (("cpu", "RESOURCE:CPU"), ("memory", "RESOURCE:MEMORY")):
        response = client.run_task(cluster="c", taskDefinition=family)
        assert (response["tasks"], response["failures"]) == ([], [{"arn": small, "reason": reason}])


def test_dynamic_host_ports_are_bound_when_running(client, mock, cluster):
    """docs/rules.md, "Where tasks go": bridge mode without a host port gets one."""
    add(mock, 1)
    register(client, portMappings=[{"containerPort": 80}, {"containerPort": 53, "protocol": "udp"}])
    tasks = client.run_task(cluster="c", taskDefinition="web", count=2)["tasks"]
    described = client.describe_tasks(cluster="c", tasks=[t["taskArn"] for t in tasks])["tasks"]
    bindings = [t["containers"][0]["networkBindings"] for t in described]
    ports = [(b["hostPort"], b["protocol"]) for binding in bindings for b in binding]
    assert sorted(ports) == [(32768, "tcp"), (32768, "udp"), (32769, "tcp"), (32769, "udp")]
    assert [(b["containerPort"], b["protocol"]) for b in bindings[0]] == [(80, "tcp"), (53, "udp")]


def test_binpack_fills_the_fullest_instance(client, mock, cluster):
    """docs/rules.md, "Where tasks go": binpack on memory."""
    roomy, tight = add(mock, 1, memory=4096) + add(mock, 1, memory=1024)
    register(client)
    strategy = [{"type": "binpack", "field": "memory"}]
    tasks = client.run_task(cluster="c", taskDefinition="web", count=5, placementStrategy=strategy)
    assert instances_of(tasks["tasks"]) == [tight] * 4 + [roomy]


def test_spread_evens_out_instances_and_zones(client, mock, cluster):
    """docs/rules.md, "Where tasks go": spread by instance or by attribute, within the group."""
    a, b = add(mock, 2)
    c = add(mock, 1, availability_zone="us-east-1b")[0]
    register(client)
    by_instance = [{"type": "spread", "field": "instanceId"}]
    tasks = client.run_task(
        cluster="c", taskDefinition="web", count=3, placementStrategy=by_instance
    )
    assert instances_of(tasks["tasks"]) == [a, b, c]
    by_zone = [{"type": "spread", "field": "attribute:ecs.availability-zone"}]
    more = client.run_task(
        cluster="c", taskDefinition="web", count=2, placementStrategy=by_zone, group="other"
    )
    assert instances_of(more["tasks"]) == [a, c]


def test_random_placement_is_the_default_and_follows_the_seed(client, mock, cluster):
    """docs/rules.md, "Where tasks go": no strategy places at random, from the mock's ids."""
    add(mock, 4)
    register(client)
    placed = instances_of(client.run_task(cluster="c", taskDefinition="web", count=8)["tasks"])
    assert len(set(placed)) > 1


def test_distinct_instance_and_member_of(client, mock, cluster):
    """docs/rules.md, "Where tasks go": constraints bind, and say ATTRIBUTE when they refuse."""
    (plain,) = add(mock, 1)
    (tagged,) = add(mock, 1, attributes={"stack": "prod"})
    register(client)
    distinct = [{"type": "distinctInstance"}]
    response = client.run_task(
        cluster="c", taskDefinition="web", count=3, placementConstraints=distinct
    )
    assert sorted(instances_of(response["tasks"])) == sorted([plain, tagged])
    assert response["failures"] == [
        {"arn": plain, "reason": "ATTRIBUTE"},
        {"arn": tagged, "reason": "ATTRIBUTE"},
    ]
    member_of = [{"type": "memberOf", "expression": "attribute:stack == prod"}]
    placed = client.run_task(
        cluster="c", taskDefinition="web", count=2, placementConstraints=member_of
    )
    assert instances_of(placed["tasks"]) == [tagged, tagged]
    register(client, family="other")
    grouped = [{"type": "memberOf", "expression": "task:group == family:web"}]
    placed = client.run_task(cluster="c", taskDefinition="other", placementConstraints=grouped)
    assert len(placed["tasks"]) == 1  # both instances run family:web tasks


def test_member_of_counts_the_tasks_this_call_places(client, mock, cluster):
    """docs/rules.md, "Where tasks go": runningTasksCount includes the call's own tasks."""
    empty = add(mock, 3)
    register(client)
    alone = [{"type": "memberOf", "expression": "runningTasksCount == 0"}]
    placed = client.run_task(cluster="c", taskDefinition="web", count=3, placementConstraints=alone)
    assert sorted(instances_of(placed["tasks"])) == sorted(empty)


def test_seeded_mocks_place_alike():
    """docs/rules.md, "Where tasks go": random placement draws from the mock's ids."""

    def placed():
        with mock_ecs(seed=3) as seeded:
            seeded.client().create_cluster(clusterName="c")
            for _ in range(4):
                seeded.add_container_instance("c")
            register(seeded.client())
            tasks = seeded.client().run_task(cluster="c", taskDefinition="web", count=6)["tasks"]
            return instances_of(tasks)

    assert placed() == placed()


def test_constraints_of_the_definition_count_too(client, mock, cluster):
    """docs/rules.md, "Where tasks go": at most 10, with those of the task definition."""
    (only,) = add(mock, 1, attributes={"stack": "prod"})
    client.register_task_definition(
        family="web",
        containerDefinitions=[{"name": "web", "image": "nginx", "memory": 128}],
        placementConstraints=[{"type": "memberOf", "expression": "attribute:stack == test"}],
    )
    response = client.run_task(cluster="c", taskDefinition="web")
    assert response["failures"] == [{"arn": only, "reason": "ATTRIBUTE"}]
    many = [{"type": "memberOf", "expression": "attribute:stack == prod"}] * 10
    with rejected(
        mock,
        "InvalidParameterException",
        "A task can have at most 10 placement constraints, counting those of its task "
        "definition. Remove some and try again.",
    ):
        client.run_task(cluster="c", taskDefinition="web", placementConstraints=many)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"placementStrategy": [{"type": "random"}] * 6},
            "A task can have at most 5 placement strategy rules. Remove some and try again.",
        ),
        (
            {"placementStrategy": [{"type": "binpack", "field": "disk"}]},
            "The placement strategy binpack does not take the field disk. binpack takes cpu or "
            "memory, spread takes instanceId, host or attribute:<name>, random takes none.",
        ),
        (
            {"placementStrategy": [{"type": "spread"}]},
            "The placement strategy spread does not take the field (none). binpack takes cpu or "
            "memory, spread takes instanceId, host or attribute:<name>, random takes none.",
        ),
        (
            {"placementStrategy": [{"type": "random", "field": "cpu"}]},
            "The placement strategy random does not take the field cpu. binpack takes cpu or "
            "memory, spread takes instanceId, host or attribute:<name>, random takes none.",
        ),
        (
            {"placementConstraints": [{"type": "distinctInstance", "expression": "x"}]},
            "distinctInstance expression should not be specified.",
        ),
        (
            {"placementConstraints": [{"type": "memberOf", "expression": "attribute:a =="}]},
            "Invalid placement constraint expression 'attribute:a ==': it ends too early. See "
            "the cluster query language in the Amazon ECS Developer Guide.",
        ),
    ],
)
def test_placement_rules_are_checked(client, mock, cluster, kwargs, message):
    """docs/rules.md, "Where tasks go": strategies and constraints, as the model documents them."""
    add(mock, 1)
    register(client)
    with rejected(mock, "InvalidParameterException", message):
        client.run_task(cluster="c", taskDefinition="web", **kwargs)


def test_required_attributes_and_a_disconnected_agent(client, mock, cluster):
    """docs/rules.md, "Where tasks go": ATTRIBUTE for capabilities, AGENT for a lost agent."""
    (bare,) = add(mock, 1)
    client.register_task_definition(
        family="web",
        taskRoleArn="arn:aws:iam::123456789012:role/app",
        containerDefinitions=[{"name": "web", "image": "nginx", "memory": 128}],
    )
    client.delete_attributes(
        cluster="c",
        attributes=[{"name": "com.amazonaws.ecs.capability.task-iam-role", "targetId": bare}],
    )
    response = client.run_task(cluster="c", taskDefinition="web")
    assert response["failures"] == [{"arn": bare, "reason": "ATTRIBUTE"}]
    (other,) = add(mock, 1)
    mock.disconnect_container_instance(other, "c")
    response = client.run_task(cluster="c", taskDefinition="web")
    assert response["failures"] == [
        {"arn": bare, "reason": "ATTRIBUTE"},
        {"arn": other, "reason": "AGENT"},
    ]
    described = client.describe_container_instances(cluster="c", containerInstances=[other])
    assert described["containerInstances"][0]["agentConnected"] is False
    mock.disconnect_container_instance(other, "c", connected=True)
    version = described["containerInstances"][0]["version"]
    mock.disconnect_container_instance(other, "c", connected=True)  # no change: no new version
    again = client.describe_container_instances(cluster="c", containerInstances=[other])
    assert again["containerInstances"][0]["version"] == version + 1
    assert instances_of(client.run_task(cluster="c", taskDefinition="web")["tasks"]) == [other]
    with pytest.raises(KeyError, match="no registered container instance"):
        mock.disconnect_container_instance("0" * 32, "c")


def test_a_strategy_splits_tasks_base_first_then_by_weight(client, mock, cluster):
    """docs/rules.md, "Where tasks go": FARGATE and FARGATE_SPOT, as AWS shares them."""
    client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[],
    )
    strategy = [
        {"capacityProvider": "FARGATE", "base": 2, "weight": 1},
        {"capacityProvider": "FARGATE_SPOT", "weight": 3},
    ]
    tasks = run_fargate(client, "c", count=10, capacityProviderStrategy=strategy)
    providers = [task["capacityProviderName"] for task in tasks]
    assert (providers.count("FARGATE"), providers.count("FARGATE_SPOT")) == (4, 6)
    assert providers[:2] == ["FARGATE", "FARGATE"]
    assert {task["launchType"] for task in tasks} == {"FARGATE"}
    statistics = client.describe_clusters(clusters=["c"], include=["STATISTICS"])["clusters"][0]
    assert {s["name"]: s["value"] for s in statistics["statistics"]}[
        "runningFargateTasksCount"
    ] == ("10")


def test_the_cluster_default_strategy_applies_without_a_launch_type(client, mock, cluster):
    """docs/rules.md, "Where tasks go": the cluster's default strategy, else EC2."""
    client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
    )
    client.register_task_definition(**WORKER)
    network = SUBNETS
    (task,) = client.run_task(cluster="c", taskDefinition="worker", networkConfiguration=network)[
        "tasks"
    ]
    assert (task["capacityProviderName"], task["launchType"]) == ("FARGATE_SPOT", "FARGATE")
    with rejected(
        mock,
        "InvalidParameterException",
        "The specified capacity provider strategy cannot contain a capacity provider that is "
        "not associated with the cluster. Associate the capacity provider with the cluster or "
        "specify a valid capacity provider and try again.",
    ):
        client.run_task(
            cluster="c",
            taskDefinition="worker",
            networkConfiguration=network,
            capacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1}],
        )


def test_tasks_wait_for_an_auto_scaling_group_instance(client, mock, cluster):
    """docs/rules.md, "Where tasks go": PROVISIONING until an instance of the provider joins."""
    create_provider(client, "asg")
    client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["asg"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "asg", "weight": 1}],
    )
    register(client)
    (task,) = client.run_task(cluster="c", taskDefinition="web")["tasks"]
    waiting = client.describe_tasks(cluster="c", tasks=[task["taskArn"]])["tasks"][0]
    assert (waiting["lastStatus"], waiting["capacityProviderName"]) == ("PROVISIONING", "asg")
    assert "containerInstanceArn" not in waiting
    message = "The specified capacity provider is in use and cannot be removed."
    with rejected(mock, "ResourceInUseException", message):
        client.put_cluster_capacity_providers(
            cluster="c", capacityProviders=[], defaultCapacityProviderStrategy=[]
        )
    add(mock, 1)  # not the provider's: the task keeps waiting
    assert (
        client.describe_tasks(cluster="c", tasks=[task["taskArn"]])["tasks"][0]["lastStatus"]
        == "PROVISIONING"
    )
    (joined,) = add(mock, 1, capacity_provider="asg")
    placed = client.describe_tasks(cluster="c", tasks=[task["taskArn"]])["tasks"][0]
    assert (placed["lastStatus"], placed["containerInstanceArn"]) == ("RUNNING", joined)


def test_waiting_tasks_take_the_room_tasks_leave(client, mock, cluster):
    """docs/rules.md, "Where tasks go": a stopped task, or an instance ACTIVE again, makes
    room for a task that waits."""
    create_provider(client, "elastic", asg={"managedScaling": {"status": "ENABLED"}})
    client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["elastic"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "elastic", "weight": 1}],
    )
    (only,) = add(mock, 1, memory=256, capacity_provider="elastic")
    register(client)
    first, second = client.run_task(cluster="c", taskDefinition="web", count=2)["tasks"]
    assert (first["lastStatus"], second["lastStatus"]) == ("PENDING", "PROVISIONING")
    client.stop_task(cluster="c", task=first["taskArn"])
    placed = client.describe_tasks(cluster="c", tasks=[second["taskArn"]])["tasks"][0]
    assert (placed["lastStatus"], placed["containerInstanceArn"]) == ("RUNNING", only)
    client.update_container_instances_state(
        cluster="c", containerInstances=[only], status="DRAINING"
    )
    client.stop_task(cluster="c", task=second["taskArn"])
    (third,) = client.run_task(cluster="c", taskDefinition="web")["tasks"]
    assert third["lastStatus"] == "PROVISIONING"  # a DRAINING instance takes no task
    client.update_container_instances_state(cluster="c", containerInstances=[only], status="ACTIVE")
    placed = client.describe_tasks(cluster="c", tasks=[third["taskArn"]])["tasks"][0]
    assert placed["lastStatus"] == "RUNNING"


def test_a_static_port_avoids_the_dynamic_ones(client, mock, cluster):
    """docs/rules.md, "Where tasks go": dynamic host ports are held like static ones."""
    (only,) = add(mock, 1)
    register(client, family="dynamic", portMappings=[{"containerPort": 80}])
    register(client, family="static", portMappings=[{"containerPort": 80, "hostPort": 32768}])
    client.run_task(cluster="c", taskDefinition="dynamic")
    refused = client.run_task(cluster="c", taskDefinition="static")
    assert refused["failures"] == [{"arn": only, "reason": "RESOURCE:PORTS"}]


def test_a_strategy_needs_a_weight(client, mock, cluster):
    """docs/rules.md, "Where tasks go": all weights 0 fails, as the model says."""
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["FARGATE"], defaultCapacityProviderStrategy=[]
    )
    client.register_task_definition(**WORKER)
    with rejected(
        mock,
        "InvalidParameterException",
        "A capacity provider strategy needs a weight greater than 0 for at least one capacity "
        "provider. Give one a weight and try again.",
    ):
        client.run_task(
            cluster="c",
            taskDefinition="worker",
            networkConfiguration=SUBNETS,
            capacityProviderStrategy=[{"capacityProvider": "FARGATE", "base": 1}],
        )


def test_a_full_provider_waits_only_when_it_scales(client, mock, cluster):
    """docs/rules.md, "Where tasks go": managed scaling decides between waiting and failing."""
    create_provider(client, "fixed")
    create_provider(client, "elastic", asg={"managedScaling": {"status": "ENABLED"}})
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["fixed", "elastic"], defaultCapacityProviderStrategy=[]
    )
    (fixed,) = add(mock, 1, memory=128, capacity_provider="fixed")
    add(mock, 1, memory=128, capacity_provider="elastic")
    register(client)
    fails = client.run_task(
        cluster="c",
        taskDefinition="web",
        capacityProviderStrategy=[{"capacityProvider": "fixed", "weight": 1}],
    )
    assert (fails["tasks"], fails["failures"]) == (
        [],
        [{"arn": fixed, "reason": "RESOURCE:MEMORY"}],
    )
    waits = client.run_task(
        cluster="c",
        taskDefinition="web",
        capacityProviderStrategy=[{"capacityProvider": "elastic", "weight": 1}],
    )
    assert (waits["failures"], waits["tasks"][0]["lastStatus"]) == ([], "PROVISIONING")
