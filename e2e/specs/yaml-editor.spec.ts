import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { API, OFFICE_HOURS_CRON, createDeployment, createScaledObject, ensureNamespace } from './sim-api.ts';

// Acceptance (issue #4): the YAML editor on the demo's simulated cluster. A concurrent `kubectl
// edit` turns Save into a 409 that shows live vs yours and offers rebase or overwrite, the typed
// text surviving a reload; invalid YAML, a CRD schema error and KEDA's webhook denials are shown at
// their lines; the editor is read-only when the API server says the user may not update.

const RUN = Date.now().toString(36).slice(-5);
const NS = `e2e-yaml-${RUN}`;
const SHOTS = process.env.E2E_SCREENSHOTS;
const soPath = (name: string) => `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${name}`;

interface SO {
  metadata: { resourceVersion: string };
  spec: { minReplicaCount?: number; maxReplicaCount?: number; scaleTargetRef: { name: string } };
}

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, status: number) {
  expect(response.status(), await response.text()).toBe(status);
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

async function getSO(request: APIRequestContext, name: string): Promise<SO> {
  const response = await get(request, soPath(name));
  await ok(response, 200);
  return (await response.json()) as SO;
}

/** Real kubectl against the demo server's simulated cluster (the demo server adds the credentials). */
function kubectl(page: Page, args: string[], env: Record<string, string> = {}): string {
  const server = new URL(API, page.url()).toString();
  return execFileSync('kubectl', ['--server', server, ...args], {
    env: { ...process.env, KUBECONFIG: '/dev/null', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

function editor(page: Page) {
  const root = page.locator('keda-yaml-editor');
  const lines = root.locator('.cm-content > .cm-line');
  return {
    root,
    content: root.locator('.cm-content'),
    lines,
    line: (text: string) => lines.filter({ hasText: text }).first(),
    /** The text, line by line, as shown. */
    text: async () => (await lines.allTextContents()).join('\n'),
    /** 1-based line number of the first line containing `needle`. */
    lineNumber: async (needle: string) =>
      (await lines.allTextContents()).findIndex((l) => l.includes(needle)) + 1,
    save: root.locator('button.save'),
    problem: (severity: string) => root.locator(`.problems li[data-severity="${severity}"]`),
    notice: (name: string) => root.locator(`.${name}`),
    button: (name: string) => root.getByRole('button', { name, exact: true }),
  };
}

type Editor = ReturnType<typeof editor>;

/** Puts the caret at the end of the line containing `text` and types over its last `erase` characters. */
async function retype(page: Page, ed: Editor, text: string, erase: number, typed: string) {
  await expect(ed.line(text.trim())).toBeVisible();
  const index = (await ed.lines.allTextContents()).findIndex((l) => l.includes(text));
  expect(index, `a line with "${text}"`).toBeGreaterThanOrEqual(0);
  await ed.lines.nth(index).click();
  await page.keyboard.press('End');
  for (let i = 0; i < erase; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(typed);
}

async function open(page: Page, name: string): Promise<Editor> {
  await page.goto(`/scaledobjects/${NS}/${name}/yaml`);
  const ed = editor(page);
  await expect(ed.line('maxReplicaCount:')).toBeVisible();
  await expect(ed.root.locator('.help')).not.toContainText('Loading the CRD schema');
  return ed;
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.screenshot({ path: `${SHOTS}/editor-${name}-${theme}.png`, fullPage: true });
  }
  await page.evaluate(() => delete document.documentElement.dataset.theme);
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async ({ request }) => {
  await ensureNamespace(request, NS);
  const names = ['web', 'worker', 'batch'];
  for (const name of names) await createDeployment(request, NS, name, 1);
  for (const name of names)
    await createScaledObject(request, NS, name, {
      minReplicaCount: 1,
      maxReplicaCount: 6,
      triggers: [OFFICE_HOURS_CRON],
    });
});

test('a concurrent kubectl edit makes Save a 409: live vs yours, the text survives a reload, rebase keeps both changes', async ({
  page,
  request,
}) => {
  const ed = await open(page, 'web');
  await retype(page, ed, 'minReplicaCount: 1', 1, '2');
  await expect(ed.line('minReplicaCount: 2')).toBeVisible();

  // Someone else changes the object with kubectl while the text is being edited.
  const before = await getSO(request, 'web');
  const out = kubectl(page, ['edit', '-n', NS, 'scaledobject/web'], {
    KUBE_EDITOR: "sed -i -e 's/maxReplicaCount: 6/maxReplicaCount: 9/'",
  });
  expect(out).toContain('scaledobject.keda.sh/web edited');
  const theirs = await getSO(request, 'web');
  expect(theirs.spec.maxReplicaCount).toBe(9);
  expect(theirs.metadata.resourceVersion).not.toBe(before.metadata.resourceVersion);
  // The watch tells the editor; the text is left alone.
  await expect(ed.notice('live-changed')).toContainText('changed on the server');
  await expect(ed.line('minReplicaCount: 2')).toBeVisible();

  // Save: the API server answers 409 Conflict; the editor shows live vs yours.
  await ed.save.click();
  const conflict = ed.notice('conflict');
  await expect(conflict).toBeVisible();
  // The live object as it is now: kubectl's change, or later (KEDA keeps writing status).
  const shown = /now resourceVersion\s+(\d+)/.exec((await conflict.textContent()) ?? '')?.[1];
  expect(Number(shown)).toBeGreaterThanOrEqual(Number(theirs.metadata.resourceVersion));
  const diff = (await conflict.locator('.diff > div:not(.gap)').allTextContents()).map((l) => l.trimEnd());
  expect(diff).toContain('-   maxReplicaCount: 9');
  expect(diff).toContain('+   maxReplicaCount: 6');
  expect(diff).toContain('-   minReplicaCount: 1');
  expect(diff).toContain('+   minReplicaCount: 2');
  await expect(ed.button('Rebase my edits')).toBeVisible();
  await expect(ed.button('Overwrite with mine')).toBeVisible();
  await shot(page, '409');

  // The typed text survives a reload (a draft in this browser).
  await page.reload();
  await expect(ed.line('minReplicaCount: 2')).toBeVisible();
  await expect(ed.notice('draft')).toContainText('Restored your unsaved draft');
  await expect(ed.notice('live-changed')).toContainText('changed on the server');

  // Rebase: both changes, then save for real.
  await ed.notice('live-changed').getByRole('button', { name: 'Rebase my edits onto it' }).click();
  await expect(ed.notice('rebased')).toContainText('no conflicts');
  await expect(ed.line('minReplicaCount: 2')).toBeVisible();
  await expect(ed.line('maxReplicaCount: 9')).toBeVisible();
  await ed.save.click();
  await expect(ed.notice('review')).toContainText('The API server accepted them in a dry run');
  await ed.notice('review').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/web$`));
  const saved = await getSO(request, 'web');
  expect([saved.spec.minReplicaCount, saved.spec.maxReplicaCount]).toEqual([2, 9]);

  // Nothing is left in the draft: the editor opens on the live object.
  const again = await open(page, 'web');
  await expect(again.notice('draft')).toHaveCount(0);
});

test('after a 409, overwrite puts my text over the live object', async ({ page, request }) => {
  const ed = await open(page, 'worker');
  await retype(page, ed, 'maxReplicaCount: 6', 1, '8');
  kubectl(page, [
    'patch',
    '-n',
    NS,
    'scaledobject/worker',
    '--type=merge',
    '-p',
    '{"spec":{"minReplicaCount":3}}',
  ]);
  await expect(ed.notice('live-changed')).toBeVisible();
  await ed.save.click();
  await expect(ed.notice('conflict')).toBeVisible();
  await ed.button('Overwrite with mine').click();
  await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/worker$`));
  const saved = await getSO(request, 'worker');
  expect([saved.spec.minReplicaCount, saved.spec.maxReplicaCount]).toEqual([1, 8]);
});

test('invalid YAML, a schema error and KEDA admission rules are marked at their lines', async ({
  page,
  request,
}) => {
  const ed = await open(page, 'batch');

  // YAML syntax.
  await retype(page, ed, 'maxReplicaCount: 6', 0, ': x');
  let line = await ed.lineNumber('maxReplicaCount: 6: x');
  await expect(ed.problem('error').first()).toHaveAttribute('data-source', 'yaml');
  await expect(ed.problem('error').first()).toHaveAttribute('data-line', String(line));
  await expect(ed.save).toBeDisabled();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');

  // The CRD schema: an integer field given a string. The API server says the same (422).
  await retype(page, ed, 'maxReplicaCount: 6', 1, 'ten');
  line = await ed.lineNumber('maxReplicaCount: ten');
  const schema = ed.problem('error').first();
  await expect(schema).toHaveAttribute('data-source', 'schema');
  await expect(schema).toHaveAttribute('data-line', String(line));
  // At the value: the key is right, its value is not.
  const column = (await ed.line('maxReplicaCount: ten').textContent())!.indexOf('ten') + 1;
  await expect(schema).toHaveAttribute('data-column', String(column));
  await expect(schema).toContainText('spec.maxReplicaCount');
  await expect(schema).toContainText('integer');
  await expect(ed.line('maxReplicaCount: ten').locator('.cm-lintRange-error')).toHaveCount(1);
  const body = await getSO(request, 'batch');
  (body.spec as unknown as Record<string, unknown>).maxReplicaCount = 'ten';
  const rejected = await request.put(soPath('batch'), { data: body });
  expect(rejected.status()).toBe(422);
  const status = (await rejected.json()) as { details: { causes: Array<{ field: string }> } };
  expect(status.details.causes.map((c) => c.field)).toContain('spec.maxReplicaCount');
  await shot(page, 'schema-error');

  // min > max: the CRD's CEL rule (the API server's 422 comes before KEDA's webhook), at the field.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('6');
  await retype(page, ed, 'minReplicaCount: 1', 1, '7');
  line = await ed.lineNumber('minReplicaCount: 7');
  await expect(ed.problem('error')).toHaveCount(1);
  const rule = ed.problem('error').first();
  await expect(rule).toHaveAttribute('data-line', String(line));
  await expect(rule).toHaveAttribute('data-source', 'rule');
  await expect(rule).toContainText('minReplicaCount must be less than or equal to maxReplicaCount');
  await retype(page, ed, 'minReplicaCount: 7', 1, '1');
  await expect(ed.problem('error')).toHaveCount(0);

  // KEDA's webhook rule idle < min, checked in the browser with KEDA's words, at the field.
  await retype(page, ed, 'minReplicaCount: 1', 0, '\n');
  await page.keyboard.type('idleReplicaCount: 1');
  line = await ed.lineNumber('idleReplicaCount: 1');
  await expect(ed.problem('error')).toHaveCount(1);
  const admission = ed.problem('error').first();
  await expect(admission).toHaveAttribute('data-line', String(line));
  await expect(admission).toHaveAttribute('data-source', 'admission');
  await expect(admission).toContainText('IdleReplicaCount=1 must be less than MinReplicaCount=1');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(ed.problem('error')).toHaveCount(0);

  // A webhook denial only the server can make: two ScaledObjects on one workload (403).
  await retype(page, ed, '    name: batch', 5, 'web');
  await expect(ed.save).toBeEnabled();
  await ed.save.click();
  const failure = ed.notice('failure');
  await expect(failure).toHaveAttribute('data-kind', 'webhook');
  await expect(failure).toContainText(
    "the workload 'web' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'web'",
  );
  line = await ed.lineNumber('name: web');
  await expect(failure).toContainText(`About spec.scaleTargetRef.name, line ${line}.`);
  const server = ed.root.locator('.problems li[data-source="server"]');
  await expect(server).toHaveAttribute('data-line', String(line));
  await expect(ed.line('name: web').locator('.cm-lintRange-error')).toHaveCount(1);
  await shot(page, 'webhook-denial');

  // The text and its draft survive the denial (and a reload).
  await page.reload();
  await expect(ed.line('name: web')).toBeVisible();
  await expect(ed.notice('draft')).toContainText('Restored your unsaved draft');
  await ed.button('Discard draft').click();
  await expect(ed.line('name: batch')).toBeVisible();
});

test("the API server's 422 from a CRD schema stricter than the browser's lands at its line", async ({
  page,
  request,
}) => {
  // The cluster's CRD can be newer than the schema the dashboard ships: only the server knows.
  const limit = '/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/maxReplicaCount/maximum';
  const ed = await open(page, 'batch');
  kubectl(page, [
    'patch',
    'crd',
    'scaledobjects.keda.sh',
    '--type=json',
    '-p',
    JSON.stringify([{ op: 'add', path: limit, value: 1000 }]),
  ]);
  try {
    // The API server serves the changed CRD's schema once it has taken it in.
    await expect
      .poll(async () => {
        const response = await request.patch(`${soPath('batch')}?dryRun=All`, {
          headers: { 'Content-Type': 'application/merge-patch+json' },
          data: JSON.stringify({ spec: { maxReplicaCount: 5000 } }),
        });
        return response.status();
      })
      .toBe(422);
    await retype(page, ed, 'maxReplicaCount: 6', 1, '5000');
    await expect(ed.problem('error')).toHaveCount(0);
    await ed.save.click();
    const failure = ed.notice('failure');
    await expect(failure).toHaveAttribute('data-kind', 'invalid');
    await expect(failure).toContainText('(422 Invalid)');
    await expect(failure).toContainText(
      'spec.maxReplicaCount: Invalid value: 5000: spec.maxReplicaCount in body should be less than or equal to 1000',
    );
    const line = await ed.lineNumber('maxReplicaCount: 5000');
    const server = ed.root.locator('.problems li[data-source="server"]');
    await expect(server).toHaveAttribute('data-line', String(line));
    await expect(ed.line('maxReplicaCount: 5000').locator('.cm-lintRange-error')).toHaveCount(1);
    await shot(page, 'server-422');
    await page.reload();
    await expect(ed.line('maxReplicaCount: 5000')).toBeVisible();
    await expect(ed.notice('draft')).toContainText('Restored your unsaved draft');
    await ed.button('Discard draft').click();
  } finally {
    kubectl(page, [
      'patch',
      'crd',
      'scaledobjects.keda.sh',
      '--type=json',
      '-p',
      JSON.stringify([{ op: 'remove', path: limit }]),
    ]);
  }
});

test('a network failure keeps the text and its draft', async ({ page }) => {
  const ed = await open(page, 'batch');
  await retype(page, ed, 'maxReplicaCount: 6', 1, '5');
  await page.route('**/scaledobjects/batch?*', (route) =>
    route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await ed.save.click();
  await expect(ed.notice('failure')).toHaveAttribute('data-kind', 'network');
  await expect(ed.notice('failure')).toContainText('Your text is kept');
  await page.unroute('**/scaledobjects/batch?*');
  await page.reload();
  await expect(ed.line('maxReplicaCount: 5')).toBeVisible();
  await expect(ed.notice('draft')).toContainText('Restored your unsaved draft');
  await ed.button('Discard draft').click();
});

test('read-only when the API server says the user may not update (access review, or 403 on the dry run)', async ({
  page,
}) => {
  // The demo server always acts as the sim's admin: answer as the API server does for a viewer.
  await page.route('**/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', async (route) => {
    const review = route.request().postDataJSON() as Record<string, unknown>;
    await route.fulfill({
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify({ ...review, status: { allowed: false, reason: 'RBAC: viewer' } }),
    });
  });
  const ed = await open(page, 'batch');
  await expect(ed.notice('readonly-notice')).toContainText(
    `Your account may not update scaledobjects.keda.sh in namespace ${NS} (RBAC: viewer).`,
  );
  await expect(ed.save).toHaveCount(0);
  await expect(ed.content).toHaveAttribute('aria-readonly', 'true');
  await page.unroute('**/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');

  // No access review answer, but the dry run is refused by RBAC: the editor turns read-only.
  await page.route('**/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: '{}' }),
  );
  await page.route('**/scaledobjects/batch?*', async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    const message = `scaledobjects.keda.sh "batch" is forbidden: User "viewer" cannot update resource "scaledobjects" in API group "keda.sh" in the namespace "${NS}"`;
    await route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: 'Forbidden',
        details: { name: 'batch', group: 'keda.sh', kind: 'scaledobjects' },
        code: 403,
      }),
    });
  });
  await page.reload();
  await expect(ed.line('maxReplicaCount: 6')).toBeVisible();
  await expect(ed.content).toHaveAttribute('aria-readonly', 'false');
  await retype(page, ed, 'maxReplicaCount: 6', 1, '4');
  await ed.save.click();
  await expect(ed.notice('failure')).toHaveAttribute('data-kind', 'forbidden');
  await expect(ed.notice('failure')).toContainText('User "viewer" cannot update resource "scaledobjects"');
  await expect(ed.notice('readonly-notice')).toContainText('Read-only.');
  await expect(ed.content).toHaveAttribute('aria-readonly', 'true');
  await expect(ed.save).toHaveCount(0);
  await expect(ed.line('maxReplicaCount: 4')).toBeVisible();
  // The draft is kept for when the access is granted.
  await page.unroute('**/scaledobjects/batch?*');
  await page.unroute('**/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
  await page.reload();
  await expect(ed.line('maxReplicaCount: 4')).toBeVisible();
  await expect(ed.notice('draft')).toContainText('Restored your unsaved draft');
});
