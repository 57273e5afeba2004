import { ChartHarness } from '../shared/chart-harness.js';
import type { MetricChart } from './keda-metric-chart.js';

/** Reads and drives a rendered `keda-metric-chart`. */
export class MetricChartHarness extends ChartHarness<MetricChart> {
  /** The y values of the dashed threshold lines of series `index`. */
  thresholdLines(index = 0): number[] {
    const series = this.option().series[index] as { markLine?: { data?: Array<{ yAxis?: number }> } };
    return (series.markLine?.data ?? []).map((d) => Number(d.yAxis));
  }

  /** The crossing markers of series `index`: `[time, value, rotation]` (0 up, 180 down). */
  crossingMarkers(index = 0): Array<[number, number, number]> {
    const series = this.option().series[index] as {
      markPoint?: { data?: Array<{ coord: [number, number]; symbolRotate?: number }> };
    };
    return (series.markPoint?.data ?? []).map((d) => [d.coord[0], d.coord[1], d.symbolRotate ?? 0]);
  }

  /** How many points series `index` draws. */
  pointCount(index = 0): number {
    return this.seriesPointCount(index);
  }

  async pause(): Promise<void> {
    await this.clickButton('Pause chart');
  }

  async resume(): Promise<void> {
    await this.clickButton('Resume chart');
  }
}
