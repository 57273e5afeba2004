import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { Condition, KubeObject } from '../../core/kube/types.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { KubeApiError, type APIResourceList } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { until } from '../../../test/mount.js';
import { OverviewHarness } from './harness.js';
import type { KedaOverview } from './keda-overview.js';

class DiscoveringClient extends FakeKubeClient {
  discovery: APIResourceList | KubeApiError = {
    kind: 'APIResourceList',
    groupVersion: 'external.metrics.k8s.io/v1beta1',
    resources: [{ name: 'externalmetrics', namespaced: true, kind: 'ExternalMetricValueList' }],
  };
  discovered: string[] = [];
  async discover(groupVersion: string): Promise<APIResourceList> {
    this.discovered.push(groupVersion);
    if (this.discovery instanceof KubeApiError) throw this.discovery;
    return this.discovery;
  }
}

const c = (type: string, status: string, reason?: string): Condition => ({ type, status, reason });
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function so(name: string, namespace: string, conditions: Condition[]): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace, uid: `so-${namespace}-${name}`, creationTimestamp: ago(600) },
    spec: { scaleTargetRef: { name }, triggers: [{ type: 'rabbitmq', metadata: {} }] },
    status: { conditions },
  };
}

function event(
  name: string,
  kind: string,
  ns: string,
  involved: string,
  reason: string,
  message: string,
  minutes: number,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns, uid: `ev-${name}`, creationTimestamp: ago(minutes) },
    involvedObject: { kind, namespace: ns, name: involved },
    reason,
    message,
    type: 'Normal',
    count: 1,
    lastTimestamp: ago(minutes),
    firstTimestamp: ago(minutes),
  } as KubeObject;
}

const operator = (available: number): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'keda-operator', namespace: 'keda', uid: 'op' },
    spec: { replicas: 1 },
    status: {
      availableReplicas: available,
      conditions: [
        {
          type: 'Available',
          status: available ? 'True' : 'False',
          message: available
            ? 'Deployment has minimum availability.'
            : 'Deployment does not have minimum availability.',
        },
      ],
    },
  }) as KubeObject;

const ready = [c('Ready', 'True'), c('Active', 'False', 'ScalerNotActive'), c('Paused', 'False')];
const active = [c('Ready', 'True'), c('Active', 'True', 'ScalerActive')];
const paused = [c('Ready', 'True'), c('Paused', 'True', 'ScaledObjectPaused')];

async function mount(client: FakeKubeClient, setup: (el: KedaOverview) => void = () => {}) {
  const connection = await fixture<KedaConnection>(
    html`<keda-connection .client=${client}><keda-overview></keda-overview></keda-connection>`,
  );
  connection.links = (ref) => `/${ref.kind}/${ref.namespace}/${ref.name}`;
  const element = connection.querySelector('keda-overview')!;
  setup(element);
  const harness = new OverviewHarness(element);
  await harness.settle();
  return { connection, element, harness };
}

function seeded(): DiscoveringClient {
  const client = new DiscoveringClient();
  client.byKind = true;
  client.objects = [
    so('orders', 'shop', active),
    so('mail', 'shop', ready),
    so('reports', 'office', paused),
    operator(1),
    event(
      'e1',
      'ScaledObject',
      'shop',
      'orders',
      'KEDAScaleTargetActivated',
      'Scaled apps/v1.Deployment shop/orders from 0 to 1, triggered by s0-rabbitmq-orders',
      12,
    ),
    event(
      'e2',
      'HorizontalPodAutoscaler',
      'shop',
      'keda-hpa-orders',
      'SuccessfulRescale',
      'New size: 4; reason: external metric s0-rabbitmq-orders above target',
      10,
    ),
    event(
      'e3',
      'HorizontalPodAutoscaler',
      'shop',
      'keda-hpa-mail',
      'SuccessfulRescale',
      'New size: 2; reason: external metric s0 above target',
      40,
    ),
    event('e4', 'Pod', 'shop', 'orders-abc', 'Scheduled', 'Successfully assigned', 5),
  ];
  return client;
}

describe('keda-overview', () => {
  it('counts ScaledObjects by state, each count a link to the filtered list', async () => {
    const client = seeded();
    const { element, harness } = await mount(client, (el) => {
      el.listHref = (q) => `/${q.kind}?filter=${q.filter}`;
    });
    await until(() => harness.total('ScaledObjects') === '3', 'total');
    expect(harness.counts('ScaledObjects')).to.deep.equal({
      Ready: '1',
      Active: '1',
      Cooldown: '0',
      Fallback: '0',
      Paused: '1',
      Error: '0',
    });
    expect(harness.countHref('ScaledObjects', 'Paused')).to.equal('/ScaledObject?filter=state:paused');
    expect(harness.total('ScaledJobs')).to.equal('0');
    expect(harness.statusText()).to.contain('All namespaces · Live');

    element.namespaces = ['office'];
    await harness.settle();
    expect(harness.total('ScaledObjects')).to.equal('1');
    expect(harness.counts('ScaledObjects').Paused).to.equal('1');

    // Live: a ScaledObject turning paused moves between counts without a reload.
    element.namespaces = [];
    client.emit('MODIFIED', so('mail', 'shop', paused));
    await until(() => harness.counts('ScaledObjects').Paused === '2', 'paused after the watch event');
    expect(harness.counts('ScaledObjects').Ready).to.equal('0');
  });

  it('lists recent scaling events and the most active ScaledObjects, with object links', async () => {
    const client = seeded();
    const { element, harness } = await mount(client);
    await until(() => harness.events().length === 3, 'events');
    expect(harness.events()).to.deep.equal([
      { who: 'shop/orders', change: '1 → 4', reason: 'SuccessfulRescale', href: '/ScaledObject/shop/orders' },
      {
        who: 'shop/orders',
        change: '0 → 1',
        reason: 'KEDAScaleTargetActivated',
        href: '/ScaledObject/shop/orders',
      },
      { who: 'shop/mail', change: '→ 2', reason: 'SuccessfulRescale', href: '/ScaledObject/shop/mail' },
    ]);
    expect(harness.mostActive()).to.deep.equal(['shop/orders 2 4', 'shop/mail 1 2']);
    // ScaledObjects' changes are scaling episodes (core/story) with their explanation.
    expect(harness.eventsText()).to.contain('Scaled out 1 -> 4: s0-rabbitmq-orders above target');
    expect(harness.eventsText()).to.contain('Activated 0 -> 1: s0-rabbitmq-orders active');

    let picked = '';
    element.addEventListener('keda-range-change', (e) => (picked = e.detail.range));
    await harness.chooseRange('15m');
    expect(picked).to.equal('15m');
    expect(harness.events().map((e) => e.reason)).to.deep.equal([
      'SuccessfulRescale',
      'KEDAScaleTargetActivated',
    ]);
    expect(harness.mostActive()).to.deep.equal(['shop/orders 2 4']);
  });

  it('shows KEDA health: CRDs, operator and metrics API, with the API messages', async () => {
    const client = seeded();
    const { harness } = await mount(client);
    await until(() => harness.health().every((h) => h.status === 'ok'), 'all healthy');
    expect(client.discovered).to.deep.equal(['external.metrics.k8s.io/v1beta1']);
    expect(harness.health().map((h) => h.id)).to.deep.equal(['crds', 'operator', 'metrics-api']);

    client.emit('MODIFIED', operator(0));
    client.discovery = new KubeApiError(503, 'the server is currently unable to handle the request');
    await harness.checkAgain();
    await until(() => harness.health()[2]!.status === 'problem', 'metrics api problem');
    await until(() => harness.health()[1]!.status === 'problem', 'operator problem');
    expect(harness.health()[1]!.detail).to.contain('Deployment does not have minimum availability.');
    expect(harness.health()[2]!.detail).to.match(/^the server is currently unable to handle the request\./);
  });

  it('says when KEDA is not installed (the API 404 verbatim) and when nothing scaled', async () => {
    const client = new DiscoveringClient();
    client.byKind = true;
    client.listErrors = {
      scaledobjects: new KubeApiError(404, 'the server could not find the requested resource'),
    };
    client.discovery = new KubeApiError(404, 'the server could not find the requested resource');
    const { harness } = await mount(client);
    await until(() => harness.bannerText().includes('Cannot list ScaledObjects'), 'error banner');
    expect(harness.bannerText()).to.contain('the server could not find the requested resource');
    await until(() => harness.health()[0]!.status === 'problem', 'crd problem');
    expect(harness.health()[0]!.detail).to.contain("KEDA's CRDs are not installed");
    await until(() => harness.health()[1]!.status === 'unknown', 'no operator');
    expect(harness.eventsText()).to.contain('No scaling in the last 1h');
  });

  it('renders event messages as text and masks credentials in them', async () => {
    const client = seeded();
    client.objects.push(
      event(
        'evil',
        'ScaledObject',
        'shop',
        'orders',
        'KEDAScaleTargetActivationFailed',
        'Failed <img src=x onerror=alert(1)> amqp://user:hunter2@rabbit',
        1,
      ),
    );
    const { element, harness } = await mount(client);
    await until(() => harness.events().length === 4, 'events');
    const text = harness.eventsText();
    expect(text).to.contain('<img src=x onerror=alert(1)>');
    expect(text).not.to.contain('hunter2');
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
