"""RegisterTaskDefinition, DescribeTaskDefinition, DeregisterTaskDefinition,
DeleteTaskDefinitions, ListTaskDefinitions and ListTaskDefinitionFamilies."""

from __future__ import annotations

from ecsmock import pages, validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import task_definitions as lifecycle
from ecsmock.messages.task_definitions import (
    FAILURE_DOES_NOT_EXIST,
    FAILURE_INVALID_IDENTIFIER,
    FAILURE_STILL_ACTIVE,
    TaskDefinitionErrors,
)
from ecsmock.models import ACTIVE, INACTIVE, Json, tags_to_api
from ecsmock.models.task_definitions import DELETE_IN_PROGRESS
from ecsmock.params import Params
from ecsmock.state.region import RegionState
from ecsmock.state.table import starting_with
from ecsmock.state.task_definitions import ALL
from ecsmock.validation.task_definitions import registration

MAX_DELETED = 10
_LAST_FAMILY = "\U0010ffff"  # sorts after every character a family name may hold


def register_task_definition(state: RegionState, request: Params) -> Json:
    definition = lifecycle.register(state, registration(request))
    return {"taskDefinition": definition.to_api(), "tags": tags_to_api(definition.tags)}


def describe_task_definition(state: RegionState, request: Params) -> Json:
    identifier = request.required_string("taskDefinition")
    include = request.shaped("include", "TaskDefinitionFieldList") or []
    definition = state.find_task_definition(identifier)
    if definition is None:
        raise AwsError.of(TaskDefinitionErrors.DESCRIBE_NOT_FOUND)
    tags = tags_to_api(definition.tags) if "TAGS" in include else []
    return {"taskDefinition": definition.to_api(), "tags": tags}


def deregister_task_definition(state: RegionState, request: Params) -> Json:
    reference = state.task_definition_reference(request.required_string("taskDefinition"))
    if reference is None:
        raise AwsError.of(TaskDefinitionErrors.DOES_NOT_EXIST)
    family, revision = reference
    if revision is None:
        raise AwsError.of(TaskDefinitionErrors.REVISION_MISSING)
    definition = state.task_definitions.get(family, revision)
    if definition is None:
        raise AwsError.of(TaskDefinitionErrors.DOES_NOT_EXIST)
    if definition.status == DELETE_IN_PROGRESS:
        raise AwsError.of(TaskDefinitionErrors.BEING_DELETED)
    lifecycle.deregister(state, definition)
    return {"taskDefinition": definition.to_api()}


def delete_task_definitions(state: RegionState, request: Params) -> Json:
    identifiers = validation.names(
        request,
        "taskDefinitions",
        MAX_DELETED,
        TaskDefinitionErrors.DELETE_NOTHING,
        TaskDefinitionErrors.TOO_MANY_TO_DELETE,
    )
    deleted: list[Json] = []
    failures: list[Json] = []
    answered: set[str] = set()
    for identifier in identifiers:
        family, revision = state.task_definition_reference(identifier) or (identifier, None)
        if revision is None:
            failures.append({"arn": identifier, "reason": FAILURE_INVALID_IDENTIFIER})
            continue
        arn = state.task_definition_arn(family, revision)
        if arn in answered:
            continue
        answered.add(arn)
        definition = state.task_definitions.get(family, revision)
        if definition is None:
            failures.append({"arn": arn, "reason": FAILURE_DOES_NOT_EXIST})
        elif definition.status == ACTIVE:
            failures.append({"arn": arn, "reason": FAILURE_STILL_ACTIVE})
        else:
            if definition.status == INACTIVE:
                lifecycle.delete(state, definition)
            deleted.append(definition.to_api())
    return {"taskDefinitions": deleted, "failures": failures}


def list_task_definitions(state: RegionState, request: Params) -> Json:
    family = request.string("familyPrefix") or None  # empty: every family, as for families
    status = request.shaped("status", "TaskDefinitionStatus") or ACTIVE
    order = request.shaped("sort", "SortOrder") or "ASC"
    scope = pages.scope("ListTaskDefinitions", family, status, order)
    cursor = pages.cursor(request, state.token_key, scope, maximum=100)
    definitions, following = pages.page(
        state.task_definitions.by_status[status],
        cursor,
        descending=order == "DESC",
        within=None if family is None else starting_with(family),
    )
    body = {"taskDefinitionArns": [definition.arn for definition in definitions]}
    return pages.finish(body, state.token_key, cursor, following)


def list_task_definition_families(state: RegionState, request: Params) -> Json:
    prefix = request.string("familyPrefix")
    status = request.shaped("status", "TaskDefinitionFamilyStatus") or ALL
    scope = pages.scope("ListTaskDefinitionFamilies", prefix, status)
    cursor = pages.cursor(request, state.token_key, scope, maximum=100)
    families, following = pages.page(
        state.task_definitions.family_listings[status],
        cursor,
        within=(prefix, prefix + _LAST_FAMILY) if prefix else None,
    )
    return pages.finish({"families": families}, state.token_key, cursor, following)
