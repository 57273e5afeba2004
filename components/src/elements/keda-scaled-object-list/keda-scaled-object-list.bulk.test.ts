import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { ScaledObject } from '../../core/keda/types.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import { KubeApiError } from '../../data/kube-client.js';
import { KedaStore } from '../../data/keda-store.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import type { BulkActionDetail } from '../shared/list-view.js';
import type { ScaledObjectList } from './keda-scaled-object-list.js';
import { ListHarness } from './harness.js';

function scaledObject(name: string, namespace: string, annotations?: Record<string, string>): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: '1', annotations },
    spec: { scaleTargetRef: { name }, triggers: [{ type: 'rabbitmq', metadata: { queueName: 'q' } }] },
    status: {
      conditions: [
        { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
        { type: 'Active', status: 'False', reason: 'ScalerNotActive' },
        { type: 'Paused', status: 'False' },
      ],
    },
  };
}

function hpa(name: string, namespace: string, replicas: number): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace, uid: `uid-hpa-${namespace}-${name}` },
    spec: { scaleTargetRef: { kind: 'Deployment', name }, maxReplicas: 10 },
    status: { currentReplicas: replicas, desiredReplicas: replicas },
  };
}

async function mount(client: FakeKubeClient) {
  const connection = await fixture<KedaConnection>(html`
    <keda-connection .client=${client}><keda-scaled-object-list></keda-scaled-object-list></keda-connection>
  `);
  const list = connection.querySelector('keda-scaled-object-list') as ScaledObjectList;
  const harness = new ListHarness(list);
  await until(() => harness.rows().length > 0, 'rows');
  return { list, harness };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const PAUSED = 'autoscaling.keda.sh/paused';

describe('keda-scaled-object-list selection and bulk actions', () => {
  it('selects with clicks, space, shift-click ranges and the header box, and counts in the bulk bar', async () => {
    const client = new FakeKubeClient();
    client.objects = ['a', 'b', 'c', 'd', 'e'].map((n) => scaledObject(n, 'shop'));
    const { harness } = await mount(client);
    expect(harness.bulkBar()).to.equal(undefined);
    expect(harness.selectAllState()).to.equal('none');

    await harness.check('b');
    expect(harness.isChecked('b')).to.equal(true);
    expect(harness.bulkBar()).to.equal('1 ScaledObject selected');
    expect(harness.bulkActions()).to.deep.equal([
      'Pause',
      'Resume',
      'Force activation',
      'Stop forcing',
      'Delete…',
    ]);
    expect(harness.selectAllState()).to.equal('some');

    await harness.check('d', { shift: true });
    expect(['a', 'b', 'c', 'd', 'e'].map((n) => harness.isChecked(n))).to.deep.equal([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(harness.bulkBar()).to.equal('3 ScaledObjects selected');

    harness.checkboxOf('e').focus();
    await sendKeys({ press: 'Space' });
    await harness.settle();
    expect(harness.isChecked('e')).to.equal(true, 'space toggles the focused row');

    await harness.toggleAll();
    expect(harness.selectAllState()).to.equal('all');
    expect(harness.bulkBar()).to.equal('5 ScaledObjects selected');
    await harness.toggleAll();
    expect(harness.selectAllState()).to.equal('none');
    expect(harness.bulkBar()).to.equal(undefined);
  });

  it('the header box takes the filtered rows only, and the bar says how many are hidden', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      scaledObject('orders', 'shop'),
      scaledObject('billing', 'shop'),
      scaledObject('web', 'ops'),
    ];
    const { harness } = await mount(client);
    await harness.typeFilter('ns:shop');
    expect(harness.selectAllLabel()).to.equal('Select all 2 shown');
    await harness.toggleAll();
    await harness.typeFilter('');
    expect(harness.isChecked('orders') && harness.isChecked('billing')).to.equal(true);
    expect(harness.isChecked('web')).to.equal(false);
    await harness.typeFilter('orders');
    expect(harness.bulkBar()).to.equal('2 ScaledObjects selected (1 hidden by the filter)');
  });

  it('pauses and resumes in bulk through KEDA annotations; the watch shows the result', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      scaledObject('orders', 'shop'),
      scaledObject('billing', 'shop'),
      scaledObject('web', 'ops'),
    ];
    const { list, harness } = await mount(client);
    const events: BulkActionDetail[] = [];
    list.addEventListener('keda-bulk-action', (e) => events.push(e.detail));
    await harness.check('orders');
    await harness.check('billing');
    await harness.bulk('Pause');
    await until(() => harness.bulkResult() !== undefined, 'result');
    expect(client.writes.map((w) => [w.verb, w.name, w.body])).to.deep.equal([
      ['patch', 'billing', { metadata: { annotations: { [PAUSED]: 'true' } } }],
      ['patch', 'orders', { metadata: { annotations: { [PAUSED]: 'true' } } }],
    ]);
    expect(harness.bulkResult()?.summary).to.match(/^Paused 2 ScaledObjects\./);
    expect(events[0]).to.deep.include({ action: 'pause', failed: [] });
    expect(events[0]!.succeeded.map((s) => s.name)).to.deep.equal(['billing', 'orders']);

    // KEDA's answer arrives through the watch: Paused=True.
    for (const name of ['orders', 'billing']) {
      const so = client.objects.find((o) => o.metadata.name === name) as ScaledObject;
      client.emit('MODIFIED', {
        ...so,
        status: {
          conditions: [
            { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
            {
              type: 'Paused',
              status: 'True',
              reason: 'ScaledObjectPaused',
              message: 'ScaledObject is paused',
            },
          ],
        },
      } as ScaledObject);
    }
    await until(() => harness.row('orders')?.STATE === 'Paused', 'paused state');
    expect(harness.row('billing')?.STATE).to.equal('Paused');
    expect(harness.row('web')?.STATE).not.to.equal('Paused');
    expect(harness.isChecked('orders')).to.equal(true, 'the selection survives watch updates');

    await harness.bulk('Resume');
    await until(() => client.writes.length === 4, 'resume writes');
    expect(client.writes[2]!.body).to.deep.equal({
      metadata: {
        annotations: {
          [PAUSED]: null,
          'autoscaling.keda.sh/paused-replicas': null,
          'autoscaling.keda.sh/paused-scale-in': null,
          'autoscaling.keda.sh/paused-scale-out': null,
        },
      },
    });
    await harness.bulk('Force activation');
    await until(() => client.writes.length === 6, 'force writes');
    expect(client.writes[5]!.body).to.deep.equal({
      metadata: { annotations: { 'autoscaling.keda.sh/force-activation': 'true' } },
    });
  });

  it('reports each failure with the API Status message verbatim while the others succeed', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('billing', 'shop'), scaledObject('orders', 'shop')];
    const { harness } = await mount(client);
    await harness.toggleAll();
    const message =
      'scaledobjects.keda.sh "billing" is forbidden: User "viewer" cannot patch resource "scaledobjects" in API group "keda.sh" in the namespace "shop"';
    client.failNextWrite = new KubeApiError(403, message);
    await harness.bulk('Pause');
    await until(() => harness.bulkResult() !== undefined, 'result');
    const result = harness.bulkResult()!;
    expect(result.summary).to.match(/^Paused 1 ScaledObject\. 1 ScaledObject failed:/);
    expect(result.failures).to.have.length(1);
    expect(result.failures[0]).to.contain(`shop/billing ${message}`);
    expect(result.failures[0]).to.match(/RBAC|permission|allowed/i);
    expect(harness.isChecked('billing')).to.equal(true, 'the failed one stays selected to retry');
  });

  it('deletes only after a confirmation that names every object; cancel sends nothing', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      scaledObject('orders', 'shop'),
      scaledObject('billing', 'shop'),
      scaledObject('web', 'ops'),
    ];
    const { harness } = await mount(client);
    await harness.check('orders');
    await harness.check('web');
    await harness.bulk('Delete…');
    await until(() => harness.confirmation() !== undefined, 'dialog');
    expect(harness.confirmation()).to.deep.equal({
      title: 'Delete 2 ScaledObjects?',
      names: ['ops/web', 'shop/orders'],
    });
    await harness.answerConfirmation(false);
    expect(harness.confirmation()).to.equal(undefined);
    expect(client.writes).to.have.length(0);

    await harness.bulk('Delete…');
    await until(() => harness.confirmation() !== undefined, 'dialog again');
    await harness.answerConfirmation(true);
    await until(() => harness.names().length === 1, 'deleted rows gone');
    expect(client.writes.map((w) => [w.verb, w.namespace, w.name])).to.deep.equal([
      ['delete', 'ops', 'web'],
      ['delete', 'shop', 'orders'],
    ]);
    expect(harness.names()).to.deep.equal(['billing']);
    expect(harness.bulkBar()).to.equal(undefined, 'deleted rows leave the selection');
    expect(harness.bulkResult()?.summary).to.equal('Deleted 2 ScaledObjects.');
  });
});

describe('keda-scaled-object-list with several clusters', () => {
  it('adds a CLUSTER column, filterable with cluster: and sortable, and writes to the right cluster', async () => {
    const east = new FakeKubeClient();
    east.byKind = true;
    east.objects = [scaledObject('web', 'prod'), hpa('keda-hpa-web', 'prod', 3)];
    const west = new FakeKubeClient();
    west.byKind = true;
    west.objects = [scaledObject('web', 'prod'), scaledObject('api', 'dev'), hpa('keda-hpa-web', 'prod', 7)];
    const list = await fixture<ScaledObjectList>(html`<keda-scaled-object-list></keda-scaled-object-list>`);
    const harness = new ListHarness(list);
    list.clusters = [
      { name: 'west', store: new KedaStore(west) },
      { name: 'east', store: new KedaStore(east), links: (ref) => `/east/${ref.namespace}/${ref.name}` },
    ];
    await until(() => harness.rows().length === 3, 'rows from both clusters');
    expect(harness.headers().slice(0, 3)).to.deep.equal(['NAME', 'CLUSTER', 'NAMESPACE']);
    expect(harness.rows().map((r) => `${r[1]}:${r[0]}`)).to.deep.equal(['west:api', 'east:web', 'west:web']);
    expect(harness.statusText()).to.contain('3 ScaledObjects in 2 clusters');
    await until(() => harness.rows().every((r) => r[4] !== '…'), 'the HPAs of both clusters');
    expect(harness.rows().map((r) => `${r[1]}:${r[0]}:${r[4]}`)).to.deep.equal(
      ['west:api:—', 'east:web:3', 'west:web:7'],
      "each cluster's own HPA",
    );

    await harness.sortBy('CLUSTER');
    expect(harness.rows().map((r) => `${r[1]}:${r[0]}`)).to.deep.equal(['east:web', 'west:api', 'west:web']);
    await harness.typeFilter('cluster:east');
    expect(harness.rows().map((r) => `${r[1]}:${r[0]}`)).to.deep.equal(['east:web']);
    expect(harness.linkHref('web')).to.equal('/east/prod/web');

    await harness.toggleAll();
    await harness.bulk('Pause');
    await until(() => east.writes.length === 1, 'write to east');
    expect(west.writes).to.have.length(0);
  });

  it('keeps the CLUSTER column off with a single cluster, where cluster: is an unknown filter', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('web', 'prod')];
    const { harness } = await mount(client);
    expect(harness.headers()).not.to.include('CLUSTER');
    await harness.typeFilter('cluster:east');
    expect(harness.filterErrors()[0]).to.match(/^Unknown filter "cluster:"/);
  });
});
