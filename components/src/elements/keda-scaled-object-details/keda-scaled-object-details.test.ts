import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
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
    expect(harness.term('Min replicas')).to.equal('0');
    expect(harness.term('Polling interval')).to.equal('30 s (default)');
    expect(harness.term('Replicas')).to.equal('5 current · 5 desired by the HPA');
    expect(harness.section('Scale target')).to.contain('apps/v1/Deployment (default)');
    expect(harness.term('Ready')).to.equal('4/5');
    expect(harness.section('HPA')).to.contain('s0-rabbitmq-orders 53400m 50 AverageValue');
    expect(harness.section('HPA')).to.contain('ScalingLimited True TooManyReplicas');

    const [row] = harness.triggerRows();
    expect(row?.slice(0, 6)).to.deep.equal([
      '0',
      'rabbitmq',
      's0-rabbitmq-orders AverageValue (default)',
      '50 value',
      '0 activationValue, default',
      'yes',
    ]);
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
    await harness.click('Stop forcing activation');
    expect(client.writes.at(-1)?.body).to.deep.equal({
      metadata: { annotations: { 'autoscaling.keda.sh/force-activation': null } },
    });
    await until(() => !harness.term('Pause').includes('activation forced'), 'no longer forced');

    await harness.click('Pause at…');
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('dialog.pause-replicas input');
    expect(input?.value, 'starts from the replicas running now').to.equal('5');
    await harness.setReplicas('3');
    await harness.click('Pause at 3');
    await until(() => harness.term('Pause') === 'paused at 3 replicas', 'paused at 3');
    await harness.click('Change paused replicas…');
    await harness.setReplicas('1');
    await harness.click('Pause at 1');
    await until(() => harness.term('Pause') === 'paused at 1 replicas', 'paused at 1');
    expect(client.writes.at(-1)?.body).to.deep.equal({
      metadata: {
        annotations: { 'autoscaling.keda.sh/paused-replicas': '1', 'autoscaling.keda.sh/paused': null },
      },
    });
  });
});
