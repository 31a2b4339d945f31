"""The error table of account settings: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_DOC, _DECISION = Provenance.DOC, Provenance.DECISION
_IPE = "InvalidParameterException"


class AccountSettingErrors(ErrorTable):
    """Errors of the account setting operations."""

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
