import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import type { EventRecord } from '../kube/events.js';
import { annotatedScaledJobState } from './scaled-job-table.js';
import {
  annotatedScaledObjectState,
  stateRank,
  type ScaledObjectState,
  type ScaledObjectStateKind,
} from './state.js';
import type { ScaledJob, ScaledObject } from './types.js';
import { managedHpaName } from './managed-hpa.js';

/**
 * The cluster at a glance: ScaledObjects and ScaledJobs counted by state, the scaling events of a
 * recent window and the ScaledObjects that scaled most in it. Pure: the element feeds it the
 * store's collections and the clock.
 */

/** The states the overview always shows, in this order; the others appear when they occur. */
export const OVERVIEW_STATES: readonly ScaledObjectStateKind[] = [
  'ready',
  'active',
  'cooldown',
  'fallback',
  'paused',
  'error',
];

export interface StateCount {
  kind: ScaledObjectStateKind;
  label: string;
  count: number;
}

export interface StateCounts {
  total: number;
  /** The six main states (zero included), then any other state that occurs, most urgent first. */
  states: StateCount[];
}

const LABELS: Record<ScaledObjectStateKind, string> = {
  ready: 'Ready',
  active: 'Active',
  cooldown: 'Cooldown',
  fallback: 'Fallback',
  paused: 'Paused',
  error: 'Error',
  degraded: 'Degraded',
  pending: 'Pending',
  unknown: 'Unknown',
};

export function countStates(states: readonly ScaledObjectState[]): StateCounts {
  const counts = new Map<ScaledObjectStateKind, number>();
  for (const s of states) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const extra = [...counts.keys()]
    .filter((k) => !OVERVIEW_STATES.includes(k))
    .sort((a, b) => stateRank(a) - stateRank(b));
  return {
    total: states.length,
    states: [...OVERVIEW_STATES, ...extra].map((kind) => ({
      kind,
      label: LABELS[kind],
      count: counts.get(kind) ?? 0,
    })),
  };
}

export const scaledObjectStateCounts = (items: readonly ScaledObject[], now: number): StateCounts =>
  countStates(items.map((so) => annotatedScaledObjectState(so, now)));

export const scaledJobStateCounts = (items: readonly ScaledJob[]): StateCounts =>
  countStates(items.map((sj) => annotatedScaledJobState(sj)));

/** The list filter that shows one state (`core/list/query.ts` language, `state` key). */
export const stateFilter = (kind: ScaledObjectStateKind): string => `state:${kind}`;

/** Event reasons that record a change of replicas (KEDA's activation, the HPA's rescale) or a failed one. */
export const SCALING_REASONS: ReadonlySet<string> = new Set([
  'KEDAScaleTargetActivated',
  'KEDAScaleTargetDeactivated',
  'KEDAScaleTargetActivationFailed',
  'KEDAScaleTargetDeactivationFailed',
  'SuccessfulRescale',
  'FailedRescale',
  'KEDAJobsCreated',
]);

export interface ScalingEvent {
  event: EventRecord;
  /** The ScaledObject (or ScaledJob) the event is about. */
  owner: { kind: 'ScaledObject' | 'ScaledJob'; namespace: string; name: string };
  /** Replicas after the change when the message says (`from 0 to 1`, `New size: 4`). */
  to?: number;
  from?: number;
}

const FROM_TO = /\bfrom (\d+) to (\d+)\b/;
const NEW_SIZE = /^New size: (\d+)/;

/** Replica numbers in KEDA's and the HPA's scaling messages (REFERENCE §2.7). */
export function replicasOf(message: string): { from?: number; to?: number } {
  const fromTo = FROM_TO.exec(message);
  if (fromTo) return { from: Number(fromTo[1]), to: Number(fromTo[2]) };
  const size = NEW_SIZE.exec(message);
  if (size) return { to: Number(size[1]) };
  return {};
}

/**
 * The scaling events of the ScaledObjects and ScaledJobs given, newest first, no older than
 * `since`. HPA events count for the ScaledObject whose HPA it is (`status.hpaName`, else the name
 * KEDA gives it); HPAs KEDA does not manage are left out.
 */
export function scalingEvents(
  events: readonly EventRecord[],
  scaledObjects: readonly ScaledObject[],
  scaledJobs: readonly ScaledJob[],
  since: number,
  hpas: readonly HorizontalPodAutoscaler[] = [],
): ScalingEvent[] {
  const byName = (ns: string | undefined, name: string | undefined) => `${ns ?? ''}/${name ?? ''}`;
  const soKeys = new Set(scaledObjects.map((so) => byName(so.metadata.namespace, so.metadata.name)));
  const sjKeys = new Set(scaledJobs.map((sj) => byName(sj.metadata.namespace, sj.metadata.name)));
  const hpaOwner = new Map<string, string>();
  for (const so of scaledObjects) {
    const hpa = managedHpaName(so);
    hpaOwner.set(byName(so.metadata.namespace, hpa), so.metadata.name ?? '');
  }
  for (const hpa of hpas) {
    const owner = hpa.metadata.labels?.['scaledobject.keda.sh/name'];
    if (owner) hpaOwner.set(byName(hpa.metadata.namespace, hpa.metadata.name), owner);
  }
  const out: ScalingEvent[] = [];
  for (const event of events) {
    if (event.time < since || !SCALING_REASONS.has(event.reason)) continue;
    const { kind, namespace, name } = event.involved;
    if (!namespace || !name) continue;
    let owner: ScalingEvent['owner'] | undefined;
    if (kind === 'ScaledObject' && soKeys.has(byName(namespace, name))) {
      owner = { kind: 'ScaledObject', namespace, name };
    } else if (kind === 'ScaledJob' && sjKeys.has(byName(namespace, name))) {
      owner = { kind: 'ScaledJob', namespace, name };
    } else if (kind === 'HorizontalPodAutoscaler') {
      const so = hpaOwner.get(byName(namespace, name));
      if (so) owner = { kind: 'ScaledObject', namespace, name: so };
    }
    if (owner) out.push({ event, owner, ...replicasOf(event.message) });
  }
  out.sort((a, b) => b.event.time - a.event.time || a.event.key.localeCompare(b.event.key));
  // The HPA's `New size: N` does not say the size before: it is where the previous change left it.
  const lastSize = new Map<string, number>();
  for (let i = out.length - 1; i >= 0; i -= 1) {
    const e = out[i]!;
    if (e.event.type === 'Warning') continue;
    const key = `${e.owner.kind}/${e.owner.namespace}/${e.owner.name}`;
    const before = lastSize.get(key);
    if (e.from === undefined && e.to !== undefined && before !== undefined) e.from = before;
    if (e.to !== undefined) lastSize.set(key, e.to);
  }
  return out;
}

export interface ActiveScaledObject {
  namespace: string;
  name: string;
  /** Replica changes in the window (repeats of one event counted each time). */
  changes: number;
  lastChange: number;
  /** Replicas after the newest change, when known. */
  replicas?: number;
}

/** The ScaledObjects with the most replica changes in the window, most first (then most recent). */
export function mostActive(events: readonly ScalingEvent[], limit = 5): ActiveScaledObject[] {
  const map = new Map<string, ActiveScaledObject>();
  for (const e of events) {
    if (e.owner.kind !== 'ScaledObject' || e.event.type === 'Warning') continue;
    const key = `${e.owner.namespace}/${e.owner.name}`;
    const entry = map.get(key) ?? {
      namespace: e.owner.namespace,
      name: e.owner.name,
      changes: 0,
      lastChange: 0,
    };
    entry.changes += e.event.count;
    if (e.event.time >= entry.lastChange) {
      entry.lastChange = e.event.time;
      if (e.to !== undefined) entry.replicas = e.to;
    }
    map.set(key, entry);
  }
  return [...map.values()]
    .sort(
      (a, b) =>
        b.changes - a.changes ||
        b.lastChange - a.lastChange ||
        `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
    )
    .slice(0, limit);
}

/** `15m`, `1h`, `90s`, `2d` in milliseconds; undefined for anything else. */
export function parseRange(range: string | undefined): number | undefined {
  const m = /^(\d+)(s|m|h|d)$/.exec(range?.trim() ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n <= 0) return undefined;
  return n * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/**
 * A scaling message without the HPA's printed label selector
 * (`external metric s0-rabbitmq-hello(&LabelSelector{…}) above target` ->
 * `external metric s0-rabbitmq-hello above target`), for reading at a glance; the full text stays
 * available (a tooltip).
 */
export function readableMessage(message: string): string {
  return message.replace(/\(&LabelSelector\{[^()]*\}\)/g, '');
}
