"""The calls only the container agent makes (docs/rules.md, "The agent's calls")."""

from __future__ import annotations

import pytest
from support import ecs, rejected


def test_poll_endpoints_are_the_regions(client):
    response = client.discover_poll_endpoint(containerInstance="x", cluster="c")
    assert response["endpoint"] == "https://ecs-a-1.us-east-1.amazonaws.com/"
    assert response["telemetryEndpoint"] == "https://ecs-t-1.us-east-1.amazonaws.com/"
    china = ecs("cn-north-1").discover_poll_endpoint()
    assert china["endpoint"] == "https://ecs-a-1.cn-north-1.amazonaws.com.cn/"


def test_state_changes_are_acknowledged(client):
    client.create_cluster()
    task = client.submit_task_state_change(
        task="t",
        status="RUNNING",
        containers=[{"containerName": "web", "exitCode": 0, "status": "RUNNING"}],
        pullStartedAt=1700000000,
    )
    assert task["acknowledgment"] == "ACK"
    container = client.submit_container_state_change(task="t", containerName="web", exitCode=1)
    assert container["acknowledgment"] == "ACK"
    attachment = client.submit_attachment_state_changes(
        attachments=[{"attachmentArn": "arn", "status": "ATTACHED"}]
    )
    assert attachment["acknowledgment"] == "ACK"


@pytest.mark.parametrize(
    ("operation", "arguments"),
    [
        ("submit_task_state_change", {}),
        ("submit_container_state_change", {}),
        ("submit_attachment_state_changes", {"attachments": []}),
    ],
)
def test_state_changes_need_a_cluster(client, mock, operation, arguments):
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        getattr(client, operation)(cluster="nope", **arguments)


def test_attachment_changes_need_attachments(raw, mock):
    raw.create_cluster()
    message = "attachments is a required parameter. Specify a value and try again."
    with rejected(mock, "InvalidParameterException", message):
        raw.submit_attachment_state_changes()
