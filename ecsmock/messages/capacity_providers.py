"""The error table of capacity providers: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DOC, _DECISION = Provenance.AWS, Provenance.DOC, Provenance.DECISION
_IPE = "InvalidParameterException"

# Not an error: the updateStatusReason of a provider whose delete failed, AWS's own text
# (ekristen/aws-nuke PR 542, hashicorp/terraform-provider-aws PR 48156).
STILL_ASSOCIATED = (
    "The capacity provider cannot be deleted because it is associated with cluster: {cluster}. "
    "Remove the capacity provider from the cluster and try again."
)


class CapacityProviderErrors(ErrorTable):
    """Errors of the capacity provider operations."""

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
    PROVIDER_DOES_NOT_EXIST = Message(
        "ClientException",
        "The specified capacity provider does not exist. Specify a valid capacity provider and "
        "try again.",
        _DECISION,
        "ecsmock's choice",
    )
    PROVIDER_BEING_DELETED = Message(
        "ClientException",
        "The specified capacity provider is being deleted and cannot be updated. Wait until "
        "DescribeCapacityProviders shows it INACTIVE, then create it again.",
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
