"""The error table of task definitions: see `ecsmock.messages`."""

from __future__ import annotations

from ecsmock.errors import ErrorTable, Message, Provenance

_AWS, _DOC, _DECISION = Provenance.AWS, Provenance.DOC, Provenance.DECISION
_CE = "ClientException"
_IPE = "InvalidParameterException"
_FARGATE_TEXT = "ecsmock's choice, in the words of the Fargate messages AWS answers"

# DeleteTaskDefinitions answers these per revision, in `failures[]`, not as an error. DECISION:
# no real text is public; these are the sentences moto and other emulators use.
FAILURE_STILL_ACTIVE = (
    "The specified task definition is still in ACTIVE status. Please deregister the target and "
    "try again."
)
FAILURE_DOES_NOT_EXIST = (
    "The specified task definition does not exist. Specify a valid account, family, revision "
    "and try again."
)
FAILURE_INVALID_IDENTIFIER = (
    "The specified task definition identifier is invalid. Specify a valid name or ARN and try "
    "again."
)


class TaskDefinitionErrors(ErrorTable):
    """Errors of the task definition operations: registration's rules, identifiers, lookups."""

    FAMILY_BLANK = Message(
        _CE,
        "Family can not be blank.",
        _AWS,
        "https://github.com/aws/aws-sdk-go/issues/132",
    )
    FAMILY_CHARACTERS = Message(
        _CE,
        "Family contains invalid characters.",
        _AWS,
        "https://github.com/aws/amazon-ecs-cli/issues/542 (also answered for more than 255)",
    )
    NO_CONTAINERS = Message(
        _CE,
        "Container list cannot be empty.",
        _AWS,
        "https://github.com/awsdocs/aws-cloudformation-user-guide/pull/454",
    )
    TOO_MANY_CONTAINERS = Message(
        _CE, "Too many containers.", _AWS, "https://github.com/aws/amazon-ecs-cli/issues/184"
    )
    CONTAINER_NAME_BLANK = Message(
        _CE,
        "Container.name should not be null or empty.",
        _AWS,
        "https://github.com/hashicorp/terraform/issues/2888",
    )
    CONTAINER_NAME_CHARACTERS = Message(
        _CE,
        "Container.name contains invalid characters.",
        _AWS,
        "https://github.com/ansible/ansible/issues/22860",
    )
    CONTAINER_IMAGE_BLANK = Message(
        _CE,
        "Container.image should not be null or empty.",
        _AWS,
        "https://github.com/aws/aws-cli/issues/5924",
    )
    CONTAINER_NAMES_UNIQUE = Message(
        _CE,
        "Container names must be unique within a Task Definition.",
        _AWS,
        "https://github.com/metaps/genova/issues/291",
    )
    NO_ESSENTIAL = Message(
        _CE,
        "Task definition doesn't have any essential container.",
        _AWS,
        "https://github.com/eagletmt/hako/pull/68",
    )
    TASK_CPU = Message(
        _CE,
        "Invalid 'cpu' setting for task.",
        _AWS,
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
    )
    TASK_MEMORY = Message(
        _CE,
        "Invalid 'memory' setting for task.",
        _DECISION,
        "the cpu message, for memory (AWS's guide shows only the cpu text)",
    )
    CONTAINER_MEMORY_MISSING = Message(
        _CE,
        "Invalid setting for container '{name}'. At least one of 'memory' or "
        "'memoryReservation' must be specified.",
        _AWS,
        "https://github.com/cuttlesoft/ecs-deploy.py/issues/17",
    )
    CONTAINER_MEMORY_ABOVE_TASK = Message(
        _CE,
        "The 'memory' setting for container '{name}' is greater than for the task.",
        _AWS,
        "https://github.com/pulumi/pulumi-awsx/issues/188",
    )
    CONTAINERS_CPU_ABOVE_TASK = Message(
        _CE,
        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
        _AWS,
        "https://github.com/klothoplatform/klotho/issues/892",
    )
    CONTAINERS_RESERVATION_ABOVE_TASK = Message(
        _CE,
        "The sum of all container 'memoryReservation' values cannot be greater than the value "
        "of the task 'memory'.",
        _AWS,
        "https://github.com/cloudnativedaysjp/dreamkast-infra/pull/4766",
    )
    CONTAINER_RESERVATION_ABOVE_MEMORY = Message(
        _CE,
        "Invalid setting for container '{name}'. 'memoryReservation' must be less than 'memory'.",
        _DECISION,
        "rule from botocore's model documentation (memory must be greater than memoryReservation)",
    )
    CONTAINER_SETTING = Message(
        _CE,
        "Invalid '{setting}' setting for container '{name}'.",
        _DECISION,
        "in the words of AWS's 'Invalid 'containerPort' setting for container' message",
    )
    CONTAINER_PORT = Message(
        _CE,
        "Invalid 'containerPort' setting for container '{name}'.",
        _AWS,
        "https://github.com/aws/aws-cli/issues/7288",
    )
    AWSVPC_PORTS = Message(
        _CE,
        "When networkMode=awsvpc, the host ports and container ports in port mappings must match.",
        _AWS,
        "https://github.com/pulumi/pulumi-awsx/issues/935",
    )
    HOST_PORTS = Message(
        _CE,
        "When networkMode=host, the host ports and container ports in port mappings must match.",
        _DOC,
        "rule from botocore's model documentation; text as AWS's awsvpc message",
    )
    NONE_PORTS = Message(
        _CE,
        "Port mappings are not supported when networkMode=none.",
        _DOC,
        "rule from botocore's model documentation (portMappings)",
    )
    AWSVPC_HOSTNAME = Message(
        _CE,
        "hostname is not supported on container when networkMode=awsvpc.",
        _AWS,
        "https://github.com/labd/ecs-deplojo/issues/26",
    )
    LINKS = Message(
        _CE,
        "Links are not supported when networkMode={mode}.",
        _AWS,
        "https://github.com/aws-observability/aws-otel-collector/issues/1359 (awsvpc)",
    )
    AWSVPC_EXTRA_HOSTS = Message(
        _CE,
        "extraHosts is not supported on container when networkMode=awsvpc.",
        _DOC,
        "rule from botocore's model documentation; text as AWS's hostname message",
    )
    DEPENDENCY_ESSENTIAL = Message(
        _CE,
        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential "
        "container",
        _AWS,
        "https://github.com/boto/boto3/issues/2436",
    )
    DEPENDENCY_UNKNOWN = Message(
        _CE,
        "Invalid 'dependsOn' setting for container '{name}'. Container '{other}' is not defined "
        "in the task definition. Define it, or depend on a container that is.",
        _DECISION,
        "ecsmock's choice",
    )
    VOLUME_NAME = Message(
        _CE,
        "Volume.name contains invalid characters.",
        _DOC,
        "rule from botocore's model documentation; text as AWS's container name message",
    )
    VOLUME_NAMES_UNIQUE = Message(
        _CE,
        "Volume names must be unique within a Task Definition.",
        _DOC,
        "rule from botocore's model documentation; text as AWS's container name message",
    )
    UNKNOWN_VOLUME = Message(
        _CE,
        "Invalid 'mountPoints' setting for container '{name}'. Volume '{volume}' is not defined "
        "in the task definition. Add it to volumes, or name a volume that is.",
        _DOC,
        "rule from botocore's model documentation (sourceVolume)",
    )
    UNKNOWN_VOLUMES_FROM = Message(
        _CE,
        "Invalid 'volumesFrom' setting for container '{name}'. Container '{other}' is not "
        "defined in the task definition. Define it, or name a container that is.",
        _DECISION,
        "ecsmock's choice",
    )
    FARGATE_NETWORK_MODE = Message(
        _CE,
        "Fargate only supports network mode \u2018awsvpc\u2019.",
        _AWS,
        "https://github.com/aws/amazon-ecs-cli/issues/1145 (typographic quotes as answered)",
    )
    FARGATE_CONFIGURATION = Message(
        _CE,
        "No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the "
        "Amazon ECS documentation for the valid values.",
        _AWS,
        "https://github.com/aws-games/cloud-game-development-toolkit/issues/737",
    )
    FARGATE_TASK_LEVEL = Message(
        _CE,
        "Fargate requires that '{setting}' be defined at the task level.",
        _AWS,
        "https://github.com/klothoplatform/klotho/issues/892 (cpu); "
        "https://github.com/aws/amazon-ecs-cli/issues/982 (memory)",
    )
    FARGATE_IPC_MODE = Message(
        _CE,
        "Tasks using the Fargate launch type do not support ipcMode.",
        _AWS,
        "https://github.com/cn-terraform/terraform-aws-ecs-fargate/issues/2",
    )
    FARGATE_PID_MODE = Message(
        _CE,
        "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value "
        "for pidMode is 'task'.",
        _AWS,
        "https://github.com/aws/aws-cdk/issues/29619",
    )
    FARGATE_PRIVILEGED = Message(
        _CE,
        "Tasks using the Fargate launch type do not support privileged containers.",
        _DOC,
        _FARGATE_TEXT,
    )
    FARGATE_STOP_TIMEOUT = Message(
        _CE,
        "Invalid 'stopTimeout' setting for container '{name}'. Tasks using the Fargate launch "
        "type support a stopTimeout of at most 120 seconds.",
        _DOC,
        _FARGATE_TEXT,
    )
    FARGATE_AWSLOGS_ROLE = Message(
        _CE,
        "Fargate requires task definition to have execution role ARN to support log driver "
        "awslogs.",
        _AWS,
        "https://github.com/virtual-kubelet/virtual-kubelet/issues/193",
    )
    FARGATE_ECR_ROLE = Message(
        _CE,
        "Fargate requires task definition to have execution role ARN to support ECR images.",
        _AWS,
        "https://github.com/hashicorp/terraform-provider-aws/issues/3051",
    )
    EXTERNAL_AWSVPC = Message(
        _CE,
        "Task definition does not support launch_type EXTERNAL. The EXTERNAL launch type does "
        "not support network mode \u2018awsvpc\u2019.",
        _DOC,
        "Amazon ECS documentation: external instances do not support awsvpc; words of AWS's "
        "launch_type message",
    )
    EPHEMERAL_STORAGE_LOW = Message(
        _CE,
        "EphemeralStorage size should be at least 21",
        _AWS,
        "https://github.com/guardian/cdk/pull/1101",
    )
    EPHEMERAL_STORAGE_HIGH = Message(
        _CE,
        "EphemeralStorage size should be at most 200",
        _DOC,
        "limit from botocore's model documentation; text as AWS's lower-bound message",
    )
    TOO_MANY_CONSTRAINTS = Message(
        _CE,
        "Too many placement constraints. A task definition can have at most 10.",
        _DOC,
        "limit from botocore's model documentation",
    )
    CONSTRAINT_EXPRESSION = Message(
        _CE,
        "Invalid placement constraint expression. An expression can be at most 2000 characters.",
        _DOC,
        "limit from botocore's model documentation",
    )
    DESCRIBE_NOT_FOUND = Message(
        _CE,
        "Unable to describe task definition.",
        _AWS,
        "https://github.com/getmoto/moto/pull/5910 (real aws ecs describe-task-definition)",
    )
    DOES_NOT_EXIST = Message(
        _CE,
        "The specified task definition does not exist.",
        _AWS,
        "https://github.com/cloud-custodian/cloud-custodian c7n/resources/ecs.py (handled as "
        "DeregisterTaskDefinition's answer for an unknown revision)",
    )
    BEING_DELETED = Message(
        _CE,
        "The specified task definition is in the process of being deleted.",
        _DECISION,
        "the words a public deploy script looks for in DeregisterTaskDefinition's answer",
    )
    REVISION_MISSING = Message(
        _CE,
        "Revision is missing. Specify the task definition as family:revision or by its full ARN.",
        _DOC,
        "botocore's model: 'You must specify a revision.'",
    )
    TOO_MANY_TO_DELETE = Message(
        _IPE,
        "taskDefinitions can have at most 10 items.",
        _DOC,
        "limit from botocore's model documentation; text after DescribeServices' real message",
    )
    DELETE_NOTHING = Message(
        _IPE,
        "taskDefinitions can not be empty. Specify 1 to 10 task definition revisions.",
        _DECISION,
        "ecsmock's choice",
    )
