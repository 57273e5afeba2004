import type { KubeObject } from './types.js';

/**
 * Kubernetes Events in both API shapes (core/v1 and events.k8s.io/v1) reduced to one record,
 * repeats folded, and matched against the objects a view is about.
 */

/** The object an event is about (`involvedObject` in core/v1, `regarding` in events.k8s.io/v1). */
export interface EventObjectRef {
  kind?: string;
  apiVersion?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  fieldPath?: string;
}

/** core/v1 Event as served by `/api/v1/.../events`. */
export interface CoreV1Event extends KubeObject {
  involvedObject: EventObjectRef;
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
  action?: string;
  related?: EventObjectRef;
  series?: { count?: number; lastObservedTime?: string };
}

/** events.k8s.io/v1 Event as served by `/apis/events.k8s.io/v1/.../events`. */
export interface EventsV1Event extends KubeObject {
  regarding?: EventObjectRef;
  related?: EventObjectRef;
  reason?: string;
  note?: string;
  type?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  reportingController?: string;
  reportingInstance?: string;
  action?: string;
  deprecatedSource?: { component?: string; host?: string };
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  deprecatedCount?: number;
}

export type AnyKubeEvent = CoreV1Event | EventsV1Event;

/** One event (or a folded run of repeats) in the shape timelines and the correlation read. */
export interface EventRecord {
  /** Stable key: the event's uid, else namespace/name. */
  key: string;
  /** When it (last) happened, ms since the epoch: series.lastObservedTime ?? lastTimestamp ?? eventTime ?? creationTimestamp. */
  time: number;
  /** When it first happened (firstTimestamp or the earliest folded occurrence). */
  firstTime: number;
  type: 'Normal' | 'Warning' | string;
  reason: string;
  message: string;
  /** Occurrences (series.count, count, or the number of folded repeats; at least 1). */
  count: number;
  /** Who reported it (`keda-operator`, `horizontal-pod-autoscaler`, `deployment-controller`...). */
  source: string;
  involved: EventObjectRef;
  related?: EventObjectRef;
  /** Keys of the events folded into this record, oldest first (only when more than one). */
  keys?: readonly string[];
}

function ms(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function isEventsV1(e: AnyKubeEvent): e is EventsV1Event {
  return 'regarding' in e || 'note' in e || e.apiVersion === 'events.k8s.io/v1';
}

/** Reads either Event shape into an `EventRecord` (no folding). */
export function normalizeEvent(e: AnyKubeEvent): EventRecord {
  const meta = e.metadata;
  const created = ms(meta.creationTimestamp);
  const key = meta.uid ?? `${meta.namespace ?? ''}/${meta.name ?? ''}`;
  if (isEventsV1(e)) {
    const time =
      ms(e.series?.lastObservedTime) ?? ms(e.deprecatedLastTimestamp) ?? ms(e.eventTime) ?? created ?? 0;
    const first = ms(e.deprecatedFirstTimestamp) ?? ms(e.eventTime) ?? created ?? time;
    return {
      key,
      time,
      firstTime: Math.min(first, time),
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: e.note ?? '',
      count: Math.max(1, e.series?.count ?? e.deprecatedCount ?? 1),
      source: e.reportingController || e.deprecatedSource?.component || '',
      involved: e.regarding ?? {},
      ...(e.related ? { related: e.related } : {}),
    };
  }
  const ev = e;
  const time = ms(ev.series?.lastObservedTime) ?? ms(ev.lastTimestamp) ?? ms(ev.eventTime) ?? created ?? 0;
  const first = ms(ev.firstTimestamp) ?? ms(ev.eventTime) ?? created ?? time;
  return {
    key,
    time,
    firstTime: Math.min(first, time),
    type: ev.type ?? 'Normal',
    reason: ev.reason ?? '',
    message: ev.message ?? '',
    count: Math.max(1, ev.series?.count ?? ev.count ?? 1),
    source: ev.source?.component || ev.reportingComponent || '',
    involved: ev.involvedObject ?? {},
    ...(ev.related ? { related: ev.related } : {}),
  };
}

function foldKey(r: EventRecord): string {
  const o = r.involved;
  return [r.type, r.reason, r.message, r.source, o.kind, o.namespace, o.name, o.uid ?? ''].join('\u0000');
}

/**
 * Sorts by time (oldest first) and folds repeats: records with the same object, type, reason,
 * source and message become one record whose count is the sum, whose time is the latest and whose
 * firstTime the earliest. The same event seen through both APIs (same uid) counts once.
 */
export function foldEvents(records: readonly EventRecord[]): EventRecord[] {
  const byKey = new Map<string, EventRecord>();
  for (const r of records) {
    const previous = byKey.get(r.key);
    if (!previous || r.time >= previous.time) byKey.set(r.key, r);
  }
  const folded = new Map<string, { record: EventRecord; keys: string[] }>();
  for (const r of [...byKey.values()].sort((a, b) => a.time - b.time)) {
    const k = foldKey(r);
    const f = folded.get(k);
    if (!f) {
      folded.set(k, { record: { ...r }, keys: [r.key] });
      continue;
    }
    const latest = r.time >= f.record.time ? r : f.record;
    f.keys.push(r.key);
    f.record = {
      ...latest,
      count: f.record.count + r.count,
      firstTime: Math.min(f.record.firstTime, r.firstTime),
    };
  }
  return [...folded.values()]
    .map(({ record, keys }) => (keys.length > 1 ? { ...record, keys } : record))
    .sort((a, b) => a.time - b.time || a.key.localeCompare(b.key));
}

/** Normalizes and folds events of either shape (possibly both lists concatenated). */
export function mergeEvents(events: readonly AnyKubeEvent[]): EventRecord[] {
  return foldEvents(events.map(normalizeEvent));
}

/** An object a view is about: kind + name (+ namespace, + uid when known). */
export interface InvolvedMatch {
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

/**
 * True when the event is about one of `objects`: by uid when both sides know it, else by kind,
 * namespace and name (uids differ after a delete and re-create; those old events do not match).
 */
export function eventInvolves(record: EventRecord, objects: readonly InvolvedMatch[]): boolean {
  const o = record.involved;
  return objects.some((m) => {
    if (o.kind !== m.kind || o.name !== m.name) return false;
    if (m.namespace !== undefined && o.namespace !== undefined && o.namespace !== m.namespace) return false;
    if (m.uid && o.uid) return m.uid === o.uid;
    return true;
  });
}

/** The records about `objects`, oldest first. */
export function eventsAbout(
  records: readonly EventRecord[],
  objects: readonly InvolvedMatch[],
): EventRecord[] {
  return records.filter((r) => eventInvolves(r, objects));
}
