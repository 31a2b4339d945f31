"""DescribeClusters, ListClusters and DeleteCluster (docs/rules.md, "Clusters" and
"Pagination")."""

from __future__ import annotations

import pytest
from support import create_provider, ecs, rejected, run_fargate, send

ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/"
FIELDS = ("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS")


def names(response):
    return [cluster["clusterName"] for cluster in response["clusters"]]


def test_describe_defaults_to_the_default_cluster(client):
    assert client.describe_clusters()["failures"] == [{"arn": ARN + "default", "reason": "MISSING"}]
    client.create_cluster()
    assert names(client.describe_clusters()) == ["default"]


def test_describe_answers_in_request_order_once_each(client):
    for name in ("a", "b"):
        client.create_cluster(clusterName=name)
    response = client.describe_clusters(clusters=["b", "x", ARN + "a", "b", "a", "x"])
    assert names(response) == ["b", "a"]
    assert response["failures"] == [{"arn": ARN + "x", "reason": "MISSING"}]


def test_describe_by_arn_of_another_region_or_account_is_missing(client):
    client.create_cluster(clusterName="a")
    other = [
        "arn:aws:ecs:eu-west-1:123456789012:cluster/a",
        "arn:aws:ecs:us-east-1:999999999999:cluster/a",
    ]
    response = client.describe_clusters(clusters=other)
    assert response["clusters"] == []
    assert [f["arn"] for f in response["failures"]] == other


def test_describe_without_include_shows_empty_lists(client):
    client.create_cluster(
        clusterName="c",
        tags=[{"key": "k", "value": "v"}],
        configuration={"executeCommandConfiguration": {"logging": "NONE"}},
    )
    cluster = client.describe_clusters(clusters=["c"])["clusters"][0]
    assert cluster["statistics"] == cluster["tags"] == cluster["settings"] == []
    assert cluster["capacityProviders"] == cluster["defaultCapacityProviderStrategy"] == []
    assert "configuration" not in cluster
    assert "attachments" not in cluster
    assert "attachmentsStatus" not in cluster


def test_describe_with_every_include(mock, client):
    client.create_cluster(
        clusterName="c",
        tags=[{"key": "k", "value": "v"}],
        configuration={"executeCommandConfiguration": {"logging": "NONE"}},
    )
    run_fargate(client, "c", count=2)
    mock.add_container_instance("c")
    client.register_task_definition(
        family="ec2", containerDefinitions=[{"name": "app", "image": "nginx", "memory": 128}]
    )
    mock.timings.task_start = 60
    client.run_task(cluster="c", taskDefinition="ec2")
    cluster = client.describe_clusters(clusters=["c"], include=list(FIELDS))["clusters"][0]
    assert cluster["tags"] == [{"key": "k", "value": "v"}]
    assert cluster["settings"] == [{"name": "containerInsights", "value": "disabled"}]
    assert cluster["configuration"] == {"executeCommandConfiguration": {"logging": "NONE"}}
    assert cluster["attachments"] == []
    assert "attachmentsStatus" not in cluster
    statistics = {s["name"]: s["value"] for s in cluster["statistics"]}
    assert statistics == {
        "runningEC2TasksCount": "0",
        "runningFargateTasksCount": "2",
        "pendingEC2TasksCount": "1",
        "pendingFargateTasksCount": "0",
        "activeEC2ServiceCount": "0",
        "activeFargateServiceCount": "0",
        "drainingEC2ServiceCount": "0",
        "drainingFargateServiceCount": "0",
    }
    counts = [cluster[k] for k in ("runningTasksCount", "pendingTasksCount", "activeServicesCount")]
    assert counts == [2, 1, 0]
    assert cluster["registeredContainerInstancesCount"] == 1


def test_describe_shows_inactive_clusters(client):
    client.create_cluster(clusterName="c")
    client.delete_cluster(cluster="c")
    response = client.describe_clusters(clusters=["c"])
    assert [c["status"] for c in response["clusters"]] == ["INACTIVE"]
    assert response["failures"] == []


def test_describe_rejects_a_blank_identifier(mock, client):
    with rejected(mock, "InvalidParameterException", "Clusters can not be blank."):
        client.describe_clusters(clusters=["a", ""])


def test_describe_takes_up_to_a_hundred_identifiers(mock, client):
    assert len(client.describe_clusters(clusters=[f"c{i}" for i in range(100)])["failures"]) == 100
    with rejected(mock, "InvalidParameterException", "clusters can have at most 100 items."):
        client.describe_clusters(clusters=[f"c{i}" for i in range(101)])


def test_describe_rejects_unknown_include(mock, raw):
    with rejected(mock, "InvalidParameterException") as info:
        raw.describe_clusters(include=["TAGS", "BOGUS"])
    assert "BOGUS" in info.value.response["Error"]["Message"]


def test_list_in_creation_order_without_inactive(client):
    for name in ("b", "a", "c"):
        client.create_cluster(clusterName=name)
    client.delete_cluster(cluster="a")
    assert client.list_clusters()["clusterArns"] == [ARN + "b", ARN + "c"]


def test_list_pages(client):
    for i in range(7):
        client.create_cluster(clusterName=f"c{i}")
    first = client.list_clusters(maxResults=3)
    assert first["clusterArns"] == [ARN + f"c{i}" for i in range(3)]
    second = client.list_clusters(maxResults=3, nextToken=first["nextToken"])
    third = client.list_clusters(maxResults=3, nextToken=second["nextToken"])
    assert third["clusterArns"] == [ARN + "c6"]
    assert "nextToken" not in third


def test_list_page_size_defaults_to_a_hundred(client):
    for i in range(101):
        client.create_cluster(clusterName=f"c{i}")
    page = client.list_clusters()
    assert len(page["clusterArns"]) == 100
    assert "nextToken" in page


def test_paginator_walks_everything(client):
    for i in range(25):
        client.create_cluster(clusterName=f"c{i}")
    paginator = client.get_paginator("list_clusters")
    arns = [
        arn
        for page in paginator.paginate(PaginationConfig={"PageSize": 4})
        for arn in page["clusterArns"]
    ]
    assert arns == [ARN + f"c{i}" for i in range(25)]


def test_pagination_is_stable_while_clusters_come_and_go(client):
    for i in range(10):
        client.create_cluster(clusterName=f"c{i}")
    page = client.list_clusters(maxResults=4)
    seen = list(page["clusterArns"])
    client.delete_cluster(cluster="c1")  # already returned
    client.delete_cluster(cluster="c5")  # not yet returned: never shown
    client.create_cluster(clusterName="new")
    client.delete_cluster(cluster="c0")
    client.create_cluster(clusterName="c0")  # re-created: keeps its place, not shown twice
    while "nextToken" in page:
        page = client.list_clusters(maxResults=4, nextToken=page["nextToken"])
        seen += page["clusterArns"]
    assert len(seen) == len(set(seen))
    assert {ARN + f"c{i}" for i in (2, 3, 4, 6, 7, 8, 9)} | {ARN + "new"} <= set(seen)
    assert ARN + "c5" not in seen


@pytest.mark.parametrize("size", [0, 101, -1])
def test_list_rejects_page_sizes_out_of_range(mock, raw, size):
    with rejected(mock, "InvalidParameterException"):
        raw.list_clusters(maxResults=size)


@pytest.mark.parametrize("token", ["bogus", "", "YWJj", "TGlzdENsdXN0ZXJzOjA6YWJj"])
def test_list_rejects_tokens_it_did_not_issue(mock, client, token):
    with rejected(mock, "InvalidParameterException", f"Invalid token {token}"):
        client.list_clusters(nextToken=token)


def test_tokens_belong_to_their_region_and_operation(mock, client):
    for i in range(3):
        client.create_cluster(clusterName=f"c{i}")
    token = client.list_clusters(maxResults=1)["nextToken"]
    with rejected(mock, "InvalidParameterException", f"Invalid token {token}"):
        ecs("us-west-2").list_clusters(nextToken=token)
    with rejected(mock, "InvalidParameterException", f"Invalid token {token}"):
        client.list_account_settings(nextToken=token)


def test_delete_returns_the_inactive_cluster(client):
    client.create_cluster(clusterName="c", tags=[{"key": "k", "value": "v"}])
    cluster = client.delete_cluster(cluster=ARN + "c")["cluster"]
    assert (cluster["status"], cluster["tags"], cluster["clusterName"]) == ("INACTIVE", [], "c")


def test_deleting_an_inactive_cluster_returns_it_again(client):
    client.create_cluster(clusterName="c")
    client.delete_cluster(cluster="c")
    assert client.delete_cluster(cluster="c")["cluster"]["status"] == "INACTIVE"


@pytest.mark.parametrize(
    "identifier", ["nope", ARN + "nope", "arn:aws:ecs:eu-west-1:123456789012:cluster/c"]
)
def test_delete_unknown_cluster(mock, client, identifier):
    client.create_cluster(clusterName="c")
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        client.delete_cluster(cluster=identifier)


def test_delete_refuses_while_a_task_has_not_stopped(mock, client):
    """docs/rules.md, "Clusters": a task PENDING, RUNNING or STOPPING keeps its cluster."""
    client.create_cluster(clusterName="c")
    mock.timings.task_start = mock.timings.task_stop = 60
    (task,) = run_fargate(client, "c")
    message = "The Cluster cannot be deleted while Tasks are active."
    with rejected(mock, "ClusterContainsTasksException", message):
        client.delete_cluster(cluster="c")  # PENDING
    mock.shift(60)
    client.stop_task(cluster="c", task=task["taskArn"])
    with rejected(mock, "ClusterContainsTasksException", message):
        client.delete_cluster(cluster="c")  # STOPPING
    mock.shift(60)
    assert client.delete_cluster(cluster="c")["cluster"]["status"] == "INACTIVE"


def test_delete_needs_a_cluster(mock, raw):
    with rejected(
        mock,
        "InvalidParameterException",
        "cluster is a required parameter. Specify a value and try again.",
    ):
        send(raw, "DeleteCluster", {})


SCOPED = (
    "The Cluster cannot be deleted while Cluster Scoped Capacity Providers are attached to the "
    "cluster."
)


def test_delete_refuses_while_an_auto_scaling_provider_is_attached(mock, client):
    create_provider(client, "cp")
    client.create_cluster(clusterName="c", capacityProviders=["cp", "FARGATE"])
    with rejected(mock, "ClientException", SCOPED):
        client.delete_cluster(cluster="c")
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["FARGATE"], defaultCapacityProviderStrategy=[]
    )
    assert client.delete_cluster(cluster="c")["cluster"]["status"] == "INACTIVE"  # FARGATE: fine


@pytest.mark.parametrize("suffix", ["\n", " ", "/x"])
def test_an_arn_with_anything_after_it_names_no_cluster(mock, client, suffix):
    client.create_cluster(clusterName="c")
    failures = client.describe_clusters(clusters=[ARN + "c" + suffix])["failures"]
    assert [f["reason"] for f in failures] == ["MISSING"]
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        client.delete_cluster(cluster=ARN + "c" + suffix)


def test_list_pages_cost_nothing_of_deleted_clusters_and_stay_whole(client):
    """ListClusters resumes after the last cluster it returned (docs/rules.md, "Pagination"):
    deletions behind or ahead of the walk skip nothing."""
    for i in range(6):
        client.create_cluster(clusterName=f"c{i}")
    first = client.list_clusters(maxResults=2)
    client.delete_cluster(cluster="c1")
    client.delete_cluster(cluster="c3")
    rest = client.list_clusters(nextToken=first["nextToken"])
    assert rest["clusterArns"] == [ARN + "c2", ARN + "c4", ARN + "c5"]
