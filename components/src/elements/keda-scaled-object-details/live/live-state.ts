// Pure helpers of the details page's Live section: each trigger's state, the connection
// indicator, which events belong to the ScaledObject, and the chart inputs from sampled series.
import { humanDuration } from '../../../core/kube/age.js';
import { eventsAbout, type EventRecord, type InvolvedMatch } from '../../../core/kube/events.js';
import type { InformerState } from '../../../data/informer.js';
import type { ScaledObjectDetailsModel, TriggerDetails } from '../../../core/keda/scaled-object-details.js';
import type { MetricSeries, ReplicaSample } from '../../../data/metrics-sampler.js';
import type { MetricChartSeries, MetricSample } from '../../keda-metric-chart/metric-series.js';
import type { ReplicaSample as ChartReplicaSample } from '../../keda-replica-chart/replica-series.js';

export type TriggerStateKind =
  'active' | 'cooldown' | 'fallback' | 'failing' | 'paused' | 'inactive' | 'unknown';

export interface TriggerLiveState {
  kind: TriggerStateKind;
  label: string;
  /** Why, in words (the badge's title). */
  detail: string;
}

/**
 * A trigger's live state: Paused (the whole ScaledObject), Fallback (failing at or past the
 * threshold with fallback configured), Failing, Active, Cooldown (inactive while the ScaledObject
 * cools down, with the time left), Inactive, or Unknown before KEDA reports activity.
 */
export function triggerState(model: ScaledObjectDetailsModel, t: TriggerDetails): TriggerLiveState {
  const p = model.pause;
  if (p.paused || p.pausedReplicas !== undefined)
    return {
      kind: 'paused',
      label: 'Paused',
      detail:
        p.pausedReplicas !== undefined
          ? `Scaling paused at ${p.pausedReplicas} replicas`
          : 'Scaling paused by annotation',
    };
  if (t.health && t.health.status !== 'Happy') {
    const threshold = model.fallback?.failureThreshold;
    if (threshold !== undefined && t.health.failures >= threshold)
      return {
        kind: 'fallback',
        label: 'Fallback',
        detail: `${t.health.failures} failures ≥ ${threshold}: the HPA gets ${model.fallback?.replicas} replicas' worth`,
      };
    return {
      kind: 'failing',
      label: 'Failing',
      detail: `${t.health.failures} consecutive failures${threshold !== undefined ? ` (fallback at ${threshold})` : ''}`,
    };
  }
  if (t.active === true) return { kind: 'active', label: 'Active', detail: 'Above its activation threshold' };
  if (model.state.kind === 'cooldown') {
    const left =
      model.state.cooldownLeftMs ?? (model.cooldown.inCooldown ? model.cooldown.remainingMs : undefined);
    if (left !== undefined && left > 0)
      return {
        kind: 'cooldown',
        label: `Cooldown · ${humanDuration(left)} left`,
        detail: `Inactive; KEDA deactivates the target when the ${model.cooldown.periodSeconds} s cooldown ends`,
      };
  }
  if (t.active === false)
    return { kind: 'inactive', label: 'Inactive', detail: 'At or below its activation threshold' };
  return { kind: 'unknown', label: 'Unknown', detail: 'KEDA has not reported this trigger’s activity yet' };
}

export type ConnectionKind = 'live' | 'connecting' | 'reconnecting' | 'error' | 'stopped';

export interface ConnectionState {
  kind: ConnectionKind;
  label: string;
  /** The most recent update of any watched collection or sample, ms. */
  lastUpdate: number | undefined;
  error?: string;
}

/** One indicator for the watches behind the view: the worst phase wins; the newest update is shown. */
export function connectionState(states: readonly InformerState[], lastSampleAt?: number): ConnectionState {
  const updates = [...states.map((s) => s.lastUpdate), lastSampleAt].filter(
    (t): t is number => t !== undefined,
  );
  const lastUpdate = updates.length ? Math.max(...updates) : undefined;
  const failed = states.find((s) => s.phase === 'error');
  if (failed)
    return {
      kind: 'error',
      label: 'Watch failed',
      lastUpdate,
      error: failed.error?.message ?? 'unknown error',
    };
  if (states.some((s) => s.phase === 'reconnecting'))
    return { kind: 'reconnecting', label: 'Reconnecting…', lastUpdate };
  if (states.some((s) => s.phase === 'listing' || !s.synced))
    return { kind: 'connecting', label: 'Connecting…', lastUpdate };
  if (states.length && states.every((s) => s.phase === 'live'))
    return { kind: 'live', label: 'Live', lastUpdate };
  return { kind: 'stopped', label: 'Not watching', lastUpdate };
}

export function updatedAgo(lastUpdate: number | undefined, now: number): string {
  if (lastUpdate === undefined) return 'no update yet';
  const ms = Math.max(0, now - lastUpdate);
  return ms < 1000 ? 'updated just now' : `last update ${humanDuration(ms)} ago`;
}

/** What the Live section's events are about: the ScaledObject, its HPA, the target and (by name) its ReplicaSets and Pods. */
export function relatedObjects(model: ScaledObjectDetailsModel, uid: string | undefined): InvolvedMatch[] {
  const ns = model.namespace;
  return [
    { kind: 'ScaledObject', name: model.name, namespace: ns, ...(uid ? { uid } : {}) },
    { kind: 'HorizontalPodAutoscaler', name: model.hpaName.value, namespace: ns },
    { kind: model.scaleTarget.kind, name: model.scaleTarget.name, namespace: ns },
  ];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The events of the ScaledObject, its HPA and target, and of the target's ReplicaSets and Pods,
 * which are recognised by the names their controllers give them (`<deployment>-<hash>`,
 * `<deployment>-<hash>-<suffix>`, `<statefulset>-<ordinal>`) so that deleted ones still count.
 */
export function liveEvents(
  records: readonly EventRecord[],
  model: ScaledObjectDetailsModel,
  uid?: string,
): EventRecord[] {
  const direct = new Set(eventsAbout(records, relatedObjects(model, uid)).map((e) => e.key));
  const base = escapeRe(model.scaleTarget.name);
  const kind = model.scaleTarget.kind;
  const rs = new RegExp(`^${base}-[a-z0-9]{5,10}$`);
  const pod =
    kind === 'StatefulSet'
      ? new RegExp(`^${base}-\\d+$`)
      : new RegExp(`^${base}-[a-z0-9]{5,10}-[a-z0-9]{5}$`);
  return records.filter((e) => {
    if (direct.has(e.key)) return true;
    if (e.involved.namespace !== undefined && e.involved.namespace !== model.namespace) return false;
    const name = e.involved.name ?? '';
    if (e.involved.kind === 'ReplicaSet') return kind === 'Deployment' && rs.test(name);
    if (e.involved.kind === 'Pod') return pod.test(name);
    return false;
  });
}

/**
 * Chart series from the sampler's metric series. Samples arrive when the HPA's status changes, so
 * with `now` the last value is held until then (the watched status still says it), as the replica
 * counts are: a steady metric draws a line, not a lone point.
 */
export function metricChartSeries(
  metrics: readonly MetricSeries[],
  triggers: readonly TriggerDetails[],
  now?: number,
): MetricChartSeries[] {
  return metrics.map((m) => {
    const points = m.samples.map((s) => [s.t, s.value] as MetricSample);
    const last = points.at(-1);
    if (now !== undefined && last && last[0] < now) points.push([now, last[1]]);
    const trigger = triggers.find((t) => t.metricName === m.metricName);
    const unit = m.targetType === 'Utilization' ? '%' : undefined;
    return {
      id: m.metricName,
      label: `${m.metricName}${trigger ? ` (${trigger.type}${trigger.name ? ` ${trigger.name}` : ''})` : ''}`,
      points,
      ...(m.target !== undefined ? { target: m.target } : {}),
      ...(m.activationThreshold !== undefined ? { activation: m.activationThreshold } : {}),
      ...(m.targetType ? { targetType: m.targetType } : {}),
      ...(unit ? { unit } : {}),
    };
  });
}

/** Current and desired replica step series, held until `now` (a count stays until it changes). */
export function replicaChartSeries(
  replicas: readonly ReplicaSample[],
  now: number,
): { current: ChartReplicaSample[]; desired: ChartReplicaSample[]; min?: number; max?: number } {
  const current: ChartReplicaSample[] = [];
  const desired: ChartReplicaSample[] = [];
  for (const r of replicas) {
    if (r.current !== undefined) current.push([r.t, r.current]);
    const d = r.hpaDesired ?? r.desired;
    if (d !== undefined) desired.push([r.t, d]);
  }
  const hold = (s: ChartReplicaSample[]) => {
    const last = s.at(-1);
    if (last && last[0] < now) s.push([now, last[1]]);
  };
  hold(current);
  hold(desired);
  const last = replicas.at(-1);
  return {
    current,
    desired,
    ...(last?.min !== undefined ? { min: last.min } : {}),
    ...(last?.max !== undefined ? { max: last.max } : {}),
  };
}

/** The shortest window the live charts show. */
export const MIN_LIVE_WINDOW_MS = 5 * 60_000;
/** How far back events alone (nothing sampled yet) open the window. */
export const EVENTS_ONLY_WINDOW_MS = 60 * 60_000;

/**
 * The time window every live chart shares, ending `now`: all the samples (the recorded history
 * included) and at least the last five minutes. Older events do not widen it (a ScaledObject created
 * a week ago would squeeze the samples into the last pixels); they stay in the event log. With no
 * samples yet, it reaches back to the oldest event of the last hour.
 */
export function liveWindow(
  sampleStarts: ReadonlyArray<number | undefined>,
  oldestEvent: number | undefined,
  now: number,
): [number, number] {
  const starts = sampleStarts.filter((t): t is number => t !== undefined);
  const reach =
    starts.length > 0
      ? Math.min(...starts)
      : oldestEvent !== undefined
        ? Math.max(oldestEvent, now - EVENTS_ONLY_WINDOW_MS)
        : now;
  return [Math.min(now - MIN_LIVE_WINDOW_MS, reach), now];
}
