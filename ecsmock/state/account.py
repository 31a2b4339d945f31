"""An account, and the account settings of one account and Region."""

from __future__ import annotations

from dataclasses import dataclass

from ecsmock.models import Json

# What a setting is when nobody set it: today's defaults for a new account (ecsmock's choice,
# from the Amazon ECS account settings documentation).
SETTING_DEFAULTS = {
    "serviceLongArnFormat": "enabled",
    "taskLongArnFormat": "enabled",
    "containerInstanceLongArnFormat": "enabled",
    "awsvpcTrunking": "disabled",
    "containerInsights": "disabled",
    "fargateFIPSMode": "disabled",
    "tagResourceAuthorization": "on",
    "fargateTaskRetirementWaitPeriod": "7",
    "guardDutyActivate": "disabled",
    "defaultLogDriverMode": "non-blocking",
    "fargateEventWindows": "disabled",
}


@dataclass
class Quotas:
    """AWS's adjustable quotas, per account and Region; a test may lower them."""

    clusters: int = 10_000


@dataclass
class Account:
    account_id: str
    principal_arn: str | None = None  # the caller; None means the account's root user


class AccountSettings(dict[tuple[str, str], str]):
    """(principal ARN, setting name) -> value, for the settings someone set."""

    name = "accountSettings"

    @property
    def is_empty(self) -> bool:
        return not self

    def snapshot(self) -> list[Json]:
        return [
            {"principalArn": principal, "name": name, "value": value}
            for (principal, name), value in sorted(self.items())
        ]

    def audit(self) -> list[str]:
        return []
