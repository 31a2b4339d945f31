"""The one table of every error message ecsmock sends, with its provenance.

The docs (the fidelity ledger) show which texts are AWS's own, byte for byte, and which are
ecsmock's choice in AWS's style. A wrong text is fixed here, in one place.
"""

from __future__ import annotations

import enum

from ecsmock.errors import Message, Provenance

_AWS, _DOC, _DECISION = Provenance.AWS, Provenance.DOC, Provenance.DECISION
_IPE = "InvalidParameterException"


class Errors(enum.Enum):
    """Every error ecsmock answers with. Placeholders are filled by `AwsError.of`."""

    # Wire level
    NOT_JSON = Message(
        "SerializationException",
        "The request body is not a valid JSON object.",
        _DECISION,
        "awsJson1_1 services answer malformed bodies with SerializationException",
    )
    WRONG_TYPE = Message(
        "SerializationException",
        "Unexpected value for {member}: expected {expected}.",
        _DECISION,
        "awsJson1_1 services answer members of the wrong JSON type with SerializationException",
    )
    UNKNOWN_OPERATION = Message(
        "UnknownOperationException",
        "The operation {target} is not recognized by Amazon ECS.",
        _DECISION,
        "awsJson1_1 services answer an unknown X-Amz-Target with UnknownOperationException",
    )
    MISSING_PARAMETER = Message(
        _IPE,
        "{member} is a required parameter. Specify a value and try again.",
        _DECISION,
        "botocore rejects this client side; only clients without parameter validation reach it",
    )
    INVALID_TOKEN = Message(
        _IPE,
        "Invalid token {token}",
        _AWS,
        "https://github.com/rusoto/rusoto integration_tests/tests/ecs.rs (ListClusters, real AWS)",
    )
    MAX_RESULTS = Message(
        _IPE,
        "maxResults must be between 1 and {maximum}. Specify a valid value and try again.",
        _DECISION,
        "range from botocore's model documentation",
    )

    # Cluster names and lookups
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

    # DeleteCluster
    CONTAINS_INSTANCES = Message(
        "ClusterContainsContainerInstancesException",
        "The Cluster cannot be deleted while Container Instances are active or draining.",
        _AWS,
        "https://github.com/gruntwork-io/cloud-nuke/pull/1131",
    )
    CONTAINS_SERVICES = Message(
        "ClusterContainsServicesException",
        "The Cluster cannot be deleted while Services are active.",
        _AWS,
        "https://github.com/coldbrewcloud/coldbrew-cli/issues/35",
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

    # Tags
    TOO_MANY_TAGS = Message(
        _IPE,
        "The number of tags exceeds the limit of 50 tags per resource. Remove some tags and try "
        "again.",
        _DECISION,
        "limit of 50 tags per resource from the Amazon ECS tagging documentation",
    )
    TAG_LIMIT_AFTER_MERGE = Message(
        "LimitExceededException",
        "The resource would have {count} tags, more than the limit of 50 tags per resource. "
        "Remove some tags and try again.",
        _DECISION,
        "limit from the Amazon ECS tagging documentation; TagResource models "
        "LimitExceededException",
    )
    TAG_KEY_LENGTH = Message(
        _IPE,
        "The specified tag key is invalid. A tag key must be 1 to 128 characters long. "
        "Specify a valid tag key and try again.",
        _DECISION,
        "limit from the Amazon ECS tagging documentation",
    )
    TAG_VALUE_LENGTH = Message(
        _IPE,
        "The specified tag value is invalid. A tag value can be up to 256 characters long. "
        "Specify a valid tag value and try again.",
        _DECISION,
        "limit from the Amazon ECS tagging documentation",
    )
    TAG_CHARACTERS = Message(
        _IPE,
        "The specified tag {part} {value!r} contains characters that are not allowed. Tags can "
        "contain letters, numbers, spaces, and the characters _ . : / = + - @. Specify a valid "
        "tag and try again.",
        _DECISION,
        "character set from the Amazon ECS tagging documentation",
    )
    TAG_RESERVED = Message(
        _IPE,
        "The specified tag {part} {value!r} uses the reserved prefix aws:, which is for AWS use "
        "only. Specify a tag without this prefix and try again.",
        _DECISION,
        "reserved prefix from the Amazon ECS tagging documentation",
    )
    TAG_DUPLICATE_KEY = Message(
        _IPE,
        "The tag key {key!r} is specified more than once. Tag keys must be unique. Specify each "
        "tag key once and try again.",
        _DECISION,
        "uniqueness rule from the Amazon ECS tagging documentation",
    )
    INVALID_ARN = Message(
        _IPE,
        "The ARN provided is invalid.",
        _AWS,
        "https://github.com/boto/boto3/issues/2774 (ListTagsForResource with a non-ECS ARN)",
    )
    UNSUPPORTED_RESOURCE = Message(
        _IPE,
        "Unsupported resource type: {resource_type}",
        _AWS,
        "https://github.com/aws/aws-cli/issues/7875; ecsmock keeps clusters and capacity "
        "providers only",
    )
    RESERVED_PROVIDER_TAGS = Message(
        _IPE,
        "The FARGATE and FARGATE_SPOT capacity providers are reserved and cannot be tagged. Tag "
        "your clusters or your own capacity providers instead.",
        _DOC,
        "Amazon ECS tagging documentation: these providers cannot be tagged",
    )
    PROVIDER_NOT_FOUND = Message(
        "ResourceNotFoundException",
        "The specified capacity provider does not exist. Specify a valid capacity provider and "
        "try again.",
        _DECISION,
        "TagResource and UntagResource model ResourceNotFoundException (ListTagsForResource "
        "answers PROVIDER_DOES_NOT_EXIST)",
    )

    # Cluster settings and configuration
    SETTING_NAME = Message(
        _IPE, "Invalid setting 'name'", _DECISION, "by analogy with the real 'value' message"
    )
    SETTING_VALUE = Message(
        _IPE,
        "Invalid setting 'value'",
        _AWS,
        "https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/264",
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

    # Capacity providers on clusters
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
    STRATEGY_TOO_LONG = Message(
        _IPE,
        "A capacity provider strategy can contain a maximum of 20 capacity providers. Remove some "
        "and try again.",
        _DECISION,
        "limit from botocore's model (CapacityProviderStrategyItem)",
    )
    STRATEGY_DUPLICATE = Message(
        _IPE,
        "The capacity provider strategy contains the capacity provider {name} more than once. "
        "Specify each capacity provider once and try again.",
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
    STRATEGY_WEIGHT = Message(
        _IPE,
        "The specified weight {value} is invalid. The weight must be between 0 and 1000. Specify a "
        "valid weight and try again.",
        _DECISION,
        "range from botocore's model",
    )
    STRATEGY_BASE = Message(
        _IPE,
        "The specified base {value} is invalid. The base must be between 0 and 100000. Specify a "
        "valid base and try again.",
        _DECISION,
        "range from botocore's model",
    )
    STRATEGY_TWO_BASES = Message(
        _IPE,
        "Only one capacity provider in a capacity provider strategy can have a base defined. "
        "Set the base of the others to 0 and try again.",
        _DECISION,
        "sentence from botocore's model documentation",
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

    # Capacity providers
    TOO_MANY_PROVIDERS_DESCRIBED = Message(
        _IPE,
        "capacityProviders can have at most {maximum} items.",
        _DECISION,
        "limit from botocore's model; text after DescribeServices' real 'service names can have "
        "at most 10 items.'",
    )
    PROVIDER_NAME = Message(
        "ClientException",
        "The specified capacity provider name is invalid. Up to 255 characters are allowed, "
        "including letters (upper and lowercase), numbers, underscores, and hyphens. The name "
        'cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.',
        _AWS,
        "https://github.com/aws/aws-cdk/pull/36584 (the exception code is ecsmock's choice)",
    )
    PROVIDER_EXISTS = Message(
        "ClientException",
        "The specified capacity provider already exists. To change the configuration of an "
        "existing capacity provider, update the capacity provider.",
        _AWS,
        "https://github.com/cloudposse/terraform-aws-ecs-cluster/pull/68",
    )
    ASG_IN_USE = Message(
        "ClientException",
        "The specified Auto Scaling group ARN is already being used by another capacity "
        "provider. Specify a unique Auto Scaling group ARN and try again.",
        _AWS,
        "https://github.com/aws/containers-roadmap/issues/632",
    )
    ASG_ARN = Message(
        _IPE,
        "The specified Auto Scaling group ARN {arn!r} is invalid. Specify a valid Auto Scaling "
        "group ARN and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    ASG_PROVIDER_REQUIRED = Message(
        _IPE,
        "You must specify an autoScalingGroupProvider for the capacity provider. Specify one and "
        "try again.",
        _DECISION,
        "ecsmock serves Auto Scaling group capacity providers",
    )
    PROVIDER_CLUSTER_PARAMETER = Message(
        _IPE,
        "The cluster parameter applies to Managed Instances capacity providers only. Remove it "
        "and try again.",
        _DECISION,
        "botocore's model documentation of the cluster member",
    )
    SCALING_VALUE = Message(
        _IPE,
        "The specified {member} {value} is invalid. It must be between {low} and {high}. Specify "
        "a valid value and try again.",
        _DECISION,
        "ranges from botocore's model",
    )
    ENUM_VALUE = Message(
        _IPE,
        "Invalid value for {member}: {value!r}. Valid values are {valid}.",
        _DECISION,
        "enums from botocore's model",
    )
    PROVIDER_DOES_NOT_EXIST = Message(
        "ClientException",
        "The specified capacity provider does not exist. Specify a valid capacity provider and "
        "try again.",
        _DECISION,
        "ecsmock's choice",
    )
    PROVIDER_RESERVED = Message(
        "ClientException",
        "The specified capacity provider {name} is reserved and cannot be {action}. Specify a "
        "capacity provider of your own and try again.",
        _DOC,
        "botocore's model: FARGATE and FARGATE_SPOT are reserved and cannot be deleted",
    )

    # Account settings
    ACCOUNT_SETTING_NAME = Message(
        _IPE,
        "{name} should be one of [{valid}]",
        _DECISION,
        "format of the message moto asserts for an unknown setting name",
    )
    ACCOUNT_SETTING_READ_ONLY = Message(
        _IPE,
        "The {name} account setting is managed by AWS and cannot be changed. It can only be "
        "read, with ListAccountSettings.",
        _DOC,
        "botocore's model: guardDutyActivate is read-only",
    )
    ACCOUNT_SETTING_ROOT_ONLY = Message(
        _IPE,
        "The {name} account setting can be set only for the root user. Specify the root user's "
        "ARN as principalArn, or use PutAccountSettingDefault, and try again.",
        _DOC,
        "botocore's model: 'You must use the root user when you set the Fargate wait time'",
    )
    PRINCIPAL_ARN = Message(
        _IPE,
        "The specified principal ARN {arn!r} is invalid. Specify the ARN of an IAM user, an IAM "
        "role or the root user of this account and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    ACCOUNT_SETTING_NOT_SET = Message(
        _IPE,
        "The account setting {name} is not set for principal {principal}. List the settings "
        "that are set with ListAccountSettings and try again.",
        _DECISION,
        "ecsmock's choice",
    )
