// sim-list: the simulated API server under load: 10,000 objects (5,000 ScaledObjects, 5,000
// Deployments) and 200 open watches; measures listing 5,000 ScaledObjects over HTTP (goal ≤200 ms)
// and how long one change takes to reach every watcher.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { SimCluster } from '../../demo-site/server/sim/index.ts';
import { DeploymentResource, ScaledObjectResource } from '../../components/src/core/kube/resource.ts';
import { median, round, writeResult } from './result.ts';

const OBJECTS_PER_KIND = 5_000;
const WATCHERS = 200;
const RUNS = 15;
const NAMESPACES = 20;

// The API server alone: the controllers would otherwise start 5,000 pods while we measure.
const sim = await SimCluster.create({ scenario: 'empty', seed: 7, simulation: false });
const { url } = await sim.listen({ port: 0, insecureHttp: true });
const auth = { Authorization: `Bearer ${sim.adminToken}` };

for (let n = 0; n < NAMESPACES; n += 1) {
  await sim.client.create(
    { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `bench-${n}` },
    },
  );
}
const seedStart = performance.now();
for (let i = 0; i < OBJECTS_PER_KIND; i += 1) {
  const namespace = `bench-${i % NAMESPACES}`;
  const name = `app-${i}`;
  await sim.client.create(DeploymentResource, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'busybox' }] },
      },
    },
  });
  await sim.client.create(ScaledObjectResource, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace },
    spec: {
      scaleTargetRef: { name },
      minReplicaCount: 0,
      maxReplicaCount: 10,
      triggers: [{ type: 'rabbitmq', metadata: { queueName: name, mode: 'QueueLength', value: '20' } }],
    },
  });
}
const seedMs = performance.now() - seedStart;

function get(path: string): Promise<{ ms: number; bytes: number; items: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    http
      .get(`${url}${path}`, { headers: auth }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const ms = performance.now() - start;
          const items = (JSON.parse(body.toString('utf8')) as { items: unknown[] }).items.length;
          resolve({ ms, bytes: body.length, items });
        });
      })
      .on('error', reject);
  });
}

// 200 watchers on ScaledObjects across all namespaces, each counting the events it receives.
const received: number[] = new Array(WATCHERS).fill(0);
const requests: http.ClientRequest[] = [];
const { resourceVersion } = sim;
await Promise.all(
  Array.from(
    { length: WATCHERS },
    (_, w) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(
          `${url}/apis/keda.sh/v1alpha1/scaledobjects?watch=true&resourceVersion=${resourceVersion}`,
          { headers: auth, agent: false },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              received[w]! += chunk.split('\n').filter(Boolean).length;
            });
            resolve();
          },
        );
        req.on('error', reject);
        requests.push(req);
      }),
  ),
);

const listTimes: number[] = [];
let listBytes = 0;
for (let run = 0; run < RUNS; run += 1) {
  const r = await get('/apis/keda.sh/v1alpha1/scaledobjects');
  if (r.items !== OBJECTS_PER_KIND)
    throw new Error(`listed ${r.items} ScaledObjects, expected ${OBJECTS_PER_KIND}`);
  listTimes.push(r.ms);
  listBytes = r.bytes;
}
const namespacedTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  namespacedTimes.push((await get('/apis/keda.sh/v1alpha1/namespaces/bench-3/scaledobjects')).ms);
}

// Fan-out: one patch, time until all 200 watchers have the event.
const fanOut: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const before = received.map((n) => n);
  const start = performance.now();
  await sim.client.patch(ScaledObjectResource, { name: 'app-1', namespace: 'bench-1' }, 'merge', {
    spec: { maxReplicaCount: 11 + run },
  });
  while (received.some((n, w) => n === before[w])) await new Promise((r) => setImmediate(r));
  fanOut.push(performance.now() - start);
}

for (const req of requests) req.destroy();
await sim.close();

const ours = round(median(listTimes));
writeResult({
  bench: 'sim-list',
  metric: `GET /apis/keda.sh/v1alpha1/scaledobjects with ${OBJECTS_PER_KIND} ScaledObjects (${OBJECTS_PER_KIND * 2} objects stored, ${WATCHERS} open watches), median`,
  unit: 'ms',
  ours,
  peer: null,
  peerName: null,
  goal: '≤ 200 ms',
  runs: RUNS,
  details: {
    listBytes,
    listMsAll: listTimes.map((t) => round(t)),
    namespacedListMedianMs: round(median(namespacedTimes)),
    watchFanOutMedianMs: round(median(fanOut)),
    watchers: WATCHERS,
    seedMs: round(seedMs),
    goalMet: ours <= 200,
  },
});
