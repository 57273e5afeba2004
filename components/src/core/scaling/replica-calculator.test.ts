import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  externalPerPodReplicas,
  externalValueReplicas,
  groupPods,
  isWithinTolerance,
  ReplicaCalculatorError,
  resourceAverageValueReplicas,
  resourceUtilizationReplicas,
  usageRatioReplicas,
} from './replica-calculator.js';

import { now, pod, timings, tol } from '../../../test/replica-pods.js';

test('tolerance band is inclusive', () => {
  assert.equal(isWithinTolerance(tol, 0.9), true);
  assert.equal(isWithinTolerance(tol, 1.1), true);
  assert.equal(isWithinTolerance(tol, 1.1000001), false);
});

test('external metrics', () => {
  assert.deepEqual(externalPerPodReplicas(3, 5000, [14000], tol), { replicas: 3, usage: 4667 });
  assert.deepEqual(externalPerPodReplicas(1, 5000, [20000], tol), { replicas: 4, usage: 20000 });
  assert.deepEqual(externalPerPodReplicas(2, 1, [1e12], tol), { replicas: 2147483647, usage: 5e11 });
  assert.deepEqual(externalValueReplicas(2, 2, 10000, [30000], tol), { replicas: 6, usage: 30000 });
  assert.equal(usageRatioReplicas(0, 0, 2.3, tol), 3, 'from zero: ceil(ratio)');
  assert.equal(usageRatioReplicas(4, 4, 1.05, tol), 4);
});

test('groupPods', () => {
  const g = groupPods(
    [
      pod('ok', 100),
      pod('deleting', 100, { deleting: true }),
      pod('failed', 100, { phase: 'Failed' }),
      pod('pending', 100, { phase: 'Pending' }),
      pod('nometric', undefined),
      pod('noready', 100, { ready: undefined }),
      pod('young-unready', 100, { startTime: now - 10_000, ready: false }),
    ],
    'cpu',
    timings,
  );
  assert.equal(g.readyPodCount, 1);
  assert.deepEqual([...g.ignored].sort(), ['deleting', 'failed']);
  assert.deepEqual([...g.unready].sort(), ['noready', 'pending', 'young-unready']);
  assert.deepEqual([...g.missing], ['nometric']);
  assert.equal(
    groupPods([pod('noready', 100, { ready: undefined })], 'memory', timings).readyPodCount,
    1,
    'readiness only matters for cpu',
  );
});

test('resource utilization with missing and unready pods (upstream rules)', () => {
  // 2 pods at 50% of a 1000m request, target 50%: within tolerance
  assert.deepEqual(resourceUtilizationReplicas(2, 50, 'cpu', [pod('a', 500), pod('b', 500)], tol, timings), {
    replicas: 2,
    usage: 50,
    rawUsage: 500,
  });
  // scale down with a missing pod: treated as 100% → direction would flip → keep current
  assert.equal(
    resourceUtilizationReplicas(
      3,
      50,
      'cpu',
      [pod('a', 100), pod('b', 100), pod('c', undefined)],
      tol,
      timings,
    ).replicas,
    3,
  );
  // scale up with a missing pod: treated as 0%
  assert.equal(
    resourceUtilizationReplicas(
      3,
      50,
      'cpu',
      [pod('a', 1000), pod('b', 1000), pod('c', undefined)],
      tol,
      timings,
    ).replicas,
    4,
  );
  assert.throws(
    () => resourceUtilizationReplicas(1, 50, 'cpu', [], tol, timings),
    /no pods returned by selector/,
  );
  assert.throws(
    () =>
      resourceUtilizationReplicas(1, 50, 'cpu', [pod('a', undefined, { phase: 'Pending' })], tol, timings),
    (e: unknown) =>
      e instanceof ReplicaCalculatorError && /did not receive metrics for targeted pods/.test(e.message),
  );
  assert.deepEqual(
    resourceAverageValueReplicas(2, 400, 'memory', [pod('a', 800), pod('b', 800)], tol, timings),
    { replicas: 4, usage: 800 },
  );
});
