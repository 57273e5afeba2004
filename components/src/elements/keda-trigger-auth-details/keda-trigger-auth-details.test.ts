import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { ContextProvider } from '@lit/context';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import { clockContext, type Clock, type ObjectRef } from '../../context/contexts.js';
import type { KubeObject } from '../../core/kube/types.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { until } from '../../../test/mount.js';
import type { TriggerAuthDetails } from './keda-trigger-auth-details.js';
import { TriggerAuthDetailsHarness } from './harness.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const fixedClock: Clock = { now: () => NOW, subscribe: () => () => {} };
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const PASSWORD = 'amqp://orders:s3cr3t-value@rabbitmq:5672';

const ta: KubeObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'TriggerAuthentication',
  metadata: {
    name: 'orders-auth',
    namespace: 'orders',
    uid: 'ta-1',
    creationTimestamp: '2026-11-20T12:00:00Z',
  },
  spec: {
    secretTargetRef: [
      { parameter: 'host', name: 'rabbit-creds', key: 'host' },
      { parameter: 'password', name: 'rabbit-creds', key: 'password' },
      { parameter: 'tls', name: 'missing-secret', key: 'ca' },
    ],
    env: [{ parameter: HOSTILE, name: 'MQ_USER' }],
    hashiCorpVault: {
      address: 'https://vault:8200',
      authentication: 'token',
      credential: { token: 'hvs.vault-token' },
      secrets: [],
    },
  },
  status: { scaledobjects: 'orders-processor,ghost' },
} as KubeObject;

const cta: KubeObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ClusterTriggerAuthentication',
  metadata: { name: 'prometheus-bearer', uid: 'cta-1', creationTimestamp: '2026-11-10T12:00:00Z' },
  spec: { secretTargetRef: [{ parameter: 'bearerToken', name: 'prometheus-token', key: 'token' }] },
} as KubeObject;

const secret = (namespace: string, name: string, data: Record<string, string>): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: { name, namespace, uid: `s-${namespace}-${name}` },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, btoa(v)])),
  }) as KubeObject;

const scaledObject = (namespace: string, name: string, auth: { name: string; kind?: string }): KubeObject =>
  ({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace, uid: `so-${namespace}-${name}` },
    spec: {
      scaleTargetRef: { name },
      triggers: [{ type: 'rabbitmq', metadata: {}, authenticationRef: auth }],
    },
  }) as KubeObject;

const scaledJob = (namespace: string, name: string, auth: { name: string; kind?: string }): KubeObject =>
  ({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name, namespace, uid: `sj-${namespace}-${name}` },
    spec: {
      jobTargetRef: {},
      triggers: [{ type: 'prometheus', name: 'backlog', metadata: {}, authenticationRef: auth }],
    },
  }) as KubeObject;

function cluster(): FakeKubeClient {
  const client = new FakeKubeClient();
  client.byKind = true;
  client.objects = [
    ta,
    cta,
    secret('orders', 'rabbit-creds', { host: PASSWORD }),
    secret('keda', 'prometheus-token', { token: 'eyJhbGciOi.bearer-secret' }),
    scaledObject('orders', 'orders-processor', { name: 'orders-auth' }),
    scaledObject('shop', 'other-namespace', { name: 'orders-auth' }),
    scaledObject('payments', 'payments-reconciler', {
      name: 'prometheus-bearer',
      kind: 'ClusterTriggerAuthentication',
    }),
    scaledJob('orders', 'order-exporter', { name: 'orders-auth' }),
    scaledJob('risk', 'scorer-batch', { name: 'prometheus-bearer', kind: 'ClusterTriggerAuthentication' }),
  ];
  return client;
}

const links = (ref: ObjectRef) =>
  `/x/${ref.kind}/${ref.namespace ?? '-'}/${ref.name}${ref.view ? `/${ref.view}` : ''}`;

const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

async function mount(client: FakeKubeClient, kind: string, namespace: string, name: string) {
  const host = document.createElement('div');
  new ContextProvider(host, { context: clockContext, initialValue: fixedClock });
  document.body.append(host);
  hosts.push(host);
  render(
    html`<keda-connection .client=${client} .links=${links}>
      <keda-trigger-auth-details kind=${kind} namespace=${namespace} name=${name}></keda-trigger-auth-details>
    </keda-connection>`,
    host,
  );
  const connection = host.querySelector('keda-connection') as KedaConnection;
  await connection.updateComplete;
  const element = connection.querySelector('keda-trigger-auth-details') as TriggerAuthDetails;
  const harness = new TriggerAuthDetailsHarness(element);
  await harness.settle();
  return { element, harness };
}

describe('keda-trigger-auth-details', () => {
  it('shows loading, then parameters, providers, Secret checks and users, never a value', async () => {
    const client = cluster();
    client.holdLists = true;
    const { harness, element } = await mount(client, 'TriggerAuthentication', 'orders', 'orders-auth');
    expect(harness.message()).to.contain('Loading…');
    client.releaseLists();
    await until(
      () => harness.secretRows().length === 3 && !harness.section('Secret references').includes('Checking'),
      'rendered',
    );

    expect(harness.title()).to.equal('orders-auth');
    expect(harness.stateLabel()).to.equal('Used by 2');
    expect(harness.rows('Parameters').map((r) => r.slice(0, 2))).to.deep.equal([
      ['host', 'Secret'],
      ['password', 'Secret'],
      ['tls', 'Secret'],
      [HOSTILE, 'Env'],
    ]);
    expect(harness.rows('Parameters')[2]?.[2]).to.contain('Secret not found');
    expect(harness.term('Token', 'HashiCorp Vault')).to.equal('****');
    expect(harness.secretRows()).to.deep.equal([
      ['rabbit-creds', 'host', 'parameter host', 'found'],
      ['rabbit-creds', 'password', 'parameter password', 'key not in the Secret'],
      ['missing-secret', 'ca', 'parameter tls', 'Secret not found'],
    ]);
    expect(harness.userRows()).to.deep.equal([
      ['ScaledJob', 'order-exporter', '#0 backlog (prometheus)'],
      ['ScaledObject', 'orders-processor', '#0 rabbitmq'],
    ]);
    expect(harness.links('Used by')).to.deep.equal([
      { text: 'order-exporter', href: '/x/ScaledJob/orders/order-exporter' },
      { text: 'orders-processor', href: '/x/ScaledObject/orders/orders-processor' },
    ]);
    expect(harness.section('Used by')).to.contain("KEDA's status also lists ScaledObject/ghost");
    expect(harness.headerLink('Edit YAML')).to.equal('/x/TriggerAuthentication/orders/orders-auth/yaml');
    expect(client.calls).to.include('list secrets orders');

    const text = element.shadowRoot!.textContent ?? '';
    for (const value of [PASSWORD, btoa(PASSWORD), 's3cr3t-value', 'hvs.vault-token'])
      expect(text).not.to.contain(value);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a ClusterTriggerAuthentication: Secrets in KEDA’s namespace, users in every namespace', async () => {
    const client = cluster();
    const { harness, element } = await mount(client, 'ClusterTriggerAuthentication', '', 'prometheus-bearer');
    await until(
      () => harness.secretRows()[0]?.[3] === 'found' && harness.userRows().length === 2,
      'rendered',
    );
    expect(harness.allText()).to.contain('cluster-wide');
    expect(harness.userRows()).to.deep.equal([
      ['ScaledJob', 'risk', 'scorer-batch', '#0 backlog (prometheus)'],
      ['ScaledObject', 'payments', 'payments-reconciler', '#0 rabbitmq'],
    ]);
    expect(harness.links('Secret references')).to.deep.equal([
      { text: 'prometheus-token', href: '/x/Secret/keda/prometheus-token' },
    ]);
    expect(client.calls).to.include('list secrets keda');
    expect(element.shadowRoot!.textContent).not.to.contain('bearer-secret');

    element.clusterObjectNamespace = 'platform';
    await until(() => harness.secretRows()[0]?.[3] === 'Secret not found', 'other namespace');
    expect(client.calls).to.include('list secrets platform');
  });

  it('not found, list error, unused and Secrets that cannot be listed', async () => {
    const client = cluster();
    const { harness } = await mount(client, 'TriggerAuthentication', 'orders', 'nope');
    await until(() => harness.message().startsWith('TriggerAuthentication not found'), 'not found');
    expect(harness.message()).to.contain('triggerauthentications.keda.sh "nope" not found');

    const failing = new FakeKubeClient();
    failing.byKind = true;
    const message =
      'clustertriggerauthentications.keda.sh is forbidden: User "dev" cannot list resource "clustertriggerauthentications" in API group "keda.sh" at the cluster scope';
    failing.listErrors = { clustertriggerauthentications: new KubeApiError(403, message) };
    const { harness: h2 } = await mount(failing, 'ClusterTriggerAuthentication', '', 'prometheus-bearer');
    await until(() => h2.message().startsWith('Cannot read this ClusterTriggerAuthentication'), 'error');
    expect(h2.message()).to.contain(message);

    const noSecrets = cluster();
    noSecrets.objects = noSecrets.objects.filter((o) => o.kind !== 'ScaledObject' && o.kind !== 'ScaledJob');
    const denied =
      'secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" in the namespace "orders"';
    noSecrets.listErrors = { secrets: new KubeApiError(403, denied) };
    const { harness: h3 } = await mount(noSecrets, 'TriggerAuthentication', 'orders', 'orders-auth');
    await until(() => h3.section('Secret references').includes(denied), 'secrets error');
    expect(h3.secretRows().map((r) => r[3])).to.deep.equal(['not checked', 'not checked', 'not checked']);
    expect(h3.stateLabel()).to.equal('Unused');
    expect(h3.section('Used by')).to.contain('references it: deleting it breaks nothing');
  });

  it('deletes after a confirmation that names the users, and shows refusals verbatim', async () => {
    const client = cluster();
    const { harness, element } = await mount(client, 'TriggerAuthentication', 'orders', 'orders-auth');
    await until(() => harness.userRows().length === 2, 'rendered');
    const message = 'triggerauthentications.keda.sh "orders-auth" is forbidden: User "viewer" cannot delete';
    client.failNextWrite = new KubeApiError(403, message);
    await harness.click('Delete');
    expect(harness.dialogText()).to.contain(
      '2 objects use it (ScaledJob orders/order-exporter, ScaledObject orders/orders-processor)',
    );
    await harness.click('Delete');
    await until(() => harness.notice().includes(message), 'refused');

    let deleted: unknown;
    element.addEventListener('keda-deleted', (e) => (deleted = (e as CustomEvent).detail));
    await harness.click('Delete');
    await harness.click('Delete');
    await until(() => harness.message().startsWith('TriggerAuthentication not found'), 'deleted');
    expect(deleted).to.deep.equal({ namespace: 'orders', name: 'orders-auth' });
    expect(client.writes.at(-1)).to.deep.include({
      verb: 'delete',
      plural: 'triggerauthentications',
      name: 'orders-auth',
    });
  });
});
