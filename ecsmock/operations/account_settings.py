"""PutAccountSetting, PutAccountSettingDefault, ListAccountSettings and DeleteAccountSetting.

The root user's setting is the account default: a principal without its own setting has it.
"""

from __future__ import annotations

from ecsmock import arns, pages, service_model
from ecsmock.errors import AwsError
from ecsmock.messages import Errors
from ecsmock.models import Json
from ecsmock.params import Params
from ecsmock.registry import RegionState
from ecsmock.validation import CONTAINER_INSIGHTS_VALUES

# Values are a String in the model; these sets come from its documentation.
_VALUES = {
    "containerInsights": CONTAINER_INSIGHTS_VALUES,
    "fargateTaskRetirementWaitPeriod": ("0", "7", "14"),
    "defaultLogDriverMode": ("blocking", "non-blocking"),
}
_ON_OFF = ("enabled", "disabled", "on", "off")
_READ_ONLY = ("guardDutyActivate",)


def _name(request: Params) -> str:
    name = request.required_string("name")
    valid = service_model.enum("SettingName")
    if name not in valid:
        raise AwsError.of(Errors.ACCOUNT_SETTING_NAME, name=name, valid=",".join(valid))
    return name


def _value(request: Params, name: str) -> str:
    if name in _READ_ONLY:
        raise AwsError.of(Errors.ACCOUNT_SETTING_READ_ONLY, name=name)
    value = request.required_string("value")
    if value not in _VALUES.get(name, _ON_OFF):
        raise AwsError.of(Errors.SETTING_VALUE)
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
        raise AwsError.of(Errors.PRINCIPAL_ARN, arn=text)
    return text


def _setting(name: str, value: str, principal: str) -> Json:
    return {"name": name, "value": value, "principalArn": principal, "type": "user"}


def put_account_setting(state: RegionState, request: Params) -> Json:
    name = _name(request)
    value = _value(request, name)
    principal = _principal(state, request)
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
        raise AwsError.of(Errors.ACCOUNT_SETTING_NOT_SET, name=name, principal=principal)
    return {"setting": _setting(name, value, principal)}


def list_account_settings(state: RegionState, request: Params) -> Json:
    name = _name(request) if request.has("name") else None
    value = request.string("value")
    principal = _principal(state, request)
    start, size = pages.start_and_size(request, state.token_key, "ListAccountSettings", maximum=10)
    names = [name] if name else service_model.enum("SettingName")
    if request.boolean("effectiveSettings"):
        settings = [_setting(n, *state.effective_setting(n, principal)) for n in names]
    else:
        settings = [
            _setting(n, state.account_settings[principal, n], principal)
            for n in names
            if (principal, n) in state.account_settings
        ]
    settings = [setting for setting in settings if value in (None, setting["value"])]
    body: Json = {"settings": settings[start : start + size]}
    if start + size < len(settings):
        body["nextToken"] = pages.token(state.token_key, "ListAccountSettings", start + size)
    return body
