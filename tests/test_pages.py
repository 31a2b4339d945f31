"""The one pagination mechanism, on its own: sorted keys, resuming after the last one, both
directions (docs/rules.md, "Pagination")."""

from __future__ import annotations

import pytest

from ecsmock import pages
from ecsmock.errors import AwsError
from ecsmock.params import Params
from ecsmock.state.table import Listing

SECRET = b"k" * 16


def walk(keys, size, descending=False, keep=None):
    cursor = pages.Cursor("Scope", None, size)
    walked = []
    while True:
        page, following = pages.take(keys, cursor, keep, descending)
        walked.append(page)
        if following is None:
            return walked
        token = pages.token(SECRET, cursor, following)
        cursor = pages.cursor(Params({"nextToken": token}), SECRET, "Scope", size)


def test_ascending_and_descending_walks_of_sorted_tuples():
    keys = [("a", 1), ("a", 2), ("b", 1), ("c", 7)]
    assert walk(keys, 3) == [keys[:3], keys[3:]]
    assert walk(keys, 3, descending=True) == [keys[:0:-1], keys[:1]]


def test_a_walk_skips_what_it_does_not_keep():
    assert walk(range(10), 2, keep=lambda key: key % 3 == 0) == [[0, 3], [6, 9]]


def test_a_listing_resumes_after_its_last_item_while_items_come_and_go():
    listing: Listing[str] = Listing()
    for key in (1, 3, 5):
        listing.put(key, f"item{key}")
    first, following = pages.page(listing, pages.Cursor("S", None, 2))
    assert (first, following) == (["item1", "item3"], 3)
    listing.discard(1)
    listing.put(2, "item2")  # behind the walk: not returned
    listing.put(4, "item4")  # ahead of it
    assert pages.page(listing, pages.Cursor("S", following, 2)) == (["item4", "item5"], None)
    assert len(listing) == 4


@pytest.mark.parametrize(
    "token", ["", "x", "e30=", pages.token(b"other" * 4, pages.Cursor("Scope", None, 1), 1)]
)
def test_tokens_not_issued_here_are_refused(token):
    with pytest.raises(AwsError, match="Invalid token"):
        pages.cursor(Params({"nextToken": token}), SECRET, "Scope", 10)


def test_a_token_of_another_scope_is_refused():
    token = pages.token(SECRET, pages.Cursor("Other", None, 1), 1)
    with pytest.raises(AwsError, match="Invalid token"):
        pages.cursor(Params({"nextToken": token}), SECRET, "Scope", 10)


def test_the_audit_sees_a_listing_that_lost_an_item():
    from ecsmock.models.clusters import Cluster
    from ecsmock.state.clusters import cluster_table

    table = cluster_table()
    table.add(Cluster("c", "arn", "disabled"))
    assert table.audit() == []
    table.listing.discard((0, 0))
    assert table.audit() == ["clusters: the listing does not hold exactly the live items"]
