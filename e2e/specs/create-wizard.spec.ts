import { expect, test, type APIRequestContext, type Locator, type Page } from './test.ts';
import { API, OFFICE_HOURS_CRON, createDeployment, createScaledObject, ensureNamespace } from './sim-api.ts';

// Acceptance (issue #4): a rabbitmq ScaledObject with a TriggerAuthentication over a new Secret,
// created through every step of the wizard on the simulated cluster, shows up in the list and
// becomes Ready; the password never appears in the trigger's metadata.

const RUN = Date.now().toString(36).slice(-5);
const NS = `e2e-wizard-${RUN}`;
const WORKLOAD = 'orders-consumer';
const SO = 'orders-consumer';
const PASSWORD = `s3cret-${RUN}`;
const HOST = `amqp://orders:${PASSWORD}@rabbitmq.${NS}.svc:5672/`;
const SHOTS = process.env.E2E_SCREENSHOTS;

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, status: number) {
  expect(response.status(), await response.text()).toBe(status);
}

async function createNamespaceAndWorkload(request: APIRequestContext, namespace: string, name: string) {
  await ensureNamespace(request, namespace);
  // Its own container name: KEDA's denial of a cpu trigger names it, and the fix patches it.
  await createDeployment(request, namespace, name, 1, [
    { name: 'consumer', image: 'example.com/orders-consumer:1.0' },
  ]);
}

/**
 * A GET, once more if the server closed the idle keep-alive socket as it was reused (Node's
 * 5 s keepAliveTimeout racing the client: ECONNRESET on an idempotent request).
 */
async function get(request: APIRequestContext, path: string) {
  try {
    return await request.get(path);
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return request.get(path);
  }
}

/** Every wizard locator is inside its shadow root; Playwright's CSS locators pierce it. */
function wizard(page: Page) {
  const root = page.locator('keda-create-wizard');
  return {
    root,
    field: (id: string): Locator => root.locator(`[data-field="${id}"]`),
    step: root.locator('[data-current-step]'),
    next: root.locator('[data-action="next"]'),
    messagesFor: (id: string): Locator => root.locator(`[data-messages-for="${id}"]`),
  };
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.screenshot({ path: `${SHOTS}/wizard-${name}-${theme}.png`, fullPage: true });
  }
  await page.evaluate(() => delete document.documentElement.dataset.theme);
}

test('creates a rabbitmq ScaledObject with a TriggerAuthentication over a new Secret, and it becomes Ready', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await createNamespaceAndWorkload(request, NS, WORKLOAD);

  await page.goto('/scaledobjects');
  await page.locator('#create').click();
  await expect(page).toHaveURL(/\/create$/);
  const w = wizard(page);

  // Step 1: target, in our own namespace.
  await expect(w.step).toHaveAttribute('data-current-step', 'target');
  await w.field('namespace').fill(NS);
  const workload = w.root.locator(`[data-workload="Deployment/${WORKLOAD}"]`);
  await expect(workload).toBeVisible();
  await workload.check();
  await expect(w.field('name')).toHaveValue(SO);
  await shot(page, '1-target');
  await w.next.click();

  // Step 2: scaling.
  await expect(w.step).toHaveAttribute('data-current-step', 'scaling');
  await w.field('scaling.minReplicaCount').fill('0');
  await w.field('scaling.maxReplicaCount').fill('6');
  await w.field('scaling.pollingInterval').fill('5');
  await w.field('scaling.cooldownPeriod').fill('60');
  await shot(page, '2-scaling');
  await w.next.click();

  // Step 3: a rabbitmq trigger whose host comes from the TriggerAuthentication.
  await expect(w.step).toHaveAttribute('data-current-step', 'triggers');
  await w.field('picker.query').fill('rabbitmq');
  await w.root.locator('.picker-item[data-type="rabbitmq"]').click();
  const trigger = w.root.locator('section.trigger[data-trigger]').first();
  const id = await trigger.getAttribute('data-trigger');
  const param = (key: string) => w.field(`trigger.${id}.param.${key}`);
  await param('queueName').fill('orders');
  await w.field(`trigger.${id}.param.mode`).selectOption('QueueLength');
  await param('value').fill('20');
  await trigger.locator('[data-param="host"] [data-source="auth"]').click();
  await expect(trigger.locator('[data-param="host"] [data-source="auth"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await shot(page, '3-triggers');
  await w.next.click();

  // Step 4: a new TriggerAuthentication over a new Secret; the password is typed only here.
  await expect(w.step).toHaveAttribute('data-current-step', 'auth');
  await expect(w.field(`trigger.${id}.auth.new`)).toBeChecked();
  await w.field('auth.name').fill(`${SO}-rabbitmq`);
  await expect(w.field('auth.secretMode.new')).toBeChecked();
  await w.field('auth.secretName').fill(`${SO}-rabbitmq`);
  const hostValue = w.root.locator('input[data-secret="host"]');
  await expect(hostValue).toHaveAttribute('type', 'password');
  await hostValue.fill(HOST);
  await shot(page, '4-auth');
  await w.next.click();

  // Step 5: advanced (nothing to change; the what-if preview renders).
  await expect(w.step).toHaveAttribute('data-current-step', 'advanced');
  await expect(w.root.locator('keda-what-if-chart')).toBeVisible();
  await shot(page, '5-advanced');
  await w.next.click();

  // Step 6: review, dry-run by the API server, then create.
  await expect(w.step).toHaveAttribute('data-current-step', 'review');
  for (const role of ['secret', 'triggerAuthentication', 'scaledObject'])
    await expect(w.root.locator(`[data-status="${role}"]`)).toHaveText('The API server accepts it (dry run)');
  const reviewText = (await w.root.locator('[part="step"]').textContent()) ?? '';
  expect(reviewText).not.toContain(PASSWORD);
  const soYaml = (await w.root.locator('section.object[data-role="scaledObject"] pre').textContent()) ?? '';
  expect(soYaml).toContain('queueName: orders');
  expect(soYaml).not.toContain('host:');
  await shot(page, '6-review');
  await w.root.locator('[data-action="create"]').click();
  await expect(w.root.locator('[part="outcome"]')).toBeVisible();
  for (const role of ['secret', 'triggerAuthentication', 'scaledObject'])
    await expect(w.root.locator(`[data-status="${role}"]`)).toHaveText('Created');
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await shot(page, '7-created');

  // The objects really exist, and the password is only in the Secret.
  const secret = await get(request, `${API}/api/v1/namespaces/${NS}/secrets/${SO}-rabbitmq`);
  await ok(secret, 200);
  const secretData = ((await secret.json()) as { data: Record<string, string> }).data;
  expect(Buffer.from(secretData.host ?? '', 'base64').toString()).toBe(HOST);
  const ta = await get(
    request,
    `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/triggerauthentications/${SO}-rabbitmq`,
  );
  await ok(ta, 200);
  expect(((await ta.json()) as { spec: unknown }).spec).toEqual({
    secretTargetRef: [{ parameter: 'host', name: `${SO}-rabbitmq`, key: 'host' }],
  });
  const so = await get(request, `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${SO}`);
  await ok(so, 200);
  const soJson = (await so.json()) as {
    spec: {
      triggers: Array<{
        type: string;
        metadata: Record<string, string>;
        authenticationRef?: { name: string };
      }>;
    };
  };
  expect(JSON.stringify(soJson)).not.toContain(PASSWORD);
  expect(soJson.spec.triggers[0]?.type).toBe('rabbitmq');
  expect(soJson.spec.triggers[0]?.metadata.host).toBeUndefined();
  expect(soJson.spec.triggers[0]?.authenticationRef?.name).toBe(`${SO}-rabbitmq`);

  // Into the list (through the watch), and the operator makes it Ready.
  await w.root.locator('[data-action="cancel"]').click();
  await expect(page).toHaveURL(/\/scaledobjects/);
  const list = page.locator('keda-scaled-object-list');
  await list.locator('input[type="search"]').fill(`ns:${NS}`);
  const row = list.locator('[role="row"]', {
    has: page.locator('[role="cell"].name', { hasText: new RegExp(`^\\s*${SO}\\s*$`) }),
  });
  await expect(row).toBeVisible();
  const headers = await list.locator('[role="columnheader"]').allTextContents();
  const ready = headers.map((h) => h.replace(/[▲▼]/g, '').trim()).indexOf('READY');
  expect(ready).toBeGreaterThanOrEqual(0);
  await expect(row.locator('[role="cell"]').nth(ready)).toHaveText('True', { timeout: 20_000 });
  await shot(page, '8-list');
});

test('a webhook denial that only the real create meets lands at its wizard field, and the fix goes through', async ({
  page,
  request,
}) => {
  // KEDA skips the container-requests check on dry runs: the review passes, the create is denied.
  test.setTimeout(90_000);
  const ns = `e2e-denied-${RUN}`;
  await createNamespaceAndWorkload(request, ns, 'api');
  await page.goto(`/create?namespace=${ns}`);
  const w = wizard(page);
  await w.root.locator('[data-workload="Deployment/api"]').check();
  await w.next.click();
  await w.field('scaling.minReplicaCount').fill('1');
  await w.next.click();
  await w.field('picker.query').fill('cpu');
  await w.root.locator('.picker-item[data-type="cpu"]').click();
  const id = await w.root.locator('section.trigger[data-trigger]').first().getAttribute('data-trigger');
  await w.field(`trigger.${id}.metricType`).selectOption('Utilization');
  await w.field(`trigger.${id}.param.value`).fill('60');
  await w.next.click();
  await expect(w.step).toHaveAttribute('data-current-step', 'auth');
  await w.next.click();
  await w.next.click();
  await expect(w.step).toHaveAttribute('data-current-step', 'review');
  await expect(w.root.locator('[data-status="scaledObject"]')).toHaveText(
    'The API server accepts it (dry run)',
  );
  await w.root.locator('[data-action="create"]').click();

  const denial =
    "the scaledobject has a cpu trigger but the container consumer doesn't have the cpu request defined";
  await expect(w.root.locator('[data-status="scaledObject"]')).toHaveText('Failed');
  await expect(w.root.locator('[part="outcome"]')).toBeVisible();
  const problems = w.root.locator('section.object[data-role="scaledObject"] .api-problems');
  await expect(problems).toContainText(
    `admission webhook "vscaledobject.kb.io" denied the request: ${denial}`,
  );
  await expect(w.root.locator('[data-step="triggers"]')).toHaveClass(/has-error/);
  await shot(page, 'denied-review');
  await problems.getByRole('button', { name: 'Fix in Triggers' }).click();
  await expect(w.step).toHaveAttribute('data-current-step', 'triggers');
  await expect(w.messagesFor(`trigger.${id}.type`)).toContainText(denial);
  await shot(page, 'denied-field');
  expect(
    (await get(request, `${API}/apis/keda.sh/v1alpha1/namespaces/${ns}/scaledobjects/api`)).status(),
  ).toBe(404);

  // The fix: give the container a cpu request (kubectl would too), and create again.
  await ok(
    await request.patch(`${API}/apis/apps/v1/namespaces/${ns}/deployments/api`, {
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      data: JSON.stringify({
        spec: {
          template: {
            spec: { containers: [{ name: 'consumer', resources: { requests: { cpu: '100m' } } }] },
          },
        },
      }),
    }),
    200,
  );
  await w.root.locator('[data-step="review"]').click();
  await w.root.locator('[data-action="create"]').click();
  await expect(w.root.locator('[data-status="scaledObject"]')).toHaveText('Created');
});

test('pause, resume and delete (with confirmation) from the details page reach an open list within a second', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const ns = `e2e-actions-${RUN}`;
  const name = 'billing';
  await createNamespaceAndWorkload(request, ns, name);
  await createScaledObject(request, ns, name, {
    minReplicaCount: 1,
    maxReplicaCount: 4,
    triggers: [OFFICE_HOURS_CRON],
  });
  const context = await browser.newContext();
  // Someone watching the list in one tab, someone acting on the details page in another.
  const listPage = await context.newPage();
  await listPage.goto(`/scaledobjects?filter=${encodeURIComponent(`ns:${ns}`)}`);
  const list = listPage.locator('keda-scaled-object-list');
  const row = list.locator('[role="row"]', {
    has: listPage.locator('[role="cell"].name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  });
  await expect(row).toBeVisible();
  const headers = (await list.locator('[role="columnheader"]').allTextContents()).map((h) =>
    h.replace(/[▲▼]/g, '').trim(),
  );
  const paused = row.locator('[role="cell"]').nth(headers.indexOf('PAUSED'));
  await expect(paused).toHaveText('False');

  const page = await context.newPage();
  await page.goto(`/scaledobjects/${ns}/${name}`);
  // The header's actions (charts further down have pause buttons of their own).
  const details = page.locator('keda-scaled-object-details').locator('[part="header"]');
  await details.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(paused).toHaveText('True', { timeout: 1_000 });
  await expect(details.getByRole('button', { name: 'Resume scaling' })).toBeVisible();
  await shot(page, 'details-paused');

  await details.getByRole('button', { name: 'Resume scaling' }).click();
  await expect(paused).toHaveText('False', { timeout: 1_000 });

  // Delete asks first; Cancel keeps the object.
  await details.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.locator('keda-scaled-object-details').locator('dialog.delete');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Delete ScaledObject ${name}?`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(
    (await get(request, `${API}/apis/keda.sh/v1alpha1/namespaces/${ns}/scaledobjects/${name}`)).status(),
  ).toBe(200);
  await details.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row).toHaveCount(0, { timeout: 1_000 });
  await expect(page).toHaveURL(/\/scaledobjects$/);
  expect(
    (await get(request, `${API}/apis/keda.sh/v1alpha1/namespaces/${ns}/scaledobjects/${name}`)).status(),
  ).toBe(404);
  await context.close();
});
