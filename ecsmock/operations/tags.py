"""TagResource, UntagResource and ListTagsForResource, for clusters, capacity providers, task
definitions, container instances and tasks."""

from __future__ import annotations

from ecsmock import arns, validation
from ecsmock.errors import AwsError, ErrorTable
from ecsmock.messages.capacity_providers import CapacityProviderErrors
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.tags import TagErrors
from ecsmock.messages.wire import WireErrors
from ecsmock.models import INACTIVE, Json, tags_to_api
from ecsmock.models.clusters import FARGATE_PROVIDERS, CapacityProvider, Cluster
from ecsmock.models.container_instances import ContainerInstance
from ecsmock.models.task_definitions import TaskDefinition
from ecsmock.models.tasks import Task
from ecsmock.params import Params
from ecsmock.state.region import RegionState

_KEPT_TYPES = ("cluster", "capacity-provider", "task-definition", "container-instance", "task")
Tagged = Cluster | CapacityProvider | TaskDefinition | ContainerInstance | Task


def _resource(
    state: RegionState,
    request: Params,
    changing: bool,
    missing: ErrorTable,
    missing_provider: ErrorTable,
) -> Tagged:
    """The resource `resourceArn` names. A resource that is not there is answered with
    `missing` (a capacity provider with `missing_provider`): each operation answers only the
    codes botocore models for it."""
    text = request.required_string("resourceArn")
    arn = arns.parse(text)
    if arn is None or arn.service != "ecs" or not arn.resource_id:
        raise AwsError.of(TagErrors.INVALID_ARN)
    if arn.resource_type not in _KEPT_TYPES:
        raise AwsError.of(TagErrors.UNSUPPORTED_RESOURCE, resource_type=arn.resource_type)
    if arn.resource_type == "cluster":
        cluster = state.find_cluster(text)
        if cluster is None:
            raise AwsError.of(ClusterErrors.CLUSTER_NOT_FOUND)
        if changing and cluster.status == INACTIVE:
            raise AwsError.of(ClusterErrors.CLUSTER_INACTIVE)
        return cluster
    if arn.resource_type == "task-definition":
        definition = state.find_task_definition(text)
        if definition is None or ":" not in arn.resource_id:
            raise AwsError.of(missing, arn=text)
        return definition
    if arn.resource_type in ("container-instance", "task"):
        find = state.find_container_instance if arn.resource_type != "task" else state.find_task
        found = find(text)
        if found is None:
            raise AwsError.of(missing, arn=text)
        return found
    provider = state.find_provider(text)
    if changing and provider is not None and provider.name in FARGATE_PROVIDERS:
        raise AwsError.of(TagErrors.RESERVED_PROVIDER_TAGS)
    if provider is None or provider.status == INACTIVE:
        raise AwsError.of(missing_provider)
    return provider


def tag_resource(state: RegionState, request: Params) -> Json:
    resource = _resource(state, request, True, TagErrors.NOT_FOUND, TagErrors.PROVIDER_NOT_FOUND)
    items = request.structs("tags")
    if items is None:
        raise AwsError.of(WireErrors.MISSING_PARAMETER, member="tags")
    resource.tags = validation.merged_tags(
        resource.tags, validation.tags(items), CommonErrors.TAG_LIMIT_AFTER_MERGE
    )
    return {}


def untag_resource(state: RegionState, request: Params) -> Json:
    resource = _resource(state, request, True, TagErrors.NOT_FOUND, TagErrors.PROVIDER_NOT_FOUND)
    keys = request.strings("tagKeys")
    if keys is None:
        raise AwsError.of(WireErrors.MISSING_PARAMETER, member="tagKeys")
    for key in keys:
        validation.tag_key(key)
    resource.tags = {key: value for key, value in resource.tags.items() if key not in keys}
    return {}


def list_tags_for_resource(state: RegionState, request: Params) -> Json:
    # ListTagsForResource models no ResourceNotFoundException
    resource = _resource(
        state,
        request,
        False,
        TagErrors.NOT_FOUND_TO_LIST,
        CapacityProviderErrors.PROVIDER_DOES_NOT_EXIST,
    )
    return {"tags": tags_to_api(resource.tags)}
