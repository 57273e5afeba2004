import { expect, type APIRequestContext } from './test.ts';

/** The simulated cluster's Kubernetes API, as the demo server proxies it. */
export const API = '/clusters/sim';

/** Creates the object at `path` (under the API) unless an earlier run did: 201, or 409 AlreadyExists. */
export async function ensure(request: APIRequestContext, path: string, body: object): Promise<void> {
  const response = await request.post(`${API}${path}`, { data: body });
  expect([201, 409], await response.text()).toContain(response.status());
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

/** A Deployment of one busybox container labelled `app: <name>`, at `replicas`. */
export async function ensureDeployment(
  request: APIRequestContext,
  namespace: string,
  name: string,
  replicas: number,
): Promise<void> {
  await ensure(request, `/apis/apps/v1/namespaces/${namespace}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'worker', image: 'busybox' }] },
      },
    },
  });
}
