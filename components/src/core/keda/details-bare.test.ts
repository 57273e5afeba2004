// The details views' models on objects with nothing (or little) written: what is left to KEDA's
// defaults is shown as such, and nothing throws. Plus the Job template and Job rows' rarer shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaledJobDetails } from './scaled-job-details.js';
import { ownedJobRows, jobPhase, type JobLike } from './scaled-job-details-jobs.js';
import { jobTemplate } from './scaled-job-details-template.js';
import { scaledObjectDetails } from './scaled-object-details.js';
import { triggerAuthDetails } from './trigger-auth-details.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

// The CRD requires spec, so the API server never returns a ScaledObject without one; an empty one it may.
test('a ScaledObject with no name, an empty spec and no status: not reconciled, defaults everywhere', () => {
  const d = scaledObjectDetails(
    { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: {}, spec: {} } as ScaledObject,
    now,
  );
  assert.equal(d.name, '');
  assert.equal(d.namespace, '');
  assert.equal(d.kedaShape, 'not reconciled');
  assert.deepEqual(d.conditions, []);
  assert.deepEqual(d.triggers, []);
  assert.deepEqual(d.scaleTarget, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: '',
    kindIsDefault: true,
  });
  assert.deepEqual(d.hpaName, { value: 'keda-hpa-', isDefault: true });
  assert.equal(d.fallback, undefined);
  assert.equal(d.scalingModifiers, undefined);
  assert.equal(d.state.kind, 'pending');
});

test('ScaledObject: KEDA 2.20.0–2.20.1 shape, idle replicas, the HPA name KEDA reported, modifiers without target', () => {
  const so: ScaledObject = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'orders', namespace: 'shop' },
    spec: {
      scaleTargetRef: { name: 'orders' },
      idleReplicaCount: 0,
      minReplicaCount: 1,
      advanced: { scalingModifiers: { formula: 'a' } },
      triggers: [
        {
          type: 'cron',
          name: 'a',
          metadata: { timezone: 'UTC', start: '0 6 * * *', end: '0 20 * * *', desiredReplicas: '2' },
        },
      ],
    },
    status: {
      hpaName: 'custom-hpa',
      conditions: [{ type: 'Ready', status: 'True' }],
      health: { 's0-cron-UTC-06xxx-020xxx': {} },
    },
  };
  const d = scaledObjectDetails(so, now);
  assert.equal(d.kedaShape, '2.20.0-2.20.1 or older');
  assert.deepEqual(d.hpaName, { value: 'custom-hpa', isDefault: false });
  assert.ok(
    d.settings.some((s) => /idle/i.test(s.label) && s.value === '0'),
    JSON.stringify(d.settings),
  );
  assert.equal(d.scalingModifiers?.target, '');
  assert.equal(d.scalingModifiers?.formula, 'a');
  assert.deepEqual(d.triggers[0]?.health, { status: 'Unknown', failures: 0 });
});

test('a ScaledJob with no spec or status: defaults, no triggers, no problem', () => {
  const d = scaledJobDetails({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: {},
  } as ScaledJob);
  assert.equal(d.name, '');
  assert.equal(d.namespace, '');
  assert.deepEqual(d.conditions, []);
  assert.deepEqual(d.triggers, []);
  assert.equal(d.template.containers.length, 0);
  assert.deepEqual(d.template.backoffLimit, { value: 6, isDefault: true });
});

test('a ScaledJob whose trigger KEDA cannot build: the problem on that trigger, metric name from the status', () => {
  const sj: ScaledJob = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name: 'batch', namespace: 'jobs' },
    spec: { jobTargetRef: {}, triggers: [{ type: 'external', metadata: { scalerAddress: 'x:1' } }] },
    status: {
      externalMetricNames: ['s0-from-status'],
      triggersActivity: { 's0-from-status': { isActive: true } },
    },
  };
  const d = scaledJobDetails(sj);
  assert.match(d.triggers[0]?.problem ?? '', /external scaler supplies its metric names/);
  assert.equal(d.triggers[0]?.active, true);
});

test('Job template: ConfigMap, resource and literal env sources, ConfigMap envFrom, completions, restart policy', () => {
  const t = jobTemplate({
    completions: 5,
    template: {
      spec: {
        restartPolicy: 'Never',
        initContainers: [{ name: 'init', image: 'busybox' }],
        containers: [
          {
            name: 'app',
            env: [
              { name: 'CFG', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } },
              { name: 'HALF', valueFrom: { configMapKeyRef: { key: 'k' } } },
              { name: 'SECRETISH', valueFrom: { secretKeyRef: { name: 's' } } },
              { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
              { name: 'EMPTY' },
              { value: 'no name' },
            ],
            envFrom: [
              { configMapRef: { name: 'shared' }, prefix: 'S_' },
              { configMapRef: {} },
              { secretRef: { name: 'creds' } },
            ],
          },
          'not a container',
        ],
      },
    },
  });
  assert.deepEqual(t.completions, { value: '5', isDefault: false });
  assert.deepEqual(t.restartPolicy, { value: 'Never', isDefault: false });
  assert.deepEqual(
    t.containers.map((c) => [c.name, c.init]),
    [
      ['init', true],
      ['app', false],
      ['', false],
    ],
  );
  assert.deepEqual(t.containers[1]?.env, [
    { name: 'CFG', from: 'ConfigMap settings key mode' },
    { name: 'HALF', from: 'ConfigMap  key k' },
    { name: 'SECRETISH', from: 'Secret s key ', secret: { name: 's', key: '' } },
    { name: 'CPU', from: 'resource limits.cpu' },
    { name: 'EMPTY', from: 'empty' },
    { name: '', from: 'value (not shown)' },
  ]);
  assert.deepEqual(t.containers[1]?.envFrom, [
    { from: 'ConfigMap shared (prefix S_)' },
    { from: 'ConfigMap ' },
    { from: 'Secret creds', secretName: 'creds' },
  ]);
});

test('Job rows: suspended Jobs, parallel Jobs without completions, nameless and undated Jobs sort last', () => {
  const job = (name: string | undefined, extra: Partial<JobLike> = {}): JobLike => ({
    metadata: {
      ...(name ? { name } : {}),
      namespace: 'jobs',
      labels: { 'scaledjob.keda.sh/name': 'batch' },
      ...extra.metadata,
    },
    ...(extra.spec ? { spec: extra.spec } : {}),
    ...(extra.status ? { status: extra.status } : {}),
  });
  assert.equal(jobPhase(job('s', { spec: { suspend: true } })), 'Suspended');
  const rows = ownedJobRows(
    [
      job('dated', { metadata: { creationTimestamp: '2026-11-30T11:00:00Z' } as JobLike['metadata'] }),
      job('parallel', { spec: { parallelism: 3 }, status: { succeeded: 1 } }),
      job('b', { spec: { parallelism: 1 } }),
      job(undefined),
    ],
    { name: 'batch', namespace: 'jobs', generation: undefined },
    now,
  );
  assert.deepEqual(
    rows.map((r) => r.name),
    ['dated', 'parallel', 'b', ''],
  );
  assert.equal(rows[1]?.completions, '1/1 of 3');
  assert.equal(rows[2]?.completions, '0/1');
  assert.equal(rows[3]?.created, 0);
  assert.equal(rows[0]?.previousGeneration, false);
});

test('a TriggerAuthentication with nothing in it, and a cluster one, name their namespaces', () => {
  const empty = triggerAuthDetails(
    { apiVersion: 'keda.sh/v1alpha1', kind: 'TriggerAuthentication', metadata: {} } as TriggerAuthentication,
    'TriggerAuthentication',
  );
  assert.equal(empty.name, '');
  assert.equal(empty.namespace, '');
  assert.deepEqual(empty.parameters, []);
  const cluster = triggerAuthDetails(
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ClusterTriggerAuthentication',
      metadata: { name: 'shared' },
      spec: {},
    },
    'ClusterTriggerAuthentication',
    'keda-system',
  );
  assert.equal(cluster.namespace, undefined);
});
