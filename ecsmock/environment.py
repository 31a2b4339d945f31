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
    """Only what it changes is saved: `os.environ` is slow, and activation should not be."""
    environ = os.environ
    for name, value in _FAKE.items():
        _saved[name] = environ.get(name)
        environ[name] = value
    for name in _UNSET:
        if name in environ:
            _saved[name] = environ.pop(name)
    if not environ.get("AWS_DEFAULT_REGION"):  # the one botocore reads for a client's Region
        _saved["AWS_DEFAULT_REGION"] = environ.get("AWS_DEFAULT_REGION")
        environ["AWS_DEFAULT_REGION"] = environ.get("AWS_REGION") or DEFAULT_REGION


def restore() -> None:
    for name, value in _saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _saved.clear()
