// Ours: one keda-metric-chart (ECharts, canvas) with 100 series, each with its target and
// activation lines; a 1 Hz append adds one sample to every series and drops the oldest.
import 'keda-elements';
import type { MetricChart, MetricChartSeries } from 'keda-elements';
import { ACTIVATION, POINTS, T0, TARGET, initialSeries, valueAt } from './data.ts';

declare global {
  interface Window {
    benchSetup(): Promise<number>;
    benchAppend(): Promise<number>;
    benchPoints(): number;
    benchLines(): number;
  }
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
let series: MetricChartSeries[] = [];
let tick = POINTS;
let chart: MetricChart;

window.benchSetup = async () => {
  series = initialSeries().map((points, s) => ({
    id: `s${s}-rabbitmq-queue-${s}`,
    points,
    ...(location.search.includes('plain') ? {} : { target: TARGET, activation: ACTIVATION }),
    targetType: 'AverageValue',
  }));
  chart = document.createElement('keda-metric-chart') as MetricChart;
  chart.style.cssText = 'display:block;width:1200px;--keda-chart-height:560px';
  const start = performance.now();
  chart.series = series;
  document.body.append(chart);
  await chart.updateComplete;
  await nextPaint();
  return performance.now() - start;
};

window.benchAppend = async () => {
  const i = tick;
  tick += 1;
  const start = performance.now();
  series = series.map((s, n) => ({
    ...s,
    points: [...s.points.slice(1), [T0 + i * 1000, valueAt(n, i)] as const],
  }));
  chart.series = series;
  await chart.updateComplete;
  await nextPaint();
  return performance.now() - start;
};

window.benchPoints = () => series.reduce((n, s) => n + s.points.length, 0);

/** Lines actually on screen: a canvas is drawn and the text alternative lists every series. */
window.benchLines = () =>
  chart.shadowRoot?.querySelector('canvas')
    ? (chart.shadowRoot.querySelectorAll('[part="text-alternative"] tbody tr').length ?? 0)
    : 0;
