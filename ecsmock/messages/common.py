"""The error table of common: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DECISION = Provenance.AWS, Provenance.DECISION
_IPE = "InvalidParameterException"


class CommonErrors(ErrorTable):
    """Errors of rules that several families share: tags, enums, strategies, setting values."""

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
    ENUM_VALUE = Message(
        _IPE,
        "Invalid value for {member}: {value!r}. Valid values are {valid}.",
        _DECISION,
        "enums from botocore's model",
    )
    SETTING_VALUE = Message(
        _IPE,
        "Invalid setting 'value'",
        _AWS,
        "https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/264",
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
