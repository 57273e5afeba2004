/** OpenAPI v3 component schemas of the core/v1 kinds beyond Namespace (compact, see ../schemas.ts). */
import type { JsonObject } from '../../core/json.ts';
import {
  arr,
  bool,
  CORE,
  int,
  listSchema,
  META,
  mergeByKey,
  podSchemas,
  ref,
  str,
  strMap,
  time,
  topLevel,
} from '../schemas.ts';

export const POD_SCHEMA = `${CORE}.Pod`;
export const EVENT_SCHEMA = `${CORE}.Event`;
export const SECRET_SCHEMA = `${CORE}.Secret`;
export const CONFIGMAP_SCHEMA = `${CORE}.ConfigMap`;
export const SERVICE_SCHEMA = `${CORE}.Service`;
export const SERVICE_ACCOUNT_SCHEMA = `${CORE}.ServiceAccount`;

export const MICRO_TIME = `${META}.MicroTime`;
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const OBJECT_REFERENCE = `${CORE}.ObjectReference`;

const open = (description: string): JsonObject => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});

/** Shared by the core and events.k8s.io documents. */
export const referenceSchemas: Readonly<Record<string, JsonObject>> = {
  [MICRO_TIME]: {
    type: 'string',
    format: 'date-time',
    description: 'MicroTime is version of Time with microsecond level precision.',
  },
  [INT_OR_STRING]: {
    type: 'string',
    format: 'int-or-string',
    description:
      'IntOrString is a type that can hold an int32 or a string. When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.',
  },
  [OBJECT_REFERENCE]: {
    type: 'object',
    description:
      'ObjectReference contains enough information to let you inspect or modify the referred object.',
    properties: {
      apiVersion: str('API version of the referent.'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      namespace: str('Namespace of the referent.'),
      uid: str('UID of the referent.'),
      resourceVersion: str('Specific resourceVersion to which this reference is made, if any.'),
      fieldPath: str(
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      ),
    },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${CORE}.EventSource`]: {
    type: 'object',
    description: 'EventSource contains information for an event.',
    properties: {
      component: str('Component from which the event is generated.'),
      host: str('Node name on which the event is generated.'),
    },
  },
};

const microTime = (description: string): JsonObject => ref(MICRO_TIME, description);

export const podKindSchemas: Readonly<Record<string, JsonObject>> = {
  [POD_SCHEMA]: topLevel(
    'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    'Pod',
    '',
    'v1',
    {
      spec: ref(`${CORE}.PodSpec`, 'Specification of the desired behavior of the pod.'),
      status: ref(`${CORE}.PodStatus`, 'Most recently observed status of the pod.'),
    },
  ),
  [`${CORE}.PodStatus`]: {
    type: 'object',
    description:
      'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.',
    properties: {
      phase: str(
        'The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. One of Pending, Running, Succeeded, Failed, Unknown.',
      ),
      conditions: arr('Current service state of pod.', ref(`${CORE}.PodCondition`), mergeByKey('type')),
      message: str('A human readable message indicating details about why the pod is in this condition.'),
      reason: str(
        "A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'",
      ),
      nominatedNodeName: str(
        'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
      ),
      hostIP: str('hostIP holds the IP address of the host to which the pod is assigned.'),
      hostIPs: arr(
        'hostIPs holds the IP addresses allocated to the host.',
        open('HostIP represents a single IP address allocated to the host.'),
        mergeByKey('ip'),
      ),
      podIP: str(
        'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      ),
      podIPs: arr(
        'podIPs holds the IP addresses allocated to the pod.',
        open('PodIP represents a single IP address allocated to the pod.'),
        mergeByKey('ip'),
      ),
      startTime: time(
        'RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.',
      ),
      initContainerStatuses: arr('Statuses of init containers in this pod.', ref(`${CORE}.ContainerStatus`), {
        'x-kubernetes-list-type': 'atomic',
      }),
      containerStatuses: arr(
        'Statuses of containers in this pod. Each container in the pod should have at most one status in this list.',
        ref(`${CORE}.ContainerStatus`),
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      ephemeralContainerStatuses: arr(
        'Statuses for any ephemeral containers that have run in this pod.',
        ref(`${CORE}.ContainerStatus`),
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      qosClass: str(
        'The Quality of Service (QOS) classification assigned to the pod based on resource requirements.',
      ),
      resize: str("Status of resources resize desired for pod's containers."),
      resourceClaimStatuses: arr(
        'Status of resource claims.',
        open('PodResourceClaimStatus is stored in the PodStatus for each PodResourceClaim.'),
        mergeByKey('name'),
      ),
    },
  },
  [`${CORE}.PodCondition`]: {
    type: 'object',
    description: 'PodCondition contains details for the current condition of this pod.',
    required: ['type', 'status'],
    properties: {
      type: str('Type is the type of the condition.'),
      status: str('Status is the status of the condition. Can be True, False, Unknown.'),
      lastProbeTime: time('Last time we probed the condition.'),
      lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
      reason: str("Unique, one-word, CamelCase reason for the condition's last transition."),
      message: str('Human-readable message indicating details about last transition.'),
    },
  },
  [`${CORE}.ContainerStatus`]: {
    type: 'object',
    description: 'ContainerStatus contains details for the current status of this container.',
    required: ['name', 'ready', 'restartCount', 'image', 'imageID'],
    properties: {
      name: str('Name is a DNS_LABEL representing the unique name of the container.'),
      state: open("State holds details about the container's current condition."),
      lastState: open(
        'LastTerminationState holds the last termination state of the container to help debug container crashes and restarts.',
      ),
      ready: bool('Ready specifies whether the container is currently passing its readiness check.'),
      restartCount: int('RestartCount holds the number of times the container has been restarted.'),
      image: str('Image is the name of container image that the container is running.'),
      imageID: str("ImageID is the image ID of the container's image."),
      containerID: str("ContainerID is the ID of the container in the format '<type>://<container_id>'."),
      started: bool(
        'Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.',
      ),
      allocatedResources: strMap(
        'AllocatedResources represents the compute resources allocated for this container by the node.',
      ),
      resources: open(
        'Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized.',
      ),
      volumeMounts: arr(
        'Status of volume mounts.',
        open('VolumeMountStatus shows status of volume mounts.'),
        mergeByKey('mountPath'),
      ),
      user: open(
        'User represents user identity information initially attached to the first process of the container',
      ),
      allocatedResourcesStatus: arr(
        'AllocatedResourcesStatus represents the status of various resources allocated for this Pod.',
        open('ResourceStatus represents the status of a single resource allocated to a Pod.'),
        mergeByKey('name'),
      ),
    },
  },
  [`${CORE}.PodList`]: listSchema(POD_SCHEMA, '', 'v1', 'PodList', 'PodList is a list of Pods.'),
  ...podSchemas,
};

export const eventSchemas: Readonly<Record<string, JsonObject>> = {
  [EVENT_SCHEMA]: {
    ...topLevel(
      'Event is a report of an event somewhere in the cluster. Events have a limited retention time and triggers and messages may evolve with time.',
      'Event',
      '',
      'v1',
      {
        involvedObject: ref(OBJECT_REFERENCE, 'The object that this event is about.'),
        reason: str(
          "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
        ),
        message: str('A human-readable description of the status of this operation.'),
        source: ref(
          `${CORE}.EventSource`,
          'The component reporting this event. Should be a short machine understandable string.',
        ),
        firstTimestamp: time(
          'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
        ),
        lastTimestamp: time('The time at which the most recent occurrence of this event was recorded.'),
        count: int('The number of times this event has occurred.'),
        type: str('Type of this event (Normal, Warning), new types could be added in the future'),
        eventTime: microTime('Time when this Event was first observed.'),
        series: ref(
          `${CORE}.EventSeries`,
          "Data about the Event series this event represents or nil if it's a singleton Event.",
        ),
        action: str('What action was taken/failed regarding to the Regarding object.'),
        related: ref(OBJECT_REFERENCE, 'Optional secondary object for more complex actions.'),
        reportingComponent: str(
          'Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.',
          { default: '' },
        ),
        reportingInstance: str('ID of the controller instance, e.g. `kubelet-xyzf`.', { default: '' }),
      },
    ),
    required: ['metadata', 'involvedObject'],
  },
  [`${CORE}.EventSeries`]: {
    type: 'object',
    description:
      'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.',
    properties: {
      count: int('Number of occurrences in this series up to the last heartbeat time'),
      lastObservedTime: microTime('Time of the last occurrence observed'),
    },
  },
  [`${CORE}.EventList`]: listSchema(EVENT_SCHEMA, '', 'v1', 'EventList', 'EventList is a list of events.'),
  ...referenceSchemas,
};

export const secretSchemas: Readonly<Record<string, JsonObject>> = {
  [SECRET_SCHEMA]: topLevel(
    'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
    'Secret',
    '',
    'v1',
    {
      data: {
        type: 'object',
        description:
          "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here.",
        additionalProperties: { type: 'string', format: 'byte' },
      },
      stringData: strMap(
        'stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API.',
      ),
      type: str('Used to facilitate programmatic handling of secret data.'),
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).',
      ),
    },
  ),
  [`${CORE}.SecretList`]: listSchema(
    SECRET_SCHEMA,
    '',
    'v1',
    'SecretList',
    'SecretList is a list of Secret.',
  ),
};

export const configMapSchemas: Readonly<Record<string, JsonObject>> = {
  [CONFIGMAP_SCHEMA]: topLevel(
    'ConfigMap holds configuration data for pods to consume.',
    'ConfigMap',
    '',
    'v1',
    {
      data: strMap(
        "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      ),
      binaryData: {
        type: 'object',
        description:
          "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'. BinaryData can contain byte sequences that are not in the UTF-8 range.",
        additionalProperties: { type: 'string', format: 'byte' },
      },
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).',
      ),
    },
  ),
  [`${CORE}.ConfigMapList`]: listSchema(
    CONFIGMAP_SCHEMA,
    '',
    'v1',
    'ConfigMapList',
    'ConfigMapList is a resource containing a list of ConfigMap objects.',
  ),
};

export const serviceSchemas: Readonly<Record<string, JsonObject>> = {
  [SERVICE_SCHEMA]: topLevel(
    'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    'Service',
    '',
    'v1',
    {
      spec: ref(`${CORE}.ServiceSpec`, 'Spec defines the behavior of a service.'),
      status: ref(`${CORE}.ServiceStatus`, 'Most recently observed status of the service.'),
    },
  ),
  [`${CORE}.ServiceSpec`]: {
    type: 'object',
    description: 'ServiceSpec describes the attributes that a user creates on a service.',
    properties: {
      ports: arr('The list of ports that are exposed by this service.', ref(`${CORE}.ServicePort`), {
        'x-kubernetes-list-map-keys': ['port', 'protocol'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'port',
        'x-kubernetes-patch-strategy': 'merge',
      }),
      selector: {
        ...strMap(
          'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints.',
        ),
        'x-kubernetes-map-type': 'atomic',
      },
      clusterIP: str(
        'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail.',
      ),
      clusterIPs: arr(
        'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.',
        { type: 'string', default: '' },
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      type: str(
        'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.',
      ),
      externalIPs: arr(
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
        { type: 'string', default: '' },
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      sessionAffinity: str('Supports "ClientIP" and "None". Used to maintain session affinity.'),
      loadBalancerIP: str('Only applies to Service Type: LoadBalancer. Deprecated.'),
      loadBalancerSourceRanges: arr(
        'If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.',
        { type: 'string', default: '' },
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      externalName: str(
        'externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record).',
      ),
      externalTrafficPolicy: str(
        'externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service\'s "externally-facing" addresses.',
      ),
      healthCheckNodePort: int('healthCheckNodePort specifies the healthcheck nodePort for the service.'),
      publishNotReadyAddresses: bool(
        'publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.',
      ),
      sessionAffinityConfig: open('sessionAffinityConfig contains the configurations of session affinity.'),
      ipFamilies: arr(
        'IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service.',
        { type: 'string', default: '' },
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      ipFamilyPolicy: str(
        'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. Valid values are "SingleStack", "PreferDualStack" and "RequireDualStack".',
      ),
      allocateLoadBalancerNodePorts: bool(
        'allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer. Default is "true".',
      ),
      loadBalancerClass: str(
        'loadBalancerClass is the class of the load balancer implementation this Service belongs to.',
      ),
      internalTrafficPolicy: str(
        'InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.',
      ),
      trafficDistribution: str(
        'TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints.',
      ),
    },
  },
  [`${CORE}.ServicePort`]: {
    type: 'object',
    description: "ServicePort contains information on service's port.",
    required: ['port'],
    properties: {
      name: str('The name of this port within the service. This must be a DNS_LABEL.'),
      protocol: str('The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.', {
        default: 'TCP',
      }),
      appProtocol: str('The application protocol for this port.'),
      port: int('The port that will be exposed by this service.'),
      targetPort: ref(
        INT_OR_STRING,
        "Number or name of the port to access on the pods targeted by the service. If this is not specified, the value of the 'port' field is used (an identity map).",
      ),
      nodePort: int(
        'The port on each node on which this service is exposed when type is NodePort or LoadBalancer. Usually assigned by the system.',
      ),
    },
  },
  [`${CORE}.ServiceStatus`]: {
    type: 'object',
    description: 'ServiceStatus represents the current status of a service.',
    properties: {
      loadBalancer: open('LoadBalancer contains the current status of the load-balancer, if one is present.'),
      conditions: arr('Current service state', ref(`${META}.Condition`), mergeByKey('type')),
    },
  },
  [`${CORE}.ServiceList`]: listSchema(
    SERVICE_SCHEMA,
    '',
    'v1',
    'ServiceList',
    'ServiceList holds a list of services.',
  ),
  [INT_OR_STRING]: referenceSchemas[INT_OR_STRING] ?? {},
};

export const serviceAccountSchemas: Readonly<Record<string, JsonObject>> = {
  [SERVICE_ACCOUNT_SCHEMA]: topLevel(
    'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets',
    'ServiceAccount',
    '',
    'v1',
    {
      secrets: arr(
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
        ref(OBJECT_REFERENCE),
        { 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
      ),
      imagePullSecrets: arr(
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.',
        { type: 'object', properties: { name: str('Name of the referent.') } },
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.',
      ),
    },
  ),
  [`${CORE}.ServiceAccountList`]: listSchema(
    SERVICE_ACCOUNT_SCHEMA,
    '',
    'v1',
    'ServiceAccountList',
    'ServiceAccountList is a list of ServiceAccount objects',
  ),
  [OBJECT_REFERENCE]: referenceSchemas[OBJECT_REFERENCE] ?? {},
};
