"""The error table of wire: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DECISION = Provenance.AWS, Provenance.DECISION
_IPE = "InvalidParameterException"


class WireErrors(ErrorTable):
    """Protocol-level errors: the body, member types, unknown operations, missing members,
    tokens and page sizes, which any operation may answer."""

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
