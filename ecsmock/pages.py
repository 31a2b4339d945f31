"""Pagination: one mechanism for every paginated operation.

Whatever an operation pages through is a sequence of keys in sorted order: creation order for
clusters, family and revision for task definitions, positions in the request's own list. A page
resumes *after the last key it returned*, which `nextToken` carries, signed so that ecsmock
accepts only its own tokens. Resuming after a key rather than at a position keeps a walk correct
while resources come and go between pages: no key is returned twice, and one that exists
through the whole walk is returned exactly once. A store's listing holds only what is listed (a
deleted resource leaves it), so a page costs O(log n + page) however many were deleted.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ecsmock.errors import AwsError
from ecsmock.messages.wire import WireErrors
from ecsmock.models import Json
from ecsmock.params import Params
from ecsmock.state.table import Key, span

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Indexed(Protocol[T_co]):
    """A sorted index of items, such as a store's listing."""

    @property
    def keys(self) -> Sequence[Key]: ...

    def item(self, key: Key) -> T_co: ...


@dataclass(frozen=True)
class Cursor:
    """Where a page starts (after `after`; None: at the start) and how long it may be."""

    scope: str
    after: Key | None
    size: int


def scope(operation: str, *filters: object) -> str:
    """What a token is good for: an operation, with the filters of the walk it was issued in,
    so that a token is never read against another walk's keys."""
    digest = hashlib.sha256(json.dumps(filters, sort_keys=True).encode()).hexdigest()[:16]
    return f"{operation}:{digest}"


def cursor(request: Params, secret: bytes, scope: str, maximum: int) -> Cursor:
    """The cursor that `nextToken` and `maxResults` ask for, in an operation's `scope`."""
    size = request.integer("maxResults")
    if size is not None and not 1 <= size <= maximum:
        raise AwsError.of(WireErrors.MAX_RESULTS, maximum=maximum)
    given = request.string("nextToken")
    after = None if given is None else _last_key(secret, scope, given)
    return Cursor(scope, after, size or maximum)


def take(
    keys: Sequence[Key],
    cursor: Cursor,
    keep: Callable[[Key], bool] | None = None,
    descending: bool = False,
    within: tuple[Key, Key] | None = None,
) -> tuple[list[Key], Key | None]:
    """Up to `cursor.size` kept keys of the sorted `keys` after the cursor (and `within` these
    bounds, both included), and the key to resume after (None: no kept key follows)."""
    low, high = (0, len(keys)) if within is None else span(keys, *within)
    if descending:
        start = high if cursor.after is None else min(high, bisect.bisect_left(keys, cursor.after))
        order: Iterator[int] = iter(range(start - 1, low - 1, -1))
    else:
        start = low if cursor.after is None else max(low, bisect.bisect_right(keys, cursor.after))
        order = iter(range(start, high))
    page: list[Key] = []
    for position in order:
        key = keys[position]
        if keep is None or keep(key):
            if len(page) == cursor.size:
                return page, page[-1]
            page.append(key)
    return page, None


def finish(body: Json, secret: bytes, cursor: Cursor, following: Key | None) -> Json:
    """`body`, with the `nextToken` of the page that follows when there is one."""
    if following is not None:
        body["nextToken"] = token(secret, cursor, following)
    return body


def page(
    index: Indexed[T],
    cursor: Cursor,
    keep: Callable[[T], bool] | None = None,
    descending: bool = False,
    within: tuple[Key, Key] | None = None,
) -> tuple[list[T], Key | None]:
    """The items of the page `cursor` asks for, and the key to resume after (None: the last
    page)."""
    keys, following = take(
        index.keys,
        cursor,
        None if keep is None else (lambda key: keep(index.item(key))),
        descending,
        within,
    )
    return [index.item(key) for key in keys], following


def token(secret: bytes, cursor: Cursor, last: Key) -> str:
    body = json.dumps([cursor.scope, last], separators=(",", ":"))
    raw = f"{body}\n{_signature(secret, body)}".encode()
    return base64.urlsafe_b64encode(raw).decode()


def _signature(secret: bytes, body: str) -> str:
    return hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()[:24]


def _last_key(secret: bytes, scope: str, given: str) -> Key:
    try:
        body, _, signature = base64.urlsafe_b64decode(given.encode()).decode().rpartition("\n")
        if hmac.compare_digest(signature, _signature(secret, body)):
            token_scope, last = json.loads(body)
            if token_scope == scope:
                return tuple(last) if isinstance(last, list) else last
    except (ValueError, TypeError, UnicodeError):
        pass
    raise AwsError.of(WireErrors.INVALID_TOKEN, token=given)
