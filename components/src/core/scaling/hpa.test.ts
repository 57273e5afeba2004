import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscalerSpec, MetricSpec } from '../kube/autoscaling.js';
import { emptyHpaHistory, type HpaHistory } from './hpa-behavior.js';
import { reconcileHpa, type HpaMetricObservation, type HpaReconcileInput } from './hpa.js';

const t0 = Date.parse('2026-11-30T12:00:00Z');
const s = 1000;
const SEL =
  '&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: rabbitmq-consumer,},MatchExpressions:[]LabelSelectorRequirement{},}';

const external = (target: { averageValue?: string; value?: string }): MetricSpec => ({
  type: 'External',
  external: {
    metric: {
      name: 's0-rabbitmq-hello',
      selector: { matchLabels: { 'scaledobject.keda.sh/name': 'rabbitmq-consumer' } },
    },
    target:
      target.value !== undefined
        ? { type: 'Value', value: target.value }
        : { type: 'AverageValue', averageValue: target.averageValue ?? '5' },
  },
});

const hpaSpec = (over: Partial<HorizontalPodAutoscalerSpec> = {}): HorizontalPodAutoscalerSpec => ({
  scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'rabbitmq-consumer' },
  minReplicas: 1,
  maxReplicas: 100,
  metrics: [external({ averageValue: '5' })],
  ...over,
});

const ext = (...values: Array<number | string>): HpaMetricObservation => ({ kind: 'external', values });

function run(over: Partial<HpaReconcileInput>) {
  return reconcileHpa({
    namespace: 'default',
    spec: hpaSpec(),
    currentReplicas: 1,
    metrics: [ext(20)],
    history: emptyHpaHistory(),
    now: t0,
    ...over,
  });
}

const cond = (r: ReturnType<typeof run>, type: string) => r.status.conditions.find((c) => c.type === type);

test('AverageValue external metric: SuccessfulRescale with the exact reason text', () => {
  const r = run({});
  assert.equal(r.desiredReplicas, 4);
  assert.equal(r.rescale, true);
  assert.deepEqual(r.events, [
    {
      type: 'Normal',
      reason: 'SuccessfulRescale',
      message: `New size: 4; reason: external metric s0-rabbitmq-hello(${SEL}) above target`,
    },
  ]);
  assert.deepEqual(
    r.status.conditions.map((c) => [c.type, c.status, c.reason]),
    [
      ['AbleToScale', 'True', 'SucceededRescale'],
      ['ScalingActive', 'True', 'ValidMetricFound'],
      ['ScalingLimited', 'False', 'DesiredWithinRange'],
    ],
  );
  assert.equal(
    cond(r, 'AbleToScale')?.message,
    'the HPA controller was able to update the target scale to 4',
  );
  assert.equal(
    cond(r, 'ScalingActive')?.message,
    `the HPA was able to successfully calculate a replica count from external metric s0-rabbitmq-hello(${SEL})`,
  );
  assert.deepEqual(r.status.currentMetrics, [
    {
      type: 'External',
      external: { metric: hpaSpec().metrics![0]!.external!.metric, current: { averageValue: '20' } },
    },
  ]);
  assert.equal(r.status.lastScaleTime, '2026-11-30T12:00:00Z');
});

test('per-metric proposals, tolerance and current values', () => {
  type Case = [string, Partial<HpaReconcileInput>, number, string?];
  const cases: Case[] = [
    [
      '14 msgs / 3 pods, target 5: 4.667 avg, ceil(14/5)=3 → within? no, ratio .93 within tolerance',
      { currentReplicas: 3, metrics: [ext('14')] },
      3,
      '4667m',
    ],
    ['ratio 1.2 outside tolerance', { currentReplicas: 3, metrics: [ext(18)] }, 4, '6'],
    [
      'KEDA-style quantities are parsed (4.667 = 4667m)',
      { currentReplicas: 1, metrics: [ext('4.667')] },
      1,
      '4667m',
    ],
    ['several items are summed', { currentReplicas: 2, metrics: [ext(10, 12)] }, 4, '11'],
    [
      'Value target: ceil(ready × usage/target)',
      { spec: hpaSpec({ metrics: [external({ value: '10' })] }), currentReplicas: 2, metrics: [ext(15)] },
      3,
      '15',
    ],
    [
      'Value target uses readyReplicas',
      {
        spec: hpaSpec({ metrics: [external({ value: '10' })] }),
        currentReplicas: 4,
        readyReplicas: 2,
        metrics: [ext(30)],
      },
      6,
    ],
    ['scale-up limit without behavior: max(2×current, 4)', { currentReplicas: 3, metrics: [ext(500)] }, 6],
    [
      'max over metrics',
      {
        spec: hpaSpec({ metrics: [external({ averageValue: '5' }), external({ averageValue: '1' })] }),
        currentReplicas: 2,
        metrics: [ext(10), ext(6)],
      },
      4,
    ],
  ];
  for (const [name, over, desired, current] of cases) {
    const r = run(over);
    assert.equal(r.desiredReplicas, desired, name);
    if (current) {
      const c = r.status.currentMetrics[0]?.external?.current;
      assert.equal(c?.averageValue ?? c?.value, current, name);
    }
  }
});

test('ScalingLimited reasons and min/max clamping', () => {
  const high = run({ spec: hpaSpec({ maxReplicas: 3 }), currentReplicas: 2, metrics: [ext(50)] });
  assert.equal(high.desiredReplicas, 3);
  assert.deepEqual(cond(high, 'ScalingLimited'), {
    type: 'ScalingLimited',
    status: 'True',
    lastTransitionTime: '2026-11-30T12:00:00Z',
    reason: 'TooManyReplicas',
    message: 'the desired replica count is more than the maximum replica count',
  });
  const limited = run({ currentReplicas: 2, metrics: [ext(500)] });
  assert.equal(cond(limited, 'ScalingLimited')?.reason, 'ScaleUpLimit');
  const low = run({ spec: hpaSpec({ minReplicas: 3 }), currentReplicas: 4, metrics: [ext(1)] });
  assert.equal(low.desiredReplicas, 4, 'stabilized: the initial recommendation 4 is within the 300 s window');
  const lowLater = run({
    spec: hpaSpec({ minReplicas: 3 }),
    currentReplicas: 4,
    metrics: [ext(1)],
    history: { ...emptyHpaHistory(), recommendations: [{ replicas: 4, timestamp: t0 - 301 * s }] },
  });
  assert.equal(lowLater.desiredReplicas, 3);
  assert.equal(cond(lowLater, 'ScalingLimited')?.reason, 'TooFewReplicas');
  assert.equal(lowLater.reason, 'All metrics below target');
});

test('out of range replicas are corrected without metrics', () => {
  const above = run({ spec: hpaSpec({ maxReplicas: 5 }), currentReplicas: 8 });
  assert.deepEqual(
    [above.desiredReplicas, above.events[0]?.message],
    [5, 'New size: 5; reason: Current number of replicas above Spec.MaxReplicas'],
  );
  assert.deepEqual(above.status.currentMetrics, []);
  const below = run({ spec: hpaSpec({ minReplicas: 2 }), currentReplicas: 1 });
  assert.equal(
    below.events[0]?.message,
    'New size: 2; reason: Current number of replicas below Spec.MinReplicas',
  );
});

test('at zero replicas scaling is disabled (KEDA scales from zero)', () => {
  const r = run({ currentReplicas: 0, metrics: [ext(100)] });
  assert.equal(r.rescale, false);
  assert.equal(r.desiredReplicas, 0);
  assert.deepEqual(cond(r, 'ScalingActive'), {
    type: 'ScalingActive',
    status: 'False',
    lastTransitionTime: '2026-11-30T12:00:00Z',
    reason: 'ScalingDisabled',
    message: 'scaling is disabled since the replica count of the target is zero',
  });
  assert.deepEqual(r.events, []);
});

test('invalid metrics: all failing, or failing while scaling down, stop the HPA with upstream texts', () => {
  const api = 'Internal error occurred: metric:s0-rabbitmq-hello encountered error';
  const fetchErr = `unable to get external metric default/s0-rabbitmq-hello/${SEL}: unable to fetch metrics from external metrics API: ${api}`;
  const r = run({
    currentReplicas: 2,
    metrics: [{ kind: 'external', error: api }],
    status: { desiredReplicas: 2 },
  });
  assert.equal(r.rescale, false);
  assert.equal(r.status.desiredReplicas, 2);
  assert.deepEqual(cond(r, 'ScalingActive'), {
    type: 'ScalingActive',
    status: 'False',
    lastTransitionTime: '2026-11-30T12:00:00Z',
    reason: 'FailedGetExternalMetric',
    message: `the HPA was unable to compute the replica count: ${fetchErr}`,
  });
  assert.deepEqual(r.events, [
    { type: 'Warning', reason: 'FailedGetExternalMetric', message: fetchErr },
    {
      type: 'Warning',
      reason: 'FailedComputeMetricsReplicas',
      message: `invalid metrics (1 invalid out of 1), first error is: failed to get s0-rabbitmq-hello external metric value: failed to get s0-rabbitmq-hello external metric: ${fetchErr}`,
    },
  ]);
  assert.deepEqual(r.status.currentMetrics, [{ type: '' }]);

  const empty = run({ metrics: [ext()] });
  assert.match(cond(empty, 'ScalingActive')?.message ?? '', /no metrics returned from external metrics API$/);

  const two = hpaSpec({ metrics: [external({ averageValue: '5' }), external({ averageValue: '5' })] });
  const up = run({ spec: two, currentReplicas: 2, metrics: [ext(40), { kind: 'external', error: 'x' }] });
  assert.equal(up.desiredReplicas, 4, 'some invalid but scaling up: proceed');
  assert.match(up.error ?? '', /^invalid metrics \(1 invalid out of 2\)/);
  const down = run({ spec: two, currentReplicas: 4, metrics: [ext(1), { kind: 'external', error: 'x' }] });
  assert.equal(down.rescale, false, 'some invalid and scaling down: refuse');
});

test('behavior: default policies, stabilization windows, Disabled, and the scale-event history', () => {
  const behavior = { scaleDown: { stabilizationWindowSeconds: 60 } };
  const first = run({ spec: hpaSpec({ behavior }), currentReplicas: 1, metrics: [ext(500)] });
  // default scale-up: max(1 + 4 pods, ceil(1 × 2)) = 5
  assert.equal(first.desiredReplicas, 5);
  assert.equal(cond(first, 'ScalingLimited')?.reason, 'ScaleUpLimit');
  assert.deepEqual(first.history.scaleUpEvents, [{ replicaChange: 4, timestamp: t0, outdated: false }]);
  // 10 s later the 15 s period still counts the +4: limit = max((5-4)+4, ceil(1×2)) = 5
  const second = run({
    spec: hpaSpec({ behavior }),
    currentReplicas: 5,
    metrics: [ext(500)],
    history: first.history,
    now: t0 + 10 * s,
  });
  assert.equal(second.rescale, false);
  assert.equal(cond(second, 'ScalingLimited')?.reason, 'ScaleUpLimit');
  // after the period: max(5 + 4, 10) = 10
  const third = run({
    spec: hpaSpec({ behavior }),
    currentReplicas: 5,
    metrics: [ext(500)],
    history: second.history,
    now: t0 + 16 * s,
  });
  assert.equal(third.desiredReplicas, 10);

  // scale down: the highest recommendation of the last 60 s wins
  const down = run({
    spec: hpaSpec({ behavior }),
    currentReplicas: 10,
    metrics: [ext(5)],
    history: third.history,
    now: t0 + 30 * s,
  });
  assert.equal(down.desiredReplicas, 10);
  assert.equal(cond(down, 'AbleToScale')?.reason, 'ScaleDownStabilized');
  const later = run({
    spec: hpaSpec({ behavior }),
    currentReplicas: 10,
    metrics: [ext(5)],
    history: down.history,
    now: t0 + 200 * s,
  });
  assert.equal(later.desiredReplicas, 1, '100% per 15 s allows going straight to the recommendation');

  const disabled = run({
    spec: hpaSpec({ behavior: { scaleDown: { selectPolicy: 'Disabled' } } }),
    currentReplicas: 6,
    metrics: [ext(5)],
    history: { ...emptyHpaHistory(), recommendations: [{ replicas: 6, timestamp: t0 - 400 * s }] },
  });
  assert.equal(disabled.rescale, false);
  assert.equal(cond(disabled, 'ScalingLimited')?.reason, 'ScaleDownLimit');

  const slowDown = run({
    spec: hpaSpec({
      behavior: {
        scaleDown: {
          stabilizationWindowSeconds: 0,
          policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
        },
      },
    }),
    currentReplicas: 6,
    metrics: [ext(5)],
  });
  assert.equal(slowDown.desiredReplicas, 5);
  assert.deepEqual(slowDown.history.scaleDownEvents, [{ replicaChange: 1, timestamp: t0, outdated: false }]);

  const upWindow = run({
    spec: hpaSpec({ behavior: { scaleUp: { stabilizationWindowSeconds: 120 } } }),
    currentReplicas: 2,
    metrics: [ext(40)],
    history: { ...emptyHpaHistory(), recommendations: [{ replicas: 3, timestamp: t0 - 60 * s }] },
  });
  assert.equal(upWindow.desiredReplicas, 3);
  assert.equal(cond(upWindow, 'AbleToScale')?.reason, 'SucceededRescale');
});

test('Resource utilization from pods', () => {
  const cpu: MetricSpec = {
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
  };
  const pod = (name: string, usage: number) => ({
    name,
    ready: true,
    startTime: t0 - 3600 * s,
    readyTransitionTime: t0 - 3500 * s,
    usageMilli: usage,
    requestMilli: 500,
  });
  const r = run({
    spec: hpaSpec({ metrics: [cpu] }),
    currentReplicas: 2,
    metrics: [{ kind: 'resource', pods: [pod('a', 300), pod('b', 500)] }],
  });
  assert.equal(r.desiredReplicas, 4);
  assert.equal(
    r.events[0]?.message,
    'New size: 4; reason: cpu resource utilization (percentage of request) above target',
  );
  assert.deepEqual(r.status.currentMetrics, [
    {
      type: 'Resource',
      resource: { name: 'cpu', current: { averageUtilization: 80, averageValue: '400m' } },
    },
  ]);
  const missingRequest = run({
    spec: hpaSpec({ metrics: [cpu] }),
    currentReplicas: 2,
    metrics: [{ kind: 'resource', pods: [{ ...pod('a', 300), requestMilli: undefined }] }],
  });
  assert.equal(missingRequest.rescale, false);
  assert.equal(
    missingRequest.status.conditions.find((c) => c.type === 'ScalingActive')?.reason,
    'FailedGetResourceMetric',
  );
  const unready = run({
    spec: hpaSpec({ metrics: [cpu] }),
    currentReplicas: 3,
    metrics: [
      {
        kind: 'resource',
        pods: [
          pod('a', 500),
          pod('b', 500),
          { ...pod('c', 0), ready: false, startTime: t0 - 10 * s, readyTransitionTime: t0 - 10 * s },
        ],
      },
    ],
  });
  // a,b at 100% (ratio 2) with one unready pod counted as 0%: 1000/1500 = 66% → 1.33 → ceil(4) = 4
  assert.equal(unready.desiredReplicas, 4);
});

test('conditions keep lastTransitionTime unless the status changes', () => {
  const first = run({});
  const again = run({
    status: { conditions: first.status.conditions },
    currentReplicas: 4,
    metrics: [ext(20)],
    history: first.history as HpaHistory,
    now: t0 + 60 * s,
  });
  const able = again.status.conditions.find((c) => c.type === 'AbleToScale');
  assert.equal(able?.reason, 'ReadyForNewScale');
  assert.equal(able?.lastTransitionTime, '2026-11-30T12:00:00Z');
});
