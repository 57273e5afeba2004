import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaledObjectColumns, scaledObjectRow } from './printer-columns.js';
import type { ScaledObject } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

const reconciled: ScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'rabbitmq-consumer', namespace: 'default', creationTimestamp: '2026-11-27T08:00:00Z' },
  spec: {
    scaleTargetRef: { name: 'rabbitmq-consumer' },
    minReplicaCount: 0,
    maxReplicaCount: 5,
    triggers: [{ type: 'rabbitmq', metadata: { queueName: 'hello' } }],
  },
  status: {
    scaleTargetKind: 'apps/v1.Deployment',
    triggersTypes: 'rabbitmq',
    authenticationsTypes: 'rabbitmq-consumer-trigger',
    conditions: [
      { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
      { type: 'Active', status: 'False', reason: 'ScalerNotActive' },
      { type: 'Fallback', status: 'False', reason: 'NoFallbackFound' },
      { type: 'Paused', status: 'False' },
    ],
  },
};

test('columns are kubectl get scaledobjects -A columns, in order', () => {
  assert.deepEqual(
    scaledObjectColumns.map((c) => c.title),
    [
      'NAME',
      'NAMESPACE',
      'SCALETARGETKIND',
      'SCALETARGETNAME',
      'MIN',
      'MAX',
      'READY',
      'ACTIVE',
      'FALLBACK',
      'PAUSED',
      'TRIGGERS',
      'AUTHENTICATIONS',
      'AGE',
    ],
  );
});

test('a reconciled ScaledObject gives the printer column values', () => {
  const row = scaledObjectRow(reconciled, now);
  assert.equal(row.scaleTargetKind, 'apps/v1.Deployment');
  assert.equal(row.scaleTargetName, 'rabbitmq-consumer');
  assert.equal(row.min, 0, 'minReplicaCount 0 stays 0');
  assert.equal(row.max, 5);
  assert.equal(row.ready, 'True');
  assert.equal(row.active, 'False');
  assert.equal(row.fallback, 'False');
  assert.equal(row.paused, 'False');
  assert.equal(row.triggers, 'rabbitmq');
  assert.equal(row.authentications, 'rabbitmq-consumer-trigger');
  assert.equal(row.age, '3d4h');
});

test('a ScaledObject KEDA has not reconciled yet has no status values and no invented defaults', () => {
  const fresh: ScaledObject = {
    metadata: { name: 'new', namespace: 'x', creationTimestamp: '2026-11-30T11:59:30Z' },
    spec: { scaleTargetRef: { name: 'web' }, triggers: [{ type: 'cron', metadata: {} }] },
  };
  const row = scaledObjectRow(fresh, now);
  assert.equal(row.min, undefined, 'KEDA defaults are not printer values');
  assert.equal(row.max, undefined);
  assert.equal(row.ready, undefined);
  assert.equal(row.scaleTargetKind, undefined);
  assert.equal(row.triggers, undefined);
  assert.equal(row.age, '30s');
});
