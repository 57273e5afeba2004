import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '../kube/types.js';
import { annotatedScaledObjectState, cooldownLeftMs, scaledObjectState } from './state.js';
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

test('2.20.0–2.20.1 ScalingDegraded: an error carrying Ready as KEDA wrote it', () => {
  const message =
    'Not ready because HPA is not healthy: FailedGetExternalMetric and SO is not healthy: TriggerError - Triggers defined in ScaledObject are not working correctly';
  const state = scaledObjectState(
    so([
      c('Ready', 'False', 'ScalingDegraded', message),
      c('Active', 'True', 'ScalerActive'),
      c('Fallback', 'False'),
    ]),
    now,
  );
  assert.deepEqual(
    {
      kind: state.kind,
      label: state.label,
      reason: state.condition?.reason,
      message: state.condition?.message,
    },
    { kind: 'error', label: 'Error', reason: 'ScalingDegraded', message },
  );
});

const reportedPaused = [
  ...healthy.filter((x) => x.type !== 'Paused'),
  c('Paused', 'True', 'ScaledObjectPaused', 'ScaledObject is paused'),
];

const annotated = (annotations: Record<string, string>, conditions: Condition[] = healthy) => {
  const object = so(conditions);
  object.metadata.annotations = annotations;
  return annotatedScaledObjectState(object, now);
};

test('paused and paused-replicas show as Paused from the annotation, before KEDA reports Paused=True', () => {
  const cases: Array<[string, Record<string, string>, Condition[], string, string]> = [
    ['paused-replicas', { 'autoscaling.keda.sh/paused-replicas': '3' }, healthy, 'paused', 'Paused at 3'],
    ['paused-replicas 0', { 'autoscaling.keda.sh/paused-replicas': '0' }, healthy, 'paused', 'Paused at 0'],
    ['paused', { 'autoscaling.keda.sh/paused': 'true' }, healthy, 'paused', 'Paused'],
    ['paused, not a bool: true', { 'autoscaling.keda.sh/paused': 'yes' }, healthy, 'paused', 'Paused'],
    ['paused false', { 'autoscaling.keda.sh/paused': 'false' }, healthy, 'ready', 'Ready'],
    [
      'paused-replicas beats paused false',
      { 'autoscaling.keda.sh/paused': 'false', 'autoscaling.keda.sh/paused-replicas': '1' },
      healthy,
      'paused',
      'Paused at 1',
    ],
    ['before any condition', { 'autoscaling.keda.sh/paused-replicas': '2' }, [], 'paused', 'Paused at 2'],
    [
      'an invalid count still pauses',
      { 'autoscaling.keda.sh/paused-replicas': 'two' },
      healthy,
      'paused',
      'Paused',
    ],
    [
      'a check error comes first',
      { 'autoscaling.keda.sh/paused-replicas': 'two' },
      [c('Ready', 'False', 'ScaledObjectCheckFailed')],
      'error',
      'Error',
    ],
    [
      'fallback comes first',
      { 'autoscaling.keda.sh/paused': 'true' },
      [c('Ready', 'True'), c('Fallback', 'True', 'FallbackExists')],
      'fallback',
      'Fallback',
    ],
    [
      'scale-in only',
      { 'autoscaling.keda.sh/paused-scale-in': 'true' },
      healthy,
      'paused',
      'Scale-in paused',
    ],
    [
      'scale-out only',
      { 'autoscaling.keda.sh/paused-scale-out': 'true' },
      healthy,
      'paused',
      'Scale-out paused',
    ],
    [
      'scale-in and scale-out',
      { 'autoscaling.keda.sh/paused-scale-in': 'true', 'autoscaling.keda.sh/paused-scale-out': 'true' },
      healthy,
      'paused',
      'Paused',
    ],
    [
      'a full pause says more than a one-way one',
      { 'autoscaling.keda.sh/paused-scale-in': 'true', 'autoscaling.keda.sh/paused-replicas': '4' },
      healthy,
      'paused',
      'Paused at 4',
    ],
    ['scale-in false', { 'autoscaling.keda.sh/paused-scale-in': 'false' }, healthy, 'ready', 'Ready'],
    [
      'scale-in reported by KEDA keeps its own label',
      { 'autoscaling.keda.sh/paused-scale-in': 'true' },
      reportedPaused,
      'paused',
      'Scale-in paused',
    ],
  ];
  for (const [name, annotations, conditions, kind, label] of cases) {
    const state = annotated(annotations, conditions);
    assert.equal(state.kind, kind, name);
    assert.equal(state.label, label, name);
  }
});

test('the pause note says which annotation, what KEDA does and whether KEDA has reported it', () => {
  const early = annotated({ 'autoscaling.keda.sh/paused-replicas': '3' });
  assert.equal(
    early.pauseNote,
    'autoscaling.keda.sh/paused-replicas: "3": KEDA stops scaling, deletes the HPA and holds the target at 3 replicas; KEDA has not reported Paused=True yet',
  );
  assert.equal(early.condition, undefined);

  const pausedCondition = c('Paused', 'True', 'ScaledObjectPaused', 'ScaledObject is paused');
  const reported = annotated({ 'autoscaling.keda.sh/paused-replicas': '3' }, [
    c('Ready', 'True'),
    pausedCondition,
  ]);
  assert.equal(reported.label, 'Paused at 3');
  assert.equal(reported.condition, pausedCondition);
  assert.match(reported.pauseNote ?? '', /holds the target at 3 replicas$/);

  assert.match(
    annotated({ 'autoscaling.keda.sh/paused': 'true' }).pauseNote ?? '',
    /^autoscaling\.keda\.sh\/paused: "true": KEDA stops scaling, deletes the HPA and keeps the current replicas;/,
  );
  assert.match(
    annotated({ 'autoscaling.keda.sh/paused-replicas': 'two' }).pauseNote ?? '',
    /"two": KEDA stops scaling but cannot scale to it \(strconv\.ParseInt: parsing "two": invalid syntax\)/,
  );
  assert.equal(annotated({}).pauseNote, undefined);
});

test('a one-way pause says which direction KEDA keeps and which it stops', () => {
  assert.equal(
    annotated({ 'autoscaling.keda.sh/paused-scale-out': 'true' }).pauseNote,
    'autoscaling.keda.sh/paused-scale-out: "true": KEDA keeps the HPA but disables its scale-up and does not activate from zero; KEDA has not reported Paused=True yet',
  );
  assert.equal(
    annotated(
      { 'autoscaling.keda.sh/paused-scale-in': 'true', 'autoscaling.keda.sh/paused-scale-out': 'true' },
      reportedPaused,
    ).pauseNote,
    'autoscaling.keda.sh/paused-scale-in: "true": KEDA keeps the HPA but disables its scale-down and does not scale to zero; autoscaling.keda.sh/paused-scale-out: "true": KEDA keeps the HPA but disables its scale-up and does not activate from zero',
  );
});

test('force-activation is noted whatever the state, with no effect while paused; false or absent is not', () => {
  const forced = annotated({ 'autoscaling.keda.sh/force-activation': 'true' }, [
    ...healthy,
    c('Active', 'False', 'ScalerNotActive'),
  ]);
  assert.equal(forced.kind, 'ready');
  assert.equal(
    forced.forceNote,
    'autoscaling.keda.sh/force-activation: "true": KEDA treats it as active whatever its triggers report',
  );
  const pausedToo = annotated({
    'autoscaling.keda.sh/force-activation': 'true',
    'autoscaling.keda.sh/paused-replicas': '1',
  });
  assert.equal(pausedToo.kind, 'paused');
  assert.match(pausedToo.forceNote ?? '', /\(no effect while paused\)$/);
  assert.equal(annotated({ 'autoscaling.keda.sh/force-activation': 'false' }).forceNote, undefined);
  assert.equal(annotated({}).forceNote, undefined);
  // Not a Go boolean: KEDA reads it as true.
  assert.ok(annotated({ 'autoscaling.keda.sh/force-activation': 'on' }).forceNote);
});
