"""How tasks change: created PROVISIONING (awsvpc) or PENDING, RUNNING once started, and on a stop
STOPPING, DEPROVISIONING (awsvpc) and STOPPED; a task planned to fail stops before it runs, and
one whose essential container exits stops with it. The only writer of tasks' statuses: each change
goes through the store (`Tasks.changing`), so listings and counts follow, and schedules the next
one (`Timings.task_provisioning`, `task_start`, `task_stop`)."""

from __future__ import annotations

from ecsmock.models.container_instances import ContainerInstance
from ecsmock.models.tasks import (
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
    task_id = state.ids.bytes(16).hex()
    arn = state.task_arn(cluster, task_id)
    task = Task(
        task_id,
        arn,
        cluster,
        state.cluster_arn(cluster),
        launch.definition.arn,
        launch.definition.family,
        [
            TaskContainer(
                plan.name,
                plan.image,
                str(plan.cpu),
                None if plan.memory is None else str(plan.memory),
                None if plan.memory_reservation is None else str(plan.memory_reservation),
                plan.essential,
                state.ids.uuid(),
                plan.ports,
            )
            for plan in launch.containers
        ],
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
        _assign(task, instance, launch.needs)
    elif waiting is not None:
        task.waiting = waiting
        task.last_status = PROVISIONING
    else:  # on Fargate
        zone = sum(subnet.encode()) % len(ZONE_LETTERS) if task.network else 0
        task.availability_zone = f"{state.region}{ZONE_LETTERS[zone]}"
    task.doomed = _doom(state, task)
    return task


def _interface(state: RegionState, subnet: str) -> NetworkInterface:
    address = state.ids.bytes(8)
    suffix = "ec2.internal" if state.region == "us-east-1" else f"{state.region}.compute.internal"
    return NetworkInterface(
        state.ids.uuid(),
        subnet,
        f"eni-{address.hex()[:17]}",
        "02:" + ":".join(f"{byte:02x}" for byte in address[:5]),
        f"10.0.{address[5]}.{address[6] % 254 + 1}",
        suffix,
    )


def _assign(task: Task, instance: ContainerInstance, needs: Reservation) -> None:
    task.instance_id = instance.id
    task.instance_arn = instance.arn
    task.availability_zone = instance.attributes.get("ecs.availability-zone")
    task.architecture = instance.attributes.get("ecs.cpu-architecture") or task.architecture
    task.reservation = needs


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


def _schedule(state: RegionState, task: Task) -> None:
    """Schedule the task's next step toward its desired status, if it has one to take."""
    timings = state.timings
    status = task.last_status
    if task.desired_status == RUNNING:
        if status == PROVISIONING and (task.instance_id is not None or task.fargate):
            delay = timings.task_provisioning
        elif status == PENDING:
            delay = timings.task_start
        else:
            return  # RUNNING, or waiting for an instance
    elif status in (STOPPED,):
        return
    elif status == STOPPING:
        delay = timings.task_stop
    elif status == DEPROVISIONING:
        delay = timings.task_provisioning
    else:
        delay = 0.0
    state.scheduler.after(delay, lambda: _step(state, task), task)


def _step(state: RegionState, task: Task) -> None:
    now = state.scheduler.clock.now()
    network = task.network
    with state.tasks.changing(task):
        if task.desired_status == RUNNING and task.last_status == PROVISIONING:
            if network is not None:
                network.status = "ATTACHED"
            task.connectivity_at = now
            _set(task, PENDING)
        elif task.desired_status == RUNNING and task.doomed is not None:
            _stop(task, now, "TaskFailedToStart", task.doomed)
            for container in task.containers:
                container.reason = task.doomed
        elif task.desired_status == RUNNING:
            _run(state, task, now)
        elif task.last_status in (*STARTING, RUNNING):
            _set(task, STOPPING if task.last_status == RUNNING else _after_stopping(task))
        elif task.last_status == STOPPING:
            _set(task, _after_stopping(task))
        else:
            _set(task, STOPPED)
        if task.last_status == STOPPED:
            _stopped(task, now)
    if task.last_status == STOPPED:
        _release(state, task, now)
    _schedule(state, task)


def _after_stopping(task: Task) -> str:
    attached = task.network is not None and task.network.status == "ATTACHED"
    return DEPROVISIONING if attached else STOPPED


def _run(state: RegionState, task: Task, now: float) -> None:
    if task.connectivity_at is None:
        task.connectivity_at = task.created_at
    task.pull_started_at = task.connectivity_at
    task.pull_stopped_at = now
    task.started_at = now
    for position, container in enumerate(task.containers):
        container.last_status = RUNNING
        container.runtime_id = (
            f"{task.id}-{int.from_bytes(state.ids.bytes(4))}"
            if task.fargate
            else state.ids.bytes(32).hex()
        )
        if task.network is None:
            container.bound_ports = tuple(
                mapping.host_port or _dynamic_port(task, position, index)
                for index, mapping in enumerate(container.ports)
            )
    _set(task, RUNNING)


def _dynamic_port(task: Task, container: int, mapping: int) -> int:
    """A host port from the ephemeral range, different for each mapping of recent tasks."""
    return EPHEMERAL_PORTS[(task.order * 64 + container * 8 + mapping) % len(EPHEMERAL_PORTS)]


def _set(task: Task, status: str) -> None:
    task.last_status = status
    task.version += 1


def _stop(task: Task, now: float, code: str, reason: str | None) -> None:
    task.desired_status = STOPPED
    task.stopping_at = now
    task.stop_code = code
    if reason is not None:
        task.stopped_reason = reason
    task.version += 1


def _stopped(task: Task, now: float) -> None:
    task.stopped_at = now
    if task.network is not None:
        task.network.status = "DELETED"
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
        if untag:
            task.tags = {}
    _schedule(state, task)


def exit_container(state: RegionState, task: Task, container: TaskContainer, code: int) -> None:
    """A container of a RUNNING task exits with `code`; an essential one stops the task."""
    container.last_status = STOPPED
    container.exit_code = code
    if container.essential:
        stop(state, task, "EssentialContainerExited", ESSENTIAL_EXITED)


def place_waiting(state: RegionState, cluster: str) -> None:
    """Place the cluster's tasks that wait for an instance of their capacity provider, in the
    order they were started, on the instances it has now."""
    for task in state.tasks.listing((cluster, RUNNING)).values():
        placement = task.waiting
        if placement is None:
            continue
        instances = [
            instance
            for instance in state.container_instances.in_cluster(cluster)
            if instance.capacity_provider_name == task.capacity_provider
        ]
        (instance,), _ = place(state, instances, placement, 1)
        if instance is not None:
            with state.tasks.changing(task):
                _assign(task, instance, placement.needs)
                task.waiting = None
            _schedule(state, task)
