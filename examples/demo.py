"""Create, describe, list and delete an ECS cluster under ecsmock, and print what AWS answers."""

import json

import boto3

from ecsmock import mock_ecs


def show(title: str, response: dict) -> None:
    response.pop("ResponseMetadata", None)
    print(f"--- {title}\n{json.dumps(response, indent=2)}")


with mock_ecs() as ecs:
    client = boto3.client("ecs", region_name="us-east-1")
    show(
        "create_cluster",
        client.create_cluster(clusterName="demo", tags=[{"key": "team", "value": "web"}]),
    )
    show(
        "describe_clusters",
        client.describe_clusters(clusters=["demo", "missing"], include=["TAGS"]),
    )
    show("list_clusters", client.list_clusters())
    show("delete_cluster", client.delete_cluster(cluster="demo"))
    try:
        client.delete_cluster(cluster="missing")
    except client.exceptions.ClusterNotFoundException as error:
        print(f"--- delete_cluster(missing)\n{error}")
