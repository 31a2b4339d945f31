"""The store of task definitions: every revision of every family of one account and Region, and
the sorted listings that ListTaskDefinitions and ListTaskDefinitionFamilies page through."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecsmock.models import ACTIVE, INACTIVE, Json, tags_to_api
from ecsmock.models.task_definitions import STATUSES, TaskDefinition
from ecsmock.state.table import Listing, span, starting_with

ALL = "ALL"


@dataclass(slots=True)
class Family:
    name: str
    last_revision: int = 0  # never reused, even once its revisions are deleted
    revisions: dict[int, TaskDefinition] = field(default_factory=dict)  # those not yet gone
    active: int = 0  # how many of them are ACTIVE


class TaskDefinitions:
    """Revisions by family. Each status has a listing keyed (family, revision); families have
    listings keyed by name: every family shown (ALL), those with an ACTIVE revision (ACTIVE), and
    those without one (INACTIVE). Only this class changes them, and `audit` recomputes them."""

    name = "taskDefinitions"

    def __init__(self) -> None:
        self.families: dict[str, Family] = {}
        self.by_status: dict[str, Listing[TaskDefinition]] = {s: Listing() for s in STATUSES}
        self.family_listings: dict[str, Listing[str]] = {
            status: Listing() for status in (ALL, ACTIVE, INACTIVE)
        }

    def get(self, family: str, revision: int) -> TaskDefinition | None:
        known = self.families.get(family)
        return None if known is None else known.revisions.get(revision)

    def latest_active(self, family: str) -> TaskDefinition | None:
        listing = self.by_status[ACTIVE]
        first, last = span(listing.keys, *starting_with(family))
        return listing.item(listing.keys[last - 1]) if last > first else None

    def next_revision(self, family: str) -> int:
        known = self.families.get(family)
        return 1 if known is None else known.last_revision + 1

    def add(self, definition: TaskDefinition) -> None:
        known = self.families.setdefault(definition.family, Family(definition.family))
        known.last_revision = definition.revision
        known.revisions[definition.revision] = definition
        self.by_status[definition.status].put(_key(definition), definition)
        known.active += definition.status == ACTIVE
        self._show(known)

    def set_status(self, definition: TaskDefinition, status: str) -> None:
        known = self.families[definition.family]
        self.by_status[definition.status].discard(_key(definition))
        known.active += (status == ACTIVE) - (definition.status == ACTIVE)
        definition.status = status
        self.by_status[status].put(_key(definition), definition)
        self._show(known)

    def remove(self, definition: TaskDefinition) -> None:
        """A deleted revision is gone: not described, not listed; its number stays taken."""
        known = self.families[definition.family]
        del known.revisions[definition.revision]
        self.by_status[definition.status].discard(_key(definition))
        known.active -= definition.status == ACTIVE
        self._show(known)

    def _show(self, family: Family) -> None:
        """List the family where it belongs now, and nowhere else."""
        shown = {ALL, ACTIVE if family.active else INACTIVE} if family.revisions else set()
        for status, listing in self.family_listings.items():
            if (status in shown) != (family.name in listing):
                if status in shown:
                    listing.put(family.name, family.name)
                else:
                    listing.discard(family.name)

    @property
    def is_empty(self) -> bool:
        return not self.families

    def snapshot(self) -> Json:
        return {
            name: {
                "lastRevision": family.last_revision,
                "revisions": [
                    {**td.to_api(), "tags": tags_to_api(td.tags)}
                    for td in family.revisions.values()
                ],
            }
            for name, family in self.families.items()
        }

    def audit(self) -> list[str]:
        problems: list[str] = []
        revisions = [td for family in self.families.values() for td in family.revisions.values()]
        for status, listing in self.by_status.items():
            wanted = sorted(_key(td) for td in revisions if td.status == status)
            if list(listing.keys) != wanted:
                problems.append(f"taskDefinitions: the {status} listing is wrong")
        for family in self.families.values():
            if family.active != sum(td.status == ACTIVE for td in family.revisions.values()):
                problems.append(f"taskDefinitions: the ACTIVE count of {family.name} is wrong")
        for status, shown in self.family_listings.items():
            wanted_families = sorted(
                family.name
                for family in self.families.values()
                if family.revisions and status in (ALL, ACTIVE if family.active else INACTIVE)
            )
            if list(shown.keys) != wanted_families:
                problems.append(f"taskDefinitions: the {status} family listing is wrong")
        return problems


def _key(definition: TaskDefinition) -> tuple[str, int]:
    return (definition.family, definition.revision)
