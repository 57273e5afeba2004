// The MetricsSampler's request policy and series, over the fake transport and an injected clock.
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeKubeClient } from '../../test/fake-kube-client.js';
import type { HorizontalPodAutoscaler, MetricStatus } from '../core/kube/autoscaling.js';
import type { ResourceScope, ResourceType } from '../core/kube/resource.js';
import type { KubeList, KubeObject } from '../core/kube/types.js';
import type { ScaledObject } from '../core/keda/types.js';
import { KedaStore } from './keda-store.js';
import type { ListOptions } from './kube-client.js';
import { RingBuffer } from './metrics-sampler-ring.js';
import {
  MetricsSampler,
  type HistoryRecord,
  type HistoryStore,
  type SamplerScheduler,
} from './metrics-sampler.js';

const NS = 'orders';

/** The fake transport, also recording each list's options (the label selector matters here). */
class RecordingClient extends FakeKubeClient {
  readonly lists: Array<{ plural: string; namespace?: string; options?: ListOptions }> = [];
  override async list<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope = {},
    options?: ListOptions,
  ): Promise<KubeList<T>> {
    this.lists.push({ plural: type.plural, ...scope, ...(options ? { options } : {}) });
    return super.list<T>(type, scope);
  }
  externalRequests(): number {
    return this.lists.filter((l) => l.plural.startsWith('s0-')).length;
  }
}

/** A stepped clock: timers run only when the test advances time. */
class SteppedScheduler implements SamplerScheduler {
  time = Date.UTC(2026, 10, 30, 8, 0, 0);
  private timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = [];
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, callback, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function scaledObject(
  options: { pollingInterval?: number; annotations?: Record<string, string> } = {},
): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: 'orders-processor',
      namespace: NS,
      uid: 'so-1',
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      scaleTargetRef: { name: 'orders-processor' },
      ...(options.pollingInterval === undefined ? {} : { pollingInterval: options.pollingInterval }),
      minReplicaCount: 0,
      maxReplicaCount: 5,
      triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', mode: 'QueueLength', value: '50' } }],
    },
    status: { externalMetricNames: ['s0-rabbitmq-orders'], hpaName: 'keda-hpa-orders-processor' },
  } as ScaledObject;
}

function hpa(currentReplicas: number, current: MetricStatus[] = []): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'keda-hpa-orders-processor', namespace: NS, uid: 'hpa-1' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-processor' },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [
        {
          type: 'External',
          external: {
            metric: {
              name: 's0-rabbitmq-orders',
              selector: { matchLabels: { 'scaledobject.keda.sh/name': 'orders-processor' } },
            },
            target: { type: 'AverageValue', averageValue: '50' },
          },
        },
      ],
    },
    status: {
      currentReplicas,
      desiredReplicas: currentReplicas,
      ...(current.length ? { currentMetrics: current } : {}),
    },
  };
}

const averageValue = (v: string): MetricStatus => ({
  type: 'External',
  external: { metric: { name: 's0-rabbitmq-orders' }, current: { averageValue: v } },
});

function deployment(spec: number, status: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'orders-processor', namespace: NS, uid: 'dep-1' },
    spec: { replicas: spec },
    status: { replicas: status },
  } as KubeObject;
}

function externalValue(value: string): KubeObject {
  return {
    kind: 'ExternalMetricValue',
    metadata: { name: 's0-rabbitmq-orders', namespace: NS },
    metricName: 's0-rabbitmq-orders',
    value,
  } as KubeObject;
}

describe('MetricsSampler', () => {
  let client: RecordingClient;
  let store: KedaStore;
  let clock: SteppedScheduler;
  let sampler: MetricsSampler;
  const ref = { namespace: NS, name: 'orders-processor' };

  function start(objects: KubeObject[], options: { capacity?: number; history?: HistoryStore } = {}): void {
    client.objects = objects;
    sampler = new MetricsSampler(store, { scheduler: clock, ...options });
  }

  beforeEach(() => {
    client = new RecordingClient();
    client.byKind = true;
    store = new KedaStore(client);
    clock = new SteppedScheduler();
  });

  test('0 external-metrics requests while the HPA reports the metric', async () => {
    start([scaledObject(), hpa(1, [averageValue('267')]), deployment(1, 1)]);
    const release = sampler.retain(ref);
    await settle();
    await clock.advance(10 * 60_000);
    assert.equal(client.externalRequests(), 0);
    assert.equal(clock.pending, 0, 'no timer while the HPA reports every metric');

    client.emit('MODIFIED', hpa(5, [averageValue('53400m')]));
    await settle();
    await clock.advance(10 * 60_000);
    assert.equal(client.externalRequests(), 0);

    const series = sampler.series(ref);
    const metric = series.metrics.find((m) => m.metricName === 's0-rabbitmq-orders');
    assert.ok(metric);
    assert.deepEqual(
      metric.samples.map((s) => [s.value, s.perPod, s.source]),
      [
        [267, 267, 'hpa'],
        [267, 53.4, 'hpa'],
      ],
    );
    assert.equal(metric.target, 50);
    assert.equal(metric.targetType, 'AverageValue');
    assert.equal(metric.activationThreshold, 0);
    assert.equal(metric.triggerType, 'rabbitmq');
    assert.equal(metric.triggerIndex, 0);
    assert.equal(series.external.active, false);
    release();
  });

  const cases: Array<{
    name: string;
    objects: () => KubeObject[];
    interval: number;
  }> = [
    {
      name: 'target scaled to 0 (HPA has no current value)',
      objects: () => [scaledObject({ pollingInterval: 10 }), hpa(0), deployment(0, 0), externalValue('0')],
      interval: 15_000,
    },
    {
      name: 'HPA missing',
      objects: () => [scaledObject({ pollingInterval: 30 }), deployment(2, 2), externalValue('12')],
      interval: 30_000,
    },
    {
      name: 'paused (the HPA value is stale)',
      objects: () => [
        scaledObject({ pollingInterval: 60, annotations: { 'autoscaling.keda.sh/paused': 'true' } }),
        hpa(2, [averageValue('5')]),
        deployment(2, 2),
        externalValue('7'),
      ],
      interval: 60_000,
    },
    {
      name: 'pollingInterval 1 s is raised to 15 s',
      objects: () => [scaledObject({ pollingInterval: 1 }), hpa(0), deployment(0, 0), externalValue('3')],
      interval: 15_000,
    },
  ];
  for (const c of cases) {
    test(`external metrics API once per max(pollingInterval, 15 s): ${c.name}`, async () => {
      start(c.objects());
      const release = sampler.retain(ref);
      await settle();
      assert.equal(client.externalRequests(), 1, 'first request at once');
      const request = client.lists.find((l) => l.plural === 's0-rabbitmq-orders');
      assert.deepEqual(request, {
        plural: 's0-rabbitmq-orders',
        namespace: NS,
        options: { labelSelector: 'scaledobject.keda.sh/name=orders-processor' },
      });
      await clock.advance(c.interval - 1);
      assert.equal(client.externalRequests(), 1, 'nothing before the interval');
      // Watch traffic does not bring a poll forward.
      client.emit('MODIFIED', deployment(0, 0));
      await settle();
      assert.equal(client.externalRequests(), 1);
      await clock.advance(1);
      assert.equal(client.externalRequests(), 2);
      await clock.advance(c.interval * 4);
      assert.equal(client.externalRequests(), 6);
      const samples = sampler.series(ref).metrics[0]!.samples;
      assert.equal(samples.length, 6);
      assert.ok(samples.every((s) => s.source === 'external-metrics'));
      assert.equal(sampler.series(ref).external.active, true);
      assert.equal(sampler.series(ref).external.intervalMs, c.interval);

      release();
      await clock.advance(c.interval * 10);
      assert.equal(client.externalRequests(), 6, 'no request once off screen');
      assert.equal(clock.pending, 0);
    });
  }

  test('two triggers, the HPA reports one: only the other is asked for', async () => {
    const two = scaledObject({ pollingInterval: 15 });
    two.spec.triggers.push({ type: 'kafka', metadata: { topic: 'payments', lagThreshold: '100' } });
    two.status!.externalMetricNames = ['s0-rabbitmq-orders', 's1-kafka-payments'];
    const h = hpa(2, [averageValue('40')]);
    h.spec.metrics!.push({
      type: 'External',
      external: {
        metric: { name: 's1-kafka-payments' },
        target: { type: 'AverageValue', averageValue: '100' },
      },
    });
    start([two, h, deployment(2, 2)]);
    sampler.retain(ref);
    await settle();
    await clock.advance(30_000);
    assert.deepEqual(
      client.lists.filter((l) => /^s\d+-/.test(l.plural)).map((l) => l.plural),
      ['s1-kafka-payments', 's1-kafka-payments', 's1-kafka-payments'],
    );
    const kafka = sampler.series(ref).metrics.find((m) => m.metricName === 's1-kafka-payments');
    assert.equal(kafka?.triggerType, 'kafka');
    assert.equal(kafka?.target, 100);
    assert.equal(kafka?.activationThreshold, 0);
  });

  test('nothing is requested for objects not on screen; sharing a retain costs nothing', async () => {
    start([scaledObject({ pollingInterval: 15 }), hpa(0), deployment(0, 0), externalValue('0')]);
    await clock.advance(60_000);
    assert.equal(client.externalRequests(), 0);
    const a = sampler.retain(ref);
    const b = sampler.retain(ref);
    await settle();
    await clock.advance(15_000);
    assert.equal(client.externalRequests(), 2);
    a();
    await clock.advance(15_000);
    assert.equal(client.externalRequests(), 3, 'still on screen through the other retain');
    b();
    await clock.advance(60_000);
    assert.equal(client.externalRequests(), 3);
  });

  test('the HPA reporting again stops the polling; a scale to 0 starts it', async () => {
    start([scaledObject(), hpa(0), deployment(0, 0), externalValue('40')]);
    sampler.retain(ref);
    await settle();
    assert.equal(client.externalRequests(), 1);
    client.emit('MODIFIED', hpa(1, [averageValue('40')]));
    await settle();
    await clock.advance(5 * 60_000);
    assert.equal(client.externalRequests(), 1);
    assert.equal(sampler.series(ref).external.active, false);
    client.emit('MODIFIED', hpa(0));
    await settle();
    assert.equal(client.externalRequests(), 2, 'the interval since the last request has passed');
  });

  test('the API error is kept verbatim and cleared by a success', async () => {
    start([scaledObject(), hpa(0), deployment(0, 0), externalValue('9')]);
    const { KubeApiError } = await import('./kube-client.js');
    client.listErrors['s0-rabbitmq-orders'] = new KubeApiError(
      404,
      'the server could not find the metric s0-rabbitmq-orders for ',
    );
    sampler.retain(ref);
    await settle();
    assert.equal(
      sampler.series(ref).external.error?.message,
      'the server could not find the metric s0-rabbitmq-orders for ',
    );
    client.listErrors['s0-rabbitmq-orders'] = undefined;
    await clock.advance(30_000); // the default pollingInterval
    assert.equal(sampler.series(ref).external.error, undefined);
    assert.equal(sampler.series(ref).metrics[0]!.samples.at(-1)?.value, 9);
  });

  test('quantities: Value targets and milli/kilo suffixes', async () => {
    const h = hpa(2, [
      {
        type: 'External',
        external: { metric: { name: 's0-rabbitmq-orders' }, current: { value: '15k' } },
      },
    ]);
    h.spec.metrics![0]!.external!.target = { type: 'Value', value: '2500m' };
    start([scaledObject(), h, deployment(2, 2)]);
    sampler.retain(ref);
    await settle();
    const metric = sampler.series(ref).metrics[0]!;
    assert.equal(metric.target, 2.5);
    assert.equal(metric.targetType, 'Value');
    assert.deepEqual(
      metric.samples.map((s) => s.value),
      [15000],
    );
  });

  test('replica series from the scale target and the HPA: one sample per change, min/max band', async () => {
    start([scaledObject(), hpa(1, [averageValue('267')]), deployment(1, 1)]);
    sampler.retain(ref);
    await settle();
    client.emit('MODIFIED', deployment(4, 1));
    client.emit('MODIFIED', deployment(4, 4));
    await settle();
    client.emit('MODIFIED', deployment(4, 4)); // no change: no sample
    await settle();
    const replicas = sampler.series(ref).replicas;
    assert.deepEqual(
      replicas.map((r) => [r.current, r.desired, r.hpaDesired, r.min, r.max]),
      [
        [1, 1, 1, 0, 5],
        [4, 4, 1, 0, 5],
      ],
      'the two watch events of one tick are seen together',
    );
  });

  test('listeners are told once per microtask; series objects change only with the data', async () => {
    start([scaledObject(), hpa(1, [averageValue('10')]), deployment(1, 1)]);
    sampler.retain(ref);
    await settle();
    let calls = 0;
    sampler.subscribe(() => calls++);
    const before = sampler.series(ref);
    assert.equal(sampler.series(ref), before, 'the same snapshot while nothing changed');
    client.emit('MODIFIED', hpa(1, [averageValue('20')]));
    client.emit('MODIFIED', hpa(1, [averageValue('30')]));
    client.emit('MODIFIED', deployment(2, 1));
    await settle();
    assert.equal(calls, 1);
    assert.notEqual(sampler.series(ref), before);
    assert.ok(sampler.series(ref).version > before.version);
  });

  test('bounded memory: the ring keeps the newest `capacity` samples', async () => {
    start([scaledObject(), hpa(1, [averageValue('1')]), deployment(1, 1)], { capacity: 4 });
    sampler.retain(ref);
    await settle();
    for (let v = 2; v <= 10; v++) {
      client.emit('MODIFIED', hpa(1, [averageValue(String(v))]));
      await settle();
    }
    assert.deepEqual(
      sampler.series(ref).metrics[0]!.samples.map((s) => s.value),
      [7, 8, 9, 10],
    );
  });

  test('history: samples are recorded and reloaded on the next retain', async () => {
    const saved: HistoryRecord[] = [];
    const history: HistoryStore = {
      append: async (records) => {
        saved.push(...records);
      },
      load: async (object, since) => saved.filter((r) => r.object === object && r.sample.t >= since),
    };
    start([scaledObject(), hpa(1, [averageValue('267')]), deployment(1, 1)], { history });
    const release = sampler.retain(ref);
    await settle();
    await clock.advance(60_000);
    client.emit('MODIFIED', hpa(2, [averageValue('100')]));
    await settle();
    release();
    sampler.dispose();
    assert.deepEqual(
      saved.map((r) => r.kind),
      ['metric', 'replicas', 'metric', 'replicas'],
    );

    const again = new MetricsSampler(store, { scheduler: clock, history });
    again.retain(ref);
    await settle();
    assert.deepEqual(
      again.series(ref).metrics[0]!.samples.map((s) => s.value),
      [267, 200, 200],
      'the two recorded samples, then the live one',
    );
    assert.deepEqual(
      again.series(ref).replicas.map((r) => r.hpaDesired),
      [1, 2],
      'replicas: the recorded change; the live sample repeats the last one and is not added',
    );
  });

  test('history is kept per cluster (scope)', async () => {
    const saved: HistoryRecord[] = [];
    const history: HistoryStore = {
      append: async (records) => {
        saved.push(...records);
      },
      load: async (object) => saved.filter((r) => r.object === object),
    };
    client.objects = [scaledObject(), hpa(1, [averageValue('267')]), deployment(1, 1)];
    sampler = new MetricsSampler(store, { scheduler: clock, history, historyScope: '/clusters/prod' });
    sampler.retain(ref);
    await settle();
    assert.deepEqual([...new Set(saved.map((r) => r.object))], ['/clusters/prod orders/orders-processor']);
  });
});

describe('RingBuffer', () => {
  test('push, wrap, at, last, reset', () => {
    const ring = new RingBuffer<number>(3);
    assert.deepEqual(ring.toArray(), []);
    for (const v of [1, 2, 3, 4, 5]) ring.push(v);
    assert.deepEqual(ring.toArray(), [3, 4, 5]);
    assert.equal(ring.at(0), 3);
    assert.equal(ring.last(), 5);
    assert.equal(ring.at(3), undefined);
    ring.reset([9, 8, 7, 6]);
    assert.deepEqual(ring.toArray(), [8, 7, 6]);
    assert.throws(() => new RingBuffer(0), RangeError);
  });
});
