import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  convertDesiredReplicasWithRules,
  emptyHpaHistory,
  resolveBehavior,
  scaleDownLimit,
  scaleUpLimit,
  storeScaleEvent,
  type HpaHistory,
} from './hpa-behavior.js';

const t0 = Date.parse('2026-11-30T12:00:00Z');
const s = 1000;

test('API defaults for a behavior: scaleUp no window, max(4 pods, 100%)/15s; scaleDown 300 s, 100%/15s', () => {
  assert.deepEqual(resolveBehavior({}), {
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds: 300,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    },
  });
  const custom = resolveBehavior({ scaleDown: { selectPolicy: 'Disabled' }, scaleUp: { policies: [] } }, 120);
  assert.equal(custom.scaleDown.selectPolicy, 'Disabled');
  assert.equal(custom.scaleDown.stabilizationWindowSeconds, 120);
  assert.deepEqual(custom.scaleUp.policies, []);
});

test('legacy limits without behavior', () => {
  const cases: Array<[number, number, number, number, [number, string]]> = [
    [1, 10, 1, 100, [4, 'ScaleUpLimit']],
    [3, 10, 1, 100, [6, 'ScaleUpLimit']],
    [3, 10, 1, 5, [5, 'TooManyReplicas']],
    [3, 0, 1, 5, [1, 'TooFewReplicas']],
    [3, 4, 1, 5, [4, 'DesiredWithinRange']],
  ];
  for (const [current, desired, min, max, [replicas, reason]] of cases) {
    const r = convertDesiredReplicasWithRules(current, desired, min, max);
    assert.deepEqual([r.replicas, r.reason], [replicas, reason], `${current}→${desired} [${min},${max}]`);
  }
});

test('rate limits from policies and recent events', () => {
  const rules = resolveBehavior({});
  const history = (up: number[], down: number[] = []): HpaHistory => ({
    ...emptyHpaHistory(),
    scaleUpEvents: up.map((c) => ({ replicaChange: c, timestamp: t0 - 5 * s, outdated: false })),
    scaleDownEvents: down.map((c) => ({ replicaChange: c, timestamp: t0 - 5 * s, outdated: false })),
  });
  assert.equal(scaleUpLimit(1, emptyHpaHistory(), rules.scaleUp, t0), 5);
  assert.equal(scaleUpLimit(10, emptyHpaHistory(), rules.scaleUp, t0), 20);
  assert.equal(scaleUpLimit(10, history([5]), rules.scaleUp, t0), 10, 'period started at 5: max(9, 10)');
  const min = resolveBehavior({ scaleUp: { selectPolicy: 'Min' } });
  assert.equal(scaleUpLimit(10, emptyHpaHistory(), min.scaleUp, t0), 14);
  assert.equal(scaleDownLimit(10, emptyHpaHistory(), rules.scaleDown, t0), 0);
  const pods = resolveBehavior({
    scaleDown: {
      policies: [
        { type: 'Pods', value: 2, periodSeconds: 60 },
        { type: 'Percent', value: 10, periodSeconds: 60 },
      ],
    },
  });
  assert.equal(scaleDownLimit(10, emptyHpaHistory(), pods.scaleDown, t0), 8, 'Max change: min(8, 9)');
  assert.equal(
    scaleDownLimit(10, history([], [2]), pods.scaleDown, t0),
    10,
    'period started at 12: min(10, 10)',
  );
  const disabled = resolveBehavior({ scaleUp: { selectPolicy: 'Disabled' } });
  assert.equal(scaleUpLimit(3, emptyHpaHistory(), disabled.scaleUp, t0), 3);
});

test('scale events: stored only with a behavior, outdated ones are reused', () => {
  const behavior = resolveBehavior({});
  assert.deepEqual(storeScaleEvent(emptyHpaHistory(), undefined, 1, 3, t0), emptyHpaHistory());
  const old = {
    ...emptyHpaHistory(),
    scaleUpEvents: [
      { replicaChange: 2, timestamp: t0 - 60 * s, outdated: false },
      { replicaChange: 1, timestamp: t0 - 5 * s, outdated: false },
    ],
  };
  const next = storeScaleEvent(old, behavior, 3, 7, t0);
  assert.deepEqual(next.scaleUpEvents, [
    { replicaChange: 4, timestamp: t0, outdated: false },
    { replicaChange: 1, timestamp: t0 - 5 * s, outdated: false },
  ]);
  const down = storeScaleEvent(emptyHpaHistory(), behavior, 7, 2, t0);
  assert.deepEqual(down.scaleDownEvents, [{ replicaChange: 5, timestamp: t0, outdated: false }]);
});
