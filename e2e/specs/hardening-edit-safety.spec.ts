import type { Route } from '@playwright/test';
import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { API, OFFICE_HOURS_CRON, createDeployment, createScaledObject, ensureNamespace } from './sim-api.ts';

// Hardening suite 2 (issue #9), edit safety: a save in the YAML editor that ends in 409 Conflict,
// 422 Invalid, 403 Forbidden, a dropped connection, or a page reload while the request is in
// flight. In every case the user's text stays in the editor and survives a reload (draft), nothing
// half-saved reaches the server, and the notice says what happened and what to do. The 409 is a
// real concurrent write on the simulated cluster; 422, 403 and the dropped connection are the real
// save request answered (or cut) at the network layer, since the editor checks locally what the
// server would refuse.
// The create wizard's Create meets the same: 409 AlreadyExists (someone created the name after the
// dry run), 403 and a dropped connection on the real POST. Every input is kept: the fix (or just
// pressing Create again) creates exactly what the person typed.

const RUN = Date.now().toString(36).slice(-5);
const NS = `e2e-safety-${RUN}`;
const CASES = ['conflict', 'invalid', 'forbidden', 'dropped', 'reload'] as const;
const WIZARD_CASES = ['wiz-exists', 'wiz-forbidden', 'wiz-dropped'] as const;
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
  await ensureNamespace(request, NS);
  for (const name of [...CASES, ...WIZARD_CASES]) {
    await createDeployment(request, NS, name, 1);
    if ((WIZARD_CASES as readonly string[]).includes(name)) continue;
    await createScaledObject(request, NS, name, {
      minReplicaCount: 1,
      maxReplicaCount: 6,
      triggers: [OFFICE_HOURS_CRON],
    });
  }
});

test.afterAll(() => {
  const total = CASES.length + WIZARD_CASES.length;
  // eslint-disable-next-line no-console -- the suite prints its corpus size and result (issue #9)
  console.log(
    `edit-safety: ${total} cases (${CASES.length} editor saves, ${WIZARD_CASES.length} wizard creates), ${total - kept} texts lost`,
  );
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

// ---------------------------------------------------------------------------------------------
// The create wizard

/** What the person types: a ScaledObject over `workload`, max 7, a cron trigger of their own. */
const TYPED = {
  max: '7',
  start: '0 7 * * 1-5',
  end: '30 19 * * 1-5',
  timezone: 'Europe/Paris',
  desired: '3',
};

function wizard(page: Page) {
  const root = page.locator('keda-create-wizard');
  return {
    root,
    field: (id: string) => root.locator(`[data-field="${id}"]`),
    step: root.locator('[data-current-step]'),
    next: root.locator('[data-action="next"]'),
    create: root.locator('[data-action="create"]'),
    status: root.locator('[data-status="scaledObject"]'),
    outcome: root.locator('[part="outcome"]'),
  };
}
type Wizard = ReturnType<typeof wizard>;

/** Fills every step by hand and stops at the review once the dry run passed. */
async function wizardToReview(page: Page, workload: string): Promise<Wizard> {
  await page.goto(`/create?namespace=${NS}`);
  const w = wizard(page);
  await w.root.locator(`[data-workload="Deployment/${workload}"]`).check();
  await expect(w.field('name')).toHaveValue(workload);
  await w.next.click();
  await w.field('scaling.maxReplicaCount').fill(TYPED.max);
  await w.next.click();
  await w.field('picker.query').fill('cron');
  await w.root.locator('.picker-item[data-type="cron"]').click();
  const id = await w.root.locator('section.trigger[data-trigger]').first().getAttribute('data-trigger');
  const param = (key: string) => w.field(`trigger.${id}.param.${key}`);
  await param('start').fill(TYPED.start);
  await param('end').fill(TYPED.end);
  await param('timezone').fill(TYPED.timezone);
  await param('desiredReplicas').fill(TYPED.desired);
  for (const step of ['auth', 'advanced', 'review']) {
    await w.next.click();
    await expect(w.step).toHaveAttribute('data-current-step', step);
  }
  await expect(w.status).toHaveText('The API server accepts it (dry run)');
  return w;
}

/** Answers (or cuts) the real (not dry-run) POST of a ScaledObject in NS; everything else goes through. */
async function onCreate(page: Page, handle: (route: Route) => Promise<void>) {
  await page.route(`**${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects*`, async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || request.url().includes('dryRun')) return route.continue();
    await handle(route);
  });
}

/** The object on the server is exactly what was typed. */
async function createdAsTyped(request: APIRequestContext, name: string) {
  const response = await request.get(soPath(name));
  await ok(response, 200);
  const so = (await response.json()) as {
    spec: { maxReplicaCount: number; triggers: { type: string; metadata: Record<string, string> }[] };
  };
  expect(so.spec.maxReplicaCount).toBe(Number(TYPED.max));
  expect(so.spec.triggers).toEqual([
    {
      type: 'cron',
      metadata: {
        start: TYPED.start,
        end: TYPED.end,
        timezone: TYPED.timezone,
        desiredReplicas: TYPED.desired,
      },
    },
  ]);
}

/** After the failure: the review still shows the typed object, and the steps still hold the inputs. */
async function inputsKept(w: Wizard) {
  const yaml = (await w.root.locator('section.object[data-role="scaledObject"] pre').textContent()) ?? '';
  for (const value of [`maxReplicaCount: ${TYPED.max}`, TYPED.start, TYPED.timezone])
    expect(yaml).toContain(value);
  await w.root.locator('[data-step="scaling"]').click();
  await expect(w.field('scaling.maxReplicaCount')).toHaveValue(TYPED.max);
  await w.root.locator('[data-step="review"]').click();
  await expect(w.step).toHaveAttribute('data-current-step', 'review');
}

test('wizard, 409 AlreadyExists on Create: the name field says so, the rest is kept, a new name creates it', async ({
  page,
  request,
}) => {
  const name = 'wiz-exists';
  const w = await wizardToReview(page, name);
  // Someone (kubectl) takes the name between the dry run and Create: the real POST meets 409.
  // (The wizard watches the namespace, so a name taken earlier is flagged before Create.)
  await onCreate(page, (route) =>
    route.fulfill(
      status(409, 'AlreadyExists', `scaledobjects.keda.sh "${name}" already exists`, {
        name,
        group: 'keda.sh',
        kind: 'scaledobjects',
      }),
    ),
  );
  await w.create.click();
  await expect(w.status).toHaveText('Failed');
  await expect(w.outcome).toContainText(`Stopped at ScaledObject ${name} (409)`);
  await expect(w.outcome).toContainText('Nothing was created.');
  await expect(w.outcome).toContainText('What to do: fix the problem and press Create again');
  await expect(w.root.locator('[data-step="target"]')).toHaveClass(/has-error/);
  await inputsKept(w);
  // The message is at the name: rename, and Create makes what was typed.
  await w.root.locator('[data-step="target"]').click();
  await expect(w.root.locator('[data-messages-for="name"]')).toContainText('already exists');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await w.field('name').fill(`${name}-2`);
  await w.root.locator('[data-step="review"]').click();
  await w.create.click();
  await expect(w.status).toHaveText('Created');
  await createdAsTyped(request, `${name}-2`);
  kept += 1;
});

test('wizard, 403 Forbidden on Create: says who may not do what, the inputs kept, Create again once allowed', async ({
  page,
  request,
}) => {
  const name = 'wiz-forbidden';
  const w = await wizardToReview(page, name);
  await onCreate(page, (route) =>
    route.fulfill(
      status(
        403,
        'Forbidden',
        `scaledobjects.keda.sh is forbidden: User "jane" cannot create resource "scaledobjects" in API group "keda.sh" in the namespace "${NS}"`,
        { group: 'keda.sh', kind: 'scaledobjects' },
      ),
    ),
  );
  await w.create.click();
  await expect(w.status).toHaveText('Failed');
  await expect(w.outcome).toContainText(`Stopped at ScaledObject ${name} (403)`);
  await expect(w.outcome).toContainText('cannot create resource "scaledobjects"');
  await expect(w.outcome).toContainText('What to do');
  expect((await request.get(soPath(name))).status()).toBe(404);
  await inputsKept(w);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await w.create.click();
  await expect(w.status).toHaveText('Created');
  await createdAsTyped(request, name);
  kept += 1;
});

test('wizard, a dropped connection on Create: nothing created, the inputs kept, Create again when it is back', async ({
  page,
  request,
}) => {
  const name = 'wiz-dropped';
  const w = await wizardToReview(page, name);
  await onCreate(page, (route) => route.abort('connectionreset'));
  await w.create.click();
  await expect(w.status).toHaveText('Failed');
  await expect(w.outcome).toContainText(`Stopped at ScaledObject ${name} (network)`);
  await expect(w.outcome).toContainText('Nothing was created.');
  expect((await request.get(soPath(name))).status()).toBe(404);
  await inputsKept(w);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await w.create.click();
  await expect(w.status).toHaveText('Created');
  await createdAsTyped(request, name);
  kept += 1;
});
