"""How task definitions change: registered ACTIVE, deregistered INACTIVE, deleted
(DELETE_IN_PROGRESS, then gone once nothing uses it). The only writer of their statuses."""

from __future__ import annotations

import json

from ecsmock.models import INACTIVE
from ecsmock.models.task_definitions import DELETE_IN_PROGRESS, TaskDefinition
from ecsmock.state.region import RegionState
from ecsmock.validation.task_definitions import Registration


def register(state: RegionState, registration: Registration) -> TaskDefinition:
    revision = state.task_definitions.next_revision(registration.family)
    definition = TaskDefinition(
        registration.family,
        revision,
        state.task_definition_arn(registration.family, revision),
        json.dumps(registration.document, separators=(",", ":")),
        state.scheduler.clock.now(),
        state.caller_arn,
        registration.tags,
    )
    state.task_definitions.add(definition)
    return definition


def deregister(state: RegionState, definition: TaskDefinition) -> None:
    """INACTIVE: kept and described, no longer used for new work."""
    if definition.status == INACTIVE:
        return
    state.task_definitions.set_status(definition, INACTIVE)
    definition.deregistered_at = state.scheduler.clock.now()


def delete(state: RegionState, definition: TaskDefinition) -> None:
    """DELETE_IN_PROGRESS, then gone once `Timings.task_definition_deletion` has passed and no
    task uses it (else the last of its tasks to stop removes it: `tasks._release`)."""
    state.task_definitions.set_status(definition, DELETE_IN_PROGRESS)
    definition.delete_requested_at = state.scheduler.clock.now()

    def gone() -> None:
        if not state.tasks.uses(definition.arn):
            state.task_definitions.remove(definition)

    state.scheduler.after(state.timings.task_definition_deletion, gone, definition)
