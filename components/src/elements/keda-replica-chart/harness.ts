import { ChartHarness } from '../shared/chart-harness.js';
import type { ReplicaChart } from './keda-replica-chart.js';

/** Reads and drives a rendered `keda-replica-chart`. */
export class ReplicaChartHarness extends ChartHarness<ReplicaChart> {
  /** The min/max band as `[min, max]`, if drawn. */
  band(): [number, number] | undefined {
    const current = this.option().series.find((s) => s.id === 'current') as {
      markArea?: { data?: Array<[{ yAxis: number }, { yAxis: number }]> };
    };
    const area = current?.markArea?.data?.[0];
    return area ? [Number(area[0].yAxis), Number(area[1].yAxis)] : undefined;
  }

  /** The scaling markers as `[time, replicas after]`. */
  markers(): Array<[number, number]> {
    const scaling = this.option().series.find((s) => s.id === 'scaling') as {
      data?: Array<{ value: [number, number] }>;
    };
    return (scaling?.data ?? []).map((d) => [d.value[0], d.value[1]]);
  }
}
