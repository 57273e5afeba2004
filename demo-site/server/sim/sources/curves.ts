/**
 * Load curves of simulated event sources. A curve is read two ways: as a gauge (`curveValue`,
 * e.g. a Prometheus query result over time) and, for queues, as arrivals (`curveArrivals`: the
 * curve is a rate in messages per second, `bursts` add whole batches at their instants).
 * Times are seconds since the scenario's epoch; `daily` reads the wall-clock hour in a timezone.
 */
import { isObject } from '../core/json.ts';

export type Curve =
  | { type: 'constant'; value: number }
  /** Piecewise constant: each step holds from `at` (seconds) on; repeats every `periodSeconds` when set. */
  | { type: 'steps'; steps: { at: number; value: number }[]; periodSeconds?: number }
  /** Linear from `from` to `to` over `durationSeconds` starting at `startAt`; repeats when `periodSeconds` is set. */
  | {
      type: 'ramp';
      from: number;
      to: number;
      durationSeconds: number;
      startAt?: number;
      periodSeconds?: number;
    }
  | { type: 'sine'; base: number; amplitude: number; periodSeconds: number; phaseSeconds?: number }
  /** Piecewise linear over the local day (hours 0..24) in `timezone` (IANA, default UTC). */
  | { type: 'daily'; points: { hour: number; value: number }[]; timezone?: string }
  /**
   * `amount` at `offsetSeconds + k·everySeconds` for every integer k (over a base rate/level). As
   * a gauge the burst lasts `durationSeconds` (default 60); as arrivals it is one batch.
   */
  | {
      type: 'bursts';
      amount: number;
      everySeconds: number;
      offsetSeconds?: number;
      durationSeconds?: number;
      base?: number;
    };

export type CurveType = Curve['type'];

const mod = (a: number, m: number): number => ((a % m) + m) % m;

function stepsValue(curve: Extract<Curve, { type: 'steps' }>, t: number): number {
  const steps = [...curve.steps].sort((a, b) => a.at - b.at);
  if (steps.length === 0) return 0;
  const at = curve.periodSeconds ? mod(t, curve.periodSeconds) : t;
  let value = curve.periodSeconds ? (steps[steps.length - 1]?.value ?? 0) : (steps[0]?.value ?? 0);
  for (const s of steps) if (s.at <= at) value = s.value;
  return value;
}

function rampValue(curve: Extract<Curve, { type: 'ramp' }>, t: number): number {
  let x = t - (curve.startAt ?? 0);
  if (curve.periodSeconds) x = mod(x, curve.periodSeconds);
  if (x <= 0) return curve.from;
  if (curve.durationSeconds <= 0 || x >= curve.durationSeconds) return curve.to;
  return curve.from + ((curve.to - curve.from) * x) / curve.durationSeconds;
}

/** The local hour (fractional) of an instant in a timezone. */
const hourFormats = new Map<string, Intl.DateTimeFormat>();

export function localHour(ms: number, timezone = 'UTC'): number {
  let format = hourFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    hourFormats.set(timezone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') + get('minute') / 60 + get('second') / 3600;
}

function dailyValue(curve: Extract<Curve, { type: 'daily' }>, ms: number): number {
  const points = [...curve.points].sort((a, b) => a.hour - b.hour);
  if (points.length === 0) return 0;
  const h = localHour(ms, curve.timezone);
  const first = points[0] as { hour: number; value: number };
  const last = points[points.length - 1] as { hour: number; value: number };
  // Wrap around midnight: last point → first point of the next day.
  const wrapped = [
    { hour: last.hour - 24, value: last.value },
    ...points,
    { hour: first.hour + 24, value: first.value },
  ];
  for (let i = 0; i < wrapped.length - 1; i++) {
    const a = wrapped[i] as { hour: number; value: number };
    const b = wrapped[i + 1] as { hour: number; value: number };
    if (h >= a.hour && h <= b.hour) {
      return b.hour === a.hour ? b.value : a.value + ((b.value - a.value) * (h - a.hour)) / (b.hour - a.hour);
    }
  }
  return last.value;
}

/** The curve as a gauge at `t` seconds since the epoch (`ms`: the same instant as wall-clock time). */
export function curveValue(curve: Curve, t: number, ms: number): number {
  switch (curve.type) {
    case 'constant':
      return curve.value;
    case 'steps':
      return stepsValue(curve, t);
    case 'ramp':
      return rampValue(curve, t);
    case 'sine':
      return (
        curve.base +
        curve.amplitude * Math.sin((2 * Math.PI * (t + (curve.phaseSeconds ?? 0))) / curve.periodSeconds)
      );
    case 'daily':
      return dailyValue(curve, ms);
    case 'bursts': {
      const x = t - (curve.offsetSeconds ?? 0);
      const inBurst = mod(x, curve.everySeconds) < (curve.durationSeconds ?? 60);
      return (curve.base ?? 0) + (inBurst ? curve.amount : 0);
    }
  }
}

/** How many burst instants `offset + k·every` (any integer k) fall in (t0, t1]. */
function burstsIn(curve: Extract<Curve, { type: 'bursts' }>, t0: number, t1: number): number {
  const offset = curve.offsetSeconds ?? 0;
  const every = curve.everySeconds;
  const count = (t: number): number => Math.floor((t - offset) / every);
  return Math.max(0, count(t1) - count(t0));
}

/**
 * Messages arriving in (t0, t1] when the curve is a rate (messages/s); `bursts` add `amount` at
 * each burst instant on top of their base rate. `epochMs` maps t to wall-clock time (daily).
 */
export function curveArrivals(curve: Curve, t0: number, t1: number, epochMs: number): number {
  if (t1 <= t0) return 0;
  switch (curve.type) {
    case 'constant':
      return Math.max(0, curve.value) * (t1 - t0);
    case 'bursts':
      return Math.max(0, curve.base ?? 0) * (t1 - t0) + curve.amount * burstsIn(curve, t0, t1);
    default: {
      // Midpoint rule on slices of at most 5 s.
      const slices = Math.max(1, Math.ceil((t1 - t0) / 5));
      const width = (t1 - t0) / slices;
      let total = 0;
      for (let i = 0; i < slices; i++) {
        const t = t0 + (i + 0.5) * width;
        total += Math.max(0, curveValue(curve, t, epochMs + t * 1000)) * width;
      }
      return total;
    }
  }
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a curve from JSON/YAML; returns the problems (empty = valid). */
export function curveProblems(value: unknown, path = 'curve'): string[] {
  if (!isObject(value)) return [`${path} must be an object`];
  const need = (key: string, positive = false): string[] =>
    num(value[key]) && (!positive || (value[key] as number) > 0)
      ? []
      : [`${path}.${key} must be a ${positive ? 'positive ' : ''}number`];
  const optional = (key: string): string[] =>
    value[key] === undefined || num(value[key]) ? [] : [`${path}.${key} must be a number`];
  switch (value.type) {
    case 'constant':
      return need('value');
    case 'steps': {
      if (!Array.isArray(value.steps) || value.steps.length === 0)
        return [`${path}.steps must be a non-empty list`];
      const bad = value.steps.some((s) => !isObject(s) || !num(s.at) || !num(s.value));
      return [...(bad ? [`${path}.steps[] need numbers at and value`] : []), ...optional('periodSeconds')];
    }
    case 'ramp':
      return [
        ...need('from'),
        ...need('to'),
        ...need('durationSeconds'),
        ...optional('startAt'),
        ...optional('periodSeconds'),
      ];
    case 'sine':
      return [
        ...need('base'),
        ...need('amplitude'),
        ...need('periodSeconds', true),
        ...optional('phaseSeconds'),
      ];
    case 'daily': {
      if (!Array.isArray(value.points) || value.points.length === 0)
        return [`${path}.points must be a non-empty list`];
      const bad = value.points.some((p) => !isObject(p) || !num(p.hour) || !num(p.value));
      const problems = bad ? [`${path}.points[] need numbers hour and value`] : [];
      if (value.timezone !== undefined) {
        try {
          localHour(0, String(value.timezone));
        } catch {
          problems.push(`${path}.timezone: unknown time zone ${String(value.timezone)}`);
        }
      }
      return problems;
    }
    case 'bursts':
      return [
        ...need('amount'),
        ...need('everySeconds', true),
        ...optional('offsetSeconds'),
        ...optional('durationSeconds'),
        ...optional('base'),
      ];
    default:
      return [`${path}.type must be one of constant, steps, ramp, sine, daily, bursts`];
  }
}
