"""Task definitions: one revision of a family, kept as the JSON AWS echoes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ecsmock.models import ACTIVE, INACTIVE, Json

DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS"
STATUSES = (ACTIVE, INACTIVE, DELETE_IN_PROGRESS)
TASK_CPU = range(128, 196_608 + 1)  # the cpu units a task may have


@dataclass(slots=True)
class TaskDefinition:
    family: str
    revision: int
    arn: str
    # What AWS echoes of the registration, as compact JSON: a revision costs about its own
    # size, and every read decodes a copy that shares nothing with the state.
    document: str
    registered_at: float
    registered_by: str
    tags: dict[str, str] = field(default_factory=dict)
    status: str = ACTIVE
    deregistered_at: float | None = None
    delete_requested_at: float | None = None

    def to_api(self) -> Json:
        body: Json = json.loads(self.document)
        body["taskDefinitionArn"] = self.arn
        body["revision"] = self.revision
        body["status"] = self.status
        body["registeredAt"] = self.registered_at
        body["registeredBy"] = self.registered_by
        if self.deregistered_at is not None:
            body["deregisteredAt"] = self.deregistered_at
        if self.delete_requested_at is not None:
            body["deleteRequestedAt"] = self.delete_requested_at
        return body
