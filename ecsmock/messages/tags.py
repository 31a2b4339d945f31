"""The error table of tags: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DOC, _DECISION = Provenance.AWS, Provenance.DOC, Provenance.DECISION
_IPE = "InvalidParameterException"


class TagErrors(ErrorTable):
    """Errors of the tagging operations: which resource an ARN names."""

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
        "https://github.com/aws/aws-cli/issues/7875; ecsmock keeps clusters, capacity "
        "providers, task definitions and container instances",
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
    NOT_FOUND = Message(
        "ResourceNotFoundException",
        "The specified resource {arn} does not exist. Specify a valid resource and try again.",
        _DECISION,
        "TagResource and UntagResource model ResourceNotFoundException",
    )
    NOT_FOUND_TO_LIST = Message(
        "ClientException",
        "The specified resource {arn} does not exist. Specify a valid resource and try again.",
        _DECISION,
        "ListTagsForResource models no ResourceNotFoundException; ClientException, as for an "
        "unknown capacity provider",
    )
