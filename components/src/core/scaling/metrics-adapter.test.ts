import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalMetricValue, type AdapterQuery } from './metrics-adapter.js';

const M0 = 's0-rabbitmq-hello';
const M1 = 's1-prometheus';

const query = (over: Partial<AdapterQuery>): AdapterQuery => ({
  spec: {
    scaleTargetRef: { name: 'x' },
    triggers: [
      { type: 'rabbitmq', name: 'queue' },
      { type: 'prometheus', name: 'rps' },
    ],
  },
  health: {},
  externalMetricNames: [M0, M1],
  metricName: M0,
  metrics: [
    { metricName: M0, triggerIndex: 0, value: 4.6666667, target: { type: 'AverageValue', value: 5 } },
    { metricName: M1, triggerIndex: 1, value: 2, target: { type: 'AverageValue', value: 1 } },
  ],
  ...over,
});

test('plain metric: the %.3f quantity of the queried metric only', () => {
  assert.deepEqual(externalMetricValue(query({})), {
    ok: true,
    items: [{ metricName: M0, value: '4.667' }],
    fallbackActive: false,
    health: {},
  });
});

test('errors below the fallback threshold are reported to the HPA; above it the fallback value is served', () => {
  const base = query({
    spec: { ...query({}).spec, fallback: { failureThreshold: 1, replicas: 4 } },
    metrics: [{ metricName: M0, triggerIndex: 0, error: 'boom', target: { type: 'AverageValue', value: 5 } }],
  });
  const first = externalMetricValue(base);
  assert.deepEqual(first, {
    ok: false,
    error: `metric:${M0} encountered error`,
    health: { [M0]: { numberOfFailures: 1, status: 'Failing' } },
  });
  const second = externalMetricValue({ ...base, health: first.health });
  assert.deepEqual(second, {
    ok: true,
    items: [{ metricName: M0, value: '20' }],
    fallbackActive: true,
    health: { [M0]: { numberOfFailures: 2, status: 'Failing' } },
  });
  const noFallback = externalMetricValue(
    query({ metrics: [{ metricName: M0, triggerIndex: 0, error: 'boom' }] }),
  );
  assert.deepEqual(noFallback, { ok: false, error: `metric:${M0} encountered error`, health: {} });
  assert.deepEqual(externalMetricValue(query({ metrics: [] })), {
    ok: false,
    error: `no matching metrics found for ${M0}`,
    health: {},
  });
});

test('scalingModifiers: composite-metric computed from all triggers by name', () => {
  const spec = {
    ...query({}).spec,
    advanced: { scalingModifiers: { formula: 'queue * 2 + rps', target: '3' } },
  };
  const r = externalMetricValue(query({ spec, metricName: 'composite-metric' }));
  // the formula sees the served quantity 4.667 (not 4.6666667): 4.667*2 + 2 = 11.334 → 11334m
  assert.deepEqual(r, {
    ok: true,
    items: [{ metricName: 'composite-metric', value: '11334m' }],
    fallbackActive: false,
    health: {},
  });
});
