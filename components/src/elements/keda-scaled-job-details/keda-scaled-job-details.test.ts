import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { ContextProvider } from '@lit/context';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import { clockContext, type Clock, type ObjectRef } from '../../context/contexts.js';
import type { KubeObject } from '../../core/kube/types.js';
import type { ScaledJob } from '../../core/keda/types.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { until } from '../../../test/mount.js';
import type { ScaledJobDetails } from './keda-scaled-job-details.js';
import { ScaledJobDetailsHarness } from './harness.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const sj = (): ScaledJob => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledJob',
  metadata: {
    name: 'order-exporter',
    namespace: 'orders',
    uid: 'sj-1',
    generation: 2,
    resourceVersion: '5',
    creationTimestamp: '2026-11-01T00:00:00Z',
  },
  spec: {
    jobTargetRef: {
      backoffLimit: 0,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'exporter',
              image: `registry.example.com/exporter:1.4.0`,
              command: ['/export', HOSTILE],
              env: [
                { name: 'API_TOKEN', value: 'literal-t0ken-value' },
                { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              ],
              resources: { requests: { cpu: '250m' } },
            },
          ],
        },
      },
    },
    pollingInterval: 15,
    maxReplicaCount: 10,
    successfulJobsHistoryLimit: 0,
    scalingStrategy: { strategy: 'accurate' },
    triggers: [
      {
        type: 'rabbitmq',
        metadata: { queueName: 'exports', mode: 'QueueLength', value: '10', host: 'amqp://u:s3cret@mq:5672' },
        authenticationRef: { name: 'orders-rabbitmq' },
      },
    ],
  },
  status: {
    lastActiveTime: '2026-11-30T11:59:00Z',
    triggersActivity: { 's0-rabbitmq-exports': { isActive: true } },
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ScaledJobReady',
        message: 'ScaledJob is defined correctly and is ready to scaling',
      },
      {
        type: 'Active',
        status: 'True',
        reason: 'ScalerActive',
        message: 'Scaling is performed because triggers are active',
      },
      { type: 'Paused', status: 'False', reason: 'ScaledJobUnpaused', message: 'ScaledJob is unpaused' },
    ],
  },
});

const job = (name: string, status: Record<string, unknown>, generation = '2'): KubeObject =>
  ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'orders',
      uid: `job-${name}`,
      creationTimestamp: String(status.startTime ?? '2026-11-30T11:59:30Z'),
      labels: { 'scaledjob.keda.sh/name': 'order-exporter' },
      annotations: { 'scaledjob.keda.sh/generation': generation },
    },
    spec: { completions: 1 },
    status,
  }) as KubeObject;

const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'orders', uid: 'secret-db' },
  data: { password: btoa('super-secret-db-password') },
} as KubeObject;

const links = (ref: ObjectRef) =>
  ref.kind === 'Job'
    ? undefined
    : `/x/${ref.kind}/${ref.namespace ?? '-'}/${ref.name}${ref.view ? `/${ref.view}` : ''}`;

const NOW = Date.parse('2026-11-30T12:00:00Z');
const fixedClock: Clock = { now: () => NOW, subscribe: () => () => {} };
const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

async function mount(client: FakeKubeClient, name = 'order-exporter') {
  const host = document.createElement('div');
  new ContextProvider(host, { context: clockContext, initialValue: fixedClock });
  document.body.append(host);
  hosts.push(host);
  render(
    html`<keda-connection .client=${client} .links=${links}>
      <keda-scaled-job-details namespace="orders" name=${name}></keda-scaled-job-details>
    </keda-connection>`,
    host,
  );
  const connection = host.querySelector('keda-connection') as KedaConnection;
  await connection.updateComplete;
  const element = connection.querySelector('keda-scaled-job-details') as ScaledJobDetails;
  const harness = new ScaledJobDetailsHarness(element);
  await harness.settle();
  return { element, harness };
}

function cluster(): FakeKubeClient {
  const client = new FakeKubeClient();
  client.byKind = true;
  client.objects = [
    sj(),
    secret,
    job(
      'order-exporter-old',
      {
        startTime: '2026-11-30T11:50:00Z',
        completionTime: '2026-11-30T11:50:40Z',
        succeeded: 1,
        conditions: [{ type: 'Complete', status: 'True' }],
      },
      '1',
    ),
    job('order-exporter-run', { startTime: '2026-11-30T11:59:30Z', active: 1 }),
  ];
  return client;
}

describe('keda-scaled-job-details', () => {
  it('shows loading, then state, settings with defaults, strategy, template, triggers and owned Jobs', async () => {
    const client = cluster();
    client.holdLists = true;
    const { harness, element } = await mount(client);
    expect(harness.message()).to.contain('Loading…');
    client.releaseLists();
    await until(() => harness.stateLabel() === 'Active' && harness.jobRows().length === 2, 'rendered');

    expect(harness.summary()).to.contain('ScalerActive: Scaling is performed because triggers are active');
    expect(harness.section('Conditions')).to.contain(
      'Ready True ScaledJobReady ScaledJob is defined correctly and is ready to scaling',
    );
    expect(harness.term('Polling interval')).to.equal('15 s');
    expect(harness.term('Min replicas')).to.equal('0 (default)');
    expect(harness.term('Successful history')).to.equal('0');
    expect(harness.term('Failed history')).to.equal('100 (default)');
    expect(harness.term('Strategy')).to.equal('accurate');
    expect(harness.term('Several triggers')).to.equal('max (default)');
    expect(harness.term('Rollout')).to.contain('immediate (default)');
    expect(harness.term('Backoff limit')).to.equal('0');
    expect(harness.term('Restart policy')).to.equal('Never');

    const [container] = harness.containerRows();
    expect(container?.[1]).to.equal('registry.example.com/exporter:1.4.0');
    expect(container?.[3]).to.contain('API_TOKEN value (not shown)');
    expect(container?.[3]).to.contain('DB_PASSWORD Secret db key password');
    expect(harness.links('Job template')).to.deep.equal([
      { text: 'Secret db key password', href: '/x/Secret/orders/db' },
    ]);

    const [trigger] = harness.triggerRows();
    expect(trigger?.slice(0, 6)).to.deep.equal([
      '0',
      'rabbitmq',
      's0-rabbitmq-exports AverageValue (default)',
      '10 value',
      '0 activationValue, default',
      'yes',
    ]);
    expect(trigger?.[7]).to.contain('host: amqp://u:****@mq:5672');
    expect(harness.links('Triggers')).to.deep.equal([
      { text: 'orders-rabbitmq', href: '/x/TriggerAuthentication/orders/orders-rabbitmq' },
    ]);

    const jobs = harness.jobRows();
    expect(jobs.map((r) => [r[0], r[1], r[2], r[3], r[4]])).to.deep.equal([
      ['order-exporter-run', 'Running', '0/1', '30s ago', '30s'],
      ['order-exporter-old from a previous version', 'Complete', '1/1', '10m ago', '40s'],
    ]);
    expect(harness.headerLink('Edit YAML')).to.equal('/x/ScaledJob/orders/order-exporter/yaml');
    expect(harness.allText()).to.contain('1 running · 0 pending · 1 complete · 0 failed');
    expect(harness.summary()).to.contain('last active 60s ago');

    // Credentials never reach the DOM: masked trigger metadata, Secret data, literal env values.
    const text = element.shadowRoot!.textContent ?? '';
    for (const secretText of [
      's3cret',
      'super-secret-db-password',
      btoa('super-secret-db-password'),
      'literal-t0ken-value',
    ])
      expect(text).not.to.contain(secretText);
    // Untrusted strings are text, never markup.
    expect(harness.containerRows()[0]?.[2]).to.contain(HOSTILE);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says not found with the API-style message, and shows list errors verbatim', async () => {
    const client = cluster();
    const { harness } = await mount(client, 'nope');
    await until(() => harness.message().startsWith('ScaledJob not found'), 'not found');
    expect(harness.message()).to.contain('scaledjobs.keda.sh "nope" not found');

    const failing = new FakeKubeClient();
    failing.byKind = true;
    const message =
      'scaledjobs.keda.sh is forbidden: User "dev" cannot list resource "scaledjobs" in API group "keda.sh" in the namespace "orders"';
    failing.listErrors = { scaledjobs: new KubeApiError(403, message) };
    const { harness: h2 } = await mount(failing);
    await until(() => h2.message().startsWith('Cannot read this ScaledJob'), 'error');
    expect(h2.message()).to.contain(message);
    expect(h2.message()).to.contain('Ask for "list" and "watch"');
  });

  it('masks credentials KEDA quotes in condition messages, in the summary and the conditions table', async () => {
    const failing = sj();
    failing.status!.conditions = [
      {
        type: 'Ready',
        status: 'False',
        reason: 'ScaledJobCheckFailed',
        message: 'error creating scaler: dial amqp://exporter:hunter2@mq:5672/: connection refused',
      },
    ];
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [failing];
    const { harness, element } = await mount(client);
    await until(() => harness.section('Conditions').includes('ScaledJobCheckFailed'), 'rendered');
    expect(harness.summary()).to.contain('dial amqp://exporter:****@mq:5672/');
    expect(harness.section('Conditions')).to.contain('dial amqp://exporter:****@mq:5672/');
    const attributes = [...element.shadowRoot!.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].map((a) => a.value),
    );
    expect(attributes.some((v) => v.includes('dial amqp://exporter:****@mq'))).to.equal(true);
    expect(attributes.filter((v) => v.includes('hunter2'))).to.deep.equal([]);
    expect(element.shadowRoot!.textContent).not.to.contain('hunter2');
  });

  it('shows an empty Jobs section and a Jobs list error without hiding the rest', async () => {
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [sj()];
    const { harness } = await mount(client);
    await until(() => harness.section('Jobs').includes('No Jobs right now'), 'empty jobs');
    expect(harness.section('Jobs')).to.contain('keeps 0 successful and 100 failed');

    const denied = new FakeKubeClient();
    denied.byKind = true;
    denied.objects = [sj()];
    denied.listErrors = {
      jobs: new KubeApiError(403, 'jobs.batch is forbidden: User "dev" cannot list resource "jobs"'),
    };
    const { harness: h2 } = await mount(denied);
    await until(() => h2.section('Jobs').includes('Cannot list Jobs'), 'jobs error');
    expect(h2.section('Jobs')).to.contain('jobs.batch is forbidden: User "dev" cannot list resource "jobs"');
    expect(h2.stateLabel()).to.equal('Active');
  });

  it('pauses, resumes with the API error shown when refused, and deletes after confirmation', async () => {
    const client = cluster();
    const { harness, element } = await mount(client);
    await until(() => harness.stateLabel() === 'Active', 'rendered');

    await harness.click('Pause');
    expect(client.writes.at(-1)).to.deep.equal({
      verb: 'patch',
      plural: 'scaledjobs',
      namespace: 'orders',
      name: 'order-exporter',
      body: { metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } } },
    });
    await until(() => harness.term('Pause').startsWith('paused'), 'paused');
    // The header takes the annotation at once, as the list does, before KEDA's Paused condition.
    expect(harness.stateLabel()).to.equal('Paused');
    expect(harness.summary()).to.contain(
      'autoscaling.keda.sh/paused: "true": KEDA stops creating Jobs; KEDA has not reported Paused=True yet',
    );
    // Its lines break where the summary says (white-space: pre-line): none before the first.
    const raw = element.shadowRoot!.querySelector('header .summary')!.textContent!;
    expect(raw.startsWith('autoscaling.keda.sh/paused'), JSON.stringify(raw)).to.equal(true);

    const message =
      'scaledjobs.keda.sh "order-exporter" is forbidden: User "viewer" cannot patch resource "scaledjobs"';
    client.failNextWrite = new KubeApiError(403, message);
    await harness.click('Resume scaling');
    await until(() => harness.notice().includes(message), 'error notice');
    await harness.click('Resume scaling');
    await until(() => harness.term('Pause') === 'not paused', 'resumed');

    let deleted: unknown;
    element.addEventListener('keda-deleted', (e) => (deleted = (e as CustomEvent).detail));
    const writes = client.writes.length;
    await harness.click('Delete');
    expect(harness.dialogText()).to.contain('Delete ScaledJob order-exporter?');
    expect(harness.dialogText()).to.contain('1 still running or pending');
    expect(client.writes.length).to.equal(writes);
    await harness.click('Delete');
    await until(() => harness.message().startsWith('ScaledJob not found'), 'deleted');
    expect(deleted).to.deep.equal({ namespace: 'orders', name: 'order-exporter' });
    expect(client.writes.at(-1)).to.deep.include({
      verb: 'delete',
      plural: 'scaledjobs',
      name: 'order-exporter',
    });
  });
});
