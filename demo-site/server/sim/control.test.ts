/** The control API under /sim/v1: auth, read-only refusal, shapes, the route table, and its mount in the demo server. */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import { DemoServer } from '../demo-server.ts';
import { SimBackend } from '../sim-backend.ts';
import { FaultSettingsError, NO_FAULTS } from './index.ts';
import { call, httpWatch, startCluster, type Running } from './test-helpers.ts';

let sim: Running;

before(async () => {
  sim = await startCluster({ seed: 5 });
});

after(async () => {
  await sim.cluster.close();
});

const admin = (): { token: string; caPem?: string } => ({ token: sim.cluster.adminToken, caPem: sim.caPem });
const viewer = (): { token: string; caPem?: string } => ({
  token: sim.cluster.readOnlyToken,
  caPem: sim.caPem,
});
const QUIET = {
  dropWatchesEveryMs: 0,
  delayMs: [0, 0],
  errorRate: 0,
  expireHistoryEveryMs: 0,
  paths: [],
};

describe('authentication and authorization', () => {
  test('no token: 401 Status', async () => {
    const res = await call(sim.url, '/sim/v1/status', { caPem: sim.caPem });
    assert.equal(res.status, 401);
    assert.equal(res.json().reason, 'Unauthorized');
  });

  test('the read-only token may GET, and nothing else', async () => {
    assert.equal((await call(sim.url, '/sim/v1/status', viewer())).status, 200);
    assert.equal((await call(sim.url, '/sim/v1/faults', viewer())).status, 200);
    assert.equal((await call(sim.url, '/sim/v1', viewer())).status, 200);
    for (const [method, path] of [
      ['PUT', '/sim/v1/faults'],
      ['PATCH', '/sim/v1/faults'],
      ['POST', '/sim/v1/watches/drop'],
      ['POST', '/sim/v1/history/expire'],
      ['POST', '/sim/v1/restart'],
    ] as const) {
      const res = await call(sim.url, path, { ...viewer(), method, body: { errorRate: 1 } });
      assert.equal(res.status, 403, `${method} ${path}`);
      const status = res.json();
      assert.equal(status.kind, 'Status');
      assert.equal(status.reason, 'Forbidden');
      assert.equal(status.message, `forbidden: User "viewer" cannot ${method.toLowerCase()} path "${path}"`);
    }
    assert.deepEqual(sim.cluster.status().faults, QUIET, 'nothing changed');
    assert.equal(sim.cluster.status().restarts, 0);
  });
});

describe('routes and shapes', () => {
  test('GET /sim/v1 lists the routes', async () => {
    const res = await call(sim.url, '/sim/v1/', admin());
    assert.equal(res.status, 200);
    const { routes } = res.json<{ routes: { method: string; path: string; description: string }[] }>();
    assert.deepEqual(
      routes.map((r) => `${r.method} ${r.path}`),
      [
        'GET /sim/v1/clock',
        'PUT /sim/v1/clock',
        'POST /sim/v1/clock/step',
        'GET /sim/v1/faults',
        'PATCH /sim/v1/faults',
        'PUT /sim/v1/faults',
        'POST /sim/v1/history/expire',
        'POST /sim/v1/restart',
        'GET /sim/v1/sources',
        'PATCH /sim/v1/sources',
        'PUT /sim/v1/sources',
        'POST /sim/v1/sources/burst',
        'GET /sim/v1/status',
        'POST /sim/v1/watches/drop',
      ],
    );
    assert.ok(routes.every((r) => r.description.length > 0));
  });

  test('faults: GET, PUT (replace), PATCH (merge), validation', async () => {
    const get = await call(sim.url, '/sim/v1/faults', admin());
    assert.equal(get.status, 200);
    assert.match(String(get.headers['content-type']), /^application\/json/);
    assert.deepEqual(get.json(), QUIET);

    const put = await call(sim.url, '/sim/v1/faults', {
      ...admin(),
      method: 'PUT',
      body: { delayMs: 3, errorRate: 0.25, paths: ['/apis/apps'] },
    });
    assert.equal(put.status, 200);
    const set = { ...QUIET, delayMs: [3, 3], errorRate: 0.25, paths: ['/apis/apps'] };
    assert.deepEqual(put.json(), set);
    assert.deepEqual((await call(sim.url, '/sim/v1/faults', admin())).json(), set);

    const patch = await call(sim.url, '/sim/v1/faults', {
      ...admin(),
      method: 'PATCH',
      body: { dropWatchesEveryMs: 60_000, delayMs: [1, 4] },
    });
    assert.deepEqual(patch.json(), { ...set, dropWatchesEveryMs: 60_000, delayMs: [1, 4] });

    const bad = await call(sim.url, '/sim/v1/faults', {
      ...admin(),
      method: 'PUT',
      body: { errorRate: 2, delayMs: [5, 1], dropWatchesEveryMs: 3, colour: 'red' },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.json().reason, 'BadRequest');
    assert.equal(
      bad.json().message,
      'invalid fault settings: unknown field "colour"; dropWatchesEveryMs must be 0 (off) or at least 10; ' +
        'delayMs must be a whole number of milliseconds or a [min, max] pair, within 0..60000, min <= max; ' +
        'errorRate must be a number from 0 to 1',
    );
    const notJson = await call(sim.url, '/sim/v1/faults', {
      ...admin(),
      method: 'PUT',
      raw: Buffer.from('{nope'),
    });
    assert.equal(notJson.status, 400);
    assert.deepEqual(sim.cluster.faults.delayMs, [1, 4], 'a refused PUT changes nothing');

    const off = await call(sim.url, '/sim/v1/faults', { ...admin(), method: 'PUT', body: {} });
    assert.deepEqual(off.json(), QUIET);
  });

  test('status: resourceVersion, counts per kind, open watches, uptime, faults', async () => {
    const watch = await httpWatch(
      sim.url,
      `/apis/keda.sh/v1alpha1/scaledobjects?watch=true&resourceVersion=${sim.cluster.resourceVersion}`,
      admin(),
    );
    try {
      const res = await call(sim.url, '/sim/v1/status', admin());
      assert.equal(res.status, 200);
      const status = res.json<{
        resourceVersion: string;
        oldestResumableResourceVersion: string;
        objects: Record<string, number>;
        openWatches: number;
        uptimeSeconds: number;
        startedAt: string;
        restarts: number;
        faults: unknown;
        injected: Record<string, number>;
      }>();
      assert.equal(status.resourceVersion, sim.cluster.resourceVersion);
      assert.ok(Number(status.oldestResumableResourceVersion) <= Number(status.resourceVersion));
      const scaledObjects = (await sim.cluster.client.list(ScaledObjectResource)).items.length;
      assert.equal(status.objects['ScaledObject.keda.sh'], scaledObjects);
      assert.ok((status.objects.Namespace ?? 0) >= 4);
      assert.ok((status.objects['Deployment.apps'] ?? 0) > 0);
      assert.equal(status.openWatches, 1);
      assert.equal(typeof status.uptimeSeconds, 'number');
      assert.match(status.startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(status.restarts, 0);
      assert.deepEqual(status.faults, QUIET);
      assert.deepEqual(Object.keys(status.injected).sort(), [
        'delayedRequests',
        'failedRequests',
        'historyExpiries',
        'watchDrops',
      ]);
      assert.deepEqual(status, {
        ...sim.cluster.status(),
        uptimeSeconds: status.uptimeSeconds,
        openWatches: 1,
      });
    } finally {
      watch.close();
    }
  });

  test('watches/drop ends the open watches (optionally under a path prefix)', async () => {
    const path = `/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects?watch=true&resourceVersion=${sim.cluster.resourceVersion}`;
    const watch = await httpWatch(sim.url, path, admin());
    const other = await httpWatch(
      sim.url,
      `/apis/apps/v1/deployments?watch=true&resourceVersion=${sim.cluster.resourceVersion}`,
      admin(),
    );
    try {
      const none = await call(sim.url, '/sim/v1/watches/drop', {
        ...admin(),
        method: 'POST',
        body: { pathPrefix: '/apis/keda.sh/v1alpha1/namespaces/orders' },
      });
      assert.deepEqual(none.json(), { dropped: 0 });
      const some = await call(sim.url, '/sim/v1/watches/drop', {
        ...admin(),
        method: 'POST',
        body: { pathPrefix: '/apis/keda.sh' },
      });
      assert.deepEqual(some.json(), { dropped: 1 });
      await watch.ended;
      assert.equal(other.isEnded, false);
      const all = await call(sim.url, '/sim/v1/watches/drop', { ...admin(), method: 'POST' });
      assert.deepEqual(all.json(), { dropped: 1 });
      await other.ended;
      const bad = await call(sim.url, '/sim/v1/watches/drop', {
        ...admin(),
        method: 'POST',
        body: { pathPrefix: 3 },
      });
      assert.equal(bad.status, 400);
    } finally {
      watch.close();
      other.close();
    }
  });

  test('history/expire: a watch from before gets ERROR 410', async () => {
    const old = sim.cluster.resourceVersion;
    const res = await call(sim.url, '/sim/v1/history/expire', { ...admin(), method: 'POST' });
    assert.equal(res.status, 200);
    const body = res.json<{ resourceVersion: string; oldestResumableResourceVersion: string }>();
    assert.equal(body.resourceVersion, sim.cluster.resourceVersion);
    assert.equal(body.oldestResumableResourceVersion, body.resourceVersion);
    assert.ok(Number(body.resourceVersion) > Number(old));
    const stale = await httpWatch(
      sim.url,
      `/apis/keda.sh/v1alpha1/scaledobjects?watch=true&resourceVersion=${old}`,
      admin(),
    );
    const [event] = await stale.take(1);
    assert.equal(event?.type, 'ERROR');
    assert.equal(event?.object.code, 410);
    await stale.ended;
    const fresh = await httpWatch(
      sim.url,
      `/apis/keda.sh/v1alpha1/scaledobjects?watch=true&resourceVersion=${body.resourceVersion}`,
      admin(),
    );
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(fresh.events.length, 0, 'a watch from the new resourceVersion is fine');
    fresh.close();
  });

  test('unknown routes are 404, wrong methods 405, both as Status', async () => {
    const missing = await call(sim.url, '/sim/v1/nope', admin());
    assert.equal(missing.status, 404);
    assert.equal(missing.json().kind, 'Status');
    const wrong = await call(sim.url, '/sim/v1/status', { ...admin(), method: 'DELETE' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.json().reason, 'MethodNotAllowed');
    assert.equal(wrong.json().message, 'DELETE is not supported on /sim/v1/status (allowed: GET)');
    const badRestart = await call(sim.url, '/sim/v1/restart', {
      ...admin(),
      method: 'POST',
      body: { downMs: -1 },
    });
    assert.equal(badRestart.status, 400);
  });

  test('injected errors never hit the control API', async () => {
    sim.cluster.setFaults({ errorRate: 1 });
    try {
      const api = await call(sim.url, '/apis/keda.sh/v1alpha1/scaledobjects', admin());
      assert.equal(api.status, 500);
      assert.equal(api.json().reason, 'InternalError');
      assert.equal((await call(sim.url, '/sim/v1/status', admin())).status, 200);
      const off = await call(sim.url, '/sim/v1/faults', { ...admin(), method: 'PUT', body: {} });
      assert.equal(off.status, 200);
    } finally {
      sim.cluster.setFaults({});
    }
    assert.equal((await call(sim.url, '/apis/keda.sh/v1alpha1/scaledobjects', admin())).status, 200);
  });
});

describe('not a Kubernetes API', () => {
  test('discovery (legacy and aggregated) and openapi never mention it; /apis/sim is 404', async () => {
    const aggregated =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    for (const [path, accept] of [
      ['/api', undefined],
      ['/apis', undefined],
      ['/api', aggregated],
      ['/apis', aggregated],
      ['/openapi/v3', undefined],
    ] as const) {
      const res = await call(sim.url, path, { ...admin(), headers: accept ? { accept } : {} });
      assert.equal(res.status, 200, path);
      assert.doesNotMatch(res.text, /"sim"|\/sim\//, `${path} (${accept ?? 'json'})`);
    }
    for (const path of ['/apis/sim', '/apis/sim/v1', '/apis/sim/v1/faults', '/api/sim/v1']) {
      assert.equal((await call(sim.url, path, admin())).status, 404, path);
    }
  });
});

describe('the route table', () => {
  test('another module registers a route (e.g. /sim/v1/clock) without touching the others', async () => {
    let speed = 1;
    const unregister = sim.cluster.controlApi.register(
      { method: 'GET', path: '/sim/v1/clock', description: 'the clock', handle: () => ({ body: { speed } }) },
      {
        method: 'PUT',
        path: '/sim/v1/clock',
        description: 'set the speed',
        handle: async (request) => {
          const body = (await request.body()) as { speed: number };
          speed = body.speed;
          return { body: { speed } };
        },
      },
    );
    try {
      assert.deepEqual((await call(sim.url, '/sim/v1/clock', admin())).json(), { speed: 1 });
      const put = await call(sim.url, '/sim/v1/clock', { ...admin(), method: 'PUT', body: { speed: 60 } });
      assert.deepEqual(put.json(), { speed: 60 });
      assert.equal(
        (await call(sim.url, '/sim/v1/clock', { ...viewer(), method: 'PUT', body: {} })).status,
        403,
      );
      const index = (await call(sim.url, '/sim/v1', admin())).json<{ routes: { path: string }[] }>();
      assert.ok(index.routes.some((r) => r.path === '/sim/v1/clock'));
    } finally {
      unregister();
    }
    assert.equal((await call(sim.url, '/sim/v1/clock', admin())).status, 404);
    assert.throws(() =>
      sim.cluster.controlApi.register({
        method: 'GET',
        path: '/apis/x',
        description: '',
        handle: () => ({ body: {} }),
      }),
    );
  });

  test('typed methods on SimCluster', () => {
    const set = sim.cluster.setFaults({ delayMs: [2, 9], paths: ['/api/'] });
    assert.deepEqual(set, { ...NO_FAULTS, delayMs: [2, 9], paths: ['/api/'] });
    assert.deepEqual(sim.cluster.faults, set);
    assert.throws(() => sim.cluster.setFaults({ errorRate: -1 }), FaultSettingsError);
    assert.deepEqual(sim.cluster.setFaults({}), NO_FAULTS);
    assert.equal(sim.cluster.status().resourceVersion, sim.cluster.resourceVersion);
  });
});

describe('mounted in the demo server', () => {
  test('/clusters/sim/sim/v1/... reaches it; /clusters/sim/apis does not list it', async () => {
    const backend = await SimBackend.create('sim', { scenario: 'empty', seed: 2 });
    const server = new DemoServer({ host: '127.0.0.1', port: 0, siteRoot: tmpdir(), clusters: [backend] });
    const url = await server.listen();
    try {
      const status = await call(url, '/clusters/sim/sim/v1/status');
      assert.equal(status.status, 200);
      assert.equal(status.json().resourceVersion, backend.sim.resourceVersion);
      const put = await call(url, '/clusters/sim/sim/v1/faults', { method: 'PUT', body: { errorRate: 0.5 } });
      assert.equal(put.status, 200);
      assert.equal(backend.sim.faults.errorRate, 0.5);
      const apis = await call(url, '/clusters/sim/apis');
      assert.doesNotMatch(apis.text, /"sim"/);
    } finally {
      await server.close();
    }
  });
});
