"""The error table of clusters: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DECISION = Provenance.AWS, Provenance.DECISION
_IPE = "InvalidParameterException"


class ClusterErrors(ErrorTable):
    """Errors of the cluster operations: names, lookups, settings, configuration, Service
    Connect, capacity providers on clusters, DeleteCluster."""

    CLUSTER_NAME = Message(
        _IPE,
        "The specified cluster name is invalid. Up to 255 characters are allowed, including "
        "letters (upper and lowercase), numbers, underscores, and hyphens. Specify a valid name "
        "and try again.",
        _DECISION,
        "rule from the CreateCluster API reference; text in the style of the capacity provider "
        "name message",
    )
    CLUSTER_NOT_FOUND = Message(
        "ClusterNotFoundException",
        "Cluster not found.",
        _AWS,
        "https://github.com/aws/aws-sdk-java/issues/3093",
    )
    CLUSTERS_BLANK = Message(
        _IPE, "Clusters can not be blank.", _AWS, "https://github.com/blox/blox/issues/170"
    )
    TOO_MANY_CLUSTERS = Message(
        _IPE,
        "clusters can have at most 100 items.",
        _DECISION,
        "limit from botocore's model; text after DescribeServices' real 'service names can have "
        "at most 10 items.'",
    )
    INVALID_INCLUDE = Message(
        _IPE,
        "Invalid include value {value}. Valid values are {valid}.",
        _DECISION,
        "enum from botocore's model",
    )
    CLUSTER_LIMIT = Message(
        "ClientException",
        "The maximum number of clusters for this account in this Region ({limit}) has been "
        "reached. Delete unused clusters or request a quota increase and try again.",
        _DECISION,
        "quota of 10,000 clusters per Region from the Amazon ECS service quotas page; "
        "ClientException because CreateCluster models no LimitExceededException",
    )
    IDEMPOTENT_MISMATCH = Message(
        _IPE,
        "Arguments on this idempotent request are inconsistent with arguments used in previous "
        "request(s).",
        _AWS,
        "https://github.com/hashicorp/terraform-provider-aws/issues/12749",
    )
    CLUSTER_INACTIVE = Message(
        _IPE,
        "The specified cluster is inactive. Specify an active cluster and try again.",
        _AWS,
        "https://github.com/gruntwork-io/cloud-nuke/issues/145",
    )
    CONTAINS_INSTANCES = Message(
        "ClusterContainsContainerInstancesException",
        "The Cluster cannot be deleted while Container Instances are active or draining.",
        _AWS,
        "https://github.com/gruntwork-io/cloud-nuke/pull/1131",
    )
    CONTAINS_TASKS = Message(
        "ClusterContainsTasksException",
        "The Cluster cannot be deleted while Tasks are active.",
        _AWS,
        "https://github.com/gruntwork-io/cloud-nuke/issues/368",
    )
    CONTAINS_SCOPED_PROVIDERS = Message(
        "ClientException",
        "The Cluster cannot be deleted while Cluster Scoped Capacity Providers are attached to "
        "the cluster.",
        _AWS,
        "https://github.com/ekristen/aws-nuke/issues/990; hashicorp/terraform-provider-aws PR "
        "45794",
    )
    SETTING_NAME = Message(
        _IPE, "Invalid setting 'name'", _DECISION, "by analogy with the real 'value' message"
    )
    LOGGING_VALUE = Message(
        _IPE,
        "Invalid value for logging: {value!r}. Valid values are NONE, DEFAULT and OVERRIDE.",
        _DECISION,
        "enum from botocore's model",
    )
    LOG_CONFIGURATION_REQUIRED = Message(
        _IPE,
        "You must supply a log configuration when you set logging to 'OVERRIDE'",
        _DECISION,
        "rule from botocore's model; text mirrors the real message for the reverse case",
    )
    LOG_CONFIGURATION_NEEDS_OVERRIDE = Message(
        _IPE,
        "You must set logging to 'OVERRIDE' when you supply a log configuration",
        _AWS,
        "https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/84",
    )
    NAMESPACE_NAME = Message(
        _IPE,
        "The specified Service Connect namespace is invalid. A namespace name can have up to "
        '1024 characters and cannot contain <, >, " or /. Specify a valid namespace name or '
        "ARN and try again.",
        _DECISION,
        "rule from botocore's model",
    )
    NAMESPACE_NOT_FOUND = Message(
        "NamespaceNotFoundException",
        "Failed to retrieve namespace for {namespace}",
        _DECISION,
        "text of the real CreateService message, "
        "https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/116",
    )
    PROVIDER_UNKNOWN = Message(
        _IPE,
        "The specified capacity provider was not found. Specify a valid capacity provider and "
        "try again",
        _AWS,
        "https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/53",
    )
    PROVIDER_IN_OTHER_CLUSTER = Message(
        _IPE,
        "The specified capacity provider {name} is already associated with another cluster. "
        "An Auto Scaling group capacity provider can be associated with one cluster only. "
        "Remove it from the other cluster with PutClusterCapacityProviders and try again.",
        _DECISION,
        "rule from the CreateCluster API reference",
    )
    TOO_MANY_PROVIDERS = Message(
        _IPE,
        "The maximum number of capacity providers per cluster has been exceeded.",
        _AWS,
        "https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/1086",
    )
    DUPLICATE_PROVIDER = Message(
        _IPE,
        "The capacity provider {name} is specified more than once. Specify each capacity "
        "provider once and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    STRATEGY_NOT_ASSOCIATED = Message(
        _IPE,
        "The specified capacity provider strategy cannot contain a capacity provider that is not "
        "associated with the cluster. Associate the capacity provider with the cluster or "
        "specify a valid capacity provider and try again.",
        _AWS,
        "https://github.com/dask/dask-cloudprovider/issues/328",
    )
    STRATEGY_MIX = Message(
        _IPE,
        "A capacity provider strategy cannot contain a mix of capacity providers using Auto "
        "Scaling groups and Fargate providers. Specify one or the other and try again.",
        _AWS,
        "https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/68",
    )
    PROVIDER_IN_USE = Message(
        "ResourceInUseException",
        "The specified capacity provider is in use and cannot be removed.",
        _AWS,
        "https://github.com/pahud/cdk-fargate-patterns/issues/71",
    )
