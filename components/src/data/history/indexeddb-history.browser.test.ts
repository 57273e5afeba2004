// The IndexedDB history in real Chromium: ordering, bounds by age and by count, persistence across
// instances (what a reload does), and the MetricsSampler reloading its series from it.
import { expect } from '@open-wc/testing';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import type { KubeObject } from '../../core/kube/types.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { KedaStore } from '../keda-store.js';
import { MetricsSampler, type HistoryRecord } from '../metrics-sampler.js';
import { IndexedDbHistory } from './indexeddb-history.js';

async function until(check: () => boolean | Promise<boolean>, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
let dbNames: string[] = [];

function freshName(): string {
  const name = `keda-history-test-${Math.random().toString(36).slice(2)}`;
  dbNames.push(name);
  return name;
}

function metric(object: string, t: number, value: number): HistoryRecord {
  return { object, kind: 'metric', metricName: 's0-rabbitmq-orders', sample: { t, value, source: 'hpa' } };
}

function replicas(object: string, t: number, current: number): HistoryRecord {
  return { object, kind: 'replicas', sample: { t, current, desired: current, min: 0, max: 5 } };
}

async function deleteDb(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

describe('IndexedDbHistory', () => {
  afterEach(async () => {
    for (const name of dbNames) await deleteDb(name);
    dbNames = [];
  });

  it('keeps records per object, oldest first, from `since` on', async () => {
    const history = new IndexedDbHistory({ name: freshName(), now: () => T0 + 60_000 });
    await history.append([metric('orders/a', T0 + 2000, 2), replicas('orders/a', T0 + 1000, 1)]);
    await history.append([metric('orders/a', T0 + 1000, 1), metric('orders/b', T0 + 1500, 99)]);
    const a = await history.load('orders/a', T0);
    expect(a.map((r) => [r.kind, r.sample.t])).to.deep.equal([
      ['replicas', T0 + 1000],
      ['metric', T0 + 1000],
      ['metric', T0 + 2000],
    ]);
    expect((await history.load('orders/a', T0 + 1500)).map((r) => r.sample.t)).to.deep.equal([T0 + 2000]);
    expect(
      (await history.load('orders/b', 0)).map((r) => r.kind === 'metric' && r.sample.value),
    ).to.deep.equal([99]);
    history.close();
  });

  it('survives a new instance on the same database (a reload)', async () => {
    const name = freshName();
    const first = new IndexedDbHistory({ name, now: () => T0 });
    await first.append([metric('orders/a', T0 - 5000, 267), replicas('orders/a', T0 - 5000, 5)]);
    first.close();
    const second = new IndexedDbHistory({ name, now: () => T0 });
    expect((await second.load('orders/a', 0)).length).to.equal(2);
    second.close();
  });

  it('is bounded by age: old records are neither loaded nor kept', async () => {
    let now = T0;
    const history = new IndexedDbHistory({ name: freshName(), maxAgeMs: 60_000, now: () => now });
    await history.append([metric('orders/a', T0 - 120_000, 1), metric('orders/a', T0 - 30_000, 2)]);
    expect((await history.load('orders/a', 0)).map((r) => r.sample.t)).to.deep.equal([T0 - 30_000]);
    expect(await history.count('orders/a')).to.equal(2);
    now = T0 + 20_000;
    await history.prune();
    expect(await history.count('orders/a')).to.equal(1);
    history.close();
  });

  it('is bounded by count per object: the newest are kept, pruning as it goes', async () => {
    const history = new IndexedDbHistory({
      name: freshName(),
      maxRecordsPerObject: 10,
      pruneEvery: 5,
      now: () => T0 + 100_000,
    });
    for (let i = 0; i < 25; i++) await history.append([metric('orders/a', T0 + i * 1000, i)]);
    await history.append([metric('orders/b', T0, 0)]);
    expect(await history.count('orders/a')).to.equal(10);
    const kept = await history.load('orders/a', 0);
    expect(kept.map((r) => r.kind === 'metric' && r.sample.value)).to.deep.equal([
      15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    ]);
    expect(await history.count('orders/b')).to.equal(1);
    history.close();
  });

  it('gives the MetricsSampler its series back after a reload', async () => {
    const name = freshName();
    const so = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'orders-processor', namespace: 'orders' },
      spec: {
        scaleTargetRef: { name: 'orders-processor' },
        maxReplicaCount: 5,
        triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', value: '50' } }],
      },
      status: { externalMetricNames: ['s0-rabbitmq-orders'] },
    } as ScaledObject;
    const hpa = (current: number, averageValue: string): HorizontalPodAutoscaler => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'keda-hpa-orders-processor', namespace: 'orders' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'orders-processor' },
        maxReplicas: 5,
        metrics: [
          {
            type: 'External',
            external: {
              metric: { name: 's0-rabbitmq-orders' },
              target: { type: 'AverageValue', averageValue: '50' },
            },
          },
        ],
      },
      status: {
        currentReplicas: current,
        desiredReplicas: current,
        currentMetrics: [
          {
            type: 'External',
            external: { metric: { name: 's0-rabbitmq-orders' }, current: { averageValue } },
          },
        ],
      },
    });
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'orders-processor', namespace: 'orders' },
      spec: { replicas: 1 },
      status: { replicas: 1 },
    } as KubeObject;
    const ref = { namespace: 'orders', name: 'orders-processor' };

    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [so, hpa(1, '267'), deployment];
    const store = new KedaStore(client);
    const history = new IndexedDbHistory({ name });
    const sampler = new MetricsSampler(store, { history });
    const release = sampler.retain(ref);
    await until(() => sampler.series(ref).metrics[0]?.samples.length === 1);
    client.emit('MODIFIED', hpa(5, '53400m'));
    await until(() => sampler.series(ref).metrics[0]?.samples.length === 2);
    await until(async () => (await history.count('orders/orders-processor')) >= 3);
    release();
    sampler.dispose();
    store.dispose();
    history.close();

    // "Reload": everything new but the database.
    const client2 = new FakeKubeClient();
    client2.byKind = true;
    client2.objects = [
      so,
      hpa(5, '53400m'),
      { ...deployment, spec: { replicas: 5 }, status: { replicas: 5 } } as KubeObject,
    ];
    const store2 = new KedaStore(client2);
    const sampler2 = new MetricsSampler(store2, { history: new IndexedDbHistory({ name }) });
    sampler2.retain(ref);
    await until(() => (sampler2.series(ref).metrics[0]?.samples.length ?? 0) >= 3);
    const values = sampler2.series(ref).metrics[0]!.samples.map((s) => s.value);
    expect(values).to.deep.equal([267, 267, 267]);
    expect(sampler2.series(ref).replicas.map((r) => [r.current, r.hpaDesired])).to.deep.equal([
      [1, 1],
      [1, 5],
      [5, 5],
    ]);
    sampler2.dispose();
    store2.dispose();
  });
});
