"""Nothing leaks: decorated generators and class setups stay mocked, a mock left running is
reported and stopped, and each thread or asyncio task is answered by its own mock
(docs/usage.md, "Activating the mock" and "Threads, asyncio and parallel runs")."""

from __future__ import annotations

import asyncio
import contextvars
import os
import threading
import unittest
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest
from support import cluster_names, ecs

from ecsmock import MockLeftRunningWarning, mock_ecs

pytest_plugins = ["pytester"]


# Generators


@mock_ecs
def generator_body():
    ecs().create_cluster(clusterName="g")
    received = yield cluster_names()
    yield received, cluster_names()


def test_decorated_generator_stays_mocked_while_it_runs():
    steps = generator_body()
    assert next(steps) == ["g"]
    assert steps.send("sent") == ("sent", ["g"])
    assert os.environ.get("AWS_ACCESS_KEY_ID") == "testing"  # still active between steps
    steps.close()
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


@pytest.fixture
@mock_ecs
def seeded_cluster():
    ecs().create_cluster(clusterName="seeded")
    yield "seeded"  # noqa: PT022 - the yield is what keeps the decorated mock active


def test_decorated_yield_fixture_spans_the_test(seeded_cluster):
    assert cluster_names() == [seeded_cluster]


@mock_ecs
async def async_generator_body():
    ecs().create_cluster(clusterName="ag")
    try:
        yield cluster_names()
    except KeyError:
        yield "caught inside"
    yield await asyncio.sleep(0, result=cluster_names())


def test_decorated_async_generator_stays_mocked_and_passes_throws_on():
    async def walk():
        steps = async_generator_body()
        first = await steps.__anext__()
        caught = await steps.athrow(KeyError("x"))
        last = await steps.asend(None)
        with pytest.raises(StopAsyncIteration):
            await steps.__anext__()
        return first, caught, last

    assert asyncio.run(walk()) == (["ag"], "caught inside", ["ag"])
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


# Classes


@mock_ecs
class TestSetupAndTeardownMethods:
    def setup_method(self, method):
        ecs().create_cluster(clusterName=method.__name__)

    def teardown_method(self):
        ecs().delete_cluster(cluster="made-in-test")  # still served in teardown

    def test_sees_what_setup_made(self):
        ecs().create_cluster(clusterName="made-in-test")
        assert cluster_names() == ["test_sees_what_setup_made", "made-in-test"]

    @staticmethod
    def test_static():
        ecs().create_cluster(clusterName="made-in-test")
        assert cluster_names() == ["test_static", "made-in-test"]

    @classmethod
    def test_class_method(cls):
        ecs().create_cluster(clusterName="made-in-test")
        assert cluster_names() == ["test_class_method", "made-in-test"]


@mock_ecs
class TestSetupClass:
    @classmethod
    def setup_class(cls):
        ecs().create_cluster(clusterName="shared")

    def test_one_sees_the_class_world(self):
        assert "shared" in cluster_names()

    def test_two_shares_it(self):
        assert "shared" in cluster_names()


def test_setup_class_world_ends_with_the_class():
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


@mock_ecs
class SetUpClassCase(unittest.TestCase):
    __test__ = False  # run by the test below

    @classmethod
    def setUpClass(cls):
        ecs().create_cluster(clusterName="class-wide")

    def setUp(self):
        ecs().create_cluster(clusterName=self._testMethodName)

    def test_a(self):
        assert cluster_names()[0] == "class-wide"

    def test_b(self):
        assert cluster_names() == ["class-wide", "test_a", "test_b"]


def test_unittest_set_up_class_is_mocked_and_its_world_spans_the_class():
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(SetUpClassCase).run(result)
    assert (result.testsRun, result.errors, result.failures) == (2, [], [])
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


# Mocks left running


def test_a_decorated_test_that_leaves_a_mock_running_is_reported():
    leaked = mock_ecs()

    @mock_ecs
    def body():
        leaked.start()

    with pytest.warns(MockLeftRunningWarning, match=r"test_isolation\.py:\d+ \(body\)"):
        body()
    assert not leaked.active
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


def test_a_failing_test_is_not_hidden_by_the_report():
    leaked = mock_ecs()

    @mock_ecs
    def body():
        leaked.start()
        raise ValueError("the test's own failure")

    with pytest.raises(ValueError, match="own failure"):
        body()
    assert not leaked.active


def test_the_plugin_reports_and_stops_a_mock_a_test_left_running(pytester):
    pytester.makepyfile(
        """
        import pytest
        from ecsmock import mock_ecs

        @pytest.fixture(scope="module")
        def module_world():
            with mock_ecs() as mock:
                yield mock

        def test_leaks():
            mock_ecs().start().client().create_cluster(clusterName="leaked")

        def test_next_fixture_starts_empty(ecs_client):
            assert ecs_client.list_clusters()["clusterArns"] == []

        def test_module_fixture_spans_tests(module_world):
            module_world.client().create_cluster(clusterName="kept")

        def test_and_is_not_reported(module_world):
            assert list(module_world.clusters()) == ["kept"]
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, warnings=1)
    result.stdout.fnmatch_lines(
        ["*MockLeftRunningWarning: a mock_ecs started at *test_the_plugin_*.py:10 (test_leaks)*"]
    )
    strict = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-W", "error::ecsmock.MockLeftRunningWarning"
    )
    strict.assert_outcomes(passed=4, errors=1)


# Threads and asyncio tasks


def test_threads_with_their_own_mocks_never_mix():
    barrier = threading.Barrier(2)

    def work(account: str) -> tuple[list[str], list[str]]:
        with mock_ecs(account_id=account) as mine:
            client = ecs()
            barrier.wait()
            client.create_cluster(clusterName=f"c{account[0]}")
            barrier.wait()
            return client.list_clusters()["clusterArns"], list(mine.clusters())

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(work, ["111111111111", "222222222222"]))
    assert results == [
        (["arn:aws:ecs:us-east-1:111111111111:cluster/c1"], ["c1"]),
        (["arn:aws:ecs:us-east-1:222222222222:cluster/c2"], ["c2"]),
    ]


def test_a_thread_without_a_mock_is_served_by_the_outermost():
    with mock_ecs() as outer, mock_ecs(account_id="111122223333"):
        with ThreadPoolExecutor(1) as pool:
            arn = pool.submit(lambda: ecs().create_cluster()["cluster"]["clusterArn"]).result()
        assert arn == "arn:aws:ecs:us-east-1:123456789012:cluster/default"
        assert list(outer.clusters()) == ["default"]


def test_asyncio_tasks_with_their_own_mocks_never_mix():
    async def work(account: str) -> list[str]:
        async with mock_ecs(account_id=account):
            await asyncio.sleep(0)
            ecs().create_cluster(clusterName="c")
            await asyncio.sleep(0)
            return ecs().list_clusters()["clusterArns"]

    async def both():
        return await asyncio.gather(work("111111111111"), work("222222222222"))

    assert asyncio.run(both()) == [
        ["arn:aws:ecs:us-east-1:111111111111:cluster/c"],
        ["arn:aws:ecs:us-east-1:222222222222:cluster/c"],
    ]


def test_a_mock_stopped_from_another_context_stops_everywhere():
    mock = mock_ecs()
    contextvars.copy_context().run(mock.start)  # entered there only
    assert mock.active
    mock.stop()
    assert not mock.active
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


def test_a_context_skips_a_mock_that_was_stopped_elsewhere():
    with mock_ecs() as outer:
        inner = mock_ecs(account_id="111122223333")
        context = contextvars.copy_context()  # holds outer
        context.run(inner.start)  # holds outer, then inner
        inner._stop_fully()  # stopped from here, where it was never entered
        arn = context.run(lambda: ecs().create_cluster()["cluster"]["clusterArn"])
        assert ":123456789012:" in arn
        assert list(outer.clusters()) == ["default"]


def test_closing_a_decorated_async_generator_early_stops_the_mock():
    async def walk():
        steps = async_generator_body()
        await steps.__anext__()
        await steps.aclose()

    asyncio.run(walk())
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


@mock_ecs
class FailingSetupMethod:
    def setup_method(self):
        raise RuntimeError("setup failed")


def test_a_failing_setup_method_leaves_no_mock_running():
    with pytest.raises(RuntimeError, match="setup failed"):
        FailingSetupMethod().setup_method()
    assert os.environ.get("AWS_ACCESS_KEY_ID") != "testing"


# One activation per call of what is decorated


@mock_ecs
async def overlapping(account: str, pause: float) -> list[str]:
    client = ecs()
    client.create_cluster(clusterName=f"c{account[0]}")
    await asyncio.sleep(pause)
    return client.list_clusters()["clusterArns"]


def test_overlapping_calls_of_decorated_coroutines_each_have_their_own_world():
    async def both():
        return await asyncio.gather(
            overlapping("111111111111", 0), overlapping("222222222222", 0.01)
        )

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither may report the other's mock as left running
        first, second = asyncio.run(both())
    assert (first, second) == (
        ["arn:aws:ecs:us-east-1:123456789012:cluster/c1"],
        ["arn:aws:ecs:us-east-1:123456789012:cluster/c2"],
    )


@mock_ecs
def decorated_body(number: int, barrier: threading.Barrier) -> list[str]:
    client = ecs()
    client.create_cluster(clusterName=f"c{number}")
    barrier.wait()
    names = cluster_names(client)
    barrier.wait()  # the other thread's mock is still running: neither stops it
    return names + cluster_names(client)


def test_threads_running_one_decorated_function_each_have_their_own_world():
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(decorated_body, [0, 1], [barrier, barrier]))
    assert results == [["c0", "c0"], ["c1", "c1"]]


class InheritedTests:
    def test_inherited(self):
        assert cluster_names() == ["inherited"]

    @classmethod
    def setup_class(cls):
        cls.made = ecs().create_cluster(clusterName="inherited")["cluster"]["clusterName"]


@mock_ecs
class TestInheritingClass(InheritedTests):
    def test_own(self):
        assert self.made in cluster_names()


class InheritedSetUpClass(unittest.TestCase):
    __test__ = False

    @classmethod
    def setUpClass(cls):
        ecs().create_cluster(clusterName="from-the-base")


@mock_ecs
class InheritingCase(InheritedSetUpClass):
    __test__ = False

    def test_sees_the_base_setup(self):
        assert cluster_names() == ["from-the-base"]


def test_inherited_set_up_class_is_mocked():
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(InheritingCase).run(result)
    assert (result.testsRun, result.errors, result.failures) == (1, [], [])


class InheritedPlainTests:
    def test_inherited_without_setup(self):
        ecs().create_cluster(clusterName="mine")
        assert cluster_names() == ["mine"]


@mock_ecs
class TestInheritingPlainClass(InheritedPlainTests):
    pass
