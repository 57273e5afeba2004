import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScaledJob, ScaledObject } from '../keda/types.js';
import { BEHAVIOR_PRESETS, behaviorPreset } from './behavior-presets.js';
import { curvePeak, loadAt, LOAD_PRESETS, movePoint, presetCurve, type LoadCurve } from './load-curves.js';
import { simulateWhatIf, type WhatIfResult } from './what-if.js';
import { formatSimTime, whatIfSummaryText, whatIfTableRows } from './what-if-text.js';

const rabbit = (value = '10'): ScaledObject['spec'] => ({
  scaleTargetRef: { name: 'orders' },
  triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', mode: 'QueueLength', value } }],
});

function run(spec: ScaledObject['spec'], load: LoadCurve, initialReplicas?: number) {
  const r = simulateWhatIf({
    kind: 'ScaledObject',
    name: 'orders',
    namespace: 'shop',
    spec,
    load,
    ...(initialReplicas !== undefined ? { initialReplicas } : {}),
  });
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r as Extract<WhatIfResult, { ok: true }>;
}

const replicasAt = (r: Extract<WhatIfResult, { ok: true }>, t: number) =>
  [...r.samples].reverse().find((s) => s.t <= t)?.replicas;

test('load curves: presets, interpolation, peak, dragging a point', () => {
  assert.deepEqual(
    LOAD_PRESETS.map((p) => p.id),
    ['burst', 'ramp', 'daily', 'spiky'],
  );
  const ramp = presetCurve('ramp', 200);
  assert.equal(loadAt(ramp, 0), 0);
  assert.equal(loadAt(ramp, 900), 100);
  assert.equal(loadAt(ramp, 99999), 0);
  assert.equal(curvePeak(presetCurve('daily', 40)), 40);
  assert.equal(presetCurve('spiky').points.at(-1)?.t, 3600);
  const moved = movePoint(ramp, 1, { t: 5000, value: -3 });
  assert.equal(moved.id, 'custom');
  assert.deepEqual(moved.points[1], { t: 2400, value: 0 }, 'clamped between neighbours and at 0');
  assert.equal(movePoint(ramp, 0, { t: 50, value: 7 }).points[0]?.t, 0, 'ends keep their time');
});

test('burst: activation at the first poll with load, HPA scale-up by its default policy, cooldown then zero', () => {
  const r = run(rabbit('10'), presetCurve('burst', 100));
  const reasons = r.events.map((e) => `${e.t} ${e.reason}`);
  // initialCooldownPeriod 0: the idle target goes to 0 at the first poll after creation
  assert.equal(reasons[0], '30 KEDAScaleTargetDeactivated');
  assert.ok(reasons.includes('120 KEDAScaleTargetActivated'));
  assert.equal(replicasAt(r, 120), 4, 'HPA: max(4 pods, 100%) per 15 s from 1');
  assert.equal(replicasAt(r, 135), 8);
  assert.equal(r.summary.peakReplicas, 10, 'ceil(100 / 10)');
  // inactive from 450 (last active 420), cooldown 300 s: deactivated at the first poll after 720
  const deactivated = r.events.filter((e) => e.reason === 'KEDAScaleTargetDeactivated').at(-1);
  assert.equal(deactivated?.t, 750);
  assert.equal(r.summary.finalReplicas, 0);
  assert.equal(r.summary.activations, 1);
  assert.equal(r.summary.deactivations, 2);
  assert.ok(r.notes.some((n) => n.includes('never fail')));
});

test('settings change the outcome: max caps, min keeps pods, cooldown 0, idle, behaviour presets', () => {
  const burst = presetCurve('burst', 100);
  assert.equal(run({ ...rabbit(), maxReplicaCount: 3 }, burst).summary.peakReplicas, 3);
  const min2 = run({ ...rabbit(), minReplicaCount: 2 }, burst);
  assert.equal(min2.summary.secondsAtZero, 0);
  assert.equal(min2.summary.finalReplicas, 2);
  const quick = run({ ...rabbit(), cooldownPeriod: 0 }, burst);
  const quickOff = quick.events.filter((e) => e.reason === 'KEDAScaleTargetDeactivated').at(-1);
  assert.ok(quickOff && quickOff.t < 750 && quickOff.t >= 450);
  const idle = run({ ...rabbit(), idleReplicaCount: 0, minReplicaCount: 2 }, burst);
  assert.equal(idle.summary.finalReplicas, 0);
  assert.equal(replicasAt(idle, 120), 4, 'activation to min 2, then the HPA');
  const slow = behaviorPreset('fast-up-slow-down');
  const calm = run(
    {
      ...rabbit(),
      advanced: { horizontalPodAutoscalerConfig: { behavior: slow!.behavior as Record<string, unknown> } },
    },
    burst,
  );
  assert.equal(replicasAt(run(rabbit(), burst), 740), 1, 'default: all at once after the 300 s window');
  assert.equal(replicasAt(calm, 740), 9, 'fast up, slow down: 10% a minute after the window');
  assert.equal(replicasAt(calm, 150), 10, 'and up at once');
  assert.equal(BEHAVIOR_PRESETS.length, 4);
});

test('activation threshold and Value targets are honoured; formulas drive the composite metric', () => {
  const flat: LoadCurve = {
    id: 'custom',
    durationSeconds: 600,
    points: [
      { t: 0, value: 5 },
      { t: 600, value: 5 },
    ],
  };
  const gated = run(
    {
      ...rabbit(),
      triggers: [
        {
          type: 'rabbitmq',
          metadata: { queueName: 'q', mode: 'QueueLength', value: '10', activationValue: '20' },
        },
      ],
    },
    flat,
    0,
  );
  assert.equal(gated.summary.peakReplicas, 0, 'load 5 never exceeds activation 20');
  const value = run(
    {
      ...rabbit(),
      triggers: [
        {
          type: 'rabbitmq',
          metricType: 'Value',
          metadata: { queueName: 'q', mode: 'QueueLength', value: '1' },
        },
      ],
    },
    flat,
    1,
  );
  assert.ok(value.summary.peakReplicas > 1);
  const composite = run(
    {
      ...rabbit(),
      triggers: [
        { type: 'rabbitmq', name: 'q', metadata: { queueName: 'q', mode: 'QueueLength', value: '10' } },
      ],
      advanced: { scalingModifiers: { formula: 'q * 2', target: '10' } },
    },
    {
      id: 'custom',
      durationSeconds: 600,
      points: [
        { t: 0, value: 20 },
        { t: 600, value: 20 },
      ],
    },
  );
  assert.equal(composite.summary.peakReplicas, 4, 'ceil(2 × 20 / 10)');
});

test('cpu triggers scale on the demand; invalid specs explain why', () => {
  const r = run(
    {
      scaleTargetRef: { name: 'web' },
      minReplicaCount: 1,
      triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }],
    },
    {
      id: 'custom',
      durationSeconds: 300,
      points: [
        { t: 0, value: 200 },
        { t: 300, value: 200 },
      ],
    },
  );
  assert.equal(r.summary.peakReplicas, 4, '200% of one pod at a 50% target');
  const bad = simulateWhatIf({
    kind: 'ScaledObject',
    name: 'x',
    namespace: 'y',
    spec: rabbit('ten'),
    load: presetCurve('burst'),
  });
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.error, /unable to set param "value"/);
  assert.equal(
    simulateWhatIf({
      kind: 'ScaledObject',
      name: 'x',
      namespace: 'y',
      spec: { ...rabbit(), triggers: [] },
      load: presetCurve('burst'),
    }).ok,
    false,
  );
});

test('ScaledJob: Jobs started per poll by the strategy, running for their duration', () => {
  const spec: ScaledJob['spec'] = {
    jobTargetRef: {},
    pollingInterval: 30,
    maxReplicaCount: 5,
    triggers: [{ type: 'rabbitmq', metadata: { queueName: 'q', mode: 'QueueLength', value: '10' } }],
  };
  const r = simulateWhatIf({
    kind: 'ScaledJob',
    name: 'j',
    namespace: 'n',
    spec,
    load: presetCurve('burst', 100),
    jobSeconds: 60,
  });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.summary.peakReplicas, 5, 'capped by maxReplicaCount');
  assert.equal(r.events[0]?.t, 120);
  assert.equal(r.events[0]?.message, 'Created 5 jobs');
  assert.equal(r.summary.finalReplicas, 0);
  assert.ok(r.summary.jobsStarted >= 15);
});

test('text alternative: times, one summary paragraph, a table of windows', () => {
  assert.equal(formatSimTime(45), '45s');
  assert.equal(formatSimTime(750), '12m 30s');
  assert.equal(formatSimTime(3600), '1h 00m');
  assert.equal(formatSimTime(13 * 3600 + 1800, 86400), '13:30');
  const r = run(rabbit('10'), presetCurve('burst', 100));
  assert.equal(
    whatIfSummaryText(r),
    'Over 30m, the load peaks at 100 and replicas peak at 10 (first at 2m 30s). KEDA activates the target 1 time and scales it to zero or idle 2 times; the HPA and KEDA change the replica count 4 times up and 3 times down. At zero for 19m; 0 replicas at the end.',
  );
  const rows = whatIfTableRows(r, 6);
  assert.deepEqual(rows[0], { from: '0s', to: '5m', load: '0–100', replicas: '0–10' });
  assert.deepEqual(rows[5], { from: '25m', to: '30m', load: '0', replicas: '0' });
});
