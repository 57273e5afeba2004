import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '../kube/types.js';
import { cooldownLeftMs, hasPauseAnnotation, scaledObjectState } from './state.js';
import type { ScaledObject } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

function so(
  conditions: Condition[] | undefined,
  spec: Partial<ScaledObject['spec']> = {},
  lastActiveTime?: string,
): ScaledObject {
  return {
    metadata: { name: 'x', namespace: 'default' },
    spec: { scaleTargetRef: { name: 'x' }, triggers: [], ...spec },
    status: { conditions, lastActiveTime },
  };
}

const c = (type: string, status: string, reason?: string, message?: string): Condition => ({
  type,
  status,
  reason,
  message,
});
const healthy = [
  c('Ready', 'True', 'ScaledObjectReady'),
  c('Fallback', 'False', 'NoFallbackFound'),
  c('Paused', 'False'),
];

test('state precedence follows what needs attention first', () => {
  const cases: Array<[string, ScaledObject, string]> = [
    ['no status yet', so(undefined), 'pending'],
    ['reconciled, inactive', so([...healthy, c('Active', 'False', 'ScalerNotActive')]), 'ready'],
    ['active', so([...healthy, c('Active', 'True', 'ScalerActive')]), 'active'],
    ['explicit cooldown', so([...healthy, c('Active', 'False', 'ScalerCooldown')]), 'cooldown'],
    [
      'check failed beats everything',
      so([
        c('Ready', 'False', 'ScaledObjectCheckFailed', "Target resource doesn't exist"),
        c('Active', 'True'),
        c('Fallback', 'True'),
      ]),
      'error',
    ],
    [
      'fallback',
      so([c('Ready', 'True'), c('Active', 'True'), c('Fallback', 'True', 'FallbackExists')]),
      'fallback',
    ],
    [
      'paused',
      so([c('Ready', 'True'), c('Active', 'False'), c('Paused', 'True', 'ScaledObjectPaused')]),
      'paused',
    ],
    [
      '2.20.2 HPA unhealthy',
      so([...healthy, c('Active', 'True'), c('HPAActive', 'False', 'FailedGetExternalMetric')]),
      'degraded',
    ],
    [
      '2.20.2 HPA disabled at zero is fine',
      so([...healthy, c('Active', 'False'), c('HPAActive', 'True', 'ScalingDisabled')]),
      'ready',
    ],
    [
      '2.20.0 HPA unhealthy in Ready',
      so([c('Ready', 'False', 'HPAMetricsUnavailable'), c('Active', 'True')]),
      'error',
    ],
    [
      'partial trigger error',
      so([c('Ready', 'Unknown', 'PartialTriggerError'), c('Active', 'True')]),
      'degraded',
    ],
    [
      'initial unknowns',
      so([c('Ready', 'Unknown'), c('Active', 'Unknown'), c('Fallback', 'Unknown'), c('Paused', 'False')]),
      'unknown',
    ],
  ];
  for (const [what, object, kind] of cases) assert.equal(scaledObjectState(object, now).kind, kind, what);
});

test('the state carries the condition verbatim', () => {
  const state = scaledObjectState(
    so([c('Ready', 'False', 'ScaledObjectCheckFailed', "Target resource doesn't exist")]),
    now,
  );
  assert.equal(state.condition?.reason, 'ScaledObjectCheckFailed');
  assert.equal(state.condition?.message, "Target resource doesn't exist");
});

test('cooldown is derived from lastActiveTime and cooldownPeriod, 0 and defaults respected', () => {
  const justActive = '2026-11-30T11:59:00Z';
  assert.equal(cooldownLeftMs(so(healthy, { cooldownPeriod: 120 }, justActive), now), 60_000);
  assert.equal(cooldownLeftMs(so(healthy, {}, justActive), now), 240_000, 'default 300 s');
  assert.equal(cooldownLeftMs(so(healthy, { cooldownPeriod: 0 }, justActive), now), undefined, '0 stays 0');
  assert.equal(
    cooldownLeftMs(so(healthy, { minReplicaCount: 2 }, justActive), now),
    undefined,
    'no scale to zero',
  );
  assert.equal(
    cooldownLeftMs(so(healthy, { minReplicaCount: 2, idleReplicaCount: 0 }, justActive), now),
    240_000,
  );
  const state = scaledObjectState(
    so([...healthy, c('Active', 'False', 'ScalerNotActive')], { cooldownPeriod: 120 }, justActive),
    now,
  );
  assert.equal(state.kind, 'cooldown');
  assert.equal(state.cooldownLeftMs, 60_000);
});

test('pause annotations are recognised before KEDA reports them', () => {
  const paused = so(healthy);
  paused.metadata.annotations = { 'autoscaling.keda.sh/paused-replicas': '0' };
  assert.equal(hasPauseAnnotation(paused), true);
  assert.equal(hasPauseAnnotation(so(healthy)), false);
});
