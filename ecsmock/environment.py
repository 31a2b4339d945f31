"""The process environment while a mock is active: credentials that are never real, and a
Region when none is configured, restored when the last mock stops."""

from __future__ import annotations

import os

DEFAULT_REGION = "us-east-1"
_FAKE = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_EC2_METADATA_DISABLED": "true",  # no credential or region lookups on the network
}
# Credential sources botocore would fetch from over its own HTTP, past the network guard (a
# client given a profile skips the fake credentials above and tries them).
_UNSET = (
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
)
_saved: dict[str, str | None] = {}


def fake() -> None:
    names = [*_FAKE, *_UNSET, "AWS_DEFAULT_REGION"]
    _saved.update({name: os.environ.get(name) for name in names})
    os.environ.update(_FAKE)
    for name in _UNSET:
        os.environ.pop(name, None)
    if not (os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION")):
        os.environ["AWS_DEFAULT_REGION"] = DEFAULT_REGION


def restore() -> None:
    for name, value in _saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _saved.clear()
