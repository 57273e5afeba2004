// Suite 5 of issue #9 (credentials), end to end: trigger metadata carrying every credential form of
// the corpus (and Event messages quoting them, as a failing scaler's would), then every view of the
// demo. No secret value may appear in any view's text, titles or ARIA labels, after hovering the
// charts and the graph, or in the browser console; the views never read a Secret's values (no GET
// of one Secret, no Secret watch: only the namespace list that `data/secret-keys.ts` reduces to
// key names, which the wizard and the TriggerAuthentication details use).
// Prints `credentials: N cases (S secret values) x M views, L leaks`.
import { maskSecretsInText } from '../../components/src/core/keda/mask.ts';
import { CREDENTIALS, CREDENTIAL_SECRETS } from '../../components/test/corpus/credentials.ts';
import { scanDom } from '../../components/test/corpus/dom-scan.ts';
import { expect, test, type APIRequestContext, type Page } from './test.ts';
import { ensure, ensureDeployment, ensureNamespace, ensureScaledObject, scaledJobBody } from './sim-api.ts';

const NS = 'e2e-hardening-creds';
const SO = 'cred-so';
const SJ = 'cred-sj';
const TA = 'cred-ta';
const SECRET_VALUE = 'SecretObjectValue-9f8e7d';
/** A Vault address with a password in it: the TriggerAuthentication lists show the address. */
const VAULT_TA = 'cred-vault-ta';
const VAULT_PASSWORD = 'VaultPass-3c2b1a';

const CRON = { timezone: 'UTC', start: '0 0 1 1 *', end: '5 0 1 1 *', desiredReplicas: '2' };
const triggers = CREDENTIALS.map((c, i) => ({
  type: 'cron',
  name: `${c.type}-${i}`,
  metadata: { ...CRON, [c.key]: c.value },
  ...(i === 0 ? { authenticationRef: { name: TA } } : {}),
}));
/** Cases a free-text message can be masked in (URLs, connection strings, tokens after their names). */
const QUOTABLE = CREDENTIALS.filter(
  (c) => c.secrets.length && c.secrets.every((s) => !maskSecretsInText(c.value).includes(s)),
);

async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  await ensure(request, `/api/v1/namespaces/${NS}/secrets`, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cred-secret', namespace: NS },
    type: 'Opaque',
    stringData: { password: SECRET_VALUE, connection: `amqp://u:${SECRET_VALUE}@rmq` },
  });
  await ensure(request, `/apis/keda.sh/v1alpha1/namespaces/${NS}/triggerauthentications`, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: TA, namespace: NS },
    spec: {
      secretTargetRef: [
        { parameter: 'password', name: 'cred-secret', key: 'password' },
        { parameter: 'host', name: 'cred-secret', key: 'connection' },
      ],
      env: [{ parameter: 'apiKey', name: 'API_KEY_FROM_ENV' }],
    },
  });
  await ensure(request, `/apis/keda.sh/v1alpha1/namespaces/${NS}/triggerauthentications`, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: VAULT_TA, namespace: NS },
    spec: {
      hashiCorpVault: {
        address: `https://keda:${VAULT_PASSWORD}@vault.example:8200`,
        authentication: 'kubernetes',
        role: 'keda',
        secrets: [{ parameter: 'password', key: 'password', path: 'secret/data/rabbitmq' }],
      },
    },
  });
  await ensureDeployment(request, NS, SO, 1);
  await ensureScaledObject(request, NS, SO, { minReplicaCount: 1, maxReplicaCount: 4, triggers });
  await ensure(
    request,
    `/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledjobs`,
    scaledJobBody(SJ, NS, triggers),
  );
  const now = new Date().toISOString();
  for (const [i, c] of QUOTABLE.entries()) {
    for (const [kind, name] of [
      ['ScaledObject', SO],
      ['ScaledJob', SJ],
    ] as const) {
      await ensure(request, `/api/v1/namespaces/${NS}/events`, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${name}.cred${i}`, namespace: NS },
        involvedObject: { apiVersion: 'keda.sh/v1alpha1', kind, name, namespace: NS },
        reason: 'KEDAScalerFailed',
        message: `error establishing ${c.type} connection: failed to connect to ${c.value}: timeout`,
        type: 'Warning',
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
  hover?: boolean;
  /** The YAML editor shows the object being edited as it is (the person edits those values). */
  skip?: string;
}

const VIEWS: View[] = [
  { name: 'overview', path: '/', ready: 'keda-overview' },
  { name: 'scaledobject list', path: `/scaledobjects?ns=${NS}`, ready: 'keda-scaled-object-list' },
  { name: 'scaledjob list', path: `/scaledjobs?ns=${NS}`, ready: 'keda-scaled-job-list' },
  { name: 'triggerauth list', path: `/triggerauthentications?ns=${NS}`, ready: 'keda-trigger-auth-list' },
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
  {
    name: 'vault triggerauth details',
    path: `/triggerauthentications/${NS}/${VAULT_TA}`,
    ready: 'keda-trigger-auth-details',
  },
  {
    name: 'yaml editor',
    path: `/scaledobjects/${NS}/${SO}/yaml`,
    ready: 'keda-yaml-editor',
    skip: '.cm-content',
  },
  { name: 'graph', path: `/graph?ns=${NS}`, ready: 'keda-relationship-graph', hover: true },
  {
    name: 'graph focus',
    path: `/graph?focus=ScaledObject/${NS}/${SO}`,
    ready: 'keda-relationship-graph',
    hover: true,
  },
  { name: 'create wizard', path: `/create?namespace=${NS}`, ready: 'keda-create-wizard' },
];

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
  for (const box of boxes.slice(0, 3)) {
    for (let fy = 0.3; fy < 1; fy += 0.4) {
      for (let fx = 0.1; fx < 1; fx += 0.2) await page.mouse.move(box.x + box.w * fx, box.y + box.h * fy);
    }
  }
}

test.describe.configure({ timeout: 720_000 });

test('credentials: no secret value in any view, tooltip, graph, timeline or console; Secret values are never fetched', async ({
  page,
  request,
}) => {
  await seed(request);
  const secrets = [...CREDENTIAL_SECRETS, SECRET_VALUE, VAULT_PASSWORD];
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(String(error)));
  const secretRequests: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (/\/secrets(\/|$)/.test(url.pathname))
      secretRequests.push(`${req.method()} ${url.pathname}${url.search}`);
  });

  const leaks: string[] = [];
  let seen = '';
  for (const view of VIEWS) {
    await page.goto(view.path);
    await expect(page.locator(view.ready).first()).toBeVisible();
    await page.waitForTimeout(1500);
    if (view.hover) await sweepCanvases(page);
    const { text } = await page.evaluate(scanDom, view.skip ?? '');
    for (const secret of secrets) if (text.includes(secret)) leaks.push(`${view.name}: ${secret}`);
    seen += text;
  }
  for (const secret of secrets) {
    if (consoleLines.some((line) => line.includes(secret))) leaks.push(`console: ${secret}`);
  }
  // What is not a secret stays readable (names of env vars, hosts, the Secret's key names).
  const kept = CREDENTIALS.flatMap((c) => c.keep ?? []).filter((k) => !seen.includes(k));

  const oneSecret = secretRequests.filter((r) => /\/secrets\/[^/?]+/.test(r));
  const secretWatches = secretRequests.filter((r) => /watch=(1|true)/.test(r));
  process.stdout.write(
    `credentials: ${CREDENTIALS.length} cases (${secrets.length} secret values, ${QUOTABLE.length} quoted in events) x ${VIEWS.length} views + console, ${leaks.length} leaks; Secret requests: ${secretRequests.length} (${oneSecret.length} single-Secret GETs, ${secretWatches.length} watches)\n`,
  );
  expect(leaks).toEqual([]);
  expect(kept, 'non-secret values that should stay readable').toEqual([]);
  expect(seen, 'the Vault address stays readable, its password masked').toContain('@vault.example:8200');
  expect(oneSecret, 'a view read one Secret').toEqual([]);
  expect(secretWatches, 'a view watched Secrets').toEqual([]);
  expect(secretRequests.every((r) => r.startsWith('GET '))).toBe(true);
});
