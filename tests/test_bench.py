"""The benchmark runs and reports what it measured; its figures are never asserted here."""

from __future__ import annotations

import pytest

from bench.activation import activation
from bench.breakdown import breakdown
from bench.contenders import Lineup
from bench.latency import CALLS, latency
from bench.load import history, memory, revision_memory, scaling, threads
from bench.tasks import task_memory, task_scaling, waiters

pytest.importorskip("moto")


@pytest.fixture
def lineup():
    return Lineup()


def test_every_table_comes_out_whole(lineup):
    fargate = next(call for call in CALLS if not call.moto)  # moto fails it: no moto column
    per_call, medians = latency(
        lineup, rounds=1, calls=2, budget=0.0, which=[CALLS[0], fargate, CALLS[-1]]
    )
    tables = [
        per_call,
        breakdown(lineup, medians, calls=2),
        activation(lineup, rounds=1, calls=1, budget=0.0),
        scaling(lineup, [5, 10], calls=2),
        memory(lineup, {"ecsmock": 2, "moto": 2}),
        revision_memory(lineup, 2),
        history(lineup, deleted=3, present=100, calls=2),
        task_scaling(lineup, [20, 40], calls=2),
        task_memory(lineup, 20),
        waiters(lineup, rounds=1),
    ]
    assert [len(table.rows) for table in tables] == [3, 3, 3, 4, 2, 2, 4, 2, 1, 3]
    assert per_call.rows[1][4] == "fails"
    for table in tables:
        assert all(len(row) == len(table.columns) for row in table.rows), table.title
        assert table.markdown().startswith(f"### {table.title}\n")


def test_threads_leave_exact_counts(lineup):
    rows = threads(lineup, workers=3, per_worker=4).rows
    assert [(row[0], *row[3:]) for row in rows] == [
        ("floor", "—", "—", "0"),
        ("ecsmock", "12", "12", "0"),
        ("moto", "12", "12", "0"),
    ]
