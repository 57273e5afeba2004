import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './test.ts';
import { deploymentBody, scaledObjectBody } from './sim-api.ts';
import { build } from 'vite';
import { serveExamples, type ExampleServer } from '../../examples/embedding/serve.mjs';

// The embedding examples as another dashboard would serve them: its own origin, the keda-elements
// one-file bundle, and its own /clusters/sim proxy (to the demo server of this run).
const examples = fileURLToPath(new URL('../../examples/embedding/', import.meta.url));
const components = fileURLToPath(new URL('../../components/', import.meta.url));
const bundleDir = join(components, 'dist', 'bundle');

let server: ExampleServer;
let reactOut: string;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(240_000);
  // `npm run build -w keda-elements` makes the bundle; build it here when this checkout has not.
  if (!existsSync(join(bundleDir, 'keda-elements.js'))) {
    await build({ configFile: join(components, 'vite.lib.config.ts'), logLevel: 'warn' });
  }
  reactOut = mkdtempSync(join(tmpdir(), 'keda-embedding-react-'));
  await build({
    configFile: false,
    root: examples,
    logLevel: 'warn',
    mode: 'production',
    resolve: { conditions: ['source', 'module', 'browser', 'production'] },
    build: {
      outDir: reactOut,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 8192,
      rollupOptions: { input: { react: join(examples, 'react.html') } },
    },
  });
  server = await serveExamples({ upstream: baseURL!, roots: [reactOut, examples, bundleDir] });
});

test.afterAll(async () => {
  await server?.close();
  if (reactOut) rmSync(reactOut, { recursive: true, force: true });
});

const NS = 'e2e-embedding';

test('the plain HTML example (one script tag) shows live data from the simulated cluster', async ({
  page,
}) => {
  const failed: string[] = [];
  page.on('pageerror', (error) => failed.push(error.message));
  await page.goto(`${server.url}/plain.html`);
  const overview = page.locator('keda-overview');
  await expect(overview.locator('[part="status"]')).toContainText('Live');
  await expect(overview.locator('[aria-label="ScaledObjects by state"] .total')).not.toHaveText('0');
  await expect(overview.locator('[data-check="metrics-api"]')).toHaveClass(/\bok\b/);
  const list = page.locator('keda-scaled-object-list');
  const names = list.locator('[role="row"]:not(.header) [role="cell"].name');
  await expect(names.filter({ hasText: /^\s*rabbitmq-consumer\s*$/ })).toBeVisible();
  // Theming reached the shadow DOM through the page's --keda-* properties.
  const accent = await overview
    .locator('[part="status"]')
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--keda-accent').trim());
  expect(accent).toBe('#7b3fe4');

  // Live: a ScaledObject created through the API appears without a reload (its watch).
  const api = page.request;
  const post = (path: string, data: object) => api.post(`${server.url}/clusters/sim${path}`, { data });
  const ns = await post('/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: NS },
  });
  expect([201, 409]).toContain(ns.status());
  const deploy = await post(
    `/apis/apps/v1/namespaces/${NS}/deployments`,
    deploymentBody(NS, 'embedded-worker', 0),
  );
  expect([201, 409]).toContain(deploy.status());
  const so = await post(
    `/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects`,
    scaledObjectBody(NS, 'embedded-worker', {
      triggers: [
        {
          type: 'rabbitmq',
          metadata: { host: 'amqp://rabbitmq.e2e-embedding.svc:5672/', queueName: 'embedded', value: '5' },
        },
      ],
    }),
  );
  expect([201, 409], await so.text()).toContain(so.status());
  await expect(names.filter({ hasText: /^\s*embedded-worker\s*$/ })).toBeVisible();
  expect(failed).toEqual([]);
});

test('the React example renders the same elements with properties and events', async ({ page }) => {
  const failed: string[] = [];
  page.on('pageerror', (error) => failed.push(error.message));
  await page.goto(`${server.url}/react.html`);
  await expect(page.locator('h1')).toHaveText('Autoscaling (React)');
  const overview = page.locator('keda-overview');
  await expect(overview.locator('[part="status"]')).toContainText('Live');
  await expect(overview.locator('[part="events"] select')).toHaveValue('30m');
  // A property set from React: the counts link where the app says.
  await expect(overview.locator('[part="count"]').first()).toHaveAttribute('href', /^\?filter=state%3A/);
  // An event into React state: typing in the list's filter shows in the app.
  await page.locator('keda-scaled-object-list input[type="search"]').fill('trigger:kafka');
  await expect(page.getByText('Filter shared with the app: trigger:kafka')).toBeVisible();
  await overview.locator('[part="events"] select').selectOption('15m');
  await expect(overview.locator('[part="events"] select')).toHaveValue('15m');
  expect(failed).toEqual([]);
});
