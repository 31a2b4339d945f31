"""ecsmock: serve boto3's Amazon ECS calls in-process, with the answers real AWS gives.

from ecsmock import mock_ecs

@mock_ecs
def test_create():
    ecs = boto3.client("ecs", region_name="us-east-1")
    assert ecs.create_cluster(clusterName="prod")["cluster"]["status"] == "ACTIVE"
"""

from ecsmock.errors import (
    EcsMockError,
    MockLeftRunningWarning,
    NetworkBlockedError,
    UnservedOperationError,
)
from ecsmock.mock import EcsMock, mock_ecs
from ecsmock.state import Quotas

__all__ = [
    "EcsMock",
    "EcsMockError",
    "MockLeftRunningWarning",
    "NetworkBlockedError",
    "Quotas",
    "UnservedOperationError",
    "mock_ecs",
]
