import { expect, test, type Page } from './test.ts';
import { API, ensureDeployment, ensureNamespace } from './sim-api.ts';

// Acceptance (issue #4, "Create from YAML (several documents at once)"): a Secret, a
// TriggerAuthentication over it and a ScaledObject using that, written as three `---` documents
// on the demo's Create from YAML page, are dry-run and created in order; the ScaledObject shows up
// in the list and becomes Ready. A schema error in the third document is shown at its line.

const RUN = Date.now().toString(36).slice(-5);
const NS = `e2e-yaml-create-${RUN}`;
const WORKLOAD = 'orders-consumer';
const PASSWORD = `s3cret-${RUN}`;

const manifests = `apiVersion: v1
kind: Secret
metadata:
  name: rabbitmq-conn
stringData:
  host: amqp://orders:${PASSWORD}@rabbitmq.${NS}.svc:5672/
---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  name: rabbitmq-auth
spec:
  secretTargetRef:
  - parameter: host
    name: rabbitmq-conn
    key: host
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders
spec:
  scaleTargetRef:
    name: ${WORKLOAD}
  minReplicaCount: 0
  maxReplicaCount: 6
  triggers:
  - type: rabbitmq
    metadata:
      queueName: orders
      mode: QueueLength
      value: "20"
    authenticationRef:
      name: rabbitmq-auth
`;

test.beforeAll(async ({ request }) => {
  await ensureNamespace(request, NS);
  await ensureDeployment(request, NS, WORKLOAD, 1);
});

/** The editor's parts (Playwright's CSS locators pierce its shadow root). */
function editor(page: Page) {
  const root = page.locator('keda-yaml-editor');
  return {
    root,
    content: root.locator('.cm-content'),
    problems: root.locator('.problems li'),
    button: (name: string) => root.getByRole('button', { name, exact: true }),
  };
}

/** Replaces the whole text, as pasting would. */
async function paste(page: Page, text: string, kind = 'ScaledObject') {
  const ed = editor(page);
  await ed.content.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(ed.content).toContainText(`kind: ${kind}`);
}

test('creates a Secret, a TriggerAuthentication and a ScaledObject from one YAML text; it becomes Ready', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // Reached from the list (beside the wizard) and from the wizard.
  await page.goto('/scaledobjects');
  await expect(page.locator('#create')).toHaveText('Create ScaledObject…');
  await page.getByRole('link', { name: 'Create from YAML…' }).click();
  await expect(page).toHaveURL(/\/create\/yaml$/);
  const ed = editor(page);
  await expect(ed.content).toContainText('kind: ScaledObject');
  await page.goto('/create');
  await expect(page.locator('#create-alt', { hasText: 'Create from YAML' })).toHaveAttribute(
    'href',
    '/create/yaml',
  );
  await page.goto(`/create/yaml?namespace=${NS}`);
  await paste(page, manifests);
  await expect(ed.root.locator('h2')).toHaveText('New objects');
  await expect(ed.problems).toHaveCount(0);

  await ed.button('Review and create…').click();
  const review = ed.root.locator('.review');
  await expect(review).toContainText('Create these 3 objects, in this order?');
  await expect(review.locator('li')).toHaveText([
    /Secret .*\/rabbitmq-conn/,
    /TriggerAuthentication .*\/rabbitmq-auth/,
    /ScaledObject .*\/orders/,
  ]);
  await ed.button('Create').click();
  const done = ed.root.locator('.done');
  await expect(done).toContainText('Created 3 objects');
  await expect(done).not.toContainText(PASSWORD);

  for (const path of [
    `/api/v1/namespaces/${NS}/secrets/rabbitmq-conn`,
    `/apis/keda.sh/v1alpha1/namespaces/${NS}/triggerauthentications/rabbitmq-auth`,
    `/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/orders`,
  ])
    expect((await request.get(`${API}${path}`)).status(), path).toBe(200);

  // The report links to the ScaledObject's page; from there, the list shows it Ready.
  await done.getByRole('link', { name: `ScaledObject ${NS}/orders` }).click();
  await expect(page).toHaveURL(new RegExp(`/scaledobjects/${NS}/orders$`));
  await page.goto(`/scaledobjects?filter=${encodeURIComponent(`ns:${NS}`)}`);
  const list = page.locator('keda-scaled-object-list');
  const row = list.locator('[role="row"]', {
    has: page.locator('[role="cell"].name', { hasText: /^\s*orders\s*$/ }),
  });
  await expect(row).toBeVisible();
  const headers = await list.locator('[role="columnheader"]').allTextContents();
  const ready = headers.map((h) => h.replace(/[▲▼]/g, '').trim()).indexOf('READY');
  expect(ready).toBeGreaterThanOrEqual(0);
  await expect(row.locator('[role="cell"]').nth(ready)).toHaveText('True', { timeout: 20_000 });
});

test('a schema error in the third document is shown at its line, and Create stays disabled', async ({
  page,
}) => {
  await page.goto(`/create/yaml?namespace=${NS}`);
  const ed = editor(page);
  await expect(ed.content).toContainText('kind: ScaledObject');
  const broken = manifests
    .replace(/name: (rabbitmq-conn|rabbitmq-auth|orders)$/gm, 'name: $1-2')
    .replace('maxReplicaCount: 6', 'maxReplicaCount: many');
  await paste(page, broken);
  const lines = broken.split('\n');
  const line = lines.findIndex((l) => l.includes('maxReplicaCount: many')) + 1;
  expect(line, 'in the third document').toBeGreaterThan(lines.lastIndexOf('---') + 1);
  await expect(ed.problems).toHaveCount(1);
  await expect(ed.problems.first()).toHaveAttribute('data-line', String(line));
  await expect(ed.problems.first()).toContainText('spec.maxReplicaCount');
  await expect(ed.button('Review and create…')).toBeDisabled();
});

test('the TriggerAuthentications list creates one from YAML, starting from a Secret and a TriggerAuthentication over it', async ({
  page,
  request,
}) => {
  await page.goto(`/triggerauthentications?ns=${NS}`);
  const create = page.locator('#create');
  await expect(create).toHaveText('Create TriggerAuthentication…');
  await expect(page.locator('#create-alt')).toBeHidden();
  await create.click();
  await expect(page).toHaveURL(/\/create\/yaml\?kind=TriggerAuthentication$/);
  const ed = editor(page);
  await expect(ed.content).toContainText('kind: TriggerAuthentication');
  await expect(page.locator('#create-alt')).toBeHidden();
  const template = await ed.content.innerText();
  expect(template).toContain('kind: Secret');
  // The template is not creatable until the names are filled in.
  await expect(ed.button('Review and create…')).toBeDisabled();

  const filled = template
    .replace(/namespace: default/g, `namespace: ${NS}`)
    .replace(/name: ''(\n\s*namespace)/, 'name: kafka-sasl$1')
    .replace("password: ''", `password: ${PASSWORD}`)
    .replace(/name: ''(\n\s*namespace: \S+\nspec)/, 'name: kafka-auth$1')
    .replace(/name: ''( +#)/, 'name: kafka-sasl$1');
  await paste(page, filled, 'TriggerAuthentication');
  await expect(ed.problems).toHaveCount(0);
  await ed.button('Review and create…').click();
  await expect(ed.root.locator('.review li')).toHaveText([
    `Secret ${NS}/kafka-sasl (document 1)`,
    `TriggerAuthentication ${NS}/kafka-auth (document 2)`,
  ]);
  await ed.button('Create').click();
  await expect(ed.root.locator('.done')).toContainText('Created 2 objects');
  await expect(ed.root.locator('.done')).not.toContainText(PASSWORD);
  const auth = await request.get(
    `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/triggerauthentications/kafka-auth`,
  );
  expect((await auth.json()).spec.secretTargetRef).toEqual([
    { parameter: 'password', name: 'kafka-sasl', key: 'password' },
  ]);

  await page.goto(`/triggerauthentications?ns=${NS}`);
  await expect(page.locator('keda-trigger-auth-list [role="row"]', { hasText: 'kafka-auth' })).toContainText(
    'kafka-sasl',
  );
});
