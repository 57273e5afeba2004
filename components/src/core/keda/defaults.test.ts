import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cooldownPeriod,
  describeSeconds,
  failedJobsHistoryLimit,
  fallbackBehavior,
  hpaMaxReplicas,
  hpaMinReplicas,
  hpaName,
  idleReplicaCount,
  initialCooldownPeriod,
  maxReplicaCount,
  minReplicaCount,
  multipleScalersCalculation,
  pollingInterval,
  rolloutStrategy,
  scaledJobJobCapacity,
  scaledJobMaxReplicaCount,
  scaledJobMinReplicaCount,
  scaleTargetApiVersion,
  scaleTargetKind,
  scalingModifiersMetricType,
  scalingStrategy,
  successfulJobsHistoryLimit,
  triggerMetricType,
  type Effective,
} from './defaults.js';

const d = <T>(value: T): Effective<T> => ({ value, isDefault: true });
const s = <T>(value: T): Effective<T> => ({ value, isDefault: false });

test('ScaledObject defaults: unset uses the default, 0 stays 0', () => {
  const cases: Array<[string, Effective<number>, Effective<number>]> = [
    ['pollingInterval unset', pollingInterval({}), d(30)],
    ['pollingInterval 5', pollingInterval({ pollingInterval: 5 }), s(5)],
    ['cooldownPeriod unset', cooldownPeriod({}), d(300)],
    ['cooldownPeriod 0', cooldownPeriod({ cooldownPeriod: 0 }), s(0)],
    ['cooldownPeriod null', cooldownPeriod({ cooldownPeriod: null }), d(300)],
    ['initialCooldownPeriod unset', initialCooldownPeriod({}), d(0)],
    ['initialCooldownPeriod 60', initialCooldownPeriod({ initialCooldownPeriod: 60 }), s(60)],
    ['minReplicaCount unset', minReplicaCount({}), d(0)],
    ['minReplicaCount 0', minReplicaCount({ minReplicaCount: 0 }), s(0)],
    ['maxReplicaCount unset', maxReplicaCount({}), d(100)],
    ['maxReplicaCount 7', maxReplicaCount({ maxReplicaCount: 7 }), s(7)],
    ['HPA min from unset', hpaMinReplicas({}), d(1)],
    ['HPA min from 0', hpaMinReplicas({ minReplicaCount: 0 }), d(1)],
    ['HPA min from 3', hpaMinReplicas({ minReplicaCount: 3 }), s(3)],
    ['HPA max unset', hpaMaxReplicas({}), d(100)],
    ['HPA max 10', hpaMaxReplicas({ maxReplicaCount: 10 }), s(10)],
  ];
  for (const [name, actual, expected] of cases) assert.deepEqual(actual, expected, name);
  assert.equal(idleReplicaCount({}), undefined);
  assert.equal(idleReplicaCount({ idleReplicaCount: 0 }), 0);
});

test('string defaults', () => {
  assert.deepEqual(hpaName('orders', {}), d('keda-hpa-orders'));
  assert.deepEqual(
    hpaName('orders', { advanced: { horizontalPodAutoscalerConfig: { name: 'custom' } } }),
    s('custom'),
  );
  assert.deepEqual(scaleTargetApiVersion({ scaleTargetRef: {} }), d('apps/v1'));
  assert.deepEqual(scaleTargetKind({ scaleTargetRef: { kind: 'StatefulSet' } }), s('StatefulSet'));
  assert.equal(fallbackBehavior({}), undefined);
  assert.deepEqual(fallbackBehavior({ fallback: {} }), d('static'));
  assert.deepEqual(fallbackBehavior({ fallback: { behavior: 'currentReplicas' } }), s('currentReplicas'));
  assert.deepEqual(scalingModifiersMetricType({ advanced: { scalingModifiers: {} } }), d('AverageValue'));
  assert.deepEqual(triggerMetricType({ metricType: 'Value' }), s('Value'));
  assert.deepEqual(triggerMetricType({}), d('AverageValue'));
});

test('ScaledJob defaults incl. the max-min capacity rule', () => {
  const cases: Array<[string, Effective<number | string>, Effective<number | string>]> = [
    ['min unset', scaledJobMinReplicaCount({}), d(0)],
    ['min above max is capped', scaledJobMinReplicaCount({ minReplicaCount: 5, maxReplicaCount: 3 }), s(3)],
    ['max unset', scaledJobMaxReplicaCount({}), d(100)],
    ['capacity unset max ignores min', scaledJobJobCapacity({ minReplicaCount: 2 }), d(100)],
    ['capacity max-min', scaledJobJobCapacity({ minReplicaCount: 2, maxReplicaCount: 10 }), s(8)],
    ['capacity min>max', scaledJobJobCapacity({ minReplicaCount: 12, maxReplicaCount: 10 }), s(10)],
    ['successful history', successfulJobsHistoryLimit({}), d(100)],
    ['failed history 0', failedJobsHistoryLimit({ failedJobsHistoryLimit: 0 }), s(0)],
    ['strategy', scalingStrategy({ scalingStrategy: {} }), d('default')],
    [
      'calculation',
      multipleScalersCalculation({ scalingStrategy: { multipleScalersCalculation: 'sum' } }),
      s('sum'),
    ],
    ['rollout', rolloutStrategy({}), d('immediate')],
    [
      'rollout deprecated wins',
      rolloutStrategy({ rolloutStrategy: 'gradual', rollout: { strategy: 'immediate' } }),
      s('gradual'),
    ],
    ['rollout new field', rolloutStrategy({ rollout: { strategy: 'gradual' } }), s('gradual')],
  ];
  for (const [name, actual, expected] of cases) assert.deepEqual(actual, expected, name);
});

test('describeSeconds prints the default marker', () => {
  assert.equal(describeSeconds(cooldownPeriod({})), '300 s (default)');
  assert.equal(describeSeconds(cooldownPeriod({ cooldownPeriod: 0 })), '0 s');
});
