import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeKubeClient } from '../../test/fake-kube-client.js';
import { HorizontalPodAutoscalerResource } from '../core/kube/resource.js';
import type { HorizontalPodAutoscaler } from '../core/kube/autoscaling.js';
import { KedaStore } from './keda-store.js';

const hpa = (namespace: string, name: string, desired: number): HorizontalPodAutoscaler => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { namespace, name, uid: `${namespace}-${name}` },
  spec: { scaleTargetRef: { kind: 'Deployment', name }, maxReplicas: 10 },
  status: { desiredReplicas: desired },
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a collection looks objects up by namespace/name, follows the watch, and keeps to its namespace', async () => {
  const client = new FakeKubeClient();
  client.objects = [hpa('shop', 'keda-hpa-orders', 2), hpa('billing', 'keda-hpa-orders', 7)];
  const store = new KedaStore(client);
  const release = store.retain(HorizontalPodAutoscalerResource);
  const all = () => store.collection<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource);
  await until(() => all().state.synced, 'the list');

  assert.equal(all().get?.('shop/keda-hpa-orders'), client.objects[0]);
  assert.equal(all().get?.('shop/keda-hpa-missing'), undefined);
  client.emit('MODIFIED', hpa('shop', 'keda-hpa-orders', 5));
  assert.deepEqual(all().get?.('shop/keda-hpa-orders')?.status, { desiredReplicas: 5 });

  // A namespace's view served by the cluster-wide watch sees only that namespace.
  const billing = store.collection<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource, {
    namespace: 'billing',
  });
  assert.deepEqual(billing.get?.('billing/keda-hpa-orders')?.status, { desiredReplicas: 7 });
  assert.equal(billing.get?.('shop/keda-hpa-orders'), undefined);
  release();
  store.dispose();
});
