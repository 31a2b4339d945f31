"""The world in time: chosen timings, the clock a test moves, waiters that never sleep, and ids a
seed fixes (docs/usage.md, "Time").
"""

from __future__ import annotations

import datetime
import email.utils

import pytest
from botocore.exceptions import EndpointConnectionError, WaiterError
from botocore.waiter import Waiter, WaiterModel, create_waiter_with_client
from support import NETWORK_ATTEMPTS, create_provider, ecs, rejected

from ecsmock import mock_ecs
from ecsmock.scheduler import Timings


def waiter_config(expected: str, delay: int = 10, attempts: int = 6) -> WaiterModel:
    return WaiterModel(
        {
            "version": 2,
            "waiters": {
                "ProviderSettled": {
                    "operation": "DescribeCapacityProviders",
                    "delay": delay,
                    "maxAttempts": attempts,
                    "acceptors": [
                        {
                            "matcher": "pathAll",
                            "argument": "capacityProviders[].updateStatus",
                            "expected": expected,
                            "state": "success",
                        }
                    ],
                }
            },
        }
    )


@pytest.fixture
def no_real_sleep(monkeypatch):
    """Any real sleep fails the test."""

    def refuse(seconds: float) -> None:
        raise AssertionError(f"slept {seconds} s of real time")

    monkeypatch.setattr("time.sleep", refuse)


def provider_status(client, name="cp"):
    [provider] = client.describe_capacity_providers(capacityProviders=[name])["capacityProviders"]
    return provider["status"], provider.get("updateStatus")


def test_a_chosen_timing_holds_the_first_state_until_the_clock_moves(mock, client):
    create_provider(client, "cp")
    mock.timings.capacity_provider_update = 30
    update = {"managedTerminationProtection": "DISABLED"}
    answered = client.update_capacity_provider(name="cp", autoScalingGroupProvider=update)
    assert answered["capacityProvider"]["updateStatus"] == "UPDATE_IN_PROGRESS"
    assert provider_status(client) == ("ACTIVE", "UPDATE_IN_PROGRESS")
    assert mock.pending == 1
    mock.shift(29)
    assert provider_status(client) == ("ACTIVE", "UPDATE_IN_PROGRESS")
    mock.shift(datetime.timedelta(seconds=1))
    assert provider_status(client) == ("ACTIVE", "UPDATE_COMPLETE")
    assert mock.pending == 0


def test_a_cluster_provisions_its_auto_scaling_groups_in_chosen_time(mock, client):
    create_provider(client, "cp")
    mock.timings.cluster_capacity = 60
    created = client.create_cluster(clusterName="c", capacityProviders=["cp"])["cluster"]
    assert created["status"] == "PROVISIONING"
    read = client.describe_clusters(clusters=["c"], include=["ATTACHMENTS"])["clusters"][0]
    assert (read["status"], read["attachmentsStatus"]) == ("PROVISIONING", "UPDATE_IN_PROGRESS")
    mock.run_until_idle()
    read = client.describe_clusters(clusters=["c"], include=["ATTACHMENTS"])["clusters"][0]
    assert (read["status"], read["attachments"][0]["status"]) == ("ACTIVE", "CREATED")


def test_a_deletion_takes_its_time_and_can_be_asked_for_twice(mock, client):
    create_provider(client, "cp")
    mock.timings.capacity_provider_deletion = 20
    client.delete_capacity_provider(capacityProvider="cp")
    again = client.delete_capacity_provider(capacityProvider="cp")["capacityProvider"]
    assert again["updateStatus"] == "DELETE_IN_PROGRESS"
    mock.shift(20)
    assert provider_status(client) == ("INACTIVE", "DELETE_COMPLETE")


def test_a_waiter_waits_on_the_virtual_clock(mock, client, no_real_sleep):
    create_provider(client, "cp")
    mock.timings.capacity_provider_update = 30
    client.update_capacity_provider(
        name="cp", autoScalingGroupProvider={"managedTerminationProtection": "DISABLED"}
    )
    before = mock.now()
    create_waiter_with_client("ProviderSettled", waiter_config("UPDATE_COMPLETE"), client).wait(
        capacityProviders=["cp"]
    )
    assert mock.now() - before >= datetime.timedelta(seconds=30)
    assert provider_status(client) == ("ACTIVE", "UPDATE_COMPLETE")


def test_a_waiter_that_cannot_succeed_gives_up_without_sleeping(mock, client, no_real_sleep):
    create_provider(client, "cp")
    before = mock.now()
    waiter = create_waiter_with_client("ProviderSettled", waiter_config("DELETE_COMPLETE"), client)
    with pytest.raises(WaiterError, match="Max attempts exceeded"):
        waiter.wait(capacityProviders=["cp"])
    assert mock.now() - before >= datetime.timedelta(seconds=50)  # 5 delays of 10 s


def test_a_waiter_that_is_no_clients_waits_as_botocore_does(mock):
    answers = iter([{"state": "pending"}, {"state": "done"}])
    config = WaiterModel(
        {
            "version": 2,
            "waiters": {
                "Done": {
                    "operation": "Anything",
                    "delay": 0,
                    "maxAttempts": 3,
                    "acceptors": [
                        {
                            "matcher": "path",
                            "argument": "state",
                            "expected": "done",
                            "state": "success",
                        }
                    ],
                }
            },
        }
    )
    Waiter("Done", config.get_waiter("Done"), lambda **_: next(answers)).wait()
    assert next(answers, None) is None


def test_a_waiter_of_a_let_through_client_is_not_served():
    with mock_ecs(passthrough=["http://localhost:4566"]):
        local = ecs(endpoint_url="http://localhost:4566")
        waiter = create_waiter_with_client("ProviderSettled", waiter_config("X"), local)
        with pytest.raises(EndpointConnectionError):
            waiter.wait(capacityProviders=["cp"])
    NETWORK_ATTEMPTS[:] = [a for a in NETWORK_ATTEMPTS if a[1] != 4566]


def test_other_sleeps_in_botocore_waiter_stay_real(mock, monkeypatch):
    import botocore.waiter

    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    botocore.waiter.time.sleep(0.25)  # no served waiter is waiting here
    assert slept == [0.25]
    assert botocore.waiter.time.monotonic() > 0  # the rest is the real time module


def test_the_clock_dates_replies_and_moves_forward_only(mock, client):
    mock.shift(datetime.timedelta(days=2))
    date = client.list_clusters()["ResponseMetadata"]["HTTPHeaders"]["date"]
    sent = email.utils.parsedate_to_datetime(date)
    assert abs(sent - mock.now()) < datetime.timedelta(seconds=5)
    assert sent - datetime.datetime.now(datetime.UTC) > datetime.timedelta(days=1)
    with pytest.raises(ValueError, match="forward only"):
        mock.shift(-1)
    with pytest.raises(ValueError, match="forward only"):
        mock.move_to(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    later = mock.now() + datetime.timedelta(hours=1)
    mock.move_to(later)
    assert mock.now() >= later


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), "30", True])
def test_timings_are_seconds(mock, value):
    with pytest.raises(ValueError, match="timings are seconds, 0 or more: cluster_capacity="):
        Timings(cluster_capacity=value)
    with pytest.raises(ValueError, match="timings are seconds"):
        mock.timings.capacity_provider_update = value
    with pytest.raises(AttributeError, match="no timing 'cluster_capacty': the timings are"):
        mock.timings.cluster_capacty = 5
    assert mock.timings == Timings()


def made_up_ids(seed):
    with mock_ecs(seed=seed):
        client = ecs()
        created = client.create_cluster(clusterName="c", serviceConnectDefaults={"namespace": "n"})
        create_provider(client, "cp")
        attached = client.create_cluster(clusterName="d", capacityProviders=["cp"])["cluster"]
        return (
            created["cluster"]["serviceConnectDefaults"]["namespace"],
            created["ResponseMetadata"]["RequestId"],
            attached["attachments"][0]["id"],
            attached["attachments"][0]["details"],
            client.list_clusters(maxResults=1)["nextToken"],
        )


def test_a_seed_makes_every_made_up_id_the_same_on_every_run():
    assert made_up_ids(7) == made_up_ids(7)
    assert made_up_ids(7) != made_up_ids(8)
    assert made_up_ids(None) != made_up_ids(None)


def test_a_later_change_supersedes_a_pending_transition(mock, client):
    create_provider(client, "cp")
    mock.timings.capacity_provider_update = 30
    client.update_capacity_provider(
        name="cp", autoScalingGroupProvider={"managedTerminationProtection": "DISABLED"}
    )
    client.create_cluster(clusterName="c", capacityProviders=["cp"])
    client.delete_capacity_provider(capacityProvider="cp")  # associated: DELETE_FAILED
    mock.shift(30)
    assert provider_status(client) == ("ACTIVE", "DELETE_FAILED")


def test_a_provider_being_deleted_cannot_be_updated(mock, client):
    create_provider(client, "cp")
    mock.timings.capacity_provider_deletion = 60
    client.delete_capacity_provider(capacityProvider="cp")
    being_deleted = (
        "The specified capacity provider is being deleted and cannot be updated. Wait until "
        "DescribeCapacityProviders shows it INACTIVE, then create it again."
    )
    with rejected(mock, "ClientException", being_deleted):
        client.update_capacity_provider(
            name="cp", autoScalingGroupProvider={"managedTerminationProtection": "DISABLED"}
        )
    mock.run_until_idle()
    assert provider_status(client) == ("INACTIVE", "DELETE_COMPLETE")


def test_a_cluster_settles_when_its_last_change_does(mock, client):
    create_provider(client, "a")
    create_provider(client, "b")
    mock.timings.cluster_capacity = 30
    client.create_cluster(clusterName="c", capacityProviders=["a"])
    mock.shift(20)
    client.put_cluster_capacity_providers(
        cluster="c", capacityProviders=["a", "b"], defaultCapacityProviderStrategy=[]
    )
    mock.shift(10)  # the first change's time: superseded
    assert client.describe_clusters(clusters=["c"])["clusters"][0]["status"] == "PROVISIONING"
    mock.shift(20)
    assert client.describe_clusters(clusters=["c"])["clusters"][0]["status"] == "ACTIVE"


def test_moving_to_now_is_allowed_and_odd_moments_are_refused(mock):
    mock.move_to(mock.now())
    mock.move_to(mock.now() - datetime.timedelta(milliseconds=500))  # real time went on
    with pytest.raises(ValueError, match="timezone-aware"):
        mock.move_to(datetime.datetime(2100, 1, 1))
    for odd in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="finite, positive"):
            mock.shift(odd)


def test_reading_the_world_draws_no_id():
    def ids(read: bool):
        with mock_ecs(seed=3) as handle:
            if read:
                handle.clusters(region="eu-west-1")
            return ecs().create_cluster(serviceConnectDefaults={"namespace": "n"})["cluster"]

    assert ids(read=True) == ids(read=False)


def test_a_transition_that_keeps_scheduling_itself_is_stopped():
    from ecsmock.clock import Clock
    from ecsmock.scheduler import Scheduler

    scheduler = Scheduler(Clock())

    def again() -> None:
        scheduler.after(0, again, owner=again)

    scheduler.after(0, again, owner=again)
    with pytest.raises(RuntimeError, match="did not settle"):
        scheduler.run_due()


def test_a_time_module_laid_over_ecsmocks_outlives_it(monkeypatch):
    import botocore.waiter

    theirs = object()
    with mock_ecs():
        monkeypatch.setattr(botocore.waiter, "time", theirs)
    assert botocore.waiter.time is theirs


def test_a_provider_being_deleted_cannot_join_a_cluster(mock, client):
    create_provider(client, "cp")
    mock.timings.capacity_provider_deletion = 60
    client.delete_capacity_provider(capacityProvider="cp")
    with rejected(mock, "InvalidParameterException"):
        client.create_cluster(clusterName="c", capacityProviders=["cp"])


def test_only_the_latest_change_of_a_resource_is_pending(mock, client):
    create_provider(client, "cp")
    mock.timings.capacity_provider_update = 1000
    for protection in ("DISABLED", "DISABLED", "DISABLED"):
        client.update_capacity_provider(
            name="cp", autoScalingGroupProvider={"managedTerminationProtection": protection}
        )
    assert mock.pending == 1
    mock.timings.capacity_provider_deletion = 0
    client.put_account_setting(name="awsvpcTrunking", value="enabled")  # nothing scheduled
    before = mock.now()
    mock.run_until_idle()
    assert mock.now() - before >= datetime.timedelta(seconds=990)
    assert mock.pending == 0
    mock.timings.capacity_provider_update = 0
    client.update_capacity_provider(
        name="cp", autoScalingGroupProvider={"managedTerminationProtection": "DISABLED"}
    )
    assert mock.pending == 0  # due at once: run before the handle counts
