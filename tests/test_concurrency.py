"""Many threads at once, each with its own client: nothing lost, nothing duplicated."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from support import ecs

THREADS = 8
PER_THREAD = 40


def test_threads_create_describe_list_and_delete(mock):
    barrier = threading.Barrier(THREADS)

    def work(worker: int) -> list[str]:
        client = ecs()
        barrier.wait()
        made = []
        for i in range(PER_THREAD):
            name = f"w{worker}-{i}"
            cluster = client.create_cluster(
                clusterName=name, tags=[{"key": "w", "value": str(worker)}]
            )
            assert cluster["cluster"]["tags"] == [{"key": "w", "value": str(worker)}]
            [described] = client.describe_clusters(clusters=[name], include=["TAGS"])["clusters"]
            assert described["tags"] == cluster["cluster"]["tags"]
            if i % 2:
                client.delete_cluster(cluster=name)
            else:
                made.append(name)
            client.list_clusters(maxResults=5)
        return made

    with ThreadPoolExecutor(THREADS) as pool:
        kept = [name for names in pool.map(work, range(THREADS)) for name in names]
    listed = ecs().get_paginator("list_clusters").paginate().build_full_result()["clusterArns"]
    assert len(listed) == len(set(listed)) == THREADS * PER_THREAD // 2
    assert sorted(arn.rpartition("/")[2] for arn in listed) == sorted(kept)
    assert (
        sum(c["status"] == "INACTIVE" for c in mock.clusters().values())
        == THREADS * PER_THREAD // 2
    )


def test_pagination_stays_consistent_under_concurrent_writes(mock):
    client = ecs()
    for i in range(60):
        client.create_cluster(clusterName=f"stable{i}")
    stop = threading.Event()

    def churn() -> None:
        writer = ecs()
        n = 0
        while not stop.is_set():
            writer.create_cluster(clusterName=f"churn{n}")
            writer.delete_cluster(cluster=f"churn{n}")
            n += 1

    thread = threading.Thread(target=churn)
    thread.start()
    try:
        seen = []
        for page in client.get_paginator("list_clusters").paginate(
            PaginationConfig={"PageSize": 7}
        ):
            seen += page["clusterArns"]
    finally:
        stop.set()
        thread.join()
    stable = [arn for arn in seen if "/stable" in arn]
    assert len(seen) == len(set(seen))
    assert len(stable) == 60
