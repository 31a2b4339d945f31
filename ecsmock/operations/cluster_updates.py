"""UpdateCluster, UpdateClusterSettings and PutClusterCapacityProviders."""

from __future__ import annotations

from ecsmock import validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import clusters as lifecycle
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.messages.wire import WireErrors
from ecsmock.models import Json
from ecsmock.params import Params
from ecsmock.state.region import RegionState


def update_cluster(state: RegionState, request: Params) -> Json:
    cluster = state.active_cluster(request.required_string("cluster"))
    insights = validation.container_insights(request.structs("settings"))
    configuration = validation.configuration(request.struct("configuration"))
    defaults = request.struct("serviceConnectDefaults")
    value = None if defaults is None else defaults.required_string("namespace")
    namespace = None if not value else lifecycle.namespace(state, value)
    if insights is not None:
        cluster.container_insights = insights
    if configuration is not None:
        cluster.configuration = {**(cluster.configuration or {}), **configuration}
    if value is not None:  # "" removes the Service Connect defaults
        lifecycle.attach_namespace(state, cluster, namespace)
    return {"cluster": cluster.to_api(state.counts(cluster))}


def update_cluster_settings(state: RegionState, request: Params) -> Json:
    cluster = state.active_cluster(request.required_string("cluster"))
    settings = request.structs("settings")
    if settings is None:
        raise AwsError.of(WireErrors.MISSING_PARAMETER, member="settings")
    insights = validation.container_insights(settings)
    if insights is not None:
        cluster.container_insights = insights
    return {"cluster": cluster.to_api(state.counts(cluster))}


def put_cluster_capacity_providers(state: RegionState, request: Params) -> Json:
    cluster = state.active_cluster(request.required_string("cluster"))
    names = request.strings("capacityProviders")
    items = request.structs("defaultCapacityProviderStrategy")
    for member, value in (("capacityProviders", names), ("defaultCapacityProviderStrategy", items)):
        if value is None:
            raise AwsError.of(WireErrors.MISSING_PARAMETER, member=member)
    wanted = lifecycle.association(state, cluster.name, names or [], items or [])
    removed = set(cluster.capacity_providers or ()) - set(wanted.names)
    if any(state.tasks.in_use(cluster.name, name) for name in removed):
        raise AwsError.of(ClusterErrors.PROVIDER_IN_USE)
    lifecycle.associate(state, cluster, wanted)
    return {"cluster": cluster.to_api(state.counts(cluster))}
