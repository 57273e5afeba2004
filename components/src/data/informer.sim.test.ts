// Our Informer and HttpKubeClient against the simulated cluster over real HTTP: list+watch,
// re-watch after the server drops the stream, relist after 410 Expired. Both watch transports.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket as NodeWebSocket } from 'ws';
import { SimCluster } from '../../../demo-site/server/sim/index.ts';
import { ScaledObjectResource } from '../core/kube/resource.js';
import type { ScaledObject } from '../core/keda/types.js';
import { HttpKubeClient, type WebSocketConstructor } from './http-kube-client.js';
import { Informer, type InformerChange } from './informer.js';

function scaledObject(name: string, max = 5): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace: 'default' },
    spec: {
      scaleTargetRef: { name },
      maxReplicaCount: max,
      triggers: [{ type: 'rabbitmq', metadata: { queueName: name, mode: 'QueueLength', value: '5' } }],
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const transport of ['chunked', 'websocket'] as const) {
  describe(`Informer over ${transport} watches against the simulated cluster`, () => {
    let sim: SimCluster;
    let url: string;
    const requests: string[] = [];
    let client: HttpKubeClient;

    before(async () => {
      sim = await SimCluster.create({ scenario: 'empty', seed: 1, simulation: false });
      ({ url } = await sim.listen({ port: 0, insecureHttp: true }));
      const countingFetch: typeof fetch = (input, init) => {
        requests.push(`${init?.method ?? 'GET'} ${String(input).replace(url, '')}`);
        return fetch(input, init);
      };
      client = new HttpKubeClient(url, {
        fetch: countingFetch,
        watchTransport: transport,
        WebSocket: NodeWebSocket as unknown as WebSocketConstructor,
        headers: { Authorization: `Bearer ${sim.adminToken}` },
      });
    });

    after(async () => {
      await sim.close();
    });

    test('lists, then follows creates, updates and deletes from the watch', async () => {
      await sim.client.create(ScaledObjectResource, scaledObject('before-start'));
      const informer = new Informer<ScaledObject>(client, ScaledObjectResource, { namespace: 'default' });
      const changes: string[] = [];
      informer.subscribe((c: InformerChange<ScaledObject>) => {
        if (c.object) changes.push(`${c.type} ${c.object.metadata.name}`);
      });
      informer.start();
      await until(() => informer.state.phase === 'live', 'live');
      assert.deepEqual(
        informer.items().map((o) => o.metadata.name),
        ['before-start'],
      );
      await until(() => sim.openWatches > 0, 'watch open');

      await sim.client.create(ScaledObjectResource, scaledObject('created'));
      await sim.client.patch(ScaledObjectResource, { name: 'created', namespace: 'default' }, 'merge', {
        spec: { maxReplicaCount: 7 },
      });
      await sim.client.delete(ScaledObjectResource, { name: 'before-start', namespace: 'default' });
      await until(() => changes.length >= 3 && !informer.get('default/before-start'), 'three changes');
      assert.deepEqual(changes, ['added created', 'modified created', 'deleted before-start']);
      assert.equal(informer.get('default/created')?.spec.maxReplicaCount, 7);
      assert.equal(informer.state.resourceVersion, sim.resourceVersion);
      informer.stop();
      await sim.client.delete(ScaledObjectResource, { name: 'created', namespace: 'default' });
    });

    test('re-watches from the last resourceVersion, without a relist, when the server drops the stream', async () => {
      const informer = new Informer<ScaledObject>(client, ScaledObjectResource, { namespace: 'default' });
      informer.start();
      await until(() => informer.state.phase === 'live' && sim.openWatches > 0, 'live with an open watch');
      const listsBefore = requests.filter((r) => r.startsWith('GET') && !r.includes('watch=')).length;

      sim.dropWatches();
      await sim.client.create(ScaledObjectResource, scaledObject('while-dropped'));
      await until(
        () => informer.get('default/while-dropped') !== undefined,
        'object created while reconnecting',
      );

      const listsAfter = requests.filter((r) => r.startsWith('GET') && !r.includes('watch=')).length;
      assert.equal(listsAfter, listsBefore, 'no relist after a clean end of stream');
      assert.equal(informer.state.phase, 'live');
      informer.stop();
      await sim.client.delete(ScaledObjectResource, { name: 'while-dropped', namespace: 'default' });
    });

    test('relists after 410 Expired and ends up equal to the server', async () => {
      const informer = new Informer<ScaledObject>(client, ScaledObjectResource, {
        namespace: 'default',
        backoff: { initialMs: 20, maxMs: 100, jitter: 0 },
      });
      let syncs = 0;
      informer.subscribe((c) => {
        if (c.type === 'sync') syncs += 1;
      });
      informer.start();
      await until(() => informer.state.phase === 'live' && sim.openWatches > 0, 'live with an open watch');
      assert.equal(syncs, 1);

      // Drop the stream, change the cluster and forget the history before the informer comes back:
      // its resourceVersion is now too old and the server answers the re-watch with 410.
      sim.dropWatches();
      await sim.client.create(ScaledObjectResource, scaledObject('missed'));
      sim.expireHistory();

      await until(() => syncs === 2, 'a second list after 410');
      await until(() => informer.state.phase === 'live', 'live again');
      const server = await sim.client.list<ScaledObject>(ScaledObjectResource, { namespace: 'default' });
      assert.deepEqual(
        informer
          .items()
          .map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`)
          .sort(),
        server.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort(),
      );
      assert.ok(informer.get('default/missed'));
      informer.stop();
      await sim.client.delete(ScaledObjectResource, { name: 'missed', namespace: 'default' });
    });

    test('reports the API Status when the list is forbidden, and recovers when it is allowed', async () => {
      let token = 'not-a-token';
      const unauthenticated = new HttpKubeClient(url, {
        watchTransport: transport,
        WebSocket: NodeWebSocket as unknown as WebSocketConstructor,
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` },
          }),
      });
      const informer = new Informer<ScaledObject>(unauthenticated, ScaledObjectResource, {
        backoff: { initialMs: 20, maxMs: 50, jitter: 0 },
      });
      informer.start();
      await until(() => informer.state.phase === 'error', 'error state');
      assert.equal(informer.state.error?.code, 401);
      assert.equal(informer.state.error?.message, 'Unauthorized');
      token = sim.adminToken;
      await until(() => informer.state.phase === 'live', 'live after the token is fixed');
      assert.equal(informer.state.error, undefined);
      informer.stop();
    });
  });
}
