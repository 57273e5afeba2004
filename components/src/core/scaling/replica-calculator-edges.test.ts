// The HPA replica calculator's conservative paths (missing and unready pods, direction changes),
// its errors and its integer limits; expected values worked out by hand from the controller's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  externalPerPodReplicas,
  groupPods,
  resourceAverageValueReplicas,
  resourceUtilizationReplicas,
  usageRatioReplicas,
  type PodSample,
} from './replica-calculator.js';

import { now, pod, timings, tol } from '../../../test/replica-pods.js';
const pending = (name: string) => pod(name, undefined, { phase: 'Pending' });

test('utilization: a pod without a request is an error naming the pod (and the container when one is targeted)', () => {
  const pods = [pod('a', 500), pod('b', 500, { requestMilli: undefined })];
  assert.throws(() => resourceUtilizationReplicas(2, 50, 'cpu', pods, tol, timings), {
    message: 'missing request for cpu in container of Pod b',
  });
  assert.throws(() => resourceUtilizationReplicas(2, 50, 'cpu', pods, tol, timings, 'app'), {
    message: 'container app not found in Pod b',
  });
});

test('utilization scale-down with a missing pod: the missing one counts at 100% and the result still shrinks', () => {
  // a, b at 10% (100m of 1000m): ratio 0.2. c missing → 100% → (100+100+1000)/3000 = 40%, ratio 0.8.
  // ceil(0.8 × 3) = 3 < 4 current.
  assert.deepEqual(
    resourceUtilizationReplicas(
      4,
      50,
      'cpu',
      [pod('a', 100), pod('b', 100), pod('c', undefined)],
      tol,
      timings,
    ),
    { replicas: 3, usage: 10, rawUsage: 100 },
  );
});

test('utilization: a direction change after filling in missing pods keeps the current count', () => {
  // a at 10%: ratio 0.2 (down). Five missing at 100%: 5100/6000 = 85%, ratio 1.7 (up) → keep 6.
  const pods = [pod('a', 100), ...['b', 'c', 'd', 'e', 'f'].map((n) => pod(n, undefined))];
  assert.deepEqual(resourceUtilizationReplicas(6, 50, 'cpu', pods, tol, timings), {
    replicas: 6,
    usage: 10,
    rawUsage: 100,
  });
});

test('utilization: a scale-down that would grow the count is refused', () => {
  // a at 0%, b missing at max(100, 80)% → 1000/2000 = 50%, ratio 0.625 → ceil(1.25) = 2 > 1 current.
  assert.equal(
    resourceUtilizationReplicas(1, 80, 'cpu', [pod('a', 0), pod('b', undefined)], tol, timings).replicas,
    1,
  );
});

test('utilization scale-up with an unready pod: it counts as 0%, which may land within tolerance', () => {
  // a at 90%: ratio 1.8 up; b pending → 0 → 900/2000 = 45%, ratio 0.9 → within tolerance → keep 2.
  assert.deepEqual(resourceUtilizationReplicas(2, 50, 'cpu', [pod('a', 900), pending('b')], tol, timings), {
    replicas: 2,
    usage: 90,
    rawUsage: 900,
  });
  // a at 200%: ratio 4; b → 0 → 100%, ratio 2 → ceil(2 × 2) = 4.
  assert.equal(
    resourceUtilizationReplicas(2, 50, 'cpu', [pod('a', 2000), pending('b')], tol, timings).replicas,
    4,
  );
});

test('average value: errors, missing pods at the target on the way down and at 0 on the way up', () => {
  assert.throws(() => resourceAverageValueReplicas(1, 500, 'memory', [], tol, timings), {
    message: 'no pods returned by selector while calculating replica count',
  });
  assert.throws(() => resourceAverageValueReplicas(1, 500, 'memory', [pending('a')], tol, timings), {
    message: 'did not receive metrics for targeted pods (pods might be unready)',
  });
  // Down: 100 → ratio 0.2; b at the target 500 → avg 300, ratio 0.6 → ceil(1.2) = 2 < 3.
  assert.deepEqual(
    resourceAverageValueReplicas(3, 500, 'memory', [pod('a', 100), pod('b', undefined)], tol, timings),
    {
      replicas: 2,
      usage: 100,
    },
  );
  // Up: 1500 → ratio 3; b at 0 → avg 750, ratio 1.5 → ceil(3) = 3.
  assert.deepEqual(
    resourceAverageValueReplicas(2, 500, 'memory', [pod('a', 1500), pod('b', undefined)], tol, timings),
    {
      replicas: 3,
      usage: 1500,
    },
  );
  // Up then within tolerance: 900 → 1.8; b at 0 → 450, ratio 0.9 → keep.
  assert.equal(
    resourceAverageValueReplicas(2, 500, 'memory', [pod('a', 900), pod('b', undefined)], tol, timings)
      .replicas,
    2,
  );
  // Within tolerance without missing pods.
  assert.deepEqual(
    resourceAverageValueReplicas(2, 500, 'memory', [pod('a', 520), pod('b', 520)], tol, timings),
    {
      replicas: 2,
      usage: 520,
    },
  );
});

test('average value: an unready pod counts as 0 on the way up; a scale-up that would shrink is refused', () => {
  assert.equal(
    resourceAverageValueReplicas(2, 500, 'cpu', [pod('a', 1500), pending('b')], tol, timings).replicas,
    3,
  );
  // 2000 → ratio 4; b at 0 → 1000, ratio 2 → ceil(4) = 4 < 5 current → keep 5.
  assert.equal(
    resourceAverageValueReplicas(5, 500, 'memory', [pod('a', 2000), pod('b', undefined)], tol, timings)
      .replicas,
    5,
  );
  // 600 → 1.2 up; b at 0 → 300, 0.6 down: a direction change → keep.
  assert.equal(
    resourceAverageValueReplicas(4, 500, 'memory', [pod('a', 600), pod('b', undefined)], tol, timings)
      .replicas,
    4,
  );
});

test('cpu readiness: inside the initialization period a sample taken before readiness plus its window is unready', () => {
  const young = { startTime: now - 60_000, readyTransitionTime: now - 20_000 };
  const group = (extra: Partial<PodSample>) =>
    groupPods([pod('p', 100, { ...young, ...extra })], 'cpu', timings);
  assert.equal(group({ metricTimestamp: now - 10_000, metricWindowMs: 30_000 }).unready.size, 1);
  assert.equal(group({ metricTimestamp: now - 10_000, metricWindowMs: 5_000 }).readyPodCount, 1);
  assert.equal(group({ metricTimestamp: now - 10_000 }).readyPodCount, 1, 'no window: 0');
  assert.equal(
    group({ readyTransitionTime: undefined }).readyPodCount,
    1,
    'never transitioned: from its start',
  );
  assert.equal(group({ ready: false }).unready.size, 1);
  assert.equal(group({ startTime: undefined }).unready.size, 1, 'no start time: unready');
});

test('cpu readiness after the initialization period: unready only if it never became ready soon after starting', () => {
  const old = (extra: Partial<PodSample>) =>
    groupPods([pod('p', 100, { ready: false, ...extra })], 'cpu', timings);
  // Started an hour ago, transition 100 s later: beyond the 30 s delay → was ready once → counted.
  assert.equal(old({ readyTransitionTime: now - 3_500_000 }).readyPodCount, 1);
  // Transition 10 s after start: within the delay → its readiness was never reported → unready.
  assert.equal(old({ readyTransitionTime: now - 3_590_000 }).unready.size, 1);
});

test('integer limits: replica counts cap at MaxInt32, sums at MaxInt64 (as a float64)', () => {
  assert.equal(usageRatioReplicas(1, 3e9, 2, tol), 2147483647);
  assert.equal(usageRatioReplicas(0, 0, 0, tol), 0);
  const huge = externalPerPodReplicas(1, 1000, [2 ** 62, 2 ** 62, 2 ** 62], tol);
  assert.equal(huge.usage, 2 ** 63, 'saturated sum reported as MaxInt64');
  assert.equal(huge.replicas, 2147483647);
  assert.deepEqual(externalPerPodReplicas(2, 1000, [-500, 700], tol), { replicas: 1, usage: 100 });
});
