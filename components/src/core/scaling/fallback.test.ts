import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fallbackCondition,
  fallbackExceeded,
  fallbackReplicas,
  hasValidFallback,
  readMetricWithFallback,
  recordMetricRead,
  type FallbackScaledObject,
  type HealthMap,
} from './fallback.js';

const spec = (behavior?: string, extra: Partial<FallbackScaledObject> = {}): FallbackScaledObject => ({
  fallback: { failureThreshold: 3, replicas: 6, ...(behavior ? { behavior } : {}) },
  ...extra,
});
const M = 's0-rabbitmq-hello';

test('valid fallback rules', () => {
  assert.equal(hasValidFallback(spec()), true);
  assert.equal(hasValidFallback({ fallback: { failureThreshold: -1, replicas: 1 } }), false);
  assert.equal(hasValidFallback({}), false);
  assert.equal(
    hasValidFallback(spec(undefined, { advanced: { scalingModifiers: { formula: 'a', target: '2' } } })),
    true,
  );
  assert.equal(
    hasValidFallback(spec(undefined, { advanced: { scalingModifiers: { formula: 'a', target: '2.5' } } })),
    false,
  );
});

test('health bookkeeping: failures count up, success resets, only when enabled', () => {
  let health: HealthMap = {};
  for (let i = 1; i <= 4; i++) health = recordMetricRead(spec(), health, M, false);
  assert.deepEqual(health[M], { numberOfFailures: 4, status: 'Failing' });
  assert.equal(fallbackExceeded(health, 3), true);
  assert.deepEqual(fallbackCondition(spec(), health), {
    type: 'Fallback',
    status: 'True',
    reason: 'FallbackExists',
    message: 'At least one trigger is falling back on this scaled object',
  });
  health = recordMetricRead(spec(), health, M, true);
  assert.deepEqual(health[M], { numberOfFailures: 0, status: 'Happy' });
  assert.equal(fallbackCondition(spec(), health).reason, 'NoFallbackFound');
  assert.deepEqual(recordMetricRead({}, {}, M, false), {});
});

test('fallback replicas per behavior', () => {
  const cases: Array<[string | undefined, number, number]> = [
    [undefined, 2, 6],
    ['static', 9, 6],
    ['currentReplicas', 2, 2],
    ['currentReplicasIfHigher', 2, 6],
    ['currentReplicasIfHigher', 9, 9],
    ['currentReplicasIfLower', 2, 2],
    ['currentReplicasIfLower', 9, 6],
  ];
  for (const [behavior, current, expected] of cases)
    assert.equal(fallbackReplicas(behavior, 6, current), expected, `${behavior} ${current}`);
});

test('the value served once failures exceed the threshold makes the HPA land on the fallback replicas', () => {
  const failing = (n: number): HealthMap => ({ [M]: { numberOfFailures: n, status: 'Failing' } });
  const read = (
    behavior: string | undefined,
    n: number,
    target: { type: 'AverageValue' | 'Value'; value: number },
    extra = {},
  ) =>
    readMetricWithFallback({
      spec: spec(behavior),
      health: failing(n),
      metricName: M,
      result: { error: 'connection refused' },
      target,
      currentReplicas: 2,
      readyReplicas: 4,
      ...extra,
    });

  const below = read(undefined, 2, { type: 'AverageValue', value: 5 });
  assert.equal(below.kind, 'error');
  assert.equal(below.health[M]?.numberOfFailures, 3);

  const avg = read(undefined, 3, { type: 'AverageValue', value: 5 });
  assert.deepEqual(
    {
      kind: avg.kind,
      milli: avg.kind === 'fallback' ? avg.milli : 0,
      quantity: avg.kind === 'fallback' ? avg.quantity : '',
    },
    { kind: 'fallback', milli: 30000, quantity: '30' },
  ); // 5 * 6 replicas: HPA ceil(30/5) = 6

  const value = read(undefined, 3, { type: 'Value', value: 10 });
  assert.ok(value.kind === 'fallback');
  assert.equal(value.milli, 15000); // 10 * 6 / 4 ready: HPA ceil(4 * 15/10) = 6
  assert.equal(value.quantity, '15');

  const noReady = read(undefined, 3, { type: 'Value', value: 10 }, { readyReplicas: 0 });
  assert.deepEqual(noReady.kind === 'error' && noReady.error, 'error performing fallback');

  const current = read('currentReplicas', 3, { type: 'AverageValue', value: 2.5 });
  assert.ok(current.kind === 'fallback');
  assert.equal(current.quantity, '5'); // 2.5 * 2 current replicas

  const noCurrent = read(
    'currentReplicas',
    3,
    { type: 'AverageValue', value: 2.5 },
    { currentReplicas: undefined },
  );
  assert.equal(noCurrent.kind, 'error');

  const placeholder = read('scalingModifiers', 3, { type: 'AverageValue', value: 2 });
  assert.equal(placeholder.kind, 'placeholder');

  const modifiers = readMetricWithFallback({
    spec: spec(undefined, { advanced: { scalingModifiers: { formula: 'q', target: '3' } } }),
    health: failing(3),
    metricName: M,
    result: { error: 'x' },
    target: { type: 'AverageValue', value: 99 },
  });
  assert.ok(modifiers.kind === 'fallback');
  assert.equal(modifiers.metricName, 'composite-metric');
  assert.equal(modifiers.milli, 18000); // modifiers target 3 * 6

  const ok = readMetricWithFallback({
    spec: spec(),
    health: failing(5),
    metricName: M,
    result: { value: 7 },
    target: { type: 'AverageValue', value: 5 },
  });
  assert.deepEqual(ok, {
    kind: 'value',
    value: 7,
    fallbackActive: false,
    health: { [M]: { numberOfFailures: 0, status: 'Happy' } },
  });
});
