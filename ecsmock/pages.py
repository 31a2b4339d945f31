"""Pagination: page sizes, and `nextToken`s that ecsmock signs so it accepts only its own.

A token holds a position in an append-only sequence (clusters in creation order, say), so a walk
stays correct while other calls create or delete resources between pages.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable, Sequence
from typing import TypeVar

from ecsmock.errors import AwsError
from ecsmock.messages import Errors
from ecsmock.params import Params

T = TypeVar("T")


def _signature(key: bytes, body: str) -> str:
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:24]


def token(key: bytes, scope: str, position: int) -> str:
    body = f"{scope}:{position}"
    raw = f"{body}:{_signature(key, body)}".encode()
    return base64.urlsafe_b64encode(raw).decode()


def start_and_size(request: Params, key: bytes, scope: str, maximum: int) -> tuple[int, int]:
    """Where a page starts and how long it may be, from `nextToken` and `maxResults`."""
    size = request.integer("maxResults")
    if size is not None and not 1 <= size <= maximum:
        raise AwsError.of(Errors.MAX_RESULTS, maximum=maximum)
    given = request.string("nextToken")
    return (0 if given is None else _position(key, scope, given)), size or maximum


def _position(key: bytes, scope: str, given: str) -> int:
    try:
        body, _, signature = base64.urlsafe_b64decode(given.encode()).decode().rpartition(":")
    except (ValueError, UnicodeError):
        body = signature = ""
    token_scope, _, position = body.rpartition(":")
    if (
        token_scope != scope
        or not position.isdigit()
        or not hmac.compare_digest(signature, _signature(key, body))
    ):
        raise AwsError.of(Errors.INVALID_TOKEN, token=given)
    return int(position)


def take(
    items: Sequence[T], start: int, size: int, keep: Callable[[T], bool]
) -> tuple[list[T], int | None]:
    """Up to `size` kept items from `start` on, and where the next page starts (None: no more)."""
    page: list[T] = []
    for position in range(start, len(items)):
        item = items[position]
        if keep(item):
            if len(page) == size:
                return page, position
            page.append(item)
    return page, None
