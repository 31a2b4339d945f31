"""The rules of RunTask and StartTask: the task definition they run, what they override, where
the tasks' network goes, the placement rules they give, and what each task will hold of an
instance. Everything here is checked before a task exists."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass

from ecsmock import query, validation
from ecsmock.errors import AwsError
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.tasks import TaskErrors
from ecsmock.messages.wire import WireErrors
from ecsmock.models import ACTIVE, Json
from ecsmock.models.task_definitions import TaskDefinition
from ecsmock.models.tasks import FARGATE, ContainerSpec, Placement, PortMapping, Reservation
from ecsmock.params import Params
from ecsmock.placement import DISTINCT_INSTANCE
from ecsmock.query import Predicate
from ecsmock.state.region import RegionState

MAX_COUNT = 10
MAX_CONSTRAINTS = 10
MAX_STRATEGY_RULES = 5
MAX_OVERRIDES = 8192
MAX_SUBNETS = 16
MAX_SECURITY_GROUPS = 5
PLATFORM_VERSIONS = {"LATEST": "1.4.0", "1.4.0": "1.4.0", "1.3.0": "1.3.0"}
BINPACK_FIELDS = ("cpu", "memory")

_STARTED_BY = re.compile(r"[A-Za-z0-9_/-]{1,128}")
_GROUP = re.compile(r"[A-Za-z0-9_:./-]{1,255}")
_CLIENT_TOKEN = re.compile(r"[\x21-\x7e]{1,64}")


def definition(state: RegionState, identifier: str) -> TaskDefinition:
    """The ACTIVE revision a request runs."""
    found = state.find_task_definition(identifier)
    if found is None:
        raise AwsError.of(TaskErrors.DEFINITION_NOT_FOUND)
    if found.status != ACTIVE:
        raise AwsError.of(TaskErrors.DEFINITION_INACTIVE)
    return found


@dataclass(frozen=True)
class Launch:
    """What RunTask and StartTask share, checked: the definition and what the request makes of
    it. The tasks still need a place (a launch type, a provider, an instance)."""

    definition: TaskDefinition
    network_mode: str
    compatibilities: tuple[str, ...]
    containers: tuple[ContainerSpec, ...]
    cpu: str
    memory: str
    needs: Reservation  # what a task holds of an instance
    required_attributes: tuple[str, ...]
    overrides: Json
    group: str
    started_by: str | None
    tags: dict[str, str]
    enable_execute_command: bool
    subnets: tuple[str, ...]  # awsvpc only
    assign_public_ip: bool
    constraints: tuple[Json, ...]  # the definition's placement constraints

    @property
    def awsvpc(self) -> bool:
        return self.network_mode == "awsvpc"


def launch(request: Params, cluster: str, found: TaskDefinition) -> Launch:
    document = _document(found.document)
    overrides: Json = request.shaped("overrides", "TaskOverride") or {}
    written = json.dumps(overrides, separators=(",", ":"), ensure_ascii=False)
    if len(written) > MAX_OVERRIDES:  # characters, as AWS counts them
        raise AwsError.of(TaskErrors.OVERRIDES_TOO_LONG)
    cpu, memory = validation.task_size(overrides)
    containers = _containers(document["containerDefinitions"], overrides)
    network_mode = document.get("networkMode", "bridge")
    subnets, public_ip = _network(request.shaped("networkConfiguration", "NetworkConfiguration"))
    if network_mode == "awsvpc" and not subnets:
        raise AwsError.of(TaskErrors.NETWORK_REQUIRED)
    if network_mode != "awsvpc" and subnets:
        raise AwsError.of(TaskErrors.NETWORK_NOT_VALID)
    started_by = request.string("startedBy")
    if started_by is not None and not _STARTED_BY.fullmatch(started_by):
        raise AwsError.of(TaskErrors.STARTED_BY)
    group = request.string("group")
    if group is not None and not _GROUP.fullmatch(group):
        raise AwsError.of(TaskErrors.GROUP)
    tags = validation.tags(request.structs("tags"))
    propagate = request.shaped("propagateTags", "PropagateTags")
    if propagate == "SERVICE":
        raise AwsError.of(TaskErrors.PROPAGATE_SERVICE)
    if propagate == "TASK_DEFINITION":
        tags = {**found.tags, **tags}
    if request.boolean("enableECSManagedTags"):
        tags["aws:ecs:clusterName"] = cluster  # AWS's own: not counted in the 50
    validation.merged_tags({}, tags, CommonErrors.TOO_MANY_TAGS)
    execute = bool(request.boolean("enableExecuteCommand"))
    if execute and not (overrides.get("taskRoleArn") or document.get("taskRoleArn")):
        raise AwsError.of(TaskErrors.EXECUTE_COMMAND_ROLE)
    request.string("referenceId")
    request.shaped("volumeConfigurations", "TaskVolumeConfigurations")
    cpu = cpu if cpu is not None else _amount(document.get("cpu"))
    memory = memory if memory is not None else _amount(document.get("memory"))
    needs = _needs(containers, network_mode, cpu, memory)
    return Launch(
        found,
        network_mode,
        tuple(document.get("compatibilities", ())),
        containers,
        str(needs.cpu),
        str(needs.memory),
        needs,
        tuple(item["name"] for item in document.get("requiresAttributes", ())),
        overrides,
        group or f"family:{found.family}",
        started_by,
        tags,
        execute,
        subnets,
        public_ip,
        tuple(document.get("placementConstraints", ())),
    )


@functools.lru_cache(maxsize=256)
def _document(text: str) -> Json:
    """A revision as registered, decoded once for all the tasks run from it: read only."""
    decoded: Json = json.loads(text)
    return decoded


def _amount(registered: str | None) -> int | None:
    """A definition's cpu or memory, which registration wrote as digits."""
    return None if registered is None else int(registered)


def _containers(definitions: list[Json], overrides: Json) -> tuple[ContainerSpec, ...]:
    names = {item["name"] for item in definitions}
    changes: dict[str, Json] = {}
    for item in overrides.get("containerOverrides", ()):
        name = item.get("name")
        if name not in names:
            raise AwsError.of(TaskErrors.OVERRIDE_CONTAINER, name=name)
        if name in changes:
            raise AwsError.of(TaskErrors.OVERRIDE_TWICE, name=name)
        for member, least in (("cpu", 0), ("memory", 1), ("memoryReservation", 1)):
            if item.get(member, least) < least:
                raise AwsError.of(TaskErrors.OVERRIDE_AMOUNT, member=member, name=name, least=least)
        changes[name] = item
    plans = []
    for item in definitions:
        change = {**item, **changes.get(item["name"], {})}
        plans.append(
            ContainerSpec(
                item["name"],
                item["image"],
                change.get("cpu", 0),
                change.get("memory"),
                change.get("memoryReservation"),
                item.get("essential", True),
                tuple(
                    PortMapping(
                        mapping["containerPort"],
                        mapping.get("hostPort", 0),
                        mapping.get("protocol", "tcp"),
                    )
                    for mapping in item.get("portMappings", ())
                    if "containerPort" in mapping
                ),
            )
        )
    return tuple(plans)


def _network(configuration: Json | None) -> tuple[tuple[str, ...], bool]:
    """The subnets and whether a public IP is asked for, of `awsvpcConfiguration`."""
    if configuration is None or "awsvpcConfiguration" not in configuration:
        return (), False
    vpc = configuration["awsvpcConfiguration"]
    subnets = tuple(vpc["subnets"])
    if not subnets:
        raise AwsError.of(TaskErrors.SUBNETS_EMPTY)
    if len(subnets) > MAX_SUBNETS:
        raise AwsError.of(TaskErrors.TOO_MANY_SUBNETS)
    if len(vpc.get("securityGroups", ())) > MAX_SECURITY_GROUPS:
        raise AwsError.of(TaskErrors.TOO_MANY_SECURITY_GROUPS)
    return subnets, vpc.get("assignPublicIp") == "ENABLED"


def _needs(
    containers: tuple[ContainerSpec, ...], network_mode: str, cpu: int | None, memory: int | None
) -> Reservation:
    """What a task holds of its instance: the task's cpu and memory, else its containers' sum
    (memory, else the soft limit); the static host ports of bridge and host mode."""
    tcp: set[int] = set()
    udp: set[int] = set()
    for container in containers:
        for mapping in container.ports:
            host = mapping.container_port if network_mode == "host" else mapping.host_port
            if network_mode in ("bridge", "host") and host:
                (udp if mapping.protocol == "udp" else tcp).add(host)
    return Reservation(
        cpu if cpu is not None else sum(c.cpu for c in containers),
        memory
        if memory is not None
        else sum(c.memory or c.memory_reservation or 0 for c in containers),
        frozenset(tcp),
        frozenset(udp),
    )


def count(request: Params) -> int:
    value = request.integer("count")
    if value is None:
        return 1
    if not 1 <= value <= MAX_COUNT:
        raise AwsError.of(TaskErrors.COUNT)
    return value


def client_token(request: Params) -> str | None:
    token = request.string("clientToken")
    if token is not None and not _CLIENT_TOKEN.fullmatch(token):
        raise AwsError.of(TaskErrors.CLIENT_TOKEN)
    return token


def fingerprint(request: Params, cluster: str) -> str:
    """A digest of the request without its clientToken (its cluster by name), to tell a repeat
    from a different request: botocore sends a token with every RunTask, so each call keeps
    one."""
    whole = {**request.fields(), "cluster": cluster}
    whole.pop("clientToken", None)
    text = json.dumps(whole, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def platform_version(request: Params, launch_type: str) -> str | None:
    """The concrete Fargate platform version a task runs on; none for EC2."""
    given = request.string("platformVersion")
    if launch_type != FARGATE:
        if given is not None:
            raise AwsError.of(TaskErrors.PLATFORM_ON_EC2)
        return None
    version = PLATFORM_VERSIONS.get(given or "LATEST")
    if version is None:
        raise AwsError.of(TaskErrors.PLATFORM_UNKNOWN)
    return version


def placement(request: Params, launch: Launch, launch_type: str) -> Placement:
    """The placement constraints and strategy of the request and the task definition."""
    given = request.shaped("placementConstraints", "PlacementConstraints") or []
    rules = request.shaped("placementStrategy", "PlacementStrategies") or []
    if launch_type == FARGATE:
        if given:
            raise AwsError.of(TaskErrors.FARGATE_CONSTRAINTS)
        if rules:
            raise AwsError.of(TaskErrors.FARGATE_STRATEGY)
    constraints = [*launch.constraints, *given]
    if len(constraints) > MAX_CONSTRAINTS:
        raise AwsError.of(TaskErrors.TOO_MANY_CONSTRAINTS)
    if len(rules) > MAX_STRATEGY_RULES:
        raise AwsError.of(TaskErrors.TOO_MANY_STRATEGIES)
    distinct = False
    member_of: list[Predicate] = []
    for position, constraint in enumerate(constraints):
        kind = _kind(constraint, f"placementConstraints[{position}]")
        expression = constraint.get("expression")
        if kind == DISTINCT_INSTANCE:
            if expression:
                raise AwsError.of(TaskErrors.DISTINCT_WITH_EXPRESSION)
            distinct = True
        else:
            member_of.append(query.parse(expression or "", TaskErrors.CONSTRAINT_EXPRESSION))
    strategy = []
    for position, rule in enumerate(rules):
        kind = _kind(rule, f"placementStrategy[{position}]")
        field = rule.get("field", "")
        if not _strategy_field(kind, field):
            raise AwsError.of(TaskErrors.STRATEGY_FIELD, type=kind, field=field or "(none)")
        strategy.append((kind, field if kind != "binpack" else field.lower()))
    return Placement(
        launch.needs,
        launch.group,
        launch.required_attributes,
        distinct,
        tuple(member_of),
        tuple(strategy),
    )


def _kind(rule: Json, path: str) -> str:
    kind: str | None = rule.get("type")
    if kind is None:
        raise AwsError.of(WireErrors.MISSING_PARAMETER, member=f"{path}.type")
    return kind


def _strategy_field(kind: str, field: str) -> bool:
    if kind == "binpack":
        return field.lower() in BINPACK_FIELDS
    if kind == "spread":
        return field in ("instanceId", "host") or (
            field.startswith("attribute:") and len(field) > len("attribute:")
        )
    return not field
