import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import { hpaReplicas, managedHpaKey, managedHpaName } from './managed-hpa.js';
import type { ScaledObject } from './types.js';

const so = (name: string, namespace: string, extra: Partial<ScaledObject> = {}): ScaledObject => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name, namespace },
  spec: { scaleTargetRef: { name: 'target' }, triggers: [] },
  ...extra,
});

const hpa = (name: string, namespace: string, current?: number): HorizontalPodAutoscaler => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace },
  spec: { scaleTargetRef: { kind: 'Deployment', name: 'target' }, maxReplicas: 10 },
  status: { ...(current ? { currentReplicas: current } : {}), desiredReplicas: current ?? 0 },
});

test('the HPA name: status.hpaName, else the custom name in the spec, else keda-hpa-<name>', () => {
  assert.equal(managedHpaName(so('orders', 'shop')), 'keda-hpa-orders');
  const custom = so('orders', 'shop', {
    spec: {
      scaleTargetRef: { name: 'target' },
      triggers: [],
      advanced: { horizontalPodAutoscalerConfig: { name: 'orders-hpa' } },
    },
  });
  assert.equal(managedHpaName(custom), 'orders-hpa');
  assert.equal(managedHpaName({ ...custom, status: { hpaName: 'adopted' } }), 'adopted');
  assert.equal(managedHpaName({ ...custom, status: { hpaName: '' } }), 'orders-hpa');
});

test('the key of the HPA: its namespace and name', () => {
  assert.equal(managedHpaKey(so('orders', 'shop')), 'shop/keda-hpa-orders');
  assert.equal(managedHpaKey({ ...so('orders', 'shop'), status: { hpaName: 'adopted' } }), 'shop/adopted');
});

test('replicas: current and desired; a missing currentReplicas is 0; no status, no counts', () => {
  assert.deepEqual(hpaReplicas(hpa('h', 'ns', 4)), { current: 4, desired: 4 });
  assert.deepEqual(hpaReplicas(hpa('h', 'ns')), { current: 0, desired: 0 });
  assert.equal(hpaReplicas({ ...hpa('h', 'ns'), status: undefined }), undefined);
  assert.equal(hpaReplicas(undefined), undefined);
});
