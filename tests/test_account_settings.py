"""Account settings, and what new clusters take from them (docs/rules.md, "Account settings")."""

from __future__ import annotations

import pytest
from support import rejected, send

ROOT = "arn:aws:iam::123456789012:root"
ALICE = "arn:aws:iam::123456789012:user/alice"


def test_put_for_the_caller_and_for_a_principal(client):
    own = client.put_account_setting(name="containerInsights", value="enabled")["setting"]
    assert own == {
        "name": "containerInsights",
        "value": "enabled",
        "principalArn": ROOT,
        "type": "user",
    }
    other = client.put_account_setting(name="awsvpcTrunking", value="enabled", principalArn=ALICE)
    assert other["setting"]["principalArn"] == ALICE


def test_put_default_answers_with_the_root_user(mock, client):
    mock.set_principal(ALICE)
    setting = client.put_account_setting_default(name="serviceLongArnFormat", value="disabled")
    assert setting["setting"]["principalArn"] == ROOT


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("containerInsights", "enhanced"),
        ("fargateTaskRetirementWaitPeriod", "14"),
        ("defaultLogDriverMode", "non-blocking"),
        ("fargateFIPSMode", "on"),
    ],
)
def test_valid_values(client, name, value):
    assert client.put_account_setting(name=name, value=value)["setting"]["value"] == value


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("containerInsights", "ENABLED"),
        ("fargateTaskRetirementWaitPeriod", "3"),
        ("serviceLongArnFormat", "enhanced"),
    ],
)
def test_invalid_values(mock, client, name, value):
    with rejected(mock, "InvalidParameterException", "Invalid setting 'value'"):
        client.put_account_setting(name=name, value=value)
    with rejected(mock, "InvalidParameterException", "Invalid setting 'value'"):
        client.put_account_setting_default(name=name, value=value)


def test_invalid_names_and_principals(mock, raw):
    with rejected(mock, "InvalidParameterException") as info:
        raw.put_account_setting(name="bogus", value="enabled")
    assert info.value.response["Error"]["Message"].startswith(
        "bogus should be one of [serviceLongArnFormat,"
    )
    with rejected(mock, "InvalidParameterException"):
        raw.list_account_settings(name="bogus")
    for principal in ("alice", "arn:aws:iam::999999999999:user/alice", "arn:aws:s3:::bucket"):
        with rejected(mock, "InvalidParameterException"):
            raw.put_account_setting(
                name="containerInsights", value="enabled", principalArn=principal
            )
    with rejected(mock, "InvalidParameterException"):
        raw.put_account_setting(name="guardDutyActivate", value="enabled")
    with rejected(mock, "InvalidParameterException"):
        send(raw, "PutAccountSetting", {"name": "containerInsights"})


def test_list_explicit_and_effective(client):
    client.put_account_setting_default(name="containerInsights", value="enabled")
    client.put_account_setting(name="awsvpcTrunking", value="enabled", principalArn=ALICE)
    assert client.list_account_settings(principalArn=ALICE)["settings"] == [
        {"name": "awsvpcTrunking", "value": "enabled", "principalArn": ALICE, "type": "user"}
    ]
    effective = client.list_account_settings(
        principalArn=ALICE, effectiveSettings=True, maxResults=10
    )
    by_name = {s["name"]: s for s in effective["settings"]}
    assert by_name["containerInsights"]["value"] == "enabled"
    assert by_name["containerInsights"]["principalArn"] == ROOT
    assert by_name["awsvpcTrunking"]["principalArn"] == ALICE
    filtered = client.list_account_settings(name="containerInsights", effectiveSettings=True)
    assert [s["value"] for s in filtered["settings"]] == ["enabled"]
    by_value = client.list_account_settings(
        value="enabled", effectiveSettings=True, principalArn=ALICE
    )
    assert {s["name"] for s in by_value["settings"]} >= {"containerInsights", "awsvpcTrunking"}


def test_list_pages(mock, client):
    first = client.list_account_settings(effectiveSettings=True, maxResults=5)
    second = client.list_account_settings(
        effectiveSettings=True, maxResults=5, nextToken=first["nextToken"]
    )
    third = client.list_account_settings(
        effectiveSettings=True, maxResults=5, nextToken=second["nextToken"]
    )
    names = [s["name"] for page in (first, second, third) for s in page["settings"]]
    assert len(names) == len(set(names)) == 11
    assert "nextToken" not in third
    paginated = client.get_paginator("list_account_settings").paginate(effectiveSettings=True)
    assert sum(len(page["settings"]) for page in paginated) == 11
    with rejected(mock, "InvalidParameterException"):
        client.list_account_settings(maxResults=11)


def test_list_pages_stay_whole_while_settings_are_deleted(client):
    for name in ("serviceLongArnFormat", "taskLongArnFormat", "awsvpcTrunking"):
        client.put_account_setting(name=name, value="enabled")
    first = client.list_account_settings(maxResults=1)
    assert [s["name"] for s in first["settings"]] == ["serviceLongArnFormat"]
    client.delete_account_setting(name="serviceLongArnFormat")
    rest = client.list_account_settings(nextToken=first["nextToken"])
    assert [s["name"] for s in rest["settings"]] == ["taskLongArnFormat", "awsvpcTrunking"]


def test_guard_duty_is_managed_by_aws(client):
    [setting] = client.list_account_settings(name="guardDutyActivate", effectiveSettings=True)[
        "settings"
    ]
    assert (setting["value"], setting["type"]) == ("disabled", "aws_managed")


def test_only_the_root_user_sets_the_fargate_retirement_wait(mock, client):
    """The model's documentation: 'You must use the root user when you set the Fargate wait
    time' (docs/rules.md, "Account settings")."""
    name = "fargateTaskRetirementWaitPeriod"
    with rejected(mock, "InvalidParameterException", ROOT_ONLY):
        client.put_account_setting(name=name, value="14", principalArn=ALICE)
    mock.set_principal(ALICE)
    with rejected(mock, "InvalidParameterException", ROOT_ONLY):
        client.put_account_setting(name=name, value="14")
    assert client.put_account_setting(name=name, value="14", principalArn=ROOT)["setting"] == {
        "name": name,
        "value": "14",
        "principalArn": ROOT,
        "type": "user",
    }
    assert client.put_account_setting_default(name=name, value="0")["setting"]["value"] == "0"


ROOT_ONLY = (
    "The fargateTaskRetirementWaitPeriod account setting can be set only for the root user. "
    "Specify the root user's ARN as principalArn, or use PutAccountSettingDefault, and try again."
)


def test_delete_answers_with_the_deleted_setting(mock, client):
    client.put_account_setting(name="containerInsights", value="enabled", principalArn=ALICE)
    deleted = client.delete_account_setting(name="containerInsights", principalArn=ALICE)
    assert deleted["setting"]["value"] == "enabled"
    assert client.list_account_settings(principalArn=ALICE)["settings"] == []
    with rejected(mock, "InvalidParameterException"):
        client.delete_account_setting(name="containerInsights", principalArn=ALICE)


def test_new_clusters_take_the_effective_container_insights(mock, client):
    assert client.create_cluster(clusterName="a")["cluster"]["settings"][0]["value"] == "disabled"
    client.put_account_setting_default(name="containerInsights", value="enabled")
    assert client.create_cluster(clusterName="b")["cluster"]["settings"][0]["value"] == "enabled"
    mock.set_principal(ALICE)
    client.put_account_setting(name="containerInsights", value="enhanced")
    assert client.create_cluster(clusterName="c")["cluster"]["settings"][0]["value"] == "enhanced"
    explicit = client.create_cluster(
        clusterName="d", settings=[{"name": "containerInsights", "value": "disabled"}]
    )
    assert explicit["cluster"]["settings"][0]["value"] == "disabled"
    mock.set_principal(None)
    assert client.create_cluster(clusterName="e")["cluster"]["settings"][0]["value"] == "enabled"
    assert mock.account_settings() == {
        (ROOT, "containerInsights"): "enabled",
        (ALICE, "containerInsights"): "enhanced",
    }
