// Suite 6 of issue #9 (accessibility), keyboard part: the main actions by keyboard alone: Tab
// through a list to a row's link, Enter opens it, Tab to Pause, Enter pauses, Resume by keyboard,
// the paused-replicas dialog opens from the keyboard and Escape closes it.
// (The axe-core part is not in yet: it still finds serious colour-contrast and label violations.)
import { expect, test, type APIRequestContext, type Page } from './test.ts';

const API = '/clusters/sim';
const NS = 'e2e-hardening-a11y';
const SO = 'a11y-so';

test.describe.configure({ timeout: 120_000 });

async function ensure(request: APIRequestContext, path: string, body: object): Promise<void> {
  const response = await request.post(`${API}${path}`, { data: body });
  expect([201, 409], await response.text()).toContain(response.status());
}

async function seed(request: APIRequestContext): Promise<void> {
  await ensure(request, '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: NS },
  });
  await ensure(request, `/apis/apps/v1/namespaces/${NS}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: SO, namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: SO } },
      template: {
        metadata: { labels: { app: SO } },
        spec: { containers: [{ name: 'w', image: 'busybox' }] },
      },
    },
  });
  await ensure(request, `/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects`, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: SO, namespace: NS },
    spec: {
      scaleTargetRef: { name: SO },
      minReplicaCount: 1,
      maxReplicaCount: 3,
      triggers: [
        {
          type: 'cron',
          metadata: { timezone: 'UTC', start: '0 0 1 1 *', end: '5 0 1 1 *', desiredReplicas: '2' },
        },
      ],
    },
  });
}

/** The deep active element's tag, role and accessible-ish name. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().replace(/\s+/g, ' ');
    return `${el.tagName.toLowerCase()}|${name}`;
  });
}

async function tabTo(page: Page, match: RegExp, max = 120): Promise<string[]> {
  const path: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    path.push(now);
    if (match.test(now)) return path;
  }
  throw new Error(`Tab never reached ${match}: ${path.slice(-15).join(' > ')}`);
}

test('keyboard: tab to a row, open it, pause by keyboard, a dialog opens and Escape closes it', async ({
  page,
  request,
}) => {
  await seed(request);
  await page.goto(`/scaledobjects?ns=${NS}`);
  await expect(page.locator('keda-scaled-object-list')).toContainText(SO);
  const toRow = await tabTo(page, new RegExp(`^a\\|${SO}$`));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/${SO}$`));
  const details = page.locator('keda-scaled-object-details');
  await expect(details.locator('header h2')).toHaveText(SO);

  const toPause = await tabTo(page, /^button\|Pause$/);
  await page.keyboard.press('Enter');
  await expect(details.getByRole('button', { name: 'Resume scaling' })).toBeVisible();
  const toResume = await focused(page);
  // Resume with the keyboard too (focus may stay on the replaced button or move; tab to it).
  if (!/Resume scaling/.test(toResume)) await tabTo(page, /^button\|Resume scaling$/);
  await page.keyboard.press('Enter');
  await expect(details.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

  await tabTo(page, /^button\|Pause at…$/);
  await page.keyboard.press('Enter');
  const dialog = details.locator('dialog.pause-replicas');
  await expect(dialog).toBeVisible();
  expect(await focused(page)).not.toBe('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  process.stdout.write(
    `a11y keyboard: row link after ${toRow.length} Tabs, Pause after ${toPause.length} more; pause, resume, dialog open and Escape all by keyboard\n`,
  );
});
