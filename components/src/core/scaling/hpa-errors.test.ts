// The HPA controller's error paths: metrics it cannot read, targets it cannot set, resource
// metrics by value and per container, failed rescales, configurable tolerance, and how each
// metric is named in its messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscalerSpec, MetricSpec } from '../kube/autoscaling.js';
import { emptyHpaHistory } from './hpa-behavior.js';
import {
  hpaMetricDescription,
  reconcileHpa,
  type HpaMetricObservation,
  type HpaReconcileInput,
} from './hpa.js';
import type { PodSample } from './replica-calculator.js';

const t0 = Date.parse('2026-11-30T12:00:00Z');
const metric = { name: 's0-queue' };
const SEL = 'nil';

const spec = (
  metrics: MetricSpec[],
  over: Partial<HorizontalPodAutoscalerSpec> = {},
): HorizontalPodAutoscalerSpec => ({
  scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
  minReplicas: 1,
  maxReplicas: 10,
  metrics,
  ...over,
});

function run(
  metrics: MetricSpec[],
  observations: HpaMetricObservation[],
  over: Partial<HpaReconcileInput> = {},
) {
  return reconcileHpa({
    namespace: 'shop',
    spec: spec(metrics),
    currentReplicas: 2,
    metrics: observations,
    history: emptyHpaHistory(),
    now: t0,
    ...over,
  });
}

const pods = (...usage: number[]): PodSample[] =>
  usage.map((u, i) => ({
    name: `p${i}`,
    ready: true,
    startTime: t0 - 3_600_000,
    readyTransitionTime: t0 - 3_500_000,
    requestMilli: 500,
    usageMilli: u,
  }));

const active = (r: ReturnType<typeof run>) => r.status.conditions.find((c) => c.type === 'ScalingActive');

test('an external metric the API cannot serve: FailedGetExternalMetric, no rescale, the last desired count kept', () => {
  const avg: MetricSpec = {
    type: 'External',
    external: { metric, target: { type: 'AverageValue', averageValue: '5' } },
  };
  const r = run(
    [avg],
    [{ kind: 'external', error: 'the server is currently unable to handle the request' }],
    {
      status: { desiredReplicas: 3 },
    },
  );
  assert.equal(r.rescale, false);
  assert.equal(r.desiredReplicas, 2);
  assert.equal(r.status.desiredReplicas, 3);
  assert.deepEqual(r.status.currentMetrics, [{ type: '' }]);
  const expected = `unable to get external metric shop/s0-queue/${SEL}: unable to fetch metrics from external metrics API: the server is currently unable to handle the request`;
  assert.deepEqual(
    [active(r)?.status, active(r)?.reason, active(r)?.message],
    ['False', 'FailedGetExternalMetric', `the HPA was unable to compute the replica count: ${expected}`],
  );
  assert.deepEqual(
    r.events.map((e) => [e.type, e.reason]),
    [
      ['Warning', 'FailedGetExternalMetric'],
      ['Warning', 'FailedComputeMetricsReplicas'],
    ],
  );
  assert.equal(
    r.error,
    `failed to compute desired number of replicas based on listed metrics for Deployment/shop/web: invalid metrics (1 invalid out of 1), first error is: failed to get s0-queue external metric value: failed to get s0-queue external metric: ${expected}`,
  );
  const none = run([avg], [], { status: {} });
  assert.match(none.error ?? '', /unable to fetch metrics from external metrics API: no observation/);
  assert.equal(none.status.desiredReplicas, 0);
});

test('a Value target with no items returned, and a target with neither value nor average value', () => {
  const value: MetricSpec = {
    type: 'External',
    external: { metric, target: { type: 'Value', value: '10' } },
  };
  const r = run([value], [{ kind: 'external', values: [] }]);
  assert.match(
    r.error ?? '',
    /failed to get s0-queue external metric value: failed to get external metric s0-queue: unable to get external metric shop\/s0-queue\/nil: no metrics returned from external metrics API$/,
  );
  const neither: MetricSpec = { type: 'External', external: { metric, target: { type: 'Value' } } };
  const n = run([neither], [{ kind: 'external', values: [1] }]);
  assert.match(
    n.error ?? '',
    /invalid external metric source: neither a value target nor an average value target was set$/,
  );
});

test('one metric failing while another proposes fewer replicas: no scale-down on partial data', () => {
  const good: MetricSpec = {
    type: 'External',
    external: { metric: { name: 's1-ok' }, target: { type: 'AverageValue', averageValue: '10' } },
  };
  const bad: MetricSpec = {
    type: 'External',
    external: { metric, target: { type: 'AverageValue', averageValue: '5' } },
  };
  const down = run(
    [bad, good],
    [
      { kind: 'external', error: 'boom' },
      { kind: 'external', values: [1] },
    ],
    { currentReplicas: 4 },
  );
  assert.equal(down.rescale, false, 'would shrink from 4 to 1 on one metric of two');
  assert.match(down.error ?? '', /invalid metrics \(1 invalid out of 2\)/);
  const up = run(
    [bad, good],
    [
      { kind: 'external', error: 'boom' },
      { kind: 'external', values: [50] },
    ],
  );
  // ceil(50 / 10) = 5, capped by the default scale-up limit max(2 × 2, 4) = 4.
  assert.equal(up.desiredReplicas, 4, 'a scale-up on the readable metric goes ahead');
  assert.match(up.error ?? '', /^invalid metrics \(1 invalid out of 2\), first error is: /);
  assert.equal(active(up)?.reason, 'ValidMetricFound');
});

test('resource metrics: by average value (memory in binary units), per container, and their fetch errors', () => {
  const memory: MetricSpec = {
    type: 'Resource',
    resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '256Mi' } },
  };
  const mi = 1024 * 1024 * 1000;
  const r = run([memory], [{ kind: 'resource', pods: pods(512 * mi, 512 * mi) }]);
  assert.equal(r.desiredReplicas, 4);
  assert.deepEqual(r.status.currentMetrics, [
    { type: 'Resource', resource: { name: 'memory', current: { averageValue: '512Mi' } } },
  ]);
  const failed = run([memory], [{ kind: 'resource', error: 'metrics not available yet' }]);
  assert.match(
    failed.error ?? '',
    /failed to get memory resource metric value: failed to get memory usage: unable to get metrics for resource memory: metrics not available yet$/,
  );
  assert.equal(active(failed)?.reason, 'FailedGetResourceMetric');

  const container: MetricSpec = {
    type: 'ContainerResource',
    containerResource: {
      name: 'cpu',
      container: 'app',
      target: { type: 'Utilization', averageUtilization: 50 },
    },
  };
  const c = run([container], [{ kind: 'resource', pods: pods(500, 500) }]);
  assert.equal(c.desiredReplicas, 4);
  assert.deepEqual(c.status.currentMetrics, [
    {
      type: 'ContainerResource',
      containerResource: {
        name: 'cpu',
        container: 'app',
        current: { averageUtilization: 100, averageValue: '500m' },
      },
    },
  ]);
  assert.match(c.reason ?? '', /^cpu container resource utilization \(percentage of request\) above target$/);
  const lost = run([container], [{ kind: 'external', values: [1] }]);
  assert.match(
    lost.error ?? '',
    /failed to get app container metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no observation$/,
  );
  assert.equal(active(lost)?.reason, 'FailedGetContainerResourceMetric');
});

test('a resource metric with no usable target, and a metric type the controller does not know', () => {
  const noTarget: MetricSpec = {
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization' } },
  };
  const r = run([noTarget], [{ kind: 'resource', pods: pods(100) }]);
  assert.match(
    r.error ?? '',
    /failed to get cpu resource metric value: invalid resource metric source: neither an average utilization target nor an average value \(usage\) target was set$/,
  );
  const pods_: MetricSpec = {
    type: 'Pods',
    pods: { metric, target: { type: 'AverageValue', averageValue: '1' } },
  };
  const p = run([pods_], [{ kind: 'external', values: [1] }]);
  assert.match(p.error ?? '', /unknown metric source type "Pods"$/);
  assert.equal(active(p)?.reason, 'InvalidMetricSourceType');
});

test('a rescale the /scale update refuses: FailedRescale, AbleToScale False, no lastScaleTime', () => {
  const avg: MetricSpec = {
    type: 'External',
    external: { metric, target: { type: 'AverageValue', averageValue: '5' } },
  };
  const r = run([avg], [{ kind: 'external', values: [40] }], {
    scaleUpdateError: 'conflict',
    status: { desiredReplicas: 2 },
  });
  assert.equal(r.rescale, false);
  assert.equal(r.desiredReplicas, 2);
  assert.equal(r.status.lastScaleTime, undefined);
  assert.deepEqual(r.events.at(-1), {
    type: 'Warning',
    reason: 'FailedRescale',
    // ceil(40 / 5) = 8, capped by the default scale-up limit max(2 × 2, 4) = 4.
    message: `New size: 4; reason: external metric s0-queue(${SEL}) above target; error: conflict`,
  });
  const able = r.status.conditions.find((c) => c.type === 'AbleToScale');
  assert.deepEqual([able?.status, able?.reason], ['False', 'FailedUpdateScale']);
  assert.equal(r.error, 'failed to rescale Deployment/shop/web: conflict');
});

test('behavior tolerances apply only with the HPAConfigurableTolerance gate', () => {
  const avg: MetricSpec = {
    type: 'External',
    external: { metric, target: { type: 'AverageValue', averageValue: '10' } },
  };
  const behavior = { scaleUp: { tolerance: '0.5' }, scaleDown: { tolerance: '0.05' } };
  // 2 replicas, 26 total: ratio 1.3; outside the default 10%, inside a 50% scale-up tolerance.
  const off = run([avg], [{ kind: 'external', values: [26] }], { spec: spec([avg], { behavior }) });
  assert.equal(off.desiredReplicas, 3);
  const on = run([avg], [{ kind: 'external', values: [26] }], {
    spec: spec([avg], { behavior }),
    options: { configurableTolerance: true },
  });
  assert.equal(on.rescale, false);
  // 20 replicas, 184 total: ratio 0.92; inside the default 10%, outside a 5% scale-down tolerance.
  const downSpec = spec([avg], {
    maxReplicas: 30,
    behavior: { scaleDown: { tolerance: '0.05', stabilizationWindowSeconds: 0 } },
  });
  const keep = run([avg], [{ kind: 'external', values: [184] }], { spec: downSpec, currentReplicas: 20 });
  assert.equal(keep.rescale, false);
  const down = run([avg], [{ kind: 'external', values: [184] }], {
    spec: downSpec,
    currentReplicas: 20,
    options: { configurableTolerance: true },
  });
  assert.equal(down.desiredReplicas, 19);
  assert.equal(down.reason, 'All metrics below target');
});

test('an HPA without metrics or minReplicas: min defaults to 1, no metrics is no valid metric', () => {
  const r = reconcileHpa({
    namespace: 'shop',
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3 },
    currentReplicas: 1,
    metrics: [],
    history: emptyHpaHistory(),
    now: t0,
  });
  assert.equal(r.rescale, false);
  assert.match(r.error ?? '', /invalid metrics \(0 invalid out of 0\)|based on listed metrics/);
});

test('how each metric is named in the controller’s messages', () => {
  assert.equal(
    hpaMetricDescription({ type: 'External', external: { metric, target: { type: 'Value', value: '1' } } }),
    'external metric s0-queue(nil)',
  );
  assert.equal(
    hpaMetricDescription({
      type: 'Resource',
      resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } },
    }),
    'memory resource',
  );
  assert.equal(
    hpaMetricDescription({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
    }),
    'cpu resource utilization (percentage of request)',
  );
  assert.equal(
    hpaMetricDescription({
      type: 'ContainerResource',
      containerResource: {
        name: 'cpu',
        container: 'app',
        target: { type: 'AverageValue', averageValue: '100m' },
      },
    }),
    'cpu resource',
  );
  assert.equal(
    hpaMetricDescription({
      type: 'ContainerResource',
      containerResource: {
        name: 'cpu',
        container: 'app',
        target: { type: 'Utilization', averageUtilization: 50 },
      },
    }),
    'cpu container resource utilization (percentage of request)',
  );
  assert.equal(hpaMetricDescription({ type: 'Object' }), 'Object metric');
});
