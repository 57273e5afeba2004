import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../kube/events.js';
import type { Condition } from '../kube/types.js';
import {
  countStates,
  mostActive,
  parseRange,
  readableMessage,
  replicasOf,
  scaledObjectStateCounts,
  scalingEvents,
  stateFilter,
} from './overview.js';
import type { ScaledObject } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');
const c = (type: string, status: string, reason?: string): Condition => ({ type, status, reason });

function so(name: string, namespace: string, conditions: Condition[], hpaName?: string): ScaledObject {
  return {
    metadata: { name, namespace },
    spec: { scaleTargetRef: { name }, triggers: [] },
    status: { conditions, ...(hpaName ? { hpaName } : {}) },
  };
}

const ready = [c('Ready', 'True'), c('Active', 'False', 'ScalerNotActive'), c('Paused', 'False')];
const active = [c('Ready', 'True'), c('Active', 'True', 'ScalerActive')];
const paused = [c('Ready', 'True'), c('Paused', 'True', 'ScaledObjectPaused')];
const failed = [c('Ready', 'False', 'ScaledObjectCheckFailed')];
const fallback = [c('Ready', 'True'), c('Fallback', 'True', 'FallbackExists')];

function event(
  reason: string,
  kind: string,
  namespace: string,
  name: string,
  minutesAgo: number,
  message = '',
  extra: Partial<EventRecord> = {},
): EventRecord {
  const time = now - minutesAgo * 60_000;
  return {
    key: `${kind}/${name}/${reason}/${minutesAgo}`,
    time,
    firstTime: time,
    type: 'Normal',
    reason,
    message,
    count: 1,
    source: kind === 'HorizontalPodAutoscaler' ? 'horizontal-pod-autoscaler' : 'keda-operator',
    involved: { kind, namespace, name },
    ...extra,
  };
}

test('counts by state: the six main states always, others only when they occur', () => {
  const counts = scaledObjectStateCounts(
    [
      so('a', 'x', ready),
      so('b', 'x', active),
      so('c', 'y', active),
      so('d', 'y', paused),
      so('e', 'y', failed),
      so('f', 'z', fallback),
      so('g', 'z', []),
    ],
    now,
  );
  assert.equal(counts.total, 7);
  assert.deepEqual(
    counts.states.map((s) => `${s.label}=${s.count}`),
    ['Ready=1', 'Active=2', 'Cooldown=0', 'Fallback=1', 'Paused=1', 'Error=1', 'Pending=1'],
  );
  assert.deepEqual(countStates([]).states.length, 6);
  assert.equal(stateFilter('paused'), 'state:paused');
});

test('a pause annotation KEDA has not reported yet counts as Paused, as the list filter state:paused shows it', () => {
  const annotated = so('h', 'x', active);
  annotated.metadata.annotations = { 'autoscaling.keda.sh/paused-replicas': '2' };
  const counts = scaledObjectStateCounts([annotated, so('i', 'x', active)], now);
  assert.deepEqual(
    counts.states.filter((s) => s.count > 0).map((s) => `${s.label}=${s.count}`),
    ['Active=1', 'Paused=1'],
  );
});

test('replica numbers from KEDA and HPA messages', () => {
  const cases: Array<[string, { from?: number; to?: number }]> = [
    [
      'Scaled apps/v1.Deployment default/rabbitmq-consumer from 0 to 1, triggered by s0-rabbitmq-hello',
      { from: 0, to: 1 },
    ],
    ['Deactivated apps/v1.Deployment default/x from 3 to 0', { from: 3, to: 0 }],
    ['New size: 4; reason: external metric s0-rabbitmq-hello(&LabelSelector{}) above target', { to: 4 }],
    ['Started scalers watch', {}],
  ];
  for (const [message, expected] of cases) assert.deepEqual(replicasOf(message), expected, message);
});

test('scaling events: KEDA and HPA events of KEDA objects in the window, newest first', () => {
  const objects = [so('orders', 'shop', active), so('custom', 'shop', active, 'my-hpa')];
  const events = [
    event(
      'KEDAScaleTargetActivated',
      'ScaledObject',
      'shop',
      'orders',
      10,
      'Scaled apps/v1.Deployment shop/orders from 0 to 1, triggered by s0',
    ),
    event(
      'SuccessfulRescale',
      'HorizontalPodAutoscaler',
      'shop',
      'keda-hpa-orders',
      8,
      'New size: 4; reason: above target',
    ),
    event(
      'SuccessfulRescale',
      'HorizontalPodAutoscaler',
      'shop',
      'my-hpa',
      5,
      'New size: 2; reason: above target',
    ),
    // Not KEDA's HPA, not a scaling reason, too old, unknown ScaledObject:
    event('SuccessfulRescale', 'HorizontalPodAutoscaler', 'shop', 'web', 4, 'New size: 3'),
    event('KEDAScalersStarted', 'ScaledObject', 'shop', 'orders', 3, 'Started scalers watch'),
    event('KEDAScaleTargetDeactivated', 'ScaledObject', 'shop', 'orders', 90, 'from 1 to 0'),
    event('KEDAScaleTargetActivated', 'ScaledObject', 'other', 'orders', 2, 'from 0 to 1'),
  ];
  const got = scalingEvents(events, objects, [], now - 3_600_000);
  assert.deepEqual(
    got.map((e) => [e.owner.name, e.event.reason, e.to]),
    [
      ['custom', 'SuccessfulRescale', 2],
      ['orders', 'SuccessfulRescale', 4],
      ['orders', 'KEDAScaleTargetActivated', 1],
    ],
  );
  // The size before an HPA rescale is where the previous change of the same ScaledObject left it.
  assert.deepEqual(
    got.map((e) => e.from),
    [undefined, 1, 0],
  );
});

test('most active: changes counted with repeats, warnings left out, ties by recency', () => {
  const objects = [so('a', 'n', active), so('b', 'n', active), so('c', 'n', active)];
  const events = scalingEvents(
    [
      event('SuccessfulRescale', 'HorizontalPodAutoscaler', 'n', 'keda-hpa-a', 30, 'New size: 2', {
        count: 3,
      }),
      event('SuccessfulRescale', 'HorizontalPodAutoscaler', 'n', 'keda-hpa-b', 20, 'New size: 5'),
      event('KEDAScaleTargetActivated', 'ScaledObject', 'n', 'b', 25, 'from 0 to 1'),
      event('KEDAScaleTargetActivated', 'ScaledObject', 'n', 'c', 1, 'from 0 to 1'),
      event('FailedRescale', 'HorizontalPodAutoscaler', 'n', 'keda-hpa-c', 2, 'New size: 9', {
        type: 'Warning',
        count: 10,
      }),
    ],
    objects,
    [],
    now - 3_600_000,
  );
  assert.deepEqual(
    mostActive(events).map((a) => `${a.name}:${a.changes}:${a.replicas}`),
    ['a:3:2', 'b:2:5', 'c:1:1'],
  );
  assert.equal(mostActive(events, 1).length, 1);
});

test('ranges', () => {
  const cases: Array<[string | undefined, number | undefined]> = [
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['90s', 90_000],
    ['2d', 172_800_000],
    ['0m', undefined],
    ['1w', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [text, ms] of cases) assert.equal(parseRange(text), ms, String(text));
});

test('readable messages drop the printed label selector only', () => {
  assert.equal(
    readableMessage(
      'New size: 4; reason: external metric s0-rabbitmq-hello(&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: rabbitmq-consumer,},MatchExpressions:[]LabelSelectorRequirement{},}) above target',
    ),
    'New size: 4; reason: external metric s0-rabbitmq-hello above target',
  );
  assert.equal(
    readableMessage('New size: 1; reason: All metrics below target'),
    'New size: 1; reason: All metrics below target',
  );
});
