// Both Event APIs read into one record; time precedence; repeats folded; involved-object matching.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventInvolves,
  eventsAbout,
  foldEvents,
  mergeEvents,
  normalizeEvent,
  type AnyKubeEvent,
  type CoreV1Event,
  type EventsV1Event,
} from './events.js';

const meta = (name: string, uid?: string, created = '2026-11-30T08:00:00Z') => ({
  name,
  namespace: 'orders',
  ...(uid ? { uid } : {}),
  creationTimestamp: created,
});
const so = { kind: 'ScaledObject', name: 'orders-processor', namespace: 'orders', uid: 'so-1' };

describe('normalizeEvent: time = series.lastObservedTime ?? lastTimestamp ?? eventTime ?? creationTimestamp', () => {
  const cases: Array<[string, AnyKubeEvent, string, string]> = [
    [
      'core/v1 with series',
      {
        metadata: meta('a'),
        involvedObject: so,
        series: { count: 4, lastObservedTime: '2026-11-30T08:05:00.123456Z' },
        lastTimestamp: '2026-11-30T08:04:00Z',
        eventTime: '2026-11-30T08:01:00.000000Z',
        firstTimestamp: null,
      } as CoreV1Event,
      '2026-11-30T08:05:00.123Z',
      '2026-11-30T08:01:00.000Z',
    ],
    [
      'core/v1 classic',
      {
        metadata: meta('b'),
        involvedObject: so,
        firstTimestamp: '2026-11-30T07:50:00Z',
        lastTimestamp: '2026-11-30T08:04:00Z',
        count: 3,
      } as CoreV1Event,
      '2026-11-30T08:04:00.000Z',
      '2026-11-30T07:50:00.000Z',
    ],
    [
      'core/v1 written by the new recorder (KEDA 2.20): eventTime only',
      {
        metadata: meta('c'),
        involvedObject: so,
        eventTime: '2026-11-30T08:02:00.000000Z',
        firstTimestamp: null,
        lastTimestamp: null,
        reportingComponent: 'keda-operator',
        source: {},
      } as CoreV1Event,
      '2026-11-30T08:02:00.000Z',
      '2026-11-30T08:02:00.000Z',
    ],
    [
      'core/v1 with nothing but its creation',
      { metadata: meta('d'), involvedObject: so } as CoreV1Event,
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
    ],
    [
      'events.k8s.io/v1 with series',
      {
        apiVersion: 'events.k8s.io/v1',
        metadata: meta('e'),
        regarding: so,
        eventTime: '2026-11-30T08:01:00.000000Z',
        series: { count: 2, lastObservedTime: '2026-11-30T08:06:00Z' },
        note: 'x',
      } as EventsV1Event,
      '2026-11-30T08:06:00.000Z',
      '2026-11-30T08:01:00.000Z',
    ],
    [
      'events.k8s.io/v1 of an old-style event: deprecated timestamps',
      {
        apiVersion: 'events.k8s.io/v1',
        metadata: meta('f'),
        regarding: so,
        deprecatedFirstTimestamp: '2026-11-30T07:40:00Z',
        deprecatedLastTimestamp: '2026-11-30T08:03:00Z',
        deprecatedCount: 5,
        eventTime: null,
      } as EventsV1Event,
      '2026-11-30T08:03:00.000Z',
      '2026-11-30T07:40:00.000Z',
    ],
  ];
  for (const [name, event, time, first] of cases) {
    test(name, () => {
      const r = normalizeEvent(event);
      assert.equal(new Date(r.time).toISOString(), time);
      assert.equal(new Date(r.firstTime).toISOString(), first);
    });
  }

  test('fields of each shape', () => {
    const core = normalizeEvent({
      metadata: meta('g', 'u1'),
      involvedObject: so,
      reason: 'KEDAScaleTargetActivated',
      message: 'Scaled … from 0 to 1',
      type: 'Normal',
      count: 2,
      source: { component: 'keda-operator' },
    } as CoreV1Event);
    assert.deepEqual(
      [core.key, core.reason, core.message, core.count, core.source, core.involved.name],
      ['u1', 'KEDAScaleTargetActivated', 'Scaled … from 0 to 1', 2, 'keda-operator', 'orders-processor'],
    );
    const newer = normalizeEvent({
      apiVersion: 'events.k8s.io/v1',
      metadata: meta('h'),
      regarding: so,
      reason: 'KEDAScalerFailed',
      note: 'error: <b>not html</b>',
      type: 'Warning',
      reportingController: 'keda-operator',
    } as EventsV1Event);
    assert.deepEqual(
      [newer.key, newer.type, newer.message, newer.count, newer.source],
      ['orders/h', 'Warning', 'error: <b>not html</b>', 1, 'keda-operator'],
    );
  });
});

describe('foldEvents', () => {
  const rescale = (name: string, uid: string, at: string, count = 1): CoreV1Event => ({
    metadata: meta(name, uid),
    involvedObject: {
      kind: 'HorizontalPodAutoscaler',
      name: 'keda-hpa-orders-processor',
      namespace: 'orders',
    },
    reason: 'SuccessfulRescale',
    message: 'New size: 5; reason: …',
    type: 'Normal',
    count,
    firstTimestamp: at,
    lastTimestamp: at,
    source: { component: 'horizontal-pod-autoscaler' },
  });

  test('repeats (same object, reason, source, message) become one record with the summed count', () => {
    const folded = mergeEvents([
      rescale('a', 'u1', '2026-11-30T08:10:00Z', 2),
      rescale('b', 'u2', '2026-11-30T08:00:00Z'),
      { ...rescale('c', 'u3', '2026-11-30T08:05:00Z'), message: 'New size: 4; reason: …' },
    ]);
    assert.deepEqual(
      folded.map((r) => [
        r.message,
        r.count,
        new Date(r.firstTime).toISOString(),
        new Date(r.time).toISOString(),
        r.keys,
      ]),
      [
        ['New size: 4; reason: …', 1, '2026-11-30T08:05:00.000Z', '2026-11-30T08:05:00.000Z', undefined],
        ['New size: 5; reason: …', 3, '2026-11-30T08:00:00.000Z', '2026-11-30T08:10:00.000Z', ['u2', 'u1']],
      ],
    );
  });

  test('the same event seen through both APIs (same uid) counts once, newest version wins', () => {
    const core = rescale('a', 'u1', '2026-11-30T08:00:00Z');
    const same = { ...core, count: 2, lastTimestamp: '2026-11-30T08:01:00Z' };
    const folded = foldEvents([normalizeEvent(core), normalizeEvent(same)]);
    assert.equal(folded.length, 1);
    assert.equal(folded[0]!.count, 2);
  });
});

describe('eventInvolves', () => {
  const record = normalizeEvent({ metadata: meta('x'), involvedObject: so } as CoreV1Event);
  const cases: Array<[string, Parameters<typeof eventInvolves>[1], boolean]> = [
    ['kind and name', [{ kind: 'ScaledObject', name: 'orders-processor' }], true],
    ['and namespace', [{ kind: 'ScaledObject', name: 'orders-processor', namespace: 'orders' }], true],
    ['other namespace', [{ kind: 'ScaledObject', name: 'orders-processor', namespace: 'payments' }], false],
    ['other kind', [{ kind: 'ScaledJob', name: 'orders-processor' }], false],
    ['same uid', [{ kind: 'ScaledObject', name: 'orders-processor', uid: 'so-1' }], true],
    [
      'a re-created object (other uid)',
      [{ kind: 'ScaledObject', name: 'orders-processor', uid: 'so-2' }],
      false,
    ],
    [
      'any of several',
      [
        { kind: 'Deployment', name: 'x' },
        { kind: 'ScaledObject', name: 'orders-processor' },
      ],
      true,
    ],
  ];
  for (const [name, objects, expected] of cases)
    test(name, () => assert.equal(eventInvolves(record, objects), expected));

  test('eventsAbout filters', () =>
    assert.deepEqual(eventsAbout([record], [{ kind: 'Deployment', name: 'orders-processor' }]), []));
});
