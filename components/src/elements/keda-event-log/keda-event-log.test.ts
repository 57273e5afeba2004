import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../../context/define.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { EventLog } from './keda-event-log.js';
import { EventLogHarness } from './harness.js';
import { facets, filterEvents, laneOf } from './event-filter.js';
import { HOSTILE, storyRecords } from './fixtures.js';

async function mount(props: Partial<EventLog>) {
  const el = await fixture<EventLog>(html`<keda-event-log></keda-event-log>`);
  Object.assign(el, props);
  const harness = new EventLogHarness(el);
  await harness.settle();
  return { el, harness };
}

describe('event-filter', () => {
  it('filters by type, reason, source and text, table-driven', () => {
    const records = storyRecords();
    const cases: Array<{ filter: Parameters<typeof filterEvents>[1]; reasons: string[] }> = [
      {
        filter: {},
        reasons: [
          'KEDAScaleTargetActivated',
          'SuccessfulRescale',
          'ScalingReplicaSet',
          'Started',
          'KEDAScalerFailed',
        ],
      },
      { filter: { type: 'Warning' }, reasons: ['KEDAScalerFailed'] },
      { filter: { source: 'keda-operator' }, reasons: ['KEDAScaleTargetActivated', 'KEDAScalerFailed'] },
      { filter: { reason: 'ScalingReplicaSet' }, reasons: ['ScalingReplicaSet'] },
      { filter: { text: 'REPLICA SET' }, reasons: ['ScalingReplicaSet'] },
      { filter: { text: 'orders-processor-7d9f-abcde' }, reasons: ['Started'] },
      { filter: { type: 'Normal', source: 'kubelet' }, reasons: ['Started'] },
    ];
    for (const c of cases)
      expect(
        filterEvents(records, c.filter).map((e) => e.reason),
        JSON.stringify(c.filter),
      ).to.deep.equal(c.reasons);
    expect(facets(records).sources.map((f) => `${f.value}:${f.count}`)).to.deep.equal([
      'deployment-controller:1',
      'horizontal-pod-autoscaler:1',
      'keda-operator:2',
      'kubelet:1',
    ]);
    expect(records.map(laneOf)).to.deep.equal([
      'ScaledObject',
      'HorizontalPodAutoscaler',
      'Workload',
      'Pod',
      'ScaledObject',
    ]);
  });
});

describe('keda-event-log', () => {
  it('shows loading, empty and error states', async () => {
    const { el, harness } = await mount({ loading: true });
    expect(harness.state()).to.equal('loading');
    el.loading = false;
    await harness.settle();
    expect(harness.state()).to.equal('empty');
    expect(harness.stateText()).to.contain('No events');
    el.error = 'events.events.k8s.io is forbidden: User "viewer" cannot list resource "events"';
    el.errorHint = 'Ask your administrator for list and watch on events.';
    await harness.settle();
    expect(harness.state()).to.equal('error');
    expect(harness.stateText()).to.contain('cannot list resource "events"');
    expect(harness.stateText()).to.contain('Ask your administrator');
  });

  it('lists both Event shapes newest first with folded counts', async () => {
    const { harness } = await mount({ events: storyRecords() });
    expect(harness.state()).to.equal('data');
    const rows = harness.rows();
    expect(rows.map((r) => r.reason)).to.deep.equal([
      'KEDAScalerFailed',
      'Started',
      'ScalingReplicaSet',
      'SuccessfulRescale',
      'KEDAScaleTargetActivated',
    ]);
    expect(rows[0]?.count).to.match(/^×3 since/);
    expect(rows[0]?.source).to.equal('keda-operator');
    expect(rows[0]?.type).to.equal('Warning');
    expect(rows[3]?.object).to.equal('HorizontalPodAutoscaler/keda-hpa-orders-processor');
    expect(rows[3]?.source).to.equal('horizontal-pod-autoscaler');
    expect(harness.count()).to.equal('5 of 5 events');
  });

  it('masks credentials and renders hostile messages as text', async () => {
    const { harness } = await mount({ events: storyRecords() });
    const message = harness.rows()[0]?.message ?? '';
    expect(message).not.to.contain('hunter2');
    expect(message).to.contain('amqp://orders:****@rabbitmq.orders:5672/');
    expect(message).to.contain(HOSTILE);
    expect(harness.has('img')).to.equal(false);
  });

  it('filters from its menus and tells the host', async () => {
    const { el, harness } = await mount({ events: storyRecords() });
    expect(harness.options('type')).to.deep.equal(['Normal (4)', 'Warning (1)']);
    const filters: unknown[] = [];
    el.addEventListener('keda-filter-change', (e) => filters.push(e.detail));
    await harness.choose('source', 'keda-operator');
    expect(harness.rows().map((r) => r.reason)).to.deep.equal([
      'KEDAScalerFailed',
      'KEDAScaleTargetActivated',
    ]);
    await harness.choose('type', 'Normal');
    expect(harness.rows().map((r) => r.reason)).to.deep.equal(['KEDAScaleTargetActivated']);
    expect(harness.count()).to.equal('1 of 5 events');
    await harness.search('nothing like this');
    expect(harness.stateText()).to.equal('No event matches the filter.');
    expect(filters.at(-1)).to.deep.equal({
      source: 'keda-operator',
      type: 'Normal',
      text: 'nothing like this',
    });
  });

  it('links involved objects through the host', async () => {
    const connection = await fixture<KedaConnection>(
      html`<keda-connection .links=${(ref: { kind: string; name: string }) => `/x/${ref.kind}/${ref.name}`}
        ><keda-event-log></keda-event-log
      ></keda-connection>`,
    );
    const el = connection.querySelector('keda-event-log')!;
    el.events = storyRecords();
    const harness = new EventLogHarness(el);
    await harness.settle();
    expect(harness.objectHref(3)).to.equal('/x/HorizontalPodAutoscaler/keda-hpa-orders-processor');
  });
});
