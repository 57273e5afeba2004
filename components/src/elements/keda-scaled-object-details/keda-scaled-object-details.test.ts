import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { ContextProvider } from '@lit/context';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import { clockContext, type Clock } from '../../context/contexts.js';
import type { Condition } from '../../core/kube/types.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import type { KubeObject } from '../../core/kube/types.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { until } from '../../../test/mount.js';
import type { ScaledObjectDetails } from './keda-scaled-object-details.js';
import { ScaledObjectDetailsHarness } from './harness.js';

const so: ScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: {
    name: 'orders',
    namespace: 'shop',
    uid: 'so-1',
    resourceVersion: '5',
    creationTimestamp: '2026-11-01T00:00:00Z',
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
          host: 'amqp://guest:s3cret@rabbitmq:5672',
        },
        authenticationRef: { name: 'orders-rabbitmq' },
      },
    ],
  },
  status: {
    hpaName: 'keda-hpa-orders',
    externalMetricNames: ['s0-rabbitmq-orders'],
    triggersActivity: { 's0-rabbitmq-orders': { isActive: true } },
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ScaledObjectReady',
        message: 'ScaledObject is defined correctly and is ready for scaling',
      },
      {
        type: 'Active',
        status: 'True',
        reason: 'ScalerActive',
        message: 'Scaling is performed because triggers are active',
      },
      {
        type: 'Fallback',
        status: 'False',
        reason: 'NoFallbackFound',
        message: 'No fallbacks are active on this scaled object',
      },
      { type: 'Paused', status: 'False' },
      { type: 'HPAActive', status: 'True', reason: 'HPAActive', message: 'HPA is actively scaling' },
    ],
  },
};

const hpa: HorizontalPodAutoscaler = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'keda-hpa-orders', namespace: 'shop', uid: 'hpa-1', resourceVersion: '6' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-consumer' },
    minReplicas: 1,
    maxReplicas: 5,
    metrics: [
      {
        type: 'External',
        external: {
          metric: { name: 's0-rabbitmq-orders' },
          target: { type: 'AverageValue', averageValue: '50' },
        },
      },
    ],
  },
  status: {
    currentReplicas: 5,
    desiredReplicas: 5,
    currentMetrics: [
      {
        type: 'External',
        external: { metric: { name: 's0-rabbitmq-orders' }, current: { averageValue: '53400m' } },
      },
    ],
    conditions: [
      {
        type: 'ScalingLimited',
        status: 'True',
        reason: 'TooManyReplicas',
        message: 'the desired replica count is more than the maximum replica count',
      },
    ],
  },
};

const deployment: KubeObject & { spec: { replicas: number }; status: Record<string, number> } = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'orders-consumer', namespace: 'shop', uid: 'dep-1', resourceVersion: '7' },
  spec: { replicas: 5 },
  status: { replicas: 5, readyReplicas: 4, updatedReplicas: 5 },
};

async function mount(client: FakeKubeClient) {
  const connection = await fixture<KedaConnection>(html`
    <keda-connection .client=${client}>
      <keda-scaled-object-details namespace="shop" name="orders"></keda-scaled-object-details>
    </keda-connection>
  `);
  const element = connection.querySelector('keda-scaled-object-details') as ScaledObjectDetails;
  const harness = new ScaledObjectDetailsHarness(element);
  await harness.settle();
  return { element, harness };
}

const NOW = Date.parse('2026-11-30T12:00:00Z');
const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

/** Mounts under a fixed clock (for cooldowns), optionally for another name. */
async function mountAt(client: FakeKubeClient, name = 'orders') {
  const host = document.createElement('div');
  const clock: Clock = { now: () => NOW, subscribe: () => () => {} };
  new ContextProvider(host, { context: clockContext, initialValue: clock });
  document.body.append(host);
  hosts.push(host);
  render(
    html`<keda-connection .client=${client}>
      <keda-scaled-object-details namespace="shop" name=${name}></keda-scaled-object-details>
    </keda-connection>`,
    host,
  );
  const element = host.querySelector('keda-scaled-object-details') as ScaledObjectDetails;
  const harness = new ScaledObjectDetailsHarness(element);
  await harness.settle();
  return { element, harness };
}

/** A copy of `so` with other conditions (and spec/status changes). */
function soWith(
  conditions: Condition[],
  spec: Partial<ScaledObject['spec']> = {},
  status: Partial<NonNullable<ScaledObject['status']>> = {},
): ScaledObject {
  const copy = structuredClone(so);
  copy.spec = { ...copy.spec, ...spec };
  copy.status = { ...copy.status, conditions, ...status };
  return copy;
}

const READY: Condition = {
  type: 'Ready',
  status: 'True',
  reason: 'ScaledObjectReady',
  message: 'ScaledObject is defined correctly and is ready for scaling',
};
const ACTIVE: Condition = {
  type: 'Active',
  status: 'True',
  reason: 'ScalerActive',
  message: 'Scaling is performed because triggers are active',
};
const NO_FALLBACK: Condition = {
  type: 'Fallback',
  status: 'False',
  reason: 'NoFallbackFound',
  message: 'No fallbacks are active on this scaled object',
};
const NOT_PAUSED: Condition = { type: 'Paused', status: 'False' };
const NO_HPA_ACTIVE_NOTE = 'No HPAActive condition: KEDA before 2.20.2';

/** Every attribute value in the shadow DOM (titles carry full messages). */
const attributeValues = (element: HTMLElement) =>
  [...element.shadowRoot!.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));

describe('keda-scaled-object-details', () => {
  it('shows state, conditions, settings with defaults, target, HPA and triggers with masked metadata', async () => {
    const client = new FakeKubeClient();
    client.objects = [structuredClone(so), structuredClone(hpa), structuredClone(deployment)];
    const { harness, element } = await mount(client);
    await until(
      () => harness.stateLabel() === 'Active' && harness.section('HPA').includes('53400m'),
      'rendered',
    );

    expect(harness.summary()).to.equal('ScalerActive: Scaling is performed because triggers are active');
    expect(harness.section('Conditions')).to.contain('HPAActive True HPAActive HPA is actively scaling');
    expect(harness.section('Conditions')).not.to.contain(NO_HPA_ACTIVE_NOTE);
    expect(harness.term('Min replicas')).to.equal('0');
    expect(harness.term('Polling interval')).to.equal('30 s (default)');
    expect(harness.term('Replicas')).to.equal('5 current · 5 desired by the HPA');
    expect(harness.section('Scale target')).to.contain('apps/v1/Deployment (default)');
    expect(harness.term('Ready')).to.equal('4/5');
    expect(harness.section('HPA')).to.contain('s0-rabbitmq-orders 53400m 50 AverageValue');
    expect(harness.section('HPA')).to.contain('ScalingLimited True TooManyReplicas');
    expect(harness.term('Min / max')).to.equal('1 / 5');

    const [row] = harness.triggerRows();
    expect(row?.slice(0, 6)).to.deep.equal([
      '0',
      'rabbitmq',
      's0-rabbitmq-orders AverageValue (default)',
      '50 value',
      '0 activationValue, default',
      'yes',
    ]);
    expect(row?.[6], 'no health without fallback').to.equal('—');
    expect(row?.[7]).to.equal('orders-rabbitmq');
    expect(row?.[8]).to.contain('host: amqp://guest:****@rabbitmq:5672');
    expect(element.shadowRoot!.textContent).not.to.contain('s3cret');
    expect(client.calls).to.include('list scaledobjects shop');
  });

  it('pauses at N replicas, resumes and shows the API error verbatim when refused', async () => {
    const client = new FakeKubeClient();
    client.objects = [structuredClone(so), structuredClone(hpa), structuredClone(deployment)];
    const { harness } = await mount(client);
    await until(() => harness.stateLabel() === 'Active', 'rendered');

    await harness.click('Pause at…');
    await harness.setReplicas('2');
    await harness.click('Pause at 2');
    await until(() => harness.notice().startsWith('Paused at 2'), 'paused notice');
    expect(client.writes.at(-1)).to.deep.equal({
      verb: 'patch',
      plural: 'scaledobjects',
      namespace: 'shop',
      name: 'orders',
      body: {
        metadata: {
          annotations: { 'autoscaling.keda.sh/paused-replicas': '2', 'autoscaling.keda.sh/paused': null },
        },
      },
    });
    await until(() => harness.term('Pause') === 'paused at 2 replicas', 'pause shown');
    // The header takes the annotation at once, as the list does, before KEDA's Paused condition.
    expect(harness.stateLabel()).to.equal('Paused at 2');
    expect(harness.summary()).to.equal(
      'autoscaling.keda.sh/paused-replicas: "2": KEDA stops scaling, deletes the HPA and holds the target at 2 replicas; KEDA has not reported Paused=True yet',
    );

    const message =
      'scaledobjects.keda.sh "orders" is forbidden: User "viewer" cannot patch resource "scaledobjects"';
    client.failNextWrite = new KubeApiError(403, message);
    await harness.click('Resume scaling');
    await until(() => harness.notice().includes(message), 'error notice');
    expect(harness.notice()).to.contain('(403)');

    await harness.click('Resume scaling');
    await until(() => harness.term('Pause') === 'not paused', 'resumed');
    expect(client.writes.at(-1)?.body).to.deep.equal({
      metadata: {
        annotations: {
          'autoscaling.keda.sh/paused': null,
          'autoscaling.keda.sh/paused-replicas': null,
          'autoscaling.keda.sh/paused-scale-in': null,
          'autoscaling.keda.sh/paused-scale-out': null,
        },
      },
    });
  });

  it('deletes after confirmation and says so when the object is gone', async () => {
    const client = new FakeKubeClient();
    client.objects = [structuredClone(so)];
    const { harness, element } = await mount(client);
    await until(() => harness.stateLabel() === 'Active', 'rendered');
    let deleted: unknown;
    element.addEventListener('keda-deleted', (e) => (deleted = e.detail));
    await harness.click('Delete');
    expect(client.writes).to.have.length(0);
    const confirm = [...element.shadowRoot!.querySelectorAll('dialog.delete button')].find(
      (b) => b.textContent?.trim() === 'Delete',
    ) as HTMLButtonElement;
    confirm.click();
    await until(() => harness.message().startsWith('ScaledObject not found'), 'not found message');
    expect(deleted).to.deep.equal({ namespace: 'shop', name: 'orders' });
    expect(client.writes[0]).to.deep.include({ verb: 'delete', name: 'orders' });
  });

  it('header actions: force activation on and off, paused replicas changed in place, a YAML editor link', async () => {
    const client = new FakeKubeClient();
    client.objects = [structuredClone(so), structuredClone(deployment)];
    const connection = await fixture<KedaConnection>(html`
      <keda-connection
        .client=${client}
        .links=${(ref: { kind: string; namespace?: string; name: string; view?: string }) =>
          `/x/${ref.kind}/${ref.namespace}/${ref.name}${ref.view ? `/${ref.view}` : ''}`}
      >
        <keda-scaled-object-details namespace="shop" name="orders"></keda-scaled-object-details>
      </keda-connection>
    `);
    const element = connection.querySelector('keda-scaled-object-details') as ScaledObjectDetails;
    const harness = new ScaledObjectDetailsHarness(element);
    await until(() => harness.stateLabel() === 'Active', 'rendered');
    const yaml = element.shadowRoot!.querySelector<HTMLAnchorElement>('header a.button-link');
    expect(yaml?.textContent?.trim()).to.equal('Edit YAML');
    expect(yaml?.getAttribute('href')).to.equal('/x/ScaledObject/shop/orders/yaml');

    await harness.click('Force activation');
    expect(client.writes.at(-1)?.body).to.deep.equal({
      metadata: { annotations: { 'autoscaling.keda.sh/force-activation': 'true' } },
    });
    await until(() => harness.term('Pause').includes('activation forced'), 'forced shown');
    const flag = () => element.shadowRoot!.querySelector('header .state-flag.forced');
    expect(flag()?.textContent, 'flagged beside the state, as in the list').to.equal('forced');
    expect(harness.summary()).to.contain(
      'autoscaling.keda.sh/force-activation: "true": KEDA treats it as active whatever its triggers report',
    );
    await harness.click('Stop forcing activation');
    expect(client.writes.at(-1)?.body).to.deep.equal({
      metadata: { annotations: { 'autoscaling.keda.sh/force-activation': null } },
    });
    await until(() => !harness.term('Pause').includes('activation forced'), 'no longer forced');
    expect(flag()).to.equal(null);

    await harness.click('Pause at…');
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('dialog.pause-replicas input');
    expect(input?.value, 'starts from the replicas running now').to.equal('5');
    await harness.setReplicas('3');
    await harness.click('Pause at 3');
    await until(() => harness.term('Pause') === 'paused at 3 replicas', 'paused at 3');
    await harness.click('Change paused replicas…');
    await harness.setReplicas('1');
    await harness.click('Pause at 1');
    await until(() => harness.term('Pause') === 'paused at 1 replica', 'paused at 1');
    expect(client.writes.at(-1)?.body).to.deep.equal({
      metadata: {
        annotations: { 'autoscaling.keda.sh/paused-replicas': '1', 'autoscaling.keda.sh/paused': null },
      },
    });
  });

  it('shows loading as busy until the lists answer', async () => {
    const client = new FakeKubeClient();
    client.objects = [structuredClone(so)];
    client.holdLists = true;
    const { harness, element } = await mount(client);
    expect(harness.message()).to.contain('Loading…');
    expect(harness.message()).to.contain('Reading ScaledObject shop/orders');
    expect(element.shadowRoot!.querySelector('.message')?.getAttribute('aria-busy')).to.equal('true');
    client.releaseLists();
    await until(() => harness.stateLabel() === 'Active', 'rendered');
    expect(element.shadowRoot!.querySelector('.message')).to.equal(null);
  });

  it('says not found with the API-style message, and shows a list error verbatim', async () => {
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [structuredClone(so)];
    const { harness, element } = await mountAt(client, 'nope');
    await until(() => harness.message().startsWith('ScaledObject not found'), 'not found');
    expect(harness.message()).to.contain('scaledobjects.keda.sh "nope" not found');
    expect(harness.message()).to.contain('There is no ScaledObject nope in namespace shop');
    expect(element.shadowRoot!.querySelector('.message')?.getAttribute('aria-busy')).to.equal('false');

    const denied = new FakeKubeClient();
    denied.byKind = true;
    const message =
      'scaledobjects.keda.sh is forbidden: User "dev" cannot list resource "scaledobjects" in API group "keda.sh" in the namespace "shop"';
    denied.listErrors = { scaledobjects: new KubeApiError(403, message) };
    const { harness: h2 } = await mountAt(denied);
    await until(() => h2.message().startsWith('Cannot read this ScaledObject'), 'error');
    expect(h2.message()).to.contain(message);
    expect(h2.message()).to.contain('Ask for "list" and "watch" on scaledobjects.keda.sh');
  });

  it('an object KEDA has not reconciled, without triggers or HPA: pending, hints instead of tables', async () => {
    const bare: ScaledObject = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'orders', namespace: 'shop', uid: 'so-2', resourceVersion: '9' },
      spec: { scaleTargetRef: { name: 'orders-consumer' }, triggers: [] },
    };
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [bare];
    const { harness } = await mountAt(client);
    await until(() => harness.stateLabel() === 'Pending', 'rendered');
    expect(harness.summary()).to.equal('KEDA has not reported on this ScaledObject yet.');
    expect(harness.section('Conditions')).to.contain('KEDA has not written any condition yet');
    expect(harness.section('Conditions')).not.to.contain(NO_HPA_ACTIVE_NOTE);
    expect(harness.section('HPA')).to.equal(
      'HPA Name keda-hpa-orders Not found: KEDA creates it once the ScaledObject is ready.',
    );
    expect(harness.term('Replicas')).to.equal('— current');
    expect(harness.term('Status')).to.equal('not found in this namespace');
    expect(harness.triggerRows()).to.deep.equal([]);
    expect(harness.section('Triggers')).to.contain('No triggers');
    expect(harness.section('Fallback and advanced')).to.equal('');
  });

  it('KEDA 2.20.0–2.20.1 shape: HPA health in Ready, the missing HPAActive noted', async () => {
    const ready: Condition = {
      type: 'Ready',
      status: 'False',
      reason: 'HPAMetricsUnavailable',
      message: 'ScaledObject is configured correctly but HPA is not healthy: FailedGetExternalMetric',
    };
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [soWith([ready, ACTIVE, NO_FALLBACK, NOT_PAUSED])];
    const { harness } = await mountAt(client);
    await until(() => harness.stateLabel() === 'Error', 'rendered');
    expect(harness.summary()).to.equal(
      'HPAMetricsUnavailable: ScaledObject is configured correctly but HPA is not healthy: FailedGetExternalMetric',
    );
    expect(harness.section('Conditions')).to.contain(
      'Ready False HPAMetricsUnavailable ScaledObject is configured correctly but HPA is not healthy: FailedGetExternalMetric',
    );
    expect(harness.section('Conditions')).to.contain(NO_HPA_ACTIVE_NOTE);
  });

  it('KEDA 2.19 shape: no HPA condition at all, state from Active, the missing HPAActive noted', async () => {
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [soWith([READY, ACTIVE, NO_FALLBACK, NOT_PAUSED])];
    const { harness } = await mountAt(client);
    await until(() => harness.stateLabel() === 'Active', 'rendered');
    expect(harness.summary()).to.equal('ScalerActive: Scaling is performed because triggers are active');
    expect(harness.section('Conditions')).not.to.contain('HPAActive True');
    expect(harness.section('Conditions')).to.contain(NO_HPA_ACTIVE_NOTE);
  });

  it('cooldown: the header and the Scaling card count down from lastActiveTime + cooldownPeriod', async () => {
    const cooling: Condition = {
      type: 'Active',
      status: 'False',
      reason: 'ScalerCooldown',
      message: 'Scaler cooling down because triggers are not active',
    };
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [
      soWith(
        [READY, cooling, NO_FALLBACK, NOT_PAUSED],
        { cooldownPeriod: 60 },
        { lastActiveTime: new Date(NOW - 18_000).toISOString() },
      ),
    ];
    const { harness } = await mountAt(client);
    await until(() => harness.stateLabel().startsWith('Cooldown'), 'rendered');
    expect(harness.stateLabel()).to.equal('Cooldown · 42s left');
    expect(harness.summary()).to.equal('ScalerCooldown: Scaler cooling down because triggers are not active');
    expect(harness.term('Cooldown')).to.equal('42s left of 60 s');
  });

  it('never active: the Scaling card tells the initial cooldown from the cooldown period', async () => {
    const inactive: Condition = {
      type: 'Active',
      status: 'False',
      reason: 'ScalerNotActive',
      message: 'Scaling is not performed because triggers are not active',
    };
    const young = soWith([READY, inactive, NO_FALLBACK, NOT_PAUSED], { initialCooldownPeriod: 60 });
    young.metadata.creationTimestamp = new Date(NOW - 20_000).toISOString();
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [young];
    const { harness } = await mountAt(client);
    await until(() => harness.stateLabel().startsWith('Cooldown'), 'rendered');
    expect(harness.stateLabel()).to.equal('Cooldown · 40s left');
    expect(harness.term('Cooldown')).to.equal(
      '40s left of the initial 60 s (never active yet) · then 300 s after activity ends',
    );

    const old = soWith([READY, inactive, NO_FALLBACK, NOT_PAUSED], { cooldownPeriod: 120 });
    const later = new FakeKubeClient();
    later.byKind = true;
    later.objects = [old];
    const { harness: h2 } = await mountAt(later);
    await until(() => h2.stateLabel() === 'Ready', 'rendered');
    expect(h2.term('Cooldown')).to.equal(
      'not running, never active · 120 s after activity ends (initial 0 s is over)',
    );
  });

  it('masks credentials KEDA quotes in condition messages: summary, conditions and HPA conditions', async () => {
    const ready: Condition = {
      type: 'Ready',
      status: 'False',
      reason: 'ScaledObjectCheckFailed',
      message:
        "ScaledObject doesn't have correct triggers specification: dial amqp://orders:hunter2@rabbitmq:5672/: connection refused",
    };
    const unhealthy = structuredClone(hpa);
    unhealthy.status!.conditions = [
      {
        type: 'ScalingActive',
        status: 'False',
        reason: 'FailedGetExternalMetric',
        message: 'unable to fetch metrics: amqp://orders:hunter2@rabbitmq:5672 refused',
      },
    ];
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [soWith([ready, ACTIVE, NO_FALLBACK, NOT_PAUSED]), unhealthy];
    const { harness, element } = await mountAt(client);
    await until(
      () => harness.stateLabel() === 'Error' && harness.section('HPA').includes('FailedGetExternalMetric'),
      'rendered',
    );
    expect(harness.summary()).to.contain('dial amqp://orders:****@rabbitmq:5672/');
    expect(harness.section('Conditions')).to.contain('dial amqp://orders:****@rabbitmq:5672/');
    const hpaRow = [...element.shadowRoot!.querySelectorAll('table[aria-label="HPA conditions"] tbody tr')];
    expect(hpaRow[0]?.getAttribute('title')).to.equal(
      'unable to fetch metrics: amqp://orders:****@rabbitmq:5672 refused',
    );
    expect(element.shadowRoot!.textContent).not.to.contain('hunter2');
    expect(attributeValues(element).filter((v) => v.includes('hunter2'))).to.deep.equal([]);
  });

  it('shows fallback, scalingModifiers, HPA behaviour and trigger health', async () => {
    const advanced = soWith(
      [READY, ACTIVE, NO_FALLBACK, NOT_PAUSED],
      {
        fallback: { failureThreshold: 3, replicas: 2, behavior: 'currentReplicasIfHigher' },
        advanced: {
          scalingModifiers: {
            formula: 'orders * 2',
            target: '10',
            activationTarget: '2',
            metricType: 'Value',
          },
          horizontalPodAutoscalerConfig: {
            behavior: { scaleDown: { stabilizationWindowSeconds: 60 } },
          },
        },
      },
      { health: { 's0-rabbitmq-orders': { numberOfFailures: 4, status: 'Failing' } } },
    );
    advanced.spec.triggers[0]!.name = 'orders';
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [advanced];
    const { harness } = await mountAt(client);
    await until(() => harness.section('Fallback and advanced') !== '', 'rendered');
    expect(harness.term('Fallback')).to.equal(
      '2 replicas after 3 failures, behaviour currentReplicasIfHigher',
    );
    expect(harness.term('Formula')).to.equal('orders * 2 → target 10, activation 2 (Value)');
    expect(harness.term('HPA behaviour').replace(/\s/g, '')).to.equal(
      '{"scaleDown":{"stabilizationWindowSeconds":60}}',
    );
    expect(harness.triggerRows()[0]?.[6]).to.equal('Failing 4 failures');
  });
});
