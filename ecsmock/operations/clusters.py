"""CreateCluster, DescribeClusters, ListClusters and DeleteCluster."""

from __future__ import annotations

from ecsmock import pages, service_model, validation
from ecsmock.errors import AwsError
from ecsmock.lifecycle import clusters as lifecycle
from ecsmock.lifecycle.clusters import Association, Namespace
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.models import INACTIVE, Json
from ecsmock.models.clusters import Cluster
from ecsmock.params import Params
from ecsmock.state.region import RegionState

MAX_DESCRIBED = 100


def create_cluster(state: RegionState, request: Params) -> Json:
    name = request.string("clusterName")
    name = validation.cluster_name("default" if name is None else name)
    tags = validation.tags(request.structs("tags"))
    insights = validation.container_insights(request.structs("settings"))
    configuration = validation.configuration(request.struct("configuration"))
    wanted = lifecycle.request_association(state, name, request)
    namespace = lifecycle.service_connect(state, request)
    existing = state.clusters.get(name)
    if existing is not None and existing.status != INACTIVE:
        if not _repeats(
            state,
            existing,
            request,
            tags=tags,
            insights=insights,
            configuration=configuration,
            wanted=wanted,
            namespace=namespace,
        ):
            raise AwsError.of(ClusterErrors.IDEMPOTENT_MISMATCH)
        return {"cluster": existing.to_api(state.counts(existing))}
    if len(state.clusters.listing) >= state.quotas.clusters:
        raise AwsError.of(ClusterErrors.CLUSTER_LIMIT, limit=state.quotas.clusters)
    if insights is None:
        insights, _ = state.effective_setting("containerInsights", state.caller_arn)
    cluster = Cluster(name, state.cluster_arn(name), insights, tags, configuration=configuration)
    lifecycle.attach_namespace(state, cluster, namespace)
    lifecycle.create(state, cluster, wanted)
    if not request.has("capacityProviders"):  # absent from responses, as AWS leaves it
        cluster.capacity_providers = None
    if not request.has("defaultCapacityProviderStrategy"):
        cluster.strategy = None
    return {"cluster": cluster.to_api(state.counts(cluster))}


def _repeats(
    state: RegionState,
    cluster: Cluster,
    request: Params,
    *,
    tags: dict[str, str],
    insights: str | None,
    configuration: Json | None,
    wanted: Association,
    namespace: Namespace | None,
) -> bool:
    """Whether every parameter the request supplies equals what the cluster already has, which
    makes a repeated CreateCluster an idempotent success."""
    return (
        (not request.has("tags") or tags == cluster.tags)
        and insights in (None, cluster.container_insights)
        and configuration in (None, cluster.configuration)
        and (
            not request.has("capacityProviders")
            or wanted.names == (cluster.capacity_providers or [])
        )
        and (
            not request.has("defaultCapacityProviderStrategy")
            or wanted.strategy == (cluster.strategy or [])
        )
        and (namespace is None or _same_namespace(state, namespace, cluster))
    )


def _same_namespace(state: RegionState, namespace: Namespace, cluster: Cluster) -> bool:
    """A namespace named but never created is not the cluster's, even when it has none."""
    arn = namespace.current_arn(state)
    return arn is not None and arn == cluster.namespace_arn


def describe_clusters(state: RegionState, request: Params) -> Json:
    identifiers = request.strings("clusters") or ["default"]
    if len(identifiers) > MAX_DESCRIBED:
        raise AwsError.of(ClusterErrors.TOO_MANY_CLUSTERS)
    if any(not identifier.strip() for identifier in identifiers):
        raise AwsError.of(ClusterErrors.CLUSTERS_BLANK)
    include = _include(request.strings("include") or [])
    found, failures = validation.each(identifiers, state.find_cluster, state.cluster_arn)
    clusters = [cluster.to_api(state.counts(cluster), include) for cluster in found]
    return {"clusters": clusters, "failures": failures}


def _include(values: list[str]) -> frozenset[str]:
    valid = service_model.enum("ClusterField")
    for value in values:
        if value not in valid:
            raise AwsError.of(ClusterErrors.INVALID_INCLUDE, value=value, valid=", ".join(valid))
    return frozenset(values)


def list_clusters(state: RegionState, request: Params) -> Json:
    cursor = pages.cursor(request, state.token_key, "ListClusters", maximum=100)
    clusters, following = pages.page(state.clusters.listing, cursor)
    body = {"clusterArns": [cluster.arn for cluster in clusters]}
    return pages.finish(body, state.token_key, cursor, following)


def delete_cluster(state: RegionState, request: Params) -> Json:
    cluster = state.find_cluster(request.required_string("cluster"))
    if cluster is None:
        raise AwsError.of(ClusterErrors.CLUSTER_NOT_FOUND)
    if cluster.status != INACTIVE:
        counts = state.counts(cluster)
        if counts.registered_container_instances:
            raise AwsError.of(ClusterErrors.CONTAINS_INSTANCES)
        if counts.live_tasks:
            raise AwsError.of(ClusterErrors.CONTAINS_TASKS)
        if lifecycle.has_cluster_scoped_providers(state, cluster):
            raise AwsError.of(ClusterErrors.CONTAINS_SCOPED_PROVIDERS)
        lifecycle.delete(state, cluster)
    return {"cluster": cluster.to_api(state.counts(cluster))}
