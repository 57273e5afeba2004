// Pure helpers shared by keda-event-log and keda-event-timeline: filtering folded events by type,
// reason, source and text, the values offered by the filter menus, and the timeline lane of an event.
import type { EventRecord } from '../../core/kube/events.js';
import { maskSecretsInText } from '../../core/keda/mask.js';

/** Empty fields match everything. */
export interface EventFilter {
  type?: string;
  reason?: string;
  source?: string;
  /** Case-insensitive substring of the reason, message, object name or source. */
  text?: string;
}

export function isEmptyFilter(f: EventFilter | undefined): boolean {
  return !f || (!f.type && !f.reason && !f.source && !f.text?.trim());
}

export function matchesFilter(e: EventRecord, f: EventFilter | undefined): boolean {
  if (!f) return true;
  if (f.type && e.type !== f.type) return false;
  if (f.reason && e.reason !== f.reason) return false;
  if (f.source && e.source !== f.source) return false;
  const text = f.text?.trim().toLowerCase();
  if (text) {
    const hay = `${e.reason}\n${e.message}\n${e.involved.kind ?? ''}/${e.involved.name ?? ''}\n${e.source}`;
    if (!hay.toLowerCase().includes(text)) return false;
  }
  return true;
}

export function filterEvents(events: readonly EventRecord[], f: EventFilter | undefined): EventRecord[] {
  return isEmptyFilter(f) ? [...events] : events.filter((e) => matchesFilter(e, f));
}

/** A filter menu entry: a value and how many (folded) events have it. */
export interface Facet {
  value: string;
  count: number;
}

function facet(events: readonly EventRecord[], of: (e: EventRecord) => string): Facet[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    const v = of(e);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

export function facets(events: readonly EventRecord[]): {
  types: Facet[];
  reasons: Facet[];
  sources: Facet[];
} {
  return {
    types: facet(events, (e) => e.type),
    reasons: facet(events, (e) => e.reason),
    sources: facet(events, (e) => e.source),
  };
}

/** Timeline lanes, top to bottom: who the event is about. */
export const LANES = [
  'ScaledObject',
  'ScaledJob',
  'HorizontalPodAutoscaler',
  'Workload',
  'ReplicaSet',
  'Job',
  'Pod',
] as const;
export type Lane = (typeof LANES)[number];

export function laneOf(e: EventRecord): Lane {
  const kind = e.involved.kind ?? '';
  if ((LANES as readonly string[]).includes(kind)) return kind as Lane;
  return 'Workload';
}

/** The message as shown: credentials a scaler error may carry (URLs with passwords, tokens) masked. */
export function shownMessage(e: EventRecord): string {
  return maskSecretsInText(e.message);
}
