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


@dataclass(frozen=True)
class Call:
    label: str
    seed: Callable[[Contender, Any], Any]  # what the calls need; what it returns, they read
    call: Callable[[Any, int, Any], object]
    target: float | None  # the most ecsmock may cost, as a multiple of the floor


def _clusters(count: int) -> Callable[[Contender, Any], Any]:
    return lambda contender, client: contender.seed(client, NAMES[:count])


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
        mine, moto = median[lineup.ecsmock.name], median[lineup.moto.name]
        table.rows.append(
            [
                call.label,
                *map(micros, (floor, unsigned, mine, moto)),
                times(mine, floor),
                times(mine, unsigned),
                times(moto, mine),
                "—" if call.target is None else verdict(mine / floor, call.target),
            ]
        )
    table.notes.append(
        "The floors answer at `before-send` with the very bytes ecsmock answered, so botocore "
        "parses the same response and only the work behind the hook differs. ecsmock leaves its "
        "requests unsigned (they never leave the process), so it can sit below the signed floor; "
        "the unsigned floor shows what ecsmock itself adds."
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
    return interleaved(lineup.everyone, one_round, rounds)
