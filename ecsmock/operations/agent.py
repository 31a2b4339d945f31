"""The calls only the container agent makes: DiscoverPollEndpoint, SubmitTaskStateChange,
SubmitContainerStateChange and SubmitAttachmentStateChanges. ecsmock has no agent session to
poll, so it answers with the endpoints' addresses and acknowledges what the agent reports."""

from __future__ import annotations

from ecsmock import arns, validation
from ecsmock.models import Json
from ecsmock.params import Params
from ecsmock.state.region import RegionState

ACKNOWLEDGED = {"acknowledgment": "ACK"}


def discover_poll_endpoint(state: RegionState, request: Params) -> Json:
    request.checked("DiscoverPollEndpointRequest")
    suffix = arns.dns_suffix(state.region)
    return {
        "endpoint": f"https://ecs-a-1.{state.region}.{suffix}/",
        "telemetryEndpoint": f"https://ecs-t-1.{state.region}.{suffix}/",
        "serviceConnectEndpoint": f"https://ecs-sc.{state.region}.{suffix}",
    }


def submit_task_state_change(state: RegionState, request: Params) -> Json:
    return _acknowledge(state, request, "SubmitTaskStateChangeRequest")


def submit_container_state_change(state: RegionState, request: Params) -> Json:
    return _acknowledge(state, request, "SubmitContainerStateChangeRequest")


def submit_attachment_state_changes(state: RegionState, request: Params) -> Json:
    return _acknowledge(state, request, "SubmitAttachmentStateChangesRequest")


def _acknowledge(state: RegionState, request: Params, shape: str) -> Json:
    """A report checked (its cluster, every member's type) and acknowledged: ecsmock runs no
    tasks yet, so there is nothing it changes."""
    request.checked(shape)
    validation.cluster(state, request)
    return dict(ACKNOWLEDGED)
