import type { Condition, KubeObject } from '../kube/types.js';

/**
 * Is KEDA working in this cluster? Three checks an operator makes first: its CRDs are served, the
 * operator Deployment is available, and the external metrics API (KEDA's metrics server, which the
 * HPAs read) answers discovery. Pure: the element gives it what the data layer knows.
 */

export type HealthStatus = 'ok' | 'problem' | 'unknown' | 'checking';

export interface HealthItem {
  id: 'crds' | 'operator' | 'metrics-api';
  title: string;
  status: HealthStatus;
  /** Plain text: what was found, the API's message verbatim when there is one, what to do. */
  detail: string;
}

/** What a failed request left: an HTTP code (0: network) and the API's message. */
export interface ApiErrorInfo {
  code: number;
  message: string;
}

/** The part of an informer's state a check reads. */
export interface WatchedState {
  synced: boolean;
  error?: ApiErrorInfo;
}

export interface DeploymentLike extends KubeObject {
  spec?: { replicas?: number };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: Condition[];
  };
}

export function crdHealth(scaledObjects: WatchedState): HealthItem {
  const title = 'KEDA CRDs';
  const { synced, error } = scaledObjects;
  if (synced && !error)
    return { id: 'crds', title, status: 'ok', detail: 'scaledobjects.keda.sh/v1alpha1 is served.' };
  if (synced && error)
    return {
      id: 'crds',
      title,
      status: 'ok',
      detail: `scaledobjects.keda.sh/v1alpha1 is served; the watch is reconnecting: ${error.message}`,
    };
  if (!error) return { id: 'crds', title, status: 'checking', detail: 'Listing ScaledObjects…' };
  if (error.code === 404)
    return {
      id: 'crds',
      title,
      status: 'problem',
      detail: `${error.message}. KEDA's CRDs are not installed: install KEDA (helm install keda kedacore/keda) or its CRDs.`,
    };
  if (error.code === 403)
    return {
      id: 'crds',
      title,
      status: 'unknown',
      detail: `${error.message}. You may not list ScaledObjects here; ask for read access to keda.sh.`,
    };
  return { id: 'crds', title, status: 'unknown', detail: `${error.message}. Check the connection.` };
}

/**
 * The operator: its Deployment (`keda-operator` in KEDA's namespace) from a watch of that
 * namespace's Deployments.
 */
export function operatorHealth(
  deployments: readonly DeploymentLike[],
  state: WatchedState,
  namespace: string,
  name = 'keda-operator',
): HealthItem {
  const title = 'KEDA operator';
  const base = { id: 'operator' as const, title };
  const deployment = deployments.find(
    (d) => d.metadata.name === name && (d.metadata.namespace ?? namespace) === namespace,
  );
  if (!deployment) {
    if (state.error && !state.synced) {
      const hint =
        state.error.code === 403
          ? `You may not read Deployments in "${namespace}"`
          : 'The Deployment could not be read';
      return { ...base, status: 'unknown', detail: `${state.error.message}. ${hint}.` };
    }
    if (!state.synced) return { ...base, status: 'checking', detail: `Looking for ${namespace}/${name}…` };
    return {
      ...base,
      status: 'unknown',
      detail: `No Deployment ${name} in namespace "${namespace}". KEDA may be installed in another namespace, or not at all.`,
    };
  }
  const status = deployment.status ?? {};
  const want = deployment.spec?.replicas ?? 1;
  const available = status.availableReplicas ?? 0;
  const condition = status.conditions?.find((c) => c.type === 'Available');
  const counts = `${available}/${want} replicas available`;
  if (want === 0)
    return {
      ...base,
      status: 'problem',
      detail: `${namespace}/${name} is scaled to 0: nothing reconciles ScaledObjects.`,
    };
  if (available > 0 && condition?.status !== 'False')
    return { ...base, status: 'ok', detail: `${namespace}/${name}: ${counts}.` };
  const why = condition?.message ? ` ${condition.message}.` : '';
  return {
    ...base,
    status: 'problem',
    detail: `${namespace}/${name}: ${counts}.${why} Check its pods (kubectl -n ${namespace} get pods).`,
  };
}

export const METRICS_GROUP_VERSION = 'external.metrics.k8s.io/v1beta1';

/** The metrics API from its discovery answer, or the error of asking. `undefined`: not asked yet. */
export function metricsApiHealth(
  result: { resources: readonly { name: string }[] } | ApiErrorInfo | 'unsupported' | undefined,
): HealthItem {
  const base = { id: 'metrics-api' as const, title: 'Metrics API' };
  if (result === undefined)
    return { ...base, status: 'checking', detail: `Asking for ${METRICS_GROUP_VERSION}…` };
  if (result === 'unsupported')
    return { ...base, status: 'unknown', detail: 'This connection cannot read API discovery.' };
  if ('resources' in result) {
    if (result.resources.some((r) => r.name === 'externalmetrics'))
      return { ...base, status: 'ok', detail: `${METRICS_GROUP_VERSION} is served (externalmetrics).` };
    return {
      ...base,
      status: 'problem',
      detail: `${METRICS_GROUP_VERSION} is served but lists no externalmetrics resource.`,
    };
  }
  if (result.code === 404)
    return {
      ...base,
      status: 'problem',
      detail: `${result.message}. ${METRICS_GROUP_VERSION} is not registered: the HPAs cannot read KEDA's metrics. Check the APIService v1beta1.external.metrics.k8s.io and keda-operator-metrics-apiserver.`,
    };
  if (result.code === 503 || result.code === 502)
    return {
      ...base,
      status: 'problem',
      detail: `${result.message}. The APIService is registered but KEDA's metrics server does not answer: check keda-operator-metrics-apiserver.`,
    };
  return { ...base, status: 'unknown', detail: `${result.message}.` };
}
