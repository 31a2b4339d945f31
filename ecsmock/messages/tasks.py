"""The error table of tasks: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DOC, _DECISION = Provenance.AWS, Provenance.DOC, Provenance.DECISION
_IPE = "InvalidParameterException"

# Reasons answered in `failures[]` rather than as errors: the Developer Guide's list of API
# failure reasons, and UpdateTaskProtection's reference for TASK_NOT_VALID.
TASK_NOT_VALID = "TASK_NOT_VALID"  # task protection of a standalone task
AGENT = "AGENT"  # an instance whose agent is disconnected
ATTRIBUTE = "ATTRIBUTE"  # an instance a placement constraint or required attribute excludes
RESOURCE_CPU = "RESOURCE:CPU"
RESOURCE_MEMORY = "RESOURCE:MEMORY"
RESOURCE_PORTS = "RESOURCE:PORTS"


class TaskErrors(ErrorTable):
    """Errors of RunTask, StartTask, StopTask, DescribeTasks, ListTasks, task protection and
    ExecuteCommand."""

    DEFINITION_NOT_FOUND = Message(
        "ClientException",
        "TaskDefinition not found.",
        _AWS,
        "https://github.com/remind101/empire/issues/353; "
        "https://github.com/Cloud-CV/EvalAI/issues/2419 (CreateService)",
    )
    DEFINITION_INACTIVE = Message(
        _IPE,
        "TaskDefinition is inactive",
        _AWS,
        "https://github.com/DefangLabs/defang/pull/775",
    )
    LAUNCH_TYPE_UNSUPPORTED = Message(
        _IPE,
        "Task definition does not support launch_type {launch_type}.",
        _AWS,
        "https://github.com/aws/aws-cli/issues/3983 (UpdateService)",
    )
    LAUNCH_TYPE_AND_STRATEGY = Message(
        _IPE,
        "Specifying both a launch type and capacity provider strategy is not supported. Remove "
        "one and try again.",
        _AWS,
        "https://github.com/pulumi/pulumi-awsx/issues/599",
    )
    NO_INSTANCES = Message(
        _IPE,
        "No Container Instances were found in your cluster.",
        _AWS,
        "https://github.com/jenkinsci/amazon-ecs-plugin/issues/217",
    )
    COUNT = Message(
        _IPE,
        "count must be between 1 and 10. Specify a count in that range and try again.",
        _DOC,
        "limit from the RunTask API reference",
    )
    NETWORK_REQUIRED = Message(
        _IPE,
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
        _AWS,
        "https://github.com/PasseiDireto/gh-runner-task-action/issues/8",
    )
    NETWORK_NOT_VALID = Message(
        _IPE,
        "Network Configuration is not valid for the given networkMode of this task definition.",
        _AWS,
        "https://github.com/muya/amazon-ecs-run-task/issues/7",
    )
    SUBNETS_EMPTY = Message(
        _IPE,
        "subnets can not be empty.",
        _AWS,
        "https://github.com/opensearch-project/opensearch-migrations/issues/1430",
    )
    TOO_MANY_SUBNETS = Message(
        _IPE,
        "subnets can have at most 16 items.",
        _AWS,
        "https://github.com/docker/compose-cli/issues/996",
    )
    TOO_MANY_SECURITY_GROUPS = Message(
        _IPE,
        "securityGroups can have at most 5 items.",
        _DOC,
        "limit from the AwsVpcConfiguration API reference; wording as AWS words the subnets'",
    )
    PUBLIC_IP = Message(
        _IPE,
        "Assign public IP is not supported for this launch type.",
        _AWS,
        "https://github.com/nathanpeck/socket.io-chat-fargate/issues/3",
    )
    OVERRIDE_CONTAINER = Message(
        _IPE,
        "Override for container named {name} is not a container in the TaskDefinition.",
        _AWS,
        "https://github.com/azavea/django-ecsmanage/issues/21",
    )
    OVERRIDE_TWICE = Message(
        _IPE,
        "Container {name} is overridden more than once. Give each container one override and "
        "try again.",
        _DECISION,
        "ecsmock's choice",
    )
    OVERRIDE_AMOUNT = Message(
        _IPE,
        "Invalid '{member}' override for container '{name}': it must be {least} or more.",
        _DECISION,
        "ecsmock's choice, in the style of the task definition's container messages",
    )
    OVERRIDES_TOO_LONG = Message(
        _IPE,
        "Container Overrides length must be at most 8192. Shorten the overrides and try again.",
        _DOC,
        "limit from the RunTask API reference",
    )
    STARTED_BY = Message(
        _IPE,
        "startedBy can have up to 128 letters, numbers, hyphens, forward slashes and "
        "underscores. Specify a valid value and try again.",
        _DOC,
        "rule from the RunTask API reference",
    )
    GROUP = Message(
        _IPE,
        "group can have up to 255 letters, numbers, hyphens, underscores, colons, periods and "
        "forward slashes. Specify a valid group and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    CLIENT_TOKEN = Message(
        _IPE,
        "clientToken can have up to 64 characters in the range 33 to 126. Specify a valid token "
        "and try again.",
        _DOC,
        "rule from the RunTask API reference",
    )
    CLIENT_TOKEN_CONFLICT = Message(
        "ConflictException",
        "The specified clientToken is already in use with a different RunTask request. Use a "
        "new clientToken, or repeat the request exactly.",
        _DOC,
        "rule from the RunTask API reference (ConflictException)",
    )
    PROPAGATE_SERVICE = Message(
        _IPE,
        "propagateTags SERVICE is not supported when running a task. Specify TASK_DEFINITION or "
        "NONE and try again.",
        _DOC,
        "rule from the RunTask API reference",
    )
    EXECUTE_COMMAND_ROLE = Message(
        _IPE,
        "The execute command failed because a valid task role is not being used. Specify a "
        "valid task role in your task definition or as a task override and try again.",
        _AWS,
        "https://github.com/boto/boto3/issues/3173",
    )
    PLATFORM_UNKNOWN = Message(
        "PlatformUnknownException",
        "The specified platform does not exist.",
        _AWS,
        "https://github.com/jenkinsci/amazon-ecs-plugin/issues/218",
    )
    PLATFORM_ON_EC2 = Message(
        _IPE,
        "The platform version must be null when specifying an EC2 launch type.",
        _AWS,
        "https://github.com/aws/amazon-ecs-cli/issues/1040 (CreateService)",
    )
    FARGATE_CONSTRAINTS = Message(
        _IPE,
        "Placement constraints are not supported with FARGATE launch type.",
        _AWS,
        "https://github.com/GetSimpl/cloudlift/issues/138 (CreateService)",
    )
    FARGATE_STRATEGY = Message(
        _IPE,
        "Placement strategies are not supported with FARGATE launch type.",
        _AWS,
        "https://github.com/hashicorp/terraform-provider-aws/issues/26337",
    )
    STRATEGY_WEIGHTS = Message(
        _IPE,
        "A capacity provider strategy needs a weight greater than 0 for at least one capacity "
        "provider. Give one a weight and try again.",
        _DOC,
        "rule from botocore's model documentation (CapacityProviderStrategyItem.weight)",
    )
    TOO_MANY_CONSTRAINTS = Message(
        _IPE,
        "A task can have at most 10 placement constraints, counting those of its task "
        "definition. Remove some and try again.",
        _DOC,
        "limit from the RunTask API reference",
    )
    TOO_MANY_STRATEGIES = Message(
        _IPE,
        "A task can have at most 5 placement strategy rules. Remove some and try again.",
        _DOC,
        "limit from the RunTask API reference",
    )
    CONSTRAINT_EXPRESSION = Message(
        _IPE,
        "Invalid placement constraint expression {expression!r}: {reason}. See the cluster "
        "query language in the Amazon ECS Developer Guide.",
        _DECISION,
        "ecsmock's choice",
    )
    DISTINCT_WITH_EXPRESSION = Message(
        _IPE,
        "distinctInstance expression should not be specified.",
        _AWS,
        "https://github.com/hashicorp/terraform/issues/11471",
    )
    STRATEGY_FIELD = Message(
        _IPE,
        "The placement strategy {type} does not take the field {field}. binpack takes cpu or "
        "memory, spread takes instanceId, host or attribute:<name>, random takes none.",
        _DOC,
        "rule from the PlacementStrategy API reference",
    )
    TASKS_EMPTY = Message(
        _IPE,
        "Tasks cannot be empty.",
        _AWS,
        "https://github.com/aws/copilot-cli/issues/3551",
    )
    TOO_MANY_DESCRIBED = Message(
        _IPE,
        "taskIds can have at most 100 items.",
        _AWS,
        "https://github.com/gchq/sleeper/issues/555",
    )
    TOO_MANY_PROTECTED = Message(
        _IPE,
        "taskIds can have at most 10 items.",
        _DOC,
        "limit from the UpdateTaskProtection API reference; wording as DescribeTasks'",
    )
    TASK_NOT_FOUND = Message(
        _IPE,
        "The referenced task was not found",
        _AWS,
        "https://github.com/griptape-ai/griptape-nodes-engine/issues/1454",
    )
    TASK_OTHER_CLUSTER = Message(
        _IPE,
        "Invalid identifier: Identifier is for cluster {other}. Your cluster is {cluster}",
        _AWS,
        "https://github.com/aws/aws-sdk-java/issues/3093 (DescribeServices)",
    )
    REASON_TOO_LONG = Message(
        _IPE,
        "reason can have at most 1024 characters. Shorten it and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    SERVICE_NOT_FOUND = Message(
        "ServiceNotFoundException",
        "Service not found.",
        _AWS,
        "https://github.com/hashicorp/terraform/pull/15073 (UpdateService)",
    )
    FAMILY_FILTER = Message(
        _IPE,
        "family must match ^[a-zA-Z0-9\\-_]+$",
        _AWS,
        "https://github.com/aws/amazon-ecs-cli/issues/542",
    )
    STARTED_BY_ALONE = Message(
        _IPE,
        "When startedBy is specified, it must be the only filter. Remove the other filters and "
        "try again.",
        _DOC,
        "rule from the ListTasks API reference",
    )
    PROTECTION_MINUTES = Message(
        _IPE,
        "expiresInMinutes must be between 1 and 2880. Specify a value in that range and try again.",
        _DOC,
        "limit from the UpdateTaskProtection API reference",
    )
    EXECUTE_NOT_ENABLED = Message(
        _IPE,
        "The execute command failed because execute command was not enabled when the task was "
        "run or the execute command agent isn\u2019t running. Wait and try again or run a new task "
        "with execute command enabled and try again.",
        _AWS,
        "https://github.com/fabfuel/ecs-deploy/issues/193",
    )
    INTERACTIVE_ONLY = Message(
        _IPE,
        "Interactive is the only mode supported currently.",
        _DOC,
        "rule from the Amazon ECS Developer Guide (ECS Exec: interactive sessions only); the "
        "text as users' logs of ExecuteCommand quote it",
    )
    CONTAINER_REQUIRED = Message(
        _IPE,
        "The task has more than one container: specify the container to run the command in.",
        _DOC,
        "rule from the ExecuteCommand API reference",
    )
    CONTAINER_NOT_FOUND = Message(
        _IPE,
        "The task has no container named {name}. Specify one of its containers and try again.",
        _DECISION,
        "ecsmock's choice",
    )
    COMMAND = Message(
        _IPE,
        "command can not be empty. Give the command to run, such as /bin/sh, and try again.",
        _DECISION,
        "ecsmock's choice",
    )
