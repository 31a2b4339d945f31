"""PutAttributes, DeleteAttributes and ListAttributes: attributes of container instances."""

from __future__ import annotations

from ecsmock import pages, validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import container_instances as lifecycle
from ecsmock.messages.container_instances import ContainerInstanceErrors
from ecsmock.models import INACTIVE, Json
from ecsmock.models.clusters import Cluster
from ecsmock.models.container_instances import ContainerInstance
from ecsmock.params import Params
from ecsmock.state.region import RegionState
from ecsmock.validation import container_instances as rules

MAX_PER_CALL = 10


def _targets(state: RegionState, request: Params) -> list[tuple[Json, ContainerInstance]]:
    """Each attribute of the request, checked, with the instance it belongs to."""
    cluster = validation.cluster(state, request)
    items: list[Json] = request.required_shaped("attributes", "Attributes")
    if len(items) > MAX_PER_CALL:
        raise AwsError.of(ContainerInstanceErrors.TOO_MANY_IN_CALL)
    rules.attributes(items)
    return [(item, _target(state, cluster, item)) for item in items]


def _target(state: RegionState, cluster: Cluster, item: Json) -> ContainerInstance:
    target = item.get("targetId")
    if not target:
        raise AwsError.of(ContainerInstanceErrors.ATTRIBUTE_TARGET_MISSING, name=item["name"])
    if not target.startswith("arn:") and "targetType" not in item:
        raise AwsError.of(
            ContainerInstanceErrors.ATTRIBUTE_TARGET_TYPE, name=item["name"], target=target
        )
    instance = state.find_container_instance(target, cluster.name)
    if instance is None or instance.status == INACTIVE:
        raise AwsError.of(ContainerInstanceErrors.TARGET_NOT_FOUND)
    return instance


def put_attributes(state: RegionState, request: Params) -> Json:
    targets = _targets(state, request)
    merged: dict[int, dict[str, str | None]] = {}
    for item, instance in targets:
        found = merged.setdefault(id(instance), dict(instance.attributes))
        found[item["name"]] = item.get("value")
    for found in merged.values():
        rules.custom_limit(found, ContainerInstanceErrors.TOO_MANY_ATTRIBUTES)
    for item, instance in targets:
        lifecycle.set_attribute(instance, item["name"], item.get("value"))
    return {"attributes": [item for item, _ in targets]}


def delete_attributes(state: RegionState, request: Params) -> Json:
    deleted: list[Json] = []
    for item, instance in _targets(state, request):
        value = lifecycle.remove_attribute(instance, item["name"])
        shown: Json = {key: item[key] for key in ("name", "targetType", "targetId") if key in item}
        deleted.append(shown if value is None else {**shown, "value": value})
    return {"attributes": deleted}


def list_attributes(state: RegionState, request: Params) -> Json:
    cluster = validation.cluster(state, request)
    request.required_shaped("targetType", "TargetType")
    name = request.string("attributeName")
    value = request.string("attributeValue")
    if value is not None and name is None:
        raise AwsError.of(ContainerInstanceErrors.VALUE_WITHOUT_NAME)
    scope = pages.scope("ListAttributes", cluster.name, name, value)
    cursor = pages.cursor(request, state.token_key, scope, maximum=100)
    instances = {i.order: i for i in state.container_instances.in_cluster(cluster.name)}
    keys = [
        (order, attribute)
        for order, instance in instances.items()
        for attribute, given in sorted(instance.attributes.items())
        if name in (None, attribute) and value in (None, given)
    ]
    page, following = pages.take(keys, cursor)
    found = []
    for order, attribute in page:
        instance = instances[order]
        entry: Json = {"name": attribute, "targetId": instance.arn}
        if instance.attributes[attribute] is not None:
            entry["value"] = instance.attributes[attribute]
        found.append(entry)
    return pages.finish({"attributes": found}, state.token_key, cursor, following)
