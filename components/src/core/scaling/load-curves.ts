/**
 * Load curves for the what-if preview: a metric value over time (queue length, lag, requests…,
 * or for cpu/memory the demand in percent of one pod's request), as points joined by straight
 * lines. Presets give typical shapes; a custom curve is any list of points a person drags.
 */

/** One point of a curve: `t` seconds from the start, the metric `value` there. */
export interface LoadPoint {
  t: number;
  value: number;
}

export type LoadPresetId = 'burst' | 'ramp' | 'daily' | 'spiky';

export interface LoadCurve {
  /** The preset it came from, or `custom` once edited. */
  id: LoadPresetId | 'custom';
  durationSeconds: number;
  /** Sorted by `t`, first at 0, last at `durationSeconds`. */
  points: LoadPoint[];
}

export interface LoadPreset {
  id: LoadPresetId;
  label: string;
  description: string;
}

export const LOAD_PRESETS: readonly LoadPreset[] = [
  {
    id: 'burst',
    label: 'Burst',
    description: 'Nothing for 2 minutes, the peak for 5 minutes, then nothing (30 minutes).',
  },
  {
    id: 'ramp',
    label: 'Ramp',
    description: 'Rises to the peak over 30 minutes, holds 10, falls over 10 (1 hour).',
  },
  {
    id: 'daily',
    label: 'Daily',
    description: 'Quiet nights, a morning rise, the peak around noon (24 hours).',
  },
  {
    id: 'spiky',
    label: 'Spiky',
    description: 'A low baseline with 30-second spikes to the peak every 7 minutes (1 hour).',
  },
];

const round = (v: number): number => Math.round(v * 1000) / 1000;

/** A preset's curve scaled so its highest point is `peak`. */
export function presetCurve(id: LoadPresetId, peak = 100): LoadCurve {
  const p = (t: number, fraction: number): LoadPoint => ({ t, value: round(peak * fraction) });
  switch (id) {
    case 'burst':
      return {
        id,
        durationSeconds: 1800,
        points: [p(0, 0), p(119, 0), p(120, 1), p(420, 1), p(421, 0), p(1800, 0)],
      };
    case 'ramp':
      return { id, durationSeconds: 3600, points: [p(0, 0), p(1800, 1), p(2400, 1), p(3000, 0), p(3600, 0)] };
    case 'daily': {
      const h = 3600;
      return {
        id,
        durationSeconds: 24 * h,
        points: [
          p(0, 0.05),
          p(6 * h, 0.05),
          p(9 * h, 0.8),
          p(12 * h, 1),
          p(14 * h, 0.9),
          p(18 * h, 0.4),
          p(22 * h, 0.1),
          p(24 * h, 0.05),
        ],
      };
    }
    case 'spiky': {
      const points: LoadPoint[] = [p(0, 0.1)];
      for (let start = 300; start + 30 < 3600; start += 420) {
        points.push(p(start, 0.1), p(start + 1, 1), p(start + 30, 1), p(start + 31, 0.1));
      }
      points.push(p(3600, 0.1));
      return { id, durationSeconds: 3600, points };
    }
  }
}

/** The curve's value at `t` (linear between points, flat beyond the ends, never negative). */
export function loadAt(curve: LoadCurve, t: number): number {
  const pts = curve.points;
  const first = pts[0];
  if (!first) return 0;
  if (t <= first.t) return Math.max(0, first.value);
  for (let i = 1; i < pts.length; i++) {
    const b = pts[i] as LoadPoint;
    if (t <= b.t) {
      const a = pts[i - 1] as LoadPoint;
      const v = b.t === a.t ? b.value : a.value + ((b.value - a.value) * (t - a.t)) / (b.t - a.t);
      return Math.max(0, v);
    }
  }
  return Math.max(0, (pts[pts.length - 1] as LoadPoint).value);
}

/** The highest value of a curve. */
export function curvePeak(curve: LoadCurve): number {
  return curve.points.reduce((m, p) => Math.max(m, p.value), 0);
}

/**
 * A copy of the curve with one point moved (to a value ≥ 0, and in time between its neighbours;
 * the first and last points keep their times). The result is a `custom` curve.
 */
export function movePoint(curve: LoadCurve, index: number, to: LoadPoint): LoadCurve {
  const points = curve.points.map((p) => ({ ...p }));
  const point = points[index];
  if (!point) return curve;
  const prev = points[index - 1];
  const next = points[index + 1];
  const fixedTime = index === 0 || index === points.length - 1;
  point.value = round(Math.max(0, to.value));
  if (!fixedTime) point.t = Math.round(Math.min(next ? next.t : to.t, Math.max(prev ? prev.t : 0, to.t)));
  return { id: 'custom', durationSeconds: curve.durationSeconds, points };
}
