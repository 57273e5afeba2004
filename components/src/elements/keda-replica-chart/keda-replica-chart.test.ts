import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { ReplicaChart } from './keda-replica-chart.js';
import { ReplicaChartHarness } from './harness.js';
import { changesOf, replicaSummary, valueAt, type ReplicaSample } from './replica-series.js';

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const steps = (values: number[]): ReplicaSample[] => values.map((v, i) => [T0 + i * 15_000, v]);

async function mount(props: Partial<ReplicaChart>) {
  const el = await fixture<ReplicaChart>(
    html`<keda-replica-chart style="width: 600px"></keda-replica-chart>`,
  );
  Object.assign(el, props);
  const harness = new ReplicaChartHarness(el);
  await harness.settle();
  return { el, harness };
}

describe('replica-series', () => {
  it('finds changes and step values, table-driven', () => {
    const cases: Array<{ values: number[]; want: Array<[number, number]> }> = [
      { values: [], want: [] },
      { values: [0, 0], want: [] },
      {
        values: [0, 1, 4, 5, 5, 0],
        want: [
          [0, 1],
          [1, 4],
          [4, 5],
          [5, 0],
        ],
      },
    ];
    for (const c of cases)
      expect(
        changesOf(steps(c.values)).map((m) => [m.from, m.to]),
        JSON.stringify(c),
      ).to.deep.equal(c.want);
    const s = steps([0, 1, 4]);
    expect(valueAt(s, T0 - 1)).to.equal(undefined);
    expect(valueAt(s, T0 + 20_000)).to.equal(1);
    expect(valueAt(s, T0 + 99_000)).to.equal(4);
    expect(replicaSummary(s, steps([0, 4, 5]), 0, 5, changesOf(s))).to.equal(
      'Replicas: 4 current, 5 desired, limits 0 to 5, 2 scaling actions in view. Last: Scaled out 1 -> 4.',
    );
  });
});

describe('keda-replica-chart', () => {
  it('shows loading, empty and error states', async () => {
    const { el, harness } = await mount({ loading: true });
    expect(harness.state()).to.equal('loading');
    el.loading = false;
    await harness.settle();
    expect(harness.state()).to.equal('empty');
    el.error = 'horizontalpodautoscalers.autoscaling "keda-hpa-orders" is forbidden';
    await harness.settle();
    expect(harness.state()).to.equal('error');
    expect(harness.stateText()).to.contain('"keda-hpa-orders" is forbidden');
  });

  it('draws current and desired with the min/max band and scaling markers', async () => {
    const { harness } = await mount({
      current: steps([0, 1, 1, 4, 5]),
      desired: steps([0, 1, 4, 5, 5]),
      min: 0,
      max: 5,
      group: 'so/orders',
    });
    expect(harness.state()).to.equal('data');
    expect(harness.toolbar()).to.contain('5 current · 5 desired · min 0 / max 5');
    expect(harness.band()).to.deep.equal([0, 5]);
    expect(harness.markers().map(([, v]) => v)).to.deep.equal([1, 4, 5]);
    expect(harness.group()).to.equal('so/orders');
    expect(harness.tableRows().map((r) => r.slice(1))).to.deep.equal([
      ['0', '1', 'Scaled out 0 -> 1'],
      ['1', '4', 'Scaled out 1 -> 4'],
      ['4', '5', 'Scaled out 4 -> 5'],
    ]);
  });

  it('shows explained actions as text, hostile sentences included', async () => {
    const hostile = 'Scaled out 1 -> 5: <script>window.__pwned=1</script> against target 50';
    const { harness } = await mount({
      current: steps([1, 5]),
      desired: steps([5, 5]),
      actions: [{ t: T0 + 15_000, from: 1, to: 5, sentence: hostile }],
    });
    expect(harness.tableRows()[0]?.[3]).to.equal(hostile);
    const tip = await harness.tooltipAt(1);
    expect(tip.text).to.contain(hostile);
    expect(tip.html).to.contain('&lt;script&gt;');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps its text alternative inside its own width, however long the sentences', async () => {
    const long =
      `Scaled out 1 -> 5: ${'s0-rabbitmq-orders above its target of 50 messages per replica; '.repeat(4)}`.trim();
    const host = await fixture<HTMLDivElement>(
      html`<div style="position: relative; width: 400px; overflow: auto"></div>`,
    );
    const el = document.createElement('keda-replica-chart') as ReplicaChart;
    host.append(el);
    Object.assign(el, {
      current: steps([1, 5]),
      desired: steps([5, 5]),
      actions: [{ t: T0 + 15_000, from: 1, to: 5, sentence: long }],
    });
    const harness = new ReplicaChartHarness(el);
    await harness.settle();
    expect(harness.tableRows()[0]?.[3]).to.equal(long);
    expect(host.scrollWidth, 'the hidden table widened its container').to.equal(host.clientWidth);
  });
});
