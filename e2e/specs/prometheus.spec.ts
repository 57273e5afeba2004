// A real Prometheus (Debian's `prometheus`) scrapes the simulated cluster's KEDA operator and
// kube-state-metrics endpoints while the cluster runs at 60× speed; the dashboard's Prometheus
// source then reads a 1 h range of orders-processor's metric and replicas back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrometheusSource } from '../../components/src/data/history/prometheus-source.js';
import { expect, test } from './test.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROMETHEUS = '/usr/bin/prometheus';
const KEDA_PATH = '/api/v1/namespaces/keda/services/keda-operator:8080/proxy/metrics';
const KSM_PATH = '/api/v1/namespaces/kube-system/services/kube-state-metrics:8080/proxy/metrics';

/** The simulated cluster in its own process, at `speed` virtual seconds per second. */
const SIM_SCRIPT = `
import { SimCluster } from './demo-site/server/sim/index.ts';
const sim = await SimCluster.create({ scenario: 'demo', seed: 7, speed: Number(process.argv.at(-1)) });
const { url } = await sim.listen({ port: 0, host: '127.0.0.1', insecureHttp: true });
process.stdout.write(JSON.stringify({ url, token: sim.adminToken }) + '\\n');
process.on('SIGTERM', () => sim.close().then(() => process.exit(0)));
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function startSim(speed: number): Promise<{ process: ChildProcess; url: string; token: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', SIM_SCRIPT, String(speed)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ process: child, ...(JSON.parse(line) as { url: string; token: string }) });
    });
    child.once('exit', (code) => reject(new Error(`the simulated cluster exited (${code}): ${err}`)));
  });
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

test.describe('Prometheus scraping the simulated cluster', () => {
  let sim: Awaited<ReturnType<typeof startSim>> | undefined;
  let prometheus: ChildProcess | undefined;
  let dir: string | undefined;
  let promUrl = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    expect(
      existsSync(PROMETHEUS),
      "Debian's prometheus package (.ci/run installs it: apt-get install prometheus)",
    ).toBe(true);
    sim = await startSim(60);
    const target = new URL(sim.url).host;
    const job = (name: string, path: string) =>
      [
        `  - job_name: ${name}`,
        `    metrics_path: ${path}`,
        '    authorization:',
        `      credentials: ${sim!.token}`,
        '    static_configs:',
        `      - targets: ['${target}']`,
      ].join('\n');
    dir = mkdtempSync(join(tmpdir(), 'keda-e2e-prometheus-'));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        job('keda-operator', KEDA_PATH),
        job('kube-state-metrics', KSM_PATH),
        '',
      ].join('\n'),
    );
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    await waitFor('Prometheus to be ready', 30_000, async () =>
      (await fetch(`${promUrl}/-/ready`)).ok ? true : undefined,
    );
  });

  test.afterAll(async () => {
    prometheus?.kill('SIGTERM');
    sim?.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('both targets are up and a 1 h range of orders-processor comes back through the Prometheus source', async () => {
    test.setTimeout(180_000);
    const targets = await waitFor('both scrape targets up', 30_000, async () => {
      const body = (await (await fetch(`${promUrl}/api/v1/targets`)).json()) as {
        data: { activeTargets: { labels: { job: string }; health: string; lastError: string }[] };
      };
      const up = body.data.activeTargets.filter((t) => t.health === 'up').map((t) => t.labels.job);
      return up.length === 2 ? up.sort() : undefined;
    });
    expect(targets).toEqual(['keda-operator', 'kube-state-metrics']);

    // Bursts at 60× stay above 200 for seconds of real time, less than a 1 s scrape can be sure
    // to catch on a loaded machine: hold the orders queue at 267 instead (no arrivals, no
    // consumers working it off) through the simulator's control API.
    const control = (path: string, init?: RequestInit) =>
      fetch(`${sim!.url}/sim/v1/${path}`, {
        ...init,
        headers: { authorization: `Bearer ${sim!.token}`, 'content-type': 'application/json' },
      });
    const queueKey = await waitFor('the orders queue read by orders-processor', 30_000, async () => {
      const { sources } = (await (await control('sources')).json()) as {
        sources: { key: string; usedBy: string[] }[];
      };
      return sources.find((s) => s.usedBy.includes('ScaledObject orders/orders-processor'))?.key;
    });
    const held = await control('sources', {
      method: 'PATCH',
      body: JSON.stringify({ key: queueKey, value: 267, curve: { type: 'constant', value: 0 }, drain: null }),
    });
    expect(held.status, await held.clone().text()).toBe(200);

    const source = new PrometheusSource({ baseUrl: promUrl });
    const ref = { namespace: 'orders', name: 'orders-processor' };
    const recordedMax = async (query: string) => {
      const now = Date.now();
      const series = await source.queryRange(`max_over_time(${query}[1h])`, {
        start: now,
        end: now,
        stepSeconds: 1,
      });
      return series[0]?.points.at(-1)?.value ?? 0;
    };
    await waitFor('the held queue and the scale-out recorded by Prometheus', 120_000, async () => {
      const value = await recordedMax(
        'keda_scaler_metrics_value{namespace="orders",scaledObject="orders-processor"}',
      );
      const desired = await recordedMax(
        'kube_horizontalpodautoscaler_status_desired_replicas{horizontalpodautoscaler="keda-hpa-orders-processor"}',
      );
      if (value === 267 && desired === 5) return true;
      throw new Error(`recorded maxima so far: metric ${value}, HPA desired ${desired}`);
    });
    const history = await waitFor('the held queue in the sampled 1 h history', 60_000, async () => {
      const h = await source.scaledObjectHistory(ref, '1h');
      const values = h.metrics[0]?.samples.map((s) => s.value) ?? [];
      const replicas = h.replicas.map((r) => Math.min(r.current ?? 0, r.hpaDesired ?? 0));
      if (values.length > 3 && Math.max(...values) === 267 && Math.max(0, ...replicas) >= 1) return h;
      throw new Error(
        `${values.length} metric samples, max ${Math.max(0, ...values)}; replicas up to ${Math.max(0, ...replicas)}`,
      );
    });

    expect(history.range.end - history.range.start).toBe(3600_000);
    expect(history.range.stepSeconds).toBe(5);
    expect(history.metrics.map((m) => [m.metricName, m.scaler, m.triggerIndex])).toEqual([
      ['s0-rabbitmq-orders', 'rabbitMQScaler', 0],
    ]);
    const samples = history.metrics[0]!.samples;
    expect(samples.length).toBeGreaterThan(3);
    expect(samples.every((s) => s.source === 'prometheus' && s.t >= history.range.start)).toBe(true);
    expect(Math.max(...samples.map((s) => s.value))).toBe(267);
    expect(history.replicas.some((r) => r.max === 5 && r.min === 1)).toBe(true);
    expect(Math.max(...history.replicas.map((r) => r.hpaDesired ?? 0))).toBeGreaterThanOrEqual(1);
    expect(history.replicas.every((r) => (r.hpaDesired ?? 0) <= 5)).toBe(true);

    // The paused ScaledObject exports no scaler value (its loop is stopped), only the paused gauge.
    const paused = await source.queryRange(
      'keda_scaled_object_paused{namespace="payments",scaledObject="payments-reconciler"}',
      history.range,
    );
    expect(paused.map((s) => s.points.at(-1)?.value)).toEqual([1]);
    const reconciler = await source.scaledObjectHistory(
      { namespace: 'payments', name: 'payments-reconciler' },
      '1h',
    );
    expect(reconciler.metrics).toEqual([]);
  });
});
