import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { API, YEARLY_CRON_SPEC, ensureDeployment, ensureNamespace, ensureScaledObject } from './sim-api.ts';

const NS = 'e2e-list-bulk';
const NAMES = ['bulk-a', 'bulk-b'];
const SO_PATH = `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects`;

/** Our own namespace with two ScaledObjects (each over its own Deployment) and a third left alone. */
async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  for (const name of [...NAMES, 'bulk-keep']) {
    await ensureDeployment(request, NS, name, 1);
    await ensureScaledObject(request, NS, name, YEARLY_CRON_SPEC);
  }
}

const list = (page: Page) => page.locator('keda-scaled-object-list');
const row = (page: Page, name: string) =>
  list(page).locator('[role="row"]', {
    has: page.locator('[role="cell"].name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  });
const state = (page: Page, name: string) => row(page, name).locator('.state');
const bulkButton = (page: Page, label: string) =>
  list(page).locator('[part="bulk-bar"]').getByRole('button', { name: label, exact: true });

async function annotations(request: APIRequestContext, name: string): Promise<Record<string, string>> {
  const response = await request.get(`${SO_PATH}/${name}`);
  expect(response.status()).toBe(200);
  return (
    ((await response.json()) as { metadata: { annotations?: Record<string, string> } }).metadata
      .annotations ?? {}
  );
}

test('select two ScaledObjects, pause and resume them in bulk, then delete them after confirming', async ({
  page,
  request,
}) => {
  await seed(request);
  await page.goto(`/scaledobjects?ns=${NS}`);
  for (const name of [...NAMES, 'bulk-keep']) await expect(state(page, name)).toHaveText('Ready');

  for (const name of NAMES) await row(page, name).locator('.select input').check();
  await expect(list(page).locator('[part="bulk-bar"] .bulk-count')).toHaveText('2 ScaledObjects selected');

  await bulkButton(page, 'Pause').click();
  // KEDA's Paused condition comes back through the watch.
  for (const name of NAMES) await expect(state(page, name)).toHaveText('Paused', { timeout: 1000 });
  await expect(state(page, 'bulk-keep')).toHaveText('Ready');
  await expect(list(page).locator('[part="bulk-result"]')).toContainText('Paused 2 ScaledObjects.');
  for (const name of NAMES)
    expect(await annotations(request, name)).toMatchObject({ 'autoscaling.keda.sh/paused': 'true' });

  await bulkButton(page, 'Resume').click();
  for (const name of NAMES) await expect(state(page, name)).toHaveText('Ready', { timeout: 1000 });
  for (const name of NAMES)
    expect(await annotations(request, name)).not.toHaveProperty('autoscaling.keda.sh/paused');

  await bulkButton(page, 'Delete…').click();
  const dialog = list(page).locator('dialog.confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('h2')).toHaveText('Delete 2 ScaledObjects?');
  await expect(dialog.locator('.confirm-names li')).toHaveText(NAMES.map((n) => `${NS}/${n}`));
  await dialog.locator('.confirm-delete').click();
  for (const name of NAMES) await expect(row(page, name)).toHaveCount(0);
  await expect(row(page, 'bulk-keep')).toHaveCount(1);
  for (const name of NAMES) expect((await request.get(`${SO_PATH}/${name}`)).status()).toBe(404);
  await expect(list(page).locator('[part="bulk-bar"]')).toHaveCount(0);
});
