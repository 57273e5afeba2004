// The benchmark's data: SERIES metric series of POINTS samples one second apart (a queue-like
// signal per series, deterministic), and the next sample of each series for a 1 Hz append.
export const SERIES = 100;
export const POINTS = 3600;
export const T0 = Date.parse('2026-11-30T08:00:00Z');
export const TARGET = 50;
export const ACTIVATION = 5;

/** Sample `i` (seconds since T0) of series `s`. */
export function valueAt(s: number, i: number): number {
  const phase = (s * 37) % 360;
  const base = 40 + 30 * Math.sin(((i + phase) / 600) * Math.PI * 2);
  const wobble = 8 * Math.sin((i * (s + 3)) / 17);
  return Math.max(0, Math.round((base + wobble + (s % 7)) * 10) / 10);
}

/** Every series' samples `[from, from + POINTS)` as `[t, v]` tuples. */
export function initialSeries(): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  for (let s = 0; s < SERIES; s += 1) {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < POINTS; i += 1) points.push([T0 + i * 1000, valueAt(s, i)]);
    out.push(points);
  }
  return out;
}
