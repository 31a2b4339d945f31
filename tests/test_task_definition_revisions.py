"""Describe, deregister, delete and list task definitions (docs/rules.md, "Revisions and their
status")."""

from __future__ import annotations

import pytest
from support import rejected

TD_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/"
UNABLE = "Unable to describe task definition."
DOES_NOT_EXIST = "The specified task definition does not exist."


def register(client, family="web", **kwargs):
    containers = [{"name": "web", "image": "nginx", "memory": 64}]
    response = client.register_task_definition(
        family=family, containerDefinitions=containers, **kwargs
    )
    return response["taskDefinition"]


def arns(client, **kwargs):
    return client.list_task_definitions(**kwargs)["taskDefinitionArns"]


def names(arn_list):
    return [arn.rpartition("/")[2] for arn in arn_list]


def test_describe_takes_a_family_a_revision_or_an_arn(client):
    register(client)
    register(client)
    latest = client.describe_task_definition(taskDefinition="web")
    assert latest["taskDefinition"]["revision"] == 2
    assert latest["tags"] == []
    first = client.describe_task_definition(taskDefinition="web:1")["taskDefinition"]
    assert first["revision"] == 1
    by_arn = client.describe_task_definition(taskDefinition=TD_ARN + "web:1")
    assert by_arn["taskDefinition"] == first


def test_a_family_names_its_latest_active_revision(client):
    register(client)
    register(client)
    client.deregister_task_definition(taskDefinition="web:2")
    assert client.describe_task_definition(taskDefinition="web")["taskDefinition"]["revision"] == 1
    inactive = client.describe_task_definition(taskDefinition="web:2")["taskDefinition"]
    assert inactive["status"] == "INACTIVE"


@pytest.mark.parametrize(
    "identifier",
    [
        "nothing",
        "web:9",
        "web:x",
        "web:",
        TD_ARN + "web:9",
        "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1",
        "arn:aws:ecs:us-east-1:123456789012:cluster/web",
    ],
)
def test_describing_what_is_not_there_is_refused(client, mock, identifier):
    register(client)
    with rejected(mock, "ClientException", UNABLE):
        client.describe_task_definition(taskDefinition=identifier)


def test_a_family_without_an_active_revision_cannot_be_described(client, mock):
    register(client)
    client.deregister_task_definition(taskDefinition="web:1")
    with rejected(mock, "ClientException", UNABLE):
        client.describe_task_definition(taskDefinition="web")


def test_tags_are_described_on_request(client):
    """docs/rules.md, "Revisions and their status": tags present, empty unless included."""
    register(client, tags=[{"key": "k", "value": "v"}])
    described = client.describe_task_definition(taskDefinition="web", include=["TAGS"])
    assert described["tags"] == [{"key": "k", "value": "v"}]
    assert client.describe_task_definition(taskDefinition="web")["tags"] == []


def test_deregistering_makes_a_revision_inactive(client, mock):
    register(client)
    mock.shift(60)
    before = mock.now()
    definition = client.deregister_task_definition(taskDefinition="web:1")["taskDefinition"]
    assert definition["status"] == "INACTIVE"
    assert before.replace(microsecond=0) <= definition["deregisteredAt"] <= mock.now()
    again = client.deregister_task_definition(taskDefinition=TD_ARN + "web:1")
    assert again["taskDefinition"] == definition
    assert arns(client) == []
    assert names(arns(client, status="INACTIVE")) == ["web:1"]


@pytest.mark.parametrize(
    ("identifier", "code", "message"),
    [
        (
            "web",
            "ClientException",
            "Revision is missing. Specify the task definition as family:revision or by its full "
            "ARN.",
        ),
        ("web:2", "ClientException", DOES_NOT_EXIST),
        ("web:two", "ClientException", DOES_NOT_EXIST),
        ("other:1", "ClientException", DOES_NOT_EXIST),
    ],
)
def test_deregistering_what_is_not_there_is_refused(client, mock, identifier, code, message):
    register(client)
    with rejected(mock, code, message):
        client.deregister_task_definition(taskDefinition=identifier)


def test_deletion_goes_through_delete_in_progress(client, mock):
    """docs/rules.md, "Revisions and their status": gone once nothing uses it."""
    mock.timings.task_definition_deletion = 30
    register(client)
    client.deregister_task_definition(taskDefinition="web:1")
    response = client.delete_task_definitions(taskDefinitions=["web:1", TD_ARN + "web:1"])
    assert response["failures"] == []
    [deleted] = response["taskDefinitions"]
    assert deleted["status"] == "DELETE_IN_PROGRESS"
    assert "deleteRequestedAt" in deleted
    assert names(arns(client, status="DELETE_IN_PROGRESS")) == ["web:1"]
    assert client.list_task_definition_families(status="INACTIVE")["families"] == ["web"]
    with rejected(
        mock, "ClientException", "The specified task definition is in the process of being deleted."
    ):
        client.deregister_task_definition(taskDefinition="web:1")
    again = client.delete_task_definitions(taskDefinitions=["web:1"])["taskDefinitions"]
    assert [item["status"] for item in again] == ["DELETE_IN_PROGRESS"]
    mock.shift(30)
    assert arns(client, status="DELETE_IN_PROGRESS") == []
    assert client.list_task_definition_families()["families"] == []
    with rejected(mock, "ClientException", UNABLE):
        client.describe_task_definition(taskDefinition="web:1")
    assert register(client)["revision"] == 2  # the number is never reused


def test_deletion_answers_failures_per_revision(client):
    register(client)
    response = client.delete_task_definitions(taskDefinitions=["web:1", "web:5", "web"])
    assert response["taskDefinitions"] == []
    assert response["failures"] == [
        {
            "arn": TD_ARN + "web:1",
            "reason": "The specified task definition is still in ACTIVE status. Please "
            "deregister the target and try again.",
        },
        {
            "arn": TD_ARN + "web:5",
            "reason": "The specified task definition does not exist. Specify a valid account, "
            "family, revision and try again.",
        },
        {
            "arn": "web",
            "reason": "The specified task definition identifier is invalid. Specify a valid name "
            "or ARN and try again.",
        },
    ]


def test_deletion_takes_one_to_ten_revisions(client, raw, mock):
    message = "taskDefinitions can not be empty. Specify 1 to 10 task definition revisions."
    with rejected(mock, "InvalidParameterException", message):
        client.delete_task_definitions(taskDefinitions=[])
    with rejected(mock, "InvalidParameterException", "taskDefinitions can have at most 10 items."):
        client.delete_task_definitions(taskDefinitions=[f"web:{n}" for n in range(1, 12)])
    message = "taskDefinitions is a required parameter. Specify a value and try again."
    with rejected(mock, "InvalidParameterException", message):
        raw.delete_task_definitions()


def test_list_sorts_by_family_then_revision_number(client):
    """docs/rules.md, "Revisions and their status": `:10` after `:9`."""
    for _ in range(10):
        register(client, "web")
    register(client, "api")
    listed = names(arns(client))
    assert listed == ["api:1"] + [f"web:{n}" for n in range(1, 11)]
    assert names(arns(client, sort="DESC")) == listed[::-1]
    assert names(arns(client, familyPrefix="web", sort="DESC"))[:2] == ["web:10", "web:9"]
    assert names(arns(client, familyPrefix="we")) == []


def test_list_pages_through_while_revisions_come_and_go(client):
    """docs/rules.md, "Pagination": no revision twice, every lasting one once."""
    for _ in range(5):
        register(client, "web")
    first = client.list_task_definitions(maxResults=2)
    client.deregister_task_definition(taskDefinition="web:1")
    client.deregister_task_definition(taskDefinition="web:3")
    register(client, "web")
    rest = client.list_task_definitions(maxResults=2, nextToken=first["nextToken"])
    pages = [first["taskDefinitionArns"], rest["taskDefinitionArns"]]
    while "nextToken" in rest:
        rest = client.list_task_definitions(maxResults=2, nextToken=rest["nextToken"])
        pages.append(rest["taskDefinitionArns"])
    assert names([arn for page in pages for arn in page]) == [
        "web:1",
        "web:2",
        "web:4",
        "web:5",
        "web:6",
    ]
    paginator = client.get_paginator("list_task_definitions")
    walked = [
        arn
        for page in paginator.paginate(PaginationConfig={"PageSize": 1})
        for arn in page["taskDefinitionArns"]
    ]
    assert names(walked) == ["web:2", "web:4", "web:5", "web:6"]


def test_a_token_holds_for_its_own_filters_only(client, mock):
    register(client, "web")
    register(client, "web")
    token = client.list_task_definitions(maxResults=1)["nextToken"]
    with rejected(mock, "InvalidParameterException", f"Invalid token {token}"):
        client.list_task_definitions(maxResults=1, nextToken=token, sort="DESC")


def test_families_are_listed_by_status_and_prefix(client):
    """docs/rules.md, "Revisions and their status": familyPrefix is a true prefix here."""
    register(client, "web")
    register(client, "web-api")
    register(client, "db")
    client.deregister_task_definition(taskDefinition="db:1")
    families = client.list_task_definition_families
    assert families()["families"] == ["db", "web", "web-api"]
    assert families(familyPrefix="web")["families"] == ["web", "web-api"]
    assert families(status="ACTIVE")["families"] == ["web", "web-api"]
    assert families(status="INACTIVE")["families"] == ["db"]
    assert families(status="ALL", familyPrefix="d")["families"] == ["db"]
    paginator = client.get_paginator("list_task_definition_families")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 1}))
    assert [page["families"] for page in pages] == [["db"], ["web"], ["web-api"]]


def test_a_family_moves_between_statuses_with_its_revisions(client):
    register(client, "web")
    client.deregister_task_definition(taskDefinition="web:1")
    assert client.list_task_definition_families(status="ACTIVE")["families"] == []
    register(client, "web")
    assert client.list_task_definition_families(status="ACTIVE")["families"] == ["web"]
    assert client.list_task_definition_families(status="INACTIVE")["families"] == []


def test_list_filters_follow_the_model(raw, mock):
    message = (
        "Invalid value for status: 'GONE'. Valid values are ACTIVE, INACTIVE, DELETE_IN_PROGRESS."
    )
    with rejected(mock, "InvalidParameterException", message):
        raw.list_task_definitions(status="GONE")
    message = (
        "Invalid value for status: 'DELETE_IN_PROGRESS'. Valid values are ACTIVE, INACTIVE, ALL."
    )
    with rejected(mock, "InvalidParameterException", message):
        raw.list_task_definition_families(status="DELETE_IN_PROGRESS")
    message = "maxResults must be between 1 and 100. Specify a valid value and try again."
    with rejected(mock, "InvalidParameterException", message):
        raw.list_task_definitions(maxResults=101)


def test_the_handle_reads_every_revision(client, mock):
    """docs/usage.md, "The handle"."""
    register(client, tags=[{"key": "k", "value": "v"}])
    register(client)
    client.deregister_task_definition(taskDefinition="web:1")
    revisions = mock.task_definitions()
    assert list(revisions) == ["web:1", "web:2"]
    assert revisions["web:1"]["status"] == "INACTIVE"
    assert revisions["web:1"]["tags"] == [{"key": "k", "value": "v"}]
    revisions["web:1"]["containerDefinitions"].clear()
    assert mock.task_definitions()["web:1"]["containerDefinitions"] != []


def test_a_revision_too_long_to_be_one_names_none(client, mock):
    """docs/rules.md, "Revisions and their status": never a traceback, never a half change."""
    register(client)
    client.deregister_task_definition(taskDefinition="web:1")
    huge = "web:" + "9" * 5000
    with rejected(mock, "ClientException", UNABLE):
        client.describe_task_definition(taskDefinition=huge)
    with rejected(mock, "ClientException", DOES_NOT_EXIST):
        client.deregister_task_definition(taskDefinition=huge)
    response = client.delete_task_definitions(taskDefinitions=["web:1", huge])
    assert [item["revision"] for item in response["taskDefinitions"]] == [1]
    assert [failure["arn"] for failure in response["failures"]] == [huge]


def test_an_empty_family_prefix_filters_nothing(client):
    register(client, "web")
    register(client, "api")
    assert names(arns(client, familyPrefix="")) == ["api:1", "web:1"]
    assert client.list_task_definition_families(familyPrefix="")["families"] == ["api", "web"]
