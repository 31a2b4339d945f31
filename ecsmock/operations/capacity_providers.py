"""CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider and
DeleteCapacityProvider, for Auto Scaling group providers and the built-in Fargate ones."""

from __future__ import annotations

import re

from ecsmock import pages, validation
from ecsmock.errors import AwsError, UnservedOperationError
from ecsmock.lifecycle import clusters as lifecycle
from ecsmock.messages.capacity_providers import CapacityProviderErrors
from ecsmock.models import ACTIVE, Json
from ecsmock.models.clusters import AUTO_SCALING, FARGATE_PROVIDERS, CapacityProvider
from ecsmock.params import Params
from ecsmock.state.region import RegionState

_RESERVED_PREFIXES = ("aws", "ecs", "fargate")
MAX_DESCRIBED = 100
_ASG_ARN = re.compile(
    r"arn:[a-z0-9-]+:autoscaling:[a-z0-9-]+:\d{12}:autoScalingGroup:[^:\s]+"
    r":autoScalingGroupName/\S{1,255}"
)
_SCALING_RANGES = {
    "targetCapacity": (1, 100),
    "minimumScalingStepSize": (1, 10_000),
    "maximumScalingStepSize": (1, 10_000),
    "instanceWarmupPeriod": (0, 10_000),
}
_NEW_GROUP: Json = {  # what a new provider has where the request is silent [DOC]
    "managedScaling": {
        "status": "DISABLED",
        "targetCapacity": 100,
        "minimumScalingStepSize": 1,
        "maximumScalingStepSize": 10_000,
        "instanceWarmupPeriod": 300,
    },
    "managedTerminationProtection": "DISABLED",
    "managedDraining": "ENABLED",
}


def _no_managed_instances(request: Params) -> None:
    if request.has("managedInstancesProvider"):
        raise UnservedOperationError(
            "ecsmock serves Auto Scaling group capacity providers only: Managed Instances "
            "capacity providers (managedInstancesProvider) are not served yet."
        )


def create_capacity_provider(state: RegionState, request: Params) -> Json:
    name = request.required_string("name")
    if not validation.is_valid_name(name) or name.lower().startswith(_RESERVED_PREFIXES):
        raise AwsError.of(CapacityProviderErrors.PROVIDER_NAME)
    _no_managed_instances(request)
    if request.has("cluster"):
        raise AwsError.of(CapacityProviderErrors.PROVIDER_CLUSTER_PARAMETER)
    group = request.struct("autoScalingGroupProvider")
    if group is None:
        raise AwsError.of(CapacityProviderErrors.ASG_PROVIDER_REQUIRED)
    arn = group.required_string("autoScalingGroupArn")
    if not _ASG_ARN.fullmatch(arn):
        raise AwsError.of(CapacityProviderErrors.ASG_ARN, arn=arn)
    settings = _group_settings(group, _NEW_GROUP)
    tags = validation.tags(request.structs("tags"))
    if state.active_provider(name) is not None:
        raise AwsError.of(CapacityProviderErrors.PROVIDER_EXISTS)
    if any(
        provider.status == ACTIVE
        and (provider.auto_scaling_group or {}).get("autoScalingGroupArn") == arn
        for provider in state.capacity_providers
    ):
        raise AwsError.of(CapacityProviderErrors.ASG_IN_USE)
    provider = CapacityProvider(
        name,
        state.provider_arn(name),
        AUTO_SCALING,
        auto_scaling_group={"autoScalingGroupArn": arn, **settings},
        tags=tags,
    )
    state.capacity_providers.add(provider)
    return {"capacityProvider": provider.to_api()}


def _group_settings(group: Params, current: Json) -> Json:
    """managedScaling, managedTerminationProtection and managedDraining: the request's values
    over `current`."""
    scaling = dict(current["managedScaling"])
    given = group.struct("managedScaling")
    if given is not None:
        status = given.string("status")
        if status is not None:
            scaling["status"] = validation.one_of(
                "managedScaling.status", status, "ManagedScalingStatus"
            )
        for member, (low, high) in _SCALING_RANGES.items():
            number = given.integer(member)
            if number is None:
                continue
            if not low <= number <= high:
                raise AwsError.of(
                    CapacityProviderErrors.SCALING_VALUE,
                    member=member,
                    value=number,
                    low=low,
                    high=high,
                )
            scaling[member] = number
    settings: Json = {"managedScaling": scaling}
    for member, shape in (
        ("managedTerminationProtection", "ManagedTerminationProtection"),
        ("managedDraining", "ManagedDraining"),
    ):
        value = group.string(member)
        settings[member] = (
            current[member] if value is None else validation.one_of(member, value, shape)
        )
    return settings


def describe_capacity_providers(state: RegionState, request: Params) -> Json:
    names = request.strings("capacityProviders")
    if names is not None and len(names) > MAX_DESCRIBED:
        raise AwsError.of(
            CapacityProviderErrors.TOO_MANY_PROVIDERS_DESCRIBED, maximum=MAX_DESCRIBED
        )
    cluster = request.string("cluster")
    associated = (
        None if cluster is None else set(state.active_cluster(cluster).capacity_providers or ())
    )
    include = request.strings("include") or []
    for value in include:
        validation.one_of("include", value, "CapacityProviderField")
    walk = pages.scope("DescribeCapacityProviders", cluster, names)
    cursor = pages.cursor(request, state.token_key, walk, maximum=10)
    if names is None:  # every provider (of the cluster), as listed
        keep = None if associated is None else (lambda p: p.name in associated)
        listed, following = pages.page(state.capacity_providers.listing, cursor, keep)
        page = [provider.name for provider in listed]
    else:  # the request's own names, by their position in it
        positions, following = pages.take(range(len(names)), cursor)
        page = [names[position] for position in positions]

    def find(identifier: str) -> CapacityProvider | None:
        provider = state.find_provider(identifier)
        return (
            provider if associated is None or (provider and provider.name in associated) else None
        )

    found, failures = validation.each(page, find, state.provider_arn)
    providers = [provider.to_api(with_tags="TAGS" in include) for provider in found]
    body = {"capacityProviders": providers, "failures": failures}
    return pages.finish(body, state.token_key, cursor, following)


def _custom_provider(state: RegionState, identifier: str, action: str) -> CapacityProvider:
    """An ACTIVE provider that a request may change: not FARGATE or FARGATE_SPOT."""
    provider = state.find_provider(identifier)
    if provider is not None and provider.name in FARGATE_PROVIDERS:
        raise AwsError.of(
            CapacityProviderErrors.PROVIDER_RESERVED, name=provider.name, action=action
        )
    if provider is None or provider.status != ACTIVE:
        raise AwsError.of(CapacityProviderErrors.PROVIDER_DOES_NOT_EXIST)
    return provider


def update_capacity_provider(state: RegionState, request: Params) -> Json:
    _no_managed_instances(request)
    provider = _custom_provider(state, request.required_string("name"), "updated")
    if provider.deleting:
        raise AwsError.of(CapacityProviderErrors.PROVIDER_BEING_DELETED)
    group = request.struct("autoScalingGroupProvider")
    if group is None:
        raise AwsError.of(CapacityProviderErrors.ASG_PROVIDER_REQUIRED)
    lifecycle.update_provider(
        state, provider, _group_settings(group, provider.auto_scaling_group or {})
    )
    return {"capacityProvider": provider.to_api()}


def delete_capacity_provider(state: RegionState, request: Params) -> Json:
    provider = _custom_provider(state, request.required_string("capacityProvider"), "deleted")
    lifecycle.delete_provider(state, provider)  # still associated: DELETE_FAILED, and a 200
    return {"capacityProvider": provider.to_api()}
