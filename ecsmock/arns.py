"""Build and parse ARNs, and find a region's partition in botocore's own partition data."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

_ARN = re.compile(r"arn:([a-z0-9-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)")


@dataclass(frozen=True)
class Arn:
    partition: str
    service: str
    region: str
    account_id: str
    resource: str

    @property
    def resource_type(self) -> str:
        return self.resource.partition("/")[0]

    @property
    def resource_id(self) -> str:
        return self.resource.partition("/")[2]


def parse(text: str) -> Arn | None:
    match = _ARN.fullmatch(text)  # `$` would let a final newline through
    return Arn(*match.groups()) if match else None


def build(partition: str, service: str, region: str, account_id: str, resource: str) -> str:
    return f"arn:{partition}:{service}:{region}:{account_id}:{resource}"


@functools.cache
def partition_of(region: str) -> str:
    """The partition botocore would put this region in (`aws` when no rule matches)."""
    for partition in _partitions():
        if region in partition["regions"] or re.fullmatch(partition["regionRegex"], region):
            return str(partition["id"])
    return "aws"


@functools.cache
def dns_suffix(region: str) -> str:
    """The domain of the region's endpoints (`amazonaws.com`, `amazonaws.com.cn`, ...)."""
    wanted = partition_of(region)
    return next(str(p["outputs"]["dnsSuffix"]) for p in _partitions() if p["id"] == wanted)


@functools.cache
def _partitions() -> list[dict[str, Any]]:
    from botocore.loaders import create_loader  # lazy: keeps `import ecsmock` light

    partitions: list[dict[str, Any]] = create_loader().load_data("partitions")["partitions"]
    return partitions
