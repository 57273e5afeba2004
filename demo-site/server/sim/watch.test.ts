/** Watch semantics over chunked HTTP and over WebSocket upgrades (KUBE-WIRE §5). */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import { SimCluster } from './index.ts';
import {
  call,
  httpWatch,
  sleep,
  startCluster,
  waitFor,
  wsWatch,
  type EventStream,
  type Running,
  type WatchEventJson,
} from './test-helpers.ts';

const SO_LIST = '/apis/keda.sh/v1alpha1/scaledobjects';
const SO_DEFAULT = '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects';

let sim: Running;

before(async () => {
  sim = await startCluster({ bookmarkIntervalMs: 50, simulation: false });
});

after(async () => {
  await sim.cluster.close();
});

type Opener = (path: string) => Promise<EventStream>;

const transports: { name: string; open: Opener }[] = [
  {
    name: 'HTTP',
    open: (path) => httpWatch(sim.url, path, { token: sim.cluster.adminToken, caPem: sim.caPem }),
  },
  {
    name: 'WebSocket',
    open: (path) => wsWatch(sim.url, path, { token: sim.cluster.adminToken, caPem: sim.caPem }),
  },
];

function so(
  name: string,
  labels: Record<string, string> = {},
): Parameters<typeof sim.cluster.client.create>[1] {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace: 'default', labels },
    // A workload of its own and a non-resource trigger, so that KEDA's admission webhook allows it.
    spec: {
      scaleTargetRef: { name: `${name}-workload` },
      triggers: [
        {
          type: 'cron',
          metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
        },
      ],
    },
  } as Parameters<typeof sim.cluster.client.create>[1];
}

async function listRv(path: string): Promise<string> {
  const r = await call(sim.url, path, { token: sim.cluster.adminToken, caPem: sim.caPem });
  return r.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
}

const names = (events: WatchEventJson[]): string[] =>
  events.map((e) => `${e.type} ${e.object.metadata.name ?? ''}`);

for (const transport of transports) {
  describe(`watch over ${transport.name}`, () => {
    const suffix = transport.name.toLowerCase();

    test('from a resourceVersion: no replay, only later events', async () => {
      const rv = await listRv(SO_DEFAULT);
      const stream = await transport.open(`${SO_DEFAULT}?watch=true&resourceVersion=${rv}`);
      try {
        await sleep(150);
        assert.equal(stream.unread, 0, 'nothing is replayed');
        await sim.cluster.client.patch(
          ScaledObjectResource,
          { namespace: 'default', name: 'rabbitmq-consumer' },
          'merge',
          {
            metadata: { annotations: { touched: suffix } },
          },
        );
        const [event] = await stream.take(1);
        assert.equal(event?.type, 'MODIFIED');
        assert.equal(event?.object.metadata.name, 'rabbitmq-consumer');
        assert.ok(Number(event?.object.metadata.resourceVersion) > Number(rv));
      } finally {
        stream.close();
      }
    });

    test('from resourceVersion 0 (and without one): synthetic ADDED for the current state first', async () => {
      for (const query of ['watch=1&resourceVersion=0', 'watch=true']) {
        const stream = await transport.open(`${SO_LIST}?${query}`);
        try {
          const events = await stream.take(7);
          assert.ok(events.every((e) => e.type === 'ADDED'));
          assert.ok(names(events).includes('ADDED rabbitmq-consumer'));
          assert.ok(events.some((e) => e.object.metadata.namespace === 'payments'));
        } finally {
          stream.close();
        }
      }
    });

    test('DELETED carries the new resourceVersion', async () => {
      const name = `gone-${suffix}`;
      const created = await sim.cluster.client.create(ScaledObjectResource, so(name));
      const stream = await transport.open(
        `${SO_DEFAULT}?watch=true&resourceVersion=${created.metadata.resourceVersion ?? ''}`,
      );
      try {
        await sim.cluster.client.delete(ScaledObjectResource, { namespace: 'default', name });
        const [event] = await stream.take(1);
        assert.equal(event?.type, 'DELETED');
        assert.equal(event?.object.metadata.name, name);
        assert.equal(event?.object.metadata.resourceVersion, sim.cluster.resourceVersion);
        assert.ok(Number(event?.object.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
      } finally {
        stream.close();
      }
    });

    test('objects entering / leaving a label selector become ADDED / DELETED', async () => {
      const name = `sel-${suffix}`;
      await sim.cluster.client.create(ScaledObjectResource, so(name, { tier: 'bronze' }));
      const rv = await listRv(SO_DEFAULT);
      const stream = await transport.open(
        `${SO_DEFAULT}?watch=true&resourceVersion=${rv}&labelSelector=tier%20in%20(gold,platinum)`,
      );
      try {
        const ref = { namespace: 'default', name };
        await sim.cluster.client.patch(ScaledObjectResource, ref, 'merge', {
          metadata: { labels: { tier: 'gold' } },
        });
        await sim.cluster.client.patch(ScaledObjectResource, ref, 'merge', {
          metadata: { labels: { tier: 'platinum' } },
        });
        await sim.cluster.client.patch(ScaledObjectResource, ref, 'merge', {
          metadata: { labels: { tier: 'silver' } },
        });
        const events = await stream.take(3);
        assert.deepEqual(names(events), [`ADDED ${name}`, `MODIFIED ${name}`, `DELETED ${name}`]);
        const leaving = events[2];
        assert.equal(leaving?.object.metadata.resourceVersion, sim.cluster.resourceVersion);
        await sleep(100);
        assert.equal(stream.unread, 0);
      } finally {
        stream.close();
      }
    });

    test('an expired resourceVersion gives ERROR 410 as the first event, then the stream ends', async () => {
      const old = await listRv(SO_DEFAULT);
      await sim.cluster.client.patch(
        ScaledObjectResource,
        { namespace: 'default', name: 'rabbitmq-consumer' },
        'merge',
        {
          metadata: { annotations: { expired: suffix } },
        },
      );
      sim.cluster.expireHistory();
      const stream = await transport.open(`${SO_DEFAULT}?watch=true&resourceVersion=${old}`);
      const [event] = await stream.take(1);
      assert.equal(event?.type, 'ERROR');
      assert.equal(event?.object.kind, 'Status');
      assert.equal(event?.object.code, 410);
      assert.equal(event?.object.reason, 'Expired');
      assert.match(event?.object.message ?? '', new RegExp(`^too old resource version: ${old} \\(\\d+\\)$`));
      await stream.ended;
      assert.equal(stream.events.length, 1);
    });

    test('dropWatches() ends the stream', async () => {
      const stream = await transport.open(
        `${SO_DEFAULT}?watch=true&resourceVersion=${sim.cluster.resourceVersion}`,
      );
      await waitFor(() => sim.cluster.openWatches > 0, 2000, 'open');
      sim.cluster.dropWatches();
      await stream.ended;
      assert.equal(sim.cluster.openWatches, 0);
    });
  });
}

describe('watch details', () => {
  const auth = (): { token: string; caPem?: string } => ({ token: sim.cluster.adminToken, caPem: sim.caPem });

  test('HTTP watch: 200, application/json, chunked, newline-delimited', async () => {
    const stream = await httpWatch(sim.url, `${SO_DEFAULT}?watch=true`, auth());
    try {
      assert.equal(stream.status, 200);
      assert.equal(stream.headers['content-type'], 'application/json');
      assert.equal(stream.headers['transfer-encoding'], 'chunked');
      await stream.take(1);
    } finally {
      stream.close();
    }
  });

  test('WebSocket: echoes the first subprotocol, text frames, same JSON as HTTP', async () => {
    const path = `${SO_DEFAULT}?watch=1&resourceVersion=0&fieldSelector=metadata.name%3Drabbitmq-consumer`;
    const ws = await wsWatch(sim.url, path, {
      ...auth(),
      protocols: ['base64.binary.k8s.io', 'base64.channel.k8s.io'],
    });
    const http = await httpWatch(sim.url, path, auth());
    try {
      assert.equal(ws.protocol, 'base64.binary.k8s.io');
      await ws.take(1);
      await http.take(1);
      assert.equal(ws.binaryFrames, 0);
      assert.equal(ws.frames[0]?.trim(), http.frames[0]);
    } finally {
      ws.close();
      http.close();
    }
  });

  test('WebSocket: bearer token as a subprotocol; no token is a 401', async () => {
    const token = Buffer.from(sim.cluster.adminToken).toString('base64url');
    const ws = await wsWatch(sim.url, `${SO_DEFAULT}?watch=1`, {
      caPem: sim.caPem,
      protocols: ['base64.binary.k8s.io', `base64url.bearer.authorization.k8s.io.${token}`],
    });
    ws.close();
    assert.equal(ws.protocol, 'base64.binary.k8s.io');
    await assert.rejects(wsWatch(sim.url, `${SO_DEFAULT}?watch=1`, { caPem: sim.caPem }), {
      statusCode: 401,
    });
  });

  test('allowWatchBookmarks sends periodic BOOKMARK events', async () => {
    const stream = await httpWatch(
      sim.url,
      `${SO_DEFAULT}?watch=true&allowWatchBookmarks=true&resourceVersion=${sim.cluster.resourceVersion}`,
      auth(),
    );
    try {
      const [event] = await stream.take(1);
      assert.equal(event?.type, 'BOOKMARK');
      assert.equal(event?.object.kind, 'ScaledObject');
      assert.equal(event?.object.apiVersion, 'keda.sh/v1alpha1');
      assert.equal(event?.object.metadata.resourceVersion, sim.cluster.resourceVersion);
    } finally {
      stream.close();
    }
  });

  test('timeoutSeconds closes the stream', async () => {
    const started = Date.now();
    const stream = await httpWatch(
      sim.url,
      `${SO_DEFAULT}?watch=true&timeoutSeconds=1&resourceVersion=${sim.cluster.resourceVersion}`,
      auth(),
    );
    await stream.ended;
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 2500, `closed after ${elapsed}ms`);
  });

  test('sendInitialEvents=true: initial ADDED then a bookmark marking their end; invalid combinations are 422', async () => {
    const stream = await httpWatch(
      sim.url,
      `${SO_LIST}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&fieldSelector=metadata.namespace%3Dpayments`,
      auth(),
    );
    try {
      const events = await stream.take(3);
      assert.deepEqual(
        events.map((e) => e.type),
        ['ADDED', 'ADDED', 'BOOKMARK'],
      );
      assert.equal(events[2]?.object.metadata.annotations?.['k8s.io/initial-events-end'], 'true');
    } finally {
      stream.close();
    }
    const bad = await call(sim.url, `${SO_LIST}?watch=true&sendInitialEvents=true`, auth());
    assert.equal(bad.status, 422);
  });

  test('a client disconnect ends the server-side watch', async () => {
    const stream = await httpWatch(
      sim.url,
      `${SO_DEFAULT}?watch=true&resourceVersion=${sim.cluster.resourceVersion}`,
      auth(),
    );
    await waitFor(() => sim.cluster.openWatches === 1, 2000, 'open');
    stream.close();
    await waitFor(() => sim.cluster.openWatches === 0, 2000, 'closed on the server');
  });

  test('Table watch events: one-row Tables, column definitions only on the first', async () => {
    const stream = await httpWatch(sim.url, `${SO_LIST}?watch=true&resourceVersion=0`, {
      ...auth(),
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    try {
      const events = await stream.take(2);
      const first = events[0]?.object as unknown as {
        kind: string;
        columnDefinitions: unknown[];
        rows: unknown[];
      };
      const second = events[1]?.object as unknown as {
        columnDefinitions: unknown;
        rows: { object: { kind: string } }[];
      };
      assert.equal(first.kind, 'Table');
      assert.equal(first.columnDefinitions.length, 12);
      assert.equal(first.rows.length, 1);
      assert.equal(second.columnDefinitions, null);
      assert.equal(second.rows[0]?.object.kind, 'PartialObjectMetadata');
    } finally {
      stream.close();
    }
  });
});

describe('mounted in a host server under a prefix, without TLS', () => {
  let cluster: SimCluster;
  let host: Server;
  let base: string;

  before(async () => {
    cluster = await SimCluster.create({ seed: 7, scenario: 'empty' });
    const rewrite = (req: IncomingMessage): boolean => {
      const prefix = '/clusters/sim';
      if (!req.url?.startsWith(`${prefix}/`)) return false;
      req.url = req.url.slice(prefix.length);
      req.headers.authorization = `Bearer ${cluster.adminToken}`;
      return true;
    };
    host = createServer((req, res) => {
      if (rewrite(req)) cluster.handleRequest(req, res);
      else res.writeHead(404).end();
    });
    host.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (rewrite(req)) cluster.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });

  after(async () => {
    await cluster.close();
    host.closeAllConnections();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });

  test('list and WebSocket watch through the prefix', async () => {
    const list = await call(base, '/clusters/sim/api/v1/namespaces');
    assert.equal(list.status, 200);
    const body = list.json<{ kind: string; items: unknown[]; metadata: { resourceVersion: string } }>();
    assert.equal(body.kind, 'NamespaceList');
    assert.equal(body.items.length, 4);
    const stream = await wsWatch(
      base,
      `/clusters/sim/api/v1/namespaces?watch=1&resourceVersion=${body.metadata.resourceVersion}`,
    );
    try {
      await call(base, '/clusters/sim/api/v1/namespaces', {
        method: 'POST',
        body: { metadata: { name: 'via-prefix' } },
      });
      const [event] = await stream.take(1);
      assert.equal(event?.type, 'ADDED');
      assert.equal(event?.object.metadata.name, 'via-prefix');
    } finally {
      stream.close();
    }
  });
});
