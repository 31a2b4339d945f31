"""Capacity providers and how clusters use them (docs/rules.md, "Capacity providers" and
"Clusters")."""

from __future__ import annotations

import pytest
from support import ASG, rejected
from support import create_provider as create

CP_ARN = "arn:aws:ecs:us-east-1:123456789012:capacity-provider/"
NAME_INVALID = (
    "The specified capacity provider name is invalid. Up to 255 characters are allowed, including "
    "letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed "
    'with "aws", "ecs", or "fargate". Specify a valid name and try again.'
)


def test_create_fills_in_defaults(client):
    provider = create(client, "cp", tags=[{"key": "k", "value": "v"}])
    assert provider == {
        "capacityProviderArn": CP_ARN + "cp",
        "name": "cp",
        "status": "ACTIVE",
        "autoScalingGroupProvider": {
            "autoScalingGroupArn": ASG.format("cp"),
            "managedScaling": {
                "status": "DISABLED",
                "targetCapacity": 100,
                "minimumScalingStepSize": 1,
                "maximumScalingStepSize": 10000,
                "instanceWarmupPeriod": 300,
            },
            "managedTerminationProtection": "DISABLED",
            "managedDraining": "ENABLED",
        },
        "tags": [{"key": "k", "value": "v"}],
        "type": "EC2_AUTOSCALING",
    }


def test_create_keeps_given_settings(client):
    asg = {
        "managedScaling": {"status": "ENABLED", "targetCapacity": 1, "instanceWarmupPeriod": 0},
        "managedTerminationProtection": "ENABLED",
        "managedDraining": "DISABLED",
    }
    group = create(client, "cp", asg=asg)["autoScalingGroupProvider"]
    assert group["managedScaling"]["targetCapacity"] == 1
    assert group["managedScaling"]["maximumScalingStepSize"] == 10000
    assert (group["managedTerminationProtection"], group["managedDraining"]) == (
        "ENABLED",
        "DISABLED",
    )


@pytest.mark.parametrize("name", ["aws-x", "ECSx", "Fargate1", "FARGATE", "a.b", "", "x" * 256])
def test_invalid_names(mock, raw, name):
    with rejected(mock, "ClientException", NAME_INVALID):
        create(raw, name, group="g")


def test_name_of_255_characters(client):
    assert create(client, "n" * 255, group="g")["name"] == "n" * 255


def test_duplicate_name(mock, client):
    create(client, "cp")
    message = (
        "The specified capacity provider already exists. To change the configuration of an "
        "existing capacity provider, update the capacity provider."
    )
    with rejected(mock, "ClientException", message):
        create(client, "cp", group="other")


def test_duplicate_auto_scaling_group(mock, client):
    create(client, "cp1", group="g")
    message = (
        "The specified Auto Scaling group ARN is already being used by another capacity provider. "
        "Specify a unique Auto Scaling group ARN and try again."
    )
    with rejected(mock, "ClientException", message):
        create(client, "cp2", group="g")


@pytest.mark.parametrize(
    ("asg", "code"),
    [
        ({"autoScalingGroupArn": "not-an-arn"}, "InvalidParameterException"),
        ({"autoScalingGroupArn": ASG.format("g") + "\n"}, "InvalidParameterException"),
        (
            {"autoScalingGroupArn": ASG.format("g").partition(":autoScalingGroupName")[0]},
            "InvalidParameterException",
        ),
        (
            {"autoScalingGroupArn": ASG.format("g"), "managedScaling": {"targetCapacity": 101}},
            "InvalidParameterException",
        ),
        (
            {
                "autoScalingGroupArn": ASG.format("g"),
                "managedScaling": {"maximumScalingStepSize": 10001},
            },
            "InvalidParameterException",
        ),
        (
            {"autoScalingGroupArn": ASG.format("g"), "managedScaling": {"status": "ON"}},
            "InvalidParameterException",
        ),
        (
            {"autoScalingGroupArn": ASG.format("g"), "managedTerminationProtection": "YES"},
            "InvalidParameterException",
        ),
        (
            {"autoScalingGroupArn": ASG.format("g"), "managedDraining": "no"},
            "InvalidParameterException",
        ),
    ],
)
def test_invalid_auto_scaling_settings(mock, raw, asg, code):
    with rejected(mock, code):
        raw.create_capacity_provider(name="cp", autoScalingGroupProvider=asg)


def test_create_needs_an_auto_scaling_group(mock, client):
    with rejected(mock, "InvalidParameterException"):
        client.create_capacity_provider(name="cp")
    with rejected(mock, "InvalidParameterException"):
        client.create_capacity_provider(
            name="cp",
            cluster="c",
            autoScalingGroupProvider={"autoScalingGroupArn": ASG.format("g")},
        )


def test_managed_instances_providers_are_not_served(mock, client):
    from ecsmock import UnservedOperationError

    with pytest.raises(UnservedOperationError, match="Managed Instances"):
        client.create_capacity_provider(
            name="cp",
            managedInstancesProvider={
                "infrastructureRoleArn": "arn:aws:iam::123456789012:role/r",
                "instanceLaunchTemplate": {
                    "ec2InstanceProfileArn": "arn:aws:iam::123456789012:instance-profile/p",
                    "networkConfiguration": {"subnets": ["subnet-1"]},
                },
            },
        )


def test_describe_all_lists_fargate_last(client):
    create(client, "cp")
    providers = client.describe_capacity_providers()["capacityProviders"]
    assert [p["name"] for p in providers] == ["cp", "FARGATE", "FARGATE_SPOT"]
    fargate = providers[1]
    assert fargate == {
        "capacityProviderArn": CP_ARN + "FARGATE",
        "name": "FARGATE",
        "status": "ACTIVE",
        "tags": [],
        "type": "FARGATE",
    }


def test_describe_by_name_and_arn_with_tags_and_failures(client):
    create(client, "cp", tags=[{"key": "k", "value": "v"}])
    response = client.describe_capacity_providers(capacityProviders=[CP_ARN + "cp", "nope"])
    assert response["capacityProviders"][0]["tags"] == []
    assert response["failures"] == [{"arn": CP_ARN + "nope", "reason": "MISSING"}]
    tagged = client.describe_capacity_providers(capacityProviders=["cp"], include=["TAGS"])
    assert tagged["capacityProviders"][0]["tags"] == [{"key": "k", "value": "v"}]
    twice = client.describe_capacity_providers(capacityProviders=["cp", CP_ARN + "cp", "x", "x"])
    assert [p["name"] for p in twice["capacityProviders"]] == ["cp"]  # each once
    assert twice["failures"] == [{"arn": CP_ARN + "x", "reason": "MISSING"}]


def test_describe_pages(mock, client):
    for i in range(12):
        create(client, f"cp{i}")
    first = client.describe_capacity_providers(maxResults=10)
    assert len(first["capacityProviders"]) == 10
    rest = client.describe_capacity_providers(maxResults=10, nextToken=first["nextToken"])
    assert [p["name"] for p in rest["capacityProviders"]] == [
        "cp10",
        "cp11",
        "FARGATE",
        "FARGATE_SPOT",
    ]
    assert "nextToken" not in rest
    with rejected(mock, "InvalidParameterException"):
        client.describe_capacity_providers(maxResults=11)
    with rejected(mock, "InvalidParameterException", "Invalid token x"):
        client.describe_capacity_providers(nextToken="x")
    with rejected(mock, "InvalidParameterException"):
        client.describe_capacity_providers(include=["BOGUS"])


def test_describe_scoped_to_a_cluster_shows_its_providers_only(mock, client):
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        client.describe_capacity_providers(cluster="nope")
    for name in ("a", "b", "c"):
        create(client, name)
    client.create_cluster(clusterName="plain")
    assert client.describe_capacity_providers(cluster="plain")["capacityProviders"] == []
    client.create_cluster(clusterName="x", capacityProviders=["c", "FARGATE", "a"])
    listed = client.describe_capacity_providers(cluster="x", maxResults=2)
    rest = client.describe_capacity_providers(cluster="x", nextToken=listed["nextToken"])
    names = [p["name"] for page in (listed, rest) for p in page["capacityProviders"]]
    assert names == ["a", "c", "FARGATE"]
    named = client.describe_capacity_providers(cluster="x", capacityProviders=["a", "b"])
    assert [p["name"] for p in named["capacityProviders"]] == ["a"]
    assert named["failures"] == [{"arn": CP_ARN + "b", "reason": "MISSING"}]


def test_describe_takes_up_to_a_hundred_names(mock, client):
    names = [f"n{i}" for i in range(101)]
    walked, token = [], None
    while True:
        page = client.describe_capacity_providers(
            capacityProviders=names[:100], **({"nextToken": token} if token else {})
        )
        walked += [failure["arn"].rpartition("/")[2] for failure in page["failures"]]
        token = page.get("nextToken")
        if token is None:
            break
    assert walked == names[:100]
    with rejected(
        mock, "InvalidParameterException", "capacityProviders can have at most 100 items."
    ):
        client.describe_capacity_providers(capacityProviders=names)


def test_describe_pages_stay_whole_while_providers_are_deleted(client):
    for i in range(6):
        create(client, f"cp{i}")
    first = client.describe_capacity_providers(maxResults=3)
    assert [p["name"] for p in first["capacityProviders"]] == ["cp0", "cp1", "cp2"]
    client.delete_capacity_provider(capacityProvider="cp1")  # behind the walk
    create(client, "late")  # ahead of it
    rest = client.describe_capacity_providers(nextToken=first["nextToken"])
    assert [p["name"] for p in rest["capacityProviders"]] == [
        "cp3",
        "cp4",
        "cp5",
        "late",
        "FARGATE",
        "FARGATE_SPOT",
    ]


def test_auto_scaling_group_arns_of_any_id_form(client):
    """AWS's own examples use ids that are not hexadecimal (docs/rules.md, "Capacity providers")."""
    arn = (
        "arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:"
        "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111:autoScalingGroupName/MyAutoScalingGroup"
    )
    created = client.create_capacity_provider(
        name="cp", autoScalingGroupProvider={"autoScalingGroupArn": arn}
    )["capacityProvider"]
    assert created["autoScalingGroupProvider"]["autoScalingGroupArn"] == arn


def test_update_changes_settings(client):
    create(client, "cp")
    updated = client.update_capacity_provider(
        name="cp",
        autoScalingGroupProvider={
            "managedScaling": {"status": "ENABLED", "targetCapacity": 80},
            "managedTerminationProtection": "ENABLED",
        },
    )["capacityProvider"]
    assert updated["updateStatus"] == "UPDATE_IN_PROGRESS"
    assert updated["autoScalingGroupProvider"]["managedScaling"]["targetCapacity"] == 80
    stored = client.describe_capacity_providers(capacityProviders=["cp"])["capacityProviders"][0]
    assert stored["updateStatus"] == "UPDATE_COMPLETE"
    assert stored["autoScalingGroupProvider"]["managedTerminationProtection"] == "ENABLED"
    assert stored["autoScalingGroupProvider"]["managedScaling"]["minimumScalingStepSize"] == 1


def test_update_errors(mock, client):
    with rejected(mock, "ClientException"):
        client.update_capacity_provider(name="nope", autoScalingGroupProvider={})
    with rejected(mock, "ClientException"):
        client.update_capacity_provider(name="FARGATE", autoScalingGroupProvider={})
    create(client, "cp")
    with rejected(mock, "InvalidParameterException"):
        client.update_capacity_provider(name="cp")
    with rejected(mock, "InvalidParameterException"):
        client.update_capacity_provider(
            name="cp", autoScalingGroupProvider={"managedScaling": {"instanceWarmupPeriod": 10001}}
        )


def test_delete_leaves_an_inactive_provider(client):
    create(client, "cp", tags=[{"key": "k", "value": "v"}])
    deleted = client.delete_capacity_provider(capacityProvider="cp")["capacityProvider"]
    assert (deleted["status"], deleted["updateStatus"]) == ("ACTIVE", "DELETE_IN_PROGRESS")
    names = [p["name"] for p in client.describe_capacity_providers()["capacityProviders"]]
    assert names == ["FARGATE", "FARGATE_SPOT"]
    described = client.describe_capacity_providers(capacityProviders=["cp"], include=["TAGS"])
    assert [(p["status"], p["tags"]) for p in described["capacityProviders"]] == [("INACTIVE", [])]
    create(client, "cp")  # the name and the group are free again


@pytest.mark.parametrize("name", ["FARGATE", "FARGATE_SPOT"])
def test_fargate_cannot_be_deleted(mock, client, name):
    with rejected(mock, "ClientException"):
        client.delete_capacity_provider(capacityProvider=name)


def test_delete_unknown(mock, client):
    with rejected(mock, "ClientException"):
        client.delete_capacity_provider(capacityProvider="nope")


STILL_ASSOCIATED = (
    "The capacity provider cannot be deleted because it is associated with cluster: c. Remove "
    "the capacity provider from the cluster and try again."
)


def test_deleting_an_associated_provider_fails_in_its_status(client):
    """AWS answers 200 and records DELETE_FAILED with its reason (docs/rules.md, "Capacity
    providers"); once removed from the cluster, the provider can be deleted."""
    create(client, "cp")
    client.create_cluster(clusterName="c", capacityProviders=["cp"])
    failed = client.delete_capacity_provider(capacityProvider="cp")["capacityProvider"]
    assert (failed["status"], failed["updateStatus"]) == ("ACTIVE", "DELETE_FAILED")
    assert failed["updateStatusReason"] == STILL_ASSOCIATED
    [described] = client.describe_capacity_providers(capacityProviders=["cp"])["capacityProviders"]
    assert described == failed
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=[], defaultCapacityProviderStrategy=[]
    )
    deleted = client.delete_capacity_provider(capacityProvider="cp")["capacityProvider"]
    assert (deleted["updateStatus"], "updateStatusReason" in deleted) == (
        "DELETE_IN_PROGRESS",
        False,
    )


def test_cluster_with_an_auto_scaling_provider_is_provisioning_in_its_create_response(client):
    create(client, "cp")
    cluster = client.create_cluster(
        clusterName="c",
        capacityProviders=["cp"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "cp", "weight": 1}],
    )["cluster"]
    assert (cluster["status"], cluster["attachmentsStatus"]) == (
        "PROVISIONING",
        "UPDATE_IN_PROGRESS",
    )
    [attachment] = cluster["attachments"]
    assert (attachment["type"], attachment["status"]) == ("as_policy", "PRECREATED")
    details = {d["name"]: d["value"] for d in attachment["details"]}
    assert details["capacityProviderName"] == "cp"
    assert details["scalingPolicyName"].startswith("ECSManagedAutoScalingPolicy-")
    settled = client.describe_clusters(clusters=["c"], include=["ATTACHMENTS"])["clusters"][0]
    assert (settled["status"], settled["attachmentsStatus"]) == ("ACTIVE", "UPDATE_COMPLETE")
    assert [a["status"] for a in settled["attachments"]] == ["CREATED"]
    assert settled["attachments"][0]["id"] == attachment["id"]


def test_an_auto_scaling_provider_belongs_to_one_cluster(mock, client):
    create(client, "cp")
    client.create_cluster(clusterName="a", capacityProviders=["cp"])
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(clusterName="b", capacityProviders=["cp"])
    client.put_cluster_capacity_providers(
        cluster="a", capacityProviders=[], defaultCapacityProviderStrategy=[]
    )
    assert (
        client.create_cluster(clusterName="b", capacityProviders=["cp"])["cluster"]["status"]
        == "PROVISIONING"
    )


def test_strategy_cannot_mix_fargate_and_auto_scaling(mock, client):
    create(client, "cp")
    message = (
        "A capacity provider strategy cannot contain a mix of capacity providers using Auto "
        "Scaling groups and Fargate providers. Specify one or the other and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        client.create_cluster(
            capacityProviders=["cp", "FARGATE"],
            defaultCapacityProviderStrategy=[
                {"capacityProvider": "cp"},
                {"capacityProvider": "FARGATE"},
            ],
        )


def test_inactive_provider_cannot_be_associated(mock, client):
    create(client, "cp")
    client.delete_capacity_provider(capacityProvider="cp")
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(capacityProviders=["cp"])


def test_a_token_of_one_walk_is_refused_by_another(mock, client):
    for name in ("p0", "p1", "p2"):
        create(client, name)
    named = client.describe_capacity_providers(capacityProviders=["p0", "p1"], maxResults=1)
    listed = client.describe_capacity_providers(maxResults=1)
    with rejected(mock, "InvalidParameterException", f"Invalid token {named['nextToken']}"):
        client.describe_capacity_providers(nextToken=named["nextToken"])
    with rejected(mock, "InvalidParameterException", f"Invalid token {listed['nextToken']}"):
        client.describe_capacity_providers(capacityProviders=["p0"], nextToken=listed["nextToken"])


def test_a_provider_arn_of_elsewhere_is_missing(client):
    elsewhere = "arn:aws:ecs:eu-west-1:123456789012:capacity-provider/FARGATE"
    answer = client.describe_capacity_providers(capacityProviders=[elsewhere])
    assert answer["failures"] == [{"arn": elsewhere, "reason": "MISSING"}]


def test_an_update_clears_a_failed_delete(client):
    create(client, "cp")
    client.create_cluster(clusterName="c", capacityProviders=["cp"])
    client.delete_capacity_provider(capacityProvider="cp")
    client.update_capacity_provider(
        name="cp", autoScalingGroupProvider={"managedTerminationProtection": "DISABLED"}
    )
    [provider] = client.describe_capacity_providers(capacityProviders=["cp"])["capacityProviders"]
    assert (provider["updateStatus"], "updateStatusReason" in provider) == (
        "UPDATE_COMPLETE",
        False,
    )
