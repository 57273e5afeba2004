import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { MetricChart } from './keda-metric-chart.js';
import { MetricChartHarness } from './harness.js';
import {
  crossings,
  decimate,
  formatNumber,
  latestRows,
  type MetricChartSeries,
  type MetricSample,
} from './metric-series.js';

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const samples = (values: number[]): MetricSample[] => values.map((v, i) => [T0 + i * 15_000, v]);

const orders: MetricChartSeries = {
  id: 's0-rabbitmq-orders',
  label: 's0-rabbitmq-orders',
  points: samples([0, 0, 3, 267, 240, 120, 40, 0]),
  target: 50,
  activation: 1,
  targetType: 'AverageValue',
  unit: 'msg',
};

async function mount(props: Partial<MetricChart>, width = 600) {
  const el = await fixture<MetricChart>(
    html`<keda-metric-chart style="width: ${width}px"></keda-metric-chart>`,
  );
  Object.assign(el, props);
  const harness = new MetricChartHarness(el);
  await harness.settle();
  return { el, harness };
}

describe('metric-series', () => {
  it('finds crossings in both directions, table-driven', () => {
    const cases: Array<{ values: number[]; at: number; want: Array<[number, 'up' | 'down']> }> = [
      { values: [0, 0, 0], at: 1, want: [] },
      {
        values: [0, 5, 0],
        at: 1,
        want: [
          [5, 'up'],
          [0, 'down'],
        ],
      },
      {
        values: [1, 2, 1],
        at: 1,
        want: [
          [2, 'up'],
          [1, 'down'],
        ],
      },
      {
        values: [60, 40, 50, 51],
        at: 50,
        want: [
          [40, 'down'],
          [51, 'up'],
        ],
      },
      { values: [70, 80], at: 50, want: [] },
    ];
    for (const c of cases) {
      const got = crossings(samples(c.values), c.at, 'target').map((x) => [x.v, x.direction]);
      expect(got, JSON.stringify(c)).to.deep.equal(c.want);
    }
    expect(crossings(samples([0, 5]), undefined, 'target')).to.deep.equal([]);
  });

  it('thins long series to min/max per bucket, keeping peaks and the extent', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 537 ? 999 : i % 10));
    const points = samples(values);
    expect(decimate(points, 600)).to.equal(points);
    const thin = decimate(points, 50);
    expect(thin.length).to.be.at.most(102);
    expect(thin[0]).to.equal(points[0]);
    expect(thin.at(-1)).to.equal(points.at(-1));
    expect(Math.max(...thin.map((p) => p[1]))).to.equal(999);
    expect(thin.map((p) => p[0])).to.deep.equal([...thin.map((p) => p[0])].sort((a, b) => a - b));
    const from = points[100]![0];
    const to = points[199]![0];
    const zoomed = decimate(points, 500, from, to);
    expect(zoomed.slice(1, -1).map((p) => p[0])).to.deep.equal(points.slice(99, 201).map((p) => p[0]));
    expect(zoomed[0]).to.equal(points[0]);
    expect(zoomed.at(-1)).to.equal(points.at(-1));
  });

  it('formats numbers and latest rows', () => {
    expect(formatNumber(267)).to.equal('267');
    expect(formatNumber(2.5)).to.equal('2.5');
    expect(formatNumber(0.12345)).to.equal('0.123');
    expect(formatNumber(1234567)).to.equal('1234567');
    expect(formatNumber(-42)).to.equal('-42');
    expect(formatNumber(1e21)).to.equal('1000000000000000000000');
    const [row] = latestRows([orders], undefined);
    expect(row?.latest).to.equal('0 msg');
    expect(row?.target).to.equal('50 msg per pod');
    expect(row?.standing).to.equal('at or below activation (inactive), at or below target');
    expect(row?.crossings).to.equal(4);
  });
});

describe('keda-metric-chart', () => {
  it('shows loading, empty and error states', async () => {
    const { el, harness } = await mount({ loading: true, heading: 'orders' });
    expect(harness.state()).to.equal('loading');
    el.loading = false;
    el.emptyText = 'The HPA has not reported this metric yet.';
    await harness.settle();
    expect(harness.state()).to.equal('empty');
    expect(harness.stateText()).to.equal('The HPA has not reported this metric yet.');
    el.error = 'external metrics "s0-rabbitmq-orders" is forbidden: User "viewer" cannot list resource';
    el.errorHint = 'Ask for get on external.metrics.k8s.io.';
    await harness.settle();
    expect(harness.state()).to.equal('error');
    expect(harness.stateText()).to.contain('is forbidden: User "viewer" cannot list resource');
    expect(harness.stateText()).to.contain('Ask for get on external.metrics.k8s.io.');
  });

  it('draws the value against target and activation with crossing markers and a text alternative', async () => {
    const { harness } = await mount({ series: [orders] });
    expect(harness.state()).to.equal('data');
    expect(harness.toolbar()).to.contain('s0-rabbitmq-orders');
    expect(harness.toolbar()).to.contain('0 msg / target 50 msg per pod · activation 1 msg');
    expect(harness.thresholdLines()).to.deep.equal([50, 1]);
    expect(harness.pointCount()).to.equal(8);
    // up through 50 at 267, down at 40; up through 1 at 3, down at 0
    expect(harness.crossingMarkers().map(([, v, r]) => [v, r])).to.deep.equal([
      [267, 0],
      [40, 180],
      [3, 0],
      [0, 180],
    ]);
    const [row] = harness.tableRows();
    expect(row?.[0]).to.equal('s0-rabbitmq-orders');
    expect(row?.[1]).to.equal('0 msg');
    expect(row?.[3]).to.equal('50 msg per pod');
    expect(harness.summary()).to.contain('s0-rabbitmq-orders: 0 msg against target 50 msg per pod');
  });

  it('appends live samples and stops drawing them while paused', async () => {
    const { el, harness } = await mount({ series: [orders] });
    const grow = (v: number) => {
      const s = el.series[0]!;
      el.series = [{ ...s, points: [...s.points, [T0 + s.points.length * 15_000, v] as const] }];
    };
    grow(300);
    await harness.settle();
    expect(harness.pointCount()).to.equal(9);
    expect(harness.tableRows()[0]?.[1]).to.equal('300 msg');
    let fired: boolean | undefined;
    el.addEventListener('keda-pause-change', (e) => (fired = e.detail.paused));
    await harness.pause();
    expect(fired).to.equal(true);
    grow(310);
    grow(320);
    await harness.settle();
    expect(harness.pointCount()).to.equal(9);
    expect(harness.toolbar()).to.contain('2 new');
    await harness.resume();
    expect(fired).to.equal(false);
    expect(harness.pointCount()).to.equal(11);
    expect(harness.tableRows()[0]?.[1]).to.equal('320 msg');
  });

  it('renders hostile metric names as text, in the table and the tooltip', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { harness } = await mount({ series: [{ ...orders, id: hostile, label: hostile }] });
    expect(harness.tableRows()[0]?.[0]).to.equal(hostile);
    expect(harness.has('img')).to.equal(false);
    const tip = await harness.tooltipAt(3);
    expect(tip.text).to.contain(hostile);
    expect(tip.text).to.contain('267 msg');
    expect(tip.html).to.contain('&lt;img');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps every line at full detail while it fits, and shares a point budget among many lines', async () => {
    const long = (n: number): MetricChartSeries => ({
      id: `s${n}-queue`,
      points: Array.from({ length: 3600 }, (_, i) => [T0 + i * 1000, (i * (n + 3)) % 97] as const),
    });
    const one = await mount({ series: [long(0)] }, 1200);
    // 1200 px: one min/max pair per 2 px.
    expect(one.harness.pointCount()).to.be.within(1000, 1202);
    const many = await mount({ series: Array.from({ length: 100 }, (_, n) => long(n)) }, 1200);
    const counts = Array.from({ length: 100 }, (_, n) => many.harness.pointCount(n));
    expect(counts.reduce((a, b) => a + b, 0)).to.be.at.most(60_000 + 200);
    expect(Math.min(...counts)).to.be.at.least(100);
    expect(many.harness.tableRows()).to.have.length(100);
  });

  it('joins a connect group and shows a legend for several series', async () => {
    const second: MetricChartSeries = { id: 's1-cpu', points: samples([10, 20]), target: 70, unit: '%' };
    const { harness } = await mount({ series: [orders, second], group: 'so/orders' });
    expect(harness.group()).to.equal('so/orders');
    expect(harness.option().series.map((s) => s.id)).to.deep.equal(['s0-rabbitmq-orders', 's1-cpu']);
    expect(harness.tableRows().map((r) => r[1])).to.deep.equal(['0 msg', '20%']);
  });
});
