"""RunTask, StartTask, StopTask, DescribeTasks, ListTasks, GetTaskProtection,
UpdateTaskProtection and ExecuteCommand."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator, Sequence

from ecsmock import arns, pages, validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import clusters as cluster_lifecycle
from ecsmock.lifecycle import tasks as lifecycle
from ecsmock.messages.container_instances import ContainerInstanceErrors
from ecsmock.messages.tasks import TASK_NOT_VALID, TaskErrors
from ecsmock.models import ACTIVE, INACTIVE, Json, fresh
from ecsmock.models.clusters import FARGATE_PROVIDERS, Cluster, StrategyItem
from ecsmock.models.container_instances import ContainerInstance
from ecsmock.models.tasks import EC2, FARGATE, RUNNING, Placement, Task
from ecsmock.params import Params
from ecsmock.placement import place, split
from ecsmock.state.region import RegionState
from ecsmock.state.tasks import Remembered, filters
from ecsmock.validation import tasks as rules

MAX_DESCRIBED = 100
MAX_PROTECTED = 10
MAX_STARTED_ON = 10
MAX_REASON = 1024
PROTECTION_MINUTES = range(1, 2880 + 1)
_FAMILY = re.compile(r"[a-zA-Z0-9\-_]+")


def run_task(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    token = rules.client_token(request)
    if token is not None:  # botocore sends one with every call: a repeat answers as before
        fingerprint = rules.fingerprint(request, cluster.name)
        earlier = state.tasks.remembered(cluster.name, token)
        if earlier is not None:
            return _repeat(state, earlier, fingerprint)
    found = rules.definition(state, request.required_string("taskDefinition"))
    count = rules.count(request)
    launch_type = request.shaped("launchType", "LaunchType")
    items = request.structs("capacityProviderStrategy") or []
    if launch_type is not None and items:
        raise AwsError.of(TaskErrors.LAUNCH_TYPE_AND_STRATEGY)
    launch = rules.launch(request, cluster.name, found)
    providers = _providers(state, cluster, launch_type, items, count)
    kind = launch_type or _launch_type(providers[0])
    if kind not in launch.compatibilities:
        raise AwsError.of(TaskErrors.LAUNCH_TYPE_UNSUPPORTED, launch_type=kind)
    if launch.assign_public_ip and kind != FARGATE:
        raise AwsError.of(TaskErrors.PUBLIC_IP)
    platform_version = rules.platform_version(request, kind)
    placement = rules.placement(request, launch, kind)
    chosen, failures = _instances(state, cluster, kind, providers, placement)
    tasks = []
    for provider, (instance, waiting) in zip(providers, chosen, strict=True):
        if instance is None and waiting is None and kind != FARGATE:
            continue  # it fits nowhere: a failure says why
        task = lifecycle.create(
            state,
            launch,
            cluster.name,
            kind,
            provider=provider,
            instance=instance,
            waiting=waiting,
            platform_version=platform_version,
        )
        lifecycle.start(state, task)  # one by one: each task's dynamic ports see the last's
        tasks.append(task)
    if token is not None:
        kept = tuple(fresh(failure) for failure in failures)
        answer = Remembered(fingerprint, tuple(t.id for t in tasks), kept)
        state.tasks.remember(cluster.name, token, answer)
    return {"tasks": [task.to_api(("TAGS",)) for task in tasks], "failures": failures}


def _providers(
    state: RegionState,
    cluster: Cluster,
    launch_type: str | None,
    items: list[Params],
    count: int,
) -> Sequence[str | None]:
    """The capacity provider of each task (None: a launch type, no provider): the request's
    strategy, else its launch type, else the cluster's default strategy, else EC2."""
    strategy: list[StrategyItem] | None = None
    if items:
        names = cluster.capacity_providers or []
        strategy = cluster_lifecycle.association(state, cluster.name, names, items).strategy
    elif launch_type is None and cluster.strategy:
        strategy = cluster.strategy
    if strategy is None:
        return [None] * count
    if not any(item.weight for item in strategy):
        raise AwsError.of(TaskErrors.STRATEGY_WEIGHTS)
    return split(strategy, count)


def _launch_type(provider: str | None) -> str:
    if provider is None:
        return EC2
    return FARGATE if provider in FARGATE_PROVIDERS else EC2


def _instances(
    state: RegionState,
    cluster: Cluster,
    kind: str,
    providers: Sequence[str | None],
    placement: Placement,
) -> tuple[list[tuple[ContainerInstance | None, Placement | None]], list[Json]]:
    """For each task, its instance, or the placement it waits with for an instance of its
    capacity provider (neither: Fargate, or it fits nowhere); and the failures."""
    if kind == FARGATE:
        return [(None, None)] * len(providers), []
    active = [i for i in state.container_instances.in_cluster(cluster.name) if i.status == ACTIVE]
    outcomes: dict[str | None, Iterator[tuple[ContainerInstance | None, Placement | None]]] = {}
    failures: list[Json] = []
    for provider in dict.fromkeys(providers):
        instances = [i for i in active if provider is None or i.capacity_provider_name == provider]
        if provider is None and not instances:
            raise AwsError.of(TaskErrors.NO_INSTANCES)
        placed, refused = place(state, instances, placement, providers.count(provider))
        waits = provider is not None and (not instances or _scales(state, provider))
        outcomes[provider] = iter(
            [(instance, placement if instance is None and waits else None) for instance in placed]
        )
        failures += [] if waits else refused
    return [next(outcomes[provider]) for provider in providers], failures


def _scales(state: RegionState, provider: str) -> bool:
    """Whether the provider's Auto Scaling group scales out for tasks that do not fit."""
    found = state.capacity_providers.get(provider)
    group = found.auto_scaling_group if found is not None else None
    return group is not None and group["managedScaling"]["status"] == "ENABLED"


def _repeat(state: RegionState, earlier: Remembered, fingerprint: str) -> Json:
    """A RunTask repeated with its clientToken: what it answered, if it is the same request."""
    if fingerprint != earlier.fingerprint:
        raise AwsError.of(TaskErrors.CLIENT_TOKEN_CONFLICT)
    tasks = [state.tasks.by_id[task_id] for task_id in earlier.task_ids]
    return {
        "tasks": [t.to_api(("TAGS",)) for t in tasks],
        "failures": [fresh(failure) for failure in earlier.failures],
    }


def start_task(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    found = rules.definition(state, request.required_string("taskDefinition"))
    identifiers = validation.names(
        request,
        "containerInstances",
        MAX_STARTED_ON,
        ContainerInstanceErrors.INSTANCES_EMPTY,
        ContainerInstanceErrors.TOO_MANY_UPDATED,
    )
    launch = rules.launch(request, cluster.name, found)  # every definition runs on EC2
    if launch.assign_public_ip:
        raise AwsError.of(TaskErrors.PUBLIC_IP)
    placement = Placement(launch.needs, launch.group, launch.required_attributes)
    instances, failures = validation.each_in(
        cluster.name, identifiers, state.find_container_instance, state.container_instance_arn
    )
    tasks: list[Task] = []
    for instance in instances:
        if instance.status == INACTIVE:
            failures.append({"arn": instance.arn, "reason": INACTIVE})
            continue
        (chosen,), refused = place(state, [instance], placement, 1)
        if chosen is None:
            failures += refused
            continue
        task = lifecycle.create(state, launch, cluster.name, EC2, instance=chosen)
        lifecycle.start(state, task)
        tasks.append(task)
    return {"tasks": [task.to_api(("TAGS",)) for task in tasks], "failures": failures}


def _task(state: RegionState, cluster: Cluster, identifier: str) -> Task:
    """The cluster's task an id or ARN names."""
    task = state.find_task(identifier)
    if task is None or (task.cluster != cluster.name and not identifier.startswith("arn:")):
        raise AwsError.of(TaskErrors.TASK_NOT_FOUND)
    if task.cluster != cluster.name:
        raise AwsError.of(TaskErrors.TASK_OTHER_CLUSTER, other=task.cluster, cluster=cluster.name)
    return task


def stop_task(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    identifier = request.required_string("task")
    reason = request.string("reason")
    if reason is not None and len(reason) > MAX_REASON:
        raise AwsError.of(TaskErrors.REASON_TOO_LONG)
    task = _task(state, cluster, identifier)
    lifecycle.stop(state, task, "UserInitiated", reason, untag=True)
    return {"task": task.to_api()}


def describe_tasks(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    identifiers = validation.names(
        request, "tasks", MAX_DESCRIBED, TaskErrors.TASKS_EMPTY, TaskErrors.TOO_MANY_DESCRIBED
    )
    include = request.shaped("include", "TaskFieldList") or []
    found, failures = validation.each_in(cluster.name, identifiers, state.find_task, state.task_arn)
    return {"tasks": [task.to_api(include) for task in found], "failures": failures}


def list_tasks(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    family = request.string("family")
    if family is not None and not _FAMILY.fullmatch(family):
        raise AwsError.of(TaskErrors.FAMILY_FILTER)
    started_by = request.string("startedBy")
    given = request.string("containerInstance")
    launch_type = request.shaped("launchType", "LaunchType")
    desired = request.shaped("desiredStatus", "DesiredStatus") or RUNNING
    service = request.string("serviceName")
    daemon = request.string("daemonName")
    others = (family, given, launch_type, service, daemon)
    if started_by is not None and any(other is not None for other in others):
        raise AwsError.of(TaskErrors.STARTED_BY_ALONE)
    if service is not None:
        raise AwsError.of(TaskErrors.SERVICE_NOT_FOUND)
    instance = None if given is None else state.find_container_instance(given, cluster.name)
    asked = {
        "family": family,
        "containerInstance": None if instance is None else instance.id,
        "startedBy": started_by,
        "launchType": launch_type,
    }
    wanted = {name: value for name, value in asked.items() if value is not None}
    scope = pages.scope("ListTasks", cluster.name, desired, given, wanted, daemon)
    cursor = pages.cursor(request, state.token_key, scope, maximum=100)
    if daemon is not None or (given is not None and instance is None):
        return pages.finish({"taskArns": []}, state.token_key, cursor, None)
    base = (cluster.name, desired)
    listings = [state.tasks.listing(base)] + [
        state.tasks.listing((*base, name, value)) for name, value in wanted.items()
    ]
    smallest = min(listings, key=len)  # one filter: exactly its tasks, O(page)

    def keep(task: Task) -> bool:
        return all(filters(task)[name] == value for name, value in wanted.items())

    found, following = pages.page(smallest, cursor, keep if len(wanted) > 1 else None)
    body = {"taskArns": [task.arn for task in found]}
    return pages.finish(body, state.token_key, cursor, following)


def get_task_protection(state: RegionState, request: Params) -> Json:
    cluster = state.active_cluster(request.required_string("cluster"))
    identifiers = validation.names(
        request, "tasks", MAX_DESCRIBED, TaskErrors.TASKS_EMPTY, TaskErrors.TOO_MANY_DESCRIBED
    )
    return _protection(state, cluster, identifiers)


def update_task_protection(state: RegionState, request: Params) -> Json:
    cluster = state.active_cluster(request.required_string("cluster"))
    identifiers = validation.names(
        request, "tasks", MAX_PROTECTED, TaskErrors.TASKS_EMPTY, TaskErrors.TOO_MANY_PROTECTED
    )
    request.required_shaped("protectionEnabled", "Boolean")
    minutes = request.integer("expiresInMinutes")
    if minutes is not None and minutes not in PROTECTION_MINUTES:
        raise AwsError.of(TaskErrors.PROTECTION_MINUTES)
    return _protection(state, cluster, identifiers)


def _protection(state: RegionState, cluster: Cluster, identifiers: list[str]) -> Json:
    """Protection is for the tasks of services: every standalone task is TASK_NOT_VALID."""
    found, failures = validation.each_in(cluster.name, identifiers, state.find_task, state.task_arn)
    failures += [{"arn": task.arn, "reason": TASK_NOT_VALID} for task in found]
    return {"protectedTasks": [], "failures": failures}


def execute_command(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    command = request.required_string("command")
    if not command.strip():
        raise AwsError.of(TaskErrors.COMMAND)
    interactive = request.required_shaped("interactive", "Boolean")
    name = request.string("container")
    if not interactive:
        raise AwsError.of(TaskErrors.INTERACTIVE_ONLY)
    task = _task(state, cluster, request.required_string("task"))
    if not task.enable_execute_command or task.last_status != RUNNING:
        raise AwsError.of(TaskErrors.EXECUTE_NOT_ENABLED)
    if name is None and len(task.containers) > 1:
        raise AwsError.of(TaskErrors.CONTAINER_REQUIRED)
    container = next((c for c in task.containers if name in (None, c.spec.name)), None)
    if container is None:
        raise AwsError.of(TaskErrors.CONTAINER_NOT_FOUND, name=name)
    if container.last_status != RUNNING:  # it exited: no agent runs in it
        raise AwsError.of(TaskErrors.EXECUTE_NOT_ENABLED)
    session = f"ecs-execute-command-{state.ids.bytes(9).hex()[:17]}"
    host = f"ssmmessages.{state.region}.{arns.dns_suffix(state.region)}"
    return {
        "clusterArn": cluster.arn,
        "containerArn": task.container_arn(container),
        "containerName": container.spec.name,
        "interactive": True,
        "session": {
            "sessionId": session,
            "streamUrl": f"wss://{host}/v1/data-channel/{session}?role=publish_subscribe",
            "tokenValue": base64.b64encode(state.ids.bytes(48)).decode(),
        },
        "taskArn": task.arn,
    }
