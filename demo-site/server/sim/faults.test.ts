/** Fault injection, fault by fault, over raw HTTP: settings, 500s, delays, dropped watches, 410s, restarts. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import {
  FaultSettingsError,
  isQuiet,
  mergeFaultSettings,
  NO_FAULTS,
  parseDelayArgument,
  parseFaultSettings,
} from './faults/settings.ts';
import { SimCluster } from './index.ts';
import { call, httpWatch, sleep, startCluster, waitFor, wsWatch, type Running } from './test-helpers.ts';

const SO = '/apis/keda.sh/v1alpha1/scaledobjects';

function scaledObject(name: string): KubeObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace: 'default' },
    spec: { scaleTargetRef: { name }, triggers: [{ type: 'cpu', metadata: { value: '50' } }] },
  } as KubeObject;
}

describe('settings', () => {
  test('parse, defaults, merge and the CLI delay syntax', () => {
    assert.deepEqual(parseFaultSettings(undefined), NO_FAULTS);
    assert.deepEqual(parseFaultSettings({}), NO_FAULTS);
    assert.ok(isQuiet(NO_FAULTS));
    const s = parseFaultSettings({ delayMs: 20, errorRate: 0.1, paths: ['/apis/keda.sh', '/apis/keda.sh'] });
    assert.deepEqual(s, { ...NO_FAULTS, delayMs: [20, 20], errorRate: 0.1, paths: ['/apis/keda.sh'] });
    assert.equal(isQuiet(s), false);
    assert.deepEqual(mergeFaultSettings(s, { errorRate: 0 }), { ...s, errorRate: 0 });
    assert.deepEqual(parseDelayArgument('100'), [100, 100]);
    assert.deepEqual(parseDelayArgument('50-200'), [50, 200]);
    for (const bad of ['x', '200-50', '-5', '1-99999999']) {
      assert.throws(() => parseDelayArgument(bad), FaultSettingsError, bad);
    }
    assert.throws(() => parseFaultSettings([]), FaultSettingsError);
    assert.throws(() => parseFaultSettings({ paths: ['apis'] }), /paths must be a list of path prefixes/);
    assert.throws(() => parseFaultSettings({ expireHistoryEveryMs: 1.5 }), /expireHistoryEveryMs/);
  });
});

describe('request faults', () => {
  let sim: Running;
  before(async () => {
    sim = await startCluster({ scenario: 'empty', seed: 11 }, { insecureHttp: true });
  });
  after(async () => {
    await sim.cluster.close();
  });

  test('errorRate: that share of requests is a 500 InternalError Status, the same ones for the same seed', async () => {
    const pattern = async (cluster: SimCluster, url: string): Promise<string> => {
      cluster.setFaults({ errorRate: 0.5 });
      let out = '';
      for (let i = 0; i < 40; i++) out += (await call(url, SO)).status === 500 ? 'x' : '.';
      cluster.setFaults({});
      return out;
    };
    const first = await pattern(sim.cluster, sim.url);
    const failures = [...first].filter((c) => c === 'x').length;
    assert.ok(failures > 8 && failures < 32, `about half failed: ${first}`);
    const twin = await startCluster({ scenario: 'empty', seed: 11 }, { insecureHttp: true });
    try {
      assert.equal(await pattern(twin.cluster, twin.url), first, 'same seed, same requests failed');
    } finally {
      await twin.cluster.close();
    }
    sim.cluster.setFaults({ errorRate: 1 });
    const res = await call(sim.url, SO);
    assert.equal(res.status, 500);
    assert.deepEqual(res.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Internal error occurred: fault injected by the simulated cluster',
      reason: 'InternalError',
      details: { causes: [{ message: 'fault injected by the simulated cluster' }] },
      code: 500,
    });
    sim.cluster.setFaults({});
  });

  test('paths: only requests under the prefixes are touched', async () => {
    sim.cluster.setFaults({ errorRate: 1, paths: ['/apis/keda.sh/'] });
    try {
      assert.equal((await call(sim.url, SO)).status, 500);
      assert.equal((await call(sim.url, '/apis/apps/v1/deployments')).status, 200);
      assert.equal((await call(sim.url, '/version')).status, 200);
    } finally {
      sim.cluster.setFaults({});
    }
  });

  test('watches too: an HTTP watch gets the 500, a WebSocket upgrade is answered 500', async () => {
    sim.cluster.setFaults({ errorRate: 1 });
    try {
      const watch = await httpWatch(sim.url, `${SO}?watch=true`);
      assert.equal(watch.status, 500);
      await assert.rejects(wsWatch(sim.url, `${SO}?watch=true`), { statusCode: 500 });
    } finally {
      sim.cluster.setFaults({});
    }
  });

  test('delayMs: fixed and ranged delays before the answer', async () => {
    sim.cluster.setFaults({ delayMs: 120 });
    let started = Date.now();
    assert.equal((await call(sim.url, SO)).status, 200);
    const fixed = Date.now() - started;
    assert.ok(fixed >= 115, `delayed ${fixed}ms`);
    sim.cluster.setFaults({ delayMs: [20, 60] });
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      started = Date.now();
      await call(sim.url, SO);
      times.push(Date.now() - started);
    }
    assert.ok(
      times.every((t) => t >= 18 && t < 1000),
      times.join(','),
    );
    sim.cluster.setFaults({});
    started = Date.now();
    await call(sim.url, SO);
    assert.ok(Date.now() - started < 100);
    assert.ok(sim.cluster.status().injected.delayedRequests >= 7);
  });
});

describe('watch and history faults', () => {
  let sim: Running;
  before(async () => {
    sim = await startCluster({ scenario: 'empty', seed: 12 }, { insecureHttp: true });
  });
  after(async () => {
    await sim.cluster.close();
  });

  test('dropWatchesEveryMs ends every open watch, again and again', async () => {
    sim.cluster.setFaults({ dropWatchesEveryMs: 60 });
    try {
      for (let i = 0; i < 3; i++) {
        const watch = await httpWatch(
          sim.url,
          `${SO}?watch=true&resourceVersion=${sim.cluster.resourceVersion}`,
        );
        const started = Date.now();
        await watch.ended;
        assert.ok(Date.now() - started < 1000);
      }
      assert.ok(sim.cluster.status().injected.watchDrops >= 3);
    } finally {
      sim.cluster.setFaults({});
    }
  });

  test('expireHistoryEveryMs: resuming from an earlier resourceVersion gets ERROR 410', async () => {
    const old = sim.cluster.resourceVersion;
    sim.cluster.setFaults({ expireHistoryEveryMs: 30 });
    try {
      await waitFor(
        () => Number(sim.cluster.status().oldestResumableResourceVersion) > Number(old),
        2000,
        'expiry',
      );
      const watch = await httpWatch(sim.url, `${SO}?watch=true&resourceVersion=${old}`);
      const [event] = await watch.take(1);
      assert.equal(event?.type, 'ERROR');
      assert.equal(event?.object.code, 410);
      assert.equal(event?.object.reason, 'Expired');
      await watch.ended;
    } finally {
      sim.cluster.setFaults({});
    }
  });
});

describe('restart with state kept', () => {
  test('same port, same store, resourceVersions carry on, watches resume without a relist', async () => {
    const sim = await startCluster(
      { scenario: 'empty', seed: 13, admissionWebhooks: false },
      { insecureHttp: true },
    );
    try {
      const before = await call(sim.url, SO);
      const listRv = before.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion;
      const watch = await httpWatch(sim.url, `${SO}?watch=true&resourceVersion=${listRv}`);
      await waitFor(() => sim.cluster.openWatches === 1, 2000, 'watch open');
      // A keep-alive connection, to see it cut.
      const keepAlive = await new Promise<{ closed: Promise<void> }>((resolve, reject) => {
        const req = request(`${sim.url}/version`, { headers: { connection: 'keep-alive' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ closed: new Promise((r) => req.socket?.once('close', () => r())) }));
        });
        req.on('error', reject);
        req.end();
      });

      const restarted = sim.cluster.restart({ downMs: 300 });
      await watch.ended;
      await keepAlive.closed;
      await assert.rejects(call(sim.url, '/version'), /ECONNREFUSED|ECONNRESET|socket hang up/);
      const created = await sim.cluster.client.create(ScaledObjectResource, scaledObject('while-down'));
      await restarted;

      assert.equal(sim.cluster.status().restarts, 1);
      assert.equal(sim.cluster.openWatches, 0);
      const after = await call(sim.url, SO);
      assert.equal(after.status, 200);
      assert.ok(
        Number(after.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion) >
          Number(listRv),
      );
      // Resume from where the client was: the change made while down is delivered, no 410.
      const resumed = await httpWatch(sim.url, `${SO}?watch=true&resourceVersion=${listRv}`);
      const [event] = await resumed.take(1);
      assert.equal(event?.type, 'ADDED');
      assert.equal(event?.object.metadata.name, 'while-down');
      assert.equal(event?.object.metadata.resourceVersion, created.metadata.resourceVersion);
      resumed.close();
    } finally {
      await sim.cluster.close();
    }
  });

  test('HTTPS: the same certificate after the restart; concurrent restarts share one', async () => {
    const sim = await startCluster({ scenario: 'empty', seed: 14 });
    try {
      const a = sim.cluster.restart({ downMs: 50 });
      const b = sim.cluster.restart({ downMs: 50 });
      await Promise.all([a, b]);
      assert.equal(sim.cluster.status().restarts, 1);
      const res = await call(sim.url, '/version', { token: sim.cluster.adminToken, caPem: sim.caPem });
      assert.equal(res.status, 200);
    } finally {
      await sim.cluster.close();
    }
  });

  test('POST /sim/v1/restart answers 202 first, then restarts', async () => {
    const sim = await startCluster({ scenario: 'empty', seed: 15 }, { insecureHttp: true });
    try {
      const res = await call(sim.url, '/sim/v1/restart', { method: 'POST', body: { downMs: 100 } });
      assert.equal(res.status, 202);
      assert.deepEqual(res.json(), { restarting: true, downMs: 100 });
      await waitFor(() => sim.cluster.status().restarts === 1, 2000, 'restart started');
      await waitFor(
        async () => {
          try {
            return (await call(sim.url, '/version')).status === 200;
          } catch {
            return false;
          }
        },
        3000,
        'serving again',
      );
    } finally {
      await sim.cluster.close();
    }
  });

  test('a cluster mounted in a host server refuses requests while down', async () => {
    const cluster = await SimCluster.create({ scenario: 'empty', seed: 16 });
    const { createServer } = await import('node:http');
    const host = createServer((req, res) => cluster.handleRequest(req, res));
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
    const address = host.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const token = cluster.adminToken;
    try {
      const restarted = cluster.restart({ downMs: 200 });
      await assert.rejects(call(url, '/version', { token }), /socket hang up|ECONNRESET/);
      await restarted;
      assert.equal((await call(url, '/version', { token })).status, 200);
    } finally {
      host.closeAllConnections();
      await new Promise<void>((r) => host.close(() => r()));
      await cluster.close();
    }
  });

  test('close() during a restart does not listen again', async () => {
    const sim = await startCluster({ scenario: 'empty', seed: 17 }, { insecureHttp: true });
    const restarted = sim.cluster.restart({ downMs: 100 });
    await sleep(20);
    await sim.cluster.close();
    await restarted;
    await assert.rejects(call(sim.url, '/version'), /ECONNREFUSED/);
  });
});
