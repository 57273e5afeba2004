import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { YEARLY_CRON_SPEC, ensureDeployment, ensureNamespace, ensureScaledObject } from './sim-api.ts';

const NS = 'e2e-overview';

/** A namespace of our own with a paused and a plain ScaledObject (each over its own Deployment). */
async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  for (const name of ['ov-paused', 'ov-plain']) {
    await ensureDeployment(request, NS, name, 1);
    await ensureScaledObject(
      request,
      NS,
      name,
      YEARLY_CRON_SPEC,
      name === 'ov-paused' ? { annotations: { 'autoscaling.keda.sh/paused': 'true' } } : {},
    );
  }
}

const overview = (page: Page) => page.locator('keda-overview');
const soCount = (page: Page, label: string) =>
  overview(page).locator('[part="counts"][aria-label="ScaledObjects by state"] [part="count"]', {
    has: page.locator('.state', { hasText: new RegExp(`^${label}$`) }),
  });

test('the overview is the home page: counts by state, KEDA health, recent scaling', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.tabs a[aria-current="page"]')).toHaveText('Overview');
  await expect(page.locator('h1')).toHaveText('Overview');
  // Both ways to create: the wizard, and YAML (several objects at once).
  await expect(page.locator('#create')).toHaveAttribute('href', '/create');
  await expect(page.locator('#create-alt')).toHaveAttribute('href', '/create/yaml');
  await expect(overview(page).locator('[part="status"]')).toContainText('Live');
  // The demo scenario: fraud-scorer falls back, payments-reconciler is paused.
  await expect(soCount(page, 'Fallback').locator('.n')).not.toHaveText('0');
  await expect(soCount(page, 'Paused').locator('.n')).not.toHaveText('0');
  for (const check of ['crds', 'operator', 'metrics-api']) {
    await expect(overview(page).locator(`[part="health-item"][data-check="${check}"]`)).toHaveClass(/\bok\b/);
  }
  await expect(overview(page).locator('[data-check="operator"] .detail')).toContainText(
    'keda/keda-operator: 1/1 replicas available',
  );
  // Its history gives the demo scaling events; each names its ScaledObject with a link.
  await expect(overview(page).locator('.event').first()).toBeVisible();
  await expect(overview(page).locator('[part="active"] tbody tr').first().locator('a')).toHaveAttribute(
    'href',
    /^\/scaledobjects\/[^/]+\/[^/?]+$/,
  );
  await page.goto('/overview');
  await expect(page.locator('.tabs a[aria-current="page"]')).toHaveText('Overview');
});

test('namespace picker, counts linking to the filtered list, Back and Forward', async ({ page }) => {
  await seed(page.request);
  await page.goto('/');
  await page.locator('#namespace-select').selectOption(NS);
  await expect(page).toHaveURL(new RegExp(`/\\?ns=${NS}$`));
  await expect(overview(page).locator('[part="status"]')).toContainText(`Namespace ${NS}`);
  await expect(overview(page).locator('[aria-label="ScaledObjects by state"] .total')).toHaveText('2');
  await expect(soCount(page, 'Paused').locator('.n')).toHaveText('1');

  await soCount(page, 'Paused').click();
  await expect(page).toHaveURL(/\/scaledobjects\?filter=state%3Apaused&ns=e2e-overview$/);
  const names = page.locator('keda-scaled-object-list [role="row"]:not(.header) [role="cell"].name');
  await expect(names).toHaveText(['ov-paused']);
  await expect(page.locator('#namespace-select')).toHaveValue(NS);
  // The tabs keep the namespace.
  await expect(page.locator('.tabs a[data-page="overview"]')).toHaveAttribute('href', `/?ns=${NS}`);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/\\?ns=${NS}$`));
  await expect(overview(page).locator('[aria-label="ScaledObjects by state"] .total')).toHaveText('2');
  await page.goForward();
  await expect(names).toHaveText(['ov-paused']);

  await page.locator('#namespace-select').selectOption('');
  await expect(page).toHaveURL(/\/scaledobjects\?filter=state%3Apaused$/);
  await expect(names).not.toHaveCount(1);
});

test('the time window and the cluster live in the URL', async ({ page }) => {
  await page.goto('/?cluster=sim');
  await expect(page.locator('#cluster-select')).toHaveValue('sim');
  await expect(page.locator('#cluster-select option')).toContainText(['sim · simulated']);
  await overview(page).locator('[part="events"] select').selectOption('15m');
  await expect(page).toHaveURL(/[?&]range=15m/);
  await expect(page).toHaveURL(/[?&]cluster=sim/);
  await page.goBack();
  await expect(page).not.toHaveURL(/range=/);
  await expect(overview(page).locator('[part="events"] select')).toHaveValue('1h');

  // Every link keeps the cluster: tabs, object links, the counts.
  await expect(page.locator('.tabs a[data-page="scaledjobs"]')).toHaveAttribute(
    'href',
    '/scaledjobs?cluster=sim',
  );
  await expect(soCount(page, 'Fallback')).toHaveAttribute(
    'href',
    '/scaledobjects?filter=state%3Afallback&cluster=sim',
  );
  await page.locator('.tabs a[data-page="scaledobjects"]').click();
  await expect(page).toHaveURL(/\/scaledobjects\?cluster=sim$/);
  // Other specs add ScaledObjects to the shared cluster; the list only renders the rows in view.
  await page.locator('keda-scaled-object-list input[type="search"]').fill('fraud-scorer');
  await page.locator('keda-scaled-object-list [role="cell"].name a', { hasText: /^fraud-scorer$/ }).click();
  await expect(page).toHaveURL(/\/scaledobjects\/risk\/fraud-scorer\?cluster=sim$/);

  // A cluster this server does not serve: said plainly, the first one shown instead.
  await page.goto('/?cluster=nowhere');
  await expect(page.locator('#cluster-banner')).toContainText('does not serve a cluster named "nowhere"');
  await expect(overview(page).locator('[part="status"]')).toContainText('Live');
});
