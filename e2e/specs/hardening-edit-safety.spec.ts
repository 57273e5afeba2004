import { expect, test, type APIRequestContext, type Page, type Route } from '@playwright/test';

// Hardening suite 2 (issue #9), edit safety: a save in the YAML editor that ends in 409 Conflict,
// 422 Invalid, 403 Forbidden, a dropped connection, or a page reload while the request is in
// flight. In every case the user's text stays in the editor and survives a reload (draft), nothing
// half-saved reaches the server, and the notice says what happened and what to do. The 409 is a
// real concurrent write on the simulated cluster; 422, 403 and the dropped connection are the real
// save request answered (or cut) at the network layer, since the editor checks locally what the
// server would refuse.

const API = '/clusters/sim';
const RUN = Date.now().toString(36).slice(-5);
const NS = `e2e-safety-${RUN}`;
const CASES = ['conflict', 'invalid', 'forbidden', 'dropped', 'reload'] as const;
const soPath = (name: string) => `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${name}`;
let kept = 0;

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, status: number) {
  expect(response.status(), await response.text()).toBe(status);
}

async function maxReplicas(request: APIRequestContext, name: string): Promise<number> {
  const response = await request.get(soPath(name));
  await ok(response, 200);
  return ((await response.json()) as { spec: { maxReplicaCount: number } }).spec.maxReplicaCount;
}

function editor(page: Page) {
  const root = page.locator('keda-yaml-editor');
  const lines = root.locator('.cm-content > .cm-line');
  return {
    root,
    lines,
    line: (text: string) => lines.filter({ hasText: text }).first(),
    save: root.locator('button.save'),
    notice: (name: string) => root.locator(`.${name}`),
    failure: root.locator('.notice.failure'),
  };
}
type Editor = ReturnType<typeof editor>;

async function open(page: Page, name: string): Promise<Editor> {
  await page.goto(`/scaledobjects/${NS}/${name}/yaml`);
  const ed = editor(page);
  await expect(ed.line('maxReplicaCount:')).toBeVisible();
  await expect(ed.root.locator('.help')).not.toContainText('Loading the CRD schema');
  return ed;
}

/** Changes `maxReplicaCount: 6` to `maxReplicaCount: <value>` by typing. */
async function typeEdit(page: Page, ed: Editor, value: string) {
  const index = (await ed.lines.allTextContents()).findIndex((l) => l.includes('maxReplicaCount: 6'));
  expect(index).toBeGreaterThanOrEqual(0);
  await ed.lines.nth(index).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await expect(ed.line(`maxReplicaCount: ${value}`)).toBeVisible();
}

/** Save, then (once the dry run passed) confirm in the review: the real write. */
async function saveForReal(ed: Editor) {
  await ed.save.click();
  await expect(ed.notice('review')).toContainText('The API server accepted them in a dry run', {
    timeout: 20_000,
  });
  await ed.notice('review').getByRole('button', { name: 'Save', exact: true }).click();
}

/** Answers (or cuts) the real, non-dry-run PUT of `name`; everything else goes through. */
async function onSave(page: Page, name: string, handle: (route: Route) => Promise<void>) {
  await page.route(`**${soPath(name)}*`, async (route) => {
    const request = route.request();
    if (request.method() !== 'PUT' || request.url().includes('dryRun')) return route.continue();
    await handle(route);
  });
}

/** The text is still there, and after a reload comes back as a draft. */
async function textSurvives(page: Page, ed: Editor, value: string) {
  await expect(ed.line(`maxReplicaCount: ${value}`)).toBeVisible();
  // Reloaded while any held request is still held: the page, not the network, ends it.
  await page.reload();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await expect(ed.line(`maxReplicaCount: ${value}`)).toBeVisible();
  await expect(ed.notice('draft')).toContainText('Restored your unsaved draft');
  kept += 1;
}

const status = (code: number, reason: string, message: string, details?: unknown) => ({
  status: code,
  contentType: 'application/json',
  body: JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    details,
  }),
});

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async ({ request }) => {
  await ok(
    await request.post(`${API}/api/v1/namespaces`, {
      data: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    }),
    201,
  );
  for (const name of CASES) {
    await ok(
      await request.post(`${API}/apis/apps/v1/namespaces/${NS}/deployments`, {
        data: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name, namespace: NS },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: name } },
            template: {
              metadata: { labels: { app: name } },
              spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] },
            },
          },
        },
      }),
      201,
    );
    await ok(
      await request.post(`${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects`, {
        data: {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          metadata: { name, namespace: NS },
          spec: {
            scaleTargetRef: { name },
            minReplicaCount: 1,
            maxReplicaCount: 6,
            triggers: [
              {
                type: 'cron',
                metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '2' },
              },
            ],
          },
        },
      }),
      201,
    );
  }
});

test.afterAll(() => {
  // eslint-disable-next-line no-console -- the suite prints its corpus size and result (issue #9)
  console.log(`edit-safety: ${CASES.length} cases, ${CASES.length - kept} texts lost`);
});

test('409 Conflict: someone else saved first; live vs yours, rebase or overwrite, the text kept', async ({
  page,
  request,
}) => {
  const ed = await open(page, 'conflict');
  await typeEdit(page, ed, '11');
  const patched = await request.patch(soPath('conflict'), {
    headers: { 'content-type': 'application/merge-patch+json' },
    data: { spec: { minReplicaCount: 2 } },
  });
  await ok(patched, 200);
  await ed.save.click();
  const conflict = ed.notice('conflict');
  await expect(conflict).toContainText('Someone changed this ScaledObject while you were editing');
  await expect(conflict.getByRole('button', { name: 'Rebase my edits' })).toBeVisible();
  await expect(conflict.getByRole('button', { name: 'Overwrite with mine' })).toBeVisible();
  expect(await maxReplicas(request, 'conflict')).toBe(6);
  await textSurvives(page, ed, '11');
});

test('422 Invalid: the server says which field; the text kept', async ({ page, request }) => {
  const ed = await open(page, 'invalid');
  await onSave(page, 'invalid', (route) =>
    route.fulfill(
      status(
        422,
        'Invalid',
        `ScaledObject.keda.sh "invalid" is invalid: spec.maxReplicaCount: Invalid value: 12: must be at most 10 in this namespace`,
        {
          name: 'invalid',
          group: 'keda.sh',
          kind: 'ScaledObject',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: 'Invalid value: 12: must be at most 10 in this namespace',
              field: 'spec.maxReplicaCount',
            },
          ],
        },
      ),
    ),
  );
  await typeEdit(page, ed, '12');
  await saveForReal(ed);
  await expect(ed.failure).toHaveAttribute('data-kind', 'invalid');
  await expect(ed.failure).toContainText('The API server rejected the ScaledObject (422 Invalid)');
  await expect(ed.failure).toContainText('must be at most 10 in this namespace');
  await expect(ed.failure).toContainText('About spec.maxReplicaCount, line');
  await expect(ed.failure).toContainText('Your text is kept');
  expect(await maxReplicas(request, 'invalid')).toBe(6);
  await textSurvives(page, ed, '12');
});

test('403 Forbidden: the account may not update; says which verb to ask for; the text kept', async ({
  page,
  request,
}) => {
  const ed = await open(page, 'forbidden');
  await onSave(page, 'forbidden', (route) =>
    route.fulfill(
      status(
        403,
        'Forbidden',
        `scaledobjects.keda.sh "forbidden" is forbidden: User "jane" cannot update resource "scaledobjects" in API group "keda.sh" in the namespace "${NS}"`,
        { name: 'forbidden', group: 'keda.sh', kind: 'scaledobjects' },
      ),
    ),
  );
  await typeEdit(page, ed, '13');
  await saveForReal(ed);
  await expect(ed.failure).toHaveAttribute('data-kind', 'forbidden');
  await expect(ed.failure).toContainText('You may not change this ScaledObject (403 Forbidden)');
  await expect(ed.failure).toContainText('cannot update resource "scaledobjects"');
  await expect(ed.failure).toContainText('Ask for the update verb on scaledobjects.keda.sh');
  await expect(ed.failure).toContainText('Your text is kept');
  expect(await maxReplicas(request, 'forbidden')).toBe(6);
  await textSurvives(page, ed, '13');
});

test('a dropped connection: nothing saved, try again when it is back; the text kept', async ({
  page,
  request,
}) => {
  const ed = await open(page, 'dropped');
  await onSave(page, 'dropped', (route) => route.abort('connectionreset'));
  await typeEdit(page, ed, '14');
  await saveForReal(ed);
  await expect(ed.failure).toHaveAttribute('data-kind', 'network');
  await expect(ed.failure).toContainText('Could not reach the cluster');
  await expect(ed.failure).toContainText('Nothing was saved.');
  await expect(ed.failure).toContainText('Try again when the connection is back');
  expect(await maxReplicas(request, 'dropped')).toBe(6);
  await textSurvives(page, ed, '14');
});

test('a reload while the save is in flight: the draft comes back, nothing half-saved', async ({
  page,
  request,
}) => {
  const ed = await open(page, 'reload');
  let held: (() => void) | undefined;
  const saving = new Promise<void>((resolve) => (held = resolve));
  // The save request never gets an answer: the page goes away first.
  await onSave(page, 'reload', async () => {
    held?.();
    await new Promise(() => {});
  });
  await typeEdit(page, ed, '15');
  await saveForReal(ed);
  await saving;
  expect(await maxReplicas(request, 'reload')).toBe(6);
  await textSurvives(page, ed, '15');
  expect(await maxReplicas(request, 'reload')).toBe(6);
});
