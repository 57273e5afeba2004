/**
 * OpenAPI v3 component schemas for the built-in kinds. Deliberately compact: enough for
 * `kubectl explain`, for kubectl's field-validation capability check and for the patch-strategy
 * hints (`x-kubernetes-patch-merge-key`) that kubectl uses when it builds strategic merge patches.
 */
import type { JsonObject } from '../core/json.ts';

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const OBJECT_META = `${META}.ObjectMeta`;
export const LIST_META = `${META}.ListMeta`;

export function ref(name: string, description?: string): JsonObject {
  const out: JsonObject = { allOf: [{ $ref: `#/components/schemas/${name}` }] };
  if (description) out.description = description;
  return out;
}

export const str = (description: string, extra: JsonObject = {}): JsonObject => ({
  type: 'string',
  description,
  ...extra,
});
export const int = (description: string): JsonObject => ({ type: 'integer', format: 'int32', description });
export const bool = (description: string): JsonObject => ({ type: 'boolean', description });
export const strMap = (description: string): JsonObject => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string', default: '' },
});
export const arr = (description: string, items: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: 'array',
  description,
  items,
  ...extra,
});
export const mergeByKey = (key: string): JsonObject => ({
  'x-kubernetes-list-map-keys': [key],
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-patch-merge-key': key,
  'x-kubernetes-patch-strategy': 'merge',
});
export const time = (description: string): JsonObject => ref(`${META}.Time`, description);

export function gvk(group: string, version: string, kind: string): JsonObject[] {
  return [{ group, kind, version }];
}

/** Standard descriptions of the common top-level fields. */
export const DESCRIPTIONS = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers convert recognized schemas to the latest internal value and may reject unrecognized values.',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer it from the endpoint the client submits requests to. Cannot be updated. In CamelCase.',
  metadata: "Standard object's metadata.",
  listMetadata: 'Standard list metadata.',
  name: 'Name must be unique within a namespace. It is required when creating resources, although some resources may let the server generate it from generateName. Cannot be updated.',
  creationTimestamp:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is represented in RFC3339 form and is in UTC.',
};

export const metaSchemas: Readonly<Record<string, JsonObject>> = {
  [`${META}.Time`]: {
    type: 'string',
    format: 'date-time',
    description:
      'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON (RFC 3339).',
  },
  [OBJECT_META]: {
    type: 'object',
    description:
      'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    properties: {
      name: str(DESCRIPTIONS.name),
      generateName: str(
        'GenerateName is an optional prefix used by the server to generate a unique name when Name is not provided.',
      ),
      namespace: str(
        'Namespace defines the space within which each name must be unique. Must be a DNS_LABEL. Cannot be updated.',
      ),
      uid: str(
        'UID is the unique in time and space value for this object. Populated by the system. Read-only.',
      ),
      resourceVersion: str(
        'An opaque value that represents the internal version of this object, used for optimistic concurrency, change detection and watch. Populated by the system. Read-only.',
      ),
      generation: {
        type: 'integer',
        format: 'int64',
        description:
          'A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.',
      },
      creationTimestamp: time(DESCRIPTIONS.creationTimestamp),
      deletionTimestamp: time(
        'DeletionTimestamp is the RFC 3339 date and time at which this resource will be deleted. Set by the server when a graceful deletion is requested. Read-only.',
      ),
      deletionGracePeriodSeconds: {
        type: 'integer',
        format: 'int64',
        description:
          'Number of seconds allowed for this object to gracefully terminate before it is removed. Read-only.',
      },
      labels: strMap(
        'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
      ),
      annotations: strMap(
        'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.',
      ),
      ownerReferences: arr(
        'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.',
        ref(`${META}.OwnerReference`),
        mergeByKey('uid'),
      ),
      finalizers: arr(
        'Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.',
        { type: 'string', default: '' },
        { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
      ),
    },
  },
  [LIST_META]: {
    type: 'object',
    description: 'ListMeta describes metadata that synthetic resources must have, including lists.',
    properties: {
      resourceVersion: str(
        "String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed.",
      ),
      continue: str('continue may be set if the user set a limit on the number of items returned.'),
      remainingItemCount: {
        type: 'integer',
        format: 'int64',
        description:
          'The number of subsequent items in the list which are not included in this list response.',
      },
    },
  },
  [`${META}.OwnerReference`]: {
    type: 'object',
    description: 'OwnerReference contains enough information to let you identify an owning object.',
    required: ['apiVersion', 'kind', 'name', 'uid'],
    properties: {
      apiVersion: str('API version of the referent.'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      uid: str('UID of the referent.'),
      controller: bool('If true, this reference points to the managing controller.'),
      blockOwnerDeletion: bool(
        'If true, the owner cannot be deleted from the key-value store until this reference is removed.',
      ),
    },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${META}.LabelSelector`]: {
    type: 'object',
    description:
      'A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects.',
    properties: {
      matchLabels: strMap('matchLabels is a map of {key,value} pairs.'),
      matchExpressions: arr(
        'matchExpressions is a list of label selector requirements. The requirements are ANDed.',
        ref(`${META}.LabelSelectorRequirement`),
      ),
    },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${META}.LabelSelectorRequirement`]: {
    type: 'object',
    description:
      'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
    required: ['key', 'operator'],
    properties: {
      key: str('key is the label key that the selector applies to.'),
      operator: str(
        "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.",
      ),
      values: arr('values is an array of string values.', { type: 'string', default: '' }),
    },
  },
  [`${META}.Condition`]: {
    type: 'object',
    description: 'Condition contains details for one aspect of the current state of this API Resource.',
    required: ['type', 'status'],
    properties: {
      type: str('type of condition in CamelCase or in foo.example.com/CamelCase.'),
      status: str('status of the condition, one of True, False, Unknown.'),
      reason: str(
        "reason contains a programmatic identifier indicating the reason for the condition's last transition.",
      ),
      message: str('message is a human readable message indicating details about the transition.'),
      lastTransitionTime: time(
        'lastTransitionTime is the last time the condition transitioned from one status to another.',
      ),
    },
  },
};

export const CORE = 'io.k8s.api.core.v1';
export const APPS = 'io.k8s.api.apps.v1';
const AUTOSCALING = 'io.k8s.api.autoscaling.v1';
const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';

export const NAMESPACE_SCHEMA = `${CORE}.Namespace`;
export const DEPLOYMENT_SCHEMA = `${APPS}.Deployment`;
export const SCALE_SCHEMA = `${AUTOSCALING}.Scale`;
export const CRD_SCHEMA = `${APIEXT}.CustomResourceDefinition`;

export function topLevel(
  description: string,
  kind: string,
  group: string,
  version: string,
  props: JsonObject,
): JsonObject {
  return {
    type: 'object',
    description,
    properties: {
      apiVersion: str(DESCRIPTIONS.apiVersion),
      kind: str(DESCRIPTIONS.kind),
      metadata: ref(OBJECT_META, DESCRIPTIONS.metadata),
      ...props,
    },
    'x-kubernetes-group-version-kind': gvk(group, version, kind),
  };
}

export function listSchema(
  itemSchema: string,
  group: string,
  version: string,
  listKind: string,
  description: string,
): JsonObject {
  return {
    type: 'object',
    description,
    required: ['items'],
    properties: {
      apiVersion: str(DESCRIPTIONS.apiVersion),
      kind: str(DESCRIPTIONS.kind),
      metadata: ref(LIST_META, DESCRIPTIONS.listMetadata),
      items: arr('List of items.', ref(itemSchema)),
    },
    'x-kubernetes-group-version-kind': gvk(group, version, listKind),
  };
}

export const namespaceSchemas: Readonly<Record<string, JsonObject>> = {
  [NAMESPACE_SCHEMA]: topLevel(
    'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    'Namespace',
    '',
    'v1',
    {
      spec: ref(`${CORE}.NamespaceSpec`, 'Spec defines the behavior of the Namespace.'),
      status: ref(`${CORE}.NamespaceStatus`, 'Status describes the current status of a Namespace.'),
    },
  ),
  [`${CORE}.NamespaceSpec`]: {
    type: 'object',
    description: 'NamespaceSpec describes the attributes on a Namespace.',
    properties: {
      finalizers: arr(
        'Finalizers is an opaque list of values that must be empty to permanently remove the object from storage.',
        { type: 'string', default: '' },
        { 'x-kubernetes-list-type': 'atomic' },
      ),
    },
  },
  [`${CORE}.NamespaceStatus`]: {
    type: 'object',
    description: 'NamespaceStatus is information about the current status of a Namespace.',
    properties: {
      phase: str('Phase is the current lifecycle phase of the namespace.', {
        enum: ['Active', 'Terminating'],
      }),
    },
  },
  [`${CORE}.NamespaceList`]: listSchema(
    NAMESPACE_SCHEMA,
    '',
    'v1',
    'NamespaceList',
    'NamespaceList is a list of Namespaces.',
  ),
};

const anyObject = (description: string): JsonObject => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});
const int64 = (description: string): JsonObject => ({ type: 'integer', format: 'int64', description });

/** The PodSpec fields beyond the ones detailed above (sub-objects kept open). */
const podSpecMoreProperties: JsonObject = {
  ephemeralContainers: arr(
    'List of ephemeral containers run in this pod.',
    anyObject('An EphemeralContainer is a temporary container that you may add to an existing Pod.'),
    mergeByKey('name'),
  ),
  activeDeadlineSeconds: int64(
    'Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers.',
  ),
  dnsPolicy: str('Set DNS policy for the pod. Defaults to "ClusterFirst".'),
  serviceAccount: str('DeprecatedServiceAccount is a deprecated alias for ServiceAccountName.'),
  automountServiceAccountToken: bool(
    'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
  ),
  nodeName: str(
    'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.',
  ),
  hostNetwork: bool('Host networking requested for this pod. Default to false.'),
  hostPID: bool("Use the host's pid namespace. Optional: Default to false."),
  hostIPC: bool("Use the host's ipc namespace. Optional: Default to false."),
  shareProcessNamespace: bool('Share a single process namespace between all of the containers in a pod.'),
  securityContext: anyObject(
    'SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.',
  ),
  hostname: str(
    "Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value.",
  ),
  subdomain: str(
    'If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>".',
  ),
  affinity: anyObject("If specified, the pod's scheduling constraints"),
  schedulerName: str(
    'If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.',
  ),
  tolerations: arr(
    "If specified, the pod's tolerations.",
    anyObject(
      'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
    ),
    { 'x-kubernetes-list-type': 'atomic' },
  ),
  hostAliases: arr(
    "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified.",
    anyObject(
      "HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod's hosts file.",
    ),
    mergeByKey('ip'),
  ),
  priorityClassName: str("If specified, indicates the pod's priority."),
  priority: int(
    'The priority value. Various system components use this field to find the priority of the pod.',
  ),
  dnsConfig: anyObject('Specifies the DNS parameters of a pod.'),
  readinessGates: arr(
    'If specified, all readiness gates will be evaluated for pod readiness.',
    anyObject('PodReadinessGate contains the reference to a pod condition'),
    { 'x-kubernetes-list-type': 'atomic' },
  ),
  runtimeClassName: str(
    'RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.',
  ),
  enableServiceLinks: bool(
    "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true.",
  ),
  preemptionPolicy: str(
    'PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority.',
  ),
  overhead: strMap(
    'Overhead represents the resource overhead associated with running a pod for a given RuntimeClass.',
  ),
  topologySpreadConstraints: arr(
    'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains.',
    anyObject('TopologySpreadConstraint specifies how to spread matching pods among the given topology.'),
    mergeByKey('topologyKey'),
  ),
  setHostnameAsFQDN: bool(
    "If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default).",
  ),
  os: anyObject('Specifies the OS of the containers in the pod.'),
  hostUsers: bool("Use the host's user namespace. Optional: Default to true."),
  schedulingGates: arr(
    'SchedulingGates is an opaque list of values that if specified will block scheduling the pod.',
    anyObject('PodSchedulingGate is associated to a Pod to guard its scheduling.'),
    mergeByKey('name'),
  ),
  resourceClaims: arr(
    'ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start.',
    anyObject('PodResourceClaim references exactly one ResourceClaim.'),
    mergeByKey('name'),
  ),
  resources: anyObject(
    'Resources is the total amount of CPU and Memory resources required by all containers in the pod.',
  ),
};

/** The Container fields beyond the ones detailed above (sub-objects kept open). */
const containerMoreProperties: JsonObject = {
  workingDir: str("Container's working directory."),
  resizePolicy: arr(
    'Resources resize policy for the container.',
    anyObject('ContainerResizePolicy represents resource resize policy for the container.'),
    { 'x-kubernetes-list-type': 'atomic' },
  ),
  restartPolicy: str('RestartPolicy defines the restart behavior of individual containers in a pod.'),
  volumeDevices: arr(
    'volumeDevices is the list of block devices to be used by the container.',
    anyObject('volumeDevice describes a mapping of a raw block device within a container.'),
    mergeByKey('devicePath'),
  ),
  livenessProbe: anyObject(
    'Periodic probe of container liveness. Container will be restarted if the probe fails.',
  ),
  readinessProbe: anyObject('Periodic probe of container service readiness.'),
  startupProbe: anyObject('StartupProbe indicates that the Pod has successfully initialized.'),
  lifecycle: anyObject(
    'Actions that the management system should take in response to container lifecycle events.',
  ),
  terminationMessagePath: str(
    "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem.",
  ),
  terminationMessagePolicy: str(
    'Indicate how the termination message should be populated. File or FallbackToLogsOnError.',
  ),
  securityContext: anyObject(
    'SecurityContext defines the security options the container should be run with.',
  ),
  stdin: bool('Whether this container should allocate a buffer for stdin in the container runtime.'),
  stdinOnce: bool(
    'Whether the container runtime should close the stdin channel after it has been opened by a single attach.',
  ),
  tty: bool("Whether this container should allocate a TTY for itself, also requires 'stdin' to be true."),
};

export const podSchemas: Readonly<Record<string, JsonObject>> = {
  [`${CORE}.PodTemplateSpec`]: {
    type: 'object',
    description: 'PodTemplateSpec describes the data a pod should have when created from a template.',
    properties: {
      metadata: ref(OBJECT_META, DESCRIPTIONS.metadata),
      spec: ref(`${CORE}.PodSpec`, 'Specification of the desired behavior of the pod.'),
    },
  },
  [`${CORE}.PodSpec`]: {
    type: 'object',
    description: 'PodSpec is a description of a pod.',
    required: ['containers'],
    properties: {
      containers: arr(
        'List of containers belonging to the pod. There must be at least one container in a Pod.',
        ref(`${CORE}.Container`),
        mergeByKey('name'),
      ),
      initContainers: arr(
        'List of initialization containers belonging to the pod.',
        ref(`${CORE}.Container`),
        mergeByKey('name'),
      ),
      serviceAccountName: str('ServiceAccountName is the name of the ServiceAccount to use to run this pod.'),
      restartPolicy: str(
        'Restart policy for all containers within the pod. One of Always, OnFailure, Never.',
      ),
      nodeSelector: strMap('NodeSelector is a selector which must be true for the pod to fit on a node.'),
      terminationGracePeriodSeconds: {
        type: 'integer',
        format: 'int64',
        description: 'Optional duration in seconds the pod needs to terminate gracefully.',
      },
      volumes: arr(
        'List of volumes that can be mounted by containers belonging to the pod.',
        { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        mergeByKey('name'),
      ),
      imagePullSecrets: arr(
        'References to secrets in the same namespace to use for pulling any of the images.',
        { type: 'object', properties: { name: str('Name of the referent.') } },
        mergeByKey('name'),
      ),
      ...podSpecMoreProperties,
    },
  },
  [`${CORE}.Container`]: {
    type: 'object',
    description: 'A single application container that you want to run within a pod.',
    required: ['name'],
    properties: {
      name: str(
        'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name. Cannot be updated.',
      ),
      image: str('Container image name.'),
      imagePullPolicy: str('Image pull policy. One of Always, Never, IfNotPresent.'),
      command: arr('Entrypoint array. Not executed within a shell.', { type: 'string', default: '' }),
      args: arr('Arguments to the entrypoint.', { type: 'string', default: '' }),
      env: arr(
        'List of environment variables to set in the container.',
        ref(`${CORE}.EnvVar`),
        mergeByKey('name'),
      ),
      envFrom: arr('List of sources to populate environment variables in the container.', {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
      }),
      ports: arr('List of ports to expose from the container.', ref(`${CORE}.ContainerPort`), {
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'containerPort',
        'x-kubernetes-patch-strategy': 'merge',
      }),
      resources: ref(`${CORE}.ResourceRequirements`, 'Compute Resources required by this container.'),
      volumeMounts: arr(
        "Pod volumes to mount into the container's filesystem.",
        { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        mergeByKey('mountPath'),
      ),
      ...containerMoreProperties,
    },
  },
  [`${CORE}.EnvVar`]: {
    type: 'object',
    description: 'EnvVar represents an environment variable present in a Container.',
    required: ['name'],
    properties: {
      name: str('Name of the environment variable.'),
      value: str(
        'Variable references $(VAR_NAME) are expanded using the previously defined environment variables.',
      ),
      valueFrom: {
        type: 'object',
        description: "Source for the environment variable's value.",
        'x-kubernetes-preserve-unknown-fields': true,
      },
    },
  },
  [`${CORE}.ContainerPort`]: {
    type: 'object',
    description: 'ContainerPort represents a network port in a single container.',
    required: ['containerPort'],
    properties: {
      containerPort: int("Number of port to expose on the pod's IP address."),
      hostPort: int('Number of port to expose on the host.'),
      hostIP: str('What host IP to bind the external port to.'),
      name: str('If specified, this must be an IANA_SVC_NAME and unique within the pod.'),
      protocol: str('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".', { default: 'TCP' }),
    },
  },
  [`${CORE}.ResourceRequirements`]: {
    type: 'object',
    description: 'ResourceRequirements describes the compute resource requirements.',
    properties: {
      limits: strMap('Limits describes the maximum amount of compute resources allowed.'),
      requests: strMap('Requests describes the minimum amount of compute resources required.'),
      claims: arr(
        'Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.',
        anyObject('ResourceClaim references one entry in PodSpec.ResourceClaims.'),
        { 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-list-type': 'map' },
      ),
    },
  },
};

export const deploymentSchemas: Readonly<Record<string, JsonObject>> = {
  [DEPLOYMENT_SCHEMA]: topLevel(
    'Deployment enables declarative updates for Pods and ReplicaSets.',
    'Deployment',
    'apps',
    'v1',
    {
      spec: ref(`${APPS}.DeploymentSpec`, 'Specification of the desired behavior of the Deployment.'),
      status: ref(`${APPS}.DeploymentStatus`, 'Most recently observed status of the Deployment.'),
    },
  ),
  [`${APPS}.DeploymentSpec`]: {
    type: 'object',
    description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    required: ['selector', 'template'],
    properties: {
      replicas: int(
        'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
      ),
      selector: ref(
        `${META}.LabelSelector`,
        "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
      ),
      template: ref(`${CORE}.PodTemplateSpec`, 'Template describes the pods that will be created.'),
      strategy: ref(
        `${APPS}.DeploymentStrategy`,
        'The deployment strategy to use to replace existing pods with new ones.',
      ),
      minReadySeconds: int(
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
      ),
      revisionHistoryLimit: int('The number of old ReplicaSets to retain to allow rollback. Defaults to 10.'),
      paused: bool('Indicates that the deployment is paused.'),
      progressDeadlineSeconds: int(
        'The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s.',
      ),
    },
  },
  [`${APPS}.DeploymentStrategy`]: {
    type: 'object',
    description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    properties: {
      type: str('Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.'),
      rollingUpdate: {
        type: 'object',
        description: 'Rolling update config params.',
        'x-kubernetes-preserve-unknown-fields': true,
      },
    },
  },
  [`${APPS}.DeploymentStatus`]: {
    type: 'object',
    description: 'DeploymentStatus is the most recently observed status of the Deployment.',
    properties: {
      observedGeneration: {
        type: 'integer',
        format: 'int64',
        description: 'The generation observed by the deployment controller.',
      },
      replicas: int(
        'Total number of non-terminated pods targeted by this deployment (their labels match the selector).',
      ),
      updatedReplicas: int(
        'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      ),
      readyReplicas: int(
        'Total number of non-terminated pods targeted by this Deployment with a Ready Condition.',
      ),
      availableReplicas: int(
        'Total number of available non-terminated pods (ready for at least minReadySeconds) targeted by this deployment.',
      ),
      unavailableReplicas: int('Total number of unavailable pods targeted by this deployment.'),
      conditions: arr(
        "Represents the latest available observations of a deployment's current state.",
        ref(`${APPS}.DeploymentCondition`),
        mergeByKey('type'),
      ),
    },
  },
  [`${APPS}.DeploymentCondition`]: {
    type: 'object',
    description: 'DeploymentCondition describes the state of a deployment at a certain point.',
    required: ['type', 'status'],
    properties: {
      type: str('Type of deployment condition.'),
      status: str('Status of the condition, one of True, False, Unknown.'),
      reason: str("The reason for the condition's last transition."),
      message: str('A human readable message indicating details about the transition.'),
      lastUpdateTime: time('The last time this condition was updated.'),
      lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
    },
  },
  [`${APPS}.DeploymentList`]: listSchema(
    DEPLOYMENT_SCHEMA,
    'apps',
    'v1',
    'DeploymentList',
    'DeploymentList is a list of Deployments.',
  ),
  [SCALE_SCHEMA]: topLevel(
    'Scale represents a scaling request for a resource.',
    'Scale',
    'autoscaling',
    'v1',
    {
      spec: {
        type: 'object',
        description: 'spec defines the behavior of the scale.',
        properties: { replicas: int('replicas is the desired number of instances for the scaled object.') },
      },
      status: {
        type: 'object',
        description: 'status is the current status of the scale.',
        required: ['replicas'],
        properties: {
          replicas: int('replicas is the actual number of observed instances of the scaled object.'),
          selector: str(
            'selector is the label query over pods that should match the replicas count, in string form.',
          ),
        },
      },
    },
  ),
  ...podSchemas,
};

export const crdSchemas: Readonly<Record<string, JsonObject>> = {
  [CRD_SCHEMA]: topLevel(
    'CustomResourceDefinition represents a resource that should be exposed on the API server. Its name MUST be in the format <.spec.name>.<.spec.group>.',
    'CustomResourceDefinition',
    'apiextensions.k8s.io',
    'v1',
    {
      spec: {
        type: 'object',
        description: 'spec describes how the user wants the resources to appear.',
        'x-kubernetes-preserve-unknown-fields': true,
      },
      status: {
        type: 'object',
        description: 'status indicates the actual state of the CustomResourceDefinition.',
        'x-kubernetes-preserve-unknown-fields': true,
      },
    },
  ),
  [`${APIEXT}.CustomResourceDefinitionList`]: listSchema(
    CRD_SCHEMA,
    'apiextensions.k8s.io',
    'v1',
    'CustomResourceDefinitionList',
    'CustomResourceDefinitionList is a list of CustomResourceDefinition objects.',
  ),
};
