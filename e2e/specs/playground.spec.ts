import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { API, ensureDeployment, ensureNamespace, ensureScaledObject } from './sim-api.ts';

const NS = 'e2e-playground';
const NAME = 'pg-worker';
const QUEUE = 'pg-orders';
const POLLING_SECONDS = 5;

/** Our own queue worker: a Deployment at 0 and a ScaledObject on the `pg-orders` queue, with fallback. */
async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  await ensureDeployment(request, NS, NAME, 0);
  await ensureScaledObject(request, NS, NAME, {
    pollingInterval: POLLING_SECONDS,
    cooldownPeriod: 600,
    minReplicaCount: 0,
    maxReplicaCount: 4,
    fallback: { failureThreshold: 1, replicas: 2 },
    triggers: [
      {
        type: 'rabbitmq',
        metadata: {
          host: 'amqp://rabbitmq.e2e-playground.svc.cluster.local:5672/',
          queueName: QUEUE,
          mode: 'QueueLength',
          value: '10',
        },
      },
    ],
  });
}

const source = (page: Page) => page.locator(`demo-playground li.source[data-key*="${QUEUE}"]`);
const stateOf = (page: Page) =>
  page.locator('keda-scaled-object-list [role="row"]', { hasText: NAME }).locator('.state');

test('the playground is there for the simulated cluster only when asked, and keeps its place', async ({
  page,
}) => {
  await page.goto('/scaledobjects');
  const toggle = page.locator('#playground-toggle');
  await expect(toggle).toBeVisible();
  await expect(page.locator('#playground')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('demo-playground .clock')).toContainText('UTC');
  await expect(page.locator('demo-playground li.source').first()).toBeVisible();
  // Open across pages (it is a panel beside them), closed on request.
  await page.locator('.tabs a[data-page="overview"]').click();
  await expect(page.locator('demo-playground')).toBeVisible();
  await toggle.click();
  await expect(page.locator('#playground')).toBeHidden();
});

test('a queue changed in the playground: the ScaledObject reacts within its polling interval; broken, it falls back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await seed(page.request);
  await page.goto(`/scaledobjects?filter=ns%3A${NS}&playground`);
  await expect(stateOf(page)).toHaveText('Ready', { timeout: 20_000 });

  // The source appears once the trigger has read it.
  await page.locator('demo-playground input[type="search"]').fill(QUEUE);
  await expect(source(page)).toBeVisible({ timeout: 15_000 });
  await expect(source(page).locator('.users')).toContainText(`${NS}/${NAME}`);
  await expect(source(page).locator('.value')).toContainText('0 waiting');

  const backlog = source(page).locator('input[name="value-number"]');
  await backlog.fill('120');
  await backlog.press('Enter');
  await expect(source(page).locator('.value')).toContainText(/^1\d\d waiting|120 waiting/);
  // KEDA polls every pollingInterval: the next poll activates the target (plus a second of slack).
  await expect(stateOf(page)).toHaveText('Active', { timeout: (POLLING_SECONDS + 1) * 1000 });

  // The details page shows the same: active, and the HPA takes it beyond 1 replica.
  await page.goto(`/scaledobjects/${NS}/${NAME}?playground`);
  await expect(page.locator('keda-scaled-object-details')).toContainText('Active');

  await page.locator('demo-playground input[type="search"]').fill(QUEUE);
  await source(page).locator('input[name="failing"]').check();
  await expect(source(page)).toHaveClass(/failing/);
  await expect(source(page).locator('.failure')).toContainText('Scaler error');
  await page.goto(`/scaledobjects?filter=ns%3A${NS}&playground`);
  await expect(stateOf(page)).toHaveText('Fallback', { timeout: (POLLING_SECONDS * 3 + 2) * 1000 });

  // Mended: the source reads again.
  await page.locator('demo-playground input[type="search"]').fill(QUEUE);
  await source(page).locator('input[name="failing"]').uncheck();
  await expect(source(page)).not.toHaveClass(/failing/);
});

test('bursts and the clock speed go through the control API', async ({ page }) => {
  await seed(page.request);
  await page.goto('/?playground');
  await page.locator('demo-playground input[type="search"]').fill(QUEUE);
  await expect(source(page)).toBeVisible({ timeout: 15_000 });
  const before = Number((await source(page).locator('input[name="value-number"]').inputValue()) || '0');
  await source(page).locator('button[name="burst"][data-amount="500"]').click();
  await expect
    .poll(async () => Number(await source(page).locator('input[name="value-number"]').inputValue()))
    .toBeGreaterThanOrEqual(before + 400);

  const speed = page.locator('demo-playground select[name="speed"]');
  await speed.selectOption('5');
  await expect.poll(async () => (await (await page.request.get(`${API}/sim/v1/clock`)).json()).speed).toBe(5);
  await speed.selectOption('1');
  await expect.poll(async () => (await (await page.request.get(`${API}/sim/v1/clock`)).json()).speed).toBe(1);
});
