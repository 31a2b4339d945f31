"""TagResource, UntagResource and ListTagsForResource (docs/rules.md, "Tags")."""

from __future__ import annotations

import pytest
from support import create_provider, rejected, send

CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/c"
PROVIDER = "arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp"


def tags(client, arn):
    return client.list_tags_for_resource(resourceArn=arn)["tags"]


@pytest.fixture(params=["cluster", "provider", "task-definition", "container-instance"])
def resource(request, client):
    first = [{"key": "a", "value": "1"}]
    if request.param == "cluster":
        client.create_cluster(clusterName="c", tags=first)
        return CLUSTER
    if request.param == "task-definition":
        containers = [{"name": "web", "image": "nginx", "memory": 64}]
        response = client.register_task_definition(
            family="web", containerDefinitions=containers, tags=first
        )
        return response["taskDefinition"]["taskDefinitionArn"]
    if request.param == "container-instance":
        client.create_cluster(clusterName="c")
        instance = client.register_container_instance(cluster="c", tags=first)
        return instance["containerInstance"]["containerInstanceArn"]
    create_provider(client, "cp", tags=first)
    return PROVIDER


def test_tag_merges_and_untag_removes(client, resource):
    client.tag_resource(
        resourceArn=resource, tags=[{"key": "a", "value": "2"}, {"key": "b", "value": ""}]
    )
    assert tags(client, resource) == [{"key": "a", "value": "2"}, {"key": "b", "value": ""}]
    client.untag_resource(resourceArn=resource, tagKeys=["a", "absent"])
    assert tags(client, resource) == [{"key": "b", "value": ""}]


def test_tag_and_untag_answer_nothing(client, resource):
    response = client.tag_resource(resourceArn=resource, tags=[{"key": "x", "value": "y"}])
    assert set(response) == {"ResponseMetadata"}
    response = client.untag_resource(resourceArn=resource, tagKeys=["x"])
    assert set(response) == {"ResponseMetadata"}


def test_limit_counts_after_the_merge(mock, client, resource):
    client.tag_resource(
        resourceArn=resource, tags=[{"key": f"k{i}", "value": "v"} for i in range(49)]
    )
    client.tag_resource(resourceArn=resource, tags=[{"key": "k0", "value": "new"}])  # overwrite: 50
    message = (
        "The resource would have 51 tags, more than the limit of 50 tags per resource. Remove "
        "some tags and try again."
    )
    with rejected(mock, "LimitExceededException", message):
        client.tag_resource(resourceArn=resource, tags=[{"key": "one-more", "value": "v"}])


def test_tag_rules_apply(mock, raw, resource):
    for bad in (
        {"key": "aws:x", "value": "v"},
        {"key": "k" * 129, "value": "v"},
        {"key": "k!", "value": "v"},
    ):
        with rejected(mock, "InvalidParameterException"):
            raw.tag_resource(resourceArn=resource, tags=[bad])
    with rejected(mock, "InvalidParameterException"):
        raw.untag_resource(resourceArn=resource, tagKeys=["k" * 129])


def test_tag_and_untag_need_their_lists(mock, raw):
    raw.create_cluster(clusterName="c")
    with rejected(
        mock,
        "InvalidParameterException",
        "tags is a required parameter. Specify a value and try again.",
    ):
        send(raw, "TagResource", {"resourceArn": CLUSTER})
    with rejected(
        mock,
        "InvalidParameterException",
        "tagKeys is a required parameter. Specify a value and try again.",
    ):
        send(raw, "UntagResource", {"resourceArn": CLUSTER})


def test_deleted_cluster_loses_its_tags_and_refuses_new_ones(mock, client):
    client.create_cluster(clusterName="c", tags=[{"key": "a", "value": "1"}])
    client.delete_cluster(cluster="c")
    assert tags(client, CLUSTER) == []
    message = "The specified cluster is inactive. Specify an active cluster and try again."
    with rejected(mock, "InvalidParameterException", message):
        client.tag_resource(resourceArn=CLUSTER, tags=[{"key": "a", "value": "1"}])
    with rejected(mock, "InvalidParameterException", message):
        client.untag_resource(resourceArn=CLUSTER, tagKeys=["a"])


@pytest.mark.parametrize(
    ("arn", "code", "message"),
    [
        (CLUSTER, "ClusterNotFoundException", "Cluster not found."),
        (
            "arn:aws:ecs:eu-west-1:123456789012:cluster/c",
            "ClusterNotFoundException",
            "Cluster not found.",
        ),
        (PROVIDER, "ResourceNotFoundException", None),  # ListTagsForResource: below
        ("not-an-arn", "InvalidParameterException", "The ARN provided is invalid."),
        (
            "arn:aws:ecr:us-east-1:123456789012:repository/r",
            "InvalidParameterException",
            "The ARN provided is invalid.",
        ),
        (
            "arn:aws:ecs:us-east-1:123456789012:service/c/s",
            "InvalidParameterException",
            "Unsupported resource type: service",
        ),
    ],
)
def test_unknown_and_malformed_resources(mock, client, arn, code, message):
    for call in (
        lambda: client.tag_resource(resourceArn=arn, tags=[{"key": "k", "value": "v"}]),
        lambda: client.untag_resource(resourceArn=arn, tagKeys=["k"]),
    ):
        with rejected(mock, code, message):
            call()
    if code == "ResourceNotFoundException":  # not modeled for ListTagsForResource
        code = "ClientException"
    with rejected(mock, code, message):
        client.list_tags_for_resource(resourceArn=arn)


def test_fargate_cannot_be_tagged(mock, client):
    fargate = "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE"
    assert tags(client, fargate) == []
    with rejected(mock, "InvalidParameterException"):
        client.tag_resource(resourceArn=fargate, tags=[{"key": "k", "value": "v"}])


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:9",
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web",
        "arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123456789abcdef",
    ],
)
def test_a_task_definition_or_instance_that_is_not_there(mock, client, arn):
    """docs/rules.md, "Tags": each operation answers what its model lists."""
    client.register_task_definition(
        family="web", containerDefinitions=[{"name": "w", "image": "i", "memory": 8}]
    )
    message = (
        f"The specified resource {arn} does not exist. Specify a valid resource and try again."
    )
    with rejected(mock, "ResourceNotFoundException", message):
        client.tag_resource(resourceArn=arn, tags=[{"key": "k", "value": "v"}])
    with rejected(mock, "ResourceNotFoundException", message):
        client.untag_resource(resourceArn=arn, tagKeys=["k"])
    with rejected(mock, "ClientException", message):
        client.list_tags_for_resource(resourceArn=arn)


def test_tags_of_a_task_definition_are_described(client):
    containers = [{"name": "web", "image": "nginx", "memory": 64}]
    client.register_task_definition(family="web", containerDefinitions=containers)
    arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1"
    client.tag_resource(resourceArn=arn, tags=[{"key": "team", "value": "a"}])
    described = client.describe_task_definition(taskDefinition="web:1", include=["TAGS"])
    assert described["tags"] == [{"key": "team", "value": "a"}]
