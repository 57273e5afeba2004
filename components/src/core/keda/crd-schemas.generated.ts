// GENERATED FILE — DO NOT EDIT. Written by scripts/generate-crd-schemas.mjs from KEDA's CRDs
// (kedacore/keda config/crd/bases @ 8b4f083ca8c8c2baf8477e322bd4d16ac4dfa09a, Apache-2.0, Copyright The KEDA Authors).
// Regenerate with: node scripts/generate-crd-schemas.mjs
import type { CrdSchema, KedaKind } from './crd-schema.js';

/** Where the schemas come from. */
export const CRD_SOURCE = {
  repository: 'kedacore/keda',
  path: 'config/crd/bases',
  commit: '8b4f083ca8c8c2baf8477e322bd4d16ac4dfa09a',
} as const;

const s0: CrdSchema = {
  type: 'string',
  description:
    'APIVersion defines the versioned schema of this representation of an object.\nServers should convert recognized schemas to the latest internal value, and\nmay reject unrecognized values.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
};

const s1: CrdSchema = {
  type: 'string',
  description:
    'Kind is a string value representing the REST resource this object represents.\nServers may infer this from the endpoint the client submits requests to.\nCannot be updated.\nIn CamelCase.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

const s2: CrdSchema = {
  type: 'integer',
  description:
    'periodSeconds specifies the window of time for which the policy should hold true.\nPeriodSeconds must be greater than zero and less than or equal to 1800 (30 min).',
  format: 'int32',
};

const s3: CrdSchema = {
  type: 'integer',
  description:
    'value contains the amount of change which is permitted by the policy.\nIt must be greater than zero',
  format: 'int32',
};

const s4: CrdSchema = {
  type: 'object',
  description: 'HPAScalingPolicy is a single policy which must hold true for a specified past interval.',
  required: ['periodSeconds', 'type', 'value'],
  properties: {
    periodSeconds: s2,
    type: { type: 'string', description: 'type is used to specify the scaling policy.' },
    value: s3,
  },
};

const s5: CrdSchema = {
  type: 'array',
  description:
    'policies is a list of potential scaling polices which can be used during scaling.\nIf not set, use the default values:\n- For scale up: allow doubling the number of pods, or an absolute change of 4 pods in a 15s window.\n- For scale down: allow all pods to be removed in a 15s window.',
  listType: 'atomic',
  items: s4,
};

const s6: CrdSchema = {
  type: 'string',
  description:
    'selectPolicy is used to specify which policy should be used.\nIf not set, the default value Max is used.',
};

const s7: CrdSchema = {
  type: 'integer',
  description:
    'stabilizationWindowSeconds is the number of seconds for which past recommendations should be\nconsidered while scaling up or scaling down.\nStabilizationWindowSeconds must be greater than or equal to zero and less than or equal to 3600 (one hour).\nIf not set, use the default values:\n- For scale up: 0 (i.e. no stabilization is done).\n- For scale down: 300 (i.e. the stabilization window is 300 seconds long).',
  format: 'int32',
};

const s8: CrdSchema = {
  description:
    'tolerance is the tolerance on the ratio between the current and desired\nmetric value under which no updates are made to the desired number of\nreplicas (e.g. 0.01 for 1%). Must be greater than or equal to zero. If not\nset, the default cluster-wide tolerance is applied (by default 10%).\n\nFor example, if autoscaling is configured with a memory consumption target of 100Mi,\nand scale-down and scale-up tolerances of 5% and 1% respectively, scaling will be\ntriggered when the actual consumption falls below 95Mi or exceeds 101Mi.\n\nThis is an beta field and requires the HPAConfigurableTolerance feature\ngate to be enabled.',
  pattern:
    '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
  intOrString: true,
};

const s9: CrdSchema = {
  type: 'string',
  description: 'Kind of the resource being referred to. Defaults to TriggerAuthentication.',
  enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'],
};

const s10: CrdSchema = {
  type: 'object',
  description:
    'AuthenticationRef points to the TriggerAuthentication or ClusterTriggerAuthentication object that\nis used to authenticate the scaler with the environment',
  required: ['name'],
  properties: { kind: s9, name: { type: 'string' } },
};

const s11: CrdSchema = {
  type: 'string',
  description:
    'MetricTargetType specifies the type of metric being targeted, and should be either\n"Value", "AverageValue", or "Utilization"',
};

const s12: CrdSchema = {
  type: 'object',
  description: 'ScaleTriggers reference the scaler that will be used',
  required: ['metadata', 'type'],
  properties: {
    authenticationRef: s10,
    metadata: { type: 'object', additionalProperties: { type: 'string' } },
    metricType: s11,
    name: { type: 'string' },
    type: { type: 'string', minLength: 1 },
    useCachedMetrics: { type: 'boolean' },
  },
};

const s13: CrdSchema = { type: 'array', minItems: 1, items: s12 };

const s14: CrdSchema = {
  type: 'string',
  description: 'A human readable message indicating details about the transition.',
};

const s15: CrdSchema = { type: 'string', description: "The reason for the condition's last transition." };

const s16: CrdSchema = {
  type: 'string',
  description: 'Status of the condition, one of True, False, Unknown.',
};

const s17: CrdSchema = {
  type: 'object',
  description: 'Condition to store the condition state',
  required: ['status', 'type'],
  properties: {
    message: s14,
    reason: s15,
    status: s16,
    type: { type: 'string', description: 'Type of condition' },
  },
};

const s18: CrdSchema = {
  type: 'array',
  description: 'Conditions an array representation to store multiple Conditions',
  items: s17,
};

const s19: CrdSchema = {
  type: 'object',
  description: 'TriggerActivityStatus represents the activity status of an external trigger',
  properties: { isActive: { type: 'boolean' } },
};

const s20: CrdSchema = { type: 'object', additionalProperties: s19 };

const s21: CrdSchema = { type: 'string', description: 'key is the label key that the selector applies to.' };

const s22: CrdSchema = {
  type: 'string',
  description:
    "operator represents a key's relationship to a set of values.\nValid operators are In, NotIn, Exists and DoesNotExist.",
};

const s23: CrdSchema = {
  type: 'array',
  description:
    'values is an array of string values. If the operator is In or NotIn,\nthe values array must be non-empty. If the operator is Exists or DoesNotExist,\nthe values array must be empty. This array is replaced during a strategic\nmerge patch.',
  listType: 'atomic',
  items: { type: 'string' },
};

const s24: CrdSchema = {
  type: 'object',
  description:
    'A label selector requirement is a selector that contains values, a key, and an operator that\nrelates the key and values.',
  required: ['key', 'operator'],
  properties: { key: s21, operator: s22, values: s23 },
};

const s25: CrdSchema = {
  type: 'array',
  description: 'matchExpressions is a list of label selector requirements. The requirements are ANDed.',
  listType: 'atomic',
  items: s24,
};

const s26: CrdSchema = {
  type: 'object',
  description:
    'matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels\nmap is equivalent to an element of matchExpressions, whose key field is "key", the\noperator is "In", and the values array contains only "value". The requirements are ANDed.',
  additionalProperties: { type: 'string' },
};

const s27: CrdSchema = {
  type: 'string',
  description:
    "Represents a key's relationship to a set of values.\nValid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.",
};

const s28: CrdSchema = {
  type: 'array',
  description:
    'An array of string values. If the operator is In or NotIn,\nthe values array must be non-empty. If the operator is Exists or DoesNotExist,\nthe values array must be empty. If the operator is Gt or Lt, the values\narray must have a single element, which will be interpreted as an integer.\nThis array is replaced during a strategic merge patch.',
  listType: 'atomic',
  items: { type: 'string' },
};

const s29: CrdSchema = {
  type: 'object',
  description:
    'A node selector requirement is a selector that contains values, a key, and an operator\nthat relates the key and values.',
  required: ['key', 'operator'],
  properties: {
    key: { type: 'string', description: 'The label key that the selector applies to.' },
    operator: s27,
    values: s28,
  },
};

const s30: CrdSchema = {
  type: 'array',
  description: "A list of node selector requirements by node's labels.",
  listType: 'atomic',
  items: s29,
};

const s31: CrdSchema = {
  type: 'array',
  description: "A list of node selector requirements by node's fields.",
  listType: 'atomic',
  items: s29,
};

const s32: CrdSchema = {
  type: 'object',
  description:
    "A label query over a set of resources, in this case pods.\nIf it's null, this PodAffinityTerm matches with no Pods.",
  mapType: 'atomic',
  properties: { matchExpressions: s25, matchLabels: s26 },
};

const s33: CrdSchema = {
  type: 'array',
  description:
    "MatchLabelKeys is a set of pod label keys to select which pods will\nbe taken into consideration. The keys are used to lookup values from the\nincoming pod labels, those key-value labels are merged with `labelSelector` as `key in (value)`\nto select the group of existing pods which pods will be taken into consideration\nfor the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming\npod labels will be ignored. The default value is empty.\nThe same key is forbidden to exist in both matchLabelKeys and labelSelector.\nAlso, matchLabelKeys cannot be set when labelSelector isn't set.",
  listType: 'atomic',
  items: { type: 'string' },
};

const s34: CrdSchema = {
  type: 'array',
  description:
    "MismatchLabelKeys is a set of pod label keys to select which pods will\nbe taken into consideration. The keys are used to lookup values from the\nincoming pod labels, those key-value labels are merged with `labelSelector` as `key notin (value)`\nto select the group of existing pods which pods will be taken into consideration\nfor the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming\npod labels will be ignored. The default value is empty.\nThe same key is forbidden to exist in both mismatchLabelKeys and labelSelector.\nAlso, mismatchLabelKeys cannot be set when labelSelector isn't set.",
  listType: 'atomic',
  items: { type: 'string' },
};

const s35: CrdSchema = {
  type: 'object',
  description:
    'A label query over the set of namespaces that the term applies to.\nThe term is applied to the union of the namespaces selected by this field\nand the ones listed in the namespaces field.\nnull selector and null or empty namespaces list means "this pod\'s namespace".\nAn empty selector ({}) matches all namespaces.',
  mapType: 'atomic',
  properties: { matchExpressions: s25, matchLabels: s26 },
};

const s36: CrdSchema = {
  type: 'array',
  description:
    'namespaces specifies a static list of namespace names that the term applies to.\nThe term is applied to the union of the namespaces listed in this field\nand the ones selected by namespaceSelector.\nnull or empty namespaces list and null namespaceSelector means "this pod\'s namespace".',
  listType: 'atomic',
  items: { type: 'string' },
};

const s37: CrdSchema = {
  type: 'string',
  description:
    'This pod should be co-located (affinity) or not co-located (anti-affinity) with the pods matching\nthe labelSelector in the specified namespaces, where co-located is defined as running on a node\nwhose value of the label with key topologyKey matches that of any node on which any of the\nselected pods is running.\nEmpty topologyKey is not allowed.',
};

const s38: CrdSchema = {
  type: 'object',
  description: 'Required. A pod affinity term, associated with the corresponding weight.',
  required: ['topologyKey'],
  properties: {
    labelSelector: s32,
    matchLabelKeys: s33,
    mismatchLabelKeys: s34,
    namespaceSelector: s35,
    namespaces: s36,
    topologyKey: s37,
  },
};

const s39: CrdSchema = {
  type: 'integer',
  description: 'weight associated with matching the corresponding podAffinityTerm,\nin the range 1-100.',
  format: 'int32',
};

const s40: CrdSchema = {
  type: 'object',
  description:
    'The weights of all of the matched WeightedPodAffinityTerm fields are added per-node to find the most preferred node(s)',
  required: ['podAffinityTerm', 'weight'],
  properties: { podAffinityTerm: s38, weight: s39 },
};

const s41: CrdSchema = {
  type: 'object',
  description:
    'Defines a set of pods (namely those matching the labelSelector\nrelative to the given namespace(s)) that this pod should be\nco-located (affinity) or not co-located (anti-affinity) with,\nwhere co-located is defined as running on a node whose value of\nthe label with key <topologyKey> matches that of any node on which\na pod of the set of pods is running',
  required: ['topologyKey'],
  properties: {
    labelSelector: s32,
    matchLabelKeys: s33,
    mismatchLabelKeys: s34,
    namespaceSelector: s35,
    namespaces: s36,
    topologyKey: s37,
  },
};

const s42: CrdSchema = {
  type: 'array',
  description:
    'Arguments to the entrypoint.\nThe container image\'s CMD is used if this is not provided.\nVariable references $(VAR_NAME) are expanded using the container\'s environment. If a variable\ncannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced\nto a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will\nproduce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless\nof whether the variable exists or not. Cannot be updated.\nMore info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
  listType: 'atomic',
  items: { type: 'string' },
};

const s43: CrdSchema = {
  type: 'array',
  description:
    'Entrypoint array. Not executed within a shell.\nThe container image\'s ENTRYPOINT is used if this is not provided.\nVariable references $(VAR_NAME) are expanded using the container\'s environment. If a variable\ncannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced\nto a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will\nproduce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless\nof whether the variable exists or not. Cannot be updated.\nMore info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
  listType: 'atomic',
  items: { type: 'string' },
};

const s44: CrdSchema = {
  type: 'string',
  description: "Name of the environment variable.\nMay consist of any printable ASCII characters except '='.",
};

const s45: CrdSchema = {
  type: 'string',
  description:
    'Variable references $(VAR_NAME) are expanded\nusing the previously defined environment variables in the container and\nany service environment variables. If a variable cannot be resolved,\nthe reference in the input string will be unchanged. Double $$ are reduced\nto a single $, which allows for escaping the $(VAR_NAME) syntax: i.e.\n"$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)".\nEscaped references will never be expanded, regardless of whether the variable\nexists or not.\nDefaults to "".',
};

const s46: CrdSchema = {
  type: 'string',
  description:
    'Name of the referent.\nThis field is effectively required, but due to backwards compatibility is\nallowed to be empty. Instances of this type with an empty value here are\nalmost certainly wrong.\nMore info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
  default: '',
};

const s47: CrdSchema = {
  type: 'boolean',
  description: 'Specify whether the ConfigMap or its key must be defined',
};

const s48: CrdSchema = {
  type: 'object',
  description: 'Selects a key of a ConfigMap.',
  required: ['key'],
  mapType: 'atomic',
  properties: { key: { type: 'string', description: 'The key to select.' }, name: s46, optional: s47 },
};

const s49: CrdSchema = {
  type: 'string',
  description: 'Version of the schema the FieldPath is written in terms of, defaults to "v1".',
};

const s50: CrdSchema = {
  type: 'string',
  description: 'Path of the field to select in the specified API version.',
};

const s51: CrdSchema = {
  type: 'object',
  description:
    "Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`,\nspec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.",
  required: ['fieldPath'],
  mapType: 'atomic',
  properties: { apiVersion: s49, fieldPath: s50 },
};

const s52: CrdSchema = {
  type: 'string',
  description:
    "The key within the env file. An invalid key will prevent the pod from starting.\nThe keys defined within a source may consist of any printable ASCII characters except '='.\nDuring Alpha stage of the EnvFiles feature gate, the key size is limited to 128 characters.",
};

const s53: CrdSchema = {
  type: 'boolean',
  description:
    "Specify whether the file or its key must be defined. If the file or key\ndoes not exist, then the env var is not published.\nIf optional is set to true and the specified key does not exist,\nthe environment variable will not be set in the Pod's containers.\n\nIf optional is set to false and the specified key does not exist,\nan error will be returned during Pod creation.",
  default: false,
};

const s54: CrdSchema = {
  type: 'string',
  description:
    "The path within the volume from which to select the file.\nMust be relative and may not contain the '..' path or start with '..'.",
};

const s55: CrdSchema = {
  type: 'string',
  description: 'The name of the volume mount containing the env file.',
};

const s56: CrdSchema = {
  type: 'object',
  description: 'FileKeyRef selects a key of the env file.\nRequires the EnvFiles feature gate to be enabled.',
  required: ['key', 'path', 'volumeName'],
  mapType: 'atomic',
  properties: { key: s52, optional: s53, path: s54, volumeName: s55 },
};

const s57: CrdSchema = {
  type: 'string',
  description: 'Container name: required for volumes, optional for env vars',
};

const s58: CrdSchema = {
  description: 'Specifies the output format of the exposed resources, defaults to "1"',
  pattern:
    '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
  intOrString: true,
};

const s59: CrdSchema = {
  type: 'object',
  description:
    'Selects a resource of the container: only resources limits and requests\n(limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported.',
  required: ['resource'],
  mapType: 'atomic',
  properties: {
    containerName: s57,
    divisor: s58,
    resource: { type: 'string', description: 'Required: resource to select' },
  },
};

const s60: CrdSchema = {
  type: 'string',
  description: 'The key of the secret to select from.  Must be a valid secret key.',
};

const s61: CrdSchema = {
  type: 'boolean',
  description: 'Specify whether the Secret or its key must be defined',
};

const s62: CrdSchema = {
  type: 'object',
  description: "Selects a key of a secret in the pod's namespace",
  required: ['key'],
  mapType: 'atomic',
  properties: { key: s60, name: s46, optional: s61 },
};

const s63: CrdSchema = {
  type: 'object',
  description: "Source for the environment variable's value. Cannot be used if value is not empty.",
  properties: {
    configMapKeyRef: s48,
    fieldRef: s51,
    fileKeyRef: s56,
    resourceFieldRef: s59,
    secretKeyRef: s62,
  },
};

const s64: CrdSchema = {
  type: 'object',
  description: 'EnvVar represents an environment variable present in a Container.',
  required: ['name'],
  properties: { name: s44, value: s45, valueFrom: s63 },
};

const s65: CrdSchema = {
  type: 'array',
  description: 'List of environment variables to set in the container.\nCannot be updated.',
  listType: 'map',
  listMapKeys: ['name'],
  items: s64,
};

const s66: CrdSchema = {
  type: 'object',
  description: 'The ConfigMap to select from',
  mapType: 'atomic',
  properties: {
    name: s46,
    optional: { type: 'boolean', description: 'Specify whether the ConfigMap must be defined' },
  },
};

const s67: CrdSchema = {
  type: 'string',
  description:
    "Optional text to prepend to the name of each environment variable.\nMay consist of any printable ASCII characters except '='.",
};

const s68: CrdSchema = {
  type: 'object',
  description: 'The Secret to select from',
  mapType: 'atomic',
  properties: {
    name: s46,
    optional: { type: 'boolean', description: 'Specify whether the Secret must be defined' },
  },
};

const s69: CrdSchema = {
  type: 'object',
  description: 'EnvFromSource represents the source of a set of ConfigMaps or Secrets',
  properties: { configMapRef: s66, prefix: s67, secretRef: s68 },
};

const s70: CrdSchema = {
  type: 'array',
  description:
    "List of sources to populate environment variables in the container.\nThe keys defined within a source may consist of any printable ASCII characters except '='.\nWhen a key exists in multiple\nsources, the value associated with the last source will take precedence.\nValues defined by an Env with a duplicate key will take precedence.\nCannot be updated.",
  listType: 'atomic',
  items: s69,
};

const s71: CrdSchema = {
  type: 'string',
  description:
    'Container image name.\nMore info: https://kubernetes.io/docs/concepts/containers/images\nThis field is optional to allow higher level config management to default or override\ncontainer images in workload controllers like Deployments and StatefulSets.',
};

const s72: CrdSchema = {
  type: 'string',
  description:
    'Image pull policy.\nOne of Always, Never, IfNotPresent.\nDefaults to Always if :latest tag is specified, or IfNotPresent otherwise.\nCannot be updated.\nMore info: https://kubernetes.io/docs/concepts/containers/images#updating-images',
};

const s73: CrdSchema = {
  type: 'array',
  description:
    "Command is the command line to execute inside the container, the working directory for the\ncommand  is root ('/') in the container's filesystem. The command is simply exec'd, it is\nnot run inside a shell, so traditional shell instructions ('|', etc) won't work. To use\na shell, you need to explicitly call out to that shell.\nExit status of 0 is treated as live/healthy and non-zero is unhealthy.",
  listType: 'atomic',
  items: { type: 'string' },
};

const s74: CrdSchema = {
  type: 'object',
  description: 'Exec specifies a command to execute in the container.',
  properties: { command: s73 },
};

const s75: CrdSchema = {
  type: 'string',
  description:
    'Host name to connect to, defaults to the pod IP. You probably want to set\n"Host" in httpHeaders instead.',
};

const s76: CrdSchema = {
  type: 'string',
  description:
    'The header field name.\nThis will be canonicalized upon output, so case-variant names will be understood as the same header.',
};

const s77: CrdSchema = {
  type: 'object',
  description: 'HTTPHeader describes a custom header to be used in HTTP probes',
  required: ['name', 'value'],
  properties: { name: s76, value: { type: 'string', description: 'The header field value' } },
};

const s78: CrdSchema = {
  type: 'array',
  description: 'Custom headers to set in the request. HTTP allows repeated headers.',
  listType: 'atomic',
  items: s77,
};

const s79: CrdSchema = {
  description:
    'Name or number of the port to access on the container.\nNumber must be in the range 1 to 65535.\nName must be an IANA_SVC_NAME.',
  intOrString: true,
};

const s80: CrdSchema = {
  type: 'string',
  description: 'Scheme to use for connecting to the host.\nDefaults to HTTP.',
};

const s81: CrdSchema = {
  type: 'object',
  description: 'HTTPGet specifies an HTTP GET request to perform.',
  required: ['port'],
  properties: {
    host: s75,
    httpHeaders: s78,
    path: { type: 'string', description: 'Path to access on the HTTP server.' },
    port: s79,
    scheme: s80,
  },
};

const s82: CrdSchema = {
  type: 'integer',
  description: 'Seconds is the number of seconds to sleep.',
  format: 'int64',
};

const s83: CrdSchema = {
  type: 'object',
  description: 'Sleep represents a duration that the container should sleep.',
  required: ['seconds'],
  properties: { seconds: s82 },
};

const s84: CrdSchema = {
  type: 'string',
  description: 'Optional: Host name to connect to, defaults to the pod IP.',
};

const s85: CrdSchema = {
  description:
    'Number or name of the port to access on the container.\nNumber must be in the range 1 to 65535.\nName must be an IANA_SVC_NAME.',
  intOrString: true,
};

const s86: CrdSchema = {
  type: 'object',
  description:
    'Deprecated. TCPSocket is NOT supported as a LifecycleHandler and kept\nfor backward compatibility. There is no validation of this field and\nlifecycle hooks will fail at runtime when it is specified.',
  required: ['port'],
  properties: { host: s84, port: s85 },
};

const s87: CrdSchema = {
  type: 'object',
  description:
    'PostStart is called immediately after a container is created. If the handler fails,\nthe container is terminated and restarted according to its restart policy.\nOther management of the container blocks until the hook completes.\nMore info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks',
  properties: { exec: s74, httpGet: s81, sleep: s83, tcpSocket: s86 },
};

const s88: CrdSchema = {
  type: 'object',
  description:
    "PreStop is called immediately before a container is terminated due to an\nAPI request or management event such as liveness/startup probe failure,\npreemption, resource contention, etc. The handler is not called if the\ncontainer crashes or exits. The Pod's termination grace period countdown begins before the\nPreStop hook is executed. Regardless of the outcome of the handler, the\ncontainer will eventually terminate within the Pod's termination grace\nperiod (unless delayed by finalizers). Other management of the container blocks until the hook completes\nor until the termination grace period is reached.\nMore info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks",
  properties: { exec: s74, httpGet: s81, sleep: s83, tcpSocket: s86 },
};

const s89: CrdSchema = {
  type: 'string',
  description:
    'StopSignal defines which signal will be sent to a container when it is being stopped.\nIf not specified, the default is defined by the container runtime in use.\nStopSignal can only be set for Pods with a non-empty .spec.os.name',
};

const s90: CrdSchema = {
  type: 'object',
  description:
    'Actions that the management system should take in response to container lifecycle events.\nCannot be updated.',
  properties: { postStart: s87, preStop: s88, stopSignal: s89 },
};

const s91: CrdSchema = {
  type: 'integer',
  description:
    'Minimum consecutive failures for the probe to be considered failed after having succeeded.\nDefaults to 3. Minimum value is 1.',
  format: 'int32',
};

const s92: CrdSchema = {
  type: 'integer',
  description: 'Port number of the gRPC service. Number must be in the range 1 to 65535.',
  format: 'int32',
};

const s93: CrdSchema = {
  type: 'string',
  description:
    'Service is the name of the service to place in the gRPC HealthCheckRequest\n(see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC.',
  default: '',
};

const s94: CrdSchema = {
  type: 'object',
  description: 'GRPC specifies a GRPC HealthCheckRequest.',
  required: ['port'],
  properties: { port: s92, service: s93 },
};

const s95: CrdSchema = {
  type: 'integer',
  description:
    'Number of seconds after the container has started before liveness probes are initiated.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
  format: 'int32',
};

const s96: CrdSchema = {
  type: 'integer',
  description: 'How often (in seconds) to perform the probe.\nDefault to 10 seconds. Minimum value is 1.',
  format: 'int32',
};

const s97: CrdSchema = {
  type: 'integer',
  description:
    'Minimum consecutive successes for the probe to be considered successful after having failed.\nDefaults to 1. Must be 1 for liveness and startup. Minimum value is 1.',
  format: 'int32',
};

const s98: CrdSchema = {
  type: 'object',
  description: 'TCPSocket specifies a connection to a TCP port.',
  required: ['port'],
  properties: { host: s84, port: s85 },
};

const s99: CrdSchema = {
  type: 'integer',
  description:
    "Optional duration in seconds the pod needs to terminate gracefully upon probe failure.\nThe grace period is the duration in seconds after the processes running in the pod are sent\na termination signal and the time when the processes are forcibly halted with a kill signal.\nSet this value longer than the expected cleanup time for your process.\nIf this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this\nvalue overrides the value provided by the pod spec.\nValue must be non-negative integer. The value zero indicates stop immediately via\nthe kill signal (no opportunity to shut down).\nThis is a beta field and requires enabling ProbeTerminationGracePeriod feature gate.\nMinimum value is 1. spec.terminationGracePeriodSeconds is used if unset.",
  format: 'int64',
};

const s100: CrdSchema = {
  type: 'integer',
  description:
    'Number of seconds after which the probe times out.\nDefaults to 1 second. Minimum value is 1.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
  format: 'int32',
};

const s101: CrdSchema = {
  type: 'object',
  description:
    'Periodic probe of container liveness.\nContainer will be restarted if the probe fails.\nCannot be updated.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
  properties: {
    exec: s74,
    failureThreshold: s91,
    grpc: s94,
    httpGet: s81,
    initialDelaySeconds: s95,
    periodSeconds: s96,
    successThreshold: s97,
    tcpSocket: s98,
    terminationGracePeriodSeconds: s99,
    timeoutSeconds: s100,
  },
};

const s102: CrdSchema = {
  type: 'string',
  description:
    'Name of the container specified as a DNS_LABEL.\nEach container in a pod must have a unique name (DNS_LABEL).\nCannot be updated.',
};

const s103: CrdSchema = {
  type: 'integer',
  description:
    "Number of port to expose on the pod's IP address.\nThis must be a valid port number, 0 < x < 65536.",
  format: 'int32',
};

const s104: CrdSchema = {
  type: 'integer',
  description:
    'Number of port to expose on the host.\nIf specified, this must be a valid port number, 0 < x < 65536.\nIf HostNetwork is specified, this must match ContainerPort.\nMost containers do not need this.',
  format: 'int32',
};

const s105: CrdSchema = {
  type: 'string',
  description:
    'If specified, this must be an IANA_SVC_NAME and unique within the pod. Each\nnamed port in a pod must have a unique name. Name for the port that can be\nreferred to by services.',
};

const s106: CrdSchema = {
  type: 'string',
  description: 'Protocol for port. Must be UDP, TCP, or SCTP.\nDefaults to "TCP".',
  default: 'TCP',
};

const s107: CrdSchema = {
  type: 'object',
  description: 'ContainerPort represents a network port in a single container.',
  required: ['containerPort'],
  properties: {
    containerPort: s103,
    hostIP: { type: 'string', description: 'What host IP to bind the external port to.' },
    hostPort: s104,
    name: s105,
    protocol: s106,
  },
};

const s108: CrdSchema = {
  type: 'array',
  description:
    'List of ports to expose from the container. Not specifying a port here\nDOES NOT prevent that port from being exposed. Any port which is\nlistening on the default "0.0.0.0" address inside a container will be\naccessible from the network.\nModifying this array with strategic merge patch may corrupt the data.\nFor more information See https://github.com/kubernetes/kubernetes/issues/108255.\nCannot be updated.',
  listType: 'map',
  listMapKeys: ['containerPort', 'protocol'],
  items: s107,
};

const s109: CrdSchema = {
  type: 'object',
  description:
    'Periodic probe of container service readiness.\nContainer will be removed from service endpoints if the probe fails.\nCannot be updated.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
  properties: {
    exec: s74,
    failureThreshold: s91,
    grpc: s94,
    httpGet: s81,
    initialDelaySeconds: s95,
    periodSeconds: s96,
    successThreshold: s97,
    tcpSocket: s98,
    terminationGracePeriodSeconds: s99,
    timeoutSeconds: s100,
  },
};

const s110: CrdSchema = {
  type: 'string',
  description:
    'Name of the resource to which this resource resize policy applies.\nSupported values: cpu, memory.',
};

const s111: CrdSchema = {
  type: 'string',
  description:
    'Restart policy to apply when specified resource is resized.\nIf not specified, it defaults to NotRequired.',
};

const s112: CrdSchema = {
  type: 'object',
  description: 'ContainerResizePolicy represents resource resize policy for the container.',
  required: ['resourceName', 'restartPolicy'],
  properties: { resourceName: s110, restartPolicy: s111 },
};

const s113: CrdSchema = {
  type: 'array',
  description:
    'Resources resize policy for the container.\nThis field cannot be set on ephemeral containers.',
  listType: 'atomic',
  items: s112,
};

const s114: CrdSchema = {
  type: 'string',
  description:
    'Name must match the name of one entry in pod.spec.resourceClaims of\nthe Pod where this field is used. It makes that resource available\ninside a container.',
};

const s115: CrdSchema = {
  type: 'string',
  description:
    'Request is the name chosen for a request in the referenced claim.\nIf empty, everything from the claim is made available, otherwise\nonly the result of this request.',
};

const s116: CrdSchema = {
  type: 'object',
  description: 'ResourceClaim references one entry in PodSpec.ResourceClaims.',
  required: ['name'],
  properties: { name: s114, request: s115 },
};

const s117: CrdSchema = {
  type: 'array',
  description:
    'Claims lists the names of resources, defined in spec.resourceClaims,\nthat are used by this container.\n\nThis field depends on the\nDynamicResourceAllocation feature gate.\n\nThis field is immutable. It can only be set for containers.',
  listType: 'map',
  listMapKeys: ['name'],
  items: s116,
};

const s118: CrdSchema = {
  pattern:
    '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
  intOrString: true,
};

const s119: CrdSchema = {
  type: 'object',
  description:
    'Limits describes the maximum amount of compute resources allowed.\nMore info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  additionalProperties: s118,
};

const s120: CrdSchema = {
  type: 'object',
  description:
    'Requests describes the minimum amount of compute resources required.\nIf Requests is omitted for a container, it defaults to Limits if that is explicitly specified,\notherwise to an implementation-defined value. Requests cannot exceed Limits.\nMore info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  additionalProperties: s118,
};

const s121: CrdSchema = {
  type: 'object',
  description:
    'Compute Resources required by this container.\nCannot be updated.\nMore info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  properties: { claims: s117, limits: s119, requests: s120 },
};

const s122: CrdSchema = {
  type: 'string',
  description:
    'RestartPolicy defines the restart behavior of individual containers in a pod.\nThis overrides the pod-level restart policy. When this field is not specified,\nthe restart behavior is defined by the Pod\'s restart policy and the container type.\nAdditionally, setting the RestartPolicy as "Always" for the init container will\nhave the following effect:\nthis init container will be continually restarted on\nexit until all regular containers have terminated. Once all regular\ncontainers have completed, all init containers with restartPolicy "Always"\nwill be shut down. This lifecycle differs from normal init containers and\nis often referred to as a "sidecar" container. Although this init\ncontainer still starts in the init container sequence, it does not wait\nfor the container to complete before proceeding to the next init\ncontainer. Instead, the next init container starts immediately after this\ninit container is started, or after any startupProbe has successfully\ncompleted.',
};

const s123: CrdSchema = {
  type: 'string',
  description:
    'Specifies the action taken on a container exit if the requirements\nare satisfied. The only possible value is "Restart" to restart the\ncontainer.',
};

const s124: CrdSchema = {
  type: 'string',
  description:
    'Represents the relationship between the container exit code(s) and the\nspecified values. Possible values are:\n- In: the requirement is satisfied if the container exit code is in the\n  set of specified values.\n- NotIn: the requirement is satisfied if the container exit code is\n  not in the set of specified values.',
};

const s125: CrdSchema = {
  type: 'array',
  description:
    'Specifies the set of values to check for container exit codes.\nAt most 255 elements are allowed.',
  listType: 'set',
  items: { type: 'integer', format: 'int32' },
};

const s126: CrdSchema = {
  type: 'object',
  description: 'Represents the exit codes to check on container exits.',
  required: ['operator'],
  properties: { operator: s124, values: s125 },
};

const s127: CrdSchema = {
  type: 'object',
  description: 'ContainerRestartRule describes how a container exit is handled.',
  required: ['action'],
  properties: { action: s123, exitCodes: s126 },
};

const s128: CrdSchema = {
  type: 'array',
  description:
    "Represents a list of rules to be checked to determine if the\ncontainer should be restarted on exit. The rules are evaluated in\norder. Once a rule matches a container exit condition, the remaining\nrules are ignored. If no rule matches the container exit condition,\nthe Container-level restart policy determines the whether the container\nis restarted or not. Constraints on the rules:\n- At most 20 rules are allowed.\n- Rules can have the same action.\n- Identical rules are not forbidden in validations.\nWhen rules are specified, container MUST set RestartPolicy explicitly\neven it if matches the Pod's RestartPolicy.",
  listType: 'atomic',
  items: s127,
};

const s129: CrdSchema = {
  type: 'boolean',
  description:
    'AllowPrivilegeEscalation controls whether a process can gain more\nprivileges than its parent process. This bool directly controls if\nthe no_new_privs flag will be set on the container process.\nAllowPrivilegeEscalation is true always when the container is:\n1) run as Privileged\n2) has CAP_SYS_ADMIN\nNote that this field cannot be set when spec.os.name is windows.',
};

const s130: CrdSchema = {
  type: 'string',
  description:
    'localhostProfile indicates a profile loaded on the node that should be used.\nThe profile must be preconfigured on the node to work.\nMust match the loaded name of the profile.\nMust be set if and only if type is "Localhost".',
};

const s131: CrdSchema = {
  type: 'string',
  description:
    "type indicates which kind of AppArmor profile will be applied.\nValid options are:\n  Localhost - a profile pre-loaded on the node.\n  RuntimeDefault - the container runtime's default profile.\n  Unconfined - no AppArmor enforcement.",
};

const s132: CrdSchema = {
  type: 'object',
  description:
    "appArmorProfile is the AppArmor options to use by this container. If set, this profile\noverrides the pod's appArmorProfile.\nNote that this field cannot be set when spec.os.name is windows.",
  required: ['type'],
  properties: { localhostProfile: s130, type: s131 },
};

const s133: CrdSchema = {
  type: 'array',
  description: 'Added capabilities',
  listType: 'atomic',
  items: { type: 'string', description: 'Capability represent POSIX capabilities type' },
};

const s134: CrdSchema = {
  type: 'array',
  description: 'Removed capabilities',
  listType: 'atomic',
  items: { type: 'string', description: 'Capability represent POSIX capabilities type' },
};

const s135: CrdSchema = {
  type: 'object',
  description:
    'The capabilities to add/drop when running containers.\nDefaults to the default set of capabilities granted by the container runtime.\nNote that this field cannot be set when spec.os.name is windows.',
  properties: { add: s133, drop: s134 },
};

const s136: CrdSchema = {
  type: 'boolean',
  description:
    'Run container in privileged mode.\nProcesses in privileged containers are essentially equivalent to root on the host.\nDefaults to false.\nNote that this field cannot be set when spec.os.name is windows.',
};

const s137: CrdSchema = {
  type: 'string',
  description:
    'procMount denotes the type of proc mount to use for the containers.\nThe default value is Default which uses the container runtime defaults for\nreadonly paths and masked paths.\nThis requires the ProcMountType feature flag to be enabled.\nNote that this field cannot be set when spec.os.name is windows.',
};

const s138: CrdSchema = {
  type: 'boolean',
  description:
    'Whether this container has a read-only root filesystem.\nDefault is false.\nNote that this field cannot be set when spec.os.name is windows.',
};

const s139: CrdSchema = {
  type: 'integer',
  description:
    'The GID to run the entrypoint of the container process.\nUses runtime default if unset.\nMay also be set in PodSecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence.\nNote that this field cannot be set when spec.os.name is windows.',
  format: 'int64',
};

const s140: CrdSchema = {
  type: 'boolean',
  description:
    'Indicates that the container must run as a non-root user.\nIf true, the Kubelet will validate the image at runtime to ensure that it\ndoes not run as UID 0 (root) and fail to start the container if it does.\nIf unset or false, no such validation will be performed.\nMay also be set in PodSecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence.',
};

const s141: CrdSchema = {
  type: 'integer',
  description:
    'The UID to run the entrypoint of the container process.\nDefaults to user specified in image metadata if unspecified.\nMay also be set in PodSecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence.\nNote that this field cannot be set when spec.os.name is windows.',
  format: 'int64',
};

const s142: CrdSchema = {
  type: 'string',
  description: 'Level is SELinux level label that applies to the container.',
};

const s143: CrdSchema = {
  type: 'string',
  description: 'Role is a SELinux role label that applies to the container.',
};

const s144: CrdSchema = {
  type: 'string',
  description: 'Type is a SELinux type label that applies to the container.',
};

const s145: CrdSchema = {
  type: 'string',
  description: 'User is a SELinux user label that applies to the container.',
};

const s146: CrdSchema = {
  type: 'object',
  description:
    'The SELinux context to be applied to the container.\nIf unspecified, the container runtime will allocate a random SELinux context for each\ncontainer.  May also be set in PodSecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence.\nNote that this field cannot be set when spec.os.name is windows.',
  properties: { level: s142, role: s143, type: s144, user: s145 },
};

const s147: CrdSchema = {
  type: 'string',
  description:
    'localhostProfile indicates a profile defined in a file on the node should be used.\nThe profile must be preconfigured on the node to work.\nMust be a descending path, relative to the kubelet\'s configured seccomp profile location.\nMust be set if type is "Localhost". Must NOT be set for any other type.',
};

const s148: CrdSchema = {
  type: 'string',
  description:
    'type indicates which kind of seccomp profile will be applied.\nValid options are:\n\nLocalhost - a profile defined in a file on the node should be used.\nRuntimeDefault - the container runtime default profile should be used.\nUnconfined - no profile should be applied.',
};

const s149: CrdSchema = {
  type: 'object',
  description:
    'The seccomp options to use by this container. If seccomp options are\nprovided at both the pod & container level, the container options\noverride the pod options.\nNote that this field cannot be set when spec.os.name is windows.',
  required: ['type'],
  properties: { localhostProfile: s147, type: s148 },
};

const s150: CrdSchema = {
  type: 'string',
  description:
    'GMSACredentialSpec is where the GMSA admission webhook\n(https://github.com/kubernetes-sigs/windows-gmsa) inlines the contents of the\nGMSA credential spec named by the GMSACredentialSpecName field.',
};

const s151: CrdSchema = {
  type: 'string',
  description: 'GMSACredentialSpecName is the name of the GMSA credential spec to use.',
};

const s152: CrdSchema = {
  type: 'boolean',
  description:
    "HostProcess determines if a container should be run as a 'Host Process' container.\nAll of a Pod's containers must have the same effective HostProcess value\n(it is not allowed to have a mix of HostProcess containers and non-HostProcess containers).\nIn addition, if HostProcess is true then HostNetwork must also be set to true.",
};

const s153: CrdSchema = {
  type: 'string',
  description:
    'The UserName in Windows to run the entrypoint of the container process.\nDefaults to the user specified in image metadata if unspecified.\nMay also be set in PodSecurityContext. If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence.',
};

const s154: CrdSchema = {
  type: 'object',
  description:
    'The Windows specific settings applied to all containers.\nIf unspecified, the options from the PodSecurityContext will be used.\nIf set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.\nNote that this field cannot be set when spec.os.name is linux.',
  properties: {
    gmsaCredentialSpec: s150,
    gmsaCredentialSpecName: s151,
    hostProcess: s152,
    runAsUserName: s153,
  },
};

const s155: CrdSchema = {
  type: 'object',
  description:
    'SecurityContext defines the security options the container should be run with.\nIf set, the fields of SecurityContext override the equivalent fields of PodSecurityContext.\nMore info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  properties: {
    allowPrivilegeEscalation: s129,
    appArmorProfile: s132,
    capabilities: s135,
    privileged: s136,
    procMount: s137,
    readOnlyRootFilesystem: s138,
    runAsGroup: s139,
    runAsNonRoot: s140,
    runAsUser: s141,
    seLinuxOptions: s146,
    seccompProfile: s149,
    windowsOptions: s154,
  },
};

const s156: CrdSchema = {
  type: 'object',
  description:
    "StartupProbe indicates that the Pod has successfully initialized.\nIf specified, no other probes are executed until this completes successfully.\nIf this probe fails, the Pod will be restarted, just as if the livenessProbe failed.\nThis can be used to provide different probe parameters at the beginning of a Pod's lifecycle,\nwhen it might take a long time to load data or warm a cache, than during steady-state operation.\nThis cannot be updated.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes",
  properties: {
    exec: s74,
    failureThreshold: s91,
    grpc: s94,
    httpGet: s81,
    initialDelaySeconds: s95,
    periodSeconds: s96,
    successThreshold: s97,
    tcpSocket: s98,
    terminationGracePeriodSeconds: s99,
    timeoutSeconds: s100,
  },
};

const s157: CrdSchema = {
  type: 'boolean',
  description:
    'Whether this container should allocate a buffer for stdin in the container runtime. If this\nis not set, reads from stdin in the container will always result in EOF.\nDefault is false.',
};

const s158: CrdSchema = {
  type: 'boolean',
  description:
    'Whether the container runtime should close the stdin channel after it has been opened by\na single attach. When stdin is true the stdin stream will remain open across multiple attach\nsessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the\nfirst client attaches to stdin, and then remains open and accepts data until the client disconnects,\nat which time stdin is closed and remains closed until the container is restarted. If this\nflag is false, a container processes that reads from stdin will never receive an EOF.\nDefault is false',
};

const s159: CrdSchema = {
  type: 'string',
  description:
    "Optional: Path at which the file to which the container's termination message\nwill be written is mounted into the container's filesystem.\nMessage written is intended to be brief final status, such as an assertion failure message.\nWill be truncated by the node if greater than 4096 bytes. The total message length across\nall containers will be limited to 12kb.\nDefaults to /dev/termination-log.\nCannot be updated.",
};

const s160: CrdSchema = {
  type: 'string',
  description:
    'Indicate how the termination message should be populated. File will use the contents of\nterminationMessagePath to populate the container status message on both success and failure.\nFallbackToLogsOnError will use the last chunk of container log output if the termination\nmessage file is empty and the container exited with an error.\nThe log output is limited to 2048 bytes or 80 lines, whichever is smaller.\nDefaults to File.\nCannot be updated.',
};

const s161: CrdSchema = {
  type: 'boolean',
  description:
    "Whether this container should allocate a TTY for itself, also requires 'stdin' to be true.\nDefault is false.",
};

const s162: CrdSchema = {
  type: 'string',
  description: 'devicePath is the path inside of the container that the device will be mapped to.',
};

const s163: CrdSchema = {
  type: 'string',
  description: 'name must match the name of a persistentVolumeClaim in the pod',
};

const s164: CrdSchema = {
  type: 'object',
  description: 'volumeDevice describes a mapping of a raw block device within a container.',
  required: ['devicePath', 'name'],
  properties: { devicePath: s162, name: s163 },
};

const s165: CrdSchema = {
  type: 'array',
  description: 'volumeDevices is the list of block devices to be used by the container.',
  listType: 'map',
  listMapKeys: ['devicePath'],
  items: s164,
};

const s166: CrdSchema = {
  type: 'string',
  description: "Path within the container at which the volume should be mounted.  Must\nnot contain ':'.",
};

const s167: CrdSchema = {
  type: 'string',
  description:
    'mountPropagation determines how mounts are propagated from the host\nto container and the other way around.\nWhen not set, MountPropagationNone is used.\nThis field is beta in 1.10.\nWhen RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified\n(which defaults to None).',
};

const s168: CrdSchema = {
  type: 'boolean',
  description: 'Mounted read-only if true, read-write otherwise (false or unspecified).\nDefaults to false.',
};

const s169: CrdSchema = {
  type: 'string',
  description:
    'RecursiveReadOnly specifies whether read-only mounts should be handled\nrecursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made\nrecursively read-only.  If this field is set to IfPossible, the mount is made\nrecursively read-only, if it is supported by the container runtime.  If this\nfield is set to Enabled, the mount is made recursively read-only if it is\nsupported by the container runtime, otherwise the pod will not be started and\nan error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to\nNone (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled.',
};

const s170: CrdSchema = {
  type: 'string',
  description:
    'Path within the volume from which the container\'s volume should be mounted.\nDefaults to "" (volume\'s root).',
};

const s171: CrdSchema = {
  type: 'string',
  description:
    "Expanded path within the volume from which the container's volume should be mounted.\nBehaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment.\nDefaults to \"\" (volume's root).\nSubPathExpr and SubPath are mutually exclusive.",
};

const s172: CrdSchema = {
  type: 'object',
  description: 'VolumeMount describes a mounting of a Volume within a container.',
  required: ['mountPath', 'name'],
  properties: {
    mountPath: s166,
    mountPropagation: s167,
    name: { type: 'string', description: 'This must match the Name of a Volume.' },
    readOnly: s168,
    recursiveReadOnly: s169,
    subPath: s170,
    subPathExpr: s171,
  },
};

const s173: CrdSchema = {
  type: 'array',
  description: "Pod volumes to mount into the container's filesystem.\nCannot be updated.",
  listType: 'map',
  listMapKeys: ['mountPath'],
  items: s172,
};

const s174: CrdSchema = {
  type: 'string',
  description:
    "Container's working directory.\nIf not specified, the container runtime's default will be used, which\nmight be configured in the container image.\nCannot be updated.",
};

const s175: CrdSchema = {
  type: 'object',
  description: 'A single application container that you want to run within a pod.',
  required: ['name'],
  properties: {
    args: s42,
    command: s43,
    env: s65,
    envFrom: s70,
    image: s71,
    imagePullPolicy: s72,
    lifecycle: s90,
    livenessProbe: s101,
    name: s102,
    ports: s108,
    readinessProbe: s109,
    resizePolicy: s113,
    resources: s121,
    restartPolicy: s122,
    restartPolicyRules: s128,
    securityContext: s155,
    startupProbe: s156,
    stdin: s157,
    stdinOnce: s158,
    terminationMessagePath: s159,
    terminationMessagePolicy: s160,
    tty: s161,
    volumeDevices: s165,
    volumeMounts: s173,
    workingDir: s174,
  },
};

const s176: CrdSchema = {
  type: 'object',
  description: 'Probes are not allowed for ephemeral containers.',
  properties: {
    exec: s74,
    failureThreshold: s91,
    grpc: s94,
    httpGet: s81,
    initialDelaySeconds: s95,
    periodSeconds: s96,
    successThreshold: s97,
    tcpSocket: s98,
    terminationGracePeriodSeconds: s99,
    timeoutSeconds: s100,
  },
};

const s177: CrdSchema = {
  type: 'boolean',
  description:
    'readOnly defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.',
};

const s178: CrdSchema = {
  type: 'integer',
  description:
    'mode is Optional: mode bits used to set permissions on this file.\nMust be an octal value between 0000 and 0777 or a decimal value between 0 and 511.\nYAML accepts both octal and decimal values, JSON requires decimal values for mode bits.\nIf not specified, the volume defaultMode will be used.\nThis might be in conflict with other options that affect the file\nmode, like fsGroup, and the result can be other mode bits set.',
  format: 'int32',
};

const s179: CrdSchema = {
  type: 'string',
  description:
    "path is the relative path of the file to map the key to.\nMay not be an absolute path.\nMay not contain the path element '..'.\nMay not start with the string '..'.",
};

const s180: CrdSchema = {
  type: 'object',
  description: 'Maps a string key to a path within a volume.',
  required: ['key', 'path'],
  properties: { key: { type: 'string', description: 'key is the key to project.' }, mode: s178, path: s179 },
};

const s181: CrdSchema = {
  type: 'array',
  description:
    "items if unspecified, each key-value pair in the Data field of the referenced\nConfigMap will be projected into the volume as a file whose name is the\nkey and content is the value. If specified, the listed keys will be\nprojected into the specified paths, and unlisted keys will not be\npresent. If a key is specified which is not present in the ConfigMap,\nthe volume setup will error unless it is marked optional. Paths must be\nrelative and may not contain the '..' path or start with '..'.",
  listType: 'atomic',
  items: s180,
};

const s182: CrdSchema = {
  type: 'boolean',
  description: 'optional specify whether the ConfigMap or its keys must be defined',
};

const s183: CrdSchema = {
  type: 'object',
  description:
    'Required: Selects a field of the pod: only annotations, labels, name, namespace and uid are supported.',
  required: ['fieldPath'],
  mapType: 'atomic',
  properties: { apiVersion: s49, fieldPath: s50 },
};

const s184: CrdSchema = {
  type: 'integer',
  description:
    'Optional: mode bits used to set permissions on this file, must be an octal value\nbetween 0000 and 0777 or a decimal value between 0 and 511.\nYAML accepts both octal and decimal values, JSON requires decimal values for mode bits.\nIf not specified, the volume defaultMode will be used.\nThis might be in conflict with other options that affect the file\nmode, like fsGroup, and the result can be other mode bits set.',
  format: 'int32',
};

const s185: CrdSchema = {
  type: 'string',
  description:
    "Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the '..' path. Must be utf-8 encoded. The first item of the relative path must not start with '..'",
};

const s186: CrdSchema = {
  type: 'object',
  description:
    'Selects a resource of the container: only resources limits and requests\n(limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported.',
  required: ['resource'],
  mapType: 'atomic',
  properties: {
    containerName: s57,
    divisor: s58,
    resource: { type: 'string', description: 'Required: resource to select' },
  },
};

const s187: CrdSchema = {
  type: 'object',
  description: 'DownwardAPIVolumeFile represents information to create the file containing the pod field',
  required: ['path'],
  properties: { fieldRef: s183, mode: s184, path: s185, resourceFieldRef: s186 },
};

const s188: CrdSchema = {
  type: 'string',
  description:
    'APIGroup is the group for the resource being referenced.\nIf APIGroup is not specified, the specified Kind must be in the core API group.\nFor any other third-party types, APIGroup is required.',
};

const s189: CrdSchema = {
  type: 'string',
  description:
    'fsType is the filesystem type to mount.\nMust be a filesystem type supported by the host operating system.\nEx. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
};

const s190: CrdSchema = {
  type: 'object',
  required: ['key', 'name'],
  properties: { key: { type: 'string' }, name: { type: 'string' } },
};

const s191: CrdSchema = { type: 'object', required: ['secretKeyRef'], properties: { secretKeyRef: s190 } };

const s192: CrdSchema = { type: 'object', required: ['valueFrom'], properties: { valueFrom: s191 } };

const s193: CrdSchema = {
  type: 'object',
  required: ['accessKey', 'accessSecretKey'],
  properties: { accessKey: s192, accessSecretKey: s192, accessToken: s192 },
};

const s194: CrdSchema = {
  type: 'string',
  description:
    'ExternalID sets the External ID to be used when assuming an identity. This is only applicable when using AWS pod identity with a RoleArn.',
};

const s195: CrdSchema = {
  type: 'string',
  description:
    'Set identityAuthorityHost to override the default Azure authority host. If this is set, then the IdentityTenantID must also be set',
};

const s196: CrdSchema = {
  type: 'string',
  description:
    'IdentityOwner configures which identity has to be used during auto discovery, keda or the scaled workload. Mutually exclusive with roleArn',
  enum: ['keda', 'workload'],
};

const s197: CrdSchema = {
  type: 'string',
  description:
    'Set identityTenantId to override the default Azure tenant id. If this is set, then the IdentityID must also be set',
};

const s198: CrdSchema = {
  type: 'string',
  description: 'PodIdentityProvider contains the list of providers',
  enum: ['azure-workload', 'gcp', 'aws', 'aws-eks', 'none'],
};

const s199: CrdSchema = {
  type: 'string',
  description: 'RoleArn sets the AWS RoleArn to be used. Mutually exclusive with IdentityOwner',
};

const s200: CrdSchema = {
  type: 'object',
  description: 'AuthPodIdentity allows users to select the platform native identity\nmechanism',
  required: ['provider'],
  properties: {
    externalID: s194,
    identityAuthorityHost: s195,
    identityId: { type: 'string' },
    identityOwner: s196,
    identityTenantId: s197,
    provider: s198,
    roleArn: s199,
  },
};

const s201: CrdSchema = {
  type: 'object',
  required: ['name', 'parameter'],
  properties: {
    name: { type: 'string' },
    parameter: { type: 'string' },
    secretKey: { type: 'string' },
    versionId: { type: 'string' },
    versionStage: { type: 'string' },
  },
};

const s202: CrdSchema = { type: 'array', minItems: 1, items: s201 };

const s203: CrdSchema = {
  type: 'object',
  description: 'AwsSecretManager is used to authenticate using AwsSecretManager',
  required: ['secrets'],
  properties: { credentials: s193, podIdentity: s200, region: { type: 'string' }, secrets: s202 },
};

const s204: CrdSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    activeDirectoryEndpoint: { type: 'string' },
    keyVaultResourceURL: { type: 'string' },
    type: { type: 'string' },
  },
};

const s205: CrdSchema = {
  type: 'object',
  required: ['clientId', 'clientSecret', 'tenantId'],
  properties: { clientId: { type: 'string' }, clientSecret: s192, tenantId: { type: 'string' } },
};

const s206: CrdSchema = {
  type: 'object',
  required: ['name', 'parameter'],
  properties: { name: { type: 'string' }, parameter: { type: 'string' }, version: { type: 'string' } },
};

const s207: CrdSchema = { type: 'array', minItems: 1, items: s206 };

const s208: CrdSchema = {
  type: 'object',
  description: 'AzureKeyVault is used to authenticate using Azure Key Vault',
  required: ['secrets', 'vaultUri'],
  properties: {
    cloud: s204,
    credentials: s205,
    podIdentity: s200,
    secrets: s207,
    vaultUri: { type: 'string' },
  },
};

const s209: CrdSchema = {
  type: 'object',
  required: ['parameter', 'serviceAccountName'],
  properties: { parameter: { type: 'string' }, serviceAccountName: { type: 'string' } },
};

const s210: CrdSchema = { type: 'array', items: s209 };

const s211: CrdSchema = {
  type: 'object',
  description: 'AuthConfigMapTargetRef is used to authenticate using a reference to a config map',
  required: ['key', 'name', 'parameter'],
  properties: { key: { type: 'string' }, name: { type: 'string' }, parameter: { type: 'string' } },
};

const s212: CrdSchema = { type: 'array', items: s211 };

const s213: CrdSchema = {
  type: 'object',
  description:
    'AuthEnvironment is used to authenticate using environment variables\nin the destination ScaleTarget spec',
  required: ['name', 'parameter'],
  properties: { containerName: { type: 'string' }, name: { type: 'string' }, parameter: { type: 'string' } },
};

const s214: CrdSchema = { type: 'array', items: s213 };

const s215: CrdSchema = {
  type: 'string',
  description:
    'FilePath specifies a file containing auth parameters as JSON map[string]string.\nWhen set, auth params are read directly from this file instead.',
};

const s216: CrdSchema = { type: 'object', required: ['clientSecret'], properties: { clientSecret: s192 } };

const s217: CrdSchema = {
  type: 'object',
  required: ['id', 'parameter'],
  properties: { id: { type: 'string' }, parameter: { type: 'string' }, version: { type: 'string' } },
};

const s218: CrdSchema = { type: 'array', minItems: 1, items: s217 };

const s219: CrdSchema = {
  type: 'object',
  required: ['secrets'],
  properties: { credentials: s216, podIdentity: s200, secrets: s218 },
};

const s220: CrdSchema = {
  type: 'string',
  description: 'VaultAuthentication contains the list of Hashicorp Vault authentication methods',
  enum: ['token', 'kubernetes'],
};

const s221: CrdSchema = {
  type: 'object',
  description: 'Credential defines the Hashicorp Vault credentials depending on the authentication method',
  properties: {
    serviceAccount: { type: 'string' },
    serviceAccountName: { type: 'string' },
    token: { type: 'string' },
  },
};

const s222: CrdSchema = {
  type: 'object',
  properties: {
    altNames: { type: 'string' },
    commonName: { type: 'string' },
    format: { type: 'string' },
    ipSans: { type: 'string' },
    otherSans: { type: 'string' },
    ttl: { type: 'string' },
    uriSans: { type: 'string' },
  },
};

const s223: CrdSchema = {
  type: 'string',
  description: 'VaultSecretType defines the type of vault secret',
  enum: ['', 'secretV2', 'secret', 'pki'],
};

const s224: CrdSchema = {
  type: 'object',
  description: 'VaultSecret defines the mapping between the path of the secret in Vault to the parameter',
  required: ['key', 'parameter', 'path'],
  properties: {
    key: { type: 'string' },
    parameter: { type: 'string' },
    path: { type: 'string' },
    pkiData: s222,
    type: s223,
  },
};

const s225: CrdSchema = { type: 'array', minItems: 1, items: s224 };

const s226: CrdSchema = {
  type: 'object',
  description: 'HashiCorpVault is used to authenticate using Hashicorp Vault',
  required: ['address', 'authentication', 'secrets'],
  properties: {
    address: { type: 'string' },
    authentication: s220,
    credential: s221,
    mount: { type: 'string' },
    namespace: { type: 'string' },
    role: { type: 'string' },
    secrets: s225,
  },
};

const s227: CrdSchema = {
  type: 'object',
  required: ['clientId', 'tokenUrl', 'type'],
  properties: {
    clientId: { type: 'string' },
    clientSecret: s192,
    scopes: { type: 'array', items: { type: 'string' } },
    tokenUrl: { type: 'string' },
    tokenUrlParams: { type: 'object', additionalProperties: { type: 'string' } },
    type: { type: 'string', enum: ['clientCredentials'], default: 'clientCredentials' },
  },
};

const s228: CrdSchema = {
  type: 'object',
  description: 'AuthSecretTargetRef is used to authenticate using a reference to a secret',
  required: ['key', 'name', 'parameter'],
  properties: { key: { type: 'string' }, name: { type: 'string' }, parameter: { type: 'string' } },
};

const s229: CrdSchema = { type: 'array', items: s228 };

const s230: CrdSchema = {
  type: 'object',
  description: 'TriggerAuthenticationSpec defines the various ways to authenticate',
  properties: {
    awsSecretManager: s203,
    azureKeyVault: s208,
    boundServiceAccountToken: s210,
    configMapTargetRef: s212,
    env: s214,
    filePath: s215,
    gcpSecretManager: s219,
    hashiCorpVault: s226,
    oauth2: s227,
    podIdentity: s200,
    secretTargetRef: s229,
  },
};

const s231: CrdSchema = {
  type: 'object',
  description: 'TriggerAuthenticationStatus defines the observed state of TriggerAuthentication',
  properties: { scaledjobs: { type: 'string' }, scaledobjects: { type: 'string' } },
};

export const SCALED_OBJECT_SCHEMA: CrdSchema = {
  type: 'object',
  description: 'ScaledObject is a specification for a ScaledObject resource',
  required: ['spec'],
  properties: {
    apiVersion: s0,
    kind: s1,
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      description: 'ScaledObjectSpec is the spec for a ScaledObject resource',
      required: ['scaleTargetRef', 'triggers'],
      properties: {
        advanced: {
          type: 'object',
          description: 'AdvancedConfig specifies advance scaling options',
          properties: {
            horizontalPodAutoscalerConfig: {
              type: 'object',
              description: 'HorizontalPodAutoscalerConfig specifies horizontal scale config',
              properties: {
                behavior: {
                  type: 'object',
                  description:
                    'HorizontalPodAutoscalerBehavior configures the scaling behavior of the target\nin both Up and Down directions (scaleUp and scaleDown fields respectively).',
                  properties: {
                    scaleDown: {
                      type: 'object',
                      description:
                        'scaleDown is scaling policy for scaling Down.\nIf not set, the default value is to allow to scale down to minReplicas pods, with a\n300 second stabilization window (i.e., the highest recommendation for\nthe last 300sec is used).',
                      properties: {
                        policies: s5,
                        selectPolicy: s6,
                        stabilizationWindowSeconds: s7,
                        tolerance: s8,
                      },
                    },
                    scaleUp: {
                      type: 'object',
                      description:
                        'scaleUp is scaling policy for scaling Up.\nIf not set, the default value is the higher of:\n  * increase no more than 4 pods per 60 seconds\n  * double the number of pods per 60 seconds\nNo stabilization is used.',
                      properties: {
                        policies: s5,
                        selectPolicy: s6,
                        stabilizationWindowSeconds: s7,
                        tolerance: s8,
                      },
                    },
                  },
                },
                name: { type: 'string' },
              },
            },
            restoreToOriginalReplicaCount: { type: 'boolean' },
            scalingModifiers: {
              type: 'object',
              description: 'ScalingModifiers describes advanced scaling logic options like formula',
              properties: {
                activationTarget: { type: 'string' },
                formula: { type: 'string' },
                metricType: {
                  type: 'string',
                  description:
                    'MetricTargetType specifies the type of metric being targeted, and should be either\n"Value", "AverageValue", or "Utilization"',
                  enum: ['AverageValue', 'Value'],
                },
                target: { type: 'string' },
              },
            },
          },
        },
        cooldownPeriod: { type: 'integer', format: 'int32', minimum: 0 },
        fallback: {
          type: 'object',
          description: 'Fallback is the spec for fallback options',
          required: ['failureThreshold', 'replicas'],
          properties: {
            behavior: {
              type: 'string',
              enum: [
                'static',
                'currentReplicas',
                'currentReplicasIfHigher',
                'currentReplicasIfLower',
                'scalingModifiers',
              ],
              default: 'static',
            },
            failureThreshold: { type: 'integer', format: 'int32', minimum: 0 },
            replicas: { type: 'integer', format: 'int32', minimum: 0 },
          },
        },
        idleReplicaCount: { type: 'integer', format: 'int32', minimum: 0 },
        initialCooldownPeriod: { type: 'integer', format: 'int32', minimum: 0 },
        maxReplicaCount: { type: 'integer', format: 'int32', minimum: 1 },
        minReplicaCount: { type: 'integer', format: 'int32', minimum: 0 },
        pollingInterval: { type: 'integer', format: 'int32', minimum: 1 },
        scaleTargetRef: {
          type: 'object',
          description: 'ScaleTarget holds the reference to the scale target Object',
          required: ['name'],
          properties: {
            apiVersion: { type: 'string' },
            envSourceContainerName: { type: 'string' },
            kind: { type: 'string' },
            name: { type: 'string', minLength: 1 },
          },
        },
        triggers: s13,
      },
      rules: [
        {
          rule: '!has(self.minReplicaCount) || self.minReplicaCount <= (has(self.maxReplicaCount) ? self.maxReplicaCount : 100)',
          message: 'minReplicaCount must be less than or equal to maxReplicaCount',
        },
      ],
    },
    status: {
      type: 'object',
      description: 'ScaledObjectStatus is the status for a ScaledObject resource',
      properties: {
        authenticationsTypes: { type: 'string' },
        compositeScalerName: { type: 'string' },
        conditions: s18,
        externalMetricNames: { type: 'array', items: { type: 'string' } },
        health: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            description: "HealthStatus is the status for a ScaledObject's health",
            properties: {
              numberOfFailures: { type: 'integer', format: 'int32' },
              status: {
                type: 'string',
                description:
                  'HealthStatusType is an indication of whether the health status is happy or failing',
              },
            },
          },
        },
        hpaName: { type: 'string' },
        lastActiveTime: { type: 'string', format: 'date-time' },
        originalReplicaCount: { type: 'integer', format: 'int32' },
        pausedReplicaCount: { type: 'integer', format: 'int32' },
        resourceMetricNames: { type: 'array', items: { type: 'string' } },
        scaleTargetGVKR: {
          type: 'object',
          description:
            'GroupVersionKindResource provides unified structure for schema.GroupVersionKind and Resource',
          required: ['group', 'kind', 'resource', 'version'],
          properties: {
            group: { type: 'string' },
            kind: { type: 'string' },
            resource: { type: 'string' },
            version: { type: 'string' },
          },
        },
        scaleTargetKind: { type: 'string' },
        triggersActivity: s20,
        triggersTypes: { type: 'string' },
      },
    },
  },
};

export const SCALED_JOB_SCHEMA: CrdSchema = {
  type: 'object',
  description: 'ScaledJob is the Schema for the scaledjobs API',
  properties: {
    apiVersion: s0,
    kind: s1,
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      description: 'ScaledJobSpec defines the desired state of ScaledJob',
      required: ['jobTargetRef', 'triggers'],
      properties: {
        envSourceContainerName: { type: 'string' },
        failedJobsHistoryLimit: { type: 'integer', format: 'int32', minimum: 0 },
        jobTargetRef: {
          type: 'object',
          description: 'JobSpec describes how the job execution will look like.',
          required: ['template'],
          properties: {
            activeDeadlineSeconds: {
              type: 'integer',
              description:
                'Specifies the duration in seconds relative to the startTime that the job\nmay be continuously active before the system tries to terminate it; value\nmust be positive integer. If a Job is suspended (at creation or through an\nupdate), this timer will effectively be stopped and reset when the Job is\nresumed again.',
              format: 'int64',
            },
            backoffLimit: {
              type: 'integer',
              description:
                'Specifies the number of retries before marking this job failed.\nDefaults to 6, unless backoffLimitPerIndex (only Indexed Job) is specified.\nWhen backoffLimitPerIndex is specified, backoffLimit defaults to 2147483647.',
              format: 'int32',
            },
            backoffLimitPerIndex: {
              type: 'integer',
              description:
                "Specifies the limit for the number of retries within an\nindex before marking this index as failed. When enabled the number of\nfailures per index is kept in the pod's\nbatch.kubernetes.io/job-index-failure-count annotation. It can only\nbe set when Job's completionMode=Indexed, and the Pod's restart\npolicy is Never. The field is immutable.",
              format: 'int32',
            },
            completionMode: {
              type: 'string',
              description:
                "completionMode specifies how Pod completions are tracked. It can be\n`NonIndexed` (default) or `Indexed`.\n\n`NonIndexed` means that the Job is considered complete when there have\nbeen .spec.completions successfully completed Pods. Each Pod completion is\nhomologous to each other.\n\n`Indexed` means that the Pods of a\nJob get an associated completion index from 0 to (.spec.completions - 1),\navailable in the annotation batch.kubernetes.io/job-completion-index.\nThe Job is considered complete when there is one successfully completed Pod\nfor each index.\nWhen value is `Indexed`, .spec.completions must be specified and\n`.spec.parallelism` must be less than or equal to 10^5.\nIn addition, The Pod name takes the form\n`$(job-name)-$(index)-$(random-string)`,\nthe Pod hostname takes the form `$(job-name)-$(index)`.\n\nMore completion modes can be added in the future.\nIf the Job controller observes a mode that it doesn't recognize, which\nis possible during upgrades due to version skew, the controller\nskips updates for the Job.",
            },
            completions: {
              type: 'integer',
              description:
                'Specifies the desired number of successfully finished pods the\njob should be run with.  Setting to null means that the success of any\npod signals the success of all pods, and allows parallelism to have any positive\nvalue.  Setting to 1 means that parallelism is limited to 1 and the success of that\npod signals the success of the job.\nMore info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/',
              format: 'int32',
            },
            managedBy: {
              type: 'string',
              description:
                'ManagedBy field indicates the controller that manages a Job. The k8s Job\ncontroller reconciles jobs which don\'t have this field at all or the field\nvalue is the reserved string `kubernetes.io/job-controller`, but skips\nreconciling Jobs with a custom value for this field.\nThe value must be a valid domain-prefixed path (e.g. acme.io/foo) -\nall characters before the first "/" must be a valid subdomain as defined\nby RFC 1123. All characters trailing the first "/" must be valid HTTP Path\ncharacters as defined by RFC 3986. The value cannot exceed 63 characters.\nThis field is immutable.',
            },
            manualSelector: {
              type: 'boolean',
              description:
                'manualSelector controls generation of pod labels and pod selectors.\nLeave `manualSelector` unset unless you are certain what you are doing.\nWhen false or unset, the system pick labels unique to this job\nand appends those labels to the pod template.  When true,\nthe user is responsible for picking unique labels and specifying\nthe selector.  Failure to pick a unique label may cause this\nand other jobs to not function correctly.  However, You may see\n`manualSelector=true` in jobs that were created with the old `extensions/v1beta1`\nAPI.\nMore info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/#specifying-your-own-pod-selector',
            },
            maxFailedIndexes: {
              type: 'integer',
              description:
                'Specifies the maximal number of failed indexes before marking the Job as\nfailed, when backoffLimitPerIndex is set. Once the number of failed\nindexes exceeds this number the entire Job is marked as Failed and its\nexecution is terminated. When left as null the job continues execution of\nall of its indexes and is marked with the `Complete` Job condition.\nIt can only be specified when backoffLimitPerIndex is set.\nIt can be null or up to completions. It is required and must be\nless than or equal to 10^4 when is completions greater than 10^5.',
              format: 'int32',
            },
            parallelism: {
              type: 'integer',
              description:
                'Specifies the maximum desired number of pods the job should\nrun at any given time. The actual number of pods running in steady state will\nbe less than this number when ((.spec.completions - .status.successful) < .spec.parallelism),\ni.e. when the work left to do is less than max parallelism.\nMore info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/',
              format: 'int32',
            },
            podFailurePolicy: {
              type: 'object',
              description:
                "Specifies the policy of handling failed pods. In particular, it allows to\nspecify the set of actions and conditions which need to be\nsatisfied to take the associated action.\nIf empty, the default behaviour applies - the counter of failed pods,\nrepresented by the jobs's .status.failed field, is incremented and it is\nchecked against the backoffLimit. This field cannot be used in combination\nwith restartPolicy=OnFailure.",
              required: ['rules'],
              properties: {
                rules: {
                  type: 'array',
                  description:
                    'A list of pod failure policy rules. The rules are evaluated in order.\nOnce a rule matches a Pod failure, the remaining of the rules are ignored.\nWhen no rule matches the Pod failure, the default handling applies - the\ncounter of pod failures is incremented and it is checked against\nthe backoffLimit. At most 20 elements are allowed.',
                  listType: 'atomic',
                  items: {
                    type: 'object',
                    description:
                      'PodFailurePolicyRule describes how a pod failure is handled when the requirements are met.\nOne of onExitCodes and onPodConditions, but not both, can be used in each rule.',
                    required: ['action'],
                    properties: {
                      action: {
                        type: 'string',
                        description:
                          "Specifies the action taken on a pod failure when the requirements are satisfied.\nPossible values are:\n\n- FailJob: indicates that the pod's job is marked as Failed and all\n  running pods are terminated.\n- FailIndex: indicates that the pod's index is marked as Failed and will\n  not be restarted.\n- Ignore: indicates that the counter towards the .backoffLimit is not\n  incremented and a replacement pod is created.\n- Count: indicates that the pod is handled in the default way - the\n  counter towards the .backoffLimit is incremented.\nAdditional values are considered to be added in the future. Clients should\nreact to an unknown action by skipping the rule.",
                      },
                      onExitCodes: {
                        type: 'object',
                        description: 'Represents the requirement on the container exit codes.',
                        required: ['operator', 'values'],
                        properties: {
                          containerName: {
                            type: 'string',
                            description:
                              'Restricts the check for exit codes to the container with the\nspecified name. When null, the rule applies to all containers.\nWhen specified, it should match one the container or initContainer\nnames in the pod template.',
                          },
                          operator: {
                            type: 'string',
                            description:
                              "Represents the relationship between the container exit code(s) and the\nspecified values. Containers completed with success (exit code 0) are\nexcluded from the requirement check. Possible values are:\n\n- In: the requirement is satisfied if at least one container exit code\n  (might be multiple if there are multiple containers not restricted\n  by the 'containerName' field) is in the set of specified values.\n- NotIn: the requirement is satisfied if at least one container exit code\n  (might be multiple if there are multiple containers not restricted\n  by the 'containerName' field) is not in the set of specified values.\nAdditional values are considered to be added in the future. Clients should\nreact to an unknown operator by assuming the requirement is not satisfied.",
                          },
                          values: {
                            type: 'array',
                            description:
                              "Specifies the set of values. Each returned container exit code (might be\nmultiple in case of multiple containers) is checked against this set of\nvalues with respect to the operator. The list of values must be ordered\nand must not contain duplicates. Value '0' cannot be used for the In operator.\nAt least one element is required. At most 255 elements are allowed.",
                            listType: 'set',
                            items: { type: 'integer', format: 'int32' },
                          },
                        },
                      },
                      onPodConditions: {
                        type: 'array',
                        description:
                          'Represents the requirement on the pod conditions. The requirement is represented\nas a list of pod condition patterns. The requirement is satisfied if at\nleast one pattern matches an actual pod condition. At most 20 elements are allowed.',
                        listType: 'atomic',
                        items: {
                          type: 'object',
                          description:
                            'PodFailurePolicyOnPodConditionsPattern describes a pattern for matching\nan actual pod condition type.',
                          required: ['type'],
                          properties: {
                            status: {
                              type: 'string',
                              description:
                                'Specifies the required Pod condition status. To match a pod condition\nit is required that the specified status equals the pod condition status.\nDefaults to True.',
                            },
                            type: {
                              type: 'string',
                              description:
                                'Specifies the required Pod condition type. To match a pod condition\nit is required that specified type equals the pod condition type.',
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            podReplacementPolicy: {
              type: 'string',
              description:
                'podReplacementPolicy specifies when to create replacement Pods.\nPossible values are:\n- TerminatingOrFailed means that we recreate pods\n  when they are terminating (has a metadata.deletionTimestamp) or failed.\n- Failed means to wait until a previously created Pod is fully terminated (has phase\n  Failed or Succeeded) before creating a replacement Pod.\n\nWhen using podFailurePolicy, Failed is the the only allowed value.\nTerminatingOrFailed and Failed are allowed values when podFailurePolicy is not in use.',
            },
            selector: {
              type: 'object',
              description:
                'A label query over pods that should match the pod count.\nNormally, the system sets this field for you.\nMore info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
              mapType: 'atomic',
              properties: { matchExpressions: s25, matchLabels: s26 },
            },
            successPolicy: {
              type: 'object',
              description:
                'successPolicy specifies the policy when the Job can be declared as succeeded.\nIf empty, the default behavior applies - the Job is declared as succeeded\nonly when the number of succeeded pods equals to the completions.\nWhen the field is specified, it must be immutable and works only for the Indexed Jobs.\nOnce the Job meets the SuccessPolicy, the lingering pods are terminated.',
              required: ['rules'],
              properties: {
                rules: {
                  type: 'array',
                  description:
                    'rules represents the list of alternative rules for the declaring the Jobs\nas successful before `.status.succeeded >= .spec.completions`. Once any of the rules are met,\nthe "SuccessCriteriaMet" condition is added, and the lingering pods are removed.\nThe terminal state for such a Job has the "Complete" condition.\nAdditionally, these rules are evaluated in order; Once the Job meets one of the rules,\nother rules are ignored. At most 20 elements are allowed.',
                  listType: 'atomic',
                  items: {
                    type: 'object',
                    description:
                      'SuccessPolicyRule describes rule for declaring a Job as succeeded.\nEach rule must have at least one of the "succeededIndexes" or "succeededCount" specified.',
                    properties: {
                      succeededCount: {
                        type: 'integer',
                        description:
                          'succeededCount specifies the minimal required size of the actual set of the succeeded indexes\nfor the Job. When succeededCount is used along with succeededIndexes, the check is\nconstrained only to the set of indexes specified by succeededIndexes.\nFor example, given that succeededIndexes is "1-4", succeededCount is "3",\nand completed indexes are "1", "3", and "5", the Job isn\'t declared as succeeded\nbecause only "1" and "3" indexes are considered in that rules.\nWhen this field is null, this doesn\'t default to any value and\nis never evaluated at any time.\nWhen specified it needs to be a positive integer.',
                        format: 'int32',
                      },
                      succeededIndexes: {
                        type: 'string',
                        description:
                          'succeededIndexes specifies the set of indexes\nwhich need to be contained in the actual set of the succeeded indexes for the Job.\nThe list of indexes must be within 0 to ".spec.completions-1" and\nmust not contain duplicates. At least one element is required.\nThe indexes are represented as intervals separated by commas.\nThe intervals can be a decimal integer or a pair of decimal integers separated by a hyphen.\nThe number are listed in represented by the first and last element of the series,\nseparated by a hyphen.\nFor example, if the completed indexes are 1, 3, 4, 5 and 7, they are\nrepresented as "1,3-5,7".\nWhen this field is null, this field doesn\'t default to any value\nand is never evaluated at any time.',
                      },
                    },
                  },
                },
              },
            },
            suspend: {
              type: 'boolean',
              description:
                'suspend specifies whether the Job controller should create Pods or not. If\na Job is created with suspend set to true, no Pods are created by the Job\ncontroller. If a Job is suspended after creation (i.e. the flag goes from\nfalse to true), the Job controller will delete all active Pods associated\nwith this Job. Users must design their workload to gracefully handle this.\nSuspending a Job will reset the StartTime field of the Job, effectively\nresetting the ActiveDeadlineSeconds timer too. Defaults to false.',
            },
            template: {
              type: 'object',
              description:
                'Describes the pod that will be created when executing a job.\nThe only allowed template.spec.restartPolicy values are "Never" or "OnFailure".\nMore info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/',
              properties: {
                metadata: {
                  type: 'object',
                  description:
                    "Standard object's metadata.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
                  properties: {
                    annotations: { type: 'object', additionalProperties: { type: 'string' } },
                    finalizers: { type: 'array', items: { type: 'string' } },
                    labels: { type: 'object', additionalProperties: { type: 'string' } },
                    name: { type: 'string' },
                    namespace: { type: 'string' },
                  },
                },
                spec: {
                  type: 'object',
                  description:
                    'Specification of the desired behavior of the pod.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
                  required: ['containers'],
                  properties: {
                    activeDeadlineSeconds: {
                      type: 'integer',
                      description:
                        'Optional duration in seconds the pod may be active on the node relative to\nStartTime before the system will actively try to mark it failed and kill associated containers.\nValue must be a positive integer.',
                      format: 'int64',
                    },
                    affinity: {
                      type: 'object',
                      description: "If specified, the pod's scheduling constraints",
                      properties: {
                        nodeAffinity: {
                          type: 'object',
                          description: 'Describes node affinity scheduling rules for the pod.',
                          properties: {
                            preferredDuringSchedulingIgnoredDuringExecution: {
                              type: 'array',
                              description:
                                'The scheduler will prefer to schedule pods to nodes that satisfy\nthe affinity expressions specified by this field, but it may choose\na node that violates one or more of the expressions. The node that is\nmost preferred is the one with the greatest sum of weights, i.e.\nfor each node that meets all of the scheduling requirements (resource\nrequest, requiredDuringScheduling affinity expressions, etc.),\ncompute a sum by iterating through the elements of this field and adding\n"weight" to the sum if the node matches the corresponding matchExpressions; the\nnode(s) with the highest sum are the most preferred.',
                              listType: 'atomic',
                              items: {
                                type: 'object',
                                description:
                                  "An empty preferred scheduling term matches all objects with implicit weight 0\n(i.e. it's a no-op). A null preferred scheduling term matches no objects (i.e. is also a no-op).",
                                required: ['preference', 'weight'],
                                properties: {
                                  preference: {
                                    type: 'object',
                                    description:
                                      'A node selector term, associated with the corresponding weight.',
                                    mapType: 'atomic',
                                    properties: { matchExpressions: s30, matchFields: s31 },
                                  },
                                  weight: {
                                    type: 'integer',
                                    description:
                                      'Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.',
                                    format: 'int32',
                                  },
                                },
                              },
                            },
                            requiredDuringSchedulingIgnoredDuringExecution: {
                              type: 'object',
                              description:
                                'If the affinity requirements specified by this field are not met at\nscheduling time, the pod will not be scheduled onto the node.\nIf the affinity requirements specified by this field cease to be met\nat some point during pod execution (e.g. due to an update), the system\nmay or may not try to eventually evict the pod from its node.',
                              required: ['nodeSelectorTerms'],
                              mapType: 'atomic',
                              properties: {
                                nodeSelectorTerms: {
                                  type: 'array',
                                  description: 'Required. A list of node selector terms. The terms are ORed.',
                                  listType: 'atomic',
                                  items: {
                                    type: 'object',
                                    description:
                                      'A null or empty node selector term matches no objects. The requirements of\nthem are ANDed.\nThe TopologySelectorTerm type implements a subset of the NodeSelectorTerm.',
                                    mapType: 'atomic',
                                    properties: { matchExpressions: s30, matchFields: s31 },
                                  },
                                },
                              },
                            },
                          },
                        },
                        podAffinity: {
                          type: 'object',
                          description:
                            'Describes pod affinity scheduling rules (e.g. co-locate this pod in the same node, zone, etc. as some other pod(s)).',
                          properties: {
                            preferredDuringSchedulingIgnoredDuringExecution: {
                              type: 'array',
                              description:
                                'The scheduler will prefer to schedule pods to nodes that satisfy\nthe affinity expressions specified by this field, but it may choose\na node that violates one or more of the expressions. The node that is\nmost preferred is the one with the greatest sum of weights, i.e.\nfor each node that meets all of the scheduling requirements (resource\nrequest, requiredDuringScheduling affinity expressions, etc.),\ncompute a sum by iterating through the elements of this field and adding\n"weight" to the sum if the node has pods which matches the corresponding podAffinityTerm; the\nnode(s) with the highest sum are the most preferred.',
                              listType: 'atomic',
                              items: s40,
                            },
                            requiredDuringSchedulingIgnoredDuringExecution: {
                              type: 'array',
                              description:
                                'If the affinity requirements specified by this field are not met at\nscheduling time, the pod will not be scheduled onto the node.\nIf the affinity requirements specified by this field cease to be met\nat some point during pod execution (e.g. due to a pod label update), the\nsystem may or may not try to eventually evict the pod from its node.\nWhen there are multiple elements, the lists of nodes corresponding to each\npodAffinityTerm are intersected, i.e. all terms must be satisfied.',
                              listType: 'atomic',
                              items: s41,
                            },
                          },
                        },
                        podAntiAffinity: {
                          type: 'object',
                          description:
                            'Describes pod anti-affinity scheduling rules (e.g. avoid putting this pod in the same node, zone, etc. as some other pod(s)).',
                          properties: {
                            preferredDuringSchedulingIgnoredDuringExecution: {
                              type: 'array',
                              description:
                                'The scheduler will prefer to schedule pods to nodes that satisfy\nthe anti-affinity expressions specified by this field, but it may choose\na node that violates one or more of the expressions. The node that is\nmost preferred is the one with the greatest sum of weights, i.e.\nfor each node that meets all of the scheduling requirements (resource\nrequest, requiredDuringScheduling anti-affinity expressions, etc.),\ncompute a sum by iterating through the elements of this field and subtracting\n"weight" from the sum if the node has pods which matches the corresponding podAffinityTerm; the\nnode(s) with the highest sum are the most preferred.',
                              listType: 'atomic',
                              items: s40,
                            },
                            requiredDuringSchedulingIgnoredDuringExecution: {
                              type: 'array',
                              description:
                                'If the anti-affinity requirements specified by this field are not met at\nscheduling time, the pod will not be scheduled onto the node.\nIf the anti-affinity requirements specified by this field cease to be met\nat some point during pod execution (e.g. due to a pod label update), the\nsystem may or may not try to eventually evict the pod from its node.\nWhen there are multiple elements, the lists of nodes corresponding to each\npodAffinityTerm are intersected, i.e. all terms must be satisfied.',
                              listType: 'atomic',
                              items: s41,
                            },
                          },
                        },
                      },
                    },
                    automountServiceAccountToken: {
                      type: 'boolean',
                      description:
                        'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
                    },
                    containers: {
                      type: 'array',
                      description:
                        'List of containers belonging to the pod.\nContainers cannot currently be added or removed.\nThere must be at least one container in a Pod.\nCannot be updated.',
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: s175,
                    },
                    dnsConfig: {
                      type: 'object',
                      description:
                        'Specifies the DNS parameters of a pod.\nParameters specified here will be merged to the generated DNS\nconfiguration based on DNSPolicy.',
                      properties: {
                        nameservers: {
                          type: 'array',
                          description:
                            'A list of DNS name server IP addresses.\nThis will be appended to the base nameservers generated from DNSPolicy.\nDuplicated nameservers will be removed.',
                          listType: 'atomic',
                          items: { type: 'string' },
                        },
                        options: {
                          type: 'array',
                          description:
                            'A list of DNS resolver options.\nThis will be merged with the base options generated from DNSPolicy.\nDuplicated entries will be removed. Resolution options given in Options\nwill override those that appear in the base DNSPolicy.',
                          listType: 'atomic',
                          items: {
                            type: 'object',
                            description: 'PodDNSConfigOption defines DNS resolver options of a pod.',
                            properties: {
                              name: {
                                type: 'string',
                                description: "Name is this DNS resolver option's name.\nRequired.",
                              },
                              value: {
                                type: 'string',
                                description: "Value is this DNS resolver option's value.",
                              },
                            },
                          },
                        },
                        searches: {
                          type: 'array',
                          description:
                            'A list of DNS search domains for host-name lookup.\nThis will be appended to the base search paths generated from DNSPolicy.\nDuplicated search paths will be removed.',
                          listType: 'atomic',
                          items: { type: 'string' },
                        },
                      },
                    },
                    dnsPolicy: {
                      type: 'string',
                      description:
                        "Set DNS policy for the pod.\nDefaults to \"ClusterFirst\".\nValid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'.\nDNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy.\nTo have DNS options set along with hostNetwork, you have to specify DNS policy\nexplicitly to 'ClusterFirstWithHostNet'.",
                    },
                    enableServiceLinks: {
                      type: 'boolean',
                      description:
                        "EnableServiceLinks indicates whether information about services should be injected into pod's\nenvironment variables, matching the syntax of Docker links.\nOptional: Defaults to true.",
                    },
                    ephemeralContainers: {
                      type: 'array',
                      description:
                        "List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing\npod to perform user-initiated actions such as debugging. This list cannot be specified when\ncreating a pod, and it cannot be modified by updating the pod spec. In order to add an\nephemeral container to an existing pod, use the pod's ephemeralcontainers subresource.",
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: {
                        type: 'object',
                        description:
                          'An EphemeralContainer is a temporary container that you may add to an existing Pod for\nuser-initiated activities such as debugging. Ephemeral containers have no resource or\nscheduling guarantees, and they will not be restarted when they exit or when a Pod is\nremoved or restarted. The kubelet may evict a Pod if an ephemeral container causes the\nPod to exceed its resource allocation.\n\nTo add an ephemeral container, use the ephemeralcontainers subresource of an existing\nPod. Ephemeral containers may not be removed or restarted.',
                        required: ['name'],
                        properties: {
                          args: {
                            type: 'array',
                            description:
                              'Arguments to the entrypoint.\nThe image\'s CMD is used if this is not provided.\nVariable references $(VAR_NAME) are expanded using the container\'s environment. If a variable\ncannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced\nto a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will\nproduce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless\nof whether the variable exists or not. Cannot be updated.\nMore info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
                            listType: 'atomic',
                            items: { type: 'string' },
                          },
                          command: {
                            type: 'array',
                            description:
                              'Entrypoint array. Not executed within a shell.\nThe image\'s ENTRYPOINT is used if this is not provided.\nVariable references $(VAR_NAME) are expanded using the container\'s environment. If a variable\ncannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced\nto a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will\nproduce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless\nof whether the variable exists or not. Cannot be updated.\nMore info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
                            listType: 'atomic',
                            items: { type: 'string' },
                          },
                          env: s65,
                          envFrom: s70,
                          image: {
                            type: 'string',
                            description:
                              'Container image name.\nMore info: https://kubernetes.io/docs/concepts/containers/images',
                          },
                          imagePullPolicy: s72,
                          lifecycle: {
                            type: 'object',
                            description: 'Lifecycle is not allowed for ephemeral containers.',
                            properties: { postStart: s87, preStop: s88, stopSignal: s89 },
                          },
                          livenessProbe: s176,
                          name: {
                            type: 'string',
                            description:
                              'Name of the ephemeral container specified as a DNS_LABEL.\nThis name must be unique among all containers, init containers and ephemeral containers.',
                          },
                          ports: {
                            type: 'array',
                            description: 'Ports are not allowed for ephemeral containers.',
                            listType: 'map',
                            listMapKeys: ['containerPort', 'protocol'],
                            items: s107,
                          },
                          readinessProbe: s176,
                          resizePolicy: {
                            type: 'array',
                            description: 'Resources resize policy for the container.',
                            listType: 'atomic',
                            items: s112,
                          },
                          resources: {
                            type: 'object',
                            description:
                              'Resources are not allowed for ephemeral containers. Ephemeral containers use spare resources\nalready allocated to the pod.',
                            properties: { claims: s117, limits: s119, requests: s120 },
                          },
                          restartPolicy: {
                            type: 'string',
                            description:
                              'Restart policy for the container to manage the restart behavior of each\ncontainer within a pod.\nYou cannot set this field on ephemeral containers.',
                          },
                          restartPolicyRules: {
                            type: 'array',
                            description:
                              'Represents a list of rules to be checked to determine if the\ncontainer should be restarted on exit. You cannot set this field on\nephemeral containers.',
                            listType: 'atomic',
                            items: s127,
                          },
                          securityContext: {
                            type: 'object',
                            description:
                              'Optional: SecurityContext defines the security options the ephemeral container should be run with.\nIf set, the fields of SecurityContext override the equivalent fields of PodSecurityContext.',
                            properties: {
                              allowPrivilegeEscalation: s129,
                              appArmorProfile: s132,
                              capabilities: s135,
                              privileged: s136,
                              procMount: s137,
                              readOnlyRootFilesystem: s138,
                              runAsGroup: s139,
                              runAsNonRoot: s140,
                              runAsUser: s141,
                              seLinuxOptions: s146,
                              seccompProfile: s149,
                              windowsOptions: s154,
                            },
                          },
                          startupProbe: s176,
                          stdin: s157,
                          stdinOnce: s158,
                          targetContainerName: {
                            type: 'string',
                            description:
                              'If set, the name of the container from PodSpec that this ephemeral container targets.\nThe ephemeral container will be run in the namespaces (IPC, PID, etc) of this container.\nIf not set then the ephemeral container uses the namespaces configured in the Pod spec.\n\nThe container runtime must implement support for this feature. If the runtime does not\nsupport namespace targeting then the result of setting this field is undefined.',
                          },
                          terminationMessagePath: s159,
                          terminationMessagePolicy: s160,
                          tty: s161,
                          volumeDevices: s165,
                          volumeMounts: {
                            type: 'array',
                            description:
                              "Pod volumes to mount into the container's filesystem. Subpath mounts are not allowed for ephemeral containers.\nCannot be updated.",
                            listType: 'map',
                            listMapKeys: ['mountPath'],
                            items: s172,
                          },
                          workingDir: s174,
                        },
                      },
                    },
                    hostAliases: {
                      type: 'array',
                      description:
                        "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts\nfile if specified.",
                      listType: 'map',
                      listMapKeys: ['ip'],
                      items: {
                        type: 'object',
                        description:
                          "HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the\npod's hosts file.",
                        required: ['ip'],
                        properties: {
                          hostnames: {
                            type: 'array',
                            description: 'Hostnames for the above IP address.',
                            listType: 'atomic',
                            items: { type: 'string' },
                          },
                          ip: { type: 'string', description: 'IP address of the host file entry.' },
                        },
                      },
                    },
                    hostIPC: {
                      type: 'boolean',
                      description: "Use the host's ipc namespace.\nOptional: Default to false.",
                    },
                    hostNetwork: {
                      type: 'boolean',
                      description:
                        "Host networking requested for this pod. Use the host's network namespace.\nWhen using HostNetwork you should specify ports so the scheduler is aware.\nWhen `hostNetwork` is true, specified `hostPort` fields in port definitions must match `containerPort`,\nand unspecified `hostPort` fields in port definitions are defaulted to match `containerPort`.\nDefault to false.",
                    },
                    hostPID: {
                      type: 'boolean',
                      description: "Use the host's pid namespace.\nOptional: Default to false.",
                    },
                    hostUsers: {
                      type: 'boolean',
                      description:
                        "Use the host's user namespace.\nOptional: Default to true.\nIf set to true or not present, the pod will be run in the host user namespace, useful\nfor when the pod needs a feature only available to the host user namespace, such as\nloading a kernel module with CAP_SYS_MODULE.\nWhen set to false, a new userns is created for the pod. Setting false is useful for\nmitigating container breakout vulnerabilities even allowing users to run their\ncontainers as root without actually having root privileges on the host.\nThis field is alpha-level and is only honored by servers that enable the UserNamespacesSupport feature.",
                    },
                    hostname: {
                      type: 'string',
                      description:
                        "Specifies the hostname of the Pod\nIf not specified, the pod's hostname will be set to a system-defined value.",
                    },
                    hostnameOverride: {
                      type: 'string',
                      description:
                        "HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod.\nThis field only specifies the pod's hostname and does not affect its DNS records.\nWhen this field is set to a non-empty string:\n- It takes precedence over the values set in `hostname` and `subdomain`.\n- The Pod's hostname will be set to this value.\n- `setHostnameAsFQDN` must be nil or set to false.\n- `hostNetwork` must be set to false.\n\nThis field must be a valid DNS subdomain as defined in RFC 1123 and contain at most 64 characters.\nRequires the HostnameOverride feature gate to be enabled.",
                    },
                    imagePullSecrets: {
                      type: 'array',
                      description:
                        'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.\nIf specified, these secrets will be passed to individual puller implementations for them to use.\nMore info: https://kubernetes.io/docs/concepts/containers/images#specifying-imagepullsecrets-on-a-pod',
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: {
                        type: 'object',
                        description:
                          'LocalObjectReference contains enough information to let you locate the\nreferenced object inside the same namespace.',
                        mapType: 'atomic',
                        properties: { name: s46 },
                      },
                    },
                    initContainers: {
                      type: 'array',
                      description:
                        'List of initialization containers belonging to the pod.\nInit containers are executed in order prior to containers being started. If any\ninit container fails, the pod is considered to have failed and is handled according\nto its restartPolicy. The name for an init container or normal container must be\nunique among all containers.\nInit containers may not have Lifecycle actions, Readiness probes, Liveness probes, or Startup probes.\nThe resourceRequirements of an init container are taken into account during scheduling\nby finding the highest request/limit for each resource type, and then using the max of\nthat value or the sum of the normal containers. Limits are applied to init containers\nin a similar fashion.\nInit containers cannot currently be added or removed.\nCannot be updated.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: s175,
                    },
                    nodeName: {
                      type: 'string',
                      description:
                        'NodeName indicates in which node this pod is scheduled.\nIf empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.\nOnce this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod.\nThis field should not be used to express a desire for the pod to be scheduled on a specific node.\nhttps://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
                    },
                    nodeSelector: {
                      type: 'object',
                      description:
                        "NodeSelector is a selector which must be true for the pod to fit on a node.\nSelector which must match a node's labels for the pod to be scheduled on that node.\nMore info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
                      mapType: 'atomic',
                      additionalProperties: { type: 'string' },
                    },
                    os: {
                      type: 'object',
                      description:
                        'Specifies the OS of the containers in the pod.\nSome pod and container fields are restricted if this is set.\n\nIf the OS field is set to linux, the following fields must be unset:\n-securityContext.windowsOptions\n\nIf the OS field is set to windows, following fields must be unset:\n- spec.hostPID\n- spec.hostIPC\n- spec.hostUsers\n- spec.resources\n- spec.securityContext.appArmorProfile\n- spec.securityContext.seLinuxOptions\n- spec.securityContext.seccompProfile\n- spec.securityContext.fsGroup\n- spec.securityContext.fsGroupChangePolicy\n- spec.securityContext.sysctls\n- spec.shareProcessNamespace\n- spec.securityContext.runAsUser\n- spec.securityContext.runAsGroup\n- spec.securityContext.supplementalGroups\n- spec.securityContext.supplementalGroupsPolicy\n- spec.containers[*].securityContext.appArmorProfile\n- spec.containers[*].securityContext.seLinuxOptions\n- spec.containers[*].securityContext.seccompProfile\n- spec.containers[*].securityContext.capabilities\n- spec.containers[*].securityContext.readOnlyRootFilesystem\n- spec.containers[*].securityContext.privileged\n- spec.containers[*].securityContext.allowPrivilegeEscalation\n- spec.containers[*].securityContext.procMount\n- spec.containers[*].securityContext.runAsUser\n- spec.containers[*].securityContext.runAsGroup',
                      required: ['name'],
                      properties: {
                        name: {
                          type: 'string',
                          description:
                            'Name is the name of the operating system. The currently supported values are linux and windows.\nAdditional value may be defined in future and can be one of:\nhttps://github.com/opencontainers/runtime-spec/blob/master/config.md#platform-specific-configuration\nClients should expect to handle additional values and treat unrecognized values in this field as os: null',
                        },
                      },
                    },
                    overhead: {
                      type: 'object',
                      description:
                        'Overhead represents the resource overhead associated with running a pod for a given RuntimeClass.\nThis field will be autopopulated at admission time by the RuntimeClass admission controller. If\nthe RuntimeClass admission controller is enabled, overhead must not be set in Pod create requests.\nThe RuntimeClass admission controller will reject Pod create requests which have the overhead already\nset. If RuntimeClass is configured and selected in the PodSpec, Overhead will be set to the value\ndefined in the corresponding RuntimeClass, otherwise it will remain unset and treated as zero.\nMore info: https://git.k8s.io/enhancements/keps/sig-node/688-pod-overhead/README.md',
                      additionalProperties: s118,
                    },
                    preemptionPolicy: {
                      type: 'string',
                      description:
                        'PreemptionPolicy is the Policy for preempting pods with lower priority.\nOne of Never, PreemptLowerPriority.\nDefaults to PreemptLowerPriority if unset.',
                    },
                    priority: {
                      type: 'integer',
                      description:
                        'The priority value. Various system components use this field to find the\npriority of the pod. When Priority Admission Controller is enabled, it\nprevents users from setting this field. The admission controller populates\nthis field from PriorityClassName.\nThe higher the value, the higher the priority.',
                      format: 'int32',
                    },
                    priorityClassName: {
                      type: 'string',
                      description:
                        'If specified, indicates the pod\'s priority. "system-node-critical" and\n"system-cluster-critical" are two special keywords which indicate the\nhighest priorities with the former being the highest priority. Any other\nname must be defined by creating a PriorityClass object with that name.\nIf not specified, the pod priority will be default or zero if there is no\ndefault.',
                    },
                    readinessGates: {
                      type: 'array',
                      description:
                        'If specified, all readiness gates will be evaluated for pod readiness.\nA pod is ready when all its containers are ready AND\nall conditions specified in the readiness gates have status equal to "True"\nMore info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
                      listType: 'atomic',
                      items: {
                        type: 'object',
                        description: 'PodReadinessGate contains the reference to a pod condition',
                        required: ['conditionType'],
                        properties: {
                          conditionType: {
                            type: 'string',
                            description:
                              "ConditionType refers to a condition in the pod's condition list with matching type.",
                          },
                        },
                      },
                    },
                    resourceClaims: {
                      type: 'array',
                      description:
                        'ResourceClaims defines which ResourceClaims must be allocated\nand reserved before the Pod is allowed to start. The resources\nwill be made available to those containers which consume them\nby name.\n\nThis is a stable field but requires that the\nDynamicResourceAllocation feature gate is enabled.\n\nThis field is immutable.',
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: {
                        type: 'object',
                        description:
                          'PodResourceClaim references exactly one ResourceClaim, either directly\nor by naming a ResourceClaimTemplate which is then turned into a ResourceClaim\nfor the pod.\n\nIt adds a name to it that uniquely identifies the ResourceClaim inside the Pod.\nContainers that need access to the ResourceClaim reference it with this name.',
                        required: ['name'],
                        properties: {
                          name: {
                            type: 'string',
                            description:
                              'Name uniquely identifies this resource claim inside the pod.\nThis must be a DNS_LABEL.',
                          },
                          resourceClaimName: {
                            type: 'string',
                            description:
                              'ResourceClaimName is the name of a ResourceClaim object in the same\nnamespace as this pod.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must\nbe set.',
                          },
                          resourceClaimTemplateName: {
                            type: 'string',
                            description:
                              'ResourceClaimTemplateName is the name of a ResourceClaimTemplate\nobject in the same namespace as this pod.\n\nThe template will be used to create a new ResourceClaim, which will\nbe bound to this pod. When this pod is deleted, the ResourceClaim\nwill also be deleted. The pod name and resource name, along with a\ngenerated component, will be used to form a unique name for the\nResourceClaim, which will be recorded in pod.status.resourceClaimStatuses.\n\nThis field is immutable and no changes will be made to the\ncorresponding ResourceClaim by the control plane after creating the\nResourceClaim.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must\nbe set.',
                          },
                        },
                      },
                    },
                    resources: {
                      type: 'object',
                      description:
                        'Resources is the total amount of CPU and Memory resources required by all\ncontainers in the pod. It supports specifying Requests and Limits for\n"cpu", "memory" and "hugepages-" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the\nentire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature\ngate.',
                      properties: { claims: s117, limits: s119, requests: s120 },
                    },
                    restartPolicy: {
                      type: 'string',
                      description:
                        'Restart policy for all containers within the pod.\nOne of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted.\nDefault to Always.\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
                    },
                    runtimeClassName: {
                      type: 'string',
                      description:
                        'RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used\nto run this pod.  If no RuntimeClass resource matches the named class, the pod will not be run.\nIf unset or empty, the "legacy" RuntimeClass will be used, which is an implicit class with an\nempty definition that uses the default runtime handler.\nMore info: https://git.k8s.io/enhancements/keps/sig-node/585-runtime-class',
                    },
                    schedulerName: {
                      type: 'string',
                      description:
                        'If specified, the pod will be dispatched by specified scheduler.\nIf not specified, the pod will be dispatched by default scheduler.',
                    },
                    schedulingGates: {
                      type: 'array',
                      description:
                        'SchedulingGates is an opaque list of values that if specified will block scheduling the pod.\nIf schedulingGates is not empty, the pod will stay in the SchedulingGated state and the\nscheduler will not attempt to schedule the pod.\n\nSchedulingGates can only be set at pod creation time, and be removed only afterwards.',
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: {
                        type: 'object',
                        description: 'PodSchedulingGate is associated to a Pod to guard its scheduling.',
                        required: ['name'],
                        properties: {
                          name: {
                            type: 'string',
                            description:
                              'Name of the scheduling gate.\nEach scheduling gate must have a unique name field.',
                          },
                        },
                      },
                    },
                    securityContext: {
                      type: 'object',
                      description:
                        'SecurityContext holds pod-level security attributes and common container settings.\nOptional: Defaults to empty.  See type description for default values of each field.',
                      properties: {
                        appArmorProfile: {
                          type: 'object',
                          description:
                            'appArmorProfile is the AppArmor options to use by the containers in this pod.\nNote that this field cannot be set when spec.os.name is windows.',
                          required: ['type'],
                          properties: { localhostProfile: s130, type: s131 },
                        },
                        fsGroup: {
                          type: 'integer',
                          description:
                            "A special supplemental group that applies to all containers in a pod.\nSome volume types allow the Kubelet to change the ownership of that volume\nto be owned by the pod:\n\n1. The owning GID will be the FSGroup\n2. The setgid bit is set (new files created in the volume will be owned by FSGroup)\n3. The permission bits are OR'd with rw-rw----\n\nIf unset, the Kubelet will not modify the ownership and permissions of any volume.\nNote that this field cannot be set when spec.os.name is windows.",
                          format: 'int64',
                        },
                        fsGroupChangePolicy: {
                          type: 'string',
                          description:
                            'fsGroupChangePolicy defines behavior of changing ownership and permission of the volume\nbefore being exposed inside Pod. This field will only apply to\nvolume types which support fsGroup based ownership(and permissions).\nIt will have no effect on ephemeral volume types such as: secret, configmaps\nand emptydir.\nValid values are "OnRootMismatch" and "Always". If not specified, "Always" is used.\nNote that this field cannot be set when spec.os.name is windows.',
                        },
                        runAsGroup: {
                          type: 'integer',
                          description:
                            'The GID to run the entrypoint of the container process.\nUses runtime default if unset.\nMay also be set in SecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence\nfor that container.\nNote that this field cannot be set when spec.os.name is windows.',
                          format: 'int64',
                        },
                        runAsNonRoot: {
                          type: 'boolean',
                          description:
                            'Indicates that the container must run as a non-root user.\nIf true, the Kubelet will validate the image at runtime to ensure that it\ndoes not run as UID 0 (root) and fail to start the container if it does.\nIf unset or false, no such validation will be performed.\nMay also be set in SecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence.',
                        },
                        runAsUser: {
                          type: 'integer',
                          description:
                            'The UID to run the entrypoint of the container process.\nDefaults to user specified in image metadata if unspecified.\nMay also be set in SecurityContext.  If set in both SecurityContext and\nPodSecurityContext, the value specified in SecurityContext takes precedence\nfor that container.\nNote that this field cannot be set when spec.os.name is windows.',
                          format: 'int64',
                        },
                        seLinuxChangePolicy: {
                          type: 'string',
                          description:
                            'seLinuxChangePolicy defines how the container\'s SELinux label is applied to all volumes used by the Pod.\nIt has no effect on nodes that do not support SELinux or to volumes does not support SELinux.\nValid values are "MountOption" and "Recursive".\n\n"Recursive" means relabeling of all files on all Pod volumes by the container runtime.\nThis may be slow for large volumes, but allows mixing privileged and unprivileged Pods sharing the same volume on the same node.\n\n"MountOption" mounts all eligible Pod volumes with `-o context` mount option.\nThis requires all Pods that share the same volume to use the same SELinux label.\nIt is not possible to share the same volume among privileged and unprivileged Pods.\nEligible volumes are in-tree FibreChannel and iSCSI volumes, and all CSI volumes\nwhose CSI driver announces SELinux support by setting spec.seLinuxMount: true in their\nCSIDriver instance. Other volumes are always re-labelled recursively.\n"MountOption" value is allowed only when SELinuxMount feature gate is enabled.\n\nIf not specified and SELinuxMount feature gate is enabled, "MountOption" is used.\nIf not specified and SELinuxMount feature gate is disabled, "MountOption" is used for ReadWriteOncePod volumes\nand "Recursive" for all other volumes.\n\nThis field affects only Pods that have SELinux label set, either in PodSecurityContext or in SecurityContext of all containers.\n\nAll Pods that use the same volume should use the same seLinuxChangePolicy, otherwise some pods can get stuck in ContainerCreating state.\nNote that this field cannot be set when spec.os.name is windows.',
                        },
                        seLinuxOptions: {
                          type: 'object',
                          description:
                            'The SELinux context to be applied to all containers.\nIf unspecified, the container runtime will allocate a random SELinux context for each\ncontainer.  May also be set in SecurityContext.  If set in\nboth SecurityContext and PodSecurityContext, the value specified in SecurityContext\ntakes precedence for that container.\nNote that this field cannot be set when spec.os.name is windows.',
                          properties: { level: s142, role: s143, type: s144, user: s145 },
                        },
                        seccompProfile: {
                          type: 'object',
                          description:
                            'The seccomp options to use by the containers in this pod.\nNote that this field cannot be set when spec.os.name is windows.',
                          required: ['type'],
                          properties: { localhostProfile: s147, type: s148 },
                        },
                        supplementalGroups: {
                          type: 'array',
                          description:
                            "A list of groups applied to the first process run in each container, in\naddition to the container's primary GID and fsGroup (if specified).  If\nthe SupplementalGroupsPolicy feature is enabled, the\nsupplementalGroupsPolicy field determines whether these are in addition\nto or instead of any group memberships defined in the container image.\nIf unspecified, no additional groups are added, though group memberships\ndefined in the container image may still be used, depending on the\nsupplementalGroupsPolicy field.\nNote that this field cannot be set when spec.os.name is windows.",
                          listType: 'atomic',
                          items: { type: 'integer', format: 'int64' },
                        },
                        supplementalGroupsPolicy: {
                          type: 'string',
                          description:
                            'Defines how supplemental groups of the first container processes are calculated.\nValid values are "Merge" and "Strict". If not specified, "Merge" is used.\n(Alpha) Using the field requires the SupplementalGroupsPolicy feature gate to be enabled\nand the container runtime must implement support for this feature.\nNote that this field cannot be set when spec.os.name is windows.',
                        },
                        sysctls: {
                          type: 'array',
                          description:
                            'Sysctls hold a list of namespaced sysctls used for the pod. Pods with unsupported\nsysctls (by the container runtime) might fail to launch.\nNote that this field cannot be set when spec.os.name is windows.',
                          listType: 'atomic',
                          items: {
                            type: 'object',
                            description: 'Sysctl defines a kernel parameter to be set',
                            required: ['name', 'value'],
                            properties: {
                              name: { type: 'string', description: 'Name of a property to set' },
                              value: { type: 'string', description: 'Value of a property to set' },
                            },
                          },
                        },
                        windowsOptions: {
                          type: 'object',
                          description:
                            "The Windows specific settings applied to all containers.\nIf unspecified, the options within a container's SecurityContext will be used.\nIf set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.\nNote that this field cannot be set when spec.os.name is linux.",
                          properties: {
                            gmsaCredentialSpec: s150,
                            gmsaCredentialSpecName: s151,
                            hostProcess: s152,
                            runAsUserName: s153,
                          },
                        },
                      },
                    },
                    serviceAccount: {
                      type: 'string',
                      description:
                        'DeprecatedServiceAccount is a deprecated alias for ServiceAccountName.\nDeprecated: Use serviceAccountName instead.',
                    },
                    serviceAccountName: {
                      type: 'string',
                      description:
                        'ServiceAccountName is the name of the ServiceAccount to use to run this pod.\nMore info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
                    },
                    setHostnameAsFQDN: {
                      type: 'boolean',
                      description:
                        "If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default).\nIn Linux containers, this means setting the FQDN in the hostname field of the kernel (the nodename field of struct utsname).\nIn Windows containers, this means setting the registry value of hostname for the registry key HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Services\\\\Tcpip\\\\Parameters to FQDN.\nIf a pod does not have FQDN, this has no effect.\nDefault to false.",
                    },
                    shareProcessNamespace: {
                      type: 'boolean',
                      description:
                        'Share a single process namespace between all of the containers in a pod.\nWhen this is set containers will be able to view and signal processes from other containers\nin the same pod, and the first process in each container will not be assigned PID 1.\nHostPID and ShareProcessNamespace cannot both be set.\nOptional: Default to false.',
                    },
                    subdomain: {
                      type: 'string',
                      description:
                        'If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>".\nIf not specified, the pod will not have a domainname at all.',
                    },
                    terminationGracePeriodSeconds: {
                      type: 'integer',
                      description:
                        'Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request.\nValue must be non-negative integer. The value zero indicates stop immediately via\nthe kill signal (no opportunity to shut down).\nIf this value is nil, the default grace period will be used instead.\nThe grace period is the duration in seconds after the processes running in the pod are sent\na termination signal and the time when the processes are forcibly halted with a kill signal.\nSet this value longer than the expected cleanup time for your process.\nDefaults to 30 seconds.',
                      format: 'int64',
                    },
                    tolerations: {
                      type: 'array',
                      description: "If specified, the pod's tolerations.",
                      listType: 'atomic',
                      items: {
                        type: 'object',
                        description:
                          'The pod this Toleration is attached to tolerates any taint that matches\nthe triple <key,value,effect> using the matching operator <operator>.',
                        properties: {
                          effect: {
                            type: 'string',
                            description:
                              'Effect indicates the taint effect to match. Empty means match all taint effects.\nWhen specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.',
                          },
                          key: {
                            type: 'string',
                            description:
                              'Key is the taint key that the toleration applies to. Empty means match all taint keys.\nIf the key is empty, operator must be Exists; this combination means to match all values and all keys.',
                          },
                          operator: {
                            type: 'string',
                            description:
                              "Operator represents a key's relationship to the value.\nValid operators are Exists, Equal, Lt, and Gt. Defaults to Equal.\nExists is equivalent to wildcard for value, so that a pod can\ntolerate all taints of a particular category.\nLt and Gt perform numeric comparisons (requires feature gate TaintTolerationComparisonOperators).",
                          },
                          tolerationSeconds: {
                            type: 'integer',
                            description:
                              'TolerationSeconds represents the period of time the toleration (which must be\nof effect NoExecute, otherwise this field is ignored) tolerates the taint. By default,\nit is not set, which means tolerate the taint forever (do not evict). Zero and\nnegative values will be treated as 0 (evict immediately) by the system.',
                            format: 'int64',
                          },
                          value: {
                            type: 'string',
                            description:
                              'Value is the taint value the toleration matches to.\nIf the operator is Exists, the value should be empty, otherwise just a regular string.',
                          },
                        },
                      },
                    },
                    topologySpreadConstraints: {
                      type: 'array',
                      description:
                        'TopologySpreadConstraints describes how a group of pods ought to spread across topology\ndomains. Scheduler will schedule pods in a way which abides by the constraints.\nAll topologySpreadConstraints are ANDed.',
                      listType: 'map',
                      listMapKeys: ['topologyKey', 'whenUnsatisfiable'],
                      items: {
                        type: 'object',
                        description:
                          'TopologySpreadConstraint specifies how to spread matching pods among the given topology.',
                        required: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
                        properties: {
                          labelSelector: {
                            type: 'object',
                            description:
                              'LabelSelector is used to find matching pods.\nPods that match this label selector are counted to determine the number of pods\nin their corresponding topology domain.',
                            mapType: 'atomic',
                            properties: { matchExpressions: s25, matchLabels: s26 },
                          },
                          matchLabelKeys: {
                            type: 'array',
                            description:
                              "MatchLabelKeys is a set of pod label keys to select the pods over which\nspreading will be calculated. The keys are used to lookup values from the\nincoming pod labels, those key-value labels are ANDed with labelSelector\nto select the group of existing pods over which spreading will be calculated\nfor the incoming pod. The same key is forbidden to exist in both MatchLabelKeys and LabelSelector.\nMatchLabelKeys cannot be set when LabelSelector isn't set.\nKeys that don't exist in the incoming pod labels will\nbe ignored. A null or empty list means only match against labelSelector.\n\nThis is a beta field and requires the MatchLabelKeysInPodTopologySpread feature gate to be enabled (enabled by default).",
                            listType: 'atomic',
                            items: { type: 'string' },
                          },
                          maxSkew: {
                            type: 'integer',
                            description:
                              "MaxSkew describes the degree to which pods may be unevenly distributed.\nWhen `whenUnsatisfiable=DoNotSchedule`, it is the maximum permitted difference\nbetween the number of matching pods in the target topology and the global minimum.\nThe global minimum is the minimum number of matching pods in an eligible domain\nor zero if the number of eligible domains is less than MinDomains.\nFor example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same\nlabelSelector spread as 2/2/1:\nIn this case, the global minimum is 1.\n| zone1 | zone2 | zone3 |\n|  P P  |  P P  |   P   |\n- if MaxSkew is 1, incoming pod can only be scheduled to zone3 to become 2/2/2;\nscheduling it onto zone1(zone2) would make the ActualSkew(3-1) on zone1(zone2)\nviolate MaxSkew(1).\n- if MaxSkew is 2, incoming pod can be scheduled onto any zone.\nWhen `whenUnsatisfiable=ScheduleAnyway`, it is used to give higher precedence\nto topologies that satisfy it.\nIt's a required field. Default value is 1 and 0 is not allowed.",
                            format: 'int32',
                          },
                          minDomains: {
                            type: 'integer',
                            description:
                              'MinDomains indicates a minimum number of eligible domains.\nWhen the number of eligible domains with matching topology keys is less than minDomains,\nPod Topology Spread treats "global minimum" as 0, and then the calculation of Skew is performed.\nAnd when the number of eligible domains with matching topology keys equals or greater than minDomains,\nthis value has no effect on scheduling.\nAs a result, when the number of eligible domains is less than minDomains,\nscheduler won\'t schedule more than maxSkew Pods to those domains.\nIf value is nil, the constraint behaves as if MinDomains is equal to 1.\nValid values are integers greater than 0.\nWhen value is not nil, WhenUnsatisfiable must be DoNotSchedule.\n\nFor example, in a 3-zone cluster, MaxSkew is set to 2, MinDomains is set to 5 and pods with the same\nlabelSelector spread as 2/2/2:\n| zone1 | zone2 | zone3 |\n|  P P  |  P P  |  P P  |\nThe number of domains is less than 5(MinDomains), so "global minimum" is treated as 0.\nIn this situation, new pod with the same labelSelector cannot be scheduled,\nbecause computed skew will be 3(3 - 0) if new Pod is scheduled to any of the three zones,\nit will violate MaxSkew.',
                            format: 'int32',
                          },
                          nodeAffinityPolicy: {
                            type: 'string',
                            description:
                              "NodeAffinityPolicy indicates how we will treat Pod's nodeAffinity/nodeSelector\nwhen calculating pod topology spread skew. Options are:\n- Honor: only nodes matching nodeAffinity/nodeSelector are included in the calculations.\n- Ignore: nodeAffinity/nodeSelector are ignored. All nodes are included in the calculations.\n\nIf this value is nil, the behavior is equivalent to the Honor policy.",
                          },
                          nodeTaintsPolicy: {
                            type: 'string',
                            description:
                              'NodeTaintsPolicy indicates how we will treat node taints when calculating\npod topology spread skew. Options are:\n- Honor: nodes without taints, along with tainted nodes for which the incoming pod\nhas a toleration, are included.\n- Ignore: node taints are ignored. All nodes are included.\n\nIf this value is nil, the behavior is equivalent to the Ignore policy.',
                          },
                          topologyKey: {
                            type: 'string',
                            description:
                              'TopologyKey is the key of node labels. Nodes that have a label with this key\nand identical values are considered to be in the same topology.\nWe consider each <key, value> as a "bucket", and try to put balanced number\nof pods into each bucket.\nWe define a domain as a particular instance of a topology.\nAlso, we define an eligible domain as a domain whose nodes meet the requirements of\nnodeAffinityPolicy and nodeTaintsPolicy.\ne.g. If TopologyKey is "kubernetes.io/hostname", each Node is a domain of that topology.\nAnd, if TopologyKey is "topology.kubernetes.io/zone", each zone is a domain of that topology.\nIt\'s a required field.',
                          },
                          whenUnsatisfiable: {
                            type: 'string',
                            description:
                              'WhenUnsatisfiable indicates how to deal with a pod if it doesn\'t satisfy\nthe spread constraint.\n- DoNotSchedule (default) tells the scheduler not to schedule it.\n- ScheduleAnyway tells the scheduler to schedule the pod in any location,\n  but giving higher precedence to topologies that would help reduce the\n  skew.\nA constraint is considered "Unsatisfiable" for an incoming pod\nif and only if every possible node assignment for that pod would violate\n"MaxSkew" on some topology.\nFor example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same\nlabelSelector spread as 3/1/1:\n| zone1 | zone2 | zone3 |\n| P P P |   P   |   P   |\nIf WhenUnsatisfiable is set to DoNotSchedule, incoming pod can only be scheduled\nto zone2(zone3) to become 3/2/1(3/1/2) as ActualSkew(2-1) on zone2(zone3) satisfies\nMaxSkew(1). In other words, the cluster can still be imbalanced, but scheduler\nwon\'t make it *more* imbalanced.\nIt\'s a required field.',
                          },
                        },
                      },
                    },
                    volumes: {
                      type: 'array',
                      description:
                        'List of volumes that can be mounted by containers belonging to the pod.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes',
                      listType: 'map',
                      listMapKeys: ['name'],
                      items: {
                        type: 'object',
                        description:
                          'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
                        required: ['name'],
                        properties: {
                          awsElasticBlockStore: {
                            type: 'object',
                            description:
                              "awsElasticBlockStore represents an AWS Disk resource that is attached to a\nkubelet's host machine and then exposed to the pod.\nDeprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree\nawsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore",
                            required: ['volumeID'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is the filesystem type of the volume that you want to mount.\nTip: Ensure that the filesystem type is supported by the host operating system.\nExamples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore',
                              },
                              partition: {
                                type: 'integer',
                                description:
                                  'partition is the partition in the volume that you want to mount.\nIf omitted, the default is to mount by volume name.\nExamples: For volume /dev/sda1, you specify the partition as "1".\nSimilarly, the volume partition for /dev/sda is "0" (or you can leave the property empty).',
                                format: 'int32',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly value true will force the readOnly setting in VolumeMounts.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore',
                              },
                              volumeID: {
                                type: 'string',
                                description:
                                  'volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume).\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore',
                              },
                            },
                          },
                          azureDisk: {
                            type: 'object',
                            description:
                              'azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.\nDeprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type\nare redirected to the disk.csi.azure.com CSI driver.',
                            required: ['diskName', 'diskURI'],
                            properties: {
                              cachingMode: {
                                type: 'string',
                                description:
                                  'cachingMode is the Host Caching mode: None, Read Only, Read Write.',
                              },
                              diskName: {
                                type: 'string',
                                description: 'diskName is the Name of the data disk in the blob storage',
                              },
                              diskURI: {
                                type: 'string',
                                description: 'diskURI is the URI of data disk in the blob storage',
                              },
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is Filesystem type to mount.\nMust be a filesystem type supported by the host operating system.\nEx. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
                                default: 'ext4',
                              },
                              kind: {
                                type: 'string',
                                description:
                                  'kind expected values are Shared: multiple blob disks per storage account  Dedicated: single blob disk per storage account  Managed: azure managed data disk (only in managed availability set). defaults to shared',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly Defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.',
                                default: false,
                              },
                            },
                          },
                          azureFile: {
                            type: 'object',
                            description:
                              'azureFile represents an Azure File Service mount on the host and bind mount to the pod.\nDeprecated: AzureFile is deprecated. All operations for the in-tree azureFile type\nare redirected to the file.csi.azure.com CSI driver.',
                            required: ['secretName', 'shareName'],
                            properties: {
                              readOnly: s177,
                              secretName: {
                                type: 'string',
                                description:
                                  'secretName is the  name of secret that contains Azure Storage Account Name and Key',
                              },
                              shareName: { type: 'string', description: 'shareName is the azure share Name' },
                            },
                          },
                          cephfs: {
                            type: 'object',
                            description:
                              "cephFS represents a Ceph FS mount on the host that shares a pod's lifetime.\nDeprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported.",
                            required: ['monitors'],
                            properties: {
                              monitors: {
                                type: 'array',
                                description:
                                  'monitors is Required: Monitors is a collection of Ceph monitors\nMore info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
                                listType: 'atomic',
                                items: { type: 'string' },
                              },
                              path: {
                                type: 'string',
                                description:
                                  'path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly is Optional: Defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.\nMore info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
                              },
                              secretFile: {
                                type: 'string',
                                description:
                                  'secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret\nMore info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
                              },
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty.\nMore info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              user: {
                                type: 'string',
                                description:
                                  'user is optional: User is the rados user name, default is admin\nMore info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it',
                              },
                            },
                          },
                          cinder: {
                            type: 'object',
                            description:
                              'cinder represents a cinder volume attached and mounted on kubelets host machine.\nDeprecated: Cinder is deprecated. All operations for the in-tree cinder type\nare redirected to the cinder.csi.openstack.org CSI driver.\nMore info: https://examples.k8s.io/mysql-cinder-pd/README.md',
                            required: ['volumeID'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is the filesystem type to mount.\nMust be a filesystem type supported by the host operating system.\nExamples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.\nMore info: https://examples.k8s.io/mysql-cinder-pd/README.md',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.\nMore info: https://examples.k8s.io/mysql-cinder-pd/README.md',
                              },
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef is optional: points to a secret object containing parameters used to connect\nto OpenStack.',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              volumeID: {
                                type: 'string',
                                description:
                                  'volumeID used to identify the volume in cinder.\nMore info: https://examples.k8s.io/mysql-cinder-pd/README.md',
                              },
                            },
                          },
                          configMap: {
                            type: 'object',
                            description: 'configMap represents a configMap that should populate this volume',
                            mapType: 'atomic',
                            properties: {
                              defaultMode: {
                                type: 'integer',
                                description:
                                  'defaultMode is optional: mode bits used to set permissions on created files by default.\nMust be an octal value between 0000 and 0777 or a decimal value between 0 and 511.\nYAML accepts both octal and decimal values, JSON requires decimal values for mode bits.\nDefaults to 0644.\nDirectories within the path are not affected by this setting.\nThis might be in conflict with other options that affect the file\nmode, like fsGroup, and the result can be other mode bits set.',
                                format: 'int32',
                              },
                              items: s181,
                              name: s46,
                              optional: s182,
                            },
                          },
                          csi: {
                            type: 'object',
                            description:
                              'csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers.',
                            required: ['driver'],
                            properties: {
                              driver: {
                                type: 'string',
                                description:
                                  'driver is the name of the CSI driver that handles this volume.\nConsult with your admin for the correct name as registered in the cluster.',
                              },
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType to mount. Ex. "ext4", "xfs", "ntfs".\nIf not provided, the empty value is passed to the associated CSI driver\nwhich will determine the default filesystem to apply.',
                              },
                              nodePublishSecretRef: {
                                type: 'object',
                                description:
                                  'nodePublishSecretRef is a reference to the secret object containing\nsensitive information to pass to the CSI driver to complete the CSI\nNodePublishVolume and NodeUnpublishVolume calls.\nThis field is optional, and  may be empty if no secret is required. If the\nsecret object contains more than one secret, all secret references are passed.',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly specifies a read-only configuration for the volume.\nDefaults to false (read/write).',
                              },
                              volumeAttributes: {
                                type: 'object',
                                description:
                                  "volumeAttributes stores driver-specific properties that are passed to the CSI\ndriver. Consult your driver's documentation for supported values.",
                                additionalProperties: { type: 'string' },
                              },
                            },
                          },
                          downwardAPI: {
                            type: 'object',
                            description:
                              'downwardAPI represents downward API about the pod that should populate this volume',
                            properties: {
                              defaultMode: {
                                type: 'integer',
                                description:
                                  'Optional: mode bits to use on created files by default. Must be a\nOptional: mode bits used to set permissions on created files by default.\nMust be an octal value between 0000 and 0777 or a decimal value between 0 and 511.\nYAML accepts both octal and decimal values, JSON requires decimal values for mode bits.\nDefaults to 0644.\nDirectories within the path are not affected by this setting.\nThis might be in conflict with other options that affect the file\nmode, like fsGroup, and the result can be other mode bits set.',
                                format: 'int32',
                              },
                              items: {
                                type: 'array',
                                description: 'Items is a list of downward API volume file',
                                listType: 'atomic',
                                items: s187,
                              },
                            },
                          },
                          emptyDir: {
                            type: 'object',
                            description:
                              "emptyDir represents a temporary directory that shares a pod's lifetime.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir",
                            properties: {
                              medium: {
                                type: 'string',
                                description:
                                  'medium represents what type of storage medium should back this directory.\nThe default is "" which means to use the node\'s default medium.\nMust be an empty string (default) or Memory.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir',
                              },
                              sizeLimit: {
                                description:
                                  'sizeLimit is the total amount of local storage required for this EmptyDir volume.\nThe size limit is also applicable for memory medium.\nThe maximum usage on memory medium EmptyDir would be the minimum value between\nthe SizeLimit specified here and the sum of memory limits of all containers in a pod.\nThe default is nil which means that the limit is undefined.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir',
                                pattern:
                                  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
                                intOrString: true,
                              },
                            },
                          },
                          ephemeral: {
                            type: 'object',
                            description:
                              "ephemeral represents a volume that is handled by a cluster storage driver.\nThe volume's lifecycle is tied to the pod that defines it - it will be created before the pod starts,\nand deleted when the pod is removed.\n\nUse this if:\na) the volume is only needed while the pod runs,\nb) features of normal volumes like restoring from snapshot or capacity\n   tracking are needed,\nc) the storage driver is specified through a storage class, and\nd) the storage driver supports dynamic volume provisioning through\n   a PersistentVolumeClaim (see EphemeralVolumeSource for more\n   information on the connection between this volume type\n   and PersistentVolumeClaim).\n\nUse PersistentVolumeClaim or one of the vendor-specific\nAPIs for volumes that persist for longer than the lifecycle\nof an individual pod.\n\nUse CSI for light-weight local ephemeral volumes if the CSI driver is meant to\nbe used that way - see the documentation of the driver for\nmore information.\n\nA pod can use both types of ephemeral volumes and\npersistent volumes at the same time.",
                            properties: {
                              volumeClaimTemplate: {
                                type: 'object',
                                description:
                                  'Will be used to create a stand-alone PVC to provision the volume.\nThe pod in which this EphemeralVolumeSource is embedded will be the\nowner of the PVC, i.e. the PVC will be deleted together with the\npod.  The name of the PVC will be `<pod name>-<volume name>` where\n`<volume name>` is the name from the `PodSpec.Volumes` array\nentry. Pod validation will reject the pod if the concatenated name\nis not valid for a PVC (for example, too long).\n\nAn existing PVC with that name that is not owned by the pod\nwill *not* be used for the pod to avoid using an unrelated\nvolume by mistake. Starting the pod is then blocked until\nthe unrelated PVC is removed. If such a pre-created PVC is\nmeant to be used by the pod, the PVC has to updated with an\nowner reference to the pod once the pod exists. Normally\nthis should not be necessary, but it may be useful when\nmanually reconstructing a broken cluster.\n\nThis field is read-only and no changes will be made by Kubernetes\nto the PVC after it has been created.\n\nRequired, must not be nil.',
                                required: ['spec'],
                                properties: {
                                  metadata: {
                                    type: 'object',
                                    description:
                                      'May contain labels and annotations that will be copied into the PVC\nwhen creating it. No other fields are allowed and will be rejected during\nvalidation.',
                                    properties: {
                                      annotations: {
                                        type: 'object',
                                        additionalProperties: { type: 'string' },
                                      },
                                      finalizers: { type: 'array', items: { type: 'string' } },
                                      labels: { type: 'object', additionalProperties: { type: 'string' } },
                                      name: { type: 'string' },
                                      namespace: { type: 'string' },
                                    },
                                  },
                                  spec: {
                                    type: 'object',
                                    description:
                                      'The specification for the PersistentVolumeClaim. The entire content is\ncopied unchanged into the PVC that gets created from this\ntemplate. The same fields as in a PersistentVolumeClaim\nare also valid here.',
                                    properties: {
                                      accessModes: {
                                        type: 'array',
                                        description:
                                          'accessModes contains the desired access modes the volume should have.\nMore info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
                                        listType: 'atomic',
                                        items: { type: 'string' },
                                      },
                                      dataSource: {
                                        type: 'object',
                                        description:
                                          'dataSource field can be used to specify either:\n* An existing VolumeSnapshot object (snapshot.storage.k8s.io/VolumeSnapshot)\n* An existing PVC (PersistentVolumeClaim)\nIf the provisioner or an external controller can support the specified data source,\nit will create a new volume based on the contents of the specified data source.\nWhen the AnyVolumeDataSource feature gate is enabled, dataSource contents will be copied to dataSourceRef,\nand dataSourceRef contents will be copied to dataSource when dataSourceRef.namespace is not specified.\nIf the namespace is specified, then dataSourceRef will not be copied to dataSource.',
                                        required: ['kind', 'name'],
                                        mapType: 'atomic',
                                        properties: {
                                          apiGroup: s188,
                                          kind: {
                                            type: 'string',
                                            description: 'Kind is the type of resource being referenced',
                                          },
                                          name: {
                                            type: 'string',
                                            description: 'Name is the name of resource being referenced',
                                          },
                                        },
                                      },
                                      dataSourceRef: {
                                        type: 'object',
                                        description:
                                          "dataSourceRef specifies the object from which to populate the volume with data, if a non-empty\nvolume is desired. This may be any object from a non-empty API group (non\ncore object) or a PersistentVolumeClaim object.\nWhen this field is specified, volume binding will only succeed if the type of\nthe specified object matches some installed volume populator or dynamic\nprovisioner.\nThis field will replace the functionality of the dataSource field and as such\nif both fields are non-empty, they must have the same value. For backwards\ncompatibility, when namespace isn't specified in dataSourceRef,\nboth fields (dataSource and dataSourceRef) will be set to the same\nvalue automatically if one of them is empty and the other is non-empty.\nWhen namespace is specified in dataSourceRef,\ndataSource isn't set to the same value and must be empty.\nThere are three important differences between dataSource and dataSourceRef:\n* While dataSource only allows two specific types of objects, dataSourceRef\n  allows any non-core object, as well as PersistentVolumeClaim objects.\n* While dataSource ignores disallowed values (dropping them), dataSourceRef\n  preserves all values, and generates an error if a disallowed value is\n  specified.\n* While dataSource only allows local objects, dataSourceRef allows objects\n  in any namespaces.\n(Beta) Using this field requires the AnyVolumeDataSource feature gate to be enabled.\n(Alpha) Using the namespace field of dataSourceRef requires the CrossNamespaceVolumeDataSource feature gate to be enabled.",
                                        required: ['kind', 'name'],
                                        properties: {
                                          apiGroup: s188,
                                          kind: {
                                            type: 'string',
                                            description: 'Kind is the type of resource being referenced',
                                          },
                                          name: {
                                            type: 'string',
                                            description: 'Name is the name of resource being referenced',
                                          },
                                          namespace: {
                                            type: 'string',
                                            description:
                                              "Namespace is the namespace of resource being referenced\nNote that when a namespace is specified, a gateway.networking.k8s.io/ReferenceGrant object is required in the referent namespace to allow that namespace's owner to accept the reference. See the ReferenceGrant documentation for details.\n(Alpha) This field requires the CrossNamespaceVolumeDataSource feature gate to be enabled.",
                                          },
                                        },
                                      },
                                      resources: {
                                        type: 'object',
                                        description:
                                          'resources represents the minimum resources the volume should have.\nUsers are allowed to specify resource requirements\nthat are lower than previous value but must still be higher than capacity recorded in the\nstatus field of the claim.\nMore info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#resources',
                                        properties: { limits: s119, requests: s120 },
                                      },
                                      selector: {
                                        type: 'object',
                                        description:
                                          'selector is a label query over volumes to consider for binding.',
                                        mapType: 'atomic',
                                        properties: { matchExpressions: s25, matchLabels: s26 },
                                      },
                                      storageClassName: {
                                        type: 'string',
                                        description:
                                          'storageClassName is the name of the StorageClass required by the claim.\nMore info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1',
                                      },
                                      volumeAttributesClassName: {
                                        type: 'string',
                                        description:
                                          'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.\nIf specified, the CSI driver will create or update the volume with the attributes defined\nin the corresponding VolumeAttributesClass. This has a different purpose than storageClassName,\nit can be changed after the claim is created. An empty string or nil value indicates that no\nVolumeAttributesClass will be applied to the claim. If the claim enters an Infeasible error state,\nthis field can be reset to its previous value (including nil) to cancel the modification.\nIf the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be\nset to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource\nexists.\nMore info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/',
                                      },
                                      volumeMode: {
                                        type: 'string',
                                        description:
                                          'volumeMode defines what type of volume is required by the claim.\nValue of Filesystem is implied when not included in claim spec.',
                                      },
                                      volumeName: {
                                        type: 'string',
                                        description:
                                          'volumeName is the binding reference to the PersistentVolume backing this claim.',
                                      },
                                    },
                                  },
                                },
                              },
                            },
                          },
                          fc: {
                            type: 'object',
                            description:
                              "fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod.",
                            properties: {
                              fsType: s189,
                              lun: {
                                type: 'integer',
                                description: 'lun is Optional: FC target lun number',
                                format: 'int32',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly is Optional: Defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.',
                              },
                              targetWWNs: {
                                type: 'array',
                                description: 'targetWWNs is Optional: FC target worldwide names (WWNs)',
                                listType: 'atomic',
                                items: { type: 'string' },
                              },
                              wwids: {
                                type: 'array',
                                description:
                                  'wwids Optional: FC volume world wide identifiers (wwids)\nEither wwids or combination of targetWWNs and lun must be set, but not both simultaneously.',
                                listType: 'atomic',
                                items: { type: 'string' },
                              },
                            },
                          },
                          flexVolume: {
                            type: 'object',
                            description:
                              'flexVolume represents a generic volume resource that is\nprovisioned/attached using an exec based plugin.\nDeprecated: FlexVolume is deprecated. Consider using a CSIDriver instead.',
                            required: ['driver'],
                            properties: {
                              driver: {
                                type: 'string',
                                description: 'driver is the name of the driver to use for this volume.',
                              },
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is the filesystem type to mount.\nMust be a filesystem type supported by the host operating system.\nEx. "ext4", "xfs", "ntfs". The default filesystem depends on FlexVolume script.',
                              },
                              options: {
                                type: 'object',
                                description:
                                  'options is Optional: this field holds extra command options if any.',
                                additionalProperties: { type: 'string' },
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly is Optional: defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.',
                              },
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef is Optional: secretRef is reference to the secret object containing\nsensitive information to pass to the plugin scripts. This may be\nempty if no secret object is specified. If the secret object\ncontains more than one secret, all secrets are passed to the plugin\nscripts.',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                            },
                          },
                          flocker: {
                            type: 'object',
                            description:
                              "flocker represents a Flocker volume attached to a kubelet's host machine. This depends on the Flocker control service being running.\nDeprecated: Flocker is deprecated and the in-tree flocker type is no longer supported.",
                            properties: {
                              datasetName: {
                                type: 'string',
                                description:
                                  'datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker\nshould be considered as deprecated',
                              },
                              datasetUUID: {
                                type: 'string',
                                description:
                                  'datasetUUID is the UUID of the dataset. This is unique identifier of a Flocker dataset',
                              },
                            },
                          },
                          gcePersistentDisk: {
                            type: 'object',
                            description:
                              "gcePersistentDisk represents a GCE Disk resource that is attached to a\nkubelet's host machine and then exposed to the pod.\nDeprecated: GCEPersistentDisk is deprecated. All operations for the in-tree\ngcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk",
                            required: ['pdName'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is filesystem type of the volume that you want to mount.\nTip: Ensure that the filesystem type is supported by the host operating system.\nExamples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
                              },
                              partition: {
                                type: 'integer',
                                description:
                                  'partition is the partition in the volume that you want to mount.\nIf omitted, the default is to mount by volume name.\nExamples: For volume /dev/sda1, you specify the partition as "1".\nSimilarly, the volume partition for /dev/sda is "0" (or you can leave the property empty).\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
                                format: 'int32',
                              },
                              pdName: {
                                type: 'string',
                                description:
                                  'pdName is unique name of the PD resource in GCE. Used to identify the disk in GCE.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly here will force the ReadOnly setting in VolumeMounts.\nDefaults to false.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk',
                              },
                            },
                          },
                          gitRepo: {
                            type: 'object',
                            description:
                              "gitRepo represents a git repository at a particular revision.\nDeprecated: GitRepo is deprecated. To provision a container with a git repo, mount an\nEmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir\ninto the Pod's container.",
                            required: ['repository'],
                            properties: {
                              directory: {
                                type: 'string',
                                description:
                                  "directory is the target directory name.\nMust not contain or start with '..'.  If '.' is supplied, the volume directory will be the\ngit repository.  Otherwise, if specified, the volume will contain the git repository in\nthe subdirectory with the given name.",
                              },
                              repository: { type: 'string', description: 'repository is the URL' },
                              revision: {
                                type: 'string',
                                description: 'revision is the commit hash for the specified revision.',
                              },
                            },
                          },
                          glusterfs: {
                            type: 'object',
                            description:
                              "glusterfs represents a Glusterfs mount on the host that shares a pod's lifetime.\nDeprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported.",
                            required: ['endpoints', 'path'],
                            properties: {
                              endpoints: {
                                type: 'string',
                                description:
                                  'endpoints is the endpoint name that details Glusterfs topology.',
                              },
                              path: {
                                type: 'string',
                                description:
                                  'path is the Glusterfs volume path.\nMore info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly here will force the Glusterfs volume to be mounted with read-only permissions.\nDefaults to false.\nMore info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod',
                              },
                            },
                          },
                          hostPath: {
                            type: 'object',
                            description:
                              'hostPath represents a pre-existing file or directory on the host\nmachine that is directly exposed to the container. This is generally\nused for system agents or other privileged things that are allowed\nto see the host machine. Most containers will NOT need this.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
                            required: ['path'],
                            properties: {
                              path: {
                                type: 'string',
                                description:
                                  'path of the directory on the host.\nIf the path is a symlink, it will follow the link to the real path.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
                              },
                              type: {
                                type: 'string',
                                description:
                                  'type for HostPath Volume\nDefaults to ""\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath',
                              },
                            },
                          },
                          image: {
                            type: 'object',
                            description:
                              "image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine.\nThe volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails.\n- Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present.\n- IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation.\nA failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message.\nThe types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field.\nThe OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images.\nThe volume will be mounted read-only (ro) and non-executable files (noexec).\nSub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath) before 1.33.\nThe field spec.securityContext.fsGroupChangePolicy has no effect on this volume type.",
                            properties: {
                              pullPolicy: {
                                type: 'string',
                                description:
                                  "Policy for pulling OCI objects. Possible values are:\nAlways: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails.\nNever: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present.\nIfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\nDefaults to Always if :latest tag is specified, or IfNotPresent otherwise.",
                              },
                              reference: {
                                type: 'string',
                                description:
                                  'Required: Image or artifact reference to be used.\nBehaves in the same way as pod.spec.containers[*].image.\nPull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets.\nMore info: https://kubernetes.io/docs/concepts/containers/images\nThis field is optional to allow higher level config management to default or override\ncontainer images in workload controllers like Deployments and StatefulSets.',
                              },
                            },
                          },
                          iscsi: {
                            type: 'object',
                            description:
                              "iscsi represents an ISCSI Disk resource that is attached to a\nkubelet's host machine and then exposed to the pod.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes/#iscsi",
                            required: ['iqn', 'lun', 'targetPortal'],
                            properties: {
                              chapAuthDiscovery: {
                                type: 'boolean',
                                description:
                                  'chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication',
                              },
                              chapAuthSession: {
                                type: 'boolean',
                                description:
                                  'chapAuthSession defines whether support iSCSI Session CHAP authentication',
                              },
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is the filesystem type of the volume that you want to mount.\nTip: Ensure that the filesystem type is supported by the host operating system.\nExamples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi',
                              },
                              initiatorName: {
                                type: 'string',
                                description:
                                  'initiatorName is the custom iSCSI Initiator Name.\nIf initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface\n<target portal>:<volume name> will be created for the connection.',
                              },
                              iqn: { type: 'string', description: 'iqn is the target iSCSI Qualified Name.' },
                              iscsiInterface: {
                                type: 'string',
                                description:
                                  "iscsiInterface is the interface Name that uses an iSCSI transport.\nDefaults to 'default' (tcp).",
                                default: 'default',
                              },
                              lun: {
                                type: 'integer',
                                description: 'lun represents iSCSI Target Lun number.',
                                format: 'int32',
                              },
                              portals: {
                                type: 'array',
                                description:
                                  'portals is the iSCSI Target Portal List. The portal is either an IP or ip_addr:port if the port\nis other than default (typically TCP ports 860 and 3260).',
                                listType: 'atomic',
                                items: { type: 'string' },
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly here will force the ReadOnly setting in VolumeMounts.\nDefaults to false.',
                              },
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef is the CHAP Secret for iSCSI target and initiator authentication',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              targetPortal: {
                                type: 'string',
                                description:
                                  'targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port\nis other than default (typically TCP ports 860 and 3260).',
                              },
                            },
                          },
                          name: {
                            type: 'string',
                            description:
                              'name of the volume.\nMust be a DNS_LABEL and unique within the pod.\nMore info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
                          },
                          nfs: {
                            type: 'object',
                            description:
                              "nfs represents an NFS mount on the host that shares a pod's lifetime\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#nfs",
                            required: ['path', 'server'],
                            properties: {
                              path: {
                                type: 'string',
                                description:
                                  'path that is exported by the NFS server.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly here will force the NFS export to be mounted with read-only permissions.\nDefaults to false.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
                              },
                              server: {
                                type: 'string',
                                description:
                                  'server is the hostname or IP address of the NFS server.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#nfs',
                              },
                            },
                          },
                          persistentVolumeClaim: {
                            type: 'object',
                            description:
                              'persistentVolumeClaimVolumeSource represents a reference to a\nPersistentVolumeClaim in the same namespace.\nMore info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims',
                            required: ['claimName'],
                            properties: {
                              claimName: {
                                type: 'string',
                                description:
                                  'claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume.\nMore info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly Will force the ReadOnly setting in VolumeMounts.\nDefault false.',
                              },
                            },
                          },
                          photonPersistentDisk: {
                            type: 'object',
                            description:
                              'photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine.\nDeprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported.',
                            required: ['pdID'],
                            properties: {
                              fsType: s189,
                              pdID: {
                                type: 'string',
                                description:
                                  'pdID is the ID that identifies Photon Controller persistent disk',
                              },
                            },
                          },
                          portworxVolume: {
                            type: 'object',
                            description:
                              'portworxVolume represents a portworx volume attached and mounted on kubelets host machine.\nDeprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type\nare redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate\nis on.',
                            required: ['volumeID'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fSType represents the filesystem type to mount\nMust be a filesystem type supported by the host operating system.\nEx. "ext4", "xfs". Implicitly inferred to be "ext4" if unspecified.',
                              },
                              readOnly: s177,
                              volumeID: {
                                type: 'string',
                                description: 'volumeID uniquely identifies a Portworx volume',
                              },
                            },
                          },
                          projected: {
                            type: 'object',
                            description:
                              'projected items for all in one resources secrets, configmaps, and downward API',
                            properties: {
                              defaultMode: {
                                type: 'integer',
                                description:
                                  'defaultMode are the mode bits used to set permissions on created files by default.\nMust be an octal value between 0000 and 0777 or a decimal value between 0 and 511.\nYAML accepts both octal and decimal values, JSON requires decimal values for mode bits.\nDirectories within the path are not affected by this setting.\nThis might be in conflict with other options that affect the file\nmode, like fsGroup, and the result can be other mode bits set.',
                                format: 'int32',
                              },
                              sources: {
                                type: 'array',
                                description:
                                  'sources is the list of volume projections. Each entry in this list\nhandles one source.',
                                listType: 'atomic',
                                items: {
                                  type: 'object',
                                  description:
                                    'Projection that may be projected along with other supported volume types.\nExactly one of these fields must be set.',
                                  properties: {
                                    clusterTrustBundle: {
                                      type: 'object',
                                      description:
                                        'ClusterTrustBundle allows a pod to access the `.spec.trustBundle` field\nof ClusterTrustBundle objects in an auto-updating file.\n\nAlpha, gated by the ClusterTrustBundleProjection feature gate.\n\nClusterTrustBundle objects can either be selected by name, or by the\ncombination of signer name and a label selector.\n\nKubelet performs aggressive normalization of the PEM contents written\ninto the pod filesystem.  Esoteric PEM features such as inter-block\ncomments and block headers are stripped.  Certificates are deduplicated.\nThe ordering of certificates within the file is arbitrary, and Kubelet\nmay change the order over time.',
                                      required: ['path'],
                                      properties: {
                                        labelSelector: {
                                          type: 'object',
                                          description:
                                            'Select all ClusterTrustBundles that match this label selector.  Only has\neffect if signerName is set.  Mutually-exclusive with name.  If unset,\ninterpreted as "match nothing".  If set but empty, interpreted as "match\neverything".',
                                          mapType: 'atomic',
                                          properties: { matchExpressions: s25, matchLabels: s26 },
                                        },
                                        name: {
                                          type: 'string',
                                          description:
                                            'Select a single ClusterTrustBundle by object name.  Mutually-exclusive\nwith signerName and labelSelector.',
                                        },
                                        optional: {
                                          type: 'boolean',
                                          description:
                                            "If true, don't block pod startup if the referenced ClusterTrustBundle(s)\naren't available.  If using name, then the named ClusterTrustBundle is\nallowed not to exist.  If using signerName, then the combination of\nsignerName and labelSelector is allowed to match zero\nClusterTrustBundles.",
                                        },
                                        path: {
                                          type: 'string',
                                          description:
                                            'Relative path from the volume root to write the bundle.',
                                        },
                                        signerName: {
                                          type: 'string',
                                          description:
                                            'Select all ClusterTrustBundles that match this signer name.\nMutually-exclusive with name.  The contents of all selected\nClusterTrustBundles will be unified and deduplicated.',
                                        },
                                      },
                                    },
                                    configMap: {
                                      type: 'object',
                                      description:
                                        'configMap information about the configMap data to project',
                                      mapType: 'atomic',
                                      properties: { items: s181, name: s46, optional: s182 },
                                    },
                                    downwardAPI: {
                                      type: 'object',
                                      description:
                                        'downwardAPI information about the downwardAPI data to project',
                                      properties: {
                                        items: {
                                          type: 'array',
                                          description: 'Items is a list of DownwardAPIVolume file',
                                          listType: 'atomic',
                                          items: s187,
                                        },
                                      },
                                    },
                                    podCertificate: {
                                      type: 'object',
                                      description:
                                        "Projects an auto-rotating credential bundle (private key and certificate\nchain) that the pod can use either as a TLS client or server.\n\nKubelet generates a private key and uses it to send a\nPodCertificateRequest to the named signer.  Once the signer approves the\nrequest and issues a certificate chain, Kubelet writes the key and\ncertificate chain to the pod filesystem.  The pod does not start until\ncertificates have been issued for each podCertificate projected volume\nsource in its spec.\n\nKubelet will begin trying to rotate the certificate at the time indicated\nby the signer using the PodCertificateRequest.Status.BeginRefreshAt\ntimestamp.\n\nKubelet can write a single file, indicated by the credentialBundlePath\nfield, or separate files, indicated by the keyPath and\ncertificateChainPath fields.\n\nThe credential bundle is a single file in PEM format.  The first PEM\nentry is the private key (in PKCS#8 format), and the remaining PEM\nentries are the certificate chain issued by the signer (typically,\nsigners will return their certificate chain in leaf-to-root order).\n\nPrefer using the credential bundle format, since your application code\ncan read it atomically.  If you use keyPath and certificateChainPath,\nyour application must make two separate file reads. If these coincide\nwith a certificate rotation, it is possible that the private key and leaf\ncertificate you read may not correspond to each other.  Your application\nwill need to check for this condition, and re-read until they are\nconsistent.\n\nThe named signer controls chooses the format of the certificate it\nissues; consult the signer implementation's documentation to learn how to\nuse the certificates it issues.",
                                      required: ['keyType', 'signerName'],
                                      properties: {
                                        certificateChainPath: {
                                          type: 'string',
                                          description:
                                            'Write the certificate chain at this path in the projected volume.\n\nMost applications should use credentialBundlePath.  When using keyPath\nand certificateChainPath, your application needs to check that the key\nand leaf certificate are consistent, because it is possible to read the\nfiles mid-rotation.',
                                        },
                                        credentialBundlePath: {
                                          type: 'string',
                                          description:
                                            "Write the credential bundle at this path in the projected volume.\n\nThe credential bundle is a single file that contains multiple PEM blocks.\nThe first PEM block is a PRIVATE KEY block, containing a PKCS#8 private\nkey.\n\nThe remaining blocks are CERTIFICATE blocks, containing the issued\ncertificate chain from the signer (leaf and any intermediates).\n\nUsing credentialBundlePath lets your Pod's application code make a single\natomic read that retrieves a consistent key and certificate chain.  If you\nproject them to separate files, your application code will need to\nadditionally check that the leaf certificate was issued to the key.",
                                        },
                                        keyPath: {
                                          type: 'string',
                                          description:
                                            'Write the key at this path in the projected volume.\n\nMost applications should use credentialBundlePath.  When using keyPath\nand certificateChainPath, your application needs to check that the key\nand leaf certificate are consistent, because it is possible to read the\nfiles mid-rotation.',
                                        },
                                        keyType: {
                                          type: 'string',
                                          description:
                                            'The type of keypair Kubelet will generate for the pod.\n\nValid values are "RSA3072", "RSA4096", "ECDSAP256", "ECDSAP384",\n"ECDSAP521", and "ED25519".',
                                        },
                                        maxExpirationSeconds: {
                                          type: 'integer',
                                          description:
                                            'maxExpirationSeconds is the maximum lifetime permitted for the\ncertificate.\n\nKubelet copies this value verbatim into the PodCertificateRequests it\ngenerates for this projection.\n\nIf omitted, kube-apiserver will set it to 86400(24 hours). kube-apiserver\nwill reject values shorter than 3600 (1 hour).  The maximum allowable\nvalue is 7862400 (91 days).\n\nThe signer implementation is then free to issue a certificate with any\nlifetime *shorter* than MaxExpirationSeconds, but no shorter than 3600\nseconds (1 hour).  This constraint is enforced by kube-apiserver.\n`kubernetes.io` signers will never issue certificates with a lifetime\nlonger than 24 hours.',
                                          format: 'int32',
                                        },
                                        signerName: {
                                          type: 'string',
                                          description:
                                            "Kubelet's generated CSRs will be addressed to this signer.",
                                        },
                                        userAnnotations: {
                                          type: 'object',
                                          description:
                                            'userAnnotations allow pod authors to pass additional information to\nthe signer implementation.  Kubernetes does not restrict or validate this\nmetadata in any way.\n\nThese values are copied verbatim into the `spec.unverifiedUserAnnotations` field of\nthe PodCertificateRequest objects that Kubelet creates.\n\nEntries are subject to the same validation as object metadata annotations,\nwith the addition that all keys must be domain-prefixed. No restrictions\nare placed on values, except an overall size limitation on the entire field.\n\nSigners should document the keys and values they support. Signers should\ndeny requests that contain keys they do not recognize.',
                                          additionalProperties: { type: 'string' },
                                        },
                                      },
                                    },
                                    secret: {
                                      type: 'object',
                                      description: 'secret information about the secret data to project',
                                      mapType: 'atomic',
                                      properties: {
                                        items: {
                                          type: 'array',
                                          description:
                                            "items if unspecified, each key-value pair in the Data field of the referenced\nSecret will be projected into the volume as a file whose name is the\nkey and content is the value. If specified, the listed keys will be\nprojected into the specified paths, and unlisted keys will not be\npresent. If a key is specified which is not present in the Secret,\nthe volume setup will error unless it is marked optional. Paths must be\nrelative and may not contain the '..' path or start with '..'.",
                                          listType: 'atomic',
                                          items: s180,
                                        },
                                        name: s46,
                                        optional: {
                                          type: 'boolean',
                                          description:
                                            'optional field specify whether the Secret or its key must be defined',
                                        },
                                      },
                                    },
                                    serviceAccountToken: {
                                      type: 'object',
                                      description:
                                        'serviceAccountToken is information about the serviceAccountToken data to project',
                                      required: ['path'],
                                      properties: {
                                        audience: {
                                          type: 'string',
                                          description:
                                            'audience is the intended audience of the token. A recipient of a token\nmust identify itself with an identifier specified in the audience of the\ntoken, and otherwise should reject the token. The audience defaults to the\nidentifier of the apiserver.',
                                        },
                                        expirationSeconds: {
                                          type: 'integer',
                                          description:
                                            'expirationSeconds is the requested duration of validity of the service\naccount token. As the token approaches expiration, the kubelet volume\nplugin will proactively rotate the service account token. The kubelet will\nstart trying to rotate the token if the token is older than 80 percent of\nits time to live or if the token is older than 24 hours.Defaults to 1 hour\nand must be at least 10 minutes.',
                                          format: 'int64',
                                        },
                                        path: {
                                          type: 'string',
                                          description:
                                            'path is the path relative to the mount point of the file to project the\ntoken into.',
                                        },
                                      },
                                    },
                                  },
                                },
                              },
                            },
                          },
                          quobyte: {
                            type: 'object',
                            description:
                              "quobyte represents a Quobyte mount on the host that shares a pod's lifetime.\nDeprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported.",
                            required: ['registry', 'volume'],
                            properties: {
                              group: {
                                type: 'string',
                                description: 'group to map volume access to\nDefault is no group',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly here will force the Quobyte volume to be mounted with read-only permissions.\nDefaults to false.',
                              },
                              registry: {
                                type: 'string',
                                description:
                                  'registry represents a single or multiple Quobyte Registry services\nspecified as a string as host:port pair (multiple entries are separated with commas)\nwhich acts as the central registry for volumes',
                              },
                              tenant: {
                                type: 'string',
                                description:
                                  'tenant owning the given Quobyte volume in the Backend\nUsed with dynamically provisioned Quobyte volumes, value is set by the plugin',
                              },
                              user: {
                                type: 'string',
                                description: 'user to map volume access to\nDefaults to serivceaccount user',
                              },
                              volume: {
                                type: 'string',
                                description:
                                  'volume is a string that references an already created Quobyte volume by name.',
                              },
                            },
                          },
                          rbd: {
                            type: 'object',
                            description:
                              "rbd represents a Rados Block Device mount on the host that shares a pod's lifetime.\nDeprecated: RBD is deprecated and the in-tree rbd type is no longer supported.",
                            required: ['image', 'monitors'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is the filesystem type of the volume that you want to mount.\nTip: Ensure that the filesystem type is supported by the host operating system.\nExamples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#rbd',
                              },
                              image: {
                                type: 'string',
                                description:
                                  'image is the rados image name.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                              },
                              keyring: {
                                type: 'string',
                                description:
                                  'keyring is the path to key ring for RBDUser.\nDefault is /etc/ceph/keyring.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                                default: '/etc/ceph/keyring',
                              },
                              monitors: {
                                type: 'array',
                                description:
                                  'monitors is a collection of Ceph monitors.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                                listType: 'atomic',
                                items: { type: 'string' },
                              },
                              pool: {
                                type: 'string',
                                description:
                                  'pool is the rados pool name.\nDefault is rbd.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                                default: 'rbd',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly here will force the ReadOnly setting in VolumeMounts.\nDefaults to false.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                              },
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef is name of the authentication secret for RBDUser. If provided\noverrides keyring.\nDefault is nil.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              user: {
                                type: 'string',
                                description:
                                  'user is the rados user name.\nDefault is admin.\nMore info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it',
                                default: 'admin',
                              },
                            },
                          },
                          scaleIO: {
                            type: 'object',
                            description:
                              'scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes.\nDeprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported.',
                            required: ['gateway', 'secretRef', 'system'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is the filesystem type to mount.\nMust be a filesystem type supported by the host operating system.\nEx. "ext4", "xfs", "ntfs".\nDefault is "xfs".',
                                default: 'xfs',
                              },
                              gateway: {
                                type: 'string',
                                description: 'gateway is the host address of the ScaleIO API Gateway.',
                              },
                              protectionDomain: {
                                type: 'string',
                                description:
                                  'protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.',
                              },
                              readOnly: {
                                type: 'boolean',
                                description:
                                  'readOnly Defaults to false (read/write). ReadOnly here will force\nthe ReadOnly setting in VolumeMounts.',
                              },
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef references to the secret for ScaleIO user and other\nsensitive information. If this is not provided, Login operation will fail.',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              sslEnabled: {
                                type: 'boolean',
                                description:
                                  'sslEnabled Flag enable/disable SSL communication with Gateway, default false',
                              },
                              storageMode: {
                                type: 'string',
                                description:
                                  'storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned.\nDefault is ThinProvisioned.',
                                default: 'ThinProvisioned',
                              },
                              storagePool: {
                                type: 'string',
                                description:
                                  'storagePool is the ScaleIO Storage Pool associated with the protection domain.',
                              },
                              system: {
                                type: 'string',
                                description:
                                  'system is the name of the storage system as configured in ScaleIO.',
                              },
                              volumeName: {
                                type: 'string',
                                description:
                                  'volumeName is the name of a volume already created in the ScaleIO system\nthat is associated with this volume source.',
                              },
                            },
                          },
                          secret: {
                            type: 'object',
                            description:
                              'secret represents a secret that should populate this volume.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#secret',
                            properties: {
                              defaultMode: {
                                type: 'integer',
                                description:
                                  'defaultMode is Optional: mode bits used to set permissions on created files by default.\nMust be an octal value between 0000 and 0777 or a decimal value between 0 and 511.\nYAML accepts both octal and decimal values, JSON requires decimal values\nfor mode bits. Defaults to 0644.\nDirectories within the path are not affected by this setting.\nThis might be in conflict with other options that affect the file\nmode, like fsGroup, and the result can be other mode bits set.',
                                format: 'int32',
                              },
                              items: {
                                type: 'array',
                                description:
                                  "items If unspecified, each key-value pair in the Data field of the referenced\nSecret will be projected into the volume as a file whose name is the\nkey and content is the value. If specified, the listed keys will be\nprojected into the specified paths, and unlisted keys will not be\npresent. If a key is specified which is not present in the Secret,\nthe volume setup will error unless it is marked optional. Paths must be\nrelative and may not contain the '..' path or start with '..'.",
                                listType: 'atomic',
                                items: s180,
                              },
                              optional: {
                                type: 'boolean',
                                description:
                                  'optional field specify whether the Secret or its keys must be defined',
                              },
                              secretName: {
                                type: 'string',
                                description:
                                  "secretName is the name of the secret in the pod's namespace to use.\nMore info: https://kubernetes.io/docs/concepts/storage/volumes#secret",
                              },
                            },
                          },
                          storageos: {
                            type: 'object',
                            description:
                              'storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes.\nDeprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported.',
                            properties: {
                              fsType: s189,
                              readOnly: s177,
                              secretRef: {
                                type: 'object',
                                description:
                                  'secretRef specifies the secret to use for obtaining the StorageOS API\ncredentials.  If not specified, default values will be attempted.',
                                mapType: 'atomic',
                                properties: { name: s46 },
                              },
                              volumeName: {
                                type: 'string',
                                description:
                                  'volumeName is the human-readable name of the StorageOS volume.  Volume\nnames are only unique within a namespace.',
                              },
                              volumeNamespace: {
                                type: 'string',
                                description:
                                  'volumeNamespace specifies the scope of the volume within StorageOS.  If no\nnamespace is specified then the Pod\'s namespace will be used.  This allows the\nKubernetes name scoping to be mirrored within StorageOS for tighter integration.\nSet VolumeName to any name to override the default behaviour.\nSet to "default" if you are not using namespaces within StorageOS.\nNamespaces that do not pre-exist within StorageOS will be created.',
                              },
                            },
                          },
                          vsphereVolume: {
                            type: 'object',
                            description:
                              'vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine.\nDeprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type\nare redirected to the csi.vsphere.vmware.com CSI driver.',
                            required: ['volumePath'],
                            properties: {
                              fsType: {
                                type: 'string',
                                description:
                                  'fsType is filesystem type to mount.\nMust be a filesystem type supported by the host operating system.\nEx. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.',
                              },
                              storagePolicyID: {
                                type: 'string',
                                description:
                                  'storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName.',
                              },
                              storagePolicyName: {
                                type: 'string',
                                description:
                                  'storagePolicyName is the storage Policy Based Management (SPBM) profile name.',
                              },
                              volumePath: {
                                type: 'string',
                                description: 'volumePath is the path that identifies vSphere volume vmdk',
                              },
                            },
                          },
                        },
                      },
                    },
                    workloadRef: {
                      type: 'object',
                      description:
                        'WorkloadRef provides a reference to the Workload object that this Pod belongs to.\nThis field is used by the scheduler to identify the PodGroup and apply the\ncorrect group scheduling policies. The Workload object referenced\nby this field may not exist at the time the Pod is created.\nThis field is immutable, but a Workload object with the same name\nmay be recreated with different policies. Doing this during pod scheduling\nmay result in the placement not conforming to the expected policies.',
                      required: ['name', 'podGroup'],
                      properties: {
                        name: {
                          type: 'string',
                          description:
                            "Name defines the name of the Workload object this Pod belongs to.\nWorkload must be in the same namespace as the Pod.\nIf it doesn't match any existing Workload, the Pod will remain unschedulable\nuntil a Workload object is created and observed by the kube-scheduler.\nIt must be a DNS subdomain.",
                        },
                        podGroup: {
                          type: 'string',
                          description:
                            "PodGroup is the name of the PodGroup within the Workload that this Pod\nbelongs to. If it doesn't match any existing PodGroup within the Workload,\nthe Pod will remain unschedulable until the Workload object is recreated\nand observed by the kube-scheduler. It must be a DNS label.",
                        },
                        podGroupReplicaKey: {
                          type: 'string',
                          description:
                            'PodGroupReplicaKey specifies the replica key of the PodGroup to which this\nPod belongs. It is used to distinguish pods belonging to different replicas\nof the same pod group. The pod group policy is applied separately to each replica.\nWhen set, it must be a DNS label.',
                        },
                      },
                    },
                  },
                },
              },
            },
            ttlSecondsAfterFinished: {
              type: 'integer',
              description:
                "ttlSecondsAfterFinished limits the lifetime of a Job that has finished\nexecution (either Complete or Failed). If this field is set,\nttlSecondsAfterFinished after the Job finishes, it is eligible to be\nautomatically deleted. When the Job is being deleted, its lifecycle\nguarantees (e.g. finalizers) will be honored. If this field is unset,\nthe Job won't be automatically deleted. If this field is set to zero,\nthe Job becomes eligible to be deleted immediately after it finishes.",
              format: 'int32',
            },
          },
        },
        maxReplicaCount: { type: 'integer', format: 'int32', minimum: 1 },
        minReplicaCount: { type: 'integer', format: 'int32', minimum: 0 },
        pollingInterval: { type: 'integer', format: 'int32', minimum: 1 },
        rollout: {
          type: 'object',
          description: 'Rollout defines the strategy for job rollouts',
          properties: {
            propagationPolicy: { type: 'string', enum: ['foreground', 'background'] },
            strategy: { type: 'string', enum: ['gradual', 'immediate'] },
          },
        },
        rolloutStrategy: {
          type: 'string',
          description:
            'Deprecated: Use Rollout.Strategy instead (see https://github.com/kedacore/keda/issues/3596).',
          enum: ['gradual', 'immediate'],
        },
        scalingStrategy: {
          type: 'object',
          description: 'ScalingStrategy defines the strategy of Scaling',
          properties: {
            customScalingQueueLengthDeduction: { type: 'integer', format: 'int32' },
            customScalingRunningJobPercentage: { type: 'string' },
            multipleScalersCalculation: { type: 'string', enum: ['min', 'avg', 'sum', 'max'] },
            pendingPodConditions: { type: 'array', items: { type: 'string' } },
            strategy: { type: 'string', enum: ['default', 'custom', 'accurate', 'eager'] },
          },
        },
        successfulJobsHistoryLimit: { type: 'integer', format: 'int32', minimum: 0 },
        triggers: s13,
      },
    },
    status: {
      type: 'object',
      description: 'ScaledJobStatus defines the observed state of ScaledJob',
      properties: {
        Paused: { type: 'string' },
        authenticationsTypes: { type: 'string' },
        conditions: s18,
        externalMetricNames: { type: 'array', items: { type: 'string' } },
        lastActiveTime: { type: 'string', format: 'date-time' },
        triggersActivity: s20,
        triggersTypes: { type: 'string' },
      },
    },
  },
};

export const TRIGGER_AUTHENTICATION_SCHEMA: CrdSchema = {
  type: 'object',
  description: 'TriggerAuthentication defines how a trigger can authenticate',
  required: ['spec'],
  properties: { apiVersion: s0, kind: s1, metadata: { type: 'object' }, spec: s230, status: s231 },
};

export const CLUSTER_TRIGGER_AUTHENTICATION_SCHEMA: CrdSchema = {
  type: 'object',
  description: 'ClusterTriggerAuthentication defines how a trigger can authenticate globally',
  required: ['spec'],
  properties: { apiVersion: s0, kind: s1, metadata: { type: 'object' }, spec: s230, status: s231 },
};

/** Each kind's openAPIV3Schema (keda.sh/v1alpha1). */
export const CRD_SCHEMAS: Readonly<Record<KedaKind, CrdSchema>> = {
  ScaledObject: SCALED_OBJECT_SCHEMA,
  ScaledJob: SCALED_JOB_SCHEMA,
  TriggerAuthentication: TRIGGER_AUTHENTICATION_SCHEMA,
  ClusterTriggerAuthentication: CLUSTER_TRIGGER_AUTHENTICATION_SCHEMA,
};
