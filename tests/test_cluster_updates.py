"""UpdateCluster, UpdateClusterSettings and PutClusterCapacityProviders (docs/rules.md,
"Clusters")."""

from __future__ import annotations

import pytest
from support import create_provider as create
from support import rejected, run_fargate, send

NOT_FOUND = "Cluster not found."


@pytest.fixture
def cluster(client):
    return client.create_cluster(clusterName="c")["cluster"]


@pytest.mark.parametrize(
    "operation", ["update_cluster", "update_cluster_settings", "put_cluster_capacity_providers"]
)
def test_unknown_or_inactive_cluster(mock, client, operation):
    arguments = {
        "update_cluster": {},
        "update_cluster_settings": {"settings": []},
        "put_cluster_capacity_providers": {
            "capacityProviders": [],
            "defaultCapacityProviderStrategy": [],
        },
    }[operation]
    with rejected(mock, "ClusterNotFoundException", NOT_FOUND):
        getattr(client, operation)(cluster="nope", **arguments)
    client.create_cluster(clusterName="gone")
    client.delete_cluster(cluster="gone")
    with rejected(mock, "ClusterNotFoundException", NOT_FOUND):
        getattr(client, operation)(cluster="gone", **arguments)


def test_update_settings(client, cluster):
    settings = [{"name": "containerInsights", "value": "enhanced"}]
    updated = client.update_cluster(cluster=cluster["clusterArn"], settings=settings)["cluster"]
    assert updated["settings"] == settings
    again = client.update_cluster_settings(
        cluster="c", settings=[{"name": "containerInsights", "value": "disabled"}]
    )
    assert again["cluster"]["settings"] == [{"name": "containerInsights", "value": "disabled"}]
    assert set(again["cluster"]) >= {"statistics", "tags", "settings", "clusterArn", "status"}


def test_empty_settings_change_nothing(mock, client, cluster):
    before = mock.snapshot()
    updated = client.update_cluster_settings(cluster="c", settings=[])["cluster"]
    assert updated["settings"] == [{"name": "containerInsights", "value": "disabled"}]
    assert mock.snapshot() == before


def test_update_rejects_bad_settings(mock, raw, cluster):
    with rejected(mock, "InvalidParameterException", "Invalid setting 'value'"):
        raw.update_cluster(
            cluster="c", settings=[{"name": "containerInsights", "value": "enhaced"}]
        )
    with rejected(mock, "InvalidParameterException", "Invalid setting 'name'"):
        raw.update_cluster_settings(cluster="c", settings=[{"name": "x", "value": "enabled"}])
    with rejected(mock, "InvalidParameterException"):
        send(raw, "UpdateClusterSettings", {"cluster": "c"})


def test_update_configuration_replaces_the_parts_given(client, cluster):
    client.update_cluster(
        cluster="c",
        configuration={
            "executeCommandConfiguration": {"logging": "NONE"},
            "managedStorageConfiguration": {"kmsKeyId": "k"},
        },
    )
    updated = client.update_cluster(
        cluster="c", configuration={"executeCommandConfiguration": {"logging": "DEFAULT"}}
    )
    assert updated["cluster"]["configuration"] == {
        "executeCommandConfiguration": {"logging": "DEFAULT"},
        "managedStorageConfiguration": {"kmsKeyId": "k"},
    }


def test_update_rejects_a_log_configuration_without_override(mock, client, cluster):
    message = "You must set logging to 'OVERRIDE' when you supply a log configuration"
    with rejected(mock, "InvalidParameterException", message):
        client.update_cluster(
            cluster="c",
            configuration={
                "executeCommandConfiguration": {"logConfiguration": {"s3BucketName": "b"}}
            },
        )


def test_service_connect_change_and_removal(client, cluster):
    first = client.update_cluster(cluster="c", serviceConnectDefaults={"namespace": "one"})[
        "cluster"
    ]
    second = client.update_cluster(cluster="c", serviceConnectDefaults={"namespace": "two"})[
        "cluster"
    ]
    assert first["serviceConnectDefaults"] != second["serviceConnectDefaults"]
    assert [a["status"] for a in second["attachments"]] == ["DELETED", "ATTACHED"]
    removed = client.update_cluster(cluster="c", serviceConnectDefaults={"namespace": ""})[
        "cluster"
    ]
    assert "serviceConnectDefaults" not in removed
    assert [a["status"] for a in removed["attachments"]] == ["DELETED", "DELETED"]
    same = client.update_cluster(cluster="c", serviceConnectDefaults={"namespace": ""})["cluster"]
    assert len(same["attachments"]) == 2


def test_service_connect_needs_a_namespace(mock, raw, cluster):
    with rejected(mock, "InvalidParameterException"):
        raw.update_cluster(cluster="c", serviceConnectDefaults={})


def test_service_connect_rejects_a_foreign_namespace(mock, client, cluster):
    arn = "arn:aws:servicediscovery:us-west-2:123456789012:namespace/ns-abcdefghijklmnop"
    with rejected(mock, "NamespaceNotFoundException"):
        client.update_cluster(cluster="c", serviceConnectDefaults={"namespace": arn})


def test_put_replaces_providers_and_strategy(client, cluster):
    create(client, "cp1")
    create(client, "cp2")
    added = client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["cp1", "cp2"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "cp1", "weight": 1}],
    )["cluster"]
    assert added["status"] == "ACTIVE"
    assert added["attachmentsStatus"] == "UPDATE_IN_PROGRESS"
    assert [a["status"] for a in added["attachments"]] == ["PRECREATED", "PRECREATED"]
    removed = client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["cp1"], defaultCapacityProviderStrategy=[]
    )["cluster"]
    assert removed["capacityProviders"] == ["cp1"]
    assert removed["defaultCapacityProviderStrategy"] == []
    assert [a["status"] for a in removed["attachments"]] == ["CREATED", "DELETING"]
    settled = client.describe_clusters(clusters=["c"], include=["ATTACHMENTS"])["clusters"][0]
    assert [a["status"] for a in settled["attachments"]] == ["CREATED"]
    client.create_cluster(clusterName="other", capacityProviders=["cp2"])  # cp2 is free again


def test_put_empty_lists_clear_everything(client, cluster):
    client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["FARGATE"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE"}],
    )
    cleared = client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=[], defaultCapacityProviderStrategy=[]
    )
    assert (
        cleared["cluster"]["capacityProviders"],
        cleared["cluster"]["defaultCapacityProviderStrategy"],
    ) == ([], [])


def test_put_refuses_to_remove_a_provider_in_use(mock, client, cluster):
    client.put_cluster_capacity_providers(
        cluster="c",
        capacityProviders=["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[],
    )
    strategy = [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]
    (task,) = run_fargate(client, "c", capacityProviderStrategy=strategy)
    message = "The specified capacity provider is in use and cannot be removed."
    with rejected(mock, "ResourceInUseException", message):
        client.put_cluster_capacity_providers(
            cluster="c", capacityProviders=["FARGATE"], defaultCapacityProviderStrategy=[]
        )
    client.stop_task(cluster="c", task=task["taskArn"])
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["FARGATE"], defaultCapacityProviderStrategy=[]
    )


def test_put_applies_the_create_rules(mock, raw, cluster):
    with rejected(mock, "InvalidParameterException"):
        raw.put_cluster_capacity_providers(
            cluster="c", capacityProviders=["nope"], defaultCapacityProviderStrategy=[]
        )
    with rejected(mock, "InvalidParameterException"):
        raw.put_cluster_capacity_providers(
            cluster="c",
            capacityProviders=["FARGATE"],
            defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1001}],
        )
    with rejected(mock, "InvalidParameterException"):
        send(raw, "PutClusterCapacityProviders", {"cluster": "c", "capacityProviders": []})
    with rejected(mock, "InvalidParameterException"):
        send(
            raw,
            "PutClusterCapacityProviders",
            {"cluster": "c", "defaultCapacityProviderStrategy": []},
        )


def test_handle_refuses_unknown_clusters_and_providers(mock, client, cluster):
    with pytest.raises(KeyError, match="active clusters there: \\['c'\\]"):
        mock.add_container_instance("nope")
    with pytest.raises(ValueError, match="not associated"):
        mock.add_container_instance("c", capacity_provider="FARGATE")
