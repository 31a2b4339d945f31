"""RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances,
ListContainerInstances, UpdateContainerInstancesState and UpdateContainerAgent."""

from __future__ import annotations

from ecsmock import pages, query, validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import container_instances as lifecycle
from ecsmock.lifecycle import tasks as task_lifecycle
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.container_instances import ContainerInstanceErrors
from ecsmock.models import ACTIVE, INACTIVE, Json
from ecsmock.models.clusters import Cluster
from ecsmock.models.container_instances import DRAINING, ContainerInstance, subject_of
from ecsmock.params import Params
from ecsmock.state.region import RegionState
from ecsmock.state.table import starting_with
from ecsmock.validation import container_instances as rules

MAX_DESCRIBED = 100
MAX_UPDATED = 10
_UPDATING = ("PENDING", "STAGING", "STAGED", "UPDATING")
_TOO_MANY = ContainerInstanceErrors.TOO_MANY_REGISTERED_ATTRIBUTES


def register_container_instance(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    document = rules.identity_document(request.string("instanceIdentityDocument"), state.region)
    resources = rules.total_resources(
        request.shaped("totalResources", "Resources"),
        lifecycle.DEFAULT_CPU,
        lifecycle.DEFAULT_MEMORY,
    )
    version_info: Json = request.shaped("versionInfo", "VersionInfo") or {}
    given = rules.attributes(request.shaped("attributes", "Attributes") or [])
    tags = validation.tags(request.structs("tags"))
    known = request.string("containerInstanceArn")
    if known is not None:
        instance = _instance(state, cluster, known)
        rules.custom_limit({**instance.attributes, **given}, _TOO_MANY)
        merged = validation.merged_tags(instance.tags, tags, CommonErrors.TOO_MANY_TAGS)
        lifecycle.reregister(instance, resources, version_info, given, merged)
        return {"containerInstance": instance.to_api(state.tasks.used(instance.id), ("TAGS",))}
    found = lifecycle.agent_attributes(
        document.get("instanceType", lifecycle.DEFAULT_INSTANCE_TYPE),
        document.get("availabilityZone", lifecycle.first_zone(state.region)),
        document.get("architecture", lifecycle.DEFAULT_ARCHITECTURE),
        document.get("imageId"),
    )
    found.update(given)
    rules.custom_limit(found, _TOO_MANY)
    instance_id = state.ids.bytes(16).hex()
    instance = ContainerInstance(
        instance_id,
        state.container_instance_arn(cluster.name, instance_id),
        cluster.name,
        document.get("instanceId") or f"i-{state.ids.bytes(9).hex()[:17]}",
        state.scheduler.clock.now(),
        resources,
        version_info,
        found,
        tags,
    )
    lifecycle.register(state, instance)
    return {"containerInstance": instance.to_api(state.tasks.used(instance.id), ("TAGS",))}


def _instance(state: RegionState, cluster: Cluster, identifier: str) -> ContainerInstance:
    """A registered (not INACTIVE) instance of the cluster."""
    instance = state.find_container_instance(identifier, cluster.name)
    if instance is None or instance.status == INACTIVE:
        raise AwsError.of(
            ContainerInstanceErrors.INSTANCE_NOT_FOUND, instance=identifier, cluster=cluster.name
        )
    return instance


def describe_container_instances(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    identifiers = validation.names(
        request,
        "containerInstances",
        MAX_DESCRIBED,
        ContainerInstanceErrors.INSTANCES_EMPTY,
        ContainerInstanceErrors.TOO_MANY_DESCRIBED,
    )
    include = request.shaped("include", "ContainerInstanceFieldList") or []
    found, failures = validation.each_in(
        cluster.name, identifiers, state.find_container_instance, state.container_instance_arn
    )
    return {
        "containerInstances": [
            instance.to_api(state.tasks.used(instance.id), include) for instance in found
        ],
        "failures": failures,
    }


def list_container_instances(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    status = request.shaped("status", "ContainerInstanceStatus")
    expression = request.string("filter")
    matches = query.parse(expression) if expression else None
    scope = pages.scope("ListContainerInstances", cluster.name, status, expression)
    cursor = pages.cursor(request, state.token_key, scope, maximum=100)

    def keep(instance: ContainerInstance) -> bool:
        if status is not None and instance.status != status:
            return False
        usage = state.tasks.used(instance.id)
        return matches is None or matches(lambda subject: subject_of(instance, usage, subject))

    instances, following = pages.page(
        state.container_instances.listing,
        cursor,
        keep,
        within=starting_with(cluster.name),
    )
    body = {"containerInstanceArns": [instance.arn for instance in instances]}
    return pages.finish(body, state.token_key, cursor, following)


def update_container_instances_state(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    identifiers = validation.names(
        request,
        "containerInstances",
        MAX_UPDATED,
        ContainerInstanceErrors.INSTANCES_EMPTY,
        ContainerInstanceErrors.TOO_MANY_UPDATED,
    )
    status = request.required_shaped("status", "ContainerInstanceStatus")
    if status not in (ACTIVE, DRAINING):
        raise AwsError.of(ContainerInstanceErrors.STATUS_TARGET)
    found, failures = validation.each_in(
        cluster.name, identifiers, state.find_container_instance, state.container_instance_arn
    )
    reactivated = False
    for instance in found:
        if instance.status == INACTIVE:
            failures.append({"arn": instance.arn, "reason": INACTIVE})
        elif lifecycle.set_status(instance, status) and status == ACTIVE:
            reactivated = True
    if reactivated:  # room again, for tasks that wait for their provider's instances
        task_lifecycle.place_waiting(state, cluster.name)
    return {
        "containerInstances": [
            i.to_api(state.tasks.used(i.id)) for i in found if i.status != INACTIVE
        ],
        "failures": failures,
    }


def deregister_container_instance(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    identifier = request.required_string("containerInstance")
    force = request.boolean("force")
    instance = _instance(state, cluster, identifier)
    if state.tasks.used(instance.id).tasks and not force:
        raise AwsError.of(ContainerInstanceErrors.HAS_TASKS)
    lifecycle.deregister(state, instance)
    return {"containerInstance": instance.to_api(state.tasks.used(instance.id))}


def update_container_agent(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    instance = _instance(state, cluster, request.required_string("containerInstance"))
    if instance.agent_update_status in _UPDATING:
        raise AwsError.of(ContainerInstanceErrors.UPDATE_IN_PROGRESS)
    if "agentVersion" not in instance.version_info:
        raise AwsError.of(ContainerInstanceErrors.MISSING_VERSION)
    if not lifecycle.needs_update(instance.version_info):
        raise AwsError.of(ContainerInstanceErrors.NO_UPDATE)
    lifecycle.update_agent(state, instance)
    return {"containerInstance": instance.to_api(state.tasks.used(instance.id))}
