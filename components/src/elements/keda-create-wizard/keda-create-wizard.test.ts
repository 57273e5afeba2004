import { expect, fixture, html } from '@open-wc/testing';
import '../../context/define.js';
import './define.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { KubeObject, Status } from '../../core/kube/types.js';
import type { ScaledObject, TriggerAuthentication } from '../../core/keda/types.js';
import { KedaStore } from '../../data/keda-store.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { until } from '../../../test/mount.js';
import type { CreateWizard, KedaCreatedDetail } from './keda-create-wizard.js';
import { CreateWizardHarness } from './harness.js';

const SECRET = 'amqp://orders:Tr0ub4dor-s3cret@rabbitmq.shop:5672/';

function deployment(name: string, namespace = 'shop', replicas = 2): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, uid: `dep-${name}`, resourceVersion: '3' },
    spec: { replicas, template: { spec: { containers: [{ name: 'consumer' }] } } },
    status: { readyReplicas: replicas },
  } as KubeObject;
}

function statefulSet(name: string, namespace = 'shop', replicas = 1): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace, uid: `sts-${name}`, resourceVersion: '4' },
    spec: { replicas, serviceName: name, template: { spec: { containers: [{ name: 'ledger' }] } } },
    status: { readyReplicas: replicas },
  } as KubeObject;
}

/** A Secret as the API lists it: values base64 in `data`. */
function secret(name: string, data: Record<string, string>, type = 'Opaque'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: 'shop', uid: `secret-${name}` },
    type,
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, btoa(v)])),
  } as KubeObject;
}

const namespaceObject = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, uid: `ns-${name}` },
});

function cluster(): FakeKubeClient {
  const client = new FakeKubeClient();
  client.byKind = true;
  client.acceptCreates = true;
  client.objects = [
    namespaceObject('shop'),
    namespaceObject('empty'),
    deployment('orders-consumer'),
    deployment('web'),
  ];
  return client;
}

async function mount(client: FakeKubeClient, attrs: { kind?: string } = {}) {
  const connection = await fixture<KedaConnection>(html`
    <keda-connection .client=${client}>
      <keda-create-wizard namespace="shop" kind=${attrs.kind ?? 'ScaledObject'}></keda-create-wizard>
    </keda-connection>
  `);
  const element = connection.querySelector('keda-create-wizard') as CreateWizard;
  const harness = new CreateWizardHarness(element);
  await harness.settle();
  return { element, harness };
}

/** Target → Scaling → Triggers (rabbitmq) → Authentication, with a new TriggerAuthentication over a new Secret. */
async function fillRabbit(h: CreateWizardHarness): Promise<void> {
  await until(() => h.workloads().length === 2, 'workloads listed');
  await h.pickWorkload('Deployment/orders-consumer');
  await h.set('name', 'orders');
  await h.next();
  expect(h.currentStep()).to.equal('scaling');
  await h.set('scaling.minReplicaCount', '0');
  await h.set('scaling.maxReplicaCount', '10');
  await h.next();
  expect(h.currentStep()).to.equal('triggers');
  expect(await h.searchTriggers('rabbit')).to.deep.equal(['rabbitmq']);
  await h.addTrigger('rabbitmq');
  await h.setParam(0, 'queueName', 'orders');
  await h.setParam(0, 'mode', 'QueueLength');
  await h.setParam(0, 'value', '50');
  await h.next();
  expect(h.currentStep()).to.equal('auth');
}

/** From the Authentication step of {@link fillRabbit}: the new TriggerAuthentication reads an existing Secret. */
/** A cron trigger in Paris time, as the first trigger. */
async function addCron(h: CreateWizardHarness, start: string, end: string, desiredReplicas: string) {
  await h.addTrigger('cron');
  await h.setParam(0, 'timezone', 'Europe/Paris');
  await h.setParam(0, 'start', start);
  await h.setParam(0, 'end', end);
  await h.setParam(0, 'desiredReplicas', desiredReplicas);
}

/** Creates what the review shows (one object) and returns the body sent, not the dry run's. */
async function createOne<T = ScaledObject>(h: CreateWizardHarness, client: FakeKubeClient): Promise<T> {
  await until(() => h.canCreate(), 'checked');
  await h.create();
  await until(() => h.outcome().startsWith('Created one object'), 'created');
  return client.creates.filter((c) => !c.dryRun)[0]!.body as T;
}

async function listExistingSecrets(h: CreateWizardHarness): Promise<void> {
  await h.click('auth.secretMode.existing');
  expect(h.secretInput('host'), 'no value is typed for an existing Secret').to.equal(null);
  await h.clickText('List the Secrets of shop');
}

describe('keda-create-wizard', () => {
  it('creates a rabbitmq ScaledObject with a new TriggerAuthentication over a new Secret: dry-runs, then creates in order', async () => {
    const client = cluster();
    const { element, harness: h } = await mount(client);
    let created: KedaCreatedDetail | undefined;
    element.addEventListener('keda-created', (e) => (created = e.detail));
    await fillRabbit(h);

    expect(h.value('auth.name')).to.equal('orders-rabbitmq');
    expect(h.value('auth.secretName')).to.equal('orders-rabbitmq');
    await h.next();
    expect(h.currentStep(), 'the Secret value is required').to.equal('auth');
    expect(h.messagesFor('auth.value.host')).to.contain('Type the value of host');
    await h.typeSecret('host', SECRET);
    expect(h.secretInput('host')?.type).to.equal('password');
    expect(h.renderedMarkup()).not.to.contain(SECRET);
    expect(element.shadowRoot!.textContent).not.to.contain(SECRET);

    await h.next();
    expect(h.currentStep()).to.equal('advanced');
    await h.next();
    expect(h.currentStep()).to.equal('review');
    await until(() => h.reviewStatus('scaledObject').includes('accepts'), 'dry runs pass');
    expect(
      client.creates.map((c) => `${c.plural} ${c.name} ${c.dryRun ? 'dry-run' : 'create'}`),
    ).to.deep.equal([
      'secrets orders-rabbitmq dry-run',
      'triggerauthentications orders-rabbitmq dry-run',
      'scaledobjects orders dry-run',
    ]);
    expect(h.reviewYaml('secret')).to.contain("host: '****'");
    expect(h.reviewYaml('scaledObject')).to.contain("value: '50'");
    expect(h.renderedMarkup()).not.to.contain(SECRET);

    expect(h.canCreate()).to.equal(true);
    await h.create();
    await until(() => h.outcome().startsWith('Created 3 objects'), 'created');
    const writes = client.creates.filter((c) => !c.dryRun);
    expect(writes.map((c) => `${c.plural} ${c.name}`)).to.deep.equal([
      'secrets orders-rabbitmq',
      'triggerauthentications orders-rabbitmq',
      'scaledobjects orders',
    ]);
    expect(writes[0]!.body).to.deep.equal({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'orders-rabbitmq', namespace: 'shop' },
      type: 'Opaque',
      stringData: { host: SECRET },
    });
    expect(writes[1]!.body).to.deep.equal({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: 'orders-rabbitmq', namespace: 'shop' },
      spec: { secretTargetRef: [{ parameter: 'host', name: 'orders-rabbitmq', key: 'host' }] },
    });
    expect(writes[2]!.body).to.deep.equal({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'orders', namespace: 'shop' },
      spec: {
        scaleTargetRef: { name: 'orders-consumer', apiVersion: 'apps/v1', kind: 'Deployment' },
        minReplicaCount: 0,
        maxReplicaCount: 10,
        triggers: [
          {
            type: 'rabbitmq',
            metadata: { queueName: 'orders', mode: 'QueueLength', value: '50' },
            authenticationRef: { name: 'orders-rabbitmq' },
          },
        ],
      },
    });
    expect(created).to.deep.equal({
      kind: 'ScaledObject',
      namespace: 'shop',
      name: 'orders',
      created: [
        { kind: 'Secret', apiVersion: 'v1', namespace: 'shop', name: 'orders-rabbitmq' },
        {
          kind: 'TriggerAuthentication',
          apiVersion: 'keda.sh/v1alpha1',
          namespace: 'shop',
          name: 'orders-rabbitmq',
        },
        { kind: 'ScaledObject', apiVersion: 'keda.sh/v1alpha1', namespace: 'shop', name: 'orders' },
      ],
    });
    expect(h.renderedMarkup()).not.to.contain(SECRET);
    expect(JSON.stringify(created)).not.to.contain(SECRET);
  });

  it('shows a schema error and a webhook denial from the dry run at the right step and field', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await h.typeSecret('host', SECRET);
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      message:
        'ScaledObject.keda.sh "orders" is invalid: spec.triggers[0].metadata.value: Invalid value: "integer": must be of type string',
      details: {
        name: 'orders',
        kind: 'ScaledObject',
        causes: [
          {
            reason: 'FieldValueTypeInvalid',
            field: 'spec.triggers[0].metadata.value',
            message: 'Invalid value: "integer": must be of type string',
          },
        ],
      },
    };
    client.failCreate('scaledobjects', KubeApiError.fromStatus(status), { dryRun: true });
    await h.next();
    await h.next();
    expect(h.currentStep()).to.equal('review');
    await until(() => h.reviewStatus('scaledObject').includes('refuses'), 'dry run refused');
    expect(h.reviewStatus('secret')).to.contain('accepts');
    expect(h.reviewProblems('scaledObject')).to.contain(
      'spec.triggers[0].metadata.value: Invalid value: "integer": must be of type string',
    );
    expect(h.canCreate()).to.equal(false);
    expect(h.steps()).to.include('triggers:visited!');
    await h.fixIn('scaledObject');
    expect(h.currentStep()).to.equal('triggers');
    const valueField = h.paramField(0, 'value');
    expect(h.messagesFor(valueField)).to.contain('API: spec.triggers[0].metadata.value: Invalid value');
    expect(h.focused()?.getAttribute('data-field')).to.equal(valueField);
    await h.setParam(0, 'value', '40');
    expect(h.messagesFor(valueField)).to.equal('');

    const denial = `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: the workload 'orders-consumer' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'legacy'`;
    client.failCreate('scaledobjects', new KubeApiError(403, denial), { dryRun: true });
    await h.goToStep('review');
    await until(() => h.reviewStatus('scaledObject').includes('refuses'), 'webhook denial');
    expect(h.reviewProblems('scaledObject')).to.contain(denial);
    await h.fixIn('scaledObject');
    expect(h.currentStep()).to.equal('target');
    expect(h.messagesFor('target.name')).to.contain("is already managed by the ScaledObject 'legacy'");
    await h.goToStep('review');
    expect(h.reviewProblems('scaledObject'), 'unchanged state: the last answer stays').to.contain(denial);
    await h.dryRun();
    await until(
      () => h.reviewStatus('scaledObject').includes('accepts'),
      'accepted once the other ScaledObject is gone',
    );
    expect(h.canCreate()).to.equal(true);
  });

  it('keeps every field when going back, validates each step with the field named, and is keyboard driven', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await until(() => h.workloads().length === 2, 'workloads listed');
    await h.next();
    expect(h.currentStep()).to.equal('target');
    expect(h.errorSummary()).to.contain('Pick the workload to scale');
    expect(h.errorSummary()).to.contain('ScaledObject name is required.');
    expect(h.focused()?.getAttribute('data-field')).to.equal('name');
    await fillRabbit(h);
    await h.typeSecret('host', SECRET);
    await h.back();
    expect(h.currentStep()).to.equal('triggers');
    expect(h.value(h.paramField(0, 'queueName'))).to.equal('orders');
    expect(h.value(h.paramField(0, 'value'))).to.equal('50');
    await h.back();
    expect(h.value('scaling.minReplicaCount')).to.equal('0');
    expect(h.value('scaling.maxReplicaCount')).to.equal('10');
    // KEDA compares idle with the HPA's min, which is 1 when minReplicaCount is 0.
    await h.set('scaling.idleReplicaCount', '1');
    await h.next();
    expect(h.currentStep(), 'idle must be below min').to.equal('scaling');
    expect(h.messagesFor('scaling.idleReplicaCount')).to.contain(
      'IdleReplicaCount=1 must be less than MinReplicaCount=1',
    );
    await h.set('scaling.idleReplicaCount', '');
    await h.back();
    expect(h.value('name')).to.equal('orders');
    expect(
      element(h).shadowRoot!.querySelector('[data-workload="Deployment/orders-consumer"]'),
    ).to.have.property('checked', true);
    await h.goToStep('auth');
    expect(h.secretInput('host')?.value, 'the typed value comes back into its own input').to.equal(SECRET);
    expect(h.renderedMarkup()).not.to.contain(SECRET);
    const next = element(h).shadowRoot!.querySelector<HTMLButtonElement>('[data-action="next"]')!;
    next.focus();
    expect(h.focused()).to.equal(next);
    expect(next.tagName).to.equal('BUTTON');
  });

  it('refuses a credential typed into trigger metadata at its field, keeps the text, and blocks Next and Create', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await h.typeSecret('host', SECRET);
    await h.next();
    await h.next();
    expect(h.currentStep()).to.equal('review');
    await until(() => h.canCreate(), 'dry runs pass');

    await h.goToStep('triggers');
    const queue = h.paramField(0, 'queueName');
    const inline = 'amqp://guest:Tr0ub4dor@rabbitmq.shop/';
    await h.set(queue, inline);
    await h.clickText('Add a key');
    const extra = `trigger.${h.triggerId(0)}.extra.0`;
    await h.set(`${extra}.key`, 'password');
    await h.set(`${extra}.value`, 'hunter2');
    await h.next();
    expect(h.currentStep(), 'Next is blocked').to.equal('triggers');
    expect(h.messagesFor(queue)).to.contain('queueName contains a credential');
    expect(h.messagesFor(queue)).to.contain(
      'take host from a TriggerAuthentication instead (Authentication step)',
    );
    expect(h.field(queue)?.getAttribute('aria-invalid')).to.equal('true');
    expect(h.value(queue), 'the typed text is kept').to.equal(inline);
    expect(h.messagesFor(extra)).to.contain(
      'password is a credential and never goes into the trigger metadata: put it in the Secret via the Authentication step',
    );
    expect(h.field(`${extra}.value`)?.getAttribute('aria-invalid')).to.equal('true');
    expect(h.value(`${extra}.value`)).to.equal('hunter2');

    const dryRuns = client.creates.length;
    await h.goToStep('review');
    expect(h.canCreate(), 'Create is blocked').to.equal(false);
    expect(h.reviewYaml('scaledObject')).not.to.contain('hunter2');
    expect(h.reviewYaml('scaledObject')).not.to.contain('Tr0ub4dor');
    expect(client.creates.length, 'nothing is sent').to.equal(dryRuns);
  });

  it('renders the what-if preview with a text alternative', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await h.typeSecret('host', SECRET);
    await h.next();
    expect(h.currentStep()).to.equal('advanced');
    await until(() => h.whatIfSummary().length > 0, 'preview computed');
    expect(h.whatIfSummary()).to.match(/^Over 30m, the load peaks at 100 and replicas peak at 2 \(first at/);
    const rows = h.whatIfRows();
    expect(rows.length).to.equal(12);
    expect(rows[0]).to.have.length(4);
    const plot = h.chart()!.shadowRoot!.querySelector('.plot')!;
    expect(plot.getAttribute('role')).to.equal('img');
    expect(plot.getAttribute('aria-label')).to.contain('Chart of replicas and load over time.');
    await until(() => plot.querySelector('svg') !== null, 'chart drawn');
    await h.clickText('Ramp');
    await until(() => h.whatIfSummary().startsWith('Over 1h 00m'), 'ramp preview');
    await h.click('advanced.behaviorPreset.no-flapping');
    await until(() => h.whatIfSummary().startsWith('Over 1h 00m'), 'still a preview');
  });

  it('says when the namespace has no workloads, shows the API error verbatim, and loads', async () => {
    const client = cluster();
    client.holdLists = true;
    const { harness: h } = await mount(client);
    expect(h.notice()).to.contain('Loading Deployments and StatefulSets in shop');
    client.releaseLists();
    await until(() => h.workloads().length === 2, 'listed');
    await h.set('namespace', 'empty');
    await until(() => h.notice().startsWith('No Deployments or StatefulSets in empty'), 'empty state');
    expect(h.notice()).to.contain('enter apiVersion/kind/name by hand');
    client.listErrors.deployments = new KubeApiError(
      403,
      'deployments.apps is forbidden: User "dev" cannot list resource "deployments" in API group "apps" in the namespace "locked"',
    );
    await h.set('namespace', 'locked');
    await until(() => h.notice().includes('cannot list resource "deployments"'), 'error state');
    expect(h.notice()).to.contain('(403)');
    await h.clickText('enter apiVersion/kind/name by hand');
    await h.set('target.apiVersion', 'argoproj.io/v1alpha1');
    await h.set('target.kind', 'Rollout');
    await h.set('target.name', 'checkout');
    await h.set('name', 'checkout');
    await h.next();
    expect(h.currentStep()).to.equal('scaling');
  });

  it('handles a partial failure: says what was created and what failed, and retries without sending twice', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await h.typeSecret('host', SECRET);
    await h.next();
    await h.next();
    await until(() => h.canCreate(), 'checked');
    const forbidden =
      'triggerauthentications.keda.sh is forbidden: User "dev" cannot create resource "triggerauthentications" in API group "keda.sh" in the namespace "shop"';
    client.failCreate('triggerauthentications', new KubeApiError(403, forbidden), { dryRun: false });
    await h.create();
    await until(
      () => h.outcome().startsWith('Stopped at TriggerAuthentication orders-rabbitmq (403)'),
      'partial',
    );
    expect(h.outcome()).to.contain('Created: Secret orders-rabbitmq.');
    expect(h.outcome()).to.contain('Not created: ScaledObject orders.');
    expect(h.outcome()).to.contain(forbidden);
    expect(h.outcome()).to.contain('press Create again');
    expect(h.reviewStatus('secret')).to.equal('Created');
    expect(h.reviewStatus('scaledObject')).to.equal('Not created (an earlier object failed)');
    expect(h.canCreate()).to.equal(true);
    await h.create();
    await until(() => h.outcome().startsWith('Created 3 objects'), 'created on retry');
    expect(client.creates.filter((c) => !c.dryRun).map((c) => c.plural)).to.deep.equal([
      'secrets',
      'triggerauthentications',
      'triggerauthentications',
      'scaledobjects',
    ]);
  });

  it('uses an existing TriggerAuthentication and warns when it lacks a parameter', async () => {
    const client = cluster();
    client.objects.push({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: 'rabbit-auth', namespace: 'shop', uid: 'ta-1' },
      spec: { secretTargetRef: [{ parameter: 'password', name: 'rabbit', key: 'pw' }] },
    } as KubeObject);
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    const trigger = h.triggerId(0);
    await h.click(`trigger.${trigger}.auth.existing`);
    await h.set(`trigger.${trigger}.auth.name`, 'TriggerAuthentication/rabbit-auth');
    expect(h.messagesFor(`trigger.${trigger}.auth`)).to.contain(
      'TriggerAuthentication rabbit-auth does not provide host (it has password).',
    );
    expect(h.secretInput('host'), 'no new Secret').to.equal(null);
    await h.next();
    await h.next();
    const so = await createOne(h, client);
    expect(
      (so as KubeObject & { spec: { triggers: Array<{ authenticationRef?: unknown }> } }).spec.triggers[0]!
        .authenticationRef,
    ).to.deep.equal({
      name: 'rabbit-auth',
    });
  });

  it('offers the StatefulSets of the namespace and scales one by apps/v1 StatefulSet', async () => {
    const client = cluster();
    client.objects.push(statefulSet('ledger'));
    const { harness: h } = await mount(client);
    await until(() => h.workloads().length === 3, 'workloads listed');
    expect(h.workloads()).to.deep.equal([
      'StatefulSet/ledger',
      'Deployment/orders-consumer',
      'Deployment/web',
    ]);
    await h.pickWorkload('StatefulSet/ledger');
    await h.set('name', 'ledger');
    await h.next();
    await h.set('scaling.maxReplicaCount', '3');
    await h.next();
    await addCron(h, '0 8 * * *', '0 20 * * *', '3');
    await h.next();
    await h.next();
    await h.next();
    expect(h.currentStep()).to.equal('review');
    expect(h.reviewYaml('scaledObject')).to.contain('kind: StatefulSet');
    const so = await createOne(h, client);
    expect(so.spec.scaleTargetRef).to.deep.equal({
      name: 'ledger',
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
    });
  });

  it('maps a new TriggerAuthentication onto an existing Secret: lists Secret and key names, never values', async () => {
    const client = cluster();
    client.objects.push(
      secret('rabbit-conn', { uri: SECRET, 'admin-password': 'Adm1n-s3cret' }),
      secret('builder-token', { token: 'eyJhbGciOi-token' }, 'kubernetes.io/service-account-token'),
      secret('tls-shop', { 'tls.crt': 'CERT', 'tls.key': 'KEY-s3cret' }, 'kubernetes.io/tls'),
    );
    client.holdLists = ['secrets'];
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await listExistingSecrets(h);
    expect(h.notice()).to.equal('Listing Secrets in shop… Names and keys only.');
    client.releaseLists();
    await until(() => h.secretsOffered().length > 0, 'Secrets listed');
    expect(h.secretsOffered(), 'service account tokens are left out').to.deep.equal([
      'rabbit-conn',
      'tls-shop',
    ]);
    expect(h.notice()).to.equal('');
    await h.set('auth.secretName', 'rabbit-conn');
    for (const value of [SECRET, btoa(SECRET), 'Adm1n-s3cret', btoa('Adm1n-s3cret'), btoa('KEY-s3cret')])
      expect(h.renderedMarkup()).not.to.contain(value);
    expect(h.secretKeysOffered()).to.deep.equal(['admin-password', 'uri']);
    await h.set('auth.key.host', 'uri');

    await h.next();
    await h.next();
    expect(h.currentStep()).to.equal('review');
    await until(() => h.canCreate(), 'checked');
    expect(h.reviewYaml('secret'), 'no Secret to create').to.equal('');
    await h.create();
    await until(() => h.outcome().startsWith('Created 2 objects'), 'created');
    const writes = client.creates.filter((c) => !c.dryRun);
    expect(writes.map((c) => `${c.plural} ${c.name}`)).to.deep.equal([
      'triggerauthentications orders-rabbitmq',
      'scaledobjects orders',
    ]);
    expect((writes[0]!.body as TriggerAuthentication).spec).to.deep.equal({
      secretTargetRef: [{ parameter: 'host', name: 'rabbit-conn', key: 'uri' }],
    });
    expect((writes[1]!.body as ScaledObject).spec.triggers[0]!.authenticationRef).to.deep.equal({
      name: 'orders-rabbitmq',
    });
    expect(JSON.stringify(client.creates)).not.to.contain(SECRET);
  });

  it('says when the namespace has no Secrets to pick from', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await listExistingSecrets(h);
    await until(() => h.notice().startsWith('No Secrets in shop'), 'empty state');
    expect(h.notice()).to.equal('No Secrets in shop Create a new one instead, or type a name.');
    expect(h.secretsOffered()).to.deep.equal([]);
  });

  it('shows the API message verbatim when the Secrets cannot be listed, and lets the name be typed', async () => {
    const client = cluster();
    const message =
      'secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" in the namespace "shop"';
    client.listErrors.secrets = KubeApiError.fromStatus({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason: 'Forbidden',
      details: { kind: 'secrets' },
      code: 403,
    });
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await listExistingSecrets(h);
    await until(() => h.notice().startsWith('Cannot list Secrets (403)'), 'error state');
    expect(h.notice()).to.contain(message);
    expect(h.notice()).to.contain('Type the Secret’s name and keys instead.');
    // One list, not a watch: the hint asks for "list" only, and the person retries.
    expect(h.notice()).to.contain('Ask for "list" on secrets');
    expect(h.notice()).not.to.contain('watch');
    delete client.listErrors.secrets;
    await h.clickText('Try again');
    await until(() => h.notice().startsWith('No Secrets in shop'), 'listed again: none there');
    await h.set('auth.secretName', 'rabbit-conn');
    await h.set('auth.key.host', 'uri');
    await h.next();
    expect(h.currentStep()).to.equal('advanced');
  });

  it('says it is not connected without a store, and works once given one', async () => {
    const client = cluster();
    const element = await fixture<CreateWizard>(
      html`<keda-create-wizard namespace="shop"></keda-create-wizard>`,
    );
    const h = new CreateWizardHarness(element);
    await h.settle();
    expect(h.notice()).to.equal(
      'Not connected Place this element inside <keda-connection>, or give it a store.',
    );
    expect(h.steps()).to.deep.equal([]);
    expect(h.field('name')).to.equal(null);
    const store = new KedaStore(client);
    element.store = store;
    await until(() => h.workloads().length === 2, 'workloads listed');
    expect(h.currentStep()).to.equal('target');
    element.store = undefined;
    await h.settle();
    expect(h.notice()).to.contain('Not connected');
    store.dispose();
  });

  it('says why the what-if preview shows no chart: simulating, no preview yet, KEDA could not scale', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await h.typeSecret('host', SECRET);
    await h.next();
    expect(h.currentStep()).to.equal('advanced');
    expect(h.whatIfNotice()).to.equal('Simulating… Replaying the curve.');
    await until(() => h.whatIfSummary().length > 0, 'preview computed');
    expect(h.whatIfNotice()).to.equal('');

    await h.click('advanced.fallbackEnabled');
    await h.set('advanced.failureThreshold', 'three');
    await h.set('advanced.fallbackReplicas', '2');
    expect(h.whatIfNotice()).to.equal('No preview yet Fix the numbers in Scaling and Advanced first.');
    expect(h.chart()).to.equal(null);
    await h.set('advanced.failureThreshold', '3');
    await until(() => h.whatIfSummary().length > 0, 'preview again');

    await h.goToStep('triggers');
    await h.setParam(0, 'value', 'fifty');
    await h.goToStep('advanced');
    await until(() => h.whatIfNotice().startsWith('KEDA could not scale this'), 'KEDA error');
    expect(h.whatIfNotice()).to.contain('unable to set param "value" value "fifty"');
    expect(h.chart()).to.equal(null);

    await h.goToStep('triggers');
    await h.clickText('Remove');
    await h.goToStep('advanced');
    expect(h.whatIfNotice()).to.equal('No preview yet Add a trigger to preview the scaling.');
    expect(h.chart()).to.equal(null);
  });

  it('takes a trigger parameter from an env var of the workload as <key>FromEnv, never as the value', async () => {
    const client = cluster();
    const { harness: h } = await mount(client);
    await fillRabbit(h);
    await h.back();
    await h.setParamSource(0, 'host', 'env');
    await h.setParam(0, 'host', 'RABBITMQ_URL');
    await h.next();
    expect(h.currentStep()).to.equal('auth');
    await h.click(`trigger.${h.triggerId(0)}.auth.none`);
    expect(h.secretInput('host'), 'no Secret value to type').to.equal(null);
    await h.next();
    await h.next();
    expect(h.currentStep()).to.equal('review');
    expect(h.reviewYaml('scaledObject')).to.contain('hostFromEnv: RABBITMQ_URL');
    const so = await createOne(h, client);
    const trigger = so.spec.triggers[0]!;
    expect(trigger.metadata).to.deep.equal({
      queueName: 'orders',
      hostFromEnv: 'RABBITMQ_URL',
      mode: 'QueueLength',
      value: '50',
    });
    expect(trigger.metadata).not.to.have.property('host');
    expect(trigger).not.to.have.property('authenticationRef');
  });

  it('creates a ScaledJob from a Job template with a cron trigger and no authentication', async () => {
    const client = cluster();
    const { harness: h } = await mount(client, { kind: 'ScaledJob' });
    await h.set('name', 'nightly');
    await h.set('job.image', 'ghcr.io/acme/report:2');
    await h.set('job.args', '--since\n24h');
    await h.next();
    await h.set('scaling.maxReplicaCount', '3');
    await h.next();
    await addCron(h, '0 1 * * *', '0 2 * * *', 'two');
    await h.next();
    expect(h.messagesFor(h.paramField(0, 'desiredReplicas'))).to.contain('must be a whole number');
    await h.setParam(0, 'desiredReplicas', '2');
    await h.next();
    expect(h.notice()).to.contain('No authentication needed');
    await h.next();
    await h.next();
    const body = await createOne<
      KubeObject & {
        spec: Record<string, unknown>;
      }
    >(h, client);
    expect(body.kind).to.equal('ScaledJob');
    expect(body.spec).to.deep.equal({
      jobTargetRef: {
        template: {
          spec: {
            containers: [{ name: 'worker', image: 'ghcr.io/acme/report:2', args: ['--since', '24h'] }],
            restartPolicy: 'Never',
          },
        },
      },
      maxReplicaCount: 3,
      triggers: [
        {
          type: 'cron',
          metadata: { start: '0 1 * * *', end: '0 2 * * *', timezone: 'Europe/Paris', desiredReplicas: '2' },
        },
      ],
    });
  });
});

function element(h: CreateWizardHarness): CreateWizard {
  return h.element;
}
