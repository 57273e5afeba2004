/**
 * The cron trigger on its real schedule: 5-field cron expressions as robfig/cron v3 parses them
 * for KEDA (minute hour day-of-month month day-of-week; `*`, `?`, ranges, lists, steps, month and
 * weekday names, the `@hourly`-style descriptors) evaluated in an IANA timezone through Intl, and
 * KEDA's cron scaler decision (kedacore/keda pkg/scalers/cron_scaler.go): active while the next
 * end comes before the next start; the metric is desiredReplicas when active, else 1.
 */

export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  dom: ReadonlySet<number>;
  months: ReadonlySet<number>;
  dow: ReadonlySet<number>;
  /** The day-of-month or day-of-week field was `*` or `?` (robfig's star bit). */
  domStar: boolean;
  dowStar: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface FieldBounds {
  min: number;
  max: number;
  names?: readonly string[];
  /** First name's value (months start at 1). */
  nameBase?: number;
}

function parseValue(text: string, b: FieldBounds, expr: string): number {
  const lower = text.toLowerCase();
  const named = b.names?.indexOf(lower) ?? -1;
  if (named >= 0) return named + (b.nameBase ?? 0);
  if (!/^\d+$/.test(text))
    throw new Error(
      `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax (in ${expr})`,
    );
  return Number(text);
}

function parseField(field: string, b: FieldBounds, expr: string): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of field.split(',')) {
    const [rangeText = '', stepText] = part.split('/');
    let lo: number;
    let hi: number;
    if (rangeText === '*' || rangeText === '?') {
      lo = b.min;
      hi = b.max;
      if (stepText === undefined) star = true;
    } else {
      const [a = '', c] = rangeText.split('-');
      lo = parseValue(a, b, expr);
      hi = c === undefined ? (stepText === undefined ? lo : b.max) : parseValue(c, b, expr);
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new Error(`invalid step ${stepText ?? ''} in ${expr}`);
    if (lo < b.min || hi > b.max || lo > hi) {
      throw new Error(`end of range (${hi}) above maximum (${b.max}): ${part} in ${expr}`);
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star };
}

/** Parses a 5-field cron expression (or a descriptor); throws robfig-like errors. */
export function parseCron(expression: string): CronSchedule {
  const text = DESCRIPTORS[expression.trim().toLowerCase()] ?? expression.trim();
  const fields = text.split(/\s+/);
  if (fields.length !== 5)
    throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [mi = '', h = '', dom = '', mo = '', dow = ''] = fields;
  const days = parseField(dow, { min: 0, max: 7, names: DAYS }, text);
  if (days.values.has(7)) {
    days.values.delete(7);
    days.values.add(0);
  }
  const dayOfMonth = parseField(dom, { min: 1, max: 31 }, text);
  return {
    minutes: parseField(mi, { min: 0, max: 59 }, text).values,
    hours: parseField(h, { min: 0, max: 23 }, text).values,
    dom: dayOfMonth.values,
    months: parseField(mo, { min: 1, max: 12, names: MONTHS, nameBase: 1 }, text).values,
    dow: days.values,
    domStar: dayOfMonth.star,
    dowStar: days.star,
  };
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  return f;
}

function localParts(ms: number, timezone: string): LocalParts & { second: number } {
  const parts = formatter(timezone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timezone` from UTC at an instant, in ms. */
function offsetAt(ms: number, timezone: string): number {
  const p = localParts(ms, timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall-clock time in `timezone`. */
function zonedToInstant(p: LocalParts, timezone: string): number {
  const guess = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const first = guess - offsetAt(guess, timezone);
  return guess - offsetAt(first, timezone);
}

/** Throws when `timezone` is not an IANA zone Intl knows (KEDA: `unknown time zone X`). */
export function checkTimezone(timezone: string): void {
  try {
    formatter(timezone);
  } catch {
    throw new Error(`unknown time zone ${timezone}`);
  }
}

function dayMatches(s: CronSchedule, year: number, month: number, day: number): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const domMatch = s.dom.has(day);
  const dowMatch = s.dow.has(weekday);
  if (s.domStar || s.dowStar) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/** robfig's `Schedule.Next`: the first activation strictly after `afterMs` (ms), or undefined within 5 years. */
export function nextActivation(
  schedule: CronSchedule,
  afterMs: number,
  timezone = 'UTC',
): number | undefined {
  const start = localParts(afterMs, timezone);
  const hours = [...schedule.hours].sort((a, b) => a - b);
  const minutes = [...schedule.minutes].sort((a, b) => a - b);
  const day0 = Date.UTC(start.year, start.month - 1, start.day);
  for (let d = 0; d < 366 * 5; d++) {
    const date = new Date(day0 + d * 86_400_000);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (!schedule.months.has(month) || !dayMatches(schedule, year, month, day)) continue;
    for (const hour of hours) {
      if (d === 0 && hour < start.hour) continue;
      for (const minute of minutes) {
        if (d === 0 && hour === start.hour && minute < start.minute) continue;
        const at = zonedToInstant({ year, month, day, hour, minute }, timezone);
        if (at > afterMs) return at;
      }
    }
  }
  return undefined;
}

/** What the cron scaler reports at `nowMs`. */
export interface CronReading {
  active: boolean;
  /** desiredReplicas when active, else 1. */
  value: number;
  nextStart?: number;
  nextEnd?: number;
}

/** KEDA's cron scaler: active between a start and the following end. Throws on a bad expression or zone. */
export function cronReading(
  metadata: { start?: string; end?: string; timezone?: string; desiredReplicas?: string },
  nowMs: number,
): CronReading {
  const timezone = metadata.timezone ?? '';
  if (!timezone)
    throw new Error(
      'error parsing cron metadata: missing required parameter "timezone" in [triggerMetadata]',
    );
  checkTimezone(timezone);
  const desired = Number(metadata.desiredReplicas ?? '');
  if (!Number.isInteger(desired)) {
    throw new Error(
      'error parsing cron metadata: missing required parameter "desiredReplicas" in [triggerMetadata]',
    );
  }
  const nextStart = nextActivation(parseCron(metadata.start ?? ''), nowMs, timezone);
  const nextEnd = nextActivation(parseCron(metadata.end ?? ''), nowMs, timezone);
  const reading = (active: boolean): CronReading => ({
    active,
    value: active ? desired : 1,
    ...(nextStart !== undefined ? { nextStart } : {}),
    ...(nextEnd !== undefined ? { nextEnd } : {}),
  });
  const start = nextStart ?? Number.POSITIVE_INFINITY;
  const end = nextEnd ?? Number.POSITIVE_INFINITY;
  if (start < end && nowMs < start) return reading(false);
  if (nowMs <= end) return reading(true);
  return reading(false);
}
