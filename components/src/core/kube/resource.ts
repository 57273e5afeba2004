/** A Kubernetes resource type and the URL paths that address it. */

export interface ResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  /** Lower-case plural, as in the URL. */
  plural: string;
  kind: string;
  namespaced: boolean;
}

export interface ResourceScope {
  /** A namespace, or undefined for all namespaces (or a cluster-scoped type). */
  namespace?: string;
  name?: string;
  subresource?: string;
}

export const ScaledObjectResource: ResourceType = {
  group: 'keda.sh',
  version: 'v1alpha1',
  plural: 'scaledobjects',
  kind: 'ScaledObject',
  namespaced: true,
};

export const ScaledJobResource: ResourceType = {
  group: 'keda.sh',
  version: 'v1alpha1',
  plural: 'scaledjobs',
  kind: 'ScaledJob',
  namespaced: true,
};

export const TriggerAuthenticationResource: ResourceType = {
  group: 'keda.sh',
  version: 'v1alpha1',
  plural: 'triggerauthentications',
  kind: 'TriggerAuthentication',
  namespaced: true,
};

export const ClusterTriggerAuthenticationResource: ResourceType = {
  group: 'keda.sh',
  version: 'v1alpha1',
  plural: 'clustertriggerauthentications',
  kind: 'ClusterTriggerAuthentication',
  namespaced: false,
};

export const DeploymentResource: ResourceType = {
  group: 'apps',
  version: 'v1',
  plural: 'deployments',
  kind: 'Deployment',
  namespaced: true,
};

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `/apis/keda.sh/v1alpha1/namespaces/ns/scaledobjects/name[/status]`, `/api/v1/...` for core. */
export function resourcePath(type: ResourceType, scope: ResourceScope = {}): string {
  const prefix = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const ns = type.namespaced && scope.namespace ? `/namespaces/${encodeURIComponent(scope.namespace)}` : '';
  const name = scope.name ? `/${encodeURIComponent(scope.name)}` : '';
  const sub = scope.name && scope.subresource ? `/${scope.subresource}` : '';
  return `${prefix}${ns}/${type.plural}${name}${sub}`;
}

/** `scaledobjects.keda.sh` / `pods`: the qualified resource used in API messages. */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export const StatefulSetResource: ResourceType = {
  group: 'apps',
  version: 'v1',
  plural: 'statefulsets',
  kind: 'StatefulSet',
  namespaced: true,
};

export const ReplicaSetResource: ResourceType = {
  group: 'apps',
  version: 'v1',
  plural: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
};

export const HorizontalPodAutoscalerResource: ResourceType = {
  group: 'autoscaling',
  version: 'v2',
  plural: 'horizontalpodautoscalers',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
};

export const JobResource: ResourceType = {
  group: 'batch',
  version: 'v1',
  plural: 'jobs',
  kind: 'Job',
  namespaced: true,
};

export const PodResource: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'pods',
  kind: 'Pod',
  namespaced: true,
};

export const EventResource: ResourceType = {
  group: 'events.k8s.io',
  version: 'v1',
  plural: 'events',
  kind: 'Event',
  namespaced: true,
};

export const CoreEventResource: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'events',
  kind: 'Event',
  namespaced: true,
};

/** The workload kinds a ScaledObject commonly targets, by `apiVersion/kind`. */
export function workloadResource(apiVersion: string, kind: string): ResourceType | undefined {
  if (apiVersion !== 'apps/v1') return undefined;
  if (kind === 'Deployment') return DeploymentResource;
  if (kind === 'StatefulSet') return StatefulSetResource;
  if (kind === 'ReplicaSet') return ReplicaSetResource;
  return undefined;
}

/** core/v1 Secrets (the wizard creates them; views only ever read their names and keys). */
export const SecretResource: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'secrets',
  kind: 'Secret',
  namespaced: true,
};

export const NamespaceResource: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
};
