"""PutAttributes, DeleteAttributes and ListAttributes (docs/rules.md, "Attributes")."""

from __future__ import annotations

import pytest
from support import rejected


@pytest.fixture
def instance(client):
    client.create_cluster(clusterName="c")
    return client.register_container_instance(cluster="c")["containerInstance"][
        "containerInstanceArn"
    ]


def listed(client, **kwargs):
    kwargs.setdefault("cluster", "c")
    return client.list_attributes(targetType="container-instance", **kwargs)["attributes"]


def test_put_list_and_delete(client, instance):
    instance_id = instance.rpartition("/")[2]
    put = client.put_attributes(
        cluster="c",
        attributes=[
            {"name": "stack", "value": "production", "targetId": instance},
            {"name": "team", "targetType": "container-instance", "targetId": instance_id},
        ],
    )["attributes"]
    assert put == [
        {"name": "stack", "value": "production", "targetId": instance},
        {"name": "team", "targetType": "container-instance", "targetId": instance_id},
    ]
    assert listed(client, attributeName="stack") == [
        {"name": "stack", "value": "production", "targetId": instance}
    ]
    assert listed(client, attributeName="team") == [{"name": "team", "targetId": instance}]
    assert listed(client, attributeName="stack", attributeValue="staging") == []
    deleted = client.delete_attributes(
        cluster="c",
        attributes=[
            {"name": "stack", "targetId": instance},
            {"name": "absent", "targetId": instance},
        ],
    )["attributes"]
    assert deleted == [
        {"name": "stack", "targetId": instance, "value": "production"},
        {"name": "absent", "targetId": instance},
    ]
    assert listed(client, attributeName="stack") == []


def test_putting_again_changes_the_value(client, instance):
    for value in ("a", "b"):
        client.put_attributes(
            cluster="c", attributes=[{"name": "stack", "value": value, "targetId": instance}]
        )
    assert listed(client, attributeName="stack")[0]["value"] == "b"
    described = client.describe_container_instances(cluster="c", containerInstances=[instance])
    attributes = {
        a["name"]: a.get("value") for a in described["containerInstances"][0]["attributes"]
    }
    assert attributes["stack"] == "b"


def test_list_pages_through_every_attribute(client, instance):
    second = client.register_container_instance(cluster="c")["containerInstance"][
        "containerInstanceArn"
    ]
    everything = listed(client)
    assert {entry["targetId"] for entry in everything} == {instance, second}
    assert everything[0]["targetId"] == instance
    paginator = client.get_paginator("list_attributes")
    pages = paginator.paginate(
        cluster="c", targetType="container-instance", PaginationConfig={"PageSize": 7}
    )
    walked = [entry for page in pages for entry in page["attributes"]]
    assert walked == everything


def test_ten_custom_attributes_per_instance(client, instance, mock):
    """docs/rules.md, "Attributes": the agent's own attributes do not count."""
    client.put_attributes(
        cluster="c",
        attributes=[{"name": f"a{n}", "value": "v", "targetId": instance} for n in range(10)],
    )
    client.put_attributes(
        cluster="c", attributes=[{"name": "a0", "value": "new", "targetId": instance}]
    )
    message = (
        "You can apply up to 10 custom attributes for each resource. You can view the attributes "
        "of a resource with ListAttributes. You can remove existing attributes on a resource with "
        "DeleteAttributes."
    )
    with rejected(mock, "AttributeLimitExceededException", message):
        client.put_attributes(
            cluster="c", attributes=[{"name": "one-more", "value": "v", "targetId": instance}]
        )
    with rejected(mock, "InvalidParameterException", "attributes can have at most 10 items."):
        client.put_attributes(
            cluster="c",
            attributes=[{"name": f"b{n}", "targetId": instance} for n in range(11)],
        )


ATTRIBUTE_REFUSALS = [
    ({"name": "a b"}, "InvalidParameterException", "Invalid attribute name 'a b'."),
    ({"name": "x" * 129}, "InvalidParameterException", "Invalid attribute name"),
    (
        {"name": "a", "value": " lead"},
        "InvalidParameterException",
        "Invalid value for attribute 'a'.",
    ),
    (
        {"name": "a", "value": "a!b"},
        "InvalidParameterException",
        "Invalid value for attribute 'a'.",
    ),
    (
        {"name": "a", "targetId": None},
        "InvalidParameterException",
        "Attribute 'a' has no targetId.",
    ),
    (
        {"name": "a", "targetId": "0123"},
        "InvalidParameterException",
        "Attribute 'a' names its target '0123' by a short ID: specify targetType too.",
    ),
    (
        {"name": "a", "targetId": "arn:aws:ecs:us-east-1:123456789012:container-instance/c/0123"},
        "TargetNotFoundException",
        "The specified target wasn't found.",
    ),
]


@pytest.mark.parametrize(
    ("attribute", "expected"), [(item, (code, text)) for item, code, text in ATTRIBUTE_REFUSALS]
)
def test_bad_attributes_are_refused(client, instance, mock, attribute, expected):
    code, message = expected
    item = {"targetId": instance, **attribute}
    item = {key: value for key, value in item.items() if value is not None}
    for operation in (client.put_attributes, client.delete_attributes):
        with rejected(mock, code) as info:
            operation(cluster="c", attributes=[item])
        assert info.value.response["Error"]["Message"].startswith(message)


def test_an_inactive_instance_is_no_target(client, instance, mock):
    client.deregister_container_instance(cluster="c", containerInstance=instance)
    message = (
        "The specified target wasn't found. You can view your available container instances "
        "with ListContainerInstances."
    )
    with rejected(mock, "TargetNotFoundException", message):
        client.put_attributes(cluster="c", attributes=[{"name": "a", "targetId": instance}])


def test_list_needs_its_filters_in_order(client, raw, instance, mock):
    message = (
        "attributeValue can be specified only with attributeName. Specify attributeName too, or "
        "leave attributeValue out."
    )
    with rejected(mock, "InvalidParameterException", message):
        listed(client, attributeValue="x")
    for operation, member in (
        (raw.list_attributes, "targetType"),
        (raw.put_attributes, "attributes"),
    ):
        message = f"{member} is a required parameter. Specify a value and try again."
        with rejected(mock, "InvalidParameterException", message):
            operation(cluster="c")
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        listed(client, cluster="nope")
