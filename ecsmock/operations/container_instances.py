"""RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances,
ListContainerInstances, UpdateContainerInstancesState and UpdateContainerAgent."""

from __future__ import annotations

from collections.abc import Callable

from ecsmock import pages, query, validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import container_instances as lifecycle
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.container_instances import ContainerInstanceErrors
from ecsmock.models import ACTIVE, INACTIVE, Json
from ecsmock.models.clusters import Cluster
from ecsmock.models.container_instances import DRAINING, ContainerInstance
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
        return {"containerInstance": instance.to_api(("TAGS",))}
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
    return {"containerInstance": instance.to_api(("TAGS",))}


def _instance(state: RegionState, cluster: Cluster, identifier: str) -> ContainerInstance:
    """A registered (not INACTIVE) instance of the cluster."""
    instance = state.find_container_instance(identifier)
    if instance is None or instance.cluster != cluster.name or instance.status == INACTIVE:
        raise AwsError.of(
            ContainerInstanceErrors.INSTANCE_NOT_FOUND, instance=identifier, cluster=cluster.name
        )
    return instance


def _each(
    state: RegionState, cluster: Cluster, identifiers: list[str]
) -> tuple[list[ContainerInstance], list[Json]]:
    """The instances of the cluster the identifiers name, once each, and a MISSING failure for
    each identifier that names none."""
    found: list[ContainerInstance] = []
    failures: list[Json] = []
    answered: set[str] = set()
    for identifier in identifiers:
        instance = state.find_container_instance(identifier)
        if instance is None or instance.cluster != cluster.name:
            arn = identifier
            if not identifier.startswith("arn:"):
                arn = state.container_instance_arn(cluster.name, identifier)
            failures.append({"arn": arn, "reason": "MISSING"})
        elif instance.arn not in answered:
            answered.add(instance.arn)
            found.append(instance)
    return found, failures


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
    found, failures = _each(state, cluster, identifiers)
    return {
        "containerInstances": [instance.to_api(include) for instance in found],
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
        return (status is None or instance.status == status) and (
            matches is None or matches(lambda subject: subject_of(instance, subject))
        )

    instances, following = pages.page(
        state.container_instances.listing,
        cursor,
        keep,
        within=starting_with(cluster.name),
    )
    body = {"containerInstanceArns": [instance.arn for instance in instances]}
    return pages.finish(body, state.token_key, cursor, following)


def subject_of(instance: ContainerInstance, subject: str) -> object:
    """What the cluster query language sees of an instance."""
    if subject.startswith("attribute:"):
        name = subject.removeprefix("attribute:")
        if name not in instance.attributes:
            return None
        return instance.attributes[name] or ""  # a capability: it exists, with no value
    return SUBJECTS[subject](instance)


# What each subject of the query language (`query.SUBJECTS`, the same names) reads.
SUBJECTS: dict[str, Callable[[ContainerInstance], object]] = {
    "agentConnected": lambda instance: instance.agent_connected,
    "agentVersion": lambda instance: instance.version_info.get("agentVersion"),
    "ec2InstanceId": lambda instance: instance.ec2_instance_id,
    "registeredAt": lambda instance: instance.registered_at,
    "runningTasksCount": lambda _: 0,  # no task runs yet
    "task:group": lambda _: [],
}


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
    found, failures = _each(state, cluster, identifiers)
    for instance in found:
        if instance.status == INACTIVE:
            failures.append({"arn": instance.arn, "reason": INACTIVE})
        else:
            lifecycle.set_status(instance, status)
    return {
        "containerInstances": [i.to_api() for i in found if i.status != INACTIVE],
        "failures": failures,
    }


def deregister_container_instance(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    identifier = request.required_string("containerInstance")
    request.boolean("force")  # no task runs on it yet: force changes nothing
    instance = _instance(state, cluster, identifier)
    lifecycle.deregister(state, instance)
    return {"containerInstance": instance.to_api()}


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
    return {"containerInstance": instance.to_api()}
