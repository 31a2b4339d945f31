"""How tasks change: created PROVISIONING (awsvpc) or PENDING, RUNNING once started, and on a stop
STOPPING, DEPROVISIONING (awsvpc) and STOPPED; a task planned to fail stops before it runs, and
one whose essential container exits stops with it. The only writer of tasks' statuses: each change
goes through the store (`Tasks.changing`), so listings and counts follow, and schedules the next
one (`Timings.task_provisioning`, `task_start`, `task_stop`)."""

from __future__ import annotations

import dataclasses
import sys

from ecsmock.models import ACTIVE
from ecsmock.models.container_instances import ContainerInstance
from ecsmock.models.tasks import (
    ATTACHED,
    DELETED,
    DEPROVISIONING,
    PENDING,
    PROVISIONING,
    RUNNING,
    STARTING,
    STOPPED,
    STOPPING,
    NetworkInterface,
    Placement,
    Reservation,
    Task,
    TaskContainer,
)
from ecsmock.placement import place
from ecsmock.state.region import RegionState
from ecsmock.state.tasks import waiting as tasks_waiting
from ecsmock.validation.tasks import Launch

EPHEMERAL_PORTS = range(32768, 61000)  # where bridge mode's dynamic host ports come from
ZONE_LETTERS = "abc"
ESSENTIAL_EXITED = "Essential container in task exited"


def create(
    state: RegionState,
    launch: Launch,
    cluster: str,
    launch_type: str,
    *,
    provider: str | None = None,
    instance: ContainerInstance | None = None,
    waiting: Placement | None = None,
    platform_version: str | None = None,
) -> Task:
    """A task of `launch`: on `instance`, on Fargate, or `waiting` in PROVISIONING for an
    instance of its capacity provider. Not yet started: `start` does that."""
    task = Task(
        state.ids.bytes(16).hex(),
        state.long_form("taskLongArnFormat"),
        cluster,
        state.cluster_arn(cluster),
        launch.definition.arn,
        launch.definition.family,
        [TaskContainer(spec, state.ids.uuid()) for spec in launch.containers],
        launch_type,
        launch.cpu,
        launch.memory,
        launch.group,
        state.scheduler.clock.now(),
        "x86_64",
        launch.overrides,
        tags=dict(launch.tags),
        started_by=launch.started_by,
        capacity_provider=provider,
        platform_version=platform_version,
        enable_execute_command=launch.enable_execute_command,
    )
    if launch.awsvpc:
        subnet = launch.subnets[int.from_bytes(state.ids.bytes(2)) % len(launch.subnets)]
        task.network = _interface(state, subnet)
        task.last_status = PROVISIONING
    if instance is not None:
        _assign(state, task, instance, launch.needs)
    elif waiting is not None:
        task.waiting = waiting
        task.last_status = PROVISIONING
    else:  # on Fargate, where every task is awsvpc: its zone is its subnet's
        zone = ZONE_LETTERS[sum(subnet.encode()) % len(ZONE_LETTERS)]
        task.availability_zone = f"{state.region}{zone}"
    task.doomed = _doom(state, task)
    return task


def _interface(state: RegionState, subnet: str) -> NetworkInterface:
    suffix = "ec2.internal" if state.region == "us-east-1" else f"{state.region}.compute.internal"
    return NetworkInterface(subnet, state.ids.bytes(32), sys.intern(suffix))


def _assign(
    state: RegionState, task: Task, instance: ContainerInstance, needs: Reservation
) -> None:
    """Put the task on the instance: what it holds there, its dynamic host ports included (the
    lowest free ones from 32768, as Docker picks them)."""
    task.instance_id = instance.id
    task.instance_arn = instance.arn
    task.availability_zone = instance.attributes.get("ecs.availability-zone")
    task.architecture = instance.attributes.get("ecs.cpu-architecture") or task.architecture
    used = state.tasks.used(instance.id)
    capacity = instance.capacity
    taken = {
        "tcp": {*capacity.ports, *used.ports, *needs.ports},
        "udp": {*capacity.udp_ports, *used.udp_ports, *needs.udp_ports},
    }
    chosen: dict[str, set[int]] = {"tcp": set(), "udp": set()}
    for container in task.containers if task.network is None else ():
        hosts = []
        for mapping in container.spec.ports:
            host = mapping.host_port
            if not host:
                protocol = "udp" if mapping.protocol == "udp" else "tcp"
                host = next(p for p in EPHEMERAL_PORTS if p not in taken[protocol])
                taken[protocol].add(host)
                chosen[protocol].add(host)
            hosts.append(host)
        container.host_ports = tuple(hosts)
    task.reservation = dataclasses.replace(
        needs, ports=needs.ports | chosen["tcp"], udp_ports=needs.udp_ports | chosen["udp"]
    )


def _doom(state: RegionState, task: Task) -> str | None:
    """The reason a planned failure gives this task, if one is planned for it."""
    for planned in state.task_failures:
        if planned.family in (None, task.family):
            if planned.remaining is not None:
                planned.remaining -= 1
                if not planned.remaining:
                    state.task_failures.remove(planned)
            return planned.reason
    return None


def start(state: RegionState, task: Task) -> None:
    state.tasks.add(task)
    _schedule(state, task)


def _delay(state: RegionState, task: Task) -> float | None:
    """Seconds until the task's next step toward its desired status; None: it has none."""
    timings = state.timings
    status = task.last_status
    if task.desired_status == RUNNING:
        if status == PROVISIONING and (task.instance_id is not None or task.fargate):
            return timings.task_provisioning
        return timings.task_start if status == PENDING else None  # RUNNING, or it waits
    if status == STOPPED:
        return None
    if status == STOPPING:
        return timings.task_stop
    return timings.task_provisioning if status == DEPROVISIONING else 0.0


def _schedule(state: RegionState, task: Task) -> None:
    delay = _delay(state, task)
    if delay is not None:
        state.scheduler.after(delay, lambda: _step(state, task), task)


def _step(state: RegionState, task: Task) -> None:
    """The task's next step, and the ones after it that take no time, as one change."""
    now = state.scheduler.clock.now()
    with state.tasks.changing(task):
        _advance(task, now)
        while _delay(state, task) == 0:
            _advance(task, now)
    if task.last_status == STOPPED:
        _release(state, task, now)
        if task.instance_id is not None:  # room on its instance, for a task that waits
            place_waiting(state, task.cluster)
    _schedule(state, task)


def _advance(task: Task, now: float) -> None:
    network = task.network
    if task.desired_status == RUNNING and task.last_status == PROVISIONING:
        if network is not None:
            network.status = ATTACHED
        task.connectivity_at = now
        _set(task, PENDING)
    elif task.desired_status == RUNNING and task.doomed is not None:
        _pulled(task, now)  # the pull was tried: AWS shows its times on a failed task
        _stop(task, now, "TaskFailedToStart", task.doomed)
        for container in task.containers:
            container.reason = task.doomed
        _set(task, _after_stopping(task))  # one change, as AWS counts it
    elif task.desired_status == RUNNING:
        _run(task, now)
    elif task.last_status in (*STARTING, RUNNING):
        _set(task, STOPPING if task.last_status == RUNNING else _after_stopping(task))
    elif task.last_status == STOPPING:
        _set(task, _after_stopping(task))
    else:
        _set(task, STOPPED)
    if task.last_status == STOPPED:
        _stopped(task, now)


def _after_stopping(task: Task) -> str:
    attached = task.network is not None and task.network.status == ATTACHED
    return DEPROVISIONING if attached else STOPPED


def _pulled(task: Task, now: float) -> None:
    """The agent has the task (awsvpc: since its ENI was attached) and pulled its images."""
    if task.connectivity_at is None:
        task.connectivity_at = task.created_at
    task.pull_started_at = task.connectivity_at
    task.pull_stopped_at = now


def _run(task: Task, now: float) -> None:
    _pulled(task, now)
    task.started_at = now
    for container in task.containers:
        container.last_status = RUNNING
        container.started = True
    _set(task, RUNNING)


def _set(task: Task, status: str) -> None:
    task.last_status = status
    task.version += 1


def _stop(task: Task, now: float, code: str, reason: str | None) -> None:
    task.desired_status = STOPPED
    task.stopping_at = now
    task.stop_code = code
    if reason is not None:
        task.stopped_reason = reason


def _stopped(task: Task, now: float) -> None:
    task.stopped_at = now
    if task.network is not None:
        task.network.status = DELETED
    for container in task.containers:
        container.last_status = STOPPED


def _release(state: RegionState, task: Task, now: float) -> None:
    """A deleted revision whose deletion time has passed is gone once its last task stops."""
    definition = state.find_task_definition(task.definition_arn)
    if (
        definition is not None
        and definition.delete_requested_at is not None
        and definition.delete_requested_at + state.timings.task_definition_deletion <= now
        and not state.tasks.uses(definition.arn)
    ):
        state.task_definitions.remove(definition)


def stop(
    state: RegionState, task: Task, code: str, reason: str | None, *, untag: bool = False
) -> None:
    """Ask a task to stop (StopTask, which also deletes its tags; an essential container's
    exit). One already asked keeps the code and reason it stopped for."""
    if task.desired_status == STOPPED:
        return
    with state.tasks.changing(task):
        _stop(task, state.scheduler.clock.now(), code, reason)
        task.version += 1
        task.waiting = None
        if untag:
            task.tags = {}
    _schedule(state, task)


def exit_container(state: RegionState, task: Task, container: TaskContainer, code: int) -> None:
    """A container of a RUNNING task exits with `code`; an essential one stops the task."""
    container.last_status = STOPPED
    container.exit_code = code
    if container.spec.essential:
        stop(state, task, "EssentialContainerExited", ESSENTIAL_EXITED)


def place_waiting(state: RegionState, cluster: str) -> None:
    """Place the cluster's tasks that wait for an instance of their capacity provider, in the
    order they were started, on the ACTIVE instances it has now (an instance joined or came
    back, a task stopped)."""
    for provider in state.clusters[cluster].capacity_providers or ():
        waiting = state.tasks.listing(tasks_waiting(cluster, provider)).values()
        if not waiting:
            continue
        instances = [
            instance
            for instance in state.container_instances.in_cluster(cluster)
            if instance.capacity_provider_name == provider and instance.status == ACTIVE
        ]
        for task in waiting:
            placement = task.waiting
            assert placement is not None  # the listing holds the waiting ones
            (instance,), _ = place(state, instances, placement, 1)
            if instance is not None:
                with state.tasks.changing(task):
                    _assign(state, task, instance, placement.needs)
                    task.waiting = None
                _schedule(state, task)
