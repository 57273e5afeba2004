/**
 * Events: one stored object served as core/v1 and events.k8s.io/v1 (field conversion both ways),
 * their validation, field selectors for list and watch (HTTP, WebSocket, @kubernetes/client-node).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { ApiError, eventResource, eventsV1EventResource } from './index.ts';
import { coreEventToEventsV1, eventsV1ToCoreEvent } from './registry/builtin.ts';
import type { KObject } from './registry/types.ts';
import { httpWatch, startCluster, waitFor, wsWatch, type Running } from './test-helpers.ts';

type Obj = KubeObject & Record<string, unknown>;

async function apiError(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an ApiError');
}

const SO_REF = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  name: 'rabbitmq-consumer',
  namespace: 'default',
  uid: 'u-1',
};

function kedaEvent(name: string, extra: Record<string, unknown> = {}): Obj {
  return {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    eventTime: '2026-01-02T03:04:05.123456Z',
    reportingController: 'keda-operator',
    reportingInstance: 'keda-operator-7d9f8',
    action: 'ScalersWatchStarted',
    reason: 'KEDAScalersStarted',
    regarding: SO_REF,
    note: 'Started scalers watch',
    type: 'Normal',
    ...extra,
  };
}

function hpaEvent(name: string, extra: Record<string, unknown> = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      name: 'keda-hpa-rabbitmq-consumer',
      namespace: 'default',
    },
    reason: 'SuccessfulRescale',
    message: 'New size: 4; reason: external metric s0-rabbitmq-hello above target',
    source: { component: 'horizontal-pod-autoscaler' },
    firstTimestamp: '2026-01-02T03:04:05Z',
    lastTimestamp: '2026-01-02T03:09:05Z',
    count: 3,
    type: 'Normal',
    ...extra,
  };
}

describe('Event conversion (pkg/apis/events/v1)', () => {
  test('core/v1 → events.k8s.io/v1 maps every field; Go zero values as the API serializes them', () => {
    const core = hpaEvent('e', {
      action: 'Rescale',
      related: { kind: 'Deployment', name: 'web' },
      reportingComponent: 'hpa',
      reportingInstance: 'kcm-1',
      series: { count: 2, lastObservedTime: '2026-01-02T03:09:05.000000Z' },
    }) as KObject;
    const v1 = coreEventToEventsV1(core);
    assert.deepEqual(v1, {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      eventTime: null,
      series: { count: 2, lastObservedTime: '2026-01-02T03:09:05.000000Z' },
      reportingController: 'hpa',
      reportingInstance: 'kcm-1',
      action: 'Rescale',
      reason: 'SuccessfulRescale',
      regarding: core.involvedObject,
      related: { kind: 'Deployment', name: 'web' },
      note: core.message,
      type: 'Normal',
      deprecatedSource: { component: 'horizontal-pod-autoscaler' },
      deprecatedFirstTimestamp: '2026-01-02T03:04:05Z',
      deprecatedLastTimestamp: '2026-01-02T03:09:05Z',
      deprecatedCount: 3,
    });
    assert.deepEqual(eventsV1ToCoreEvent(v1), { ...core, eventTime: null });
  });

  test('events.k8s.io/v1 → core/v1: source {}, null timestamps, empty reportingComponent kept', () => {
    const core = eventsV1ToCoreEvent(kedaEvent('k') as KObject);
    assert.deepEqual(core, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'k', namespace: 'default' },
      involvedObject: SO_REF,
      reason: 'KEDAScalersStarted',
      message: 'Started scalers watch',
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: 'Normal',
      eventTime: '2026-01-02T03:04:05.123456Z',
      action: 'ScalersWatchStarted',
      reportingComponent: 'keda-operator',
      reportingInstance: 'keda-operator-7d9f8',
    });
    assert.deepEqual(coreEventToEventsV1(core), {
      ...kedaEvent('k'),
      deprecatedSource: {},
      deprecatedFirstTimestamp: null,
      deprecatedLastTimestamp: null,
    });
  });
});

describe('Events: one storage, two APIs', () => {
  let sim: Running;
  before(async () => {
    sim = await startCluster({ seed: 9, simulation: false });
  });
  after(async () => {
    await sim.cluster.close();
  });
  const ref = (name: string) => ({ namespace: 'default', name });

  test('a write through either API reads back through the other in its own shape', async () => {
    const c = sim.cluster.client;
    const created = await c.create<Obj>(eventsV1EventResource, kedaEvent('so.1'));
    const asCore = await c.get<Obj>(eventResource, ref('so.1'));
    assert.equal(asCore.apiVersion, 'v1');
    assert.equal(asCore.message, 'Started scalers watch');
    assert.equal(asCore.reportingComponent, 'keda-operator');
    assert.deepEqual(asCore.involvedObject, SO_REF);
    assert.deepEqual(asCore.source, {});
    assert.equal(asCore.firstTimestamp, null);
    assert.equal(asCore.metadata.resourceVersion, created.metadata.resourceVersion);
    assert.equal(asCore.metadata.uid, created.metadata.uid);

    await c.create(eventResource, hpaEvent('hpa.1'));
    const asV1 = await c.get<Obj>(eventsV1EventResource, ref('hpa.1'));
    assert.equal(asV1.apiVersion, 'events.k8s.io/v1');
    assert.equal(asV1.note, 'New size: 4; reason: external metric s0-rabbitmq-hello above target');
    assert.deepEqual(asV1.deprecatedSource, { component: 'horizontal-pod-autoscaler' });
    assert.equal(asV1.deprecatedCount, 3);
    assert.equal(asV1.eventTime, null);

    const both = [
      (await c.list(eventResource, { namespace: 'default' })).items.length,
      (await c.list(eventsV1EventResource, { namespace: 'default' })).items.length,
    ];
    assert.deepEqual(both, [2, 2]);
    await c.delete(eventResource, ref('hpa.1'));
    await assert.rejects(() => c.get(eventsV1EventResource, ref('hpa.1')), /not found/);
  });

  test('events.k8s.io/v1 validation: MicroTime format, required fields, only the series may change', async () => {
    const c = sim.cluster.client;
    const micro = await apiError(() =>
      c.create(eventsV1EventResource, kedaEvent('bad', { eventTime: '2026-01-02T03:04:05Z' })),
    );
    assert.equal(micro.code, 400);
    assert.equal(
      micro.message,
      'Event in version "v1" cannot be handled as a Event: parsing time "2026-01-02T03:04:05Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    );
    const missing = await apiError(() =>
      c.create(
        eventsV1EventResource,
        kedaEvent('bad', { reportingController: undefined, action: undefined }),
      ),
    );
    assert.equal(missing.code, 422);
    assert.equal(
      missing.message,
      'Event.events.k8s.io "bad" is invalid: [reportingController: Required value, action: Required value]',
    );
    const noTime = await apiError(() =>
      c.create(eventsV1EventResource, kedaEvent('bad', { eventTime: undefined })),
    );
    assert.match(noTime.message, /eventTime: Required value/);

    await c.create(eventsV1EventResource, kedaEvent('so.2'));
    const series = await c.patch<Obj>(eventsV1EventResource, ref('so.2'), 'merge', {
      series: { count: 2, lastObservedTime: '2026-01-02T03:05:05.000000Z' },
    });
    assert.deepEqual(series.series, { count: 2, lastObservedTime: '2026-01-02T03:05:05.000000Z' });
    const note = await apiError(() =>
      c.patch(eventsV1EventResource, ref('so.2'), 'merge', { note: 'changed' }),
    );
    assert.equal(note.code, 422);
    assert.equal(
      note.message,
      'Event.events.k8s.io "so.2" is invalid: message: Invalid value: "changed": field is immutable',
    );
    // core/v1 keeps the legacy (lenient) update rules.
    const viaCore = await c.patch<Obj>(eventResource, ref('so.2'), 'merge', { message: 'changed' });
    assert.equal(viaCore.message, 'changed');
  });

  test('field selectors: core/v1 involvedObject.*, source, reportingComponent; events.k8s.io regarding.* only', async () => {
    const c = sim.cluster.client;
    await c.create(eventResource, hpaEvent('hpa.2', { type: 'Warning', reason: 'FailedGetExternalMetric' }));
    const byObject = await c.list(eventResource, {
      fieldSelector: 'involvedObject.kind=ScaledObject,involvedObject.name=rabbitmq-consumer',
    });
    assert.deepEqual(byObject.items.map((e) => e.metadata.name).sort(), ['so.1', 'so.2']);
    const bySource = await c.list(eventResource, { fieldSelector: 'source=keda-operator' });
    assert.deepEqual(bySource.items.map((e) => e.metadata.name).sort(), ['so.1', 'so.2']);
    assert.equal(
      (await c.list(eventResource, { fieldSelector: 'source=horizontal-pod-autoscaler' })).items.length,
      1,
    );
    assert.equal(
      (await c.list(eventResource, { fieldSelector: 'reportingComponent=keda-operator,type=Normal' })).items
        .length,
      2,
    );
    assert.equal(
      (await c.list(eventResource, { fieldSelector: 'involvedObject.uid=u-1,reason!=KEDAScalersStarted' }))
        .items.length,
      0,
    );
    const v1 = await c.list(eventsV1EventResource, {
      fieldSelector: 'regarding.kind=HorizontalPodAutoscaler,type=Warning',
    });
    assert.deepEqual(
      v1.items.map((e) => e.metadata.name),
      ['hpa.2'],
    );
    assert.equal(
      (await c.list(eventsV1EventResource, { fieldSelector: 'reportingController=keda-operator' })).items
        .length,
      2,
    );
    const coreName = await apiError(() =>
      c.list(eventsV1EventResource, { fieldSelector: 'involvedObject.name=x' }),
    );
    assert.equal(coreName.code, 400);
    assert.equal(coreName.message, 'field label not supported: involvedObject.name');
    const v1Name = await apiError(() => c.list(eventResource, { fieldSelector: 'regarding.name=x' }));
    assert.equal(v1Name.message, 'field label not supported: regarding.name');
    const sourceOnV1 = await apiError(() => c.list(eventsV1EventResource, { fieldSelector: 'source=x' }));
    assert.equal(sourceOnV1.message, 'field label not supported: source');
  });

  test('@kubernetes/client-node: a watch on events.k8s.io/v1 sees an event written through core/v1', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.cluster.kubeconfig(sim.url));
    const seen: { type: string; object: Obj }[] = [];
    const watch = new k8s.Watch(kc);
    const controller = await watch.watch(
      '/apis/events.k8s.io/v1/namespaces/default/events',
      {
        resourceVersion: sim.cluster.resourceVersion,
        fieldSelector: 'regarding.kind=HorizontalPodAutoscaler',
      },
      (type, object: Obj) => seen.push({ type, object }),
      () => {},
    );
    try {
      await waitFor(() => sim.cluster.openWatches >= 1, 3000, 'watch open');
      await sim.cluster.client.create(eventResource, hpaEvent('hpa.3'));
      await waitFor(() => seen.length >= 1, 3000, 'the ADDED event');
      const first = seen[0];
      assert.equal(first?.type, 'ADDED');
      assert.equal(first?.object.apiVersion, 'events.k8s.io/v1');
      assert.equal(first?.object.metadata.name, 'hpa.3');
      assert.equal(first?.object.note, 'New size: 4; reason: external metric s0-rabbitmq-hello above target');
      assert.deepEqual(first?.object.deprecatedSource, { component: 'horizontal-pod-autoscaler' });
      assert.equal(first?.object.message, undefined);
    } finally {
      controller.abort();
    }
  });

  for (const transport of ['HTTP', 'WebSocket'] as const) {
    test(`field-selector watch over ${transport}: events enter and leave the selection`, async () => {
      const c = sim.cluster.client;
      const name = `enter-leave-${transport.toLowerCase()}`;
      const path =
        `/api/v1/namespaces/default/events?watch=true&resourceVersion=${sim.cluster.resourceVersion}` +
        `&fieldSelector=${encodeURIComponent('type=Warning,involvedObject.kind=HorizontalPodAutoscaler')}`;
      const options = { token: sim.cluster.adminToken, caPem: sim.caPem };
      const stream =
        transport === 'HTTP'
          ? await httpWatch(sim.url, path, options)
          : await wsWatch(sim.url, path, options);
      try {
        await c.create(eventResource, hpaEvent(name));
        await c.create(eventsV1EventResource, kedaEvent(`${name}-keda`, { type: 'Warning' }));
        await c.patch(eventResource, ref(name), 'merge', { type: 'Warning', count: 4 });
        await c.patch(eventResource, ref(name), 'merge', { count: 5 });
        await c.patch(eventResource, ref(name), 'merge', { type: 'Normal', count: 6 });
        const events = await stream.take(3);
        assert.deepEqual(
          events.map((e) => [e.type, e.object.metadata.name, e.object.count]),
          [
            ['ADDED', name, 4],
            ['MODIFIED', name, 5],
            ['DELETED', name, 5],
          ],
        );
        assert.equal(events[0]?.object.apiVersion, 'v1');
        assert.equal(events[2]?.object.metadata.resourceVersion, sim.cluster.resourceVersion);
      } finally {
        stream.close();
      }
    });
  }
});
