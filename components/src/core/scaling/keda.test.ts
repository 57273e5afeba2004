import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '../kube/types.js';
import {
  evaluateScaledObject,
  reconcileScaledObject,
  scaleLoopStep,
  type KedaVersion,
  type LoopScaledObject,
  type MetricObservation,
  type ScaleLoopInput,
} from './keda.js';

const t0 = Date.parse('2026-11-30T12:00:00Z');
const s = 1000;
const M = 's0-rabbitmq-hello';

const ready: Condition = {
  type: 'Ready',
  status: 'True',
  reason: 'ScaledObjectReady',
  message: 'ScaledObject is defined correctly and is ready for scaling',
};
const notActive: Condition = {
  type: 'Active',
  status: 'False',
  reason: 'ScalerNotActive',
  message: 'Scaling is not performed because triggers are not active',
};
const active: Condition = {
  type: 'Active',
  status: 'True',
  reason: 'ScalerActive',
  message: 'Scaling is performed because triggers are active',
};
const noFallback: Condition = {
  type: 'Fallback',
  status: 'False',
  reason: 'NoFallbackFound',
  message: 'No fallbacks are active on this scaled object',
};
const unpaused: Condition = { type: 'Paused', status: 'False' };

function so(
  over: Partial<LoopScaledObject['spec']> = {},
  status: Partial<LoopScaledObject['status']> = {},
  annotations?: Record<string, string>,
): LoopScaledObject {
  return {
    name: 'rabbitmq-consumer',
    namespace: 'default',
    creationTimestamp: t0 - 3600 * s,
    ...(annotations ? { annotations } : {}),
    spec: {
      scaleTargetRef: { name: 'rabbitmq-consumer' },
      triggers: [{ type: 'rabbitmq', name: 'queue' }],
      ...over,
    },
    status: {
      conditions: [ready, notActive, noFallback, unpaused],
      scaleTargetKind: 'apps/v1.Deployment',
      externalMetricNames: [M],
      ...status,
    },
  };
}

const metric = (
  value: number,
  activeFlag = value > 0,
  extra: Partial<MetricObservation> = {},
): MetricObservation => ({
  metricName: M,
  triggerIndex: 0,
  value,
  active: activeFlag,
  target: { type: 'AverageValue', value: 20 },
  ...extra,
});

function loop(over: Partial<ScaleLoopInput> & { scaledObject: LoopScaledObject }) {
  return scaleLoopStep({ kedaVersion: '2.20.2', metrics: [metric(0)], currentReplicas: 0, now: t0, ...over });
}

const cond = (conditions: readonly Condition[], type: string) => conditions.find((c) => c.type === type);

test('activation from 0 to max(min,1) with the exact event and lastActiveTime', () => {
  const cases: Array<[string, Partial<LoopScaledObject['spec']>, number, number]> = [
    ['min unset', {}, 0, 1],
    ['min 0', { minReplicaCount: 0 }, 0, 1],
    ['min 3', { minReplicaCount: 3 }, 0, 3],
    ['idle below min', { minReplicaCount: 2, idleReplicaCount: 0 }, 0, 2],
  ];
  for (const [name, spec, from, to] of cases) {
    const r = loop({ scaledObject: so(spec), metrics: [metric(12)], currentReplicas: from, now: t0 + 500 });
    assert.deepEqual(r.action, { type: 'activate', from, to }, name);
    assert.deepEqual(r.events, [
      {
        type: 'Normal',
        reason: 'KEDAScaleTargetActivated',
        message: `Scaled apps/v1.Deployment default/rabbitmq-consumer from ${from} to ${to}, triggered by ${M}`,
        action: 'KEDAScaleTargetActivated',
      },
    ]);
    assert.equal(r.lastActiveTime, t0, `${name}: stored with second precision`);
    assert.deepEqual(cond(r.conditions, 'Active'), active);
    assert.deepEqual(r.triggersActivity, { [M]: { isActive: true } });
  }
});

test('activation message joins several active triggers with ";" and forced activation has its own text', () => {
  const spec = { triggers: [{ type: 'rabbitmq' }, { type: 'prometheus' }] };
  const r = loop({
    scaledObject: so(spec, { externalMetricNames: [M, 's1-prometheus'] }),
    metrics: [metric(3), { metricName: 's1-prometheus', triggerIndex: 1, value: 9, active: true }],
  });
  assert.equal(
    r.events[0]?.message,
    `Scaled apps/v1.Deployment default/rabbitmq-consumer from 0 to 1, triggered by ${M};s1-prometheus`,
  );
  const forced = loop({
    scaledObject: so({}, {}, { 'autoscaling.keda.sh/force-activation': 'true' }),
    metrics: [metric(0)],
  });
  assert.equal(
    forced.events[0]?.message,
    'Scaled apps/v1.Deployment default/rabbitmq-consumer from 0 to 1, caused by forced activation annotation',
  );
  assert.equal(
    cond(forced.conditions, 'Active')?.message,
    'Scaling is performed because activation is being forced by annotation',
  );
});

test('active with replicas: no scaling, lastActiveTime refreshed; partial errors make Ready Unknown', () => {
  const r = loop({ scaledObject: so(), metrics: [metric(30)], currentReplicas: 3, now: t0 + 1500 });
  assert.deepEqual(r.action, { type: 'none' });
  assert.equal(r.lastActiveTime, t0 + 1000);
  const partial = loop({
    scaledObject: so({ triggers: [{ type: 'rabbitmq' }, { type: 'prometheus' }] }),
    metrics: [metric(30), { metricName: 's1-prometheus', triggerIndex: 1, error: 'connection refused' }],
    currentReplicas: 3,
  });
  assert.deepEqual(cond(partial.conditions, 'Ready'), {
    type: 'Ready',
    status: 'Unknown',
    reason: 'PartialTriggerError',
    message: 'Some triggers defined in ScaledObject are not working correctly',
  });
  assert.equal(partial.lastActiveTime, undefined, 'PartialTriggerError does not refresh lastActiveTime');
});

test('deactivation after cooldown, ScalerCooldown before, idle and paused-scale-in', () => {
  type Case = [
    string,
    Partial<LoopScaledObject['spec']>,
    number | undefined,
    number,
    number,
    string,
    string?,
  ];
  const cases: Case[] = [
    ['cooling down', {}, t0 - 100 * s, 3, 0, 'none', 'ScalerCooldown'],
    ['exactly at the end is still cooling', {}, t0 - 300 * s, 3, 0, 'none', 'ScalerCooldown'],
    ['cooldown over', {}, t0 - 301 * s, 3, 0, 'deactivate', 'ScalerNotActive'],
    ['cooldown 0', { cooldownPeriod: 0 }, t0 - 1 * s, 3, 0, 'deactivate', 'ScalerNotActive'],
    [
      'idle',
      { minReplicaCount: 2, idleReplicaCount: 1 },
      t0 - 400 * s,
      3,
      1,
      'deactivate',
      'ScalerNotActive',
    ],
    [
      'min > 0 without idle: HPA handles it',
      { minReplicaCount: 2 },
      t0 - 400 * s,
      3,
      0,
      'none',
      'ScalerNotActive',
    ],
    ['never active: initial cooldown 0 from creation', {}, undefined, 2, 0, 'deactivate', 'ScalerNotActive'],
    [
      'never active, initial cooldown not over',
      { initialCooldownPeriod: 7200 },
      undefined,
      2,
      0,
      'none',
      'ScalerCooldown',
    ],
  ];
  for (const [name, spec, last, current, to, type, reason] of cases) {
    const r = loop({
      scaledObject: so(spec, last === undefined ? {} : { lastActiveTime: last }),
      currentReplicas: current,
    });
    assert.equal(r.action.type, type, name);
    if (type === 'deactivate') {
      assert.deepEqual(r.action, { type: 'deactivate', from: current, to }, name);
      assert.equal(
        r.events[0]?.message,
        `Deactivated apps/v1.Deployment default/rabbitmq-consumer from ${current} to ${to}`,
        name,
      );
    }
    assert.equal(cond(r.conditions, 'Active')?.reason, reason, name);
  }
  const pausedIn = loop({
    scaledObject: so({}, { lastActiveTime: t0 - 900 * s }, { 'autoscaling.keda.sh/paused-scale-in': 'true' }),
    currentReplicas: 3,
  });
  assert.equal(pausedIn.action.type, 'none');
  assert.equal(cond(pausedIn.conditions, 'Active')?.reason, 'ScalerNotActive');
  const pausedOut = loop({
    scaledObject: so({}, {}, { 'autoscaling.keda.sh/paused-scale-out': 'yes' }),
    metrics: [metric(5)],
  });
  assert.equal(pausedOut.action.type, 'none');
  assert.equal(pausedOut.lastActiveTime, undefined);
});

test('inactive below min without idle is raised to min; trigger errors without fallback make Ready False', () => {
  const r = loop({ scaledObject: so({ minReplicaCount: 2 }), currentReplicas: 1 });
  assert.deepEqual(r.action, { type: 'scaleToMin', from: 1, to: 2 });
  const err = loop({
    scaledObject: so(),
    metrics: [{ metricName: M, triggerIndex: 0, error: 'boom' }],
    currentReplicas: 2,
  });
  assert.deepEqual(cond(err.conditions, 'Ready'), {
    type: 'Ready',
    status: 'False',
    reason: 'TriggerError',
    message: 'Triggers defined in ScaledObject are not working correctly',
  });
  assert.equal(err.action.type, 'none');
});

test('fallback: failures counted, below threshold KEDA waits, above it the trigger counts as active', () => {
  const spec = { fallback: { failureThreshold: 2, replicas: 5 } };
  const failing = {
    metricName: M,
    triggerIndex: 0,
    error: 'dial tcp: connection refused',
    target: { type: 'AverageValue' as const, value: 20 },
  };
  let status: Partial<LoopScaledObject['status']> = {};
  const results = [];
  for (let i = 0; i < 3; i++) {
    const r = loop({ scaledObject: so(spec, status), metrics: [failing], currentReplicas: 2 });
    results.push(r);
    status = { health: r.health, conditions: r.conditions };
  }
  assert.deepEqual(
    results.map((r) => r.health[M]?.numberOfFailures),
    [1, 2, 3],
  );
  assert.deepEqual(
    results.map((r) => r.isError),
    [true, true, false],
  );
  assert.deepEqual(
    results.map((r) => r.fallbackActive),
    [false, false, true],
  );
  assert.equal(
    cond(results[1]!.conditions, 'Ready')?.status,
    'True',
    'error + fallback: Ready untouched (True in 2.20)',
  );
  assert.equal(cond(results[1]!.conditions, 'Fallback')?.reason, 'NoFallbackFound');
  assert.deepEqual(cond(results[2]!.conditions, 'Fallback'), {
    type: 'Fallback',
    status: 'True',
    reason: 'FallbackExists',
    message: 'At least one trigger is falling back on this scaled object',
  });
  assert.deepEqual(
    results[2]!.events.map((e) => e.reason),
    ['ScaledObjectFallbackActivated'],
  );
  assert.equal(cond(results[2]!.conditions, 'Active')?.status, 'True');
  const recovered = loop({ scaledObject: so(spec, status), metrics: [metric(1)], currentReplicas: 5 });
  assert.deepEqual(
    recovered.events.map((e) => e.reason),
    ['ScaledObjectFallbackDeactivated'],
  );
  assert.equal(cond(recovered.conditions, 'Fallback')?.status, 'False');
});

test('cpu/memory-only ScaledObjects are always active', () => {
  const r = loop({
    scaledObject: so({ triggers: [{ type: 'cpu' }] }, { externalMetricNames: [] }),
    metrics: [],
    currentReplicas: 0,
  });
  assert.equal(r.isActive, true);
  assert.deepEqual(r.action, { type: 'activate', from: 0, to: 1 });
  assert.equal(
    r.events[0]?.message,
    'Scaled apps/v1.Deployment default/rabbitmq-consumer from 0 to 1, triggered by ',
  );
});

test('scalingModifiers: activity from the composite value against activationTarget', () => {
  const spec = {
    triggers: [
      { type: 'rabbitmq', name: 'queue' },
      { type: 'prometheus', name: 'rps' },
    ],
    advanced: { scalingModifiers: { formula: 'queue + rps', target: '10', activationTarget: '4' } },
  };
  const metrics = (q: number, r: number): MetricObservation[] => [
    { metricName: M, triggerIndex: 0, value: q, active: false },
    { metricName: 's1-prometheus', triggerIndex: 1, value: r, active: false },
  ];
  const below = loop({ scaledObject: so(spec), metrics: metrics(2, 2) });
  assert.equal(below.isActive, false);
  assert.equal(below.composite?.ok && below.composite.quantity, '4');
  const above = loop({ scaledObject: so(spec), metrics: metrics(2, 2.5) });
  assert.equal(above.isActive, true);
  assert.equal(
    above.events[0]?.message,
    'Scaled apps/v1.Deployment default/rabbitmq-consumer from 0 to 1, triggered by composite-metric',
  );
  const invalid = loop({
    scaledObject: so({ ...spec, advanced: { scalingModifiers: { formula: 'queue +', target: '1' } } }),
    metrics: metrics(9, 9),
  });
  assert.ok(invalid.skipped?.startsWith('error getting scalers cache error validating formula'));
  assert.equal(invalid.action.type, 'none');
});

test('HPA health: HPAActive in 2.20.2, Ready in 2.20.1 (after 1 min grace), nothing in 2.19', () => {
  const unhealthy = {
    scalingActive: {
      status: 'False',
      reason: 'FailedGetExternalMetric',
      message: 'the HPA was unable to compute the replica count: x',
    },
    creationTimestamp: t0 - 120 * s,
  };
  const cases: Array<[KedaVersion, ScaleLoopInput['hpa'], Condition | undefined, Condition | undefined]> = [
    [
      '2.20.2',
      { scalingActive: { status: 'True', reason: 'ValidMetricFound', message: 'm' } },
      { type: 'HPAActive', status: 'True', reason: 'HPAActive', message: 'HPA is actively scaling' },
      ready,
    ],
    [
      '2.20.2',
      {
        scalingActive: {
          status: 'False',
          reason: 'ScalingDisabled',
          message: 'scaling is disabled since the replica count of the target is zero',
        },
      },
      {
        type: 'HPAActive',
        status: 'True',
        reason: 'ScalingDisabled',
        message: 'scaling is disabled since the replica count of the target is zero',
      },
      ready,
    ],
    [
      '2.20.2',
      unhealthy,
      {
        type: 'HPAActive',
        status: 'False',
        reason: 'FailedGetExternalMetric',
        message: 'HPA is not actively scaling: the HPA was unable to compute the replica count: x',
      },
      ready,
    ],
    [
      '2.20.2',
      { scalingActive: { status: 'False', message: 'y' } },
      {
        type: 'HPAActive',
        status: 'False',
        reason: 'HPAMetricsUnavailable',
        message: 'HPA is not actively scaling: y',
      },
      ready,
    ],
    ['2.20.2', {}, undefined, ready],
    [
      '2.20.1',
      unhealthy,
      undefined,
      {
        type: 'Ready',
        status: 'False',
        reason: 'HPAMetricsUnavailable',
        message: 'ScaledObject is configured correctly but HPA is not healthy: FailedGetExternalMetric',
      },
    ],
    ['2.20.1', { ...unhealthy, creationTimestamp: t0 - 30 * s }, undefined, ready],
    ['2.19', unhealthy, undefined, ready],
  ];
  for (const [version, hpa, hpaActive, readyCond] of cases) {
    const r = loop({ kedaVersion: version, scaledObject: so(), currentReplicas: 0, ...(hpa ? { hpa } : {}) });
    assert.deepEqual(cond(r.conditions, 'HPAActive'), hpaActive, `${version} ${JSON.stringify(hpa)}`);
    assert.deepEqual(cond(r.conditions, 'Ready'), readyCond, `${version} ${JSON.stringify(hpa)} ready`);
  }
  const degraded = loop({
    kedaVersion: '2.20.1',
    scaledObject: so(),
    metrics: [{ metricName: M, triggerIndex: 0, error: 'x' }],
    hpa: unhealthy,
  });
  assert.deepEqual(cond(degraded.conditions, 'Ready'), {
    type: 'Ready',
    status: 'False',
    reason: 'ScalingDegraded',
    message:
      'Not ready because HPA is not healthy: FailedGetExternalMetric and SO is not healthy: TriggerError - Triggers defined in ScaledObject are not working correctly',
  });
});

test('errors reading the scale target', () => {
  const r = loop({ scaledObject: so(), currentReplicas: { error: 'deployments.apps "x" not found' } });
  assert.deepEqual(cond(r.conditions, 'Ready'), {
    type: 'Ready',
    status: 'False',
    reason: 'ErrorGettingCurrentReplicas',
    message: 'Error getting current replicas count for ScaleTarget: deployments.apps "x" not found',
  });
  const old = loop({ kedaVersion: '2.19', scaledObject: so(), currentReplicas: { error: 'x' } });
  assert.deepEqual(cond(old.conditions, 'Ready'), ready);
  const failed = loop({ scaledObject: so(), metrics: [metric(3)], scaleUpdateError: 'conflict' });
  assert.deepEqual(failed.events, [
    {
      type: 'Warning',
      reason: 'KEDAScaleTargetActivationFailed',
      message: 'Failed to scale apps/v1.Deployment default/rabbitmq-consumer from 0 to 1',
      action: 'KEDAScaleTargetActivationFailed',
    },
  ]);
});

test('reconcile: pause annotations, Ready, events', () => {
  const fresh = { ...so(), status: { scaleTargetKind: 'apps/v1.Deployment' } };
  const first = reconcileScaledObject({ kedaVersion: '2.20.2', scaledObject: fresh, currentReplicas: 1 });
  assert.deepEqual(first.conditions, [ready, { type: 'Active', status: 'Unknown' }, noFallback, unpaused]);
  assert.deepEqual(first.events, [
    {
      type: 'Normal',
      reason: 'ScaledObjectReady',
      message: 'ScaledObject is ready for scaling',
      action: 'ScaledObject is ready for scaling',
    },
  ]);

  const paused = reconcileScaledObject({
    kedaVersion: '2.20.2',
    scaledObject: so({}, {}, { 'autoscaling.keda.sh/paused-replicas': '4' }),
    currentReplicas: 1,
  });
  assert.deepEqual(paused.action, { type: 'scaleToPaused', from: 1, to: 4 });
  assert.equal(paused.pausedReplicaCount, 4);
  assert.equal(paused.hpaShouldExist, false);
  assert.equal(paused.scaleLoopRuns, false);
  assert.deepEqual(cond(paused.conditions, 'Paused'), {
    type: 'Paused',
    status: 'True',
    reason: 'ScaledObjectPaused',
    message: 'ScaledObject is paused',
  });
  assert.deepEqual(cond(paused.conditions, 'Ready'), { ...ready, message: 'ScaledObject is paused' });
  assert.deepEqual(
    paused.events.map((e) => e.reason),
    ['ScaledObjectPaused'],
  );

  const badReplicas = reconcileScaledObject({
    kedaVersion: '2.20.2',
    scaledObject: so({}, {}, { 'autoscaling.keda.sh/paused-replicas': 'many' }),
    currentReplicas: 1,
  });
  assert.deepEqual(cond(badReplicas.conditions, 'Ready'), {
    type: 'Ready',
    status: 'False',
    reason: 'ScaledObjectCheckFailed',
    message:
      'failed to scale target to paused replica count: failed to parse paused replica count: strconv.ParseInt: parsing "many": invalid syntax',
  });
  assert.deepEqual(cond(badReplicas.conditions, 'Active'), {
    type: 'Active',
    status: 'Unknown',
    reason: 'UnknownState',
    message: 'ScaledObject check failed',
  });

  const wasPaused = so(
    {},
    {
      conditions: [
        ready,
        notActive,
        noFallback,
        { type: 'Paused', status: 'True', reason: 'ScaledObjectPaused', message: 'ScaledObject is paused' },
      ],
      pausedReplicaCount: 4,
    },
  );
  const unpause = reconcileScaledObject({
    kedaVersion: '2.20.2',
    scaledObject: wasPaused,
    currentReplicas: 4,
  });
  assert.deepEqual(cond(unpause.conditions, 'Paused'), {
    type: 'Paused',
    status: 'False',
    reason: 'ScaledObjectUnpaused',
    message: 'pause annotation removed for ScaledObject',
  });
  assert.equal(unpause.pausedReplicaCount, undefined);
  assert.deepEqual(
    unpause.events.map((e) => e.reason),
    ['ScaledObjectUnpaused'],
  );

  const scaleIn = reconcileScaledObject({
    kedaVersion: '2.19',
    scaledObject: so({}, {}, { 'autoscaling.keda.sh/paused-scale-in': 'true' }),
    currentReplicas: 2,
  });
  assert.equal(scaleIn.scaleLoopRuns, true);
  assert.equal(scaleIn.hpaShouldExist, true);
  assert.deepEqual(scaleIn.events, [
    { type: 'Normal', reason: 'ScaledObjectPaused', message: 'ScaledObject is paused' },
  ]);
});

test('evaluateScaledObject: reconcile + poll, paused freezes the loop', () => {
  const paused = evaluateScaledObject({
    kedaVersion: '2.20.2',
    reconcile: true,
    scaledObject: so({}, {}, { 'autoscaling.keda.sh/paused': 'true' }),
    metrics: [metric(50)],
    currentReplicas: 3,
    now: t0,
  });
  assert.equal(paused.loop, undefined);
  assert.deepEqual(paused.action, { type: 'none' });
  assert.equal(paused.hpaShouldExist, false);
  const running = evaluateScaledObject({
    kedaVersion: '2.20.2',
    reconcile: true,
    scaledObject: so(),
    metrics: [metric(50)],
    currentReplicas: 0,
    now: t0,
  });
  assert.deepEqual(running.action, { type: 'activate', from: 0, to: 1 });
  assert.deepEqual(
    running.conditions.map((c) => `${c.type}=${c.status}`),
    ['Ready=True', 'Active=True', 'Fallback=False', 'Paused=False'],
  );
  assert.equal(running.cooldown.inCooldown, true);
});
