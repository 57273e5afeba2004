import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../index.js';
import './define.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { KubeObject, Status } from '../../core/kube/types.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { until } from '../../../test/mount.js';
import type { YamlEditor } from './keda-yaml-editor.js';
import { YamlEditorHarness } from './harness.js';
import { rabbitAuthYaml, rabbitSecretYaml } from '../../../test/fixtures/rabbit-documents.js';

const CLUSTER = 'test-cluster';

function scaledObject(): KubeObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: 'orders',
      namespace: 'shop',
      uid: 'so-1',
      resourceVersion: '5',
      generation: 3,
      creationTimestamp: '2026-11-01T00:00:00Z',
      managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update' }],
      annotations: { team: 'payments' },
    },
    spec: {
      scaleTargetRef: { name: 'orders-consumer' },
      minReplicaCount: 0,
      maxReplicaCount: 5,
      triggers: [
        {
          type: 'rabbitmq',
          metadata: {
            queueName: 'orders',
            mode: 'QueueLength',
            value: '50',
            host: 'amqp://guest:s3cretpw@rabbitmq:5672',
          },
        },
        {
          type: 'prometheus',
          metadata: { serverAddress: 'http://prometheus:9090', query: 'sum(rate(x[1m]))', threshold: '10' },
        },
      ],
    },
    status: { hpaName: 'keda-hpa-orders', conditions: [{ type: 'Ready', status: 'True' }] },
  } as KubeObject;
}

function status(code: number, reason: string, message: string, details?: Status['details']): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    details,
  };
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

function newClient(): FakeKubeClient {
  const client = new FakeKubeClient();
  client.byKind = true;
  client.objects = [scaledObject()];
  client.acceptReplaces = true;
  client.serveGets = true;
  return client;
}

async function mount(client: FakeKubeClient, attrs: { readonly?: boolean } = {}) {
  const connection = await fixture<KedaConnection>(html`
    <keda-connection .client=${client}>
      <keda-yaml-editor
        kind="ScaledObject"
        namespace="shop"
        name="orders"
        draft-key=${CLUSTER}
        ?readonly=${attrs.readonly ?? false}
      ></keda-yaml-editor>
    </keda-connection>
  `);
  const element = connection.querySelector('keda-yaml-editor') as YamlEditor;
  const harness = new YamlEditorHarness(element);
  await harness.settle();
  return { element, harness, connection };
}

/** An editor with these attributes (and the test cluster's draft key), ready to type in. */
async function mountWith(client: FakeKubeClient, attributes: Record<string, string>) {
  const connection = await fixture<KedaConnection>(
    html`<keda-connection .client=${client}></keda-connection>`,
  );
  const editor = document.createElement('keda-yaml-editor') as YamlEditor;
  for (const [name, value] of Object.entries({ 'draft-key': CLUSTER, ...attributes })) {
    editor.setAttribute(name, value);
  }
  connection.append(editor);
  const harness = new YamlEditorHarness(editor);
  await ready(harness);
  return harness;
}

async function ready(harness: YamlEditorHarness): Promise<void> {
  await until(() => harness.hasEditor(), 'editor');
  // The schema loads on first use; wait for it so schema checks and completion are on.
  await until(() => !harness.element.shadowRoot!.textContent!.includes('Loading the CRD schema'), 'schema');
}

const draftStorageKey = `keda-yaml-editor/v1/${CLUSTER}/ScaledObject/shop/orders`;

describe('keda-yaml-editor', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('loads the object without server-owned fields, saves with a dry run first, then the real write', async () => {
    const client = newClient();
    const { harness, element } = await mount(client);
    await ready(harness);
    const text = harness.text();
    expect(text).to.match(
      /^apiVersion: keda.sh\/v1alpha1\nkind: ScaledObject\nmetadata:\n {2}name: orders\n/,
    );
    expect(text).not.to.contain('managedFields');
    expect(text).not.to.contain('resourceVersion');
    expect(text).not.to.contain('status:');
    expect(text).to.contain(
      'host: amqp://guest:s3cretpw@rabbitmq:5672',
      'credentials are visible in the editor',
    );
    expect(harness.notice('status')).to.contain('hpaName: keda-hpa-orders');
    expect(harness.button('Review and save…')?.disabled, 'nothing to save yet').to.equal(true);

    let saved: KubeObject | undefined;
    element.addEventListener('keda-saved', (e) => (saved = e.detail));
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 7');
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.notice('review') !== '', 'review');
    expect(harness.diff('review')).to.deep.equal([
      '    scaleTargetRef:',
      '      name: orders-consumer',
      '    minReplicaCount: 0',
      '-   maxReplicaCount: 5',
      '+   maxReplicaCount: 7',
      '    triggers:',
      '      - type: rabbitmq',
      '        metadata:',
    ]);
    expect(harness.textOutsideEditor()).not.to.contain('s3cretpw');
    expect(client.replaces.map((r) => r.dryRun)).to.deep.equal([true]);
    // The keyboard is on Save (an enabled button: a disabled one would drop focus to the body).
    await until(() => element.shadowRoot!.activeElement?.textContent?.trim() === 'Save', 'Save focused');

    await harness.click('Save');
    await until(() => harness.notice('done').startsWith('Saved'), 'saved');
    expect(client.replaces.map((r) => r.dryRun)).to.deep.equal([true, false]);
    const [dry, real] = client.replaces;
    expect(real!.body).to.deep.equal(dry!.body);
    expect(real!.body.metadata.resourceVersion).to.equal('5');
    expect(real!.body.metadata.uid).to.equal('so-1');
    expect(real!.body.metadata.managedFields).to.equal(undefined);
    expect((real!.body as KubeObject & { spec: { maxReplicaCount: number } }).spec.maxReplicaCount).to.equal(
      7,
    );
    expect(saved?.metadata.resourceVersion).to.equal('101');
    expect(harness.notice('done')).to.equal('Saved ScaledObject shop/orders (resourceVersion 101).');
    await until(() => localStorage.getItem(draftStorageKey) === null, 'draft cleared');
  });

  it('shows a YAML syntax error at its line and blocks saving', async () => {
    const { harness } = await mount(newClient());
    await ready(harness);
    await harness.replace('  minReplicaCount: 0', ' minReplicaCount: 0');
    const line = lineOf(harness.text(), ' minReplicaCount: 0');
    await until(() => harness.problems().length > 0, 'problem');
    const [problem] = harness.problems();
    expect(problem).to.include({ line, severity: 'error', source: 'yaml' });
    expect(problem!.message).to.contain('bad indentation of a mapping entry');
    await until(() => harness.markedLines().includes(line), 'lint mark');
    expect(harness.button('Review and save…')?.disabled).to.equal(true);
    expect(harness.status()).to.equal('1 error to fix before saving');

    // The problem's place is a button: it puts the cursor there. Its name is what it shows
    // (WCAG 2.5.3); the title says what it does.
    const go = harness.element.shadowRoot!.querySelector<HTMLButtonElement>('.problems li button')!;
    expect(go.textContent?.trim()).to.equal(`${line}:${problem!.column}`);
    expect(go.getAttribute('aria-label')).to.equal(null);
    expect(go.title).to.equal(`Go to line ${line}, column ${problem!.column}`);
    go.click();
    const view = harness.view();
    expect(view.hasFocus).to.equal(true);
    expect(view.state.doc.lineAt(view.state.selection.main.head).number).to.equal(line);
  });

  it('shows schema errors at their lines: a number in trigger metadata, the min <= max rule', async () => {
    const { harness } = await mount(newClient());
    await ready(harness);
    await harness.replace("value: '50'", 'value: 50');
    await harness.replace('minReplicaCount: 0', 'minReplicaCount: 9');
    const text = harness.text();
    await until(() => harness.problems().length === 2, 'two problems');
    const problems = harness.problems();
    expect(problems[0]).to.include({ line: lineOf(text, 'minReplicaCount: 9'), source: 'rule' });
    expect(problems[0]!.message).to.contain('minReplicaCount must be less than or equal to maxReplicaCount');
    expect(problems[1]).to.include({ line: lineOf(text, 'value: 50'), column: 16, source: 'schema' });
    expect(problems[1]!.message).to.contain(
      'spec.triggers[0].metadata.value in body must be of type string: "integer" Quote it so YAML reads a string: "50".',
    );
  });

  it('offers completion from the schema', async () => {
    const { harness } = await mount(newClient());
    await ready(harness);
    await harness.setText(`${harness.text()}  fallb`);
    const labels = await harness.completeAtEnd();
    expect(labels).to.include('fallback');
  });

  it('shows a field’s documentation from the CRD schema on hover', async () => {
    const { harness } = await mount(newClient());
    await ready(harness);
    await harness.replace('  minReplicaCount: 0', '  pollingInterval: 15\n  minReplicaCount: 0');
    expect(await harness.hoverDocs('pollingInterval')).to.deep.equal({
      field: 'spec.pollingInterval',
      type: 'integer',
      description: '',
      facts: 'minimum 1',
    });
    expect(await harness.hoverDocs('scaleTargetRef')).to.deep.include({
      field: 'spec.scaleTargetRef',
      type: 'object · required',
      description: 'ScaleTarget holds the reference to the scale target Object',
    });
  });

  it('maps a 422 cause to the line of its field and keeps the text', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    const indent = /^( *)threshold:/m.exec(harness.text())![1];
    await harness.replace("threshold: '10'", `threshold: '10'\n${indent}targetQueryValue: 'x'`);
    const message =
      'ScaledObject.keda.sh "orders" is invalid: spec.triggers[1].metadata.targetQueryValue: Invalid value: "x": must be a number';
    client.failReplace(
      new KubeApiError(
        422,
        message,
        status(422, 'Invalid', message, {
          name: 'orders',
          group: 'keda.sh',
          kind: 'ScaledObject',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: 'Invalid value: "x": must be a number',
              field: 'spec.triggers[1].metadata.targetQueryValue',
            },
          ],
        }),
      ),
      { dryRun: true },
    );
    const typed = harness.text();
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'invalid', 'failure');
    expect(harness.notice('failure')).to.contain('The API server rejected the ScaledObject (422 Invalid)');
    expect(harness.notice('failure')).to.contain(message);
    const line = lineOf(typed, 'targetQueryValue');
    const server = harness.problems().find((p) => p.source === 'server');
    expect(server).to.include({ line });
    expect(server!.message).to.contain(
      'spec.triggers[1].metadata.targetQueryValue: Invalid value: "x": must be a number',
    );
    await until(() => harness.markedLines().includes(line), 'lint mark');
    expect(harness.text()).to.equal(typed);
    expect(client.replaces.map((r) => r.dryRun)).to.deep.equal(
      [true],
      'no real write after a failed dry run',
    );
  });

  it('shows a webhook denial prominently, at the field it names', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 6');
    const denial =
      "the workload 'orders-consumer' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'legacy'";
    const message = `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: ${denial}`;
    client.failReplace(new KubeApiError(403, message, status(403, 'Forbidden', message)), { dryRun: true });
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'webhook', 'webhook failure');
    const alert = harness.element.shadowRoot!.querySelector('.failure')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.classList.contains('prominent')).to.equal(true);
    expect(harness.notice('failure')).to.contain("KEDA's admission webhook refused the dry run");
    expect(harness.notice('denial')).to.equal(denial);
    const line = lineOf(harness.text(), 'name: orders-consumer');
    expect(harness.notice('failure')).to.contain(`About spec.scaleTargetRef.name, line ${line}.`);
    expect(harness.problems().find((p) => p.source === 'server')).to.include({ line });
  });

  it('409: shows live vs yours and rebases the edit onto the live object', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('minReplicaCount: 0', 'minReplicaCount: 1');

    // Someone else raises maxReplicaCount while we edit: the watch tells the editor.
    const theirs = structuredClone(client.objects[0]!) as KubeObject & { spec: Record<string, unknown> };
    theirs.spec.maxReplicaCount = 10;
    client.emit('MODIFIED', theirs);
    await until(
      () => harness.notice('live-changed').includes('changed on the server'),
      'live changed banner',
    );
    expect(harness.notice('live-changed')).to.contain('resourceVersion 5 → 101');

    await harness.click('Review and save…');
    await until(() => harness.notice('conflict') !== '', 'conflict panel');
    expect(harness.notice('conflict')).to.contain('now resourceVersion 101');
    expect(harness.diff('conflict')).to.include.members(['-   minReplicaCount: 0', '+   minReplicaCount: 1']);
    expect(harness.diff('conflict')).to.include.members([
      '-   maxReplicaCount: 10',
      '+   maxReplicaCount: 5',
    ]);

    await harness.click('Rebase my edits');
    await until(() => harness.notice('rebased').includes('no conflicts'), 'rebased');
    expect(harness.text()).to.contain('minReplicaCount: 1');
    expect(harness.text()).to.contain('maxReplicaCount: 10');

    await harness.click('Review and save…');
    await until(() => harness.notice('review') !== '', 'review');
    expect(harness.diff('review')).to.deep.include.members([
      '-   minReplicaCount: 0',
      '+   minReplicaCount: 1',
    ]);
    await harness.click('Save');
    await until(() => harness.notice('done').startsWith('Saved'), 'saved');
    const real = client.replaces.at(-1)!;
    expect(real.dryRun).to.equal(false);
    expect(real.body.metadata.resourceVersion).to.equal('101');
    const stored = client.objects[0] as KubeObject & { spec: Record<string, unknown> };
    expect([stored.spec.minReplicaCount, stored.spec.maxReplicaCount]).to.deep.equal([1, 10]);
  });

  it('409 from KEDA writing status meanwhile: saved on the live resourceVersion; a spec change still conflicts', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('minReplicaCount: 0', 'minReplicaCount: 1');
    // The operator writes status (new resourceVersion) before the watch tells the editor.
    const statusWrite = (rv: string) => {
      const live = structuredClone(client.objects[0]!) as KubeObject & { status: Record<string, unknown> };
      live.metadata.resourceVersion = rv;
      live.status = { ...live.status, lastActiveTime: `2026-11-30T10:00:0${rv.length}Z` };
      client.objects[0] = live;
    };
    statusWrite('6');
    await harness.click('Review and save…');
    await until(() => harness.notice('review') !== '', 'review after a status-only 409');
    expect(harness.notice('conflict')).to.equal('');
    statusWrite('77');
    await harness.click('Save');
    await until(() => harness.notice('done').startsWith('Saved'), 'saved');
    const sent = client.replaces.map((r) => [r.dryRun, r.body.metadata.resourceVersion]);
    expect(sent).to.deep.equal([
      [true, '5'],
      [true, '6'],
      [false, '6'],
      [false, '77'],
    ]);
    expect(
      (client.objects[0] as KubeObject & { spec: Record<string, unknown> }).spec.minReplicaCount,
    ).to.equal(1);

    // Someone else's spec change is not followed silently: live vs yours.
    await harness.replace('minReplicaCount: 1', 'minReplicaCount: 2');
    const theirs = structuredClone(client.objects[0]!) as KubeObject & { spec: Record<string, unknown> };
    theirs.metadata.resourceVersion = '900';
    theirs.spec.maxReplicaCount = 9;
    client.objects[0] = theirs;
    await harness.click('Review and save…');
    await until(() => harness.notice('conflict') !== '', 'conflict panel');
    expect(harness.notice('conflict')).to.contain('now resourceVersion 900');
  });

  it('409: a rebase lists the fields both sides changed', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 20');
    const theirs = structuredClone(client.objects[0]!) as KubeObject & { spec: Record<string, unknown> };
    theirs.spec.maxReplicaCount = 10;
    client.emit('MODIFIED', theirs);
    await until(() => harness.notice('live-changed') !== '', 'banner');
    await harness.click('Rebase my edits onto it');
    await until(() => harness.notice('rebased') !== '', 'rebased');
    expect(harness.notice('rebased')).to.contain('with 1 conflict');
    expect(harness.notice('rebased')).to.contain('spec.maxReplicaCount: live has 10, kept yours 20');
    expect(harness.text()).to.contain('maxReplicaCount: 20');
  });

  it('409: overwrite puts the edit over the live object with its resourceVersion', async () => {
    const client = newClient();
    const { harness, element } = await mount(client);
    await ready(harness);
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 20');
    const theirs = structuredClone(client.objects[0]!) as KubeObject & { spec: Record<string, unknown> };
    theirs.spec.maxReplicaCount = 10;
    client.emit('MODIFIED', theirs);
    await until(() => harness.notice('live-changed') !== '', 'banner');
    let saved: KubeObject | undefined;
    element.addEventListener('keda-saved', (e) => (saved = e.detail));
    await harness.click('Review and save…');
    await until(() => harness.notice('conflict') !== '', 'conflict');
    await harness.click('Overwrite with mine');
    await until(() => harness.notice('done').startsWith('Saved'), 'saved');
    const calls = client.replaces.map((r) => [r.dryRun, r.body.metadata.resourceVersion]);
    expect(calls).to.deep.equal([
      [true, '5'],
      [true, '101'],
      [false, '101'],
    ]);
    expect(
      (client.objects[0] as KubeObject & { spec: Record<string, unknown> }).spec.maxReplicaCount,
    ).to.equal(20);
    expect(saved?.metadata.resourceVersion).to.equal('102');
  });

  it('keeps the text and a draft when the network fails', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 8');
    const typed = harness.text();
    client.failReplace(new KubeApiError(0, 'Cannot reach /clusters/test: Failed to fetch'), { dryRun: true });
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'network', 'network failure');
    expect(harness.notice('failure')).to.contain('Could not reach the cluster');
    expect(harness.notice('failure')).to.contain('Cannot reach /clusters/test: Failed to fetch');
    expect(harness.notice('failure')).to.contain('Your text is kept');
    expect(harness.text()).to.equal(typed);
    const draft = JSON.parse(localStorage.getItem(draftStorageKey) ?? '{}') as { text?: string };
    expect(draft.text).to.equal(typed);
  });

  it('keeps the text and its draft when the API server refuses: 422 Invalid, webhook 403', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 7');
    const typed = harness.text();
    const invalid =
      'ScaledObject.keda.sh "orders" is invalid: spec.maxReplicaCount: Invalid value: 7: too many';
    client.failReplace(new KubeApiError(422, invalid, status(422, 'Invalid', invalid)), { dryRun: true });
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'invalid', '422');
    expect(harness.text()).to.equal(typed);
    expect((JSON.parse(localStorage.getItem(draftStorageKey) ?? '{}') as { text?: string }).text).to.equal(
      typed,
    );

    const denial = 'MinReplicaCount=0 must be less than MaxReplicaCount=7';
    const forbidden = `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: ${denial}`;
    client.failReplace(new KubeApiError(403, forbidden, status(403, 'Forbidden', forbidden)), {
      dryRun: true,
    });
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'webhook', '403 webhook');
    expect(harness.text()).to.equal(typed);
    expect((JSON.parse(localStorage.getItem(draftStorageKey) ?? '{}') as { text?: string }).text).to.equal(
      typed,
    );
    // A webhook denial is about the object, not the user's rights: the editor stays editable.
    expect(harness.notice('readonly-notice')).to.equal('');
    expect(harness.button('Review and save…')).to.not.equal(undefined);
  });

  it('turns read-only when RBAC refuses the dry run, keeping the text and its draft', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    await harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 4');
    const typed = harness.text();
    const message =
      'scaledobjects.keda.sh "orders" is forbidden: User "viewer" cannot update resource "scaledobjects" in API group "keda.sh" in the namespace "shop"';
    client.failReplace(new KubeApiError(403, message, status(403, 'Forbidden', message)), { dryRun: true });
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'forbidden', 'forbidden');
    expect(harness.notice('failure')).to.contain(message);
    expect(harness.notice('readonly-notice')).to.contain(
      'Your account may not update scaledobjects.keda.sh in namespace shop: the API server refused the dry run (403 Forbidden).',
    );
    expect(harness.button('Review and save…')).to.equal(undefined);
    expect(harness.element.shadowRoot!.querySelector('.cm-content')!.getAttribute('aria-readonly')).to.equal(
      'true',
    );
    expect(harness.text()).to.equal(typed);
    expect(client.replaces.map((r) => r.dryRun)).to.deep.equal([true]);
    fixtureCleanup();

    // The draft waits for the day the access is granted.
    const again = await mount(newClient());
    await ready(again.harness);
    expect(again.harness.text()).to.equal(typed);
    expect(again.harness.notice('draft')).to.contain('Restored your unsaved draft');
  });

  it('restores the draft after a remount, with a notice and a discard button', async () => {
    const client = newClient();
    const first = await mount(client);
    await ready(first.harness);
    await first.harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 9');
    const typed = first.harness.text();
    await until(() => localStorage.getItem(draftStorageKey) !== null, 'draft stored');
    fixtureCleanup();

    const { harness } = await mount(client);
    await ready(harness);
    expect(harness.text()).to.equal(typed);
    expect(harness.notice('draft')).to.match(/^Restored your unsaved draft from .+\. Discard draft$/);
    await harness.click('Discard draft');
    expect(harness.text()).to.contain('maxReplicaCount: 5');
    expect(harness.notice('draft')).to.equal('');
    await until(() => localStorage.getItem(draftStorageKey) === null, 'draft removed');
  });

  it('a draft made on an older version shows what changed on the server since', async () => {
    const client = newClient();
    const first = await mount(client);
    await ready(first.harness);
    await first.harness.replace('minReplicaCount: 0', 'minReplicaCount: 2');
    await until(() => localStorage.getItem(draftStorageKey) !== null, 'draft stored');
    fixtureCleanup();

    const theirs = structuredClone(client.objects[0]!) as KubeObject & { spec: Record<string, unknown> };
    theirs.spec.maxReplicaCount = 8;
    client.emit('MODIFIED', theirs);

    const { harness } = await mount(client);
    await ready(harness);
    expect(harness.text()).to.contain('minReplicaCount: 2');
    expect(harness.notice('draft')).to.contain('Restored your unsaved draft');
    expect(harness.notice('live-changed')).to.contain('resourceVersion 5 → 101');
    await harness.click('Rebase my edits onto it');
    expect(harness.text()).to.contain('minReplicaCount: 2');
    expect(harness.text()).to.contain('maxReplicaCount: 8');
  });

  it('edits a cluster-scoped ClusterTriggerAuthentication', async () => {
    const client = newClient();
    client.objects = [
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ClusterTriggerAuthentication',
        metadata: { name: 'aws', uid: 'cta-1', resourceVersion: '9' },
        spec: { podIdentity: { provider: 'aws', roleArn: 'arn:aws:iam::1:role/keda' } },
      } as KubeObject,
    ];
    const harness = await mountWith(client, { kind: 'ClusterTriggerAuthentication', name: 'aws' });
    await harness.replace('provider: aws', 'provider: aws\n    externalID: x');
    await harness.replace('    roleArn: arn:aws:iam::1:role/keda\n', '');
    await until(() => harness.problems().length === 1, 'admission problem');
    expect(harness.problems()[0]).to.include({
      source: 'admission',
      line: lineOf(harness.text(), 'externalID'),
    });
    expect(harness.problems()[0]!.message).to.contain('externalID of PodIdentity requires roleArn to be set');
    await harness.replace('    externalID: x\n', '    identityOwner: keda\n');
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.notice('review') !== '', 'review');
    await harness.click('Save');
    await until(() => harness.notice('done').startsWith('Saved'), 'saved');
    expect(harness.notice('done')).to.equal('Saved ClusterTriggerAuthentication aws (resourceVersion 101).');
    const real = client.replaces.at(-1)!;
    expect([real.namespace, real.body.metadata.namespace, real.body.metadata.resourceVersion]).to.deep.equal([
      undefined,
      undefined,
      '9',
    ]);
  });

  it('is read-only when the host says so or the API server denies update', async () => {
    const { harness } = await mount(newClient(), { readonly: true });
    await ready(harness);
    expect(harness.notice('readonly-notice')).to.contain('Read-only.');
    expect(harness.button('Review and save…')).to.equal(undefined);
    expect(harness.element.shadowRoot!.querySelector('.cm-content')!.getAttribute('aria-readonly')).to.equal(
      'true',
    );
    fixtureCleanup();

    const client = newClient();
    const asked: unknown[] = [];
    client.accessReview = (attributes) => {
      asked.push(attributes);
      return false;
    };
    const denied = await mount(client);
    await ready(denied.harness);
    await until(() => denied.harness.notice('readonly-notice') !== '', 'read-only notice');
    expect(denied.harness.notice('readonly-notice')).to.contain(
      'Your account may not update scaledobjects.keda.sh in namespace shop.',
    );
    expect(asked).to.deep.equal([
      { group: 'keda.sh', resource: 'scaledobjects', verb: 'update', namespace: 'shop', name: 'orders' },
    ]);
    expect(denied.harness.button('Review and save…')).to.equal(undefined);
  });

  it('has loading, not found and error states', async () => {
    const client = newClient();
    client.holdLists = true;
    const { harness } = await mount(client);
    expect(harness.state()).to.equal('loading');
    client.objects = [];
    client.releaseLists();
    await until(() => harness.state() === 'empty', 'not found');
    expect(harness.message()).to.contain('ScaledObject not found');
    fixtureCleanup();

    const failing = newClient();
    failing.listError = new KubeApiError(
      403,
      'scaledobjects.keda.sh is forbidden: User "u" cannot list resource "scaledobjects"',
    );
    const second = await mount(failing);
    await until(() => second.harness.state() === 'error', 'error');
    expect(second.harness.message()).to.contain('cannot list resource "scaledobjects"');
  });

  it('never shows credentials outside the editor, even when the API quotes them', async () => {
    const client = newClient();
    const { harness } = await mount(client);
    await ready(harness);
    const indent = /^( *)mode: QueueLength/m.exec(harness.text())![1];
    await harness.replace('mode: QueueLength', `mode: QueueLength\n${indent}password: hunter22pw`);
    const message =
      'ScaledObject.keda.sh "orders" is invalid: spec.triggers[0].metadata.password: Invalid value: "hunter22pw": not allowed here; host amqp://guest:s3cretpw@rabbitmq:5672';
    client.failReplace(
      new KubeApiError(
        422,
        message,
        status(422, 'Invalid', message, {
          causes: [{ field: 'spec.triggers[0].metadata.password', message: 'Invalid value: "hunter22pw"' }],
        }),
      ),
      { dryRun: true },
    );
    await until(() => harness.button('Review and save…')?.disabled === false, 'save enabled');
    await harness.click('Review and save…');
    await until(() => harness.failureKind() === 'invalid', 'failure');
    expect(harness.text()).to.contain('password: hunter22pw');
    const outside = harness.textOutsideEditor();
    expect(outside).to.contain('Invalid value: "****"');
    expect(outside).not.to.contain('hunter22pw');
    expect(outside).not.to.contain('s3cretpw');
  });

  it('creates a new object: dry run, then create, then edits it', async () => {
    const client = newClient();
    client.objects = [];
    client.acceptCreates = true;
    const text = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: billing
spec:
  scaleTargetRef:
    name: billing-worker
  minReplicaCount: 1
  triggers:
  - type: cpu
    metricType: Utilization
    metadata:
      value: "60"
`;
    const connection = await fixture<KedaConnection>(html`
      <keda-connection .client=${client}>
        <keda-yaml-editor
          kind="ScaledObject"
          namespace="shop"
          mode="create"
          .initialText=${text}
          draft-key=${CLUSTER}
        >
        </keda-yaml-editor>
      </keda-connection>
    `);
    const element = connection.querySelector('keda-yaml-editor') as YamlEditor;
    const harness = new YamlEditorHarness(element);
    await ready(harness);
    expect(harness.text()).to.equal(text);
    let saved: KubeObject | undefined;
    const events: string[] = [];
    element.addEventListener('keda-saved', (e) => {
      saved = e.detail;
      events.push(`saved ${e.detail.metadata.name}`);
    });
    element.addEventListener('keda-objects-created', (e) =>
      events.push(`created ${e.detail.objects.map((o) => o.metadata.name).join(',')}`),
    );
    await until(() => harness.button('Review and create…')?.disabled === false, 'create enabled');
    await harness.click('Review and create…');
    await until(() => harness.notice('review') !== '', 'review');
    await harness.click('Create');
    await until(() => saved !== undefined, 'saved');
    expect(client.creates.map((c) => [c.dryRun, c.namespace, c.body.metadata.namespace])).to.deep.equal([
      [true, 'shop', 'shop'],
      [false, 'shop', 'shop'],
    ]);
    expect(events).to.deep.equal(['created billing', 'saved billing']);
    expect(element.mode).to.equal('edit');
    expect(element.name).to.equal('billing');
    expect(harness.notice('done')).to.equal('Created ScaledObject shop/billing (resourceVersion 101).');
  });
});

describe('keda-yaml-editor: several documents at once (create mode)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  const secret = rabbitSecretYaml('rabbitpw42');
  const auth = rabbitAuthYaml;
  const orders = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders
spec:
  scaleTargetRef:
    name: orders-consumer
  triggers:
  - type: rabbitmq
    metadata:
      queueName: orders
      value: "50"
    authenticationRef:
      name: rabbit-auth
`;
  const three = `${secret}---\n${auth}---\n${orders}`;
  const createDraftKey = `keda-yaml-editor/v1/${CLUSTER}/ScaledObject/shop/(new)`;

  function createClient(): FakeKubeClient {
    const client = newClient();
    client.objects = [];
    client.acceptCreates = true;
    return client;
  }

  async function mountCreate(client: FakeKubeClient, text: string) {
    const connection = await fixture<KedaConnection>(html`
      <keda-connection
        .client=${client}
        .links=${(ref: { kind: string; namespace?: string; name: string }) =>
          ref.kind === 'Secret' ? undefined : `/${ref.kind}/${ref.namespace}/${ref.name}`}
      >
        <keda-yaml-editor
          kind="ScaledObject"
          namespace="shop"
          mode="create"
          .initialText=${text}
          draft-key=${CLUSTER}
        ></keda-yaml-editor>
      </keda-connection>
    `);
    const element = connection.querySelector('keda-yaml-editor') as YamlEditor;
    const harness = new YamlEditorHarness(element);
    await ready(harness);
    return { element, harness };
  }

  it('checks each document: an error in the second is shown at its line in the whole text', async () => {
    const { harness } = await mountCreate(createClient(), three);
    await until(() => harness.button('Review and create…')?.disabled === false, 'create enabled');
    await harness.replace('    key: host', '    key: 5');
    await until(() => harness.problems().length > 0, 'problem');
    const line = lineOf(harness.text(), 'key: 5');
    expect(harness.problems().map((p) => [p.line, p.source])).to.deep.equal([[line, 'schema']]);
    expect(harness.markedLines()).to.deep.equal([line]);
    expect(harness.button('Review and create…')?.disabled).to.equal(true);
    expect(harness.element.shadowRoot!.querySelector('h2')!.textContent).to.equal('New objects');
  });

  it('dry-runs every document in order, then creates each in order and links to them', async () => {
    const client = createClient();
    const { harness, element } = await mountCreate(client, three);
    let saved = 0;
    element.addEventListener('keda-saved', () => (saved += 1));
    const created: string[][] = [];
    element.addEventListener('keda-objects-created', (e) =>
      created.push(e.detail.objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)),
    );
    await until(() => harness.button('Review and create…')?.disabled === false, 'create enabled');
    await harness.click('Review and create…');
    await until(() => harness.notice('review') !== '', 'review');
    expect(harness.notice('review')).to.contain('Create these 3 objects, in this order?');
    expect(harness.notice('review')).to.contain(
      'Secret shop/rabbit (document 1) TriggerAuthentication shop/rabbit-auth (document 2) ScaledObject shop/orders (document 3)',
    );
    expect(client.creates.map((c) => [c.dryRun, c.plural, c.namespace])).to.deep.equal([
      [true, 'secrets', 'shop'],
      [true, 'triggerauthentications', 'shop'],
      [true, 'scaledobjects', 'shop'],
    ]);
    await harness.click('Create');
    await until(() => harness.notice('done') !== '', 'done');
    expect(client.creates.slice(3).map((c) => [c.dryRun, c.plural, c.name])).to.deep.equal([
      [false, 'secrets', 'rabbit'],
      [false, 'triggerauthentications', 'rabbit-auth'],
      [false, 'scaledobjects', 'orders'],
    ]);
    expect(harness.notice('done')).to.match(
      /^Created 3 objects: Secret shop\/rabbit ?TriggerAuthentication shop\/rabbit-auth ?ScaledObject shop\/orders$/,
    );
    expect(harness.links('done')).to.deep.equal([
      'TriggerAuthentication shop/rabbit-auth → /TriggerAuthentication/shop/rabbit-auth',
      'ScaledObject shop/orders → /ScaledObject/shop/orders',
    ]);
    expect(created).to.deep.equal([
      ['Secret shop/rabbit', 'TriggerAuthentication shop/rabbit-auth', 'ScaledObject shop/orders'],
    ]);
    // Several objects: the editor stays in create mode, with the text as it was.
    expect([element.mode, saved, harness.text()]).to.deep.equal(['create', 0, three]);
    expect(harness.textOutsideEditor()).not.to.contain('rabbitpw42');
    expect(localStorage.getItem(createDraftKey)).to.equal(null);
  });

  it('starts a ClusterTriggerAuthentication with the Secret it reads, in KEDA’s namespace', async () => {
    const client = createClient();
    const harness = await mountWith(client, {
      kind: 'ClusterTriggerAuthentication',
      namespace: 'shop',
      mode: 'create',
    });
    const template = harness.text();
    expect(template).to.contain('kind: Secret');
    expect(template).to.contain('kind: ClusterTriggerAuthentication');
    // The names are the user's to choose: the template is not creatable as it stands.
    await until(() => harness.problems().length > 0, 'empty names flagged');
    expect(harness.button('Review and create…')?.disabled).to.equal(true);
    expect(harness.status()).to.equal('2 errors to fix before creating');

    await harness.replace("name: ''\n  namespace: keda", 'name: broker\n  namespace: keda');
    await harness.replace("  password: ''", '  password: hunter2x');
    await harness.replace("name: ''\nspec:", 'name: broker-auth\nspec:');
    await harness.replace("    name: ''  ", '    name: broker  ');
    await until(() => harness.button('Review and create…')?.disabled === false, 'create enabled');
    expect(harness.problems()).to.deep.equal([]);
    await harness.click('Review and create…');
    await until(() => harness.notice('review') !== '', 'review');
    await harness.click('Create');
    await until(() => harness.notice('done') !== '', 'done');
    expect(client.creates.filter((c) => !c.dryRun).map((c) => [c.plural, c.namespace, c.name])).to.deep.equal(
      [
        ['secrets', 'keda', 'broker'],
        ['clustertriggerauthentications', undefined, 'broker-auth'],
      ],
    );
    expect(harness.textOutsideEditor()).not.to.contain('hunter2x');
  });

  it('a create that fails part-way says what was created and what was not, and retries only the rest', async () => {
    const client = createClient();
    const { harness, element } = await mountCreate(client, three);
    const created: string[][] = [];
    element.addEventListener('keda-objects-created', (e) =>
      created.push(e.detail.objects.map((o) => o.metadata.name ?? '')),
    );
    await harness.replace('queueName: orders', 'queueName: orders-q');
    const typed = harness.text();
    const message =
      'TriggerAuthentication.keda.sh "rabbit-auth" is invalid: spec.secretTargetRef[0].key: Invalid value: "amqp://guest:rabbitpw42@rabbitmq:5672": no such key';
    client.failCreate(
      'triggerauthentications',
      new KubeApiError(
        422,
        message,
        status(422, 'Invalid', message, {
          causes: [{ field: 'spec.secretTargetRef[0].key', message: 'no such key' }],
        }),
      ),
      { dryRun: false },
    );
    await until(() => harness.button('Review and create…')?.disabled === false, 'create enabled');
    await harness.click('Review and create…');
    await until(() => harness.notice('review') !== '', 'review');
    await harness.click('Create');
    await until(() => harness.notice('partial') !== '', 'partial report');
    const report = harness.notice('partial');
    expect(report).to.contain(
      'Created 1 of 3 objects; stopped at TriggerAuthentication shop/rabbit-auth (document 2).',
    );
    expect(report).to.contain('Created: Secret shop/rabbit. Not created: ScaledObject shop/orders.');
    expect(report).to.contain('Nothing was deleted.');
    expect(harness.failureKind()).to.equal('invalid');
    expect(created).to.deep.equal([]);
    // The 422 cause is placed in the second document; the Secret's value is never echoed.
    expect(
      harness
        .problems()
        .filter((p) => p.source === 'server')
        .map((p) => [p.line, p.column]),
    ).to.deep.equal([[lineOf(harness.text(), 'key: host'), 10]]);
    expect(harness.textOutsideEditor()).not.to.contain('rabbitpw42');
    expect(harness.text()).to.equal(typed);
    expect((JSON.parse(localStorage.getItem(createDraftKey) ?? '{}') as { text?: string }).text).to.equal(
      typed,
    );

    // Again: the Secret created by the first attempt is not sent twice.
    const before = client.creates.length;
    await harness.click('Review and create…');
    await until(() => harness.notice('review') !== '', 'review again');
    expect(harness.notice('review')).to.contain('created by your last attempt, not sent again');
    await harness.click('Create');
    await until(() => harness.notice('done') !== '', 'done');
    expect(client.creates.slice(before).map((c) => [c.dryRun, c.plural])).to.deep.equal([
      [true, 'triggerauthentications'],
      [true, 'scaledobjects'],
      [false, 'triggerauthentications'],
      [false, 'scaledobjects'],
    ]);
    expect(harness.notice('done')).to.contain('Created 3 objects');
    // Everything the text creates, the Secret of the first attempt included.
    expect(created).to.deep.equal([['rabbit', 'rabbit-auth', 'orders']]);
  });

  it('a dry run refused for one document creates nothing and marks that document', async () => {
    const client = createClient();
    const { harness } = await mountCreate(client, three);
    const denial = 'the workload orders-consumer of type Deployment does not exist';
    const forbidden = `admission webhook "vscaledobject.kb.io" denied the request: ${denial}`;
    client.failCreate(
      'scaledobjects',
      new KubeApiError(403, forbidden, status(403, 'Forbidden', forbidden)),
      {
        dryRun: true,
      },
    );
    await until(() => harness.button('Review and create…')?.disabled === false, 'create enabled');
    await harness.click('Review and create…');
    await until(() => harness.notice('refused') !== '', 'refused');
    expect(harness.notice('refused')).to.contain(
      'The API server refused 1 of 3 objects in a dry run: nothing was created.',
    );
    expect(harness.notice('refused')).to.contain('Document 3: ScaledObject shop/orders');
    expect(harness.failureKind()).to.equal('webhook');
    expect(client.creates.every((c) => c.dryRun)).to.equal(true);
    expect(harness.button('Create')).to.equal(undefined);
  });

  it('completes and documents each document from its own kind’s schema; a Secret gets none', async () => {
    const { harness } = await mountCreate(
      createClient(),
      `${orders.replace('spec:\n', 'spec:\n  fallb\n')}---\n${auth.replace('spec:\n', 'spec:\n  s\n')}---\n${secret.replace('  name: rabbit\n', '  name: rabbit\n  l\n')}`,
    );
    expect(await harness.completeAfter('  fallb')).to.include('fallback');
    const inAuth = await harness.completeAfter('spec:\n  s');
    expect(inAuth).to.include('secretTargetRef');
    expect(inAuth).not.to.include('scaleTargetRef');
    expect(await harness.completeAfter('  name: rabbit\n  l')).to.deep.equal([]);
    expect(await harness.hoverDocs('secretTargetRef')).to.deep.include({
      field: 'spec.secretTargetRef',
      type: '[]object',
    });
    expect(await harness.hoverDocs('stringData')).to.equal(undefined);
    expect(await harness.hoverDocs('scaleTargetRef')).to.deep.include({ field: 'spec.scaleTargetRef' });
  });

  it('keeps the create-mode text as a draft of its own', async () => {
    const client = createClient();
    const first = await mountCreate(client, three);
    await first.harness.replace('name: orders\n', 'name: orders-v2\n');
    const typed = first.harness.text();
    await until(() => localStorage.getItem(createDraftKey) !== null, 'draft stored');
    fixtureCleanup();
    const { harness } = await mountCreate(client, three);
    expect(harness.text()).to.equal(typed);
    expect(harness.notice('draft')).to.contain('Restored your unsaved draft');
    expect(localStorage.getItem(draftStorageKey)).to.equal(null);
  });

  it('edit mode still refuses a second document', async () => {
    const { harness } = await mount(newClient());
    await ready(harness);
    await harness.setText(`${harness.text()}---\n${auth}`);
    await until(() => harness.problems().length > 0, 'problem');
    expect(harness.problems()[0]).to.deep.include({
      line: lineOf(harness.text(), 'kind: TriggerAuthentication') - 1,
      source: 'yaml',
    });
    expect(harness.problems()[0]!.message).to.contain('only one object can be edited here');
    expect(harness.button('Review and save…')?.disabled).to.equal(true);
  });
});

describe('keda-yaml-editor: drafts when the page goes away', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('writes the draft on pagehide, without waiting for the pause after typing', async () => {
    const client = newClient();
    const first = await mount(client);
    await ready(first.harness);
    await first.harness.replace('maxReplicaCount: 5', 'maxReplicaCount: 7');
    expect(localStorage.getItem(draftStorageKey)).to.equal(null);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const typed = first.harness.text();
    expect((JSON.parse(localStorage.getItem(draftStorageKey) ?? '{}') as { text?: string }).text).to.equal(
      typed,
    );
    // A closed tab never disconnects the element: remount on what pagehide wrote, nothing later.
    const stored = localStorage.getItem(draftStorageKey)!;
    fixtureCleanup();
    localStorage.setItem(draftStorageKey, stored);

    const { harness } = await mount(client);
    await ready(harness);
    expect(harness.text()).to.contain('maxReplicaCount: 7');
    expect(harness.notice('draft')).to.contain('Restored your unsaved draft');

    // Hidden (a switched tab, a phone's app switcher: the page may be killed without pagehide).
    await harness.replace('maxReplicaCount: 7', 'maxReplicaCount: 6');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
    expect(localStorage.getItem(draftStorageKey)).to.contain('maxReplicaCount: 6');
  });
});
