import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTEXTS, startProxyStack, type ProxyStack } from '../fixtures/proxy/stack.ts';
import { expect, test, type Page } from './test.ts';

// Its own servers (the simulated cluster over HTTPS, two demo servers started with a kubeconfig,
// one of them --read-only), not the shared demo server.
const SO = 'apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/rabbitmq-consumer';

test.describe.configure({ mode: 'serial' });

let stack: ProxyStack;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startProxyStack();
});

test.afterAll(async () => {
  await stack?.stop();
});

function row(page: Page, name: string) {
  return page.locator('keda-scaled-object-list [role="row"]', {
    has: page.locator('[role="cell"].name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  });
}

async function cell(page: Page, name: string, column: string): Promise<string> {
  const headers = await page.locator('keda-scaled-object-list [role="columnheader"]').allTextContents();
  const index = headers.map((h) => h.replace(/[▲▼]/g, '').trim()).indexOf(column);
  expect(index, `column ${column}`).toBeGreaterThanOrEqual(0);
  return ((await row(page, name).locator('[role="cell"]').nth(index).textContent()) ?? '').trim();
}

/** Every response the page gets (headers and bodies) and every WebSocket frame it receives. */
function recordTraffic(page: Page): () => Promise<string[]> {
  const seen: Array<Promise<string>> = [];
  page.on('response', (response) => {
    seen.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        const body = await response.body().catch(() => Buffer.alloc(0));
        return `${response.url()} ${headers} ${body.toString('utf8')}`;
      })(),
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => seen.push(Promise.resolve(String(frame.payload))));
  });
  return () => Promise.all(seen);
}

async function expectNoCredential(traffic: () => Promise<string[]>): Promise<void> {
  const texts = await traffic();
  expect(texts.length).toBeGreaterThan(5);
  const { adminToken, viewerToken, clientKey } = stack.secrets;
  for (const secret of [adminToken, viewerToken, ...clientKey]) {
    expect(secret.length).toBeGreaterThan(20);
    const leak = texts.find((t) => t.includes(secret));
    expect(leak?.slice(0, 300), 'a credential reached the browser').toBeUndefined();
  }
}

function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('/api/clusters lists every context with its state', async ({ request }) => {
  const response = await request.get(`${stack.demo}/api/clusters`);
  expect(response.status()).toBe(200);
  const { clusters } = (await response.json()) as {
    clusters: Array<{ name: string; simulated: boolean; state: string; message?: string; version?: string }>;
  };
  expect(clusters.map((c) => c.name)).toEqual([CONTEXTS.token, CONTEXTS.cert, CONTEXTS.exec, CONTEXTS.down]);
  for (const c of clusters.slice(0, 3)) {
    expect(c).toMatchObject({ simulated: false, state: 'ok' });
    expect(c.version).toMatch(/^v1\./);
  }
  expect(clusters[3]).toMatchObject({ name: CONTEXTS.down, state: 'unreachable' });
  expect(clusters[3]?.message).toBe(
    `connect ECONNREFUSED 127.0.0.1:${stack.closedPort} (https://127.0.0.1:${stack.closedPort})`,
  );
});

const users = [
  [CONTEXTS.token, 'a token user', 6],
  [CONTEXTS.cert, 'a client-certificate user', 7],
  [CONTEXTS.exec, 'an exec-plugin user', 8],
] as const;

for (const [context, user, max] of users) {
  test(`through ${user}: the seeded ScaledObjects, live updates, no credential in the browser`, async ({
    page,
  }) => {
    const traffic = recordTraffic(page);
    await page.goto(`${stack.demo}/scaledobjects?cluster=${context}`);
    await expect(page.locator('#cluster-select')).toHaveValue(context);
    for (const name of ['rabbitmq-consumer', 'orders-processor', 'payments-worker', 'fraud-scorer']) {
      await expect(row(page, name)).toBeVisible();
    }
    await expect(page.locator('keda-scaled-object-list [part="status"]')).toContainText('Live');
    await expect(page.locator('#cluster-banner')).toBeHidden();
    expect(await cell(page, 'rabbitmq-consumer', 'TRIGGERS')).toBe('rabbitmq');

    // A change made elsewhere (as the admin, through the token context) arrives over the watch.
    const patch = (value: number) =>
      page.request.patch(`${stack.demo}/clusters/${CONTEXTS.token}/${SO}`, {
        headers: { 'Content-Type': 'application/merge-patch+json' },
        data: JSON.stringify({ spec: { maxReplicaCount: value } }),
      });
    expect((await patch(max)).status()).toBe(200);
    await expect.poll(() => cell(page, 'rabbitmq-consumer', 'MAX')).toBe(String(max));
    expect((await patch(5)).status()).toBe(200);
    await expect.poll(() => cell(page, 'rabbitmq-consumer', 'MAX')).toBe('5');

    await expectNoCredential(traffic);
  });
}

test('a context whose cluster is down shows a clear error; the others keep working', async ({ page }) => {
  const traffic = recordTraffic(page);
  await page.goto(`${stack.demo}/scaledobjects?cluster=${CONTEXTS.down}`);
  const banner = page.locator('#cluster-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`Cluster "${CONTEXTS.down}" is unreachable`);
  await expect(banner).toContainText('ECONNREFUSED');
  await expect(page.locator('keda-scaled-object-list')).toContainText(
    `cluster "${CONTEXTS.down}" is unreachable: connect ECONNREFUSED 127.0.0.1:${stack.closedPort}`,
  );

  await page.locator('#cluster-select').selectOption(CONTEXTS.exec);
  await expect(page).toHaveURL(new RegExp(`cluster=${CONTEXTS.exec}`));
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
  await expect(banner).toBeHidden();
  await expectNoCredential(traffic);
});

test('requests with a foreign Host or Origin are refused, from a browser too', async ({ page, request }) => {
  const url = `${stack.demo}/clusters/${CONTEXTS.token}/${SO}`;
  expect((await request.get(url)).status()).toBe(200);
  const origin = await request.get(url, { headers: { Origin: 'http://evil.example' } });
  expect(origin.status()).toBe(403);
  expect(((await origin.json()) as { message: string }).message).toContain(
    'Cross-origin request from http://evil.example refused',
  );
  const port = new URL(stack.demo).port;
  const host = await rawGet(url, { Host: `rebound.example:${port}` });
  expect(host.status).toBe(403);
  expect((JSON.parse(host.body) as { message: string }).message).toBe(
    `Host "rebound.example:${port}" is not this server; request refused.`,
  );

  // A page of another origin (another local app, without our CSP) tries to read the cluster and watch it.
  const foreign = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>elsewhere</p>'),
  );
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(stack.demo)) statuses.push(response.status());
  });
  await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
  const outcome = await page
    .evaluate(
      async ({ target, ws }) => {
        const read = await fetch(target).then(
          (r) => `read ${r.status}`,
          () => 'read blocked',
        );
        // No CORS, no Origin header: the browser still says the request is from another site.
        const embed = await fetch(target, { mode: 'no-cors' }).then(
          (r) => `embed ${r.type}`,
          () => 'embed blocked',
        );
        const watch = await new Promise<string>((resolve) => {
          const socket = new WebSocket(ws, ['base64.binary.k8s.io']);
          socket.onopen = () => resolve('watch open');
          socket.onclose = (event) => resolve(`watch closed ${event.code}`);
          setTimeout(() => resolve('watch pending'), 10_000);
        });
        return { read, embed, watch };
      },
      {
        target: url,
        ws: `${stack.demo.replace('http:', 'ws:')}/clusters/${CONTEXTS.token}/apis/keda.sh/v1alpha1/scaledobjects?watch=true`,
      },
    )
    .finally(() => new Promise<void>((resolve) => foreign.close(() => resolve())));
  expect(outcome).toEqual({ read: 'read blocked', embed: 'embed opaque', watch: 'watch closed 1006' });
  // The no-cors read reached the server, which refused it (the page cannot see that status).
  expect(statuses).toEqual([403]);
});

test('--read-only refuses writes with a Status; reads, watches and dry runs still work', async ({ page }) => {
  const url = `${stack.readOnly}/clusters/${CONTEXTS.token}/${SO}`;
  const patch = (query: string) =>
    page.request.patch(`${url}${query}`, {
      headers: { 'Content-Type': 'application/merge-patch+json' },
      data: JSON.stringify({ spec: { maxReplicaCount: 3 } }),
    });
  const refused = await patch('');
  expect(refused.status()).toBe(403);
  const status = (await refused.json()) as { kind: string; reason: string; message: string };
  expect(status).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
  expect(status.message).toContain(
    `The dashboard serves cluster "${CONTEXTS.token}" read-only (--read-only)`,
  );
  const dryRun = await patch('?dryRun=All');
  expect(dryRun.status()).toBe(200);
  expect(((await dryRun.json()) as { spec: { maxReplicaCount: number } }).spec.maxReplicaCount).toBe(3);
  const del = await page.request.delete(`${url}?dryRun=All`);
  expect(del.status()).toBe(403);

  const traffic = recordTraffic(page);
  await page.goto(`${stack.readOnly}/scaledobjects?cluster=${CONTEXTS.cert}`);
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
  await expect(page.locator('keda-scaled-object-list [part="status"]')).toContainText('Live');
  expect(await cell(page, 'rabbitmq-consumer', 'MAX')).toBe('5');
  await expectNoCredential(traffic);
});
