/**
 * Watch-list (`sendInitialEvents=true&resourceVersionMatch=NotOlderThan`, what client-go reflectors
 * try first): the current state as ADDED events, a BOOKMARK marking their end, then live events;
 * and the apiserver's ListOptions validation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { call, httpWatch, startCluster, wsWatch, type Running } from './test-helpers.ts';

const SO = '/apis/keda.sh/v1alpha1/scaledobjects';
const WATCH_LIST =
  'watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true';

let sim: Running;

before(async () => {
  // KEDA's webhooks would want each ScaledObject's target to exist; not the point here.
  sim = await startCluster({ bookmarkIntervalMs: 60_000, admissionWebhooks: false, simulation: false });
});

after(async () => {
  await sim.cluster.close();
});

const auth = (): { token: string; caPem?: string } => ({ token: sim.cluster.adminToken, caPem: sim.caPem });

function scaledObject(name: string): KubeObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace: 'default' },
    spec: { scaleTargetRef: { name }, triggers: [{ type: 'cpu', metadata: { value: '50' } }] },
  } as KubeObject;
}

async function serverState(): Promise<{ names: string[]; rv: string }> {
  const list = await sim.cluster.client.list(ScaledObjectResource);
  return {
    names: list.items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`),
    rv: list.metadata.resourceVersion ?? '',
  };
}

describe('sendInitialEvents=true', () => {
  for (const transport of ['HTTP', 'WebSocket'] as const) {
    test(`${transport}: ADDED for the current state, the initial-events-end BOOKMARK, then live events`, async () => {
      const before = await serverState();
      const open = transport === 'HTTP' ? httpWatch : wsWatch;
      const stream = await open(sim.url, `${SO}?${WATCH_LIST}`, auth());
      try {
        const initial = await stream.take(before.names.length + 1);
        const added = initial.slice(0, -1);
        assert.ok(added.every((e) => e.type === 'ADDED'));
        assert.deepEqual(
          added.map((e) => `${e.object.metadata.namespace ?? ''}/${e.object.metadata.name ?? ''}`),
          before.names,
        );
        const bookmark = initial.at(-1);
        assert.equal(bookmark?.type, 'BOOKMARK');
        assert.equal(bookmark?.object.kind, 'ScaledObject');
        assert.equal(bookmark?.object.apiVersion, 'keda.sh/v1alpha1');
        assert.deepEqual(bookmark?.object.metadata, {
          resourceVersion: before.rv,
          annotations: { 'k8s.io/initial-events-end': 'true' },
        });
        const name = `live-${transport.toLowerCase()}`;
        const created = await sim.cluster.client.create(ScaledObjectResource, scaledObject(name));
        const live = await stream.next();
        assert.equal(live?.type, 'ADDED');
        assert.equal(live?.object.metadata.name, name);
        assert.equal(live?.object.metadata.resourceVersion, created.metadata.resourceVersion);
        await sim.cluster.client.delete(ScaledObjectResource, { namespace: 'default', name });
        assert.equal((await stream.next())?.type, 'DELETED');
      } finally {
        stream.close();
      }
    });
  }

  test('selectors and namespaces apply to the initial events too', async () => {
    const stream = await httpWatch(
      sim.url,
      `/apis/keda.sh/v1alpha1/namespaces/payments/scaledobjects?${WATCH_LIST}`,
      auth(),
    );
    try {
      const expected = (await sim.cluster.client.list(ScaledObjectResource, { namespace: 'payments' })).items
        .length;
      const events = await stream.take(expected + 1);
      assert.ok(events.slice(0, -1).every((e) => e.object.metadata.namespace === 'payments'));
      assert.equal(events.at(-1)?.type, 'BOOKMARK');
    } finally {
      stream.close();
    }
  });

  test('from an expired resourceVersion: still the current state, no 410 (NotOlderThan)', async () => {
    const old = sim.cluster.resourceVersion;
    await sim.cluster.client.create(ScaledObjectResource, scaledObject('after-old'));
    sim.cluster.expireHistory();
    const now = await serverState();
    const stream = await httpWatch(sim.url, `${SO}?${WATCH_LIST}&resourceVersion=${old}`, auth());
    try {
      const events = await stream.take(now.names.length + 1);
      assert.equal(events.at(-1)?.type, 'BOOKMARK');
      assert.equal(events.at(-1)?.object.metadata.resourceVersion, now.rv);
      assert.ok(events.some((e) => e.object.metadata.name === 'after-old'));
    } finally {
      stream.close();
      await sim.cluster.client.delete(ScaledObjectResource, { namespace: 'default', name: 'after-old' });
    }
  });

  test('a resourceVersion ahead of the store: waits for it, then serves', async () => {
    const ahead = Number(sim.cluster.resourceVersion) + 1;
    const stream = await httpWatch(sim.url, `${SO}?${WATCH_LIST}&resourceVersion=${ahead}`, auth());
    try {
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(stream.events.length, 0, 'nothing before the store reaches the resourceVersion');
      await sim.cluster.client.create(ScaledObjectResource, scaledObject('catch-up'));
      const now = await serverState();
      const events = await stream.take(now.names.length + 1);
      assert.equal(events.at(-1)?.type, 'BOOKMARK');
      assert.equal(events.at(-1)?.object.metadata.resourceVersion, String(ahead));
    } finally {
      stream.close();
      await sim.cluster.client.delete(ScaledObjectResource, { namespace: 'default', name: 'catch-up' });
    }
  });

  test('a resourceVersion the store never reaches: ERROR 504 ResourceVersionTooLarge after 3 s, then the end', async () => {
    const far = Number(sim.cluster.resourceVersion) + 1000;
    const stream = await httpWatch(sim.url, `${SO}?${WATCH_LIST}&resourceVersion=${far}`, auth());
    const event = await stream.next(5000);
    assert.equal(event?.type, 'ERROR');
    assert.equal(event?.object.code, 504);
    assert.equal(event?.object.reason, 'Timeout');
    assert.match(
      event?.object.message ?? '',
      new RegExp(`^Timeout: Too large resource version: ${far}, current: \\d+$`),
    );
    await stream.ended;
  });

  test('without allowWatchBookmarks (as the real server): the initial events, and no bookmark', async () => {
    const state = await serverState();
    const stream = await httpWatch(
      sim.url,
      `${SO}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan`,
      auth(),
    );
    try {
      const events = await stream.take(state.names.length);
      assert.ok(events.every((e) => e.type === 'ADDED'));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(stream.unread, 0, 'no BOOKMARK follows');
    } finally {
      stream.close();
    }
  });

  test('sendInitialEvents=false: no initial events, only what happens next', async () => {
    const stream = await httpWatch(
      sim.url,
      `${SO}?watch=true&sendInitialEvents=false&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`,
      auth(),
    );
    try {
      await sim.cluster.client.create(ScaledObjectResource, scaledObject('next'));
      const event = await stream.next();
      assert.equal(event?.type, 'ADDED');
      assert.equal(event?.object.metadata.name, 'next');
    } finally {
      stream.close();
      await sim.cluster.client.delete(ScaledObjectResource, { namespace: 'default', name: 'next' });
    }
  });
});

describe('ListOptions validation (422 ListOptions.meta.k8s.io)', () => {
  const cases: { query: string; message: string }[] = [
    {
      query: 'watch=true&sendInitialEvents=true&allowWatchBookmarks=true',
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
    },
    {
      query: 'watch=true&resourceVersionMatch=NotOlderThan',
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
    },
    {
      query: 'watch=true&sendInitialEvents=true&resourceVersionMatch=Exact',
      message:
        'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]',
    },
    {
      query: 'sendInitialEvents=true',
      message:
        'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list',
    },
    {
      query: 'resourceVersionMatch=NotOlderThan',
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    },
    {
      query: 'resourceVersion=0&resourceVersionMatch=Exact',
      message:
        'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
    },
  ];
  for (const { query, message } of cases) {
    test(query, async () => {
      const res = await call(sim.url, `${SO}?${query}`, auth());
      assert.equal(res.status, 422);
      const status = res.json<{
        reason: string;
        message: string;
        details: { group: string; kind: string };
      }>();
      assert.equal(status.reason, 'Invalid');
      assert.equal(status.message, message);
      assert.deepEqual([status.details.group, status.details.kind], ['meta.k8s.io', 'ListOptions']);
    });
  }

  test('valid lists with resourceVersionMatch are served', async () => {
    const res = await call(sim.url, `${SO}?resourceVersion=0&resourceVersionMatch=NotOlderThan`, auth());
    assert.equal(res.status, 200);
  });
});
