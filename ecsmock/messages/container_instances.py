"""The error table of container instances: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DOC, _DECISION = Provenance.AWS, Provenance.DOC, Provenance.DECISION
_IPE = "InvalidParameterException"


class ContainerInstanceErrors(ErrorTable):
    """Errors of the container instance operations, the agent's calls and attributes."""

    INSTANCES_EMPTY = Message(
        _IPE,
        "Container instance cannot be empty.",
        _AWS,
        "https://github.com/getmoto/moto/issues/2473 (real AWS quoted)",
    )
    TOO_MANY_DESCRIBED = Message(
        _IPE,
        "instanceIds can have at most 100 items.",
        _AWS,
        "https://github.com/traefik/traefik/issues/3625",
    )
    TOO_MANY_UPDATED = Message(
        _IPE,
        "instanceIds can have at most 10 items.",
        _AWS,
        "https://github.com/minamijoyo/myaws/pull/25",
    )
    INSTANCE_NOT_FOUND = Message(
        _IPE,
        "The specified container instance {instance} was not found in cluster {cluster}. Specify "
        "a valid container instance and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    HAS_TASKS = Message(
        _IPE,
        "The container instance has tasks that have not stopped. Stop them, or deregister it "
        "with force (its tasks keep running, orphaned), and try again.",
        _DOC,
        "rule from the DeregisterContainerInstance API reference (force)",
    )
    STATUS_TARGET = Message(
        _IPE,
        "Container instances can only be updated to ACTIVE or DRAINING. Specify one of them and "
        "try again.",
        _DOC,
        "rule from botocore's model documentation (UpdateContainerInstancesState)",
    )
    IDENTITY_DOCUMENT = Message(
        _IPE,
        "The instance identity document is not valid: {reason}. Pass the document the instance "
        "metadata service returns, or none.",
        _DECISION,
        "ecsmock's choice",
    )
    IDENTITY_REGION = Message(
        _IPE,
        "The instance identity document is for Region {document}; this is {region}. Register the "
        "instance in its own Region.",
        _DECISION,
        "ecsmock's choice",
    )
    RESOURCE = Message(
        _IPE,
        "Invalid resource {name}: {reason}. Specify each resource with a name, a type (INTEGER, "
        "LONG, DOUBLE or STRINGSET) and a value of that type, 0 or more.",
        _DECISION,
        "types from botocore's model documentation (Resource)",
    )
    NO_UPDATE = Message(
        "NoUpdateAvailableException",
        "There is no update available for your container agent.",
        _AWS,
        "https://github.com/aws/amazon-ecs-agent/issues/2287",
    )
    MISSING_VERSION = Message(
        "MissingVersionException",
        "Amazon ECS can't determine the current version of the Amazon ECS container agent on the "
        "container instance and doesn't have enough information to proceed with an update.",
        _DOC,
        "botocore's model documentation of MissingVersionException",
    )
    UPDATE_IN_PROGRESS = Message(
        "UpdateInProgressException",
        "There's already a current Amazon ECS container agent update in progress on the "
        "container instance that's specified.",
        _DOC,
        "botocore's model documentation of UpdateInProgressException",
    )
    ATTRIBUTE_NAME = Message(
        _IPE,
        "Invalid attribute name {name!r}. An attribute name must contain between 1 and 128 "
        "characters: letters, numbers, hyphens, underscores, forward slashes, back slashes, or "
        "periods.",
        _DOC,
        "rule from botocore's model documentation (Attribute.name)",
    )
    ATTRIBUTE_VALUE = Message(
        _IPE,
        "Invalid value for attribute {name!r}. A value must contain between 1 and 128 "
        "characters: letters, numbers, hyphens, underscores, periods, at signs, forward slashes, "
        "back slashes, colons, or spaces, and cannot start or end with a space.",
        _DOC,
        "rule from botocore's model documentation (Attribute.value)",
    )
    ATTRIBUTE_TARGET_MISSING = Message(
        _IPE,
        "Attribute {name!r} has no targetId. Specify the container instance it belongs to.",
        _DECISION,
        "ecsmock's choice",
    )
    ATTRIBUTE_TARGET_TYPE = Message(
        _IPE,
        "Attribute {name!r} names its target {target!r} by a short ID: specify targetType too.",
        _DOC,
        "rule from botocore's model documentation (Attribute.targetType)",
    )
    TOO_MANY_ATTRIBUTES = Message(
        "AttributeLimitExceededException",
        "You can apply up to 10 custom attributes for each resource. You can view the attributes "
        "of a resource with ListAttributes. You can remove existing attributes on a resource with "
        "DeleteAttributes.",
        _DOC,
        "botocore's model documentation of AttributeLimitExceededException",
    )
    TOO_MANY_REGISTERED_ATTRIBUTES = Message(
        _IPE,
        "An instance can have up to 10 custom attributes. Register it with fewer and try again.",
        _DOC,
        "limit from botocore's model documentation; RegisterContainerInstance models no "
        "AttributeLimitExceededException",
    )
    TOO_MANY_IN_CALL = Message(
        _IPE,
        "attributes can have at most 10 items.",
        _DOC,
        "limit from botocore's model documentation; text as AWS's 'instanceIds can have at "
        "most 10 items.'",
    )
    TARGET_NOT_FOUND = Message(
        "TargetNotFoundException",
        "The specified target wasn't found. You can view your available container instances "
        "with ListContainerInstances.",
        _DOC,
        "botocore's model documentation of TargetNotFoundException",
    )
    VALUE_WITHOUT_NAME = Message(
        _IPE,
        "attributeValue can be specified only with attributeName. Specify attributeName too, or "
        "leave attributeValue out.",
        _DOC,
        "rule from botocore's model documentation (ListAttributes)",
    )
    FILTER = Message(
        _IPE,
        "Invalid filter expression {expression!r}: {reason}. See the cluster query language in "
        "the Amazon ECS Developer Guide.",
        _DECISION,
        "the cluster query language of the Amazon ECS documentation; text is ecsmock's",
    )
