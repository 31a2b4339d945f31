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
    request.string("containerInstance")
    request.string("cluster")
    suffix = arns.dns_suffix(state.region)
    return {
        "endpoint": f"https://ecs-a-1.{state.region}.{suffix}/",
        "telemetryEndpoint": f"https://ecs-t-1.{state.region}.{suffix}/",
        "serviceConnectEndpoint": f"https://ecs-sc.{state.region}.{suffix}",
    }


def submit_task_state_change(state: RegionState, request: Params) -> Json:
    validation.cluster(state, request)
    for name in ("task", "status", "reason"):
        request.string(name)
    request.shaped("containers", "ContainerStateChanges")
    request.shaped("attachments", "AttachmentStateChanges")
    request.shaped("managedAgents", "ManagedAgentStateChanges")
    for name in ("pullStartedAt", "pullStoppedAt", "executionStoppedAt"):
        request.shaped(name, "Timestamp")
    return dict(ACKNOWLEDGED)


def submit_container_state_change(state: RegionState, request: Params) -> Json:
    validation.cluster(state, request)
    for name in ("task", "containerName", "runtimeId", "status", "reason"):
        request.string(name)
    request.integer("exitCode")
    request.shaped("networkBindings", "NetworkBindings")
    return dict(ACKNOWLEDGED)


def submit_attachment_state_changes(state: RegionState, request: Params) -> Json:
    validation.cluster(state, request)
    request.required_shaped("attachments", "AttachmentStateChanges")
    return dict(ACKNOWLEDGED)
