"""Whole workflows, as users' code runs them against ECS."""

from __future__ import annotations

import pytest
from support import create_provider


def test_capacity_provider_lifecycle(mock, client):
    create_provider(client, "workers", asg={"managedScaling": {"status": "ENABLED"}})
    created = client.create_cluster(
        clusterName="prod",
        capacityProviders=["workers"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "workers", "weight": 1, "base": 2}],
        tags=[{"key": "env", "value": "prod"}],
    )["cluster"]
    assert created["status"] == "PROVISIONING"
    assert client.describe_clusters(clusters=["prod"])["clusters"][0]["status"] == "ACTIVE"
    client.put_cluster_capacity_providers(
        cluster="prod",
        capacityProviders=["workers"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "workers", "weight": 3}],
    )
    with pytest.raises(client.exceptions.ClientException, match="Cluster Scoped Capacity"):
        client.delete_cluster(cluster="prod")  # the provider first, as AWS asks
    failed = client.delete_capacity_provider(capacityProvider="workers")["capacityProvider"]
    assert failed["updateStatus"] == "DELETE_FAILED"
    client.put_cluster_capacity_providers(
        cluster="prod", capacityProviders=[], defaultCapacityProviderStrategy=[]
    )
    client.delete_capacity_provider(capacityProvider="workers")
    client.delete_cluster(cluster="prod")
    assert list(mock.capacity_providers()) == ["workers"]
    assert mock.capacity_providers()["workers"]["status"] == "INACTIVE"
    assert client.list_clusters()["clusterArns"] == []


def test_container_insights_rollout(client):
    for name in ("a", "b"):
        client.create_cluster(clusterName=name)
    client.put_account_setting_default(name="containerInsights", value="enhanced")
    for arn in client.get_paginator("list_clusters").paginate().build_full_result()["clusterArns"]:
        client.update_cluster_settings(
            cluster=arn, settings=[{"name": "containerInsights", "value": "enhanced"}]
        )
    client.create_cluster(clusterName="c")
    described = client.describe_clusters(clusters=["a", "b", "c"], include=["SETTINGS"])["clusters"]
    assert {c["settings"][0]["value"] for c in described} == {"enhanced"}


def test_tagging_policy(client):
    client.create_cluster(clusterName="a", tags=[{"key": "owner", "value": "x"}])
    client.create_cluster(clusterName="b")
    untagged = [
        arn
        for arn in client.list_clusters()["clusterArns"]
        if not any(
            t["key"] == "owner" for t in client.list_tags_for_resource(resourceArn=arn)["tags"]
        )
    ]
    for arn in untagged:
        client.tag_resource(resourceArn=arn, tags=[{"key": "owner", "value": "unknown"}])
    described = client.describe_clusters(clusters=["a", "b"], include=["TAGS"])["clusters"]
    assert [c["tags"] for c in described] == [
        [{"key": "owner", "value": "x"}],
        [{"key": "owner", "value": "unknown"}],
    ]
