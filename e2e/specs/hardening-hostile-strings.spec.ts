// Suite 4 of issue #9 (hostile strings), end to end: every payload of the corpus in every free-text
// field the simulated cluster accepts (annotations, trigger metadata and names, TriggerAuthentication
// parameters, Secret and env references, Event messages; KEDA's own condition messages quote the
// names), then every view of the demo. A payload that ran would call `__xss()` or, under the CSP,
// raise a `securitypolicyviolation`; injected markup would show in the DOM scan. Prints
// `hostile-strings: N payloads x M views, K executions`.
import {
  HOSTILE_STRINGS,
  normalizeText,
  visibleProbe,
} from '../../components/test/corpus/hostile-strings.ts';
import { installXssTrap, scanDom } from '../../components/test/corpus/dom-scan.ts';
import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { ensure, ensureDeployment, ensureNamespace, ensureScaledObject, scaledJobBody } from './sim-api.ts';

const NS = 'e2e-hardening-xss';
const SO = 'hostile-so';
const SJ = 'hostile-sj';
const TA = 'hostile-ta';

const pad = (n: number) => String(n).padStart(2, '0');
const annotations = Object.fromEntries(
  HOSTILE_STRINGS.map((p) => [`hardening.example.com/p${pad(p.id)}`, p.text]),
);
const metadata = Object.fromEntries(HOSTILE_STRINGS.map((p) => [`p${pad(p.id)}`, p.text]));

async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  await ensure(request, `/api/v1/namespaces/${NS}/secrets`, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'hostile-secret', namespace: NS, annotations },
    type: 'Opaque',
    stringData: { host: 'amqp://u:never-shown@rmq' },
  });
  await ensure(request, `/apis/keda.sh/v1alpha1/namespaces/${NS}/triggerauthentications`, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: TA, namespace: NS, annotations },
    spec: {
      secretTargetRef: HOSTILE_STRINGS.slice(0, 20).map((p) => ({
        parameter: `param${pad(p.id)}`,
        name: p.text,
        key: HOSTILE_STRINGS[p.id + 19]!.text,
      })),
      env: HOSTILE_STRINGS.slice(40).map((p) => ({ parameter: `env${pad(p.id)}`, name: p.text })),
    },
  });
  await ensure(request, `/apis/apps/v1/namespaces/${NS}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: SO, namespace: NS, annotations },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: SO } },
      template: {
        metadata: { labels: { app: SO } },
        spec: { containers: [{ name: 'w', image: 'busybox' }] },
      },
    },
  });
  const triggers = [
    {
      type: 'cron',
      name: HOSTILE_STRINGS[0]!.text,
      metadata: { timezone: 'UTC', start: '0 0 1 1 *', end: '5 0 1 1 *', desiredReplicas: '2', ...metadata },
    },
    {
      type: 'external',
      name: HOSTILE_STRINGS[5]!.text,
      metadata: { scalerAddress: `${HOSTILE_STRINGS[8]!.text}:9090`, metricName: HOSTILE_STRINGS[51]!.text },
      authenticationRef: { name: TA },
    },
  ];
  await ensureScaledObject(
    request,
    NS,
    SO,
    { minReplicaCount: 1, maxReplicaCount: 4, triggers },
    { annotations },
  );
  await ensure(
    request,
    `/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledjobs`,
    scaledJobBody(SJ, NS, triggers, annotations),
  );
  const now = new Date().toISOString();
  for (const p of HOSTILE_STRINGS) {
    for (const [kind, name] of [
      ['ScaledObject', SO],
      ['ScaledJob', SJ],
    ] as const) {
      await ensure(request, `/api/v1/namespaces/${NS}/events`, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${name}.hostile${pad(p.id)}`, namespace: NS },
        involvedObject: { apiVersion: 'keda.sh/v1alpha1', kind, name, namespace: NS },
        reason: p.id % 2 ? 'KEDAScalerFailed' : 'KEDAScaleTargetActivated',
        message: p.text,
        type: p.id % 2 ? 'Warning' : 'Normal',
        source: { component: 'keda-operator' },
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
      });
    }
  }
}

interface View {
  name: string;
  path: string;
  ready: string;
  /** Mouse sweeps over canvases (chart tooltips, graph hover details). */
  hover?: boolean;
}

const VIEWS: View[] = [
  { name: 'overview', path: '/', ready: 'keda-overview' },
  { name: 'scaledobject list', path: `/scaledobjects?ns=${NS}`, ready: 'keda-scaled-object-list' },
  { name: 'scaledjob list', path: `/scaledjobs?ns=${NS}`, ready: 'keda-scaled-job-list' },
  { name: 'triggerauth list', path: `/triggerauthentications?ns=${NS}`, ready: 'keda-trigger-auth-list' },
  {
    name: 'clustertriggerauth list',
    path: '/clustertriggerauthentications',
    ready: 'keda-cluster-trigger-auth-list',
  },
  {
    name: 'scaledobject details',
    path: `/scaledobjects/${NS}/${SO}`,
    ready: 'keda-scaled-object-details',
    hover: true,
  },
  {
    name: 'scaledjob details',
    path: `/scaledjobs/${NS}/${SJ}`,
    ready: 'keda-scaled-job-details',
    hover: true,
  },
  {
    name: 'triggerauth details',
    path: `/triggerauthentications/${NS}/${TA}`,
    ready: 'keda-trigger-auth-details',
  },
  { name: 'yaml editor', path: `/scaledobjects/${NS}/${SO}/yaml`, ready: 'keda-yaml-editor' },
  { name: 'graph', path: `/graph?ns=${NS}`, ready: 'keda-relationship-graph', hover: true },
  {
    name: 'graph focus',
    path: `/graph?focus=ScaledObject/${NS}/${SO}`,
    ready: 'keda-relationship-graph',
    hover: true,
  },
  { name: 'create wizard', path: `/create?namespace=${NS}`, ready: 'keda-create-wizard' },
];

/** Moves the mouse over a grid of points on every canvas in the page (tooltips, hover cards). */
async function sweepCanvases(page: Page): Promise<void> {
  const boxes = await page.evaluate(() => {
    const out: { x: number; y: number; w: number; h: number }[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el instanceof HTMLCanvasElement) {
          const r = el.getBoundingClientRect();
          if (r.width > 40 && r.height > 40) out.push({ x: r.x, y: r.y, w: r.width, h: r.height });
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
  for (const box of boxes.slice(0, 6)) {
    await page.mouse.move(box.x + 1, box.y + 1);
    for (let fy = 0.2; fy < 1; fy += 0.3) {
      for (let fx = 0.05; fx < 1; fx += 0.1) {
        await page.mouse.move(box.x + box.w * fx, box.y + box.h * fy);
      }
    }
  }
}

test.describe.configure({ timeout: 240_000 });

test('hostile strings: no payload executes in any view, each shows as text, and the CSP blocks inline script', async ({
  page,
  request,
}) => {
  await seed(request);
  await page.addInitScript(installXssTrap);
  page.on('dialog', (dialog) => void dialog.dismiss());

  let seen = '';
  const failures: string[] = [];
  for (const view of VIEWS) {
    await page.goto(view.path);
    await expect(page.locator(view.ready).first()).toBeVisible();
    // Let the watches deliver our objects and the views render them.
    await page.waitForTimeout(1500);
    if (view.hover) await sweepCanvases(page);
    const scan = await page.evaluate(scanDom, '');
    const { calls, violations } = await page.evaluate(() => {
      const w = window as unknown as { __xssCalls: unknown[]; __cspViolations: string[] };
      return { calls: w.__xssCalls, violations: w.__cspViolations };
    });
    if (calls.length) failures.push(`${view.name}: __xss(${calls.join(', ')}) ran`);
    const scripts = violations.filter((v) => v.startsWith('script'));
    if (scripts.length) failures.push(`${view.name}: CSP stopped script ${scripts.join(' | ')}`);
    if (scan.injected.length) failures.push(`${view.name}: injected ${scan.injected.join(' ')}`);
    seen += scan.text;
  }
  const executions = failures.length;
  seen = normalizeText(seen);
  const notShown = HOSTILE_STRINGS.filter((p) => !seen.includes(visibleProbe(p.text))).map((p) => p.id);
  process.stdout.write(
    `hostile-strings: ${HOSTILE_STRINGS.length} payloads x ${VIEWS.length} views, ${executions} executions` +
      ` (${HOSTILE_STRINGS.length - notShown.length} payloads seen as text${notShown.length ? `; not shown anywhere: ${notShown.join(', ')}` : ''})\n`,
  );
  expect(failures).toEqual([]);
  expect(notShown, 'payloads that no view shows as text').toEqual([]);
});

test('the demo site CSP: present on pages, no inline script, and a script inserted through the DOM does not run', async ({
  page,
}) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc =
    /(?:^|;)\s*script-src([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src([^;]*)/.exec(csp)?.[1];
  expect(scriptSrc, csp).toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(scriptSrc).not.toContain('*');
  await expect(page.locator('keda-overview')).toBeVisible();
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __cspProbe?: number };
    const script = document.createElement('script');
    script.textContent = 'window.__cspProbe = 1';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__cspProbe = 2');
    img.src = 'data:,not-an-image';
    document.body.append(img);
    const a = document.createElement('a');
    a.href = 'javascript:window.__cspProbe=3';
    document.body.append(a);
    a.click();
    await new Promise((r) => setTimeout(r, 300));
    return w.__cspProbe ?? 0;
  });
  expect(ran, 'inline script, inline handler or javascript: URL ran under the CSP').toBe(0);
  process.stdout.write('hostile-strings: CSP blocks inline <script>, on* handlers and javascript: URLs\n');
});

test('hostile strings typed into the create wizard: 0 executions in its messages, the review YAML and the dry-run answer', async ({
  page,
  request,
}) => {
  const workload = 'hostile-wizard';
  await seed(request);
  await ensureDeployment(request, NS, workload, 1);
  await page.addInitScript(installXssTrap);
  page.on('dialog', (dialog) => void dialog.dismiss());
  const failures: string[] = [];
  const check = async (where: string) => {
    const scan = await page.evaluate(scanDom, '');
    const { calls, violations } = await page.evaluate(() => {
      const w = window as unknown as { __xssCalls: unknown[]; __cspViolations: string[] };
      return { calls: w.__xssCalls, violations: w.__cspViolations };
    });
    if (calls.length) failures.push(`${where}: __xss(${calls.join(', ')}) ran`);
    const scripts = violations.filter((v) => v.startsWith('script'));
    if (scripts.length) failures.push(`${where}: CSP stopped script ${scripts.join(' | ')}`);
    if (scan.injected.length) failures.push(`${where}: injected ${scan.injected.join(' ')}`);
  };

  await page.goto(`/create?namespace=${NS}`);
  const w = page.locator('keda-create-wizard');
  const field = (id: string) => w.locator(`[data-field="${id}"]`);
  const next = w.locator('[data-action="next"]');
  await w.locator(`[data-workload="Deployment/${workload}"]`).check();
  // Payloads as the object's name: the validation messages (which quote what was typed) render them.
  for (const p of HOSTILE_STRINGS.slice(0, 10)) {
    await field('name').fill(p.text);
    await next.click();
    await expect(w.locator('[part="issues"]')).toBeVisible();
    await check(`name ${p.id}`);
  }
  await field('name').fill(workload);
  await next.click();
  await next.click();
  // Every payload as a trigger metadata value (and one as the trigger's name).
  await field('picker.query').fill('cron');
  await w.locator('.picker-item[data-type="cron"]').click();
  const trigger = w.locator('section.trigger[data-trigger]').first();
  const id = await trigger.getAttribute('data-trigger');
  for (const [key, value] of [
    ['timezone', 'UTC'],
    ['start', '0 0 1 1 *'],
    ['end', '5 0 1 1 *'],
    ['desiredReplicas', '2'],
  ] as const)
    await field(`trigger.${id}.param.${key}`).fill(value);
  await field(`trigger.${id}.name`).fill(HOSTILE_STRINGS[0]!.text);
  for (const [i, p] of HOSTILE_STRINGS.entries()) {
    await trigger.getByRole('button', { name: 'Add a key' }).click();
    await field(`trigger.${id}.extra.${i}.key`).fill(`p${pad(p.id)}`);
    await field(`trigger.${id}.extra.${i}.value`).fill(p.text);
  }
  await check('triggers step');
  for (const step of ['auth', 'advanced', 'review']) {
    await next.click();
    await expect(w.locator('[data-current-step]')).toHaveAttribute('data-current-step', step);
    await check(`${step} step`);
  }
  // The API server's dry-run answer (accepted, or a message quoting the values) renders too.
  const status = w.locator('[data-status="scaledObject"]');
  await expect(status).not.toHaveText(/Checking|Not checked/, { timeout: 20_000 });
  await page.waitForTimeout(500);
  await check('review after the dry run');
  const review = normalizeText(
    (await w.locator('section.object[data-role="scaledObject"]').textContent()) ?? '',
  );
  const notShown = HOSTILE_STRINGS.filter((p) => !review.includes(visibleProbe(p.text))).map((p) => p.id);
  process.stdout.write(
    `hostile-strings: ${HOSTILE_STRINGS.length} payloads in the wizard (trigger metadata, trigger name, object name), ${failures.length} executions` +
      ` (${HOSTILE_STRINGS.length - notShown.length} seen as text in the review${notShown.length ? `; not: ${notShown.join(', ')}` : ''}; dry run: ${(await status.textContent())?.trim()})\n`,
  );
  expect(failures).toEqual([]);
  // YAML may quote and escape a payload with quotes, backslashes, tabs or invisible characters
  // (its text then differs); every other payload is in the review word for word.
  const mayBeEscaped = (t: string) =>
    /['"\\\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/.test(t) ||
    [...t].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));
  const missing = notShown.filter((id) => !mayBeEscaped(HOSTILE_STRINGS.find((p) => p.id === id)!.text));
  expect(missing, 'payloads the review YAML should show as they were typed').toEqual([]);
});
