// Live monitoring on the simulated cluster at speed: the orders queue rises to 267, the metric
// chart shows it against the target of 50, replicas reach 5, the timeline explains it; the queue
// drains, the trigger cools down with time left, KEDA deactivates to 0; a reload keeps the history.
// This spec runs its own demo server (own port, own cluster): it changes the orders source and the
// clock speed, which other specs must not see.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';

const PORT = Number(process.env.E2E_LIVE_PORT ?? 4514);
const BASE = `http://127.0.0.1:${PORT}`;
const SIM = `${BASE}/clusters/sim/sim/v1`;
const QUEUE = 'rabbitmq:rabbitmq.orders.svc.cluster.local:5672/shop//orders';
const CONSUMERS = { namespace: 'orders', selector: 'app=orders-processor' };
const DEPLOYMENT = `${BASE}/clusters/sim/apis/apps/v1/namespaces/orders/deployments/orders-processor`;

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  // The cluster simulates 20 minutes of history before it listens.
  test.setTimeout(240_000);
  server = spawn(
    'node',
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(import.meta.dirname, '../../demo-site/server/main.ts'),
      '--port',
      String(PORT),
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 1100; i += 1) {
    const ok = await fetch(`${BASE}/api/clusters`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the demo server did not start');
});

test.afterAll(() => {
  server?.kill();
});

test.use({ baseURL: BASE });

async function setQueue(request: APIRequestContext, value: number | undefined, perConsumerPerSecond: number) {
  const r = await request.put(`${SIM}/sources`, {
    data: {
      key: QUEUE,
      ...(value !== undefined ? { value } : {}),
      curve: { type: 'constant', value: 0 },
      drain: { perConsumerPerSecond, consumers: CONSUMERS },
    },
  });
  expect(r.status(), await r.text()).toBe(200);
}

async function replicas(request: APIRequestContext): Promise<number> {
  const r = await request.get(DEPLOYMENT);
  return ((await r.json()) as { spec: { replicas: number } }).spec.replicas;
}

test('raise the orders queue to 267, watch KEDA scale out, explain it, cool down and deactivate; history survives a reload', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  // Ten virtual seconds per second: the HPA syncs every 1.5 s, the 120 s cooldown lasts 12 s.
  expect((await request.put(`${SIM}/clock`, { data: { speed: 10 } })).status()).toBe(200);
  // A quiet start: no arrivals (the scenario's bursts off), the backlog gone, the target at 0.
  await setQueue(request, 0, 5);
  await expect.poll(() => replicas(request), { timeout: 60_000 }).toBe(0);

  await page.goto('/scaledobjects/orders/orders-processor');
  const live = page.locator('keda-so-live');
  await expect(live.locator('.conn')).toHaveText('Live');
  const episodes = live.locator('keda-event-timeline ol.episodes li');
  const before = await episodes.count();

  // 267 orders arrive and nobody works them off yet: the value stays 267.
  await setQueue(request, 267, 0);
  const metric = live.locator('keda-metric-chart [part="toolbar"]');
  await expect(metric).toContainText('s0-rabbitmq-orders', { timeout: 30_000 });
  await expect(metric).toContainText(/267\s*\/\s*target\s+50\s+per pod/, { timeout: 30_000 });
  await expect(live.locator('ul.triggers')).toContainText('Active');
  await expect(live.locator('keda-replica-chart [part="toolbar"]')).toContainText('5 current', {
    timeout: 60_000,
  });
  await expect.poll(() => episodes.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2);
  const fresh = async () =>
    (await episodes.allTextContents())
      .slice(0, (await episodes.count()) - before)
      .map((t) => t.replace(/\s+/g, ' ').trim());
  await expect
    .poll(async () => (await fresh()).join('\n'), { timeout: 30_000 })
    .toMatch(/→ \d+ Activated 0 -> \d+[^\n]*KEDAScaleTargetActivated/);
  await expect
    .poll(async () => (await fresh()).join('\n'), { timeout: 30_000 })
    .toMatch(
      /→ 5\s*Scaled out \d+ -> 5: s0-rabbitmq-orders [\d.]+ against target 50 per pod[^\n]*SuccessfulRescale · ScalingReplicaSet/,
    );
  const log = live.locator('keda-event-log');
  for (const reason of ['KEDAScaleTargetActivated', 'SuccessfulRescale', 'ScalingReplicaSet'])
    await expect(log.locator('td.reason', { hasText: reason }).first()).toBeVisible();

  // The consumers work the queue off: inactive, cooldown with time left, then back to 0.
  await setQueue(request, undefined, 5);
  await expect(live.locator('ul.triggers .state')).toHaveText(/Cooldown · \d+s left/, { timeout: 60_000 });
  await expect(live.locator('keda-replica-chart [part="toolbar"]')).toContainText('0 current', {
    timeout: 60_000,
  });
  await expect
    .poll(async () => (await fresh()).join('\n'), { timeout: 30_000 })
    .toMatch(/→ 0 Deactivated \d+ -> 0[^\n]*KEDAScaleTargetDeactivated/);
  await expect(log.locator('td.reason', { hasText: 'KEDAScaleTargetDeactivated' }).first()).toBeVisible();

  // A reload keeps what was sampled: the 267 and its crossings of the target are still drawn.
  await page.reload();
  await expect(live.locator('.conn')).toHaveText('Live');
  const peak = () =>
    page.evaluate(() => {
      const details = document.querySelector('keda-scaled-object-details');
      const chart = details?.shadowRoot
        ?.querySelector('keda-so-live')
        ?.shadowRoot?.querySelector('keda-metric-chart');
      return Math.max(0, ...(chart?.series[0]?.points ?? []).map((p) => p[1]));
    });
  await expect.poll(peak, { timeout: 30_000 }).toBe(267);
  const row = live.locator('keda-metric-chart [part="text-alternative"] tbody tr').first();
  await expect
    .poll(async () => Number(await row.locator('td').last().textContent()), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2);
});
