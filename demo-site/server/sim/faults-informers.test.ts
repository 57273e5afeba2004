/**
 * Real clients against each fault: our HttpKubeClient + Informer (chunked and WebSocket watches)
 * and @kubernetes/client-node 1.4.0 `makeInformer` watch ScaledObjects while a seeded burst of
 * creates, updates and deletes runs; once the faults stop, every client must hold exactly the
 * server's objects (name + resourceVersion).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { WebSocket as NodeWebSocket } from 'ws';
import { HttpKubeClient, type WebSocketConstructor } from '../../../components/src/data/http-kube-client.ts';
import { Informer } from '../../../components/src/data/informer.ts';
import { ScaledObjectResource, type ResourceType } from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { createRandom } from './core/random.ts';
import type { FaultSettingsInput, SimStatus } from './index.ts';
import { sleep, startCluster, waitFor, type Running } from './test-helpers.ts';

const NAMESPACES: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
};
const BURST_NAMESPACES = ['default', 'burst'];
const NAMES_PER_NAMESPACE = 20;
const OPERATIONS = 300;

interface Watcher {
  name: string;
  /** `namespace/name@resourceVersion`, sorted. */
  state(): string[];
  stop(): Promise<void>;
}

function key(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}@${o.metadata.resourceVersion ?? ''}`;
}

function scaledObject(namespace: string, name: string, max: number): KubeObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace, labels: { burst: 'yes' } },
    spec: {
      scaleTargetRef: { name },
      maxReplicaCount: max,
      triggers: [{ type: 'cpu', metadata: { value: '50' } }],
    },
  } as KubeObject;
}

function ourInformer(sim: Running, transport: 'chunked' | 'websocket'): Watcher {
  const client = new HttpKubeClient(sim.url, {
    watchTransport: transport,
    WebSocket: NodeWebSocket as unknown as WebSocketConstructor,
    headers: { Authorization: `Bearer ${sim.cluster.adminToken}` },
  });
  const informer = new Informer<KubeObject>(client, ScaledObjectResource, {
    backoff: { initialMs: 20, maxMs: 200, jitter: 0 },
    minHealthyWatchMs: 50,
  });
  informer.start();
  return {
    name: `Informer (${transport})`,
    state: () => informer.items().map(key).sort(),
    stop: async () => informer.stop(),
  };
}

/** client-node's informer stops for good on an error; like an application, start it again. */
function clientNodeInformer(sim: Running): Watcher {
  const kc = new k8s.KubeConfig();
  // Plain HTTP: client-node wants skipTLSVerify set before it talks http at all.
  kc.loadFromOptions({
    clusters: [{ name: 'sim', server: sim.url, skipTLSVerify: true }],
    users: [{ name: 'admin', token: sim.cluster.adminToken }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'admin' }],
    currentContext: 'sim',
  });
  const co = kc.makeApiClient(k8s.CustomObjectsApi);
  const informer = k8s.makeInformer<k8s.KubernetesObject>(kc, '/apis/keda.sh/v1alpha1/scaledobjects', () =>
    co.listClusterCustomObject({ group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects' }),
  );
  let stopped = false;
  let restart: NodeJS.Timeout | undefined;
  informer.on('error', () => {
    if (stopped || restart) return;
    restart = setTimeout(() => {
      restart = undefined;
      if (!stopped) void informer.start().catch(() => undefined);
    }, 50);
  });
  void informer.start().catch(() => undefined);
  return {
    name: 'client-node makeInformer',
    state: () =>
      informer
        .list()
        .map((o) => key(o as KubeObject))
        .sort(),
    stop: async () => {
      stopped = true;
      clearTimeout(restart);
      await informer.stop();
    },
  };
}

async function serverState(sim: Running): Promise<string[]> {
  return (await sim.cluster.client.list(ScaledObjectResource)).items.map(key).sort();
}

async function converge(sim: Running, watchers: Watcher[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const server = await serverState(sim);
    const behind = watchers.filter((w) => JSON.stringify(w.state()) !== JSON.stringify(server));
    if (behind.length === 0) return;
    if (Date.now() > deadline) {
      for (const w of behind) assert.deepEqual(w.state(), server, `${w.name} differs from the server`);
    }
    await sleep(25);
  }
}

/** A seeded burst of creates, patches and deletes, with `during(i)` called before operation i. */
async function burst(sim: Running, seed: number, during: (i: number) => void = () => {}): Promise<number> {
  const random = createRandom(seed);
  const client = sim.cluster.client;
  const live = new Set<string>();
  let writes = 0;
  for (let i = 0; i < OPERATIONS; i++) {
    during(i);
    const namespace = BURST_NAMESPACES[random.int(BURST_NAMESPACES.length)] ?? 'default';
    const name = `so-${random.int(NAMES_PER_NAMESPACE)}`;
    const id = `${namespace}/${name}`;
    const roll = random.next();
    if (!live.has(id)) {
      await client.create(ScaledObjectResource, scaledObject(namespace, name, 1 + random.int(50)));
      live.add(id);
    } else if (roll < 0.65) {
      await client.patch(ScaledObjectResource, { namespace, name }, 'merge', {
        spec: { maxReplicaCount: 1 + random.int(50) },
        metadata: { annotations: { step: String(i) } },
      });
    } else {
      await client.delete(ScaledObjectResource, { namespace, name });
      // KEDA's finalizer keeps the object until its controller lets go (as on a real cluster, a
      // loaded machine makes that slower): the name is free again only once it is gone.
      await waitFor(
        () =>
          client.get(ScaledObjectResource, { namespace, name }).then(
            () => false,
            () => true,
          ),
        10_000,
        `${id} deleted`,
      );
      live.delete(id);
    }
    writes++;
    // About 2 s in all, so that every fault strikes several times during the burst.
    await sleep(random.int(12));
  }
  return writes;
}

interface Outcome {
  injected: SimStatus['injected'];
  restarts: number;
  /** Plain (non-watch) lists of ScaledObjects answered 200 after the clients first synced. */
  relists: number;
}

async function scenario(
  name: string,
  seed: number,
  faults: FaultSettingsInput,
  during?: (sim: Running, i: number, pending: Promise<void>[]) => void,
): Promise<Outcome> {
  const requests: string[] = [];
  const sim = await startCluster(
    // KEDA's webhooks would want each ScaledObject's target to exist; not the point here.
    { scenario: 'empty', seed, admissionWebhooks: false, log: (line) => requests.push(line) },
    { insecureHttp: true },
  );
  const lists = (): number =>
    requests.filter((l) => /^GET \/apis\/keda\.sh\/v1alpha1\/scaledobjects(\?(?!.*watch=)\S*)? 200 /.test(l))
      .length;
  await sim.cluster.client.create(NAMESPACES, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'burst' },
  });
  const watchers = [ourInformer(sim, 'chunked'), ourInformer(sim, 'websocket'), clientNodeInformer(sim)];
  try {
    await converge(sim, watchers, 30_000);
    await waitFor(() => sim.cluster.openWatches === watchers.length, 5000, 'every client watching');
    const listsBefore = lists();
    sim.cluster.setFaults(faults);
    const pending: Promise<void>[] = [];
    const writes = await burst(sim, seed, (i) => during?.(sim, i, pending));
    await Promise.all(pending);
    const { injected, restarts } = sim.cluster.status();
    sim.cluster.setFaults({});
    assert.equal(writes, OPERATIONS);
    const server = await serverState(sim);
    assert.ok(server.length > 5, `${name}: the burst leaves objects behind`);
    await converge(sim, watchers, 30_000);
    return { injected, restarts, relists: lists() - listsBefore };
  } finally {
    await Promise.all(watchers.map((w) => w.stop()));
    await sim.cluster.close();
  }
}

describe('informers end equal to the server after a burst under each fault', { timeout: 240_000 }, () => {
  test('dropped watches (every 100 ms)', async () => {
    const outcome = await scenario('drops', 101, { dropWatchesEveryMs: 100 });
    assert.ok(outcome.injected.watchDrops >= 3 * 5, `dropped ${outcome.injected.watchDrops}`);
    assert.equal(outcome.relists, 0, 'a dropped watch resumes from its resourceVersion, no relist');
  });

  test('500 InternalError on 30% of requests (watches dropped every 120 ms, so that there are requests)', async () => {
    const outcome = await scenario('errors', 102, { errorRate: 0.3, dropWatchesEveryMs: 120 });
    assert.ok(outcome.injected.failedRequests >= 5, `failed ${outcome.injected.failedRequests}`);
  });

  test('every request delayed 0-40 ms, watches dropped every 250 ms', async () => {
    const outcome = await scenario('delays', 103, { delayMs: [0, 40], dropWatchesEveryMs: 250 });
    assert.ok(outcome.injected.delayedRequests >= 5, `delayed ${outcome.injected.delayedRequests}`);
  });

  test('forced 410: the history expires every 80 ms, watches are dropped every 150 ms', async () => {
    const outcome = await scenario('410', 104, { expireHistoryEveryMs: 80, dropWatchesEveryMs: 150 });
    assert.ok(outcome.injected.historyExpiries >= 5);
    // How many drops land while the burst runs depends on the machine's load; one relist proves a
    // 410 is answered by listing again, and convergence (in scenario) that nothing was lost.
    assert.ok(outcome.relists >= 1, `the 410s made the clients relist (${outcome.relists} lists)`);
  });

  test('restarts with state kept, while the burst goes on', async () => {
    const outcome = await scenario('restart', 105, {}, (sim, i, pending) => {
      if (i === 80) pending.push(sim.cluster.restart({ downMs: 250 }));
      if (i === 200) pending.push(sim.cluster.restart({ downMs: 100 }));
    });
    assert.equal(outcome.restarts, 2);
  });

  test('everything at once', async () => {
    const outcome = await scenario(
      'all',
      106,
      { dropWatchesEveryMs: 170, delayMs: [0, 15], errorRate: 0.15, expireHistoryEveryMs: 330 },
      (sim, i, pending) => {
        if (i === 150) pending.push(sim.cluster.restart({ downMs: 150 }));
      },
    );
    assert.equal(outcome.restarts, 1);
    assert.ok(outcome.injected.failedRequests > 0 && outcome.injected.watchDrops > 0);
  });
});
