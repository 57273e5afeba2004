// Pure helpers of keda-metric-chart: what it plots, where a value crosses a threshold, the text
// alternative, and number formatting with units.

/** One sample: `[epoch milliseconds, value]` (tuples go to ECharts as they are, no copy). */
export type MetricSample = readonly [time: number, value: number];

/** One metric line: usually one trigger's metric with its target and activation threshold. */
export interface MetricChartSeries {
  /** Stable id, usually the HPA metric name (`s0-rabbitmq-orders`). */
  id: string;
  /** What the legend and the text alternative call it; defaults to `id`. */
  label?: string;
  /** Samples in time order; never changed in place (pass a new array, as for any Lit property). */
  points: readonly MetricSample[];
  /** The HPA target (per pod for `AverageValue`). */
  target?: number;
  /** KEDA's activation threshold: the trigger is active above it. */
  activation?: number;
  /** `AverageValue`, `Value` or `Utilization`: how the target is read. */
  targetType?: string;
  /** Unit shown after values (`msg`, `%`, `ms`…); the element's `unit` when unset. */
  unit?: string;
}

export type CrossingDirection = 'up' | 'down';

export interface Crossing {
  /** The first sample on the new side of the threshold. */
  t: number;
  v: number;
  direction: CrossingDirection;
  threshold: 'target' | 'activation';
}

/**
 * Where a series crosses `value`: `up` at the first sample above it after one at or below it,
 * `down` at the first sample at or below it after one above (KEDA activates on value >
 * activation; the HPA wants more pods on value > target).
 */
export function crossings(
  points: readonly MetricSample[],
  value: number | undefined,
  threshold: Crossing['threshold'],
): Crossing[] {
  if (value === undefined || !Number.isFinite(value)) return [];
  // The table and the markers ask for the same crossings of the same samples in one update.
  let byThreshold = crossingsMemo.get(points);
  if (!byThreshold) {
    byThreshold = new Map();
    crossingsMemo.set(points, byThreshold);
  }
  const key = `${threshold} ${value}`;
  let found = byThreshold.get(key);
  if (!found) {
    found = findCrossings(points, value, threshold);
    byThreshold.set(key, found);
  }
  return [...found];
}

const crossingsMemo = new WeakMap<readonly MetricSample[], Map<string, readonly Crossing[]>>();

function findCrossings(
  points: readonly MetricSample[],
  value: number,
  threshold: Crossing['threshold'],
): Crossing[] {
  const out: Crossing[] = [];
  let above: boolean | undefined;
  for (const [t, v] of points) {
    if (!Number.isFinite(v)) continue;
    const now = v > value;
    if (above !== undefined && now !== above) out.push({ t, v, direction: now ? 'up' : 'down', threshold });
    above = now;
  }
  return out;
}

/** Rounds for display: integers as they are, otherwise up to 3 significant decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // String() spells integers the same way below 1e21 (and is far cheaper than an Intl format).
  if (Number.isInteger(value))
    return Math.abs(value) < 1e21 && !Object.is(value, -0)
      ? String(value)
      : value.toLocaleString('en-US', { useGrouping: false });
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}

/** Compact axis labels: 1500 → 1.5k, 2_000_000 → 2M. */
export function formatAxis(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatNumber(value / 1e9)}G`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6)}M`;
  if (abs >= 1e4) return `${formatNumber(value / 1e3)}k`;
  return formatNumber(value);
}

export function withUnit(value: number, unit: string | undefined): string {
  const n = formatNumber(value);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** Where the latest value stands, in words. */
export function standing(series: MetricChartSeries, latest: number): string {
  const parts: string[] = [];
  if (series.activation !== undefined) {
    parts.push(
      latest > series.activation ? 'above activation (active)' : 'at or below activation (inactive)',
    );
  }
  if (series.target !== undefined) {
    parts.push(latest > series.target ? 'above target' : 'at or below target');
  }
  return parts.join(', ');
}

/** One row of the text alternative. */
export interface LatestRow {
  id: string;
  label: string;
  latest: string;
  at: number | undefined;
  target: string;
  activation: string;
  standing: string;
  crossings: number;
}

export function latestRows(series: readonly MetricChartSeries[], unit: string | undefined): LatestRow[] {
  return series.map((s) => {
    const u = s.unit ?? unit;
    const last = s.points.at(-1);
    const per = s.targetType === 'AverageValue' ? ' per pod' : '';
    return {
      id: s.id,
      label: s.label ?? s.id,
      latest: last ? withUnit(last[1], u) : 'no sample',
      at: last?.[0],
      target: s.target !== undefined ? `${withUnit(s.target, u)}${per}` : '—',
      activation: s.activation !== undefined ? withUnit(s.activation, u) : '—',
      standing: last ? standing(s, last[1]) : '',
      crossings:
        crossings(s.points, s.target, 'target').length +
        crossings(s.points, s.activation, 'activation').length,
    };
  });
}

/** A one-sentence summary for screen readers (the chart's accessible name). */
export function summarySentence(series: readonly MetricChartSeries[], unit: string | undefined): string {
  const rows = latestRows(series, unit);
  if (rows.length === 0) return 'No metric samples.';
  return rows
    .map(
      (r) =>
        `${r.label}: ${r.latest}${r.target !== '—' ? ` against target ${r.target}` : ''}${
          r.standing ? `, ${r.standing}` : ''
        }.`,
    )
    .join(' ');
}

/**
 * Fewer points that draw the same line at `buckets` × 2 pixels: the samples in `[from, to]` are cut
 * into `buckets` runs and each run keeps its minimum and maximum (in time order), so peaks and
 * crossings stay visible. The sample just outside each end of the window and the series' first
 * and last samples are kept too, so the axis extent (and a zoom relative to it) does not change.
 */
export function decimate(
  points: readonly MetricSample[],
  buckets: number,
  from = -Infinity,
  to = Infinity,
): readonly MetricSample[] {
  const n = points.length;
  if (n === 0) return points;
  let i0 = 0;
  while (i0 < n && points[i0]![0] < from) i0 += 1;
  let i1 = n - 1;
  while (i1 >= 0 && points[i1]![0] > to) i1 -= 1;
  i0 = Math.max(0, i0 - 1);
  i1 = Math.min(n - 1, i1 + 1);
  const inWindow = i1 - i0 + 1;
  if (inWindow <= buckets * 2 && i0 === 0 && i1 === n - 1) return points;
  const out: MetricSample[] = [];
  if (i0 > 0) out.push(points[0]!);
  if (inWindow <= buckets * 2) {
    for (let i = i0; i <= i1; i += 1) out.push(points[i]!);
  } else {
    const size = inWindow / buckets;
    for (let b = 0; b < buckets; b += 1) {
      const start = i0 + Math.floor(b * size);
      const end = Math.min(i1 + 1, i0 + Math.floor((b + 1) * size));
      if (end <= start) continue;
      let lo = start;
      let hi = start;
      for (let i = start + 1; i < end; i += 1) {
        const v = points[i]![1];
        if (v < points[lo]![1]) lo = i;
        if (v > points[hi]![1]) hi = i;
      }
      if (lo === hi) out.push(points[lo]!);
      else if (lo < hi) out.push(points[lo]!, points[hi]!);
      else out.push(points[hi]!, points[lo]!);
    }
    if (out.at(-1) !== points[i1]) out.push(points[i1]!);
  }
  if (i1 < n - 1) out.push(points[n - 1]!);
  return out;
}

/**
 * Samples as ECharts' flat typed array (`t0, v0, t1, v1, …`): ECharts neither deep-clones nor
 * walks a typed array on `setOption`, which with tuples costs more than drawing them.
 */
export function flatSamples(points: readonly MetricSample[]): Float64Array {
  const out = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i += 1) {
    const [t, v] = points[i]!;
    out[i * 2] = t;
    out[i * 2 + 1] = v;
  }
  return out;
}
