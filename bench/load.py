"""Behaviour under load: many clusters, the memory they keep, and many threads at once."""

from __future__ import annotations

import gc
import random
import statistics
import threading
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any

from bench.contenders import Contender, Floor, Lineup, Moto
from bench.latency import TASK_DEFINITION
from bench.report import Table, micros, times, verdict
from bench.timing import samples, stopwatch
from ecsmock.models.clusters import EVERY_CLUSTER_FIELD


def scaling(lineup: Lineup, sizes: Sequence[int], calls: int) -> Table:
    """Per-call create and describe with N clusters present, and a full ListClusters walk."""
    table = Table(
        "Scaling with the number of clusters (median per call)",
        ["clusters", "contender", "create_cluster", "describe_clusters, 1 name",
         "full list walk, per cluster", "create vs smallest N", "describe vs smallest N"],
    )  # fmt: skip
    for contender in (lineup.ecsmock, lineup.moto):
        with contender.active() as handle:
            if handle is not None:  # ecsmock's: these runs go past AWS's quota of 10,000
                handle.quotas.clusters = max(sizes) * 2
            client = contender.client()
            _arns(client)  # the first walk loads and compiles the paginator: not counted
            first: tuple[float, float] | None = None
            present = 0
            for size in sizes:
                _grow(contender, client, present, size)
                present = size
                create, describe, walk = _at_size(client, size, calls)
                first = first or (create, describe)
                table.rows.append(
                    [
                        f"{size:,}",
                        contender.name,
                        *map(micros, (create, describe, walk)),
                        times(create, first[0]),
                        times(describe, first[1]),
                    ]
                )
    table.notes.append(
        "Target: at the largest N, ecsmock's per-call create and describe stay within 1.1× of the "
        "cost at the smallest N (O(1)), and the walk's cost per cluster stays flat (linear in N). "
        "ecsmock is filled through the API, moto through its backend (through its API, 50,000 "
        "clusters would take over a minute). moto ignores `maxResults` and returns every ARN in "
        "one page."
    )
    return table


def _at_size(client: Any, size: int, calls: int) -> tuple[float, float, float]:
    """Median create, median describe of one random cluster, and a full walk per cluster."""
    describe = samples(
        lambda _: client.describe_clusters(clusters=[f"s{random.randrange(size)}"]), calls, 2.0
    )
    create = samples(lambda i: client.create_cluster(clusterName=f"x{size}-{i}"), calls, 2.0)
    walk = statistics.median(stopwatch(lambda: _arns(client)) for _ in range(3)) / size
    return statistics.median(create), statistics.median(describe), walk


def _grow(contender: Contender, client: Any, present: int, size: int) -> None:
    names = (f"s{i}" for i in range(present, size))
    if isinstance(contender, Moto):
        contender.seed_backend(names)
    else:
        contender.seed(client, names)


def memory(lineup: Lineup, counts: dict[str, int]) -> Table:
    """Memory still held after creating clusters through the API, per cluster (tracemalloc)."""
    table = Table("Memory retained per cluster", ["contender", "clusters", "bytes each", "target"])
    for contender in (lineup.ecsmock, lineup.moto):
        count = counts[contender.name]
        each = (
            retained(
                contender,
                lambda c, client: c.seed(client, [f"warm-{i}" for i in range(50)]),
                lambda c, client: c.seed(client, [f"m{i}" for i in range(counts[c.name])]),
            )
            / count
        )
        target = verdict(each, 1024, " bytes") if contender is lineup.ecsmock else "—"
        table.rows.append([contender.name, f"{count:,}", f"{each:,.0f}", target])
    return table


def revision_memory(lineup: Lineup, count: int) -> Table:
    """Memory still held per task definition revision: the realistic 3-container definition of
    the per-call table."""
    table = Table(
        "Memory retained per task definition revision",
        ["contender", "revisions", "bytes each", "target"],
    )
    warm = {**TASK_DEFINITION, "family": "warm"}
    for contender in (lineup.ecsmock, lineup.moto):
        each = (
            retained(
                contender,
                lambda c, client: c.seed_revisions(client, warm, 20),
                lambda c, client: c.seed_revisions(client, TASK_DEFINITION, count),
            )
            / count
        )
        target = verdict(each, 4096, " bytes") if contender is lineup.ecsmock else "—"
        table.rows.append([contender.name, f"{count:,}", f"{each:,.0f}", target])
    return table


def retained(
    contender: Contender,
    warm: Callable[[Contender, Any], object],
    fill: Callable[[Contender, Any], object],
) -> int:
    """Bytes still held after `fill`, once `warm` has filled botocore's caches (tracemalloc)."""
    with contender.active():
        client = contender.client()
        warm(contender, client)
        gc.collect()
        tracemalloc.start()
        try:
            fill(contender, client)
            gc.collect()
            retained, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return retained


def threads(lineup: Lineup, workers: int, per_worker: int) -> Table:
    """`workers` threads, each with its own client, creating `per_worker` clusters at once."""
    table = Table(
        f"{workers} threads × {per_worker} create_cluster calls",
        ["contender", "creates per second", "per call", "listed after", "distinct", "errors"],
    )
    lineup.record_floors(lambda _: None, lambda client: client.create_cluster(clusterName="t"))
    total = workers * per_worker
    for contender in (lineup.floor, lineup.ecsmock, lineup.moto):
        elapsed, arns, errors = _crowd(contender, workers, per_worker)
        table.rows.append(
            [
                contender.name,
                f"{total / elapsed:,.0f}",
                micros(elapsed / total),
                "—" if arns is None else f"{len(arns):,}",
                "—" if arns is None else f"{len(set(arns)):,}",
                str(errors),
            ]
        )
    table.notes.append(
        f"Exact counts mean {total:,} listed and {total:,} distinct. The floor keeps no state, so "
        "it has nothing to list."
    )
    return table


def _crowd(
    contender: Contender, workers: int, per_worker: int
) -> tuple[float, list[str] | None, int]:
    """Seconds the threads took, the ARNs listed afterwards (None for the stateless floor), and
    how many threads failed."""
    with contender.active():
        clients = [contender.client() for _ in range(workers)]
        errors: list[BaseException] = []
        elapsed = stopwatch(lambda: _together(clients, per_worker, errors))
        arns = None if isinstance(contender, Floor) else _arns(clients[0])
        return elapsed, arns, len(errors)


def _together(clients: list[Any], per_worker: int, errors: list[BaseException]) -> None:
    """Every client creates `per_worker` clusters, each in its own thread, all starting at once."""
    start = threading.Barrier(len(clients))

    def work(number: int, client: Any) -> None:
        start.wait()
        try:
            for i in range(per_worker):
                client.create_cluster(clusterName=f"t{number}-{i}")
        except Exception as error:  # counted in the table, not raised from a thread
            errors.append(error)

    running = [threading.Thread(target=work, args=pair) for pair in enumerate(clients)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()


def _arns(client: Any) -> list[str]:
    pages = client.get_paginator("list_clusters").paginate()
    return [arn for page in pages for arn in page["clusterArns"]]


def history(lineup: Lineup, deleted: int, present: int, calls: int) -> Table:
    """What ecsmock's calls cost as deleted resources pile up, and what reading the whole state
    costs beside reading it through the API."""
    table = Table("History and whole-state reads (ecsmock)", ["measure", "time"])
    contender = lineup.ecsmock
    with contender.active() as handle:

        def empty() -> None:
            handle.reset()
            handle.quotas.clusters = present + 100  # past AWS's 10,000

        client = contender.client()
        kept = [f"kept{i}" for i in range(100)]
        empty()
        contender.seed(client, kept)
        clean = statistics.median(samples(lambda _: client.list_clusters(), calls, 1.0))
        empty()
        for i in range(deleted):
            client.create_cluster(clusterName=f"gone{i}")
            client.delete_cluster(cluster=f"gone{i}")
        contender.seed(client, kept)
        after = statistics.median(samples(lambda _: client.list_clusters(), calls, 1.0))
        empty()
        contender.seed(client, (f"c{i}" for i in range(present)))
        snapshot = statistics.median(stopwatch(handle.snapshot) for _ in range(3))
        names = [f"c{i}" for i in range(100)]
        describe = statistics.median(
            samples(
                lambda _: client.describe_clusters(
                    clusters=names, include=list(EVERY_CLUSTER_FIELD)
                ),
                calls,
                1.0,
            )
        )
    table.rows += [
        ["list_clusters, a page of 100, nothing deleted", micros(clean)],
        [f"list_clusters, a page of 100, {deleted:,} deleted before them", micros(after)],
        [f"snapshot() of {present:,} clusters, per cluster", micros(snapshot / present)],
        ["describe_clusters of 100 with every include, per cluster", micros(describe / 100)],
    ]
    table.notes.append(
        f"Targets: a page costs the same however many clusters were deleted before it "
        f"({times(after, clean)} here), and a snapshot costs no more per cluster than reading "
        f"the clusters through the API ({times(snapshot / present, describe / 100)} here)."
    )
    return table
