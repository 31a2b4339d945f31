"""Container instances: registered by the agent's call or the handle, described, listed, drained,
deregistered and updated (docs/rules.md, "Container instances")."""

from __future__ import annotations

import json

import pytest
from support import create_provider, rejected

from ecsmock import mock_ecs
from ecsmock.lifecycle.container_instances import LATEST_AGENT

CI_ARN = "arn:aws:ecs:us-east-1:123456789012:container-instance/"
DOCUMENT_HELP = " Pass the document the instance metadata service returns, or none."
RESOURCE_HELP = (
    " Specify each resource with a name, a type (INTEGER, LONG, DOUBLE or STRINGSET) and a value "
    "of that type, 0 or more."
)
FILTER_HELP = " See the cluster query language in the Amazon ECS Developer Guide."
DOCUMENT = json.dumps(
    {
        "instanceId": "i-0123456789abcdef0",
        "region": "us-east-1",
        "availabilityZone": "us-east-1b",
        "instanceType": "m5.large",
        "imageId": "ami-0abc",
        "architecture": "x86_64",
    }
)


def register(client, cluster="c", **kwargs):
    kwargs.setdefault("instanceIdentityDocument", DOCUMENT)
    return client.register_container_instance(cluster=cluster, **kwargs)["containerInstance"]


def test_registering_reads_the_identity_document(client, cluster, mock):
    """docs/rules.md, "Container instances": what the agent's call registers."""
    instance = register(
        client,
        versionInfo={"agentVersion": "1.90.0", "agentHash": "abc", "dockerVersion": "25.0.8"},
        tags=[{"key": "k", "value": "v"}],
        attributes=[{"name": "stack", "value": "prod"}, {"name": "gpu"}],
    )
    instance_id = instance["containerInstanceArn"].rpartition("/")[2]
    assert instance["containerInstanceArn"] == f"{CI_ARN}c/{instance_id}"
    assert len(instance_id) == 32
    assert int(instance_id, 16) >= 0
    assert instance["ec2InstanceId"] == "i-0123456789abcdef0"
    assert instance["status"] == "ACTIVE"
    assert instance["agentConnected"] is True
    assert instance["version"] == 1
    assert instance["tags"] == [{"key": "k", "value": "v"}]
    assert instance["attachments"] == []
    assert (instance["runningTasksCount"], instance["pendingTasksCount"]) == (0, 0)
    assert instance["remainingResources"] == instance["registeredResources"]
    assert instance["registeredResources"] == [
        {
            "name": "CPU",
            "type": "INTEGER",
            "doubleValue": 0.0,
            "longValue": 0,
            "integerValue": 2048,
        },
        {
            "name": "MEMORY",
            "type": "INTEGER",
            "doubleValue": 0.0,
            "longValue": 0,
            "integerValue": 3904,
        },
        {
            "name": "PORTS",
            "type": "STRINGSET",
            "doubleValue": 0.0,
            "longValue": 0,
            "integerValue": 0,
            "stringSetValue": ["22", "2376", "2375", "51678", "51679"],
        },
        {
            "name": "PORTS_UDP",
            "type": "STRINGSET",
            "doubleValue": 0.0,
            "longValue": 0,
            "integerValue": 0,
            "stringSetValue": [],
        },
    ]
    attributes = {a["name"]: a.get("value") for a in instance["attributes"]}
    assert attributes["ecs.instance-type"] == "m5.large"
    assert attributes["ecs.availability-zone"] == "us-east-1b"
    assert attributes["ecs.ami-id"] == "ami-0abc"
    assert attributes["ecs.os-type"] == "linux"
    assert attributes["ecs.cpu-architecture"] == "x86_64"
    assert attributes["stack"] == "prod"
    assert "gpu" in attributes
    assert attributes["gpu"] is None
    assert "ecs.capability.task-eni" in attributes
    assert "agentUpdateStatus" not in instance


def test_resources_are_registered_as_given(client, cluster):
    instance = register(
        client,
        totalResources=[
            {"name": "CPU", "type": "INTEGER", "integerValue": 4096},
            {"name": "GPU", "type": "STRINGSET", "stringSetValue": ["0"]},
            {"name": "DISK", "type": "LONG", "longValue": 100},
            {"name": "SPEED", "type": "DOUBLE", "doubleValue": 1.5},
            {"name": "EMPTY", "type": "INTEGER"},
        ],
    )
    resources = {r["name"]: r for r in instance["registeredResources"]}
    assert [r["name"] for r in instance["registeredResources"]] == [
        "CPU", "MEMORY", "PORTS", "PORTS_UDP", "GPU", "DISK", "SPEED", "EMPTY"
    ]  # fmt: skip
    assert resources["CPU"]["integerValue"] == 4096
    assert resources["GPU"]["stringSetValue"] == ["0"]
    assert resources["DISK"]["longValue"] == 100
    assert resources["SPEED"]["doubleValue"] == 1.5
    assert resources["EMPTY"]["integerValue"] == 0


def test_without_a_document_the_instance_gets_defaults(client):
    client.create_cluster()
    instance = client.register_container_instance()["containerInstance"]
    assert instance["ec2InstanceId"].startswith("i-")
    assert len(instance["ec2InstanceId"]) == 19
    attributes = {a["name"]: a.get("value") for a in instance["attributes"]}
    assert attributes["ecs.availability-zone"] == "us-east-1a"
    assert attributes["ecs.instance-type"] == "t3.medium"
    assert "ecs.ami-id" not in attributes
    assert "/default/" in instance["containerInstanceArn"]


def test_re_registering_keeps_the_instance(client, cluster):
    first = register(client, attributes=[{"name": "a", "value": "1"}])
    again = register(
        client,
        containerInstanceArn=first["containerInstanceArn"],
        attributes=[{"name": "b", "value": "2"}],
        versionInfo={"agentVersion": "1.91.0"},
    )
    assert again["containerInstanceArn"] == first["containerInstanceArn"]
    assert again["version"] == 2
    assert again["versionInfo"] == {"agentVersion": "1.91.0"}
    names = {a["name"] for a in again["attributes"]}
    assert {"a", "b"} <= names


REGISTER_REFUSALS = [
    (
        {"instanceIdentityDocument": "{not json"},
        "The instance identity document is not valid: not a JSON object." + DOCUMENT_HELP,
    ),
    (
        {"instanceIdentityDocument": json.dumps({"instanceId": 5})},
        "The instance identity document is not valid: instanceId is not a non-empty string."
        + DOCUMENT_HELP,
    ),
    (
        {"instanceIdentityDocument": json.dumps({"region": "eu-west-1"})},
        "The instance identity document is for Region eu-west-1; this is us-east-1. Register the "
        "instance in its own Region.",
    ),
    (
        {"totalResources": [{"name": "", "type": "INTEGER"}]},
        "Invalid resource '': no name." + RESOURCE_HELP,
    ),
    (
        {"totalResources": [{"name": "CPU", "type": "FLOAT"}]},
        "Invalid resource CPU: type must be one of INTEGER, LONG, DOUBLE, STRINGSET."
        + RESOURCE_HELP,
    ),
    (
        {"attributes": [{"name": f"a{n}", "value": "v"} for n in range(11)]},
        "An instance can have up to 10 custom attributes. Register it with fewer and try again.",
    ),
    (
        {"attributes": [{"name": "bad name"}]},
        "Invalid attribute name 'bad name'. An attribute name must contain between 1 and 128 "
        "characters: letters, numbers, hyphens, underscores, forward slashes, back slashes, or "
        "periods.",
    ),
]


@pytest.mark.parametrize(("change", "message"), REGISTER_REFUSALS)
def test_registering_bad_input_is_refused(client, cluster, mock, change, message):
    with rejected(mock, "InvalidParameterException", message):
        register(client, **change)


def test_re_registering_an_unknown_instance_is_refused(client, cluster, mock):
    message = (
        "The specified container instance nope was not found in cluster c. Specify a valid "
        "container instance and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        register(client, containerInstanceArn="nope")


def test_re_registering_past_the_attribute_limit_is_refused(client, cluster, mock):
    first = register(client, attributes=[{"name": f"a{n}", "value": "v"} for n in range(10)])
    message = (
        "An instance can have up to 10 custom attributes. Register it with fewer and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        register(
            client,
            containerInstanceArn=first["containerInstanceArn"],
            attributes=[{"name": "one-more", "value": "v"}],
        )


def test_registering_needs_an_active_cluster(client, mock):
    with rejected(mock, "ClusterNotFoundException", "Cluster not found."):
        register(client, cluster="nope")


def test_short_arns_follow_the_account_setting(client, cluster):
    """docs/rules.md, "Container instances": containerInstanceLongArnFormat."""
    client.put_account_setting(name="containerInstanceLongArnFormat", value="disabled")
    instance = register(client)
    instance_id = instance["containerInstanceArn"].rpartition("/")[2]
    assert instance["containerInstanceArn"] == CI_ARN + instance_id
    described = client.describe_container_instances(cluster="c", containerInstances=[instance_id])
    assert described["containerInstances"][0]["containerInstanceArn"] == CI_ARN + instance_id


def test_the_cluster_counts_its_registered_instances(client, cluster, mock):
    """docs/rules.md, "Container instances": counts follow the instances."""
    first = register(client)
    register(client)

    def count():
        return client.describe_clusters(clusters=["c"])["clusters"][0][
            "registeredContainerInstancesCount"
        ]

    assert count() == 2
    message = "The Cluster cannot be deleted while Container Instances are active or draining."
    with rejected(mock, "ClusterContainsContainerInstancesException", message):
        client.delete_cluster(cluster="c")
    client.deregister_container_instance(
        cluster="c", containerInstance=first["containerInstanceArn"]
    )
    assert count() == 1


def test_describe_answers_found_and_missing(client, cluster):
    instance = register(client)
    arn = instance["containerInstanceArn"]
    instance_id = arn.rpartition("/")[2]
    response = client.describe_container_instances(
        cluster="c", containerInstances=[arn, instance_id, "nope"], include=["TAGS"]
    )
    assert [i["containerInstanceArn"] for i in response["containerInstances"]] == [arn]
    assert response["failures"] == [{"arn": CI_ARN + "c/nope", "reason": "MISSING"}]
    client.create_cluster(clusterName="other")
    elsewhere = client.describe_container_instances(cluster="other", containerInstances=[arn])
    assert elsewhere["failures"] == [{"arn": arn, "reason": "MISSING"}]
    foreign = arn.replace("us-east-1", "eu-west-1")
    abroad = client.describe_container_instances(cluster="c", containerInstances=[foreign])
    assert abroad["failures"] == [{"arn": foreign, "reason": "MISSING"}]


def test_describe_shows_health_on_request(client, cluster, mock):
    instance = register(client)
    arn = instance["containerInstanceArn"]
    plain = client.describe_container_instances(cluster="c", containerInstances=[arn])
    assert "healthStatus" not in plain["containerInstances"][0]
    assert plain["containerInstances"][0]["tags"] == []
    healthy = client.describe_container_instances(
        cluster="c", containerInstances=[arn], include=["CONTAINER_INSTANCE_HEALTH"]
    )["containerInstances"][0]["healthStatus"]
    assert healthy["overallStatus"] == "OK"
    assert healthy["details"][0]["type"] == "CONTAINER_RUNTIME"


def test_describe_takes_one_to_a_hundred_instances(client, raw, cluster, mock):
    with rejected(mock, "InvalidParameterException", "Container instance cannot be empty."):
        client.describe_container_instances(cluster="c", containerInstances=[])
    with rejected(mock, "InvalidParameterException", "instanceIds can have at most 100 items."):
        client.describe_container_instances(cluster="c", containerInstances=["x"] * 101)
    message = "containerInstances is a required parameter. Specify a value and try again."
    with rejected(mock, "InvalidParameterException", message):
        raw.describe_container_instances(cluster="c")
    message = (
        "Invalid value for include[0]: 'ALL'. Valid values are TAGS, CONTAINER_INSTANCE_HEALTH."
    )
    with rejected(mock, "InvalidParameterException", message):
        raw.describe_container_instances(cluster="c", containerInstances=["x"], include=["ALL"])


def test_list_pages_through_a_clusters_instances(client, cluster):
    arns = [register(client)["containerInstanceArn"] for _ in range(5)]
    client.create_cluster(clusterName="other")
    register(client, cluster="other")
    paginator = client.get_paginator("list_container_instances")
    pages = list(paginator.paginate(cluster="c", PaginationConfig={"PageSize": 2}))
    assert [len(page["containerInstanceArns"]) for page in pages] == [2, 2, 1]
    assert [arn for page in pages for arn in page["containerInstanceArns"]] == arns


def test_list_filters_by_status_and_expression(client, cluster):
    small = register(client)["containerInstanceArn"]
    document = json.loads(DOCUMENT) | {
        "instanceType": "c5.xlarge",
        "availabilityZone": "us-east-1c",
    }
    large = register(client, instanceIdentityDocument=json.dumps(document))["containerInstanceArn"]
    client.update_container_instances_state(
        cluster="c", containerInstances=[large], status="DRAINING"
    )

    def listed(**kwargs):
        return client.list_container_instances(cluster="c", **kwargs)["containerInstanceArns"]

    assert listed() == [small, large]
    assert listed(status="DRAINING") == [large]
    assert listed(filter="attribute:ecs.instance-type == m5.large") == [small]
    assert listed(filter="attribute:ecs.instance-type =~ c5.*") == [large]
    assert listed(filter="attribute:ecs.availability-zone in [us-east-1b, us-east-1d]") == [small]
    assert listed(filter="not(attribute:ecs.instance-type == m5.large)") == [large]
    assert listed(filter="attribute:ecs.capability.task-eni exists") == [small, large]
    assert listed(filter="attribute:stack !exists and agentConnected == true") == [small, large]
    assert listed(filter="ec2InstanceId == i-0123456789abcdef0 or runningTasksCount > 5") == [
        small,
        large,
    ]
    assert listed(filter="registeredAt < 2000-01-01") == []
    assert listed(filter="registeredAt > 2000-01-01T00:00:00+00:00") == [small, large]
    assert listed(filter="agentVersion exists or task:group exists") == []


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("size == 1", "unknown subject 'size'"),
        ("ec2InstanceId", "it ends too early"),
        ("ec2InstanceId is 1", "expected an operator"),
        ("(ec2InstanceId == 1", "it ends too early"),
        ("ec2InstanceId == 1 )", "unexpected ')'"),
        ("runningTasksCount > many", "'many' is not a number or a date"),
        ("ec2InstanceId in [a b]", "expected ']'"),
        ("ec2InstanceId == ]", "expected a value"),
        ("ec2InstanceId ~ 1", "unexpected '~'"),
    ],
)
def test_a_bad_filter_is_refused(client, cluster, mock, expression, reason):
    message = f"Invalid filter expression {expression!r}: {reason}." + FILTER_HELP
    with rejected(mock, "InvalidParameterException", message):
        client.list_container_instances(cluster="c", filter=expression)


def test_draining_and_back(client, cluster):
    """docs/rules.md, "Container instances": only ACTIVE and DRAINING can be asked for."""
    arn = register(client)["containerInstanceArn"]
    response = client.update_container_instances_state(
        cluster="c", containerInstances=[arn, "nope"], status="DRAINING"
    )
    [drained] = response["containerInstances"]
    assert (drained["status"], drained["version"]) == ("DRAINING", 2)
    assert response["failures"] == [{"arn": CI_ARN + "c/nope", "reason": "MISSING"}]
    again = client.update_container_instances_state(
        cluster="c", containerInstances=[arn], status="DRAINING"
    )
    assert again["containerInstances"][0]["version"] == 2
    back = client.update_container_instances_state(
        cluster="c", containerInstances=[arn], status="ACTIVE"
    )
    assert back["containerInstances"][0]["status"] == "ACTIVE"
    client.deregister_container_instance(cluster="c", containerInstance=arn)
    gone = client.update_container_instances_state(
        cluster="c", containerInstances=[arn], status="ACTIVE"
    )
    assert gone == {"containerInstances": [], "failures": [{"arn": arn, "reason": "INACTIVE"}]} | {
        "ResponseMetadata": gone["ResponseMetadata"]
    }


def test_updating_the_state_is_checked(client, raw, cluster, mock):
    with rejected(mock, "InvalidParameterException", "instanceIds can have at most 10 items."):
        client.update_container_instances_state(
            cluster="c", containerInstances=["x"] * 11, status="DRAINING"
        )
    message = (
        "Container instances can only be updated to ACTIVE or DRAINING. Specify one of them and "
        "try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        client.update_container_instances_state(
            cluster="c", containerInstances=["x"], status="REGISTERING"
        )
    message = "status is a required parameter. Specify a value and try again."
    with rejected(mock, "InvalidParameterException", message):
        raw.update_container_instances_state(cluster="c", containerInstances=["x"])


def test_deregistering_makes_an_instance_inactive(client, cluster, mock):
    arn = register(client)["containerInstanceArn"]
    gone = client.deregister_container_instance(cluster="c", containerInstance=arn, force=True)
    assert gone["containerInstance"]["status"] == "INACTIVE"
    assert client.list_container_instances(cluster="c")["containerInstanceArns"] == []
    described = client.describe_container_instances(cluster="c", containerInstances=[arn])
    assert described["containerInstances"][0]["status"] == "INACTIVE"
    message = (
        f"The specified container instance {arn} was not found in cluster c. Specify a valid "
        "container instance and try again."
    )
    with rejected(mock, "InvalidParameterException", message):
        client.deregister_container_instance(cluster="c", containerInstance=arn)
    assert mock.container_instances("c")[arn.rpartition("/")[2]]["status"] == "INACTIVE"


def test_the_agent_updates_when_an_update_exists(client, cluster, mock):
    """docs/rules.md, "Container instances": PENDING, then UPDATED to the latest agent."""
    mock.timings.container_agent_update = 60
    arn = register(client, versionInfo={"agentVersion": "1.70.0"})["containerInstanceArn"]
    updating = client.update_container_agent(cluster="c", containerInstance=arn)
    assert updating["containerInstance"]["agentUpdateStatus"] == "PENDING"
    message = (
        "There's already a current Amazon ECS container agent update in progress on the "
        "container instance that's specified."
    )
    with rejected(mock, "UpdateInProgressException", message):
        client.update_container_agent(cluster="c", containerInstance=arn)
    mock.shift(60)
    [updated] = client.describe_container_instances(cluster="c", containerInstances=[arn])[
        "containerInstances"
    ]
    assert updated["agentUpdateStatus"] == "UPDATED"
    assert updated["versionInfo"] == LATEST_AGENT
    assert updated["version"] == 3  # registered, PENDING, UPDATED
    message = "There is no update available for your container agent."
    with rejected(mock, "NoUpdateAvailableException", message):
        client.update_container_agent(cluster="c", containerInstance=arn)


def test_an_agent_of_unknown_version_cannot_update(client, cluster, mock):
    arn = register(client)["containerInstanceArn"]
    message = (
        "Amazon ECS can't determine the current version of the Amazon ECS container agent on the "
        "container instance and doesn't have enough information to proceed with an update."
    )
    with rejected(mock, "MissingVersionException", message):
        client.update_container_agent(cluster="c", containerInstance=arn)


def test_the_handle_adds_an_instance_in_one_line(client, mock):
    """docs/usage.md, "The handle"."""
    client.create_cluster(clusterName="c")
    create_provider(client, "cp")
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["cp"], defaultCapacityProviderStrategy=[]
    )
    instance = mock.add_container_instance(
        "c",
        cpu=4096,
        memory=8000,
        instance_type="c5.xlarge",
        availability_zone="us-east-1c",
        architecture="arm64",
        attributes={"stack": "prod", "gpu": None},
        capacity_provider="cp",
    )
    assert instance["capacityProviderName"] == "cp"
    resources = {r["name"]: r.get("integerValue") for r in instance["registeredResources"]}
    assert (resources["CPU"], resources["MEMORY"]) == (4096, 8000)
    attributes = {a["name"]: a.get("value") for a in instance["attributes"]}
    assert attributes["ecs.cpu-architecture"] == "arm64"
    assert attributes["stack"] == "prod"
    described = client.describe_container_instances(
        cluster="c", containerInstances=[instance["containerInstanceArn"]]
    )["containerInstances"][0]
    assert described["capacityProviderName"] == "cp"
    message = "There is no update available for your container agent."
    with rejected(mock, "NoUpdateAvailableException", message):
        client.update_container_agent(
            cluster="c", containerInstance=instance["containerInstanceArn"]
        )


def test_the_handle_refuses_what_the_api_would(client, mock):
    client.create_cluster(clusterName="c")
    with pytest.raises(ValueError, match="not associated with cluster 'c'"):
        mock.add_container_instance("c", capacity_provider="cp")
    with pytest.raises(ValueError, match="InvalidParameterException: Invalid attribute name"):
        mock.add_container_instance("c", attributes={"bad name": None})
    with pytest.raises(KeyError, match="no active cluster 'nope'"):
        mock.add_container_instance("nope")
    assert mock.container_instances("c") == {}


def test_hostile_documents_and_filters_are_refused(client, cluster, mock):
    """docs/rules.md, "Container instances": never a traceback."""
    message = "The instance identity document is not valid: not a JSON object." + DOCUMENT_HELP
    with rejected(mock, "InvalidParameterException", message):
        register(client, instanceIdentityDocument="[" * 100_000 + "]" * 100_000)
    refusals = {
        "(" * 60 + "agentConnected == true" + ")" * 60: "it nests more than 50 deep",
        "not " * 3000 + "agentConnected == true": "it nests more than 50 deep",
        "ec2InstanceId in [,]": "expected a value",
        "ec2InstanceId in []": "expected a value",
        "runningTasksCount > \u0661\u0662": "'\u0661\u0662' is not a number or a date",
    }
    for expression, reason in refusals.items():
        message = f"Invalid filter expression {expression!r}: {reason}." + FILTER_HELP
        with rejected(mock, "InvalidParameterException", message):
            client.list_container_instances(cluster="c", filter=expression)


@pytest.mark.parametrize("value", ["off", "disabled"])
def test_either_word_for_off_gives_short_arns(client, cluster, value):
    client.put_account_setting(name="containerInstanceLongArnFormat", value=value)
    arn = register(client)["containerInstanceArn"]
    assert arn.count("/") == 1
    client.put_account_setting(name="containerInstanceLongArnFormat", value="on")
    assert register(client)["containerInstanceArn"].count("/") == 2


def test_re_registering_merges_tags(client, cluster, mock):
    first = register(client, tags=[{"key": "a", "value": "1"}])
    arn = first["containerInstanceArn"]
    again = register(client, containerInstanceArn=arn, tags=[{"key": "b", "value": "2"}])
    assert again["tags"] == [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]
    more = [{"key": f"k{n}", "value": "v"} for n in range(49)]
    message = (
        "The number of tags exceeds the limit of 50 tags per resource. Remove some tags and try "
        "again."
    )
    with rejected(mock, "InvalidParameterException", message):
        register(client, containerInstanceArn=arn, tags=more)


def test_a_cluster_created_again_starts_without_instances(client, cluster, mock):
    arn = register(client)["containerInstanceArn"]
    client.deregister_container_instance(cluster="c", containerInstance=arn)
    client.delete_cluster(cluster="c")
    client.create_cluster(clusterName="c")
    described = client.describe_container_instances(cluster="c", containerInstances=[arn])
    assert described["failures"] == [{"arn": arn, "reason": "MISSING"}]
    assert mock.container_instances("c") == {}
    fresh = register(client)["containerInstanceArn"]
    assert client.list_container_instances(cluster="c")["containerInstanceArns"] == [fresh]


@pytest.mark.parametrize(
    ("resource", "reason"),
    [
        ({"name": "CPU", "type": "STRINGSET", "stringSetValue": ["1"]}, "type must be INTEGER"),
        ({"name": "GPU", "type": "INTEGER", "integerValue": -5}, "it is negative"),
    ],
)
def test_resources_are_checked(client, cluster, mock, resource, reason):
    message = f"Invalid resource {resource['name']}: {reason}." + RESOURCE_HELP
    with rejected(mock, "InvalidParameterException", message):
        register(client, totalResources=[resource])


def test_a_double_resource_defaults_to_a_double(client, cluster):
    instance = register(client, totalResources=[{"name": "SPEED", "type": "DOUBLE"}])
    assert isinstance(instance["registeredResources"][-1]["doubleValue"], float)


def test_an_id_with_a_slash_is_not_an_id(client, cluster):
    arn = register(client)["containerInstanceArn"]
    slashed = "c/" + arn.rpartition("/")[2]
    response = client.describe_container_instances(cluster="c", containerInstances=[slashed])
    assert response["containerInstances"] == []


def test_the_handle_checks_its_arguments(client, cluster, mock):
    with pytest.raises(ValueError, match="cpu is a whole number"):
        mock.add_container_instance("c", cpu=0)
    with pytest.raises(ValueError, match="memory is a whole number"):
        mock.add_container_instance("c", memory=True)
    with pytest.raises(ValueError, match="not an Availability Zone of us-east-1"):
        mock.add_container_instance("c", availability_zone="eu-west-1a")
    instance = mock.add_container_instance("c")
    by_arn = mock.container_instances("arn:aws:ecs:us-east-1:123456789012:cluster/c")
    assert list(by_arn.values()) == [instance]
    assert mock.container_instances("nope") == {}


def test_deregistering_drops_a_pending_agent_update(client, cluster, mock):
    mock.timings.container_agent_update = 60
    arn = register(client, versionInfo={"agentVersion": "1.70.0"})["containerInstanceArn"]
    client.update_container_agent(cluster="c", containerInstance=arn)
    gone = client.deregister_container_instance(cluster="c", containerInstance=arn)
    assert mock.pending == 0
    mock.shift(60)
    [after] = client.describe_container_instances(cluster="c", containerInstances=[arn])[
        "containerInstances"
    ]
    assert after == gone["containerInstance"]


def test_a_refused_handle_call_draws_no_id():
    """docs/usage.md, "Time": a seeded run gives the same ids, whatever was refused."""
    arns = []
    for refuse_first in (False, True):
        with mock_ecs(seed=7) as ecs:
            ecs.client().create_cluster()
            if refuse_first:
                with pytest.raises(ValueError, match="custom attributes"):
                    ecs.add_container_instance(attributes={f"a{n}": None for n in range(11)})
            arns.append(ecs.add_container_instance()["containerInstanceArn"])
    assert arns[0] == arns[1]
