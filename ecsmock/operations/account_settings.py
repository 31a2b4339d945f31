"""PutAccountSetting, PutAccountSettingDefault, ListAccountSettings and DeleteAccountSetting.

The root user's setting is the account default: a principal without its own setting has it.
"""

from __future__ import annotations

from ecsmock import arns, pages, service_model
from ecsmock.errors import AwsError
from ecsmock.messages.account_settings import AccountSettingErrors
from ecsmock.messages.common import CommonErrors
from ecsmock.models import Json
from ecsmock.params import Params
from ecsmock.state.region import RegionState
from ecsmock.validation import CONTAINER_INSIGHTS_VALUES

# Values are a String in the model; these sets come from its documentation.
_VALUES = {
    "containerInsights": CONTAINER_INSIGHTS_VALUES,
    "fargateTaskRetirementWaitPeriod": ("0", "7", "14"),
    "defaultLogDriverMode": ("blocking", "non-blocking"),
}
_ON_OFF = ("enabled", "disabled", "on", "off")
_READ_ONLY = ("guardDutyActivate",)  # the `aws_managed` ones
_ROOT_ONLY = ("fargateTaskRetirementWaitPeriod",)


def _name(request: Params) -> str:
    name = request.required_string("name")
    valid = service_model.enum("SettingName")
    if name not in valid:
        raise AwsError.of(
            AccountSettingErrors.ACCOUNT_SETTING_NAME, name=name, valid=",".join(valid)
        )
    return name


def _value(request: Params, name: str) -> str:
    if name in _READ_ONLY:
        raise AwsError.of(AccountSettingErrors.ACCOUNT_SETTING_READ_ONLY, name=name)
    value = request.required_string("value")
    if value not in _VALUES.get(name, _ON_OFF):
        raise AwsError.of(CommonErrors.SETTING_VALUE)
    return value


def _principal(state: RegionState, request: Params) -> str:
    text = request.string("principalArn")
    if text is None:
        return state.caller_arn
    arn = arns.parse(text)
    if (
        arn is None
        or not state.owns(arn, "iam", regional=False)
        or not (arn.resource == "root" or arn.resource_type in ("user", "role"))
    ):
        raise AwsError.of(AccountSettingErrors.PRINCIPAL_ARN, arn=text)
    return text


def _setting(name: str, value: str, principal: str) -> Json:
    kind = "aws_managed" if name in _READ_ONLY else "user"
    return {"name": name, "value": value, "principalArn": principal, "type": kind}


def put_account_setting(state: RegionState, request: Params) -> Json:
    name = _name(request)
    value = _value(request, name)
    principal = _principal(state, request)
    if name in _ROOT_ONLY and principal != state.root_arn:
        raise AwsError.of(AccountSettingErrors.ACCOUNT_SETTING_ROOT_ONLY, name=name)
    state.account_settings[principal, name] = value
    return {"setting": _setting(name, value, principal)}


def put_account_setting_default(state: RegionState, request: Params) -> Json:
    name = _name(request)
    value = _value(request, name)
    state.account_settings[state.root_arn, name] = value
    return {"setting": _setting(name, value, state.root_arn)}


def delete_account_setting(state: RegionState, request: Params) -> Json:
    name = _name(request)
    principal = _principal(state, request)
    value = state.account_settings.pop((principal, name), None)
    if value is None:
        raise AwsError.of(
            AccountSettingErrors.ACCOUNT_SETTING_NOT_SET, name=name, principal=principal
        )
    return {"setting": _setting(name, value, principal)}


def list_account_settings(state: RegionState, request: Params) -> Json:
    name = _name(request) if request.has("name") else None
    value = request.string("value")
    principal = _principal(state, request)
    effective = bool(request.boolean("effectiveSettings"))
    walk = pages.scope("ListAccountSettings", name, value, principal, effective)
    cursor = pages.cursor(request, state.token_key, walk, maximum=10)
    names = [name] if name else service_model.enum("SettingName")

    listed: dict[int, Json] = {}  # by the name's position in the model: a stable order
    for position, setting_name in enumerate(names):
        if effective:
            found: tuple[str, str] | None = state.effective_setting(setting_name, principal)
        else:
            own = state.account_settings.get((principal, setting_name))
            found = None if own is None else (own, principal)
        if found is not None and value in (None, found[0]):
            listed[position] = _setting(setting_name, *found)
    positions, following = pages.take(list(listed), cursor)
    body = {"settings": [listed[position] for position in positions]}
    return pages.finish(body, state.token_key, cursor, following)
