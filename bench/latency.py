"""Per-call latency: one call of each kind, floor vs ecsmock vs moto."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bench.contenders import Contender, Lineup
from bench.report import Table, micros, times, verdict
from bench.timing import interleaved, samples

NAMES = [f"cluster-{i}" for i in range(150)]
ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
LOGS = {
    "logDriver": "awslogs",
    "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"},
}
# A realistic definition: an app, a proxy sidecar and a log router, on Fargate.
TASK_DEFINITION: dict[str, Any] = {
    "family": "web",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "1 vCPU",
    "memory": "2 GB",
    "executionRoleArn": ROLE,
    "taskRoleArn": "arn:aws:iam::123456789012:role/web",
    "containerDefinitions": [
        {
            "name": "app",
            "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2",
            "cpu": 512,
            "memory": 1024,
            "portMappings": [{"containerPort": 8080, "protocol": "tcp", "name": "http"}],
            "environment": [
                {"name": "ENV", "value": "production"},
                {"name": "PORT", "value": "8080"},
            ],
            "secrets": [
                {
                    "name": "DB_PASSWORD",
                    "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db",
                }
            ],
            "healthCheck": {
                "command": ["CMD-SHELL", "curl -f http://localhost:8080/health"],
                "interval": 30,
            },
            "dependsOn": [{"containerName": "envoy", "condition": "HEALTHY"}],
            "logConfiguration": LOGS,
        },
        {
            "name": "envoy",
            "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.4.0-prod",
            "cpu": 256,
            "memoryReservation": 256,
            "essential": True,
            "portMappings": [{"containerPort": 9901}],
            "healthCheck": {"command": ["CMD-SHELL", "curl -s http://localhost:9901/ready"]},
            "logConfiguration": LOGS,
        },
        {
            "name": "log-router",
            "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
            "essential": False,
            "memoryReservation": 64,
            "firelensConfiguration": {"type": "fluentbit"},
            "logConfiguration": LOGS,
        },
    ],
    "tags": [{"key": "team", "value": "web"}],
}
REVISIONS = 10_000
INSTANCES = 100
HOSTS = 50  # the instances EC2 tasks are placed on
# A small EC2 service's task, in bridge mode: thousands fit on the hosts.
EC2_TASK: dict[str, Any] = {
    "family": "worker",
    "containerDefinitions": [
        {"name": "worker", "image": "busybox", "cpu": 0, "memory": 64, "essential": True}
    ],
}


@dataclass(frozen=True)
class Call:
    label: str
    seed: Callable[[Contender, Any], Any]  # what the calls need; what it returns, they read
    call: Callable[[Any, int, Any], object]
    target: float | None  # the most ecsmock may cost, as a multiple of the floor
    unsigned: bool = False  # the target is against the unsigned floor, not the signed one
    moto: bool = True  # False: moto cannot answer the call (the table says so)


def _clusters(count: int) -> Callable[[Contender, Any], Any]:
    return lambda contender, client: contender.seed(client, NAMES[:count])


def _fargate(contender: Contender, client: Any) -> Any:
    """The default cluster, the realistic definition, and the network its tasks get."""
    client.create_cluster()
    contender.seed_revisions(client, TASK_DEFINITION, 1)
    return {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}


def _hosts(contender: Contender, client: Any) -> Any:
    contender.seed_instances(client, HOSTS)
    client.register_task_definition(**EC2_TASK)


def _running(contender: Contender, client: Any) -> list[str]:
    """100 EC2 tasks on the hosts: their ARNs."""
    _hosts(contender, client)
    return [
        task["taskArn"]
        for _ in range(10)
        for task in client.run_task(taskDefinition="worker", count=10)["tasks"]
    ]


CALLS = (
    Call(
        "create_cluster",
        _clusters(0),
        lambda ecs, i, _: ecs.create_cluster(clusterName=f"new-{i}"),
        1.15,
    ),
    Call(
        "describe_clusters, 1 name",
        _clusters(1),
        lambda ecs, _, __: ecs.describe_clusters(clusters=NAMES[:1]),
        None,
    ),
    Call(
        "describe_clusters, 100 names",
        _clusters(100),
        lambda ecs, _, __: ecs.describe_clusters(clusters=NAMES[:100]),
        1.3,
    ),
    Call(
        "list_clusters, a page of 100",
        _clusters(150),
        lambda ecs, _, __: ecs.list_clusters(maxResults=100),
        1.15,
    ),
    Call(
        "register_task_definition, 3 containers",
        _clusters(0),
        lambda ecs, _, __: ecs.register_task_definition(**TASK_DEFINITION),
        1.3,
    ),
    Call(
        "describe_task_definition",
        lambda contender, client: contender.seed_revisions(client, TASK_DEFINITION, 1),
        lambda ecs, _, __: ecs.describe_task_definition(taskDefinition="web"),
        1.3,
    ),
    Call(
        f"list_task_definitions, a page of 100 of {REVISIONS:,}",
        lambda contender, client: contender.seed_revisions(client, TASK_DEFINITION, REVISIONS),
        lambda ecs, _, __: ecs.list_task_definitions(familyPrefix="web", maxResults=100),
        1.3,
    ),
    Call(
        f"describe_container_instances, {INSTANCES}",
        lambda contender, client: contender.seed_instances(client, INSTANCES),
        lambda ecs, _, arns: ecs.describe_container_instances(containerInstances=arns),
        1.3,
    ),
    Call(
        "run_task, Fargate",
        _fargate,
        lambda ecs, _, network: ecs.run_task(
            taskDefinition="web", launchType="FARGATE", networkConfiguration=network
        ),
        1.3,
        unsigned=True,
        moto=False,
    ),
    Call(
        "run_task, Fargate, count 10",
        _fargate,
        lambda ecs, _, network: ecs.run_task(
            taskDefinition="web", launchType="FARGATE", networkConfiguration=network, count=10
        ),
        1.3,
        unsigned=True,
        moto=False,
    ),
    Call(
        f"run_task, EC2 on {HOSTS} instances",
        _hosts,
        lambda ecs, _, __: ecs.run_task(taskDefinition="worker"),
        1.3,
        unsigned=True,
    ),
    Call(
        f"run_task, EC2 on {HOSTS} instances, count 10",
        _hosts,
        lambda ecs, _, __: ecs.run_task(taskDefinition="worker", count=10),
        1.3,
        unsigned=True,
    ),
    Call(
        "describe_tasks, 100",
        _running,
        lambda ecs, _, arns: ecs.describe_tasks(tasks=arns),
        1.3,
        unsigned=True,
    ),
)


def latency(
    lineup: Lineup, rounds: int, calls: int, budget: float, which: Sequence[Call] = CALLS
) -> tuple[Table, dict[Call, dict[str, float]]]:
    """The table, and each call's median per contender."""
    table = Table(
        "Per call (median)",
        ["call", "floor", "floor, unsigned", "ecsmock", "moto", "ecsmock ÷ floor",
         "ecsmock ÷ floor, unsigned", "moto ÷ ecsmock", "target"],
    )  # fmt: skip
    medians = {}
    for call in which:
        median = medians[call] = _compare(lineup, call, rounds, calls, budget)
        floor, unsigned = median[lineup.floor.name], median[lineup.unsigned.name]
        mine, moto = median[lineup.ecsmock.name], median.get(lineup.moto.name)
        against = unsigned if call.unsigned else floor
        table.rows.append(
            [
                call.label,
                *map(micros, (floor, unsigned, mine)),
                micros(moto) if call.moto else "fails",
                times(mine, floor),
                times(mine, unsigned),
                times(moto, mine),
                "—" if call.target is None else verdict(mine / against, call.target),
            ]
        )
    table.notes.append(
        "The floors answer at `before-send` with the very bytes ecsmock answered, so botocore "
        "parses the same response and only the work behind the hook differs. ecsmock leaves its "
        "requests unsigned (they never leave the process), so it can sit below the signed floor; "
        "the unsigned floor shows what ecsmock itself adds. The targets of the task rows are "
        "against the unsigned floor. moto 5.2.5 fails every awsvpc RunTask (an AttributeError "
        "on the network interface it makes), so it has no Fargate figures."
    )
    return table, medians


def _compare(
    lineup: Lineup, call: Call, rounds: int, calls: int, budget: float
) -> dict[str, float]:
    recorded: list[Any] = []  # what ecsmock's seed made: the floors, which hold no state, get it

    def one_round(contender: Contender) -> list[float]:
        with contender.active():
            client = contender.client()
            floor = contender in (lineup.floor, lineup.unsigned)
            made = recorded[0] if floor else call.seed(contender, client)
            return samples(lambda i: call.call(client, i, made), calls, budget)

    lineup.record_floors(
        lambda client: recorded.append(call.seed(lineup.ecsmock, client)),
        lambda client: call.call(client, -1, recorded[0]),
    )
    everyone = [c for c in lineup.everyone if call.moto or c is not lineup.moto]
    return interleaved(everyone, one_round, rounds)
