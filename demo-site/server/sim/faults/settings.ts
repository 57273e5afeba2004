/**
 * Fault settings: what the simulator does wrong on purpose (dropped watches, slow answers, 500s,
 * expired watch history), as one plain JSON document. Parsing is strict: an unknown field or an
 * out-of-range value is a FaultSettingsError listing every problem.
 */
import { isObject } from '../core/json.ts';

export interface FaultSettings {
  /** Ends every open watch (matching `paths`) every this many ms; 0 = never. */
  dropWatchesEveryMs: number;
  /** Holds every request (matching `paths`) this many ms before serving it: [min, max], uniform. */
  delayMs: readonly [number, number];
  /** Share (0..1) of requests (matching `paths`) answered with 500 InternalError. */
  errorRate: number;
  /** Forgets the watch history every this many ms (watches resuming from before get 410); 0 = never. */
  expireHistoryEveryMs: number;
  /** Request path prefixes the request and watch faults apply to; empty = every API path. */
  paths: readonly string[];
}

/** A PUT body: omitted fields are off. `delayMs` may be one number (a fixed delay). */
export interface FaultSettingsInput {
  dropWatchesEveryMs?: number;
  delayMs?: number | readonly [number, number];
  errorRate?: number;
  expireHistoryEveryMs?: number;
  paths?: readonly string[];
}

export const NO_FAULTS: FaultSettings = Object.freeze({
  dropWatchesEveryMs: 0,
  delayMs: Object.freeze([0, 0]) as readonly [number, number],
  errorRate: 0,
  expireHistoryEveryMs: 0,
  paths: Object.freeze([]) as readonly string[],
});

/** Periodic faults faster than this would only spin the CPU. */
export const MIN_PERIOD_MS = 10;
export const MAX_DELAY_MS = 60_000;

export class FaultSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid fault settings: ${problems.join('; ')}`);
    this.name = 'FaultSettingsError';
  }
}

const FIELDS: ReadonlySet<string> = new Set([
  'dropWatchesEveryMs',
  'delayMs',
  'errorRate',
  'expireHistoryEveryMs',
  'paths',
]);

function period(value: unknown, field: string, problems: string[]): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problems.push(`${field} must be a whole number of milliseconds >= 0`);
    return 0;
  }
  if (value > 0 && value < MIN_PERIOD_MS) {
    problems.push(`${field} must be 0 (off) or at least ${MIN_PERIOD_MS}`);
    return 0;
  }
  return value;
}

function delayBound(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_DELAY_MS
    ? value
    : undefined;
}

function delay(value: unknown, problems: string[]): readonly [number, number] {
  if (value === undefined) return NO_FAULTS.delayMs;
  const pair = Array.isArray(value) ? (value as unknown[]) : [value, value];
  const min = pair.length === 2 ? delayBound(pair[0]) : undefined;
  const max = pair.length === 2 ? delayBound(pair[1]) : undefined;
  if (min === undefined || max === undefined || min > max) {
    problems.push(
      `delayMs must be a whole number of milliseconds or a [min, max] pair, within 0..${MAX_DELAY_MS}, min <= max`,
    );
    return NO_FAULTS.delayMs;
  }
  return [min, max];
}

function rate(value: unknown, problems: string[]): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    problems.push('errorRate must be a number from 0 to 1');
    return 0;
  }
  return value;
}

function paths(value: unknown, problems: string[]): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string' && p.startsWith('/'))) {
    problems.push('paths must be a list of path prefixes starting with "/"');
    return [];
  }
  return [...new Set(value as string[])];
}

/** Strict parse of a settings document (a PUT body); throws FaultSettingsError. */
export function parseFaultSettings(input: unknown): FaultSettings {
  if (input === undefined || input === null) return NO_FAULTS;
  if (!isObject(input)) throw new FaultSettingsError(['the fault settings must be a JSON object']);
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) problems.push(`unknown field "${key}"`);
  }
  const settings: FaultSettings = {
    dropWatchesEveryMs: period(input.dropWatchesEveryMs, 'dropWatchesEveryMs', problems),
    delayMs: delay(input.delayMs, problems),
    errorRate: rate(input.errorRate, problems),
    expireHistoryEveryMs: period(input.expireHistoryEveryMs, 'expireHistoryEveryMs', problems),
    paths: paths(input.paths, problems),
  };
  if (problems.length > 0) throw new FaultSettingsError(problems);
  return settings;
}

/** `current` with the fields present in `patch` replaced (a PATCH body); throws FaultSettingsError. */
export function mergeFaultSettings(current: FaultSettings, patch: unknown): FaultSettings {
  if (!isObject(patch)) throw new FaultSettingsError(['the fault settings must be a JSON object']);
  return parseFaultSettings({ ...toJson(current), ...patch });
}

/** True when no fault is active. */
export function isQuiet(settings: FaultSettings): boolean {
  return (
    settings.dropWatchesEveryMs === 0 &&
    settings.delayMs[1] === 0 &&
    settings.errorRate === 0 &&
    settings.expireHistoryEveryMs === 0
  );
}

/** The settings as a plain JSON document (what GET /sim/v1/faults answers). */
export function toJson(settings: FaultSettings): {
  dropWatchesEveryMs: number;
  delayMs: [number, number];
  errorRate: number;
  expireHistoryEveryMs: number;
  paths: string[];
} {
  return {
    dropWatchesEveryMs: settings.dropWatchesEveryMs,
    delayMs: [settings.delayMs[0], settings.delayMs[1]],
    errorRate: settings.errorRate,
    expireHistoryEveryMs: settings.expireHistoryEveryMs,
    paths: [...settings.paths],
  };
}

/** `--delay` on the command line: `100` or `50-200` (milliseconds); throws FaultSettingsError. */
export function parseDelayArgument(text: string): readonly [number, number] {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  const problems: string[] = [];
  const result = m ? delay([Number(m[1]), Number(m[2] ?? m[1])], problems) : undefined;
  if (!result || problems.length > 0) {
    throw new FaultSettingsError([
      `invalid delay "${text}" (expected MS or MIN-MAX within 0..${MAX_DELAY_MS})`,
    ]);
  }
  return result;
}
