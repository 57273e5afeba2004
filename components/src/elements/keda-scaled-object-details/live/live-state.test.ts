import { expect } from '@open-wc/testing';
import type { MetricSeries } from '../../../data/metrics-sampler.js';
import { EVENTS_ONLY_WINDOW_MS, MIN_LIVE_WINDOW_MS, liveWindow, metricChartSeries } from './live-state.js';

const NOW = Date.UTC(2026, 10, 30, 11, 0, 0);
const MIN = 60_000;

describe('liveWindow', () => {
  it('spans every sample, and at least the last five minutes', () => {
    expect(liveWindow([NOW - 40 * MIN, NOW - 10 * MIN], undefined, NOW)).to.deep.equal([NOW - 40 * MIN, NOW]);
    expect(liveWindow([NOW - MIN], undefined, NOW)).to.deep.equal([NOW - MIN_LIVE_WINDOW_MS, NOW]);
    expect(liveWindow([], undefined, NOW)).to.deep.equal([NOW - MIN_LIVE_WINDOW_MS, NOW]);
  });

  it('is not widened by old events once there are samples', () => {
    // The ScaledObject was created (and evented) a week ago; sampling started a minute ago.
    expect(liveWindow([NOW - MIN, undefined], NOW - 7 * 24 * 60 * MIN, NOW)).to.deep.equal([
      NOW - MIN_LIVE_WINDOW_MS,
      NOW,
    ]);
  });

  it('reaches back to the events of the last hour while nothing is sampled', () => {
    expect(liveWindow([undefined], NOW - 20 * MIN, NOW)).to.deep.equal([NOW - 20 * MIN, NOW]);
    expect(liveWindow([], NOW - 5 * 60 * MIN, NOW)).to.deep.equal([NOW - EVENTS_ONLY_WINDOW_MS, NOW]);
  });
});

describe('metricChartSeries', () => {
  const orders = (samples: MetricSeries['samples']): MetricSeries => ({
    metricName: 's0-rabbitmq-orders',
    targetType: 'AverageValue',
    target: 50,
    activationThreshold: 0,
    samples,
  });

  it('holds the last value until now, as the watched HPA status still says it', () => {
    const [series] = metricChartSeries([orders([{ t: NOW - 3 * MIN, value: 12, source: 'hpa' }])], [], NOW);
    expect(series!.points).to.deep.equal([
      [NOW - 3 * MIN, 12],
      [NOW, 12],
    ]);
    expect(series!.target).to.equal(50);
    expect(series!.activation).to.equal(0);
  });

  it('adds nothing when the last sample is now, when there is none, or without a now', () => {
    expect(
      metricChartSeries([orders([{ t: NOW, value: 3, source: 'hpa' }])], [], NOW)[0]!.points,
    ).to.deep.equal([[NOW, 3]]);
    expect(metricChartSeries([orders([])], [], NOW)[0]!.points).to.deep.equal([]);
    expect(
      metricChartSeries([orders([{ t: NOW - MIN, value: 3, source: 'hpa' }])], [])[0]!.points,
    ).to.have.length(1);
  });
});
