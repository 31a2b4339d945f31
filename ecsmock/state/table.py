"""The storage every family's store is built on: items by name, and the sorted index a List or
Describe operation pages through. Storage only: ARNs, ids and the rules of a family live
elsewhere."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, Protocol, TypeVar

from ecsmock.models import Json

Key = Any  # an int, a str, or a tuple of them: anything that sorts and survives JSON


def span(keys: Sequence[Key], low: Key, high: Key) -> tuple[int, int]:
    """The positions of the sorted `keys` from `low` to `high`, both included: O(log n)."""
    return bisect.bisect_left(keys, low), bisect.bisect_right(keys, high)


def starting_with(first: Key) -> tuple[Key, Key]:
    """The bounds of every tuple key whose first part is `first`: one family's revisions, one
    cluster's instances."""
    return (first, -math.inf), (first, math.inf)


class Named(Protocol):
    name: str
    order: int  # when the name was first created: its place in listings


T = TypeVar("T")
N = TypeVar("N", bound=Named)


class Listing(Generic[T]):
    """Items by a sorted key; a deleted resource leaves it, so paging costs nothing of history."""

    __slots__ = ("_items", "_keys")

    def __init__(self) -> None:
        self._keys: list[Key] = []
        self._items: dict[Key, T] = {}

    @property
    def keys(self) -> Sequence[Key]:
        return self._keys

    def item(self, key: Key) -> T:
        return self._items[key]

    def values(self) -> list[T]:
        """The items in key order."""
        return [self._items[key] for key in self._keys]

    def __contains__(self, key: Key) -> bool:
        return key in self._items

    def put(self, key: Key, item: T) -> None:
        """List `item` under `key`, which it does not hold yet."""
        if self._keys and key < self._keys[-1]:
            bisect.insort(self._keys, key)
        else:
            self._keys.append(key)  # the usual case: a new resource sorts last
        self._items[key] = item

    def discard(self, key: Key) -> None:
        """Stop listing the item under `key`, which it holds."""
        del self._items[key]
        del self._keys[bisect.bisect_left(self._keys, key)]

    def __len__(self) -> int:
        return len(self._keys)


class Table(Generic[N]):
    """Resources of one type by name, deleted ones too (AWS still describes them), and a listing
    of the live ones in the order their names were first created."""

    def __init__(
        self,
        name: str,
        snapshot_of: Callable[[N], Json],
        live: Callable[[N], bool],
        group: int = 0,
    ) -> None:
        self.name = name  # its key in the world's snapshot
        self._snapshot_of = snapshot_of
        self._live = live
        self._group = group
        self._items: dict[str, N] = {}
        self.listing: Listing[N] = Listing()

    def get(self, name: str) -> N | None:
        return self._items.get(name)

    def __getitem__(self, name: str) -> N:
        return self._items[name]

    def __iter__(self) -> Iterator[N]:
        return iter(self._items.values())

    def add(self, item: N) -> None:
        """Keep a new item, listed; a name created again keeps the place it first had."""
        first = self._items.get(item.name)
        item.order = len(self._items) if first is None else first.order
        self._items[item.name] = item
        self.listing.put((self._group, item.order), item)

    def unlist(self, item: N) -> None:
        """Keep a deleted item, no longer listed."""
        self.listing.discard((self._group, item.order))

    def audit(self) -> list[str]:
        """Where the listing disagrees with the items: it must hold exactly the live ones."""
        listed = [self.listing.item(key) for key in self.listing.keys if key[0] == self._group]
        wanted = [item for item in self._items.values() if self._live(item)]
        if sorted(map(id, listed)) == sorted(map(id, wanted)):
            return []
        return [f"{self.name}: the listing does not hold exactly the live items"]

    @property
    def is_empty(self) -> bool:
        return not self._items

    def snapshot(self) -> list[Json]:
        return [self._snapshot_of(item) for item in self._items.values()]
