/**
 * Scenarios: the demo's statuses come from the controllers (not from seeds), its objects pass
 * KEDA's admission webhooks, a seed replays the same history, and scenario files seed manifests,
 * curves and a timeline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  ClusterTriggerAuthenticationResource,
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  JobResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../../components/src/core/kube/resource.ts';
import { ManualClock, namespaceResource, secretResource, SimCluster } from './index.ts';
import { conditionOf, type Obj } from './test-sim.ts';

const strip = (o: Obj): Obj => {
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, generation: _g, ...metadata } = o.metadata;
  const { status: _s, ...rest } = o;
  return { ...rest, metadata } as Obj;
};

describe('the demo scenario', () => {
  test('statuses, HPAs, pods and events are the controllers’ work', async () => {
    const cluster = await SimCluster.create({ seed: 11, steppedClock: true });
    try {
      const sos = (await cluster.client.list<Obj>(ScaledObjectResource)).items;
      assert.deepEqual(
        sos.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`),
        [
          'default/rabbitmq-consumer',
          'orders/orders-processor',
          'orders/report-generator',
          'orders/storefront-api',
          'payments/payments-reconciler',
          'payments/payments-worker',
          'risk/fraud-scorer',
        ],
      );
      for (const so of sos) {
        assert.deepEqual(so.metadata.finalizers, ['finalizer.keda.sh'], so.metadata.name);
        assert.equal(so.metadata.labels?.['scaledobject.keda.sh/name'], so.metadata.name);
        assert.equal(conditionOf(so, 'Ready')?.status, 'True', `${so.metadata.name ?? ''} Ready`);
        assert.equal(so.status?.hpaName, `keda-hpa-${so.metadata.name ?? ''}`);
      }
      const byName = new Map(sos.map((o) => [o.metadata.name, o]));
      assert.equal(conditionOf(byName.get('rabbitmq-consumer') as Obj, 'Active')?.status, 'False');
      assert.equal(conditionOf(byName.get('orders-processor') as Obj, 'Active')?.status, 'True');
      assert.equal(conditionOf(byName.get('payments-reconciler') as Obj, 'Paused')?.status, 'True');
      assert.equal(conditionOf(byName.get('payments-reconciler') as Obj, 'Active')?.status, 'False');
      assert.equal(conditionOf(byName.get('fraud-scorer') as Obj, 'Fallback')?.reason, 'FallbackExists');
      const hpas = (await cluster.client.list<Obj>(HorizontalPodAutoscalerResource)).items.map(
        (h) => h.metadata.name,
      );
      assert.ok(!hpas.includes('keda-hpa-payments-reconciler'), 'paused: no HPA');
      assert.ok(hpas.includes('keda-hpa-orders-processor'));
      const tas = (await cluster.client.list<Obj>(TriggerAuthenticationResource)).items;
      assert.deepEqual(Object.fromEntries(tas.map((t) => [t.metadata.name, t.status?.scaledobjects])), {
        'rabbitmq-consumer-trigger': 'rabbitmq-consumer',
        'orders-rabbitmq': 'orders-processor',
        'kafka-payments': 'payments-worker',
        'fraud-model-api': 'fraud-scorer',
      });
      const orders = tas.find((t) => t.metadata.name === 'orders-rabbitmq');
      assert.equal(orders?.status?.scaledjobs, 'order-exporter');
      const cta = await cluster.client.get<Obj>(ClusterTriggerAuthenticationResource, {
        name: 'prometheus-bearer',
      });
      assert.equal(cta.status?.scaledobjects, 'payments-reconciler');
      const jobs = (await cluster.client.list<Obj>(JobResource, { namespace: 'orders' })).items;
      assert.ok(jobs.length > 0, 'the exporter ScaledJob has run Jobs');
      const operator = await cluster.client.get<Obj>(DeploymentResource, {
        namespace: 'keda',
        name: 'keda-operator',
      });
      assert.equal((operator.status as { readyReplicas: number }).readyReplicas, 1);
      const secrets = (await cluster.client.list<Obj>(secretResource)).items;
      for (const s of secrets.filter((x) => x.type === 'Opaque')) {
        for (const value of Object.values(s.data as Record<string, string>)) {
          assert.equal(Buffer.from(value, 'base64').toString('base64'), value, 'valid base64');
        }
      }
      // Objects look days old; the history before now is simulated.
      const age = Date.now() - Date.parse(byName.get('orders-processor')?.metadata.creationTimestamp ?? '');
      assert.ok(age > 5 * 24 * 3600_000, `${age} ms`);
    } finally {
      await cluster.close();
    }
  });

  test('every demo object passes the API and KEDA’s admission webhooks', async () => {
    const source = await SimCluster.create({ seed: 1, simulation: false });
    const target = await SimCluster.create({ scenario: 'empty', seed: 1, simulation: false });
    try {
      const kinds: ResourceType[] = [
        namespaceResource,
        secretResource,
        DeploymentResource,
        TriggerAuthenticationResource,
        ClusterTriggerAuthenticationResource,
        ScaledObjectResource,
        ScaledJobResource,
      ];
      for (const kind of kinds) {
        for (const object of (await source.client.list<Obj>(kind)).items) {
          if (
            kind === namespaceResource &&
            ['default', 'kube-node-lease', 'kube-public', 'kube-system'].includes(object.metadata.name ?? '')
          )
            continue;
          await target.client.create(kind, strip(object));
        }
      }
      assert.equal((await target.client.list(ScaledObjectResource)).items.length, 7);
    } finally {
      await source.close();
      await target.close();
    }
  });

  test('a seed replays the same history: same uids, names and resourceVersions', async () => {
    // Same seed and same start time: daily curves and cron depend on the time of day.
    const start = Date.parse('2026-11-30T12:00:00Z');
    const a = await SimCluster.create({ seed: 5, steppedClock: true, clock: new ManualClock(start) });
    const b = await SimCluster.create({ seed: 5, steppedClock: true, clock: new ManualClock(start) });
    try {
      const pods = async (c: SimCluster): Promise<string[]> =>
        (
          await c.client.list<Obj>({
            group: '',
            version: 'v1',
            plural: 'pods',
            kind: 'Pod',
            namespaced: true,
          })
        ).items.map((p) => `${p.metadata.name ?? ''}@${p.metadata.resourceVersion ?? ''}`);
      assert.deepEqual(await pods(a), await pods(b));
      assert.equal(a.resourceVersion, b.resourceVersion);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('scenario files', () => {
  test('manifests, source curves and a timeline; bad files list their problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keda-sim-scenario-'));
    try {
      const file = join(dir, 'shop.yaml');
      writeFileSync(
        file,
        `historySeconds: 300
manifests:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: worker, namespace: shop}
    spec:
      replicas: 0
      selector: {matchLabels: {app: worker}}
      template:
        metadata: {labels: {app: worker}}
        spec: {containers: [{name: worker, image: "registry.example.com/worker:1"}]}
  - apiVersion: keda.sh/v1alpha1
    kind: ScaledObject
    metadata: {name: worker, namespace: shop}
    spec:
      scaleTargetRef: {name: worker}
      pollingInterval: 5
      maxReplicaCount: 4
      triggers:
        - type: redis
          metadata: {address: "redis.shop:6379", listName: jobs, listLength: "10"}
sources:
  - match: {type: redis, metadata: {listName: jobs}}
    curve: {type: constant, value: 0}
    drain: null
timeline:
  - {at: -120, source: {key: "redis:redis.shop:6379/0/jobs", value: 35}}
`,
      );
      const cluster = await SimCluster.create({ scenarioFile: file, seed: 2, steppedClock: true });
      try {
        const so = await cluster.client.get<Obj>(ScaledObjectResource, { namespace: 'shop', name: 'worker' });
        assert.equal(conditionOf(so, 'Active')?.status, 'True');
        const d = await cluster.client.get<Obj>(DeploymentResource, { namespace: 'shop', name: 'worker' });
        assert.equal((d.spec as { replicas: number }).replicas, 4);
        assert.equal(cluster.sources.get('redis:redis.shop:6379/0/jobs')?.value, 35);
      } finally {
        await cluster.close();
      }
      const bad = join(dir, 'bad.yaml');
      writeFileSync(
        bad,
        'historySeconds: -1\nmanifests: [{kind: Deployment}]\nsources: [{curve: {type: constant}}]\ntimeline: [{at: 1}]\n',
      );
      await assert.rejects(SimCluster.create({ scenarioFile: bad }), (error: Error) => {
        assert.match(error.message, /historySeconds must be 0\.\.604800/);
        assert.match(error.message, /manifests\[0\] needs apiVersion, kind and metadata\.name/);
        assert.match(error.message, /sources\[0\] needs a key or match\.type/);
        assert.match(error.message, /timeline\[0\] needs exactly one of patch, create, delete, source/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
