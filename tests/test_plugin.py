"""The pytest plugin, run the way users run it: installed, with no conftest."""

from __future__ import annotations

pytest_plugins = ["pytester"]


def test_fixtures_need_no_conftest(pytester):
    pytester.makepyfile(
        """
        import pytest

        def test_client(ecs_client, ecs_mock):
            ecs_client.create_cluster(clusterName="c")
            assert list(ecs_mock.clusters()) == ["c"]

        def test_isolated(ecs_client):
            assert ecs_client.list_clusters()["clusterArns"] == []

        @pytest.mark.ecsmock(account_id="111122223333")
        def test_marker(ecs_client):
            arn = ecs_client.create_cluster()["cluster"]["clusterArn"]
            assert ":111122223333:" in arn
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers")
    result.assert_outcomes(passed=3)


def test_marker_is_registered(pytester):
    result = pytester.runpytest_subprocess("--markers")
    result.stdout.fnmatch_lines(["*ecsmock(account_id=*"])
