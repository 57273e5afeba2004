// Suite 6 of issue #9 (accessibility).
// 1. axe-core on every view of the demo site (lists, details, editor, each wizard step, graph,
//    playground, dialogs, the bulk bar), in the light and the dark theme: WCAG 2.0 A/AA and 2.1 AA
//    rules (and 2.1 A), 0 serious or critical violations. axe walks open shadow roots, so the elements'
//    insides are checked too. The demo's CSP forbids injected scripts, so these pages bypass it.
// 2. Keyboard: the main actions by keyboard alone (see the keyboard tests below).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { API, YEARLY_CRON_SPEC, ensureDeployment, ensureNamespace, ensureScaledObject } from './sim-api.ts';

const NS = 'e2e-hardening-a11y';
const SO = 'a11y-so';
const WORKLOAD = 'a11y-wizard';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;
const SHOTS = process.env.E2E_SCREENSHOTS;

test.describe.configure({ timeout: 120_000 });
// A step that cannot happen fails in seconds, not at the end of the (long) axe test.
test.use({ actionTimeout: 15_000 });

async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  await ensureDeployment(request, NS, SO, 1);
  await ensureDeployment(request, NS, WORKLOAD, 1);
  await ensureScaledObject(request, NS, SO, YEARLY_CRON_SPEC);
}

// ---------------------------------------------------------------------------------------------
// axe-core

interface Finding {
  view: string;
  theme: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string; impact?: string | null }[];
}

/** Runs axe on the whole page (open shadow roots included); serious and critical violations only. */
async function axe(page: Page, view: string, theme: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe;
    const result = (await runner.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // WCAG 2.5.3 (label in name); axe still files it as experimental, so it is asked for by name.
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeResult[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      view,
      theme,
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
      summary: v.nodes
        .map((n) => (n.failureSummary ?? '').replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .slice(0, 3)
        .join(' | '),
    }));
}

async function setTheme(page: Page, theme: string): Promise<void> {
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  // Let transitions and charts that follow the theme settle before colours are measured.
  await page.waitForTimeout(350);
}

/** One view: how to reach it from a fresh page; `ready` waits for its content. */
interface View {
  name: string;
  open(page: Page): Promise<void>;
}

const el = (page: Page, tag: string) => page.locator(tag);

async function goto(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(path);
  await ready(page);
}

const wizard = (page: Page) => page.locator('keda-create-wizard');
const wizardStep = (page: Page) => wizard(page).locator('[data-current-step]');

async function wizardNext(page: Page, step: string): Promise<void> {
  await wizard(page).locator('[data-action="next"]').click();
  await expect(wizardStep(page)).toHaveAttribute('data-current-step', step);
}

const VIEWS: View[] = [
  {
    name: 'overview /',
    open: (page) =>
      goto(page, '/', async (p) => {
        await expect(el(p, 'keda-overview')).toContainText('orders-processor');
      }),
  },
  ...['scaledobjects', 'scaledjobs', 'triggerauthentications', 'clustertriggerauthentications'].map(
    (plural): View => ({
      name: `list /${plural}`,
      open: (page) =>
        goto(page, `/${plural}`, async (p) => {
          await expect(p.locator('keda-connection [role="row"]').nth(1)).toBeVisible();
        }),
    }),
  ),
  {
    name: 'list with a selection (bulk bar)',
    open: (page) =>
      goto(page, `/scaledobjects?ns=${NS}`, async (p) => {
        const list = el(p, 'keda-scaled-object-list');
        await list.locator('[role="row"]', { hasText: SO }).locator('.select input').check();
        await expect(list.locator('[part="bulk-bar"]')).toBeVisible();
      }),
  },
  {
    name: 'list bulk delete dialog',
    open: (page) =>
      goto(page, `/scaledobjects?ns=${NS}`, async (p) => {
        const list = el(p, 'keda-scaled-object-list');
        await list.locator('[role="row"]', { hasText: SO }).locator('.select input').check();
        await list.locator('[part="bulk-bar"]').getByRole('button', { name: 'Delete…' }).click();
        await expect(list.locator('dialog.confirm')).toBeVisible();
      }),
  },
  {
    name: 'ScaledObject details (charts, timeline, event log)',
    open: (page) =>
      goto(page, '/scaledobjects/orders/orders-processor', async (p) => {
        const details = el(p, 'keda-scaled-object-details');
        await expect(details.locator('header h2')).toHaveText('orders-processor');
        await expect(details.locator('keda-event-timeline')).toBeAttached();
        await expect(details.locator('keda-event-log')).toBeAttached();
      }),
  },
  {
    name: 'ScaledObject pause-replicas dialog',
    open: (page) =>
      goto(page, `/scaledobjects/${NS}/${SO}`, async (p) => {
        const details = el(p, 'keda-scaled-object-details');
        await details.getByRole('button', { name: 'Pause at…' }).click();
        await expect(details.locator('dialog.pause-replicas')).toBeVisible();
      }),
  },
  {
    name: 'ScaledObject delete dialog',
    open: (page) =>
      goto(page, `/scaledobjects/${NS}/${SO}`, async (p) => {
        const details = el(p, 'keda-scaled-object-details');
        await details.locator('[part="header"]').getByRole('button', { name: 'Delete', exact: true }).click();
        await expect(details.locator('dialog.delete')).toBeVisible();
      }),
  },
  {
    name: 'ScaledJob details',
    open: (page) =>
      goto(page, '/scaledjobs/orders/order-exporter', async (p) => {
        const details = el(p, 'keda-scaled-job-details');
        await expect(details.locator('header h2')).toHaveText('order-exporter');
        await expect(
          details.getByRole('region', { name: 'Jobs', exact: true }).locator('tbody tr').first(),
        ).toBeVisible();
      }),
  },
  {
    name: 'TriggerAuthentication details',
    open: (page) =>
      goto(page, '/triggerauthentications/orders/orders-rabbitmq', async (p) => {
        const details = el(p, 'keda-trigger-auth-details');
        await expect(details.getByRole('region', { name: 'Used by' }).locator('tbody tr')).toHaveCount(2);
      }),
  },
  {
    name: 'ClusterTriggerAuthentication details',
    open: (page) =>
      goto(page, '/clustertriggerauthentications/prometheus-bearer', async (p) => {
        const details = el(p, 'keda-trigger-auth-details');
        await expect(details.getByRole('region', { name: 'Used by' })).toContainText('payments');
      }),
  },
  {
    name: 'a details page for a missing object',
    open: (page) =>
      goto(page, '/triggerauthentications/orders/no-such-auth', async (p) => {
        await expect(el(p, 'keda-trigger-auth-details .message')).toContainText('not found');
      }),
  },
  {
    name: 'YAML editor',
    open: (page) =>
      goto(page, '/scaledobjects/orders/orders-processor/yaml', async (p) => {
        const editor = el(p, 'keda-yaml-editor');
        await expect(editor.locator('.cm-content > .cm-line').first()).toBeVisible();
        await expect(editor.locator('.help')).not.toContainText('Loading the CRD schema');
      }),
  },
  {
    name: 'YAML editor with an error marked',
    open: (page) =>
      goto(page, '/scaledobjects/orders/orders-processor/yaml', async (p) => {
        const editor = el(p, 'keda-yaml-editor');
        const line = editor.locator('.cm-content > .cm-line', { hasText: 'maxReplicaCount:' }).first();
        await line.click();
        await p.keyboard.press('End');
        await p.keyboard.type('x');
        await expect(editor.locator('.cm-lintRange-error, .cm-diagnostic-error').first()).toBeAttached();
      }),
  },
  {
    name: 'wizard step 1 (target)',
    open: (page) =>
      goto(page, '/create', async (p) => {
        await expect(wizardStep(p)).toHaveAttribute('data-current-step', 'target');
        await wizard(p).locator('[data-field="namespace"]').fill(NS);
        const workload = wizard(p).locator(`[data-workload="Deployment/${WORKLOAD}"]`);
        await expect(workload).toBeVisible();
        await workload.check();
      }),
  },
  {
    name: 'wizard step 1 with errors',
    open: (page) =>
      goto(page, '/create', async (p) => {
        await expect(wizardStep(p)).toHaveAttribute('data-current-step', 'target');
        await wizard(p).locator('[data-action="next"]').click();
        await expect(wizard(p).locator('[part="issues"]')).toBeVisible();
      }),
  },
  {
    name: 'wizard step 2 (scaling)',
    open: async (page) => {
      await VIEWS_BY_NAME['wizard step 1 (target)']!.open(page);
      await wizardNext(page, 'scaling');
    },
  },
  {
    name: 'wizard step 3 (triggers)',
    open: async (page) => {
      await VIEWS_BY_NAME['wizard step 2 (scaling)']!.open(page);
      await wizardNext(page, 'triggers');
      await wizard(page).locator('[data-field="picker.query"]').fill('cron');
      await wizard(page).locator('.picker-item[data-type="cron"]').click();
      const trigger = wizard(page).locator('section.trigger[data-trigger]').first();
      const id = await trigger.getAttribute('data-trigger');
      const param = (key: string) => wizard(page).locator(`[data-field="trigger.${id}.param.${key}"]`);
      await param('timezone').fill('UTC');
      await param('start').fill('0 8 * * *');
      await param('end').fill('0 18 * * *');
      await param('desiredReplicas').fill('2');
    },
  },
  {
    name: 'wizard step 4 (auth)',
    open: async (page) => {
      await VIEWS_BY_NAME['wizard step 3 (triggers)']!.open(page);
      await wizardNext(page, 'auth');
    },
  },
  {
    name: 'wizard step 5 (advanced, what-if)',
    open: async (page) => {
      await VIEWS_BY_NAME['wizard step 4 (auth)']!.open(page);
      await wizardNext(page, 'advanced');
      await expect(wizard(page).locator('keda-what-if-chart')).toBeVisible();
    },
  },
  {
    name: 'wizard step 6 (review, dry run)',
    open: async (page) => {
      await VIEWS_BY_NAME['wizard step 5 (advanced, what-if)']!.open(page);
      await wizardNext(page, 'review');
      await expect(wizard(page).locator('[data-status="scaledObject"]')).toHaveText(
        'The API server accepts it (dry run)',
      );
    },
  },
  {
    name: 'graph',
    open: (page) =>
      goto(page, '/graph', async (p) => {
        await expect(el(p, 'keda-relationship-graph').locator('canvas').first()).toBeVisible();
        await expect(el(p, 'keda-relationship-graph').locator('section.list')).toContainText(
          'orders-rabbitmq',
        );
      }),
  },
  {
    name: 'graph focused on one object',
    open: (page) =>
      goto(page, '/graph?focus=ScaledObject/orders/orders-processor', async (p) => {
        await expect(el(p, 'keda-relationship-graph').locator('canvas').first()).toBeVisible();
      }),
  },
  {
    name: 'page not found',
    open: (page) =>
      goto(page, '/no-such-page', async (p) => {
        await expect(p.locator('.not-found')).toBeVisible();
      }),
  },
  // Last: the panel stays open across pages (it remembers).
  {
    name: 'playground panel open',
    open: (page) =>
      goto(page, '/scaledobjects', async (p) => {
        await p.locator('#playground-toggle').click();
        await expect(p.locator('demo-playground li.source').first()).toBeVisible();
      }),
  },
];
const VIEWS_BY_NAME: Record<string, View> = Object.fromEntries(VIEWS.map((v) => [v.name, v]));

test.describe('axe-core', () => {
  test.use({ bypassCSP: true });

  test('axe: every view, light and dark, has no serious or critical WCAG 2.1 AA violation', async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    await seed(request);
    const findings: Finding[] = [];
    const slug = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
    for (const view of VIEWS) {
      await view.open(page);
      for (const theme of THEMES) {
        await setTheme(page, theme);
        findings.push(...(await axe(page, view.name, theme)));
        if (SHOTS)
          await page.screenshot({ path: `${SHOTS}/${slug(view.name)}-${theme}.png`, fullPage: true });
      }
    }
    const report = findings
      .map(
        (f) =>
          `  [${f.theme}] ${f.view}: ${f.id} (${f.impact}) ${f.help}\n    ${f.targets.slice(0, 6).join('\n    ')}${f.targets.length > 6 ? `\n    … ${f.targets.length - 6} more` : ''}\n    ${f.summary}`,
      )
      .join('\n');
    const count = findings.reduce((n, f) => n + f.targets.length, 0);
    process.stdout.write(
      `a11y: ${VIEWS.length} views x ${THEMES.length} themes, ${count} serious/critical violations\n`,
    );
    expect(count, `serious or critical axe violations:\n${report}`).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Keyboard: every action of the views with the keyboard alone (Tab, Shift+Tab, Enter, Space,
// arrows, Escape). No click, no fill, no focus() call.

interface Focus {
  tag: string;
  /** aria-label, else the text. */
  name: string;
  field: string;
  action: string;
  workload: string;
  className: string;
  /** Inside an open <dialog>. */
  inDialog: boolean;
}

/** The deep active element (through shadow roots). */
async function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const attr = (name: string) => el?.getAttribute(name) ?? '';
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('aria-label') ?? (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      field: attr('data-field'),
      action: attr('data-action'),
      workload: attr('data-workload'),
      className: typeof el?.className === 'string' ? el.className : '',
      inDialog: !!el?.closest('dialog[open]'),
    };
  });
}

const show = (f: Focus) => `${f.tag}|${f.name.slice(0, 40)}${f.field ? `|${f.field}` : ''}`;

/**
 * Presses Tab (or Shift+Tab) until `match` holds for the focused element (none when it already
 * does: a view that moved focus there itself); the Tabs it took.
 */
async function tabTo(
  page: Page,
  match: (f: Focus) => boolean,
  { back = false, max = 150 }: { back?: boolean; max?: number } = {},
): Promise<number> {
  if (match(await focused(page))) return 0;
  const path: string[] = [];
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    path.push(show(now));
    if (match(now)) return i;
  }
  throw new Error(`${back ? 'Shift+' : ''}Tab never reached it: ${path.slice(-15).join(' > ')}`);
}

const button = (name: string) => (f: Focus) => f.tag === 'button' && f.name === name;
const link = (name: string) => (f: Focus) => f.tag === 'a' && f.name === name;
const field = (id: string) => (f: Focus) => f.field === id;

async function soExists(request: APIRequestContext, name: string): Promise<number> {
  return (await request.get(`${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${name}`)).status();
}

async function seedScaledObject(request: APIRequestContext, name: string): Promise<void> {
  await ensureDeployment(request, NS, name, 1);
  await ensureScaledObject(request, NS, name, YEARLY_CRON_SPEC);
}

const steps: string[] = [];

test.describe('keyboard', () => {
  test.afterAll(() => {
    process.stdout.write(`a11y keyboard: ${steps.length} actions by keyboard alone (${steps.join(', ')})\n`);
  });

  test('keyboard: tab to a row, open it, pause, resume, the paused-replicas dialog opens and Escape closes it', async ({
    page,
    request,
  }) => {
    await seed(request);
    await page.goto(`/scaledobjects?ns=${NS}`);
    await expect(page.locator('keda-scaled-object-list')).toContainText(SO);
    await tabTo(page, link(SO));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/${SO}$`));
    const details = page.locator('keda-scaled-object-details');
    await expect(details.locator('header h2')).toHaveText(SO);
    steps.push('open a row');

    await tabTo(page, button('Pause'));
    await page.keyboard.press('Enter');
    await expect(details.getByRole('button', { name: 'Resume scaling' })).toBeVisible();
    // Focus may stay on the replaced button or move; tab to Resume if it is not there.
    await tabTo(page, button('Resume scaling'));
    await page.keyboard.press('Enter');
    await expect(details.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    steps.push('pause', 'resume');

    await tabTo(page, button('Pause at…'));
    await page.keyboard.press('Enter');
    const dialog = details.locator('dialog.pause-replicas');
    await expect(dialog).toBeVisible();
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // Again, and this time pause at 2 from the dialog.
    await tabTo(page, button('Pause at…'), { back: true });
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await tabTo(page, (f) => f.tag === 'input' && f.inDialog, { max: 5 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, (f) => f.inDialog && f.name === 'Pause at 2', { max: 5 });
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(details).toContainText(/paused at 2 replicas/i);
    const paused = await request.get(`${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${SO}`);
    expect(
      ((await paused.json()) as { metadata: { annotations?: Record<string, string> } }).metadata.annotations,
    ).toMatchObject({ 'autoscaling.keda.sh/paused-replicas': '2' });
    await tabTo(page, button('Resume scaling'), { back: true });
    await page.keyboard.press('Enter');
    await expect(details.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    steps.push('pause at a count');
  });

  test('keyboard: select rows with Space, pause, resume and delete them from the bulk bar', async ({
    page,
    request,
  }) => {
    const names = ['kb-bulk-1', 'kb-bulk-2'];
    await seed(request);
    for (const name of names) await seedScaledObject(request, name);
    await page.goto(`/scaledobjects?ns=${NS}&filter=kb-bulk`);
    const list = page.locator('keda-scaled-object-list');
    for (const name of names) await expect(list.locator('[role="row"]', { hasText: name })).toBeVisible();
    for (const name of names) {
      await tabTo(page, (f) => f.tag === 'input' && f.name === `Select ${name}`);
      await page.keyboard.press('Space');
    }
    const bar = list.locator('[part="bulk-bar"]');
    await expect(bar.locator('.bulk-count')).toHaveText('2 ScaledObjects selected');
    steps.push('select rows');

    const state = (name: string) => list.locator('[role="row"]', { hasText: name }).locator('.state');
    await tabTo(page, button('Pause'), { back: true });
    await page.keyboard.press('Enter');
    for (const name of names) await expect(state(name)).toHaveText('Paused');
    await tabTo(page, button('Resume'));
    await page.keyboard.press('Enter');
    for (const name of names) await expect(state(name)).not.toHaveText('Paused');
    steps.push('bulk pause', 'bulk resume');

    await tabTo(page, button('Delete…'));
    await page.keyboard.press('Enter');
    const dialog = list.locator('dialog.confirm');
    await expect(dialog).toBeVisible();
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    for (const name of names) expect(await soExists(request, name)).toBe(200);
    // Escape gives focus back to the button that opened the dialog.
    expect((await focused(page)).name).toBe('Delete…');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await tabTo(page, (f) => f.inDialog && f.tag === 'button' && /^Delete/.test(f.name), { max: 6 });
    await page.keyboard.press('Enter');
    for (const name of names) await expect(list.locator('[role="row"]', { hasText: name })).toHaveCount(0);
    for (const name of names) expect(await soExists(request, name)).toBe(404);
    steps.push('bulk delete (Escape cancels, confirm deletes)');
  });

  test('keyboard: delete from the details page through its confirmation', async ({ page, request }) => {
    const name = 'kb-delete';
    await seed(request);
    await seedScaledObject(request, name);
    await page.goto(`/scaledobjects/${NS}/${name}`);
    const details = page.locator('keda-scaled-object-details');
    await expect(details.locator('header h2')).toHaveText(name);
    await tabTo(page, (f) => button('Delete')(f) && !f.inDialog);
    await page.keyboard.press('Enter');
    const dialog = details.locator('dialog.delete');
    await expect(dialog).toBeVisible();
    await tabTo(page, (f) => f.inDialog && f.tag === 'button' && f.name === 'Delete', { max: 6 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/scaledobjects$/);
    expect(await soExists(request, name)).toBe(404);
    steps.push('delete');
  });

  test('keyboard: edit YAML, leave the editor with Escape then Tab, review and save', async ({
    page,
    request,
  }) => {
    const name = 'kb-edit';
    await seed(request);
    await seedScaledObject(request, name);
    await page.goto(`/scaledobjects/${NS}/${name}`);
    await expect(page.locator('keda-scaled-object-details header h2')).toHaveText(name);
    await tabTo(page, link('Edit YAML'));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/${name}/yaml$`));
    const editor = page.locator('keda-yaml-editor');
    await expect(editor.locator('.cm-content > .cm-line', { hasText: 'maxReplicaCount: 3' })).toBeVisible();
    await expect(editor.locator('.help')).not.toContainText('Loading the CRD schema');

    await tabTo(page, (f) => f.className.includes('cm-content'));
    await page.keyboard.press('Control+Home');
    const activeLine = () => editor.locator('.cm-activeLine').textContent();
    for (let i = 0; i < 60 && !(await activeLine())?.includes('maxReplicaCount'); i += 1)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await expect(editor.locator('.cm-activeLine')).toHaveText(/maxReplicaCount: 5/);
    // The edit is checked as typed; Save is offered (enabled, so Tab stops on it) once that is done.
    await expect(editor.getByRole('button', { name: 'Review and save…' })).toBeEnabled();
    // Tab indents inside the editor; Escape then Tab leaves it.
    // Escape allows the next Tab out for 2 s (CodeMirror); on a loaded machine press them together.
    for (let i = 0; i < 3 && (await focused(page)).className.includes('cm-content'); i += 1) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      // Still inside: the Tab came too late and indented the line, as Tab does; Shift+Tab undoes that.
      if ((await focused(page)).className.includes('cm-content')) await page.keyboard.press('Shift+Tab');
    }
    await expect(editor.locator('.cm-line', { hasText: 'maxReplicaCount' })).toHaveText(
      '  maxReplicaCount: 5',
    );
    await tabTo(page, button('Review and save…'), { max: 10 });
    expect((await focused(page)).className).not.toContain('cm-content');
    await page.keyboard.press('Enter');
    const review = editor.locator('.notice.review');
    await expect(review).toContainText('The API server accepted them in a dry run', { timeout: 20_000 });
    await tabTo(page, button('Save'), { max: 20 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/${name}$`));
    const so = await request.get(`${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${name}`);
    expect(((await so.json()) as { spec: { maxReplicaCount: number } }).spec.maxReplicaCount).toBe(5);
    steps.push('edit and save YAML');
  });

  test('keyboard: the wizard from the list: pick a workload, next, back, add a trigger, create', async ({
    page,
    request,
  }) => {
    await seed(request);
    await page.goto(`/scaledobjects?ns=${NS}`);
    await tabTo(page, link('Create ScaledObject…'));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/create/);
    const w = wizard(page);
    await expect(wizardStep(page)).toHaveAttribute('data-current-step', 'target');

    // Namespace: select what is there and type ours.
    await tabTo(page, field('namespace'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(NS);
    await expect(w.locator(`[data-workload="Deployment/${WORKLOAD}"]`)).toBeVisible();
    // The workloads are one radio group: Tab enters it, arrows move (and choose).
    await tabTo(page, field('target.workload'));
    for (let i = 0; i < 10 && (await focused(page)).workload !== `Deployment/${WORKLOAD}`; i += 1)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(w.locator(`[data-workload="Deployment/${WORKLOAD}"]`)).toBeChecked();
    await expect(w.locator('[data-field="name"]')).toHaveValue(WORKLOAD);
    const next = async (step: string) => {
      await tabTo(page, (f) => f.action === 'next');
      await page.keyboard.press('Enter');
      await expect(wizardStep(page)).toHaveAttribute('data-current-step', step);
    };
    await next('scaling');
    // Back, and forward again, by keyboard.
    await tabTo(page, (f) => f.action === 'back');
    await page.keyboard.press('Enter');
    await expect(wizardStep(page)).toHaveAttribute('data-current-step', 'target');
    await next('scaling');
    steps.push('wizard next', 'wizard back');
    await next('triggers');

    await tabTo(page, field('picker.query'));
    await page.keyboard.type('cron');
    await tabTo(
      page,
      (f) => f.tag === 'button' && f.className.includes('picker-item') && /cron/.test(f.name),
    );
    await page.keyboard.press('Enter');
    const trigger = w.locator('section.trigger[data-trigger]').first();
    await expect(trigger).toBeVisible();
    const id = await trigger.getAttribute('data-trigger');
    for (const [key, value] of [
      ['start', '0 8 * * *'],
      ['end', '0 18 * * *'],
      ['timezone', 'UTC'],
      ['desiredReplicas', '2'],
    ] as const) {
      await tabTo(page, field(`trigger.${id}.param.${key}`));
      await page.keyboard.press('Control+A');
      await page.keyboard.type(value);
    }
    steps.push('wizard add a trigger');
    await next('auth');
    await next('advanced');
    await next('review');
    await expect(w.locator('[data-status="scaledObject"]')).toHaveText('The API server accepts it (dry run)');
    await tabTo(page, (f) => f.action === 'create');
    await page.keyboard.press('Enter');
    await expect(w.locator('[data-status="scaledObject"]')).toHaveText('Created');
    expect(await soExists(request, WORKLOAD)).toBe(200);
    steps.push('wizard create');
  });

  test('keyboard: the graph: Tab to it, arrows between objects, F focuses, Enter opens', async ({ page }) => {
    await page.goto('/graph');
    const graph = page.locator('keda-relationship-graph');
    await expect(graph.locator('canvas').first()).toBeVisible();
    // Its toolbar buttons and the canvas are tab stops.
    await tabTo(page, button('Fit'));
    await tabTo(page, (f) => f.name.startsWith('Relationship graph.'));
    const status = graph.locator('#graph-status');
    await expect(status).not.toBeEmpty();
    const before = await status.textContent();
    await page.keyboard.press('ArrowDown');
    await expect(status).not.toHaveText(before ?? '');
    // Move to orders-processor's row of the graph: the status names what is selected.
    for (
      let i = 0;
      i < 20 && !/orders-processor, ScaledObject/.test((await status.textContent()) ?? '');
      i += 1
    )
      await page.keyboard.press('ArrowDown');
    await expect(status).toContainText('orders-processor, ScaledObject');
    await page.keyboard.press('f');
    await expect(page).toHaveURL(
      /focus=ScaledObject%2Forders%2Forders-processor|focus=ScaledObject\/orders\/orders-processor/,
    );
    steps.push('graph select and focus');
    await expect(status).toContainText('orders-processor');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/scaledobjects\/orders\/orders-processor$/);
    steps.push('graph open');
  });
});
