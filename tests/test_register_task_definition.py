"""RegisterTaskDefinition: what the server checks, fills in and computes (docs/rules.md,
"Registering")."""

from __future__ import annotations

import pytest
from support import rejected, send

TD_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/"
ROLE = "arn:aws:iam::123456789012:role/execution"
ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1"


def container(name="web", **kwargs):
    return {"name": name, "image": "nginx", **kwargs}


def fargate(**kwargs):
    settings = {
        "family": "web",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "256",
        "memory": "512",
        "containerDefinitions": [container()],
    }
    return {**settings, **kwargs}


def register(client, **kwargs):
    kwargs.setdefault("family", "web")
    kwargs.setdefault("containerDefinitions", [container(memory=128)])
    return client.register_task_definition(**kwargs)


def test_a_definition_shows_what_aws_fills_in(client, mock):
    """docs/rules.md, "Registering": the response of AWS's CLI example, key for key."""
    mock.shift(3600)  # registeredAt is the mock's clock, not the machine's
    before = mock.now()
    response = register(
        client,
        family="sleep360",
        containerDefinitions=[
            container("sleep", image="busybox", cpu=10, memory=10, command=["sleep", "360"])
        ],
    )
    definition = response["taskDefinition"]
    registered_at = definition.pop("registeredAt")
    assert definition == {
        "taskDefinitionArn": TD_ARN + "sleep360:1",
        "family": "sleep360",
        "revision": 1,
        "status": "ACTIVE",
        "containerDefinitions": [
            {
                "name": "sleep",
                "image": "busybox",
                "cpu": 10,
                "memory": 10,
                "command": ["sleep", "360"],
                "essential": True,
                "environment": [],
                "mountPoints": [],
                "portMappings": [],
                "volumesFrom": [],
            }
        ],
        "volumes": [],
        "placementConstraints": [],
        "compatibilities": ["EXTERNAL", "EC2"],
        "requiresAttributes": [],
        "registeredBy": "arn:aws:iam::123456789012:root",
    }
    assert before.replace(microsecond=0) <= registered_at <= mock.now()
    assert response["tags"] == []


def test_revisions_count_up_per_family(client):
    """docs/rules.md, "Task definitions": identical content still makes a new revision."""
    assert register(client)["taskDefinition"]["revision"] == 1
    assert register(client)["taskDefinition"]["revision"] == 2
    assert register(client, family="other")["taskDefinition"]["revision"] == 1


def test_members_are_echoed_and_unknown_ones_dropped(raw):
    """docs/rules.md, "Registering": what the request gave, as the model knows it."""
    definition = send(
        raw,
        "RegisterTaskDefinition",
        {
            "family": "web",
            "taskRoleArn": "arn:aws:iam::123456789012:role/task",
            "pidMode": "task",
            "containerDefinitions": [
                {
                    **container(memory=64),
                    "dockerLabels": {"team": "a"},
                    "surprise": 1,
                    "logConfiguration": {"logDriver": "json-file", "options": {"max-size": "1m"}},
                }
            ],
            "tags": [{"key": "team", "value": "a"}],
        },
    )["taskDefinition"]
    first = definition["containerDefinitions"][0]
    assert first["dockerLabels"] == {"team": "a"}
    assert "surprise" not in first
    assert definition["pidMode"] == "task"
    assert definition["requiresAttributes"] == [
        {"name": "com.amazonaws.ecs.capability.task-iam-role"},
        {"name": "com.amazonaws.ecs.capability.logging-driver.json-file"},
    ]


@pytest.mark.parametrize(
    ("cpu", "memory", "shown"),
    [
        ("1 vCPU", "2 GB", ("1024", "2048")),
        ("0.25 vcpu", "0.5GB", ("256", "512")),
        (" 512 ", "1024", ("512", "1024")),
        (".5 vCPU", "1gb", ("512", "1024")),
    ],
)
def test_units_are_converted(client, cpu, memory, shown):
    """docs/rules.md, "Registering": cpu and memory show as strings of digits."""
    definition = client.register_task_definition(**fargate(cpu=cpu, memory=memory))
    task = definition["taskDefinition"]
    assert (task["cpu"], task["memory"]) == shown


@pytest.mark.parametrize("cpu", ["", "abc", "1 GB", "1.5", "100", "196609", "0.1 vCPU"])
def test_a_bad_task_cpu_is_refused(client, mock, cpu):
    with rejected(mock, "ClientException", "Invalid 'cpu' setting for task."):
        register(client, cpu=cpu)


@pytest.mark.parametrize("memory", ["", "2 vCPU", "0", "1.2"])
def test_a_bad_task_memory_is_refused(client, mock, memory):
    with rejected(mock, "ClientException", "Invalid 'memory' setting for task."):
        register(client, memory=memory)


def test_compatibilities_follow_the_fargate_rules(client):
    """docs/rules.md, "Registering": FARGATE only when every Fargate rule passes."""
    compatible = client.register_task_definition(**fargate(requiresCompatibilities=["EC2"]))
    assert compatible["taskDefinition"]["compatibilities"] == ["EC2", "FARGATE"]
    ec2_only = register(client, networkMode="awsvpc", cpu="256", memory="600")
    assert ec2_only["taskDefinition"]["compatibilities"] == ["EC2"]
    host = register(client, networkMode="host")
    assert host["taskDefinition"]["compatibilities"] == ["EXTERNAL", "EC2"]


def test_fargate_definitions_echo_what_they_require(client):
    definition = client.register_task_definition(**fargate())["taskDefinition"]
    assert definition["requiresCompatibilities"] == ["FARGATE"]
    assert definition["networkMode"] == "awsvpc"
    assert definition["requiresAttributes"] == [{"name": "ecs.capability.task-eni"}]


def test_an_execution_role_brings_its_capabilities(client):
    logging = {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}
    definition = client.register_task_definition(
        **fargate(
            executionRoleArn=ROLE,
            containerDefinitions=[container(image=ECR_IMAGE, logConfiguration=logging)],
        )
    )["taskDefinition"]
    assert [item["name"] for item in definition["requiresAttributes"]] == [
        "ecs.capability.task-eni",
        "com.amazonaws.ecs.capability.logging-driver.awslogs",
        "ecs.capability.execution-role-awslogs",
        "com.amazonaws.ecs.capability.ecr-auth",
        "ecs.capability.execution-role-ecr-pull",
    ]


def test_an_ecr_image_needs_ecr_auth(client):
    definition = register(client, containerDefinitions=[container(image=ECR_IMAGE, memory=8)])
    assert definition["taskDefinition"]["requiresAttributes"] == [
        {"name": "com.amazonaws.ecs.capability.ecr-auth"}
    ]


@pytest.mark.parametrize(
    ("cpu", "memory"),
    [("256", "512"), ("256", "2048"), ("512", "4096"), ("4096", "30720"), ("8192", "61440")],
)
def test_the_fargate_table_admits_its_pairs(client, cpu, memory):
    client.register_task_definition(**fargate(cpu=cpu, memory=memory))


@pytest.mark.parametrize(
    ("cpu", "memory"),
    [("1024", "1024"), ("256", "1536"), ("8192", "17408"), ("128", "512"), ("3072", "8192")],
)
def test_a_pair_outside_the_fargate_table_is_refused(client, mock, cpu, memory):
    message = (
        f"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the "
        "Amazon ECS documentation for the valid values."
    )
    with rejected(mock, "ClientException", message):
        client.register_task_definition(**fargate(cpu=cpu, memory=memory))


FARGATE_REFUSALS = [
    ({"networkMode": "bridge"}, "Fargate only supports network mode \u2018awsvpc\u2019."),
    ({"cpu": None}, "Fargate requires that 'cpu' be defined at the task level."),
    ({"memory": None}, "Fargate requires that 'memory' be defined at the task level."),
    ({"ipcMode": "task"}, "Tasks using the Fargate launch type do not support ipcMode."),
    (
        {"pidMode": "host"},
        "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value "
        "for pidMode is 'task'.",
    ),
    (
        {"containerDefinitions": [container(privileged=True)]},
        "Tasks using the Fargate launch type do not support privileged containers.",
    ),
    (
        {"containerDefinitions": [container(stopTimeout=121)]},
        "Invalid 'stopTimeout' setting for container 'web'. Tasks using the Fargate launch type "
        "support a stopTimeout of at most 120 seconds.",
    ),
    (
        {"containerDefinitions": [container(logConfiguration={"logDriver": "awslogs"})]},
        "Fargate requires task definition to have execution role ARN to support log driver "
        "awslogs.",
    ),
    (
        {"containerDefinitions": [container(image=ECR_IMAGE)]},
        "Fargate requires task definition to have execution role ARN to support ECR images.",
    ),
]


@pytest.mark.parametrize(("change", "message"), FARGATE_REFUSALS)
def test_a_fargate_definition_breaking_a_rule_is_refused(client, mock, change, message):
    request = {key: value for key, value in fargate(**change).items() if value is not None}
    with rejected(mock, "ClientException", message):
        client.register_task_definition(**request)


def test_external_cannot_use_awsvpc(client, mock):
    message = (
        "Task definition does not support launch_type EXTERNAL. The EXTERNAL launch type does "
        "not support network mode \u2018awsvpc\u2019."
    )
    with rejected(mock, "ClientException", message):
        register(client, networkMode="awsvpc", requiresCompatibilities=["EXTERNAL"])


CONTAINER_REFUSALS = [
    ([], "Container list cannot be empty."),
    ([container(str(n), memory=8) for n in range(11)], "Too many containers."),
    ([{"name": "", "image": "x", "memory": 8}], "Container.name should not be null or empty."),
    ([container("a b", memory=8)], "Container.name contains invalid characters."),
    ([container("x" * 256, memory=8)], "Container.name contains invalid characters."),
    ([{"name": "web", "image": "", "memory": 8}], "Container.image should not be null or empty."),
    (
        [container(memory=8), container(memory=8)],
        "Container names must be unique within a Task Definition.",
    ),
    (
        [container(memory=8, essential=False)],
        "Task definition doesn't have any essential container.",
    ),
    (
        [container()],
        "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' "
        "must be specified.",
    ),
    ([container(memory=0)], "Invalid 'memory' setting for container 'web'."),
    ([container(memory=8, cpu=-1)], "Invalid 'cpu' setting for container 'web'."),
    (
        [container(memory=8, memoryReservation=8)],
        "Invalid setting for container 'web'. 'memoryReservation' must be less than 'memory'.",
    ),
    (
        [container(memory=8, portMappings=[{"hostPort": 80}])],
        "Invalid 'containerPort' setting for container 'web'.",
    ),
    (
        [container(memory=8, portMappings=[{"containerPort": 70000}])],
        "Invalid 'containerPort' setting for container 'web'.",
    ),
    (
        [container(memory=8, portMappings=[{"containerPort": 80, "hostPort": 65536}])],
        "Invalid 'hostPort' setting for container 'web'.",
    ),
    (
        [container(memory=8, dependsOn=[{"containerName": "db", "condition": "START"}])],
        "Invalid 'dependsOn' setting for container 'web'. Container 'db' is not defined in the "
        "task definition. Define it, or depend on a container that is.",
    ),
    (
        [
            container(memory=8, dependsOn=[{"containerName": "init", "condition": "SUCCESS"}]),
            container("init", memory=8),
        ],
        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential "
        "container",
    ),
    (
        [container(memory=8, volumesFrom=[{"sourceContainer": "db"}])],
        "Invalid 'volumesFrom' setting for container 'web'. Container 'db' is not defined in the "
        "task definition. Define it, or name a container that is.",
    ),
    (
        [container(memory=8, mountPoints=[{"sourceVolume": "data", "containerPath": "/d"}])],
        "Invalid 'mountPoints' setting for container 'web'. Volume 'data' is not defined in the "
        "task definition. Add it to volumes, or name a volume that is.",
    ),
]


@pytest.mark.parametrize(("containers", "message"), CONTAINER_REFUSALS)
def test_containers_breaking_a_rule_are_refused(client, mock, containers, message):
    with rejected(mock, "ClientException", message):
        register(client, containerDefinitions=containers)


def test_a_definition_may_lean_on_dependencies_it_declares(client):
    definition = register(
        client,
        volumes=[{"name": "data"}, {"host": {"sourcePath": "/tmp"}}],
        containerDefinitions=[
            container(
                memory=8,
                dependsOn=[{"containerName": "init", "condition": "SUCCESS"}],
                volumesFrom=[{"sourceContainer": "init"}],
                mountPoints=[{"sourceVolume": "data", "containerPath": "/d"}, {"readOnly": True}],
                links=["init"],
                portMappings=[{"containerPortRange": "8000-8010"}],
            ),
            container("init", memory=8, essential=False),
        ],
    )["taskDefinition"]
    assert definition["volumes"] == [{"name": "data"}, {"host": {"sourcePath": "/tmp"}}]
    assert definition["containerDefinitions"][0]["portMappings"] == [
        {"containerPortRange": "8000-8010", "protocol": "tcp"}
    ]


TASK_REFUSALS = [
    ({"family": ""}, "Family can not be blank."),
    ({"family": "web.app"}, "Family contains invalid characters."),
    ({"family": "w" * 256}, "Family contains invalid characters."),
    (
        {"memory": "100", "containerDefinitions": [container(memory=200)]},
        "The 'memory' setting for container 'web' is greater than for the task.",
    ),
    (
        {
            "memory": "100",
            "containerDefinitions": [
                container(memoryReservation=60),
                container("b", memoryReservation=60),
            ],
        },
        "The sum of all container 'memoryReservation' values cannot be greater than the value "
        "of the task 'memory'.",
    ),
    (
        {
            "cpu": "256",
            "containerDefinitions": [
                container(memory=8, cpu=200),
                container("b", memory=8, cpu=100),
            ],
        },
        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
    ),
    ({"volumes": [{"name": "a b"}]}, "Volume.name contains invalid characters."),
    (
        {"volumes": [{"name": "a"}, {"name": "a"}]},
        "Volume names must be unique within a Task Definition.",
    ),
    (
        {"placementConstraints": [{"type": "memberOf", "expression": "x"}] * 11},
        "Too many placement constraints. A task definition can have at most 10.",
    ),
    (
        {"placementConstraints": [{"type": "memberOf", "expression": "x" * 2001}]},
        "Invalid placement constraint expression. An expression can be at most 2000 characters.",
    ),
    ({"ephemeralStorage": {"sizeInGiB": 20}}, "EphemeralStorage size should be at least 21"),
    ({"ephemeralStorage": {"sizeInGiB": 201}}, "EphemeralStorage size should be at most 200"),
]


@pytest.mark.parametrize(("change", "message"), TASK_REFUSALS)
def test_a_task_breaking_a_rule_is_refused(client, mock, change, message):
    with rejected(mock, "ClientException", message):
        register(client, **change)


def test_awsvpc_and_host_fill_in_the_host_port(client):
    """docs/rules.md, "Registering": the host port is the container port."""
    for mode in ("awsvpc", "host"):
        definition = register(
            client,
            networkMode=mode,
            containerDefinitions=[container(memory=8, portMappings=[{"containerPort": 80}])],
        )["taskDefinition"]
        mapping = definition["containerDefinitions"][0]["portMappings"]
        assert mapping == [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}]


def test_bridge_leaves_the_host_port_as_given(client):
    ports = [{"containerPort": 80}, {"containerPort": 81, "hostPort": 0, "protocol": "udp"}]
    definition = register(client, containerDefinitions=[container(memory=8, portMappings=ports)])
    mappings = definition["taskDefinition"]["containerDefinitions"][0]["portMappings"]
    assert mappings == [
        {"containerPort": 80, "protocol": "tcp"},
        {"containerPort": 81, "hostPort": 0, "protocol": "udp"},
    ]


NETWORK_REFUSALS = [
    (
        "awsvpc",
        container(memory=8, portMappings=[{"containerPort": 80, "hostPort": 81}]),
        "When networkMode=awsvpc, the host ports and container ports in port mappings must match.",
    ),
    (
        "host",
        container(memory=8, portMappings=[{"containerPort": 80, "hostPort": 81}]),
        "When networkMode=host, the host ports and container ports in port mappings must match.",
    ),
    (
        "none",
        container(memory=8, portMappings=[{"containerPort": 80}]),
        "Port mappings are not supported when networkMode=none.",
    ),
    (
        "awsvpc",
        container(memory=8, hostname="web"),
        "hostname is not supported on container when networkMode=awsvpc.",
    ),
    ("host", container(memory=8, links=["db"]), "Links are not supported when networkMode=host."),
    (
        "awsvpc",
        container(memory=8, extraHosts=[{"hostname": "a", "ipAddress": "10.0.0.1"}]),
        "extraHosts is not supported on container when networkMode=awsvpc.",
    ),
]


@pytest.mark.parametrize(("mode", "definition", "message"), NETWORK_REFUSALS)
def test_settings_the_network_mode_forbids_are_refused(client, mock, mode, definition, message):
    with rejected(mock, "ClientException", message):
        register(client, networkMode=mode, containerDefinitions=[definition])


TYPE_REFUSALS = [
    (
        {"networkMode": "vpc"},
        "InvalidParameterException",
        "Invalid value for networkMode: 'vpc'. Valid values are bridge, host, awsvpc, none.",
    ),
    (
        {"containerDefinitions": [container(memory="8")]},
        "SerializationException",
        "Unexpected value for containerDefinitions[0].memory: expected an integer.",
    ),
    (
        {"containerDefinitions": [container(memory=8, dockerLabels={"a": 1})]},
        "SerializationException",
        "Unexpected value for containerDefinitions[0].dockerLabels.a: expected a string.",
    ),
    (
        {"containerDefinitions": [container(memory=8, essential="yes")]},
        "SerializationException",
        "Unexpected value for containerDefinitions[0].essential: expected a boolean.",
    ),
    (
        {"containerDefinitions": [container(memory=2**40)]},
        "SerializationException",
        "Unexpected value for containerDefinitions[0].memory: expected a 32-bit integer.",
    ),
    (
        {"ephemeralStorage": {}},
        "InvalidParameterException",
        "ephemeralStorage.sizeInGiB is a required parameter. Specify a value and try again.",
    ),
]


@pytest.mark.parametrize(("change", "code", "message"), TYPE_REFUSALS)
def test_types_and_enums_follow_the_model(raw, mock, change, code, message):
    """docs/rules.md, "Registering": types and enum values as botocore's model gives them."""
    with rejected(mock, code, message):
        raw.register_task_definition(
            **{"family": "web", "containerDefinitions": [container(memory=8)], **change}
        )


def test_a_missing_family_or_container_list_is_refused(raw, mock):
    with rejected(mock, "ClientException", "Family can not be blank."):
        raw.register_task_definition(containerDefinitions=[container(memory=8)])
    with rejected(mock, "ClientException", "Container list cannot be empty."):
        raw.register_task_definition(family="web")


def test_tags_follow_the_tag_rules(client, mock):
    """docs/rules.md, "Tags"."""
    message = (
        "The specified tag key 'aws:x' uses the reserved prefix aws:, which is for AWS use only. "
        "Specify a tag without this prefix and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        register(client, tags=[{"key": "aws:x", "value": "v"}])
    response = register(client, tags=[{"key": "k", "value": "v"}])
    assert response["tags"] == [{"key": "k", "value": "v"}]


@pytest.mark.parametrize(
    "cpu",
    [
        "1024.0000000000000000000000001",
        "0.2500000000000000000000000001 vCPU",
        "\u0661\u0660\u0662\u0664",
        "\uff11\uff10\uff12\uff14",
        "1" + " " * 20_000 + "!",
        "1_024",
        "1e3",
        "1  vCPU",
    ],
)
def test_cpu_is_read_exactly_in_ascii(client, mock, cpu):
    """docs/rules.md, "Registering": whole units only, as digits AWS reads."""
    with rejected(mock, "ClientException", "Invalid 'cpu' setting for task."):
        register(client, cpu=cpu)


def test_memory_is_never_rounded(client, mock):
    with rejected(mock, "ClientException", "Invalid 'memory' setting for task."):
        register(client, memory="12345678901234567890123456789012345")
    definition = register(client, memory="1.5GB")["taskDefinition"]
    assert definition["memory"] == "1536"


PORT_RANGE_REFUSALS = [
    ({"containerPort": 99999, "containerPortRange": "1-2"}, "containerPort"),
    ({"containerPortRange": "abc"}, "containerPortRange"),
    ({"containerPortRange": "9000-8000"}, "containerPortRange"),
    ({"containerPortRange": "1-70000"}, "containerPortRange"),
]


@pytest.mark.parametrize(("mapping", "setting"), PORT_RANGE_REFUSALS)
def test_port_ranges_are_checked(client, mock, mapping, setting):
    message = f"Invalid '{setting}' setting for container 'web'."
    with rejected(mock, "ClientException", message):
        register(client, containerDefinitions=[container(memory=8, portMappings=[mapping])])


def test_a_blank_image_or_source_container_is_named(client, mock):
    with rejected(mock, "ClientException", "Container.image should not be null or empty."):
        register(client, containerDefinitions=[container(memory=8, image=" ")])
    message = (
        "Invalid 'volumesFrom' setting for container 'web'. Container '' is not defined in the "
        "task definition. Define it, or name a container that is."
    )
    with rejected(mock, "ClientException", message):
        register(client, containerDefinitions=[container(memory=8, volumesFrom=[{}])])


def test_managed_instances_are_listed_when_required(client):
    definition = register(client, requiresCompatibilities=["MANAGED_INSTANCES"])
    assert definition["taskDefinition"]["compatibilities"] == [
        "EXTERNAL",
        "EC2",
        "MANAGED_INSTANCES",
    ]
