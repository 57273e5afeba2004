import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { ObjectRef } from '../../context/contexts.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import * as fx from '../../core/graph/fixture-cluster.js';
import { buildRelationshipGraph } from '../../core/graph/build.js';
import type { KubeObject } from '../../core/kube/types.js';
import type { RelationshipGraphElement } from './keda-relationship-graph.js';
import { RelationshipGraphHarness } from './harness.js';

const withKind = (kind: string, items: readonly KubeObject[]) => items.map((o) => ({ ...o, kind }));

function clusterClient(): FakeKubeClient {
  const client = new FakeKubeClient();
  client.byKind = true;
  client.objects = [
    ...fx.scaledObjects,
    ...fx.scaledJobs,
    ...fx.triggerAuthentications,
    ...fx.clusterTriggerAuthentications,
    ...fx.hpas,
    ...withKind('Deployment', fx.deployments),
    ...withKind('StatefulSet', fx.statefulSets),
    ...withKind('ReplicaSet', fx.replicaSets),
    ...withKind('Pod', fx.pods),
    ...withKind('Job', fx.jobs),
  ];
  return client;
}

const links = (ref: ObjectRef) =>
  ref.kind === 'ScaledObject' || ref.kind === 'TriggerAuthentication'
    ? `/${ref.kind.toLowerCase()}s/${ref.namespace}/${ref.name}`
    : undefined;

async function mount(client: FakeKubeClient, attrs: { focus?: string; namespace?: string } = {}) {
  const connection = await fixture<KedaConnection>(html`
    <keda-connection .client=${client} .links=${links}>
      <keda-relationship-graph
        style="--keda-graph-height: 500px"
        focus-node=${attrs.focus ?? ''}
        namespace=${attrs.namespace ?? ''}
      ></keda-relationship-graph>
    </keda-connection>
  `);
  const element = connection.querySelector('keda-relationship-graph') as RelationshipGraphElement;
  const harness = new RelationshipGraphHarness(element);
  await harness.settle();
  return { connection, element, harness };
}

/** Clicks on anchors (including synthetic ones) as a host's router would see them. */
function captureNavigation(): { hrefs: string[]; stop: () => void } {
  const hrefs: string[] = [];
  const listener = (event: Event) => {
    const a = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (a) {
      event.preventDefault();
      hrefs.push(a.getAttribute('href') ?? '');
    }
  };
  document.addEventListener('click', listener);
  return { hrefs, stop: () => document.removeEventListener('click', listener) };
}

describe('keda-relationship-graph', () => {
  it('shows loading until the ScaledObjects are listed', async () => {
    const client = clusterClient();
    client.holdLists = true;
    const { harness } = await mount(client);
    expect(harness.messageTitle()).to.equal('Loading…');
    client.releaseLists();
    await harness.waitForCanvas();
    expect(harness.messageTitle()).to.equal('');
  });

  it("shows the API's own message when ScaledObjects cannot be listed", async () => {
    const client = clusterClient();
    client.listErrors.scaledobjects = new KubeApiError(
      403,
      'scaledobjects.keda.sh is forbidden: User "dev" cannot list resource "scaledobjects" in API group "keda.sh" at the cluster scope',
      { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403 },
    );
    const { harness } = await mount(client);
    for (let i = 0; i < 50 && harness.messageTitle() !== 'Cannot read ScaledObjects'; i += 1)
      await harness.settle();
    expect(harness.messageTitle()).to.equal('Cannot read ScaledObjects');
    expect(harness.messageText()).to.contain('User "dev" cannot list resource "scaledobjects"');
  });

  it('says there is nothing to show in an empty namespace', async () => {
    const { harness } = await mount(clusterClient(), { namespace: 'empty' });
    for (let i = 0; i < 50 && harness.messageTitle() !== 'Nothing to show'; i += 1) await harness.settle();
    expect(harness.messageTitle()).to.equal('Nothing to show');
    expect(harness.messageText()).to.contain('empty');
  });

  it('draws every object of the model and lists them with real links', async () => {
    const { harness } = await mount(clusterClient());
    const model = buildRelationshipGraph(fx.fixtureInput);
    await harness.waitForCanvas(model.nodes.length);
    expect(harness.canvasNodeIds().sort()).to.deep.equal(model.nodes.map((n) => n.id).sort());
    expect(harness.summary()).to.contain(`${model.nodes.length} objects, ${model.edges.length} relations`);
    const items = harness.listItems();
    expect(items.some((t) => t.startsWith('queue orders rabbitmq'))).to.equal(true);
    expect(items.some((t) => t.includes('3 pods') && t.includes('2/3 ready'))).to.equal(true);
    expect(harness.links()).to.deep.include({
      label: 'orders-processor',
      href: '/scaledobjects/orders/orders-processor',
    });
    expect(harness.isListVisible()).to.equal(false, 'list is for screen readers until toggled');
    await harness.clickButton('Show as list');
    expect(harness.isListVisible()).to.equal(true);
  });

  it('scopes to a namespace', async () => {
    const { harness } = await mount(clusterClient(), { namespace: 'shop' });
    await harness.waitForCanvas();
    const ids = harness.canvasNodeIds();
    expect(ids).to.include('ScaledObject/shop/storefront-api');
    expect(ids.some((id) => id.includes('/orders/'))).to.equal(false);
  });

  it('colours nodes by state from the --keda-* properties and follows theme changes', async () => {
    const { harness, element } = await mount(clusterClient());
    await harness.waitForCanvas();
    element.style.setProperty('--keda-ok', 'rgb(1, 2, 3)');
    element.style.setProperty('--keda-error', 'rgb(200, 0, 0)');
    element.refreshTheme();
    expect(harness.borderColour('ScaledObject/orders/orders-processor')).to.equal('rgb(1,2,3)');
    expect(harness.borderColour('ScaledObject/shop/storefront-api')).to.equal('rgb(200,0,0)');
    document.documentElement.style.setProperty('--keda-ok', 'rgb(4, 5, 6)');
    element.style.removeProperty('--keda-ok');
    for (
      let i = 0;
      i < 20 && harness.borderColour('ScaledObject/orders/orders-processor') !== 'rgb(4,5,6)';
      i += 1
    ) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    document.documentElement.style.removeProperty('--keda-ok');
    expect(harness.borderColour('ScaledObject/orders/orders-processor')).to.equal('rgb(4,5,6)');
  });

  it('clicking a node follows its link; nodes without a page do nothing', async () => {
    const { harness } = await mount(clusterClient());
    await harness.waitForCanvas();
    const nav = captureNavigation();
    try {
      harness.tapNode('ScaledObject/orders/orders-processor');
      harness.tapNode('ReplicaSet/orders/orders-processor-7d9f/pods');
      harness.tapNode('TriggerAuthentication/orders/orders-rabbitmq');
    } finally {
      nav.stop();
    }
    expect(nav.hrefs).to.deep.equal([
      '/scaledobjects/orders/orders-processor',
      '/triggerauthentications/orders/orders-rabbitmq',
    ]);
  });

  it('arrow keys move between objects along the relations and Enter opens one', async () => {
    const { harness } = await mount(clusterClient());
    await harness.waitForCanvas();
    harness.focusCanvas();
    await harness.settle();
    expect(harness.announcement()).to.match(/^orders-processor, ScaledObject, Active/);
    await harness.key('ArrowLeft');
    expect(harness.announcement()).to.match(/^s\d-(rabbitmq-orders|prometheus), /);
    await harness.key('ArrowRight');
    expect(harness.announcement()).to.match(/^orders-processor, ScaledObject/);
    await harness.key('ArrowRight');
    const next = harness.announcement();
    expect(next).to.match(/TriggerAuthentication|HPA/);
    // Walk down to the TriggerAuthentication next to it and open it.
    for (
      let i = 0;
      i < 4 && !harness.announcement().startsWith('orders-rabbitmq, TriggerAuthentication');
      i += 1
    ) {
      await harness.key(i < 2 ? 'ArrowUp' : 'ArrowDown');
    }
    expect(harness.announcement()).to.match(/^orders-rabbitmq, TriggerAuthentication/);
    const nav = captureNavigation();
    try {
      await harness.key('Enter');
    } finally {
      nav.stop();
    }
    expect(nav.hrefs).to.deep.equal(['/triggerauthentications/orders/orders-rabbitmq']);
  });

  it('focuses on one object and its neighbourhood, and back', async () => {
    const { harness, element } = await mount(clusterClient(), {
      focus: 'ScaledObject/orders/orders-processor',
    });
    await harness.waitForCanvas();
    const ids = harness.canvasNodeIds();
    expect(ids).to.include('ReplicaSet/orders/orders-processor-7d9f/pods');
    expect(ids).to.include('Secret/(keda)/prometheus-token');
    expect(ids).not.to.include('ScaledObject/shop/storefront-api');
    expect(ids).not.to.include('ScaledJob/orders/order-exporter');
    const events: string[] = [];
    element.addEventListener('keda-focus-change', (e) =>
      events.push((e as CustomEvent<{ focus: string }>).detail.focus),
    );
    await harness.clickButton('Show everything');
    await harness.waitForCanvas(buildRelationshipGraph(fx.fixtureInput).nodes.length);
    expect(events).to.deep.equal(['']);
    expect(element.focusNode).to.equal('');
  });

  it('says so when the focused object is not there', async () => {
    const { harness } = await mount(clusterClient(), { focus: 'ScaledObject/orders/nope' });
    for (let i = 0; i < 50 && harness.messageTitle() !== 'Not in this graph'; i += 1) await harness.settle();
    expect(harness.messageTitle()).to.equal('Not in this graph');
  });

  it('hover details are text (markup in names stays text) and credentials stay masked', async () => {
    const client = clusterClient();
    const evil = structuredClone(fx.scaledObjects[0]!);
    evil.metadata.name = '<img src=x onerror=alert(1)>';
    client.objects.push(evil);
    const { harness } = await mount(client);
    await harness.waitForCanvas();
    harness.hoverNode('ScaledObject/orders/<img src=x onerror=alert(1)>');
    const tip = harness.tooltip();
    expect(tip).to.not.equal(null);
    expect(tip!.querySelector('img')).to.equal(null);
    expect(tip!.textContent).to.contain('<img src=x onerror=alert(1)>');
    harness.hoverNode('source/kafka/kafka.shop:9092/topic=clicks');
    expect(harness.tooltip()!.textContent).to.contain('****');
    expect(harness.tooltip()!.textContent).not.to.contain('k4fka-s3cret');
  });

  it('follows watch events (coalesced): a new ScaledObject appears', async function () {
    this.timeout(10_000);
    const client = clusterClient();
    const { harness } = await mount(client);
    const before = buildRelationshipGraph(fx.fixtureInput).nodes.length;
    await harness.waitForCanvas(before);
    const added = structuredClone(fx.scaledObjects[0]!);
    added.metadata.name = 'orders-canary';
    delete added.status;
    added.spec.scaleTargetRef = { name: 'orders-canary' };
    client.emit('ADDED', added);
    // A ScaledObject, its HPA (missing), its Deployment (missing) and two metrics; sources are shared.
    await harness.waitForCanvas(before + 5);
    expect(harness.canvasNodeIds()).to.include('ScaledObject/orders/orders-canary');
  });

  it('shows a prebuilt graph without a store', async () => {
    const element = await fixture<RelationshipGraphElement>(
      html`<keda-relationship-graph style="--keda-graph-height: 400px"></keda-relationship-graph>`,
    );
    const harness = new RelationshipGraphHarness(element);
    expect(harness.messageTitle()).to.equal('Not connected');
    element.graph = buildRelationshipGraph(fx.fixtureInput);
    await harness.waitForCanvas(element.graph.nodes.length);
    const zoom = harness.zoom();
    await harness.clickButton('Zoom in');
    expect(harness.zoom()).to.be.greaterThan(zoom);
    await harness.clickButton('Fit');
    expect(harness.zoom()).to.be.closeTo(zoom, 0.001);
  });
});
