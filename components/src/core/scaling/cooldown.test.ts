import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cooldownState, rfc3339, scaledObjectCooldown, truncateToSeconds } from './cooldown.js';

const t0 = Date.parse('2026-11-30T12:00:00Z');
const s = 1000;

test('cooldown from lastActiveTime, initial cooldown from creation, strictly-before semantics', () => {
  const cases: Array<
    [string, Parameters<typeof cooldownState>[0], Partial<ReturnType<typeof cooldownState>>]
  > = [
    [
      'default 300 s, 100 s in',
      { spec: {}, lastActiveTime: t0, now: t0 + 100 * s },
      {
        basis: 'lastActiveTime',
        periodSeconds: 300,
        periodIsDefault: true,
        remainingMs: 200 * s,
        inCooldown: true,
      },
    ],
    [
      'exactly at the end: still cooling (not before now)',
      { spec: {}, lastActiveTime: t0, now: t0 + 300 * s },
      { remainingMs: 0, inCooldown: true },
    ],
    ['one ms later: over', { spec: {}, lastActiveTime: t0, now: t0 + 300 * s + 1 }, { inCooldown: false }],
    [
      'cooldownPeriod 0 is 0',
      { spec: { cooldownPeriod: 0 }, lastActiveTime: t0, now: t0 + 1 },
      { periodSeconds: 0, periodIsDefault: false, inCooldown: false },
    ],
    [
      'never active: initialCooldownPeriod from creation',
      { spec: { initialCooldownPeriod: 120 }, creationTimestamp: t0, now: t0 + 60 * s },
      { basis: 'creationTimestamp', periodSeconds: 120, remainingMs: 60 * s, inCooldown: true },
    ],
    [
      'never active, default initial 0',
      { spec: {}, creationTimestamp: t0, now: t0 + 1 },
      { inCooldown: false },
    ],
    [
      'min > 0 without idle: does not apply',
      { spec: { minReplicaCount: 2 }, lastActiveTime: t0, now: t0 },
      { applies: false },
    ],
    [
      'idle set: applies',
      { spec: { minReplicaCount: 2, idleReplicaCount: 0 }, lastActiveTime: t0, now: t0 },
      { applies: true },
    ],
  ];
  for (const [name, input, expected] of cases) {
    const state = cooldownState(input);
    for (const [k, v] of Object.entries(expected))
      assert.deepEqual(state[k as keyof typeof state], v, `${name}: ${k}`);
  }
});

test('from a stored ScaledObject', () => {
  const state = scaledObjectCooldown(
    {
      metadata: { creationTimestamp: '2026-11-30T11:00:00Z' },
      spec: { cooldownPeriod: 60 },
      status: { lastActiveTime: '2026-11-30T12:00:00Z' },
    },
    t0 + 45 * s,
  );
  assert.equal(state.remainingMs, 15 * s);
  assert.equal(truncateToSeconds(t0 + 999), t0);
  assert.equal(rfc3339(t0 + 999), '2026-11-30T12:00:00Z');
});
