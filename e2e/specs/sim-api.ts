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
