"""Profile one call under ecsmock: `python -m bench.profile [call] [--sort cumulative]`.

The call is one of the per-call table's (`create_cluster`, `describe_clusters, 100 names`, ...).
Functions in botocore are botocore's cost, which the floor pays too; functions in ecsmock (and the
`json` work it asks for) are what ecsmock can fix. cProfile counts every call, so it inflates
code that makes many small calls: read it for where the time goes, and the benchmark for how
much. (pyinstrument's sampling put most of the time in botocore/serialize.py here, which timing
that code alone does not confirm.)
"""

from __future__ import annotations

import argparse
import cProfile
import pstats

from bench.contenders import Ecsmock
from bench.latency import CALLS

CALLS_BY_LABEL = {call.label: call for call in CALLS}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("call", nargs="?", default=CALLS[0].label, choices=CALLS_BY_LABEL)
    parser.add_argument("--times", type=int, default=2000, help="how many calls to profile")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--top", type=int, default=25, help="how many functions to show")
    options = parser.parse_args()
    call = CALLS_BY_LABEL[options.call]
    ecsmock = Ecsmock()
    with ecsmock.active():
        client = ecsmock.client()
        made = call.seed(ecsmock, client)
        call.call(client, -1, made)  # the first call loads what botocore caches
        with cProfile.Profile() as profile:
            for i in range(options.times):
                call.call(client, i, made)
    stats = pstats.Stats(profile).strip_dirs().sort_stats(options.sort)
    stats.print_stats(options.top)


if __name__ == "__main__":
    main()
