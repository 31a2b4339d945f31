"""CreateCluster, rule by rule, through boto3 (docs/rules.md, "Clusters")."""

from __future__ import annotations

import re

import pytest
from support import aws_error, ecs, rejected, send

from ecsmock import mock_ecs

NAME_INVALID = (
    "The specified cluster name is invalid. Up to 255 characters are allowed, including letters "
    "(upper and lowercase), numbers, underscores, and hyphens. Specify a valid name and try again."
)
IDEMPOTENT = (
    "Arguments on this idempotent request are inconsistent with arguments used in previous "
    "request(s)."
)
ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/"


def test_seed_example_gives_the_seed_output(client):
    cluster = client.create_cluster(clusterName="my_cluster")["cluster"]
    seed_fields = {
        "activeServicesCount": 0,
        "clusterArn": ARN + "my_cluster",
        "clusterName": "my_cluster",
        "pendingTasksCount": 0,
        "registeredContainerInstancesCount": 0,
        "runningTasksCount": 0,
        "status": "ACTIVE",
    }
    assert {key: cluster[key] for key in seed_fields} == seed_fields
    assert cluster["statistics"] == []
    assert cluster["tags"] == []
    assert cluster["settings"] == [{"name": "containerInsights", "value": "disabled"}]
    assert set(cluster) == {*seed_fields, "statistics", "tags", "settings"}


def test_no_name_creates_default(client):
    assert client.create_cluster()["cluster"]["clusterName"] == "default"


@pytest.mark.parametrize("name", ["a", "A-b_9", "x" * 255])
def test_valid_names_are_accepted(client, name):
    assert client.create_cluster(clusterName=name)["cluster"]["clusterArn"] == ARN + name


@pytest.mark.parametrize("name", ["", "x" * 256, "a.b", "a b", "é", "a/b"])
def test_invalid_names_are_rejected(mock, raw, name):
    with rejected(mock, "InvalidParameterException", NAME_INVALID):
        raw.create_cluster(clusterName=name)


def test_tags_are_echoed_in_order(client):
    tags = [{"key": "b", "value": "2"}, {"key": "a", "value": ""}, {"key": "ключ é", "value": "ü"}]
    assert client.create_cluster(clusterName="c", tags=tags)["cluster"]["tags"] == tags


def test_fifty_tags_are_accepted_and_fifty_one_rejected(mock, raw):
    tags = [{"key": f"k{i}", "value": "v"} for i in range(51)]
    assert len(raw.create_cluster(clusterName="c", tags=tags[:50])["cluster"]["tags"]) == 50
    with rejected(mock, "InvalidParameterException") as info:
        raw.create_cluster(clusterName="d", tags=tags)
    assert info.value.response["Error"]["Message"].startswith("The number of tags exceeds")


@pytest.mark.parametrize(
    ("tag", "accepted"),
    [
        ({"key": "k" * 128, "value": "v" * 256}, True),
        ({"key": "k" * 129, "value": "v"}, False),
        ({"key": "k", "value": "v" * 257}, False),
        ({"key": "é" * 128, "value": "ü" * 256}, True),
        ({"key": "a b_.:/=+-@", "value": "1 2"}, True),
        ({"key": "bad!", "value": "v"}, False),
        ({"key": "k", "value": "tab\there"}, False),
        ({"key": "aws:x", "value": "v"}, False),
        ({"key": "AwS:x", "value": "v"}, False),
        ({"key": "k", "value": "AWS:v"}, False),
        ({"key": "awsx", "value": "aws"}, True),
    ],
)
def test_tag_rules(mock, raw, tag, accepted):
    if accepted:
        assert raw.create_cluster(clusterName="c", tags=[tag])["cluster"]["tags"] == [tag]
    else:
        with rejected(mock, "InvalidParameterException"):
            raw.create_cluster(clusterName="c", tags=[tag])


def test_duplicate_tag_keys_are_rejected(mock, client):
    tags = [{"key": "k", "value": "1"}, {"key": "k", "value": "2"}]
    with rejected(mock, "InvalidParameterException") as info:
        client.create_cluster(clusterName="c", tags=tags)
    assert "'k'" in info.value.response["Error"]["Message"]


@pytest.mark.parametrize("value", ["enabled", "disabled", "enhanced"])
def test_container_insights_values(client, value):
    settings = [{"name": "containerInsights", "value": value}]
    assert client.create_cluster(clusterName="c", settings=settings)["cluster"]["settings"] == (
        settings
    )


def test_setting_value_is_case_sensitive(mock, client):
    with rejected(mock, "InvalidParameterException", "Invalid setting 'value'"):
        client.create_cluster(settings=[{"name": "containerInsights", "value": "Enabled"}])


def test_setting_name_must_be_container_insights(mock, raw):
    with rejected(mock, "InvalidParameterException", "Invalid setting 'name'"):
        raw.create_cluster(settings=[{"name": "insights", "value": "enabled"}])


def execute(**command):
    return {"executeCommandConfiguration": command}


def test_configuration_is_echoed(client):
    configuration = {
        "executeCommandConfiguration": {
            "kmsKeyId": "key",
            "logging": "OVERRIDE",
            "logConfiguration": {"cloudWatchLogGroupName": "g", "s3EncryptionEnabled": True},
        },
        "managedStorageConfiguration": {"kmsKeyId": "k2"},
    }
    cluster = client.create_cluster(clusterName="c", configuration=configuration)["cluster"]
    assert cluster["configuration"] == configuration


def test_storage_configuration_alone_is_echoed(client):
    configuration = {"managedStorageConfiguration": {"fargateEphemeralStorageKmsKeyId": "k"}}
    cluster = client.create_cluster(clusterName="c", configuration=configuration)["cluster"]
    assert cluster["configuration"] == configuration


@pytest.mark.parametrize("logging", ["NONE", "DEFAULT"])
def test_logging_without_log_configuration(client, logging):
    configuration = execute(logging=logging)
    assert client.create_cluster(configuration=configuration)["cluster"]["configuration"] == (
        configuration
    )


def test_unknown_logging_is_rejected(mock, raw):
    with rejected(mock, "InvalidParameterException"):
        raw.create_cluster(configuration=execute(logging="LOUD"))


def test_override_requires_a_log_configuration(mock, client):
    message = "You must supply a log configuration when you set logging to 'OVERRIDE'"
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(configuration=execute(logging="OVERRIDE"))


@pytest.mark.parametrize("logging", [None, "DEFAULT", "NONE"])
def test_log_configuration_requires_override(mock, client, logging):
    command = {"logConfiguration": {"s3BucketName": "b"}}
    if logging:
        command["logging"] = logging
    message = "You must set logging to 'OVERRIDE' when you supply a log configuration"
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(configuration=execute(**command))


def test_fargate_providers_and_strategy(client):
    cluster = client.create_cluster(
        clusterName="c",
        capacityProviders=["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[
            {"capacityProvider": "FARGATE", "weight": 1000, "base": 100000},
            {"capacityProvider": "FARGATE_SPOT"},
        ],
    )["cluster"]
    assert cluster["status"] == "ACTIVE"
    assert cluster["capacityProviders"] == ["FARGATE", "FARGATE_SPOT"]
    assert cluster["defaultCapacityProviderStrategy"] == [
        {"capacityProvider": "FARGATE", "weight": 1000, "base": 100000},
        {"capacityProvider": "FARGATE_SPOT", "weight": 0, "base": 0},
    ]
    assert "attachments" not in cluster


def test_providers_and_strategy_each_appear_when_given(client):
    only_providers = client.create_cluster(clusterName="a", capacityProviders=["FARGATE"])
    assert only_providers["cluster"]["capacityProviders"] == ["FARGATE"]
    assert "defaultCapacityProviderStrategy" not in only_providers["cluster"]
    only_strategy = client.create_cluster(clusterName="b", defaultCapacityProviderStrategy=[])
    assert only_strategy["cluster"]["defaultCapacityProviderStrategy"] == []
    assert "capacityProviders" not in only_strategy["cluster"]


def test_all_weights_zero_is_accepted(client):
    strategy = [{"capacityProvider": "FARGATE", "weight": 0}]
    cluster = client.create_cluster(
        capacityProviders=["FARGATE"], defaultCapacityProviderStrategy=strategy
    )
    assert cluster["cluster"]["defaultCapacityProviderStrategy"][0]["weight"] == 0


def test_unknown_provider_is_rejected(mock, client):
    message = (
        "The specified capacity provider was not found. Specify a valid capacity provider and "
        "try again"
    )
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(capacityProviders=["FARGATE", "nope"])


def test_more_than_twenty_providers_is_rejected(mock, client):
    message = "The maximum number of capacity providers per cluster has been exceeded."
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(capacityProviders=["FARGATE"] * 21)


def test_duplicate_providers_are_rejected(mock, client):
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(capacityProviders=["FARGATE", "FARGATE"])


def test_strategy_provider_must_be_associated(mock, client):
    message = (
        "The specified capacity provider strategy cannot contain a capacity provider that is not "
        "associated with the cluster. Associate the capacity provider with the cluster or specify "
        "a valid capacity provider and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(
            capacityProviders=["FARGATE"],
            defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
        )


@pytest.mark.parametrize(
    "item",
    [
        {"capacityProvider": "FARGATE", "weight": 1001},
        {"capacityProvider": "FARGATE", "base": 100001},
    ],
)
def test_weight_and_base_ranges(mock, raw, item):
    with rejected(mock, "InvalidParameterException"):
        raw.create_cluster(capacityProviders=["FARGATE"], defaultCapacityProviderStrategy=[item])


def test_strategy_with_two_bases_is_rejected(mock, client):
    message = (
        "Only one capacity provider in a capacity provider strategy can have a base defined. "
        "Set the base of the others to 0 and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(
            capacityProviders=["FARGATE", "FARGATE_SPOT"],
            defaultCapacityProviderStrategy=[
                {"capacityProvider": "FARGATE", "base": 1},
                {"capacityProvider": "FARGATE_SPOT", "base": 2},
            ],
        )


def test_strategy_naming_a_provider_twice_is_rejected(mock, client):
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(
            capacityProviders=["FARGATE"],
            defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE"}] * 2,
        )


def test_strategy_of_more_than_twenty_items_is_rejected(mock, client):
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(
            defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE"}] * 21
        )


def test_service_connect_namespace_by_name_becomes_an_arn(mock, client):
    cluster = client.create_cluster(clusterName="c", serviceConnectDefaults={"namespace": "my-ns"})[
        "cluster"
    ]
    namespace = cluster["serviceConnectDefaults"]["namespace"]
    assert re.fullmatch(
        r"arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-[a-z0-9]{16}", namespace
    )
    assert [(a["type"], a["status"], a["details"]) for a in cluster["attachments"]] == [
        ("sc", "ATTACHED", [])
    ]
    again = client.create_cluster(clusterName="d", serviceConnectDefaults={"namespace": "my-ns"})
    assert again["cluster"]["serviceConnectDefaults"]["namespace"] == namespace


def test_service_connect_namespace_by_arn_of_this_region(client):
    arn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefghijklmnop"
    cluster = client.create_cluster(serviceConnectDefaults={"namespace": arn})["cluster"]
    assert cluster["serviceConnectDefaults"] == {"namespace": arn}


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-abcdefghijklmnop",
        "arn:aws:servicediscovery:us-east-1:999999999999:namespace/ns-abcdefghijklmnop",
        "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-x",
        "arn:nonsense",
    ],
)
def test_namespace_arn_of_elsewhere_is_not_found(mock, client, arn):
    with rejected(mock, "NamespaceNotFoundException", f"Failed to retrieve namespace for {arn}"):
        client.create_cluster(serviceConnectDefaults={"namespace": arn})


@pytest.mark.parametrize("name", ["a<b", "a>b", 'a"b', "a/b", "", "n" * 1025])
def test_invalid_namespace_names(mock, client, name):
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(serviceConnectDefaults={"namespace": name})


def test_namespace_of_1024_characters_with_hyphens_is_accepted(client):
    cluster = client.create_cluster(serviceConnectDefaults={"namespace": "a-" * 512})["cluster"]
    assert cluster["serviceConnectDefaults"]["namespace"].startswith("arn:aws:servicediscovery:")


EVERYTHING = {
    "clusterName": "c",
    "tags": [{"key": "k", "value": "v"}],
    "settings": [{"name": "containerInsights", "value": "enabled"}],
    "capacityProviders": ["FARGATE"],
    "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}],
    "serviceConnectDefaults": {"namespace": "ns"},
}


def test_repeating_a_create_returns_the_cluster_unchanged(mock, client):
    first = client.create_cluster(**EVERYTHING)["cluster"]
    before = mock.snapshot()
    assert client.create_cluster(clusterName="c")["cluster"] == first
    filled_in = [{"capacityProvider": "FARGATE", "weight": 1, "base": 0}]
    repeat = {**EVERYTHING, "defaultCapacityProviderStrategy": filled_in}
    assert client.create_cluster(**repeat)["cluster"] == first
    assert mock.snapshot() == before
    assert len(client.list_clusters()["clusterArns"]) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"tags": [{"key": "k", "value": "other"}]},
        {"tags": []},
        {"settings": [{"name": "containerInsights", "value": "disabled"}]},
        {"configuration": execute(logging="NONE")},
        {"capacityProviders": ["FARGATE_SPOT"]},
        {"capacityProviders": ["FARGATE"], "defaultCapacityProviderStrategy": []},
        {"serviceConnectDefaults": {"namespace": "other"}},
    ],
)
def test_repeating_a_create_with_other_arguments_is_rejected(mock, client, change):
    client.create_cluster(**EVERYTHING)
    with rejected(mock, "InvalidParameterException", IDEMPOTENT):
        client.create_cluster(clusterName="c", **change)


def test_recreating_a_deleted_cluster_starts_clean(client):
    client.create_cluster(clusterName="c", tags=[{"key": "k", "value": "v"}])
    client.delete_cluster(cluster="c")
    cluster = client.create_cluster(clusterName="c")["cluster"]
    assert (cluster["status"], cluster["tags"], cluster["clusterArn"]) == ("ACTIVE", [], ARN + "c")
    described = client.describe_clusters(clusters=["c"], include=["TAGS"])["clusters"]
    assert [(c["status"], c["tags"]) for c in described] == [("ACTIVE", [])]


def test_cluster_quota(mock, client):
    mock.quotas.clusters = 2
    client.create_cluster(clusterName="a")
    client.create_cluster(clusterName="b")
    assert client.create_cluster(clusterName="a")["cluster"]["clusterName"] == "a"  # idempotent
    with rejected(mock, "ClientException"):  # CreateCluster models no LimitExceededException
        client.create_cluster(clusterName="c")
    client.delete_cluster(cluster="a")
    assert client.create_cluster(clusterName="c")["cluster"]["status"] == "ACTIVE"


def test_ten_thousand_clusters_is_the_default_quota(mock):
    assert mock.quotas.clusters == 10_000


@pytest.mark.parametrize(
    ("region", "partition"),
    [
        ("us-east-1", "aws"),
        ("eu-west-3", "aws"),
        ("cn-north-1", "aws-cn"),
        ("cn-northwest-1", "aws-cn"),
        ("us-gov-west-1", "aws-us-gov"),
        ("us-iso-east-1", "aws-iso"),
        ("mars-west-1", "aws"),  # no partition claims it: botocore falls back to aws too
    ],
)
def test_partitions(mock, region, partition):
    cluster = ecs(region).create_cluster(clusterName="c")["cluster"]
    assert cluster["clusterArn"] == f"arn:{partition}:ecs:{region}:123456789012:cluster/c"


def test_account_id_is_the_mocks():
    with mock_ecs(account_id="111122223333"):
        arn = ecs().create_cluster(clusterName="c")["cluster"]["clusterArn"]
    assert arn == "arn:aws:ecs:us-east-1:111122223333:cluster/c"


def test_regions_and_accounts_are_separate(mock):
    ecs("us-east-1").create_cluster(clusterName="c")
    assert ecs("us-west-2").list_clusters()["clusterArns"] == []
    with mock_ecs(account_id="111122223333"):
        assert ecs("us-east-1").list_clusters()["clusterArns"] == []


def test_wrong_types_are_rejected_without_a_traceback(mock, client):
    for arguments in (
        {"clusterName": 5},
        {"tags": "nope"},
        {"tags": [5]},
        {"settings": {"name": "containerInsights"}},
        {"capacityProviders": [1]},
        {"defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": "1"}]},
        {"defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": True}]},
        {"defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1.5}]},
        {"configuration": []},
        {"serviceConnectDefaults": "ns"},
    ):
        with rejected(mock, "SerializationException"):
            send(client, "CreateCluster", arguments)


def test_negative_numbers_and_missing_members_are_rejected(mock, raw):
    with rejected(mock, "InvalidParameterException"):
        raw.create_cluster(
            capacityProviders=["FARGATE"],
            defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": -1}],
        )
    with rejected(mock, "InvalidParameterException"):
        raw.create_cluster(defaultCapacityProviderStrategy=[{"weight": 1}])
    with rejected(mock, "InvalidParameterException"):
        raw.create_cluster(tags=[{"value": "v"}])
    with rejected(mock, "InvalidParameterException"):
        raw.create_cluster(serviceConnectDefaults={})


def test_nulls_count_as_absent(client):
    cluster = send(client, "CreateCluster", {"clusterName": None, "tags": None})["cluster"]
    assert (cluster["clusterName"], cluster["tags"]) == ("default", [])


def test_errors_reach_users_as_modeled_exceptions(client):
    with pytest.raises(client.exceptions.InvalidParameterException):
        client.create_cluster(settings=[{"name": "containerInsights", "value": "on"}])
    with aws_error("InvalidParameterException", "Invalid setting 'value'"):
        client.create_cluster(settings=[{"name": "containerInsights", "value": "on"}])


def test_repeating_a_create_with_a_new_namespace_is_rejected(mock, client):
    """A name never used is no namespace the cluster has, even when it has none."""
    client.create_cluster(clusterName="plain")
    with rejected(mock, "InvalidParameterException", IDEMPOTENT):
        client.create_cluster(clusterName="plain", serviceConnectDefaults={"namespace": "fresh"})
