"""Run the benchmark: `python -m bench` prints the tables; `--write docs/performance.md` also
writes them there, with the machine, the versions and the command."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path

from bench.activation import activation, imports
from bench.breakdown import breakdown
from bench.contenders import Lineup
from bench.latency import latency
from bench.load import history, memory, revision_memory, scaling, threads
from bench.report import Table
from bench.tasks import task_memory, task_scaling, waiters

COMMAND = "python -m bench --write docs/performance.md"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--write", type=Path, help="also write the report to this Markdown file")
    parser.add_argument("--quick", action="store_true", help="a short run, to try the benchmark")
    options = parser.parse_args()
    scale = 0.1 if options.quick else 1.0
    lineup = Lineup()
    started = time.perf_counter()
    sections: list[Table] = []

    def report(table: Table) -> None:
        sections.append(table)
        print(table.markdown(), flush=True)

    per_call, medians = latency(lineup, rounds=5, calls=int(300 * scale) + 5, budget=0.4 * scale)
    report(per_call)
    report(breakdown(lineup, medians, calls=int(1000 * scale) + 5))
    report(activation(lineup, rounds=5, calls=int(200 * scale) + 5, budget=0.4 * scale))
    report(imports(runs=max(3, int(9 * scale))))
    report(scaling(lineup, _sizes(scale), calls=int(300 * scale) + 5))
    report(memory(lineup, {"ecsmock": int(5_000 * scale), "moto": int(2_000 * scale)}))
    report(revision_memory(lineup, int(2_000 * scale)))
    report(task_scaling(lineup, [int(n * scale) for n in (1_000, 10_000, 100_000)], calls=200))
    report(task_memory(lineup, int(5_000 * scale)))
    report(waiters(lineup, rounds=5))
    report(threads(lineup, workers=8, per_worker=int(500 * scale)))
    report(history(lineup, deleted=int(30_000 * scale), present=int(20_000 * scale), calls=100))
    elapsed = time.perf_counter() - started
    print(f"Whole run: {elapsed:.0f} s", file=sys.stderr)
    if options.write:
        options.write.write_text(_page(sections, elapsed))


def _sizes(scale: float) -> list[int]:
    return [int(size * scale) for size in (1_000, 10_000, 50_000)]


def _page(sections: list[Table], elapsed: float) -> str:
    packages = ", ".join(f"{name} {version(name)}" for name in ("botocore", "boto3", "moto"))
    header = f"""# Performance

How fast ecsmock answers, side by side with botocore's own floor and with moto, in one process
run. Produced by `{COMMAND}`
after `pip install -e '.[bench]'`, in {elapsed:.0f} s. These machines are noisy: absolute times
drift from run to run, the ratios hold. No test asserts any of it.

- Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}
- Python {platform.python_version()}; {packages}
- Date: {datetime.date.today().isoformat()}

## How to read it

- **floor** is a do-nothing `before-send` handler that answers with fixed bytes: what botocore
  itself costs (validation, serialization, SigV4 signing, events, parsing), the lower bound for
  any mock that, like ecsmock, lets botocore do everything it does against AWS.
- ecsmock leaves mocked requests unsigned, which saves more than ecsmock's own work costs, so
  small calls come out below the signed floor. The **unsigned floor** is botocore without
  signing: the gap to it is everything ecsmock does.
- The breakdown splits that gap: ecsmock's core (`wire.serve`: decode, validate, act, encode) and
  the hook. For `describe_clusters` of 100 clusters, botocore's parsing of the 30 KB answer is
  most of the call, and encoding that JSON is the largest part of ecsmock's share; any mock that
  answers over HTTP pays it. `python -m bench.profile "describe_clusters, 100 names"` shows it.

"""
    return header + "\n".join(section.markdown() for section in sections)


main()
