// Pure helpers of keda-replica-chart.

/** `[epoch milliseconds, replicas]`. */
export type ReplicaSample = readonly [time: number, replicas: number];

/** A scaling action to mark on the chart (a replica change and, when known, why). */
export interface ScalingMarker {
  t: number;
  from: number;
  to: number;
  /** Who scaled: `KEDA` (activation, deactivation), `HPA`… */
  by?: string;
  /** The explanation, e.g. "Scaled out 1 -> 5: s0-rabbitmq-orders 267 against target 50 per pod…". */
  sentence?: string;
}

/** Replica changes found in a series, for when no explained actions are given. */
export function changesOf(points: readonly ReplicaSample[]): ScalingMarker[] {
  const out: ScalingMarker[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const [, before] = points[i - 1]!;
    const [t, after] = points[i]!;
    if (after !== before) out.push({ t, from: before, to: after });
  }
  return out;
}

/** The markers within `tolerance` ms of `t` (what a cursor at `t` is pointing at). */
export function markersNear(
  markers: readonly ScalingMarker[],
  t: number,
  tolerance: number,
): ScalingMarker[] {
  return markers.filter((m) => Math.abs(m.t - t) <= tolerance);
}

/** The value of a step series at `t` (the last sample at or before it). */
export function valueAt(points: readonly ReplicaSample[], t: number): number | undefined {
  let lo = 0;
  let hi = points.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = points[mid]!;
    if (p[0] <= t) {
      found = p[1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function markerLabel(m: ScalingMarker): string {
  const verb = m.to > m.from ? 'Scaled out' : 'Scaled in';
  return m.sentence ?? `${verb} ${m.from} -> ${m.to}${m.by ? ` (${m.by})` : ''}`;
}

export function replicaSummary(
  current: readonly ReplicaSample[],
  desired: readonly ReplicaSample[],
  min: number | undefined,
  max: number | undefined,
  markers: readonly ScalingMarker[],
): string {
  const c = current.at(-1)?.[1];
  const d = desired.at(-1)?.[1];
  const parts = [
    `Replicas: ${c ?? 'unknown'} current`,
    d !== undefined ? `${d} desired` : undefined,
    min !== undefined || max !== undefined ? `limits ${min ?? '?'} to ${max ?? '?'}` : undefined,
    `${markers.length} scaling action${markers.length === 1 ? '' : 's'} in view`,
  ].filter(Boolean);
  const last = markers.at(-1);
  return `${parts.join(', ')}.${last ? ` Last: ${markerLabel(last)}.` : ''}`;
}
