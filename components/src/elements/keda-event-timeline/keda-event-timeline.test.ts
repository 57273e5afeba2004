import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { ScalingEpisode } from '../../core/story/types.js';
import type { EventTimeline } from './keda-event-timeline.js';
import { EventTimelineHarness } from './harness.js';
import { HOSTILE, storyRecords, T0 } from '../keda-event-log/fixtures.js';

const records = storyRecords();
const episode = (over: Partial<ScalingEpisode>): ScalingEpisode => ({
  id: 'ep-1',
  time: T0 + 20_000,
  from: 1,
  to: 5,
  direction: 'out',
  cause: { kind: 'metric', readings: [], allBelowTarget: false },
  limits: [{ kind: 'maxReplicaCount', value: 5 }],
  sentence:
    'Scaled out 1 -> 5: s0-rabbitmq-orders 267 against target 50 per pod wants 6, capped by maxReplicaCount 5',
  events: records.filter((e) => e.reason === 'SuccessfulRescale' || e.reason === 'ScalingReplicaSet'),
  ...over,
});

async function mount(props: Partial<EventTimeline>) {
  const el = await fixture<EventTimeline>(
    html`<keda-event-timeline style="width: 700px"></keda-event-timeline>`,
  );
  Object.assign(el, props);
  const harness = new EventTimelineHarness(el);
  await harness.settle();
  return { el, harness };
}

describe('keda-event-timeline', () => {
  it('shows loading, empty and error states', async () => {
    const { el, harness } = await mount({ loading: true });
    expect(harness.state()).to.equal('loading');
    el.loading = false;
    await harness.settle();
    expect(harness.state()).to.equal('empty');
    el.error = 'the server could not find the requested resource';
    await harness.settle();
    expect(harness.state()).to.equal('error');
    expect(harness.stateText()).to.contain('the server could not find the requested resource');
  });

  it('puts events on lanes by object and lists the episode sentences with their events', async () => {
    const activation = episode({
      id: 'ep-0',
      time: T0,
      from: 0,
      to: 1,
      direction: 'activate',
      sentence: 'Activated 0 -> 1: s0-rabbitmq-orders 267 above activation 0',
      events: records.filter((e) => e.reason === 'KEDAScaleTargetActivated'),
    });
    const { harness } = await mount({ events: records, episodes: [activation, episode({})], group: 'g' });
    expect(harness.state()).to.equal('data');
    expect(harness.lanes()).to.deep.equal(['Scaling', 'ScaledObject', 'HPA', 'Workload', 'Pod']);
    const plotted = harness.plotted();
    expect(plotted.get('e2')?.lane).to.equal('HPA');
    expect(plotted.get('e4')!.size).to.be.greaterThan(plotted.get('e2')!.size);
    expect(harness.episodes()).to.deep.equal([
      {
        move: '1 → 5',
        sentence:
          'Scaled out 1 -> 5: s0-rabbitmq-orders 267 against target 50 per pod wants 6, capped by maxReplicaCount 5',
        reasons: 'SuccessfulRescale · ScalingReplicaSet',
      },
      {
        move: '0 → 1',
        sentence: 'Activated 0 -> 1: s0-rabbitmq-orders 267 above activation 0',
        reasons: 'KEDAScaleTargetActivated',
      },
    ]);
    expect(harness.summary()).to.contain('5 events (1 warnings) and 2 scaling episodes');
    expect(harness.group()).to.equal('g');
  });

  it('applies the log filter to events but keeps the episodes', async () => {
    const { harness } = await mount({
      events: records,
      episodes: [episode({})],
      filter: { type: 'Warning' },
    });
    expect([...harness.plotted().keys()]).to.deep.equal(['e4']);
    expect(harness.lanes()).to.deep.equal(['Scaling', 'ScaledObject']);
    expect(harness.episodes()).to.have.length(1);
  });

  it('shows hostile messages as text in tooltips, credentials masked', async () => {
    const { harness } = await mount({ events: records });
    const tip = await harness.eventTooltip('e4');
    expect(tip.text).to.contain(HOSTILE);
    expect(tip.text).not.to.contain('hunter2');
    expect(tip.html).to.contain('&lt;img');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
