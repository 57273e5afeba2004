/**
 * The text alternative of a what-if chart: one summary paragraph and a table of time windows with
 * the load and replica ranges in each, so the preview reads the same without the picture.
 */

import type { WhatIfResult, WhatIfSample } from './what-if.js';

type Ok = Extract<WhatIfResult, { ok: true }>;

/** A simulated time: `1h 05m`, `12m 30s`, `45s` (or `hh:mm` for day-long curves). */
export function formatSimTime(seconds: number, durationSeconds = 0): string {
  const s = Math.round(seconds);
  if (durationSeconds >= 6 * 3600) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return sec ? `${m}m ${String(sec).padStart(2, '0')}s` : `${m}m`;
  return `${sec}s`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** One paragraph: peak, how fast, zero time, the end state. */
export function whatIfSummaryText(result: Ok): string {
  const s = result.summary;
  const d = result.durationSeconds;
  const unit = result.kind === 'ScaledJob' ? 'running Jobs' : 'replicas';
  const parts = [
    `Over ${formatSimTime(d)}, the load peaks at ${num(s.peakLoad)} and ${unit} peak at ${s.peakReplicas} (first at ${formatSimTime(s.peakAt, d)}).`,
  ];
  if (result.kind === 'ScaledJob') {
    parts.push(`KEDA starts ${plural(s.jobsStarted, 'Job')}.`);
  } else {
    parts.push(
      `KEDA activates the target ${plural(s.activations, 'time')} and scales it to zero or idle ${plural(s.deactivations, 'time')}; the HPA and KEDA change the replica count ${plural(s.scaleUps, 'time')} up and ${plural(s.scaleDowns, 'time')} down.`,
    );
  }
  parts.push(`At zero for ${formatSimTime(s.secondsAtZero)}; ${s.finalReplicas} ${unit} at the end.`);
  return parts.join(' ');
}

/** A window of the simulation for the table. */
export interface WhatIfRow {
  from: string;
  to: string;
  /** `12` or `3–40`. */
  load: string;
  replicas: string;
}

const range = (values: number[]): string => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? num(lo) : `${num(lo)}–${num(hi)}`;
};

/** The simulation cut into `rows` equal windows, each with its load and replica range. */
export function whatIfTableRows(result: Ok, rows = 12): WhatIfRow[] {
  const d = result.durationSeconds;
  const width = d / rows;
  const out: WhatIfRow[] = [];
  let carry: WhatIfSample | undefined;
  for (let i = 0; i < rows; i++) {
    const from = i * width;
    const to = (i + 1) * width;
    const inside = result.samples.filter((s) => s.t >= from && (i === rows - 1 ? s.t <= to : s.t < to));
    const window = carry ? [carry, ...inside] : inside;
    if (window.length === 0) continue;
    carry = inside[inside.length - 1] ?? carry;
    out.push({
      from: formatSimTime(from, d),
      to: formatSimTime(to, d),
      load: range(window.map((s) => s.load)),
      replicas: range(window.map((s) => s.replicas)),
    });
  }
  return out;
}
