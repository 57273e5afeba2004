import { expect, test, type Page } from './test.ts';
import { listCell, listRow } from './list-cells.ts';

const SO_PATH = '/clusters/sim/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects';

const row = (page: Page, name: string) => listRow(page, 'keda-scaled-object-list', name);
const cell = (page: Page, name: string, column: string) =>
  listCell(page, 'keda-scaled-object-list', name, column);

test('the demo lists the seeded ScaledObjects with kubectl columns', async ({ page }) => {
  await page.goto('/scaledobjects');
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
  await expect(page.locator('keda-scaled-object-list [part="status"]')).toContainText('Live');
  expect(await cell(page, 'rabbitmq-consumer', 'NAMESPACE')).toBe('default');
  expect(await cell(page, 'rabbitmq-consumer', 'SCALETARGETNAME')).toBe('rabbitmq-consumer');
  expect(await cell(page, 'rabbitmq-consumer', 'MIN')).toBe('0');
  expect(await cell(page, 'rabbitmq-consumer', 'MAX')).toBe('5');
  expect(await cell(page, 'rabbitmq-consumer', 'TRIGGERS')).toBe('rabbitmq');
  await expect(page.locator('#cluster')).toContainText('simulated');
});

test('REPLICAS shows the replicas of the HPA KEDA manages, as the API server has them', async ({ page }) => {
  await page.goto('/scaledobjects');
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
  const hpaPath =
    '/clusters/sim/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/keda-hpa-rabbitmq-consumer';
  // Both reads are repeated until they agree: the simulated HPA controller may rescale in between.
  await expect
    .poll(async () => {
      const hpa = (await (await page.request.get(hpaPath)).json()) as {
        status?: { currentReplicas?: number; desiredReplicas?: number };
      };
      const current = hpa.status?.currentReplicas ?? 0;
      const desired = hpa.status?.desiredReplicas;
      const expected = current === desired ? `${current}` : `${current} → ${desired}`;
      return (await cell(page, 'rabbitmq-consumer', 'REPLICAS')) === expected ? 'same' : expected;
    })
    .toBe('same');
});

test('changes made through the API appear without a reload', async ({ page }) => {
  await page.goto('/scaledobjects');
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));

  const patched = await page.request.patch(`${SO_PATH}/rabbitmq-consumer`, {
    headers: { 'Content-Type': 'application/merge-patch+json' },
    data: JSON.stringify({ spec: { maxReplicaCount: 9 } }),
  });
  expect(patched.status(), await patched.text()).toBe(200);
  await expect.poll(() => cell(page, 'rabbitmq-consumer', 'MAX')).toBe('9');

  const created = await page.request.post(SO_PATH, {
    data: {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'e2e-created', namespace: 'default' },
      spec: {
        scaleTargetRef: { name: 'rabbitmq-consumer-two' },
        minReplicaCount: 1,
        maxReplicaCount: 3,
        triggers: [
          {
            type: 'cron',
            metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '2' },
          },
        ],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await expect(row(page, 'e2e-created')).toBeVisible();
  expect(await cell(page, 'e2e-created', 'MAX')).toBe('3');

  const deleted = await page.request.delete(`${SO_PATH}/e2e-created`);
  expect(deleted.status(), await deleted.text()).toBe(200);
  await expect(row(page, 'e2e-created')).toHaveCount(0);

  const restored = await page.request.patch(`${SO_PATH}/rabbitmq-consumer`, {
    headers: { 'Content-Type': 'application/merge-patch+json' },
    data: JSON.stringify({ spec: { maxReplicaCount: 5 } }),
  });
  expect(restored.status()).toBe(200);
  await expect.poll(() => cell(page, 'rabbitmq-consumer', 'MAX')).toBe('5');
  expect(navigations.filter((u) => !u.startsWith('about:'))).toHaveLength(0);
});

test('the demo server refuses cross-origin API requests', async ({ request }) => {
  const response = await request.get(SO_PATH, { headers: { Origin: 'http://evil.example' } });
  expect(response.status()).toBe(403);
});

test('filter, sort and namespaces live in the URL and survive reload and Back', async ({ page }) => {
  await page.goto('/scaledobjects?filter=trigger%3Akafka');
  await expect(row(page, 'payments-worker')).toBeVisible();
  await expect(row(page, 'rabbitmq-consumer')).toHaveCount(0);
  await expect(page.locator('keda-scaled-object-list input[type="search"]')).toHaveValue('trigger:kafka');

  await page.locator('keda-scaled-object-list input[type="search"]').fill('ns:orders');
  await expect(page).toHaveURL(/filter=ns%3Aorders/);
  await expect(row(page, 'orders-processor')).toBeVisible();
  await expect(row(page, 'payments-worker')).toHaveCount(0);

  await page.locator('keda-scaled-object-list [role="columnheader"] button', { hasText: 'MAX' }).click();
  await expect(page).toHaveURL(/sort=max/);
  // The demo's orders namespace: report-generator (max 3), orders-processor (5), storefront-api (8).
  const byMax = ['report-generator', 'orders-processor', 'storefront-api'];
  const names = () =>
    page.locator('keda-scaled-object-list [role="row"]:not(.header) [role="cell"].name').allTextContents();
  await expect.poll(async () => (await names()).map((n) => n.trim())).toEqual(byMax);

  await page.reload();
  await expect.poll(async () => (await names()).map((n) => n.trim())).toEqual(byMax);

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=max/);
  await expect(
    page.locator('keda-scaled-object-list [role="columnheader"][aria-sort="ascending"]'),
  ).toContainText('NAMESPACE');
});

test('Back on the same page undoes a sort, a namespace choice and a filter, without a reload', async ({
  page,
}) => {
  await page.goto('/scaledobjects');
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
  // Gone if the page reloads.
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  const list = page.locator('keda-scaled-object-list');
  const names = async () =>
    (await list.locator('[role="row"]:not(.header) [role="cell"].name').allTextContents()).map((n) =>
      n.trim(),
    );
  const sortedBy = () => list.locator('[role="columnheader"][aria-sort="ascending"]');
  const byDefault = await names();

  await list.locator('[role="columnheader"] button', { hasText: 'MAX' }).click();
  await expect(page).toHaveURL(/sort=max/);
  await expect.poll(names).not.toEqual(byDefault);
  await page.goBack();
  await expect(page).toHaveURL(/\/scaledobjects$/);
  await expect(sortedBy()).toContainText('NAMESPACE');
  await expect.poll(names).toEqual(byDefault);

  await list.locator('.ns-button').click();
  await list
    .locator('.ns-option', { hasText: /^\s*orders\s*$/ })
    .locator('input')
    .check();
  await expect(page).toHaveURL(/ns=orders/);
  await expect.poll(names).toEqual(['orders-processor', 'report-generator', 'storefront-api']);
  await page.goBack();
  await expect(page).toHaveURL(/\/scaledobjects$/);
  await expect.poll(names).toEqual(byDefault);

  const search = list.locator('input[type="search"]');
  await search.fill('trigger:kafka');
  await list.locator('[role="columnheader"] button', { hasText: 'MAX' }).click();
  await search.fill('orders');
  await expect(page).toHaveURL(/filter=orders&sort=max/);
  await page.goBack();
  await expect(page).toHaveURL(/\/scaledobjects\?filter=trigger%3Akafka$/);
  await expect(search).toHaveValue('trigger:kafka');
  await expect(sortedBy()).toContainText('NAMESPACE');
  await expect.poll(names).toContain('payments-worker');
  expect(await names()).not.toContain('rabbitmq-consumer');
  expect(await page.evaluate(() => 'samePage' in window)).toBe(true);
});

test('a cluster-scoped list ignores the namespace choice, which is still there on the way back', async ({
  page,
}) => {
  await page.goto('/scaledobjects?ns=orders');
  await expect(row(page, 'orders-processor')).toBeVisible();
  const picker = page.locator('#namespace-select');
  await expect(picker).toHaveValue('orders');
  await page.locator('.tabs a[data-page="clustertriggerauthentications"]').click();
  await expect(page).toHaveURL(/\/clustertriggerauthentications\?ns=orders$/);
  await expect(page.locator('keda-cluster-trigger-auth-list .count')).toHaveText(/^Showing all \d+$/);
  await expect(picker).toBeDisabled();
  await expect(picker.locator('option:checked')).toHaveText('Cluster-scoped');
  await expect(picker).toHaveAttribute('title', /ClusterTriggerAuthentications are cluster-scoped/);

  await page.locator('.tabs a[data-page="scaledobjects"]').click();
  await expect(page).toHaveURL(/\/scaledobjects\?ns=orders$/);
  await expect(picker).toBeEnabled();
  await expect(picker).toHaveValue('orders');
  await expect(row(page, 'orders-processor')).toBeVisible();
  await expect(row(page, 'rabbitmq-consumer')).toHaveCount(0);
});

test('tabs switch between the KEDA lists and each has its own URL', async ({ page }) => {
  await page.goto('/scaledobjects');
  await expect(page.locator('.tabs a[aria-current="page"]')).toHaveText('ScaledObjects');
  await page.locator('.tabs a', { hasText: /^TriggerAuthentications$/ }).click();
  await expect(page).toHaveURL(/\/triggerauthentications$/);
  await expect(page.locator('h1')).toHaveText('TriggerAuthentications');
  const taRow = page.locator('keda-trigger-auth-list [role="row"]', { hasText: 'rabbitmq-consumer-trigger' });
  await expect(taRow).toContainText('rabbitmq-consumer-secret');
  await page.locator('.tabs a', { hasText: 'ScaledJobs' }).click();
  await expect(page.locator('keda-scaled-job-list [part="status"]')).toContainText('Live');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('TriggerAuthentications');
  await page.goto('/clustertriggerauthentications');
  await expect(page.locator('keda-cluster-trigger-auth-list [part="status"]')).toContainText('Live');
});

test('a ScaledObject name opens its details page, which pauses and resumes it', async ({ page }) => {
  await page.goto('/scaledobjects');
  await row(page, 'rabbitmq-consumer').locator('a', { hasText: 'rabbitmq-consumer' }).click();
  await expect(page).toHaveURL(/\/scaledobjects\/default\/rabbitmq-consumer$/);
  const details = page.locator('keda-scaled-object-details');
  await expect(details.locator('header h2')).toHaveText('rabbitmq-consumer');
  await expect(details.getByRole('region', { name: 'Triggers' })).toContainText('s0-rabbitmq-hello');
  await details.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(details.locator('.notice')).toContainText('Paused');
  await expect(details.getByRole('button', { name: 'Resume scaling' })).toBeVisible();
  await details.getByRole('button', { name: 'Resume scaling' }).click();
  await expect(details.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.locator('#back').click();
  await expect(page).toHaveURL(/\/scaledobjects$/);
  await expect(row(page, 'rabbitmq-consumer')).toBeVisible();
});
