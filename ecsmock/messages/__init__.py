"""Every error message ecsmock answers with, one table per family, each entry with its provenance.

The docs (the fidelity ledger) show which texts are AWS's own, byte for byte, and which are
ecsmock's choice in AWS's style. A wrong text is fixed in its table, in one place. A new family
adds its module here and its table to `TABLES`.
"""

from __future__ import annotations

from ecsmock.errors import ErrorTable
from ecsmock.messages.account_settings import AccountSettingErrors
from ecsmock.messages.capacity_providers import CapacityProviderErrors
from ecsmock.messages.clusters import ClusterErrors
from ecsmock.messages.common import CommonErrors
from ecsmock.messages.container_instances import ContainerInstanceErrors
from ecsmock.messages.tags import TagErrors
from ecsmock.messages.task_definitions import TaskDefinitionErrors
from ecsmock.messages.tasks import TaskErrors
from ecsmock.messages.wire import WireErrors

TABLES: tuple[type[ErrorTable], ...] = (
    WireErrors,
    CommonErrors,
    ClusterErrors,
    CapacityProviderErrors,
    TagErrors,
    AccountSettingErrors,
    TaskDefinitionErrors,
    ContainerInstanceErrors,
    TaskErrors,
)
