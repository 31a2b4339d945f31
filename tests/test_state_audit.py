"""The audit finds an index or a count that disagrees with the stores (docs/architecture.md,
"The state's shape"): the suite's `mock` fixture relies on it after every test."""

from __future__ import annotations

from ecsmock import mock_ecs, query
from ecsmock.models import container_instances
from ecsmock.models.task_definitions import TaskDefinition
from ecsmock.models.tasks import Reservation
from ecsmock.state.task_definitions import TaskDefinitions
from ecsmock.state.tasks import Remembered


def test_the_audit_sees_task_definition_listings_and_counts_gone_wrong():
    store = TaskDefinitions()
    store.add(TaskDefinition("web", 1, "arn", "{}", 0.0, "root"))
    assert store.audit() == []
    store.by_status["ACTIVE"].discard(("web", 1))
    store.families["web"].active = 0
    store.family_listings["ALL"].discard("web")
    assert store.audit() == [
        "taskDefinitions: the ACTIVE listing is wrong",
        "taskDefinitions: the ACTIVE count of web is wrong",
        "taskDefinitions: the ALL family listing is wrong",
        "taskDefinitions: the ACTIVE family listing is wrong",
        "taskDefinitions: the INACTIVE family listing is wrong",
    ]


def test_the_audit_sees_a_container_instance_listing_gone_wrong():
    with mock_ecs() as ecs:
        client = ecs.client()
        client.create_cluster(clusterName="c")
        ecs.add_container_instance("c")
        state = ecs._state(None, None)
        state.container_instances.listing.discard(("c", 0))
        assert ecs._audit() == [
            "containerInstances: the listing does not hold exactly the live ones"
        ]


def test_the_audit_sees_task_listings_counts_and_usage_gone_wrong():
    with mock_ecs() as ecs:
        client = ecs.client()
        client.create_cluster(clusterName="c")
        ecs.add_container_instance("c")
        web = {"name": "web", "image": "nginx", "memory": 128}
        client.register_task_definition(family="web", containerDefinitions=[web])
        client.run_task(cluster="c", taskDefinition="web")
        store = ecs._state(None, None).tasks
        assert store.audit() == []
        (task,) = store.by_id.values()
        task.reservation = Reservation(cpu=1)  # changed behind the store's back
        task.launch_type = "FARGATE"
        store.listings.pop(("c", "RUNNING", "family", "web"))
        store.remember("c", "token", Remembered("digest", ("0" * 32,), ()))
        assert store.audit() == [
            "tasks: the listings do not hold exactly the tasks",
            "tasks: the counts disagree with the tasks",
            "tasks: what instances hold disagrees with the tasks",
            "tasks: a client token names a task that is not there",
        ]


def test_every_subject_of_the_query_language_reads_an_instance():
    assert set(container_instances.SUBJECTS) == set(query.SUBJECTS)
