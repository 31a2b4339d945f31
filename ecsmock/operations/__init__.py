"""The ECS operations ecsmock serves: `OPERATIONS` is the single list of them.

Each is a pure function `(state for one account and Region, request) -> response`, in the
camelCase of the wire; it raises `AwsError` for anything AWS would refuse, before changing state.
"""

from __future__ import annotations

from collections.abc import Callable

from ecsmock.models import Json
from ecsmock.operations import (
    account_settings,
    agent,
    attributes,
    capacity_providers,
    cluster_updates,
    clusters,
    container_instances,
    tags,
    task_definitions,
    tasks,
)
from ecsmock.params import Params
from ecsmock.state.region import RegionState

Operation = Callable[[RegionState, Params], Json]

OPERATIONS: dict[str, Operation] = {
    "CreateCluster": clusters.create_cluster,
    "DescribeClusters": clusters.describe_clusters,
    "ListClusters": clusters.list_clusters,
    "DeleteCluster": clusters.delete_cluster,
    "UpdateCluster": cluster_updates.update_cluster,
    "UpdateClusterSettings": cluster_updates.update_cluster_settings,
    "PutClusterCapacityProviders": cluster_updates.put_cluster_capacity_providers,
    "CreateCapacityProvider": capacity_providers.create_capacity_provider,
    "DescribeCapacityProviders": capacity_providers.describe_capacity_providers,
    "UpdateCapacityProvider": capacity_providers.update_capacity_provider,
    "DeleteCapacityProvider": capacity_providers.delete_capacity_provider,
    "TagResource": tags.tag_resource,
    "UntagResource": tags.untag_resource,
    "ListTagsForResource": tags.list_tags_for_resource,
    "PutAccountSetting": account_settings.put_account_setting,
    "PutAccountSettingDefault": account_settings.put_account_setting_default,
    "ListAccountSettings": account_settings.list_account_settings,
    "DeleteAccountSetting": account_settings.delete_account_setting,
    "RegisterTaskDefinition": task_definitions.register_task_definition,
    "DescribeTaskDefinition": task_definitions.describe_task_definition,
    "DeregisterTaskDefinition": task_definitions.deregister_task_definition,
    "DeleteTaskDefinitions": task_definitions.delete_task_definitions,
    "ListTaskDefinitions": task_definitions.list_task_definitions,
    "ListTaskDefinitionFamilies": task_definitions.list_task_definition_families,
    "RegisterContainerInstance": container_instances.register_container_instance,
    "DeregisterContainerInstance": container_instances.deregister_container_instance,
    "DescribeContainerInstances": container_instances.describe_container_instances,
    "ListContainerInstances": container_instances.list_container_instances,
    "UpdateContainerInstancesState": container_instances.update_container_instances_state,
    "UpdateContainerAgent": container_instances.update_container_agent,
    "DiscoverPollEndpoint": agent.discover_poll_endpoint,
    "SubmitTaskStateChange": agent.submit_task_state_change,
    "SubmitContainerStateChange": agent.submit_container_state_change,
    "SubmitAttachmentStateChanges": agent.submit_attachment_state_changes,
    "PutAttributes": attributes.put_attributes,
    "DeleteAttributes": attributes.delete_attributes,
    "ListAttributes": attributes.list_attributes,
    "RunTask": tasks.run_task,
    "StartTask": tasks.start_task,
    "StopTask": tasks.stop_task,
    "DescribeTasks": tasks.describe_tasks,
    "ListTasks": tasks.list_tasks,
    "GetTaskProtection": tasks.get_task_protection,
    "UpdateTaskProtection": tasks.update_task_protection,
    "ExecuteCommand": tasks.execute_command,
}

# Where ecsmock knowingly answers differently from AWS (shown on the served-operations page).
KNOWN_DEVIATIONS: dict[str, str] = {
    "CreateCluster": "Clusters with Auto Scaling group providers are PROVISIONING in the create "
    "response; the next read shows them settled (ACTIVE, attachments CREATED) unless a test "
    "chose timings.cluster_capacity. No service-linked role is created. Container Insights "
    "re-enabled on a re-created name applies at once (AWS waits 7 days).",
    "DeleteCluster": "Deleting a cluster releases FARGATE and FARGATE_SPOT and shows "
    "capacityProviders [] on the INACTIVE cluster. INACTIVE clusters stay describable for the "
    "whole activation.",
    "ListClusters": "Clusters are listed in the order their names were first created.",
    "CreateCapacityProvider": "Auto Scaling group providers only; managedInstancesProvider raises "
    "UnservedOperationError. The Auto Scaling group itself is not checked (it need not exist).",
    "UpdateCapacityProvider": "UPDATE_IN_PROGRESS lasts until the next call unless a test chose "
    "timings.capacity_provider_update.",
    "DeleteCapacityProvider": "DELETE_IN_PROGRESS lasts until the next call unless a test chose "
    "timings.capacity_provider_deletion.",
    "TagResource": "Clusters, capacity providers, task definitions, container instances and "
    "tasks can be tagged; other ECS resource types answer 'Unsupported resource type'.",
    "RegisterTaskDefinition": "requiresAttributes lists only the capabilities ecsmock derives "
    "(task role, awsvpc, log drivers, ECR, execution role). Secrets, GPUs and Windows rules are "
    "not checked.",
    "DeleteTaskDefinitions": "A deleted revision is gone once timings.task_definition_deletion "
    "has passed (0: the next call) and no task runs it; services do not hold it yet.",
    "RegisterContainerInstance": "The identity document's signature is not checked; without "
    "a document the instance gets made-up ids.",
    "DeregisterContainerInstance": "Without force, an instance with tasks that have not "
    "stopped is refused with ecsmock's text (AWS's is not public).",
    "UpdateContainerAgent": "An update is available to any agent older than the one ecsmock "
    "calls the latest; it completes once timings.container_agent_update has passed.",
    "SubmitTaskStateChange": "Acknowledged, changing nothing: tasks move on ecsmock's clock.",
    "SubmitContainerStateChange": "Acknowledged, changing nothing: tasks move on ecsmock's clock.",
    "SubmitAttachmentStateChanges": "Acknowledged, changing nothing.",
    "ListAccountSettings": "Settings nobody set have today's defaults for a new account.",
    "RunTask": "Tasks run nothing: they move PROVISIONING/PENDING to RUNNING on ecsmock's clock "
    "(timings.task_*) and stop when asked or made to by the handle. Subnets and security groups "
    "are not checked against EC2; EBS volumeConfigurations are accepted and not attached. "
    "Without a placement strategy tasks are placed at random from the mock's ids. Port ranges "
    "(containerPortRange) are not bound.",
    "StartTask": "The same task as RunTask's, on the instances named.",
    "StopTask": "Stopped tasks stay described for the whole activation (AWS: at least an hour).",
    "ListTasks": "serviceName answers ServiceNotFoundException and daemonName lists nothing: "
    "ecsmock serves no services or daemons yet.",
    "GetTaskProtection": "Every task is standalone until services are served: TASK_NOT_VALID.",
    "UpdateTaskProtection": "Every task is standalone until services are served: TASK_NOT_VALID.",
    "ExecuteCommand": "The session is shaped as AWS's but opens nothing; no command runs.",
}
