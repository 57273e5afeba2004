import { expect, type APIRequestContext } from './test.ts';

/** The simulated cluster's Kubernetes API, as the demo server proxies it. */
export const API = '/clusters/sim';

/** Creates the object at `path` (under the API) unless an earlier run did: 201, or 409 AlreadyExists. */
export async function ensure(request: APIRequestContext, path: string, body: object): Promise<void> {
  const response = await request.post(`${API}${path}`, { data: body });
  expect([201, 409], await response.text()).toContain(response.status());
}

/** Creates the object at `path` (under the API), new in a namespace of this run's own: 201 only. */
export async function create(request: APIRequestContext, path: string, body: object): Promise<void> {
  const response = await request.post(`${API}${path}`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
}

/** A ScaledJob whose Jobs run one busybox container. */
export function scaledJobBody(
  name: string,
  namespace: string,
  triggers: object[],
  annotations?: Record<string, string>,
): object {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec: {
      jobTargetRef: {
        template: { spec: { containers: [{ name: 'job', image: 'busybox' }], restartPolicy: 'Never' } },
      },
      triggers,
    },
  };
}

/** A namespace of the test's own, so its objects meet no other test's. */
export async function ensureNamespace(request: APIRequestContext, name: string): Promise<void> {
  await ensure(request, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

const deploymentsPath = (namespace: string) => `/apis/apps/v1/namespaces/${namespace}/deployments`;
const scaledObjectsPath = (namespace: string) =>
  `/apis/keda.sh/v1alpha1/namespaces/${namespace}/scaledobjects`;

type DeploymentArgs = [namespace: string, name: string, replicas: number, containers?: object[]];

/** A Deployment labelled `app: <name>`, at `replicas`, of `containers` (one busybox named `worker`). */
export function deploymentBody(...[namespace, name, replicas, containers]: DeploymentArgs): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: containers ?? [{ name: 'worker', image: 'busybox' }] },
      },
    },
  };
}

/** {@link deploymentBody}, created unless an earlier run did. */
export const ensureDeployment = (request: APIRequestContext, ...args: DeploymentArgs) =>
  ensure(request, deploymentsPath(args[0]), deploymentBody(...args));

/** {@link deploymentBody}, created new (201 only): in a namespace of this run's own. */
export const createDeployment = (request: APIRequestContext, ...args: DeploymentArgs) =>
  create(request, deploymentsPath(args[0]), deploymentBody(...args));

/** A cron trigger active five minutes a year (from 00:00 on 1 January): inactive while tests run. */
export const YEARLY_CRON = {
  type: 'cron',
  metadata: { timezone: 'UTC', start: '0 0 1 1 *', end: '5 0 1 1 *', desiredReplicas: '2' },
};

/** 1 to 3 replicas on {@link YEARLY_CRON}: a ScaledObject that stays at its minimum. */
export const YEARLY_CRON_SPEC = { minReplicaCount: 1, maxReplicaCount: 3, triggers: [YEARLY_CRON] };

/** A cron trigger for 2 replicas from 08:00 to 18:00 UTC. */
export const OFFICE_HOURS_CRON = {
  type: 'cron',
  metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '2' },
};

type ScaledObjectArgs = [namespace: string, name: string, spec: object, metadataExtra?: object];

/**
 * A ScaledObject over the workload of its own name (`spec` may name another `scaleTargetRef`), with
 * `metadataExtra` (annotations, say) beside its name and namespace.
 */
export function scaledObjectBody(...[namespace, name, spec, metadataExtra]: ScaledObjectArgs): object {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace, ...metadataExtra },
    spec: { scaleTargetRef: { name }, ...spec },
  };
}

/** {@link scaledObjectBody}, created unless an earlier run did. */
export const ensureScaledObject = (request: APIRequestContext, ...args: ScaledObjectArgs) =>
  ensure(request, scaledObjectsPath(args[0]), scaledObjectBody(...args));

/** {@link scaledObjectBody}, created new (201 only): in a namespace of this run's own. */
export const createScaledObject = (request: APIRequestContext, ...args: ScaledObjectArgs) =>
  create(request, scaledObjectsPath(args[0]), scaledObjectBody(...args));
