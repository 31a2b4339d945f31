"""Property-based: whatever JSON reaches ecsmock, every served operation answers 200 with a valid
body or an AWS-style 4xx, a 4xx changes nothing, and no answer leaves an index or a count that
disagrees with the stores. The world has a cluster, providers, a task definition, a container
instance and a task to aim at."""

from __future__ import annotations

import botocore.session
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import create_provider, ecs, send

from ecsmock import mock_ecs
from ecsmock.operations import OPERATIONS

MODEL = botocore.session.get_session().get_service_model("ecs")
EXAMPLES = 40
UNSERVED_FEATURES = {"managedInstancesProvider"}  # raises UnservedOperationError, by design

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.text(alphabet="abcFARGATE_-:/", max_size=300),
    st.sampled_from(
        [
            "c",
            "cp",
            "FARGATE",
            "default",
            "arn:aws:ecs:us-east-1:123456789012:cluster/c",
            "arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp",
            "containerInsights",
            "enabled",
            "TAGS",
            "OVERRIDE",
            "",
            "aws:x",
            "web",
            "web:1",
            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
            "1 vCPU",
            "awsvpc",
            "container-instance",
            "attribute:ecs.os-type == linux",
        ]
    ),
)
json_values = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def bodies(operation: str) -> st.SearchStrategy[dict]:
    members = sorted(set(MODEL.operation_model(operation).input_shape.members) - UNSERVED_FEATURES)
    known = st.dictionaries(st.sampled_from(members), json_values, max_size=len(members))
    extra = st.dictionaries(st.text(max_size=8), json_values, max_size=2)
    return st.builds(lambda a, b: {**b, **a}, known, extra)


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_any_body_gets_a_valid_answer_or_a_clean_4xx(operation):
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(body=bodies(operation))
    def check(body):
        with mock_ecs() as mock:
            client = ecs(validate=False)
            client.create_cluster(clusterName="c", capacityProviders=["FARGATE"])
            create_provider(client, "cp")
            client.register_task_definition(
                family="web", containerDefinitions=[{"name": "w", "image": "i", "memory": 8}]
            )
            mock.add_container_instance("c")
            client.run_task(cluster="c", taskDefinition="web")
            before = mock.snapshot()
            try:
                send(client, operation, body)
                status = 200  # the body was checked against the model on its way in
            except ClientError as error:
                status = error.response["ResponseMetadata"]["HTTPStatusCode"]
            if status != 200:
                assert 400 <= status < 500
                assert mock.snapshot() == before, (operation, body)
            assert mock._audit() == [], (operation, body)

    check()
