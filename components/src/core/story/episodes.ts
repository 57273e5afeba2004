import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerBehavior } from '../kube/autoscaling.js';
import { eventInvolves, type EventRecord, type InvolvedMatch } from '../kube/events.js';
import { scaledObjectPauseState } from '../keda/annotations.js';
import { KEDA_DEFAULTS } from '../keda/defaults.js';
import type { ScaledObject } from '../keda/types.js';
import { emptyHpaHistory, resolveBehavior, scaleDownLimit, scaleUpLimit } from '../scaling/hpa-behavior.js';
import {
  externalPerPodReplicas,
  externalValueReplicas,
  usageRatioReplicas,
  type Tolerances,
} from '../scaling/replica-calculator.js';
import { describeEpisode } from './sentence.js';
import type {
  EpisodeCause,
  EpisodeDirection,
  EpisodeLimit,
  MetricReading,
  ScalingEpisode,
  StoryInput,
  StoryMetricSeries,
} from './types.js';

const TOLERANCE: Tolerances = { scaleUp: 0.1, scaleDown: 0.1 };
/** How long after a decision the workload's own ScalingReplicaSet event may come. */
const FOLLOW_UP_MS = 60_000;
/** How close a replica-sample change must be to an event-backed episode to be the same change. */
const SAME_CHANGE_MS = 90_000;

interface Context {
  so: ScaledObject;
  hpa?: HorizontalPodAutoscaler;
  metrics: readonly StoryMetricSeries[];
  min: number;
  max: number;
  hpaMax: number;
  hpaMin: number;
}

const FROM_TO = /from (\d+) to (\d+)/;
const NEW_SIZE = /^New size: (\d+); reason: (.*)$/s;
const RS_SCALED = /^Scaled (up|down) replica set (\S+) (?:from (\d+) )?to (\d+)/;

function hpaNameOf(so: ScaledObject): string {
  return (
    so.status?.hpaName ??
    so.spec.advanced?.horizontalPodAutoscalerConfig?.name ??
    `keda-hpa-${so.metadata.name ?? ''}`
  );
}

/** The value of `series` at `t` (the latest sample not after it, or the first shortly after). */
export function valueAt(series: StoryMetricSeries | undefined, t: number): number | undefined {
  if (!series?.samples.length) return undefined;
  let found: number | undefined;
  for (const s of series.samples) {
    if (s.t <= t) found = s.value;
    else {
      if (found === undefined && s.t - t <= 30_000) found = s.value;
      break;
    }
  }
  return found;
}

/** Replicas the HPA algorithm wants for one metric's value, from `current` replicas. */
export function wantsFor(
  reading: Pick<MetricReading, 'value' | 'target' | 'targetType'>,
  current: number,
): number | undefined {
  const { value, target, targetType } = reading;
  if (value === undefined || target === undefined || target <= 0 || current <= 0) return undefined;
  if (targetType === 'AverageValue' || targetType === undefined)
    return externalPerPodReplicas(current, Math.round(target * 1000), [Math.round(value * 1000)], TOLERANCE)
      .replicas;
  if (targetType === 'Value')
    return externalValueReplicas(
      current,
      current,
      Math.round(target * 1000),
      [Math.round(value * 1000)],
      TOLERANCE,
    ).replicas;
  return usageRatioReplicas(current, current, value / target, TOLERANCE);
}

function reading(ctx: Context, metricName: string, t: number, current: number): MetricReading {
  const series = ctx.metrics.find((m) => m.metricName === metricName);
  const r: MetricReading = { metricName };
  if (series?.triggerType) r.triggerType = series.triggerType;
  const value = valueAt(series, t);
  if (value !== undefined) r.value = value;
  if (series?.target !== undefined) r.target = series.target;
  if (series?.targetType) r.targetType = series.targetType;
  const wants = wantsFor(r, current);
  if (wants !== undefined) r.wants = wants;
  return r;
}

/** The metric named in an HPA rescale reason (`external metric s0-x(&LabelSelector{…}) above target`). */
export function metricOfReason(reason: string): string | undefined {
  const external = /^external metric ([^(\s]+)/.exec(reason);
  if (external) return external[1];
  const resource = /^(\S+) resource(?: utilization)?/.exec(reason);
  if (resource) return resource[1];
  const pods = /^pods metric (\S+)/.exec(reason);
  return pods?.[1];
}

function behaviorOf(ctx: Context): HorizontalPodAutoscalerBehavior {
  return (
    ctx.hpa?.spec.behavior ??
    (ctx.so.spec.advanced?.horizontalPodAutoscalerConfig?.behavior as HorizontalPodAutoscalerBehavior) ??
    {}
  );
}

function policyText(policies: readonly { type: string; value: number; periodSeconds: number }[]): string {
  return policies
    .map(
      (p) =>
        `${p.value}${p.type === 'Percent' ? '%' : p.value === 1 ? ' pod' : ' pods'} per ${p.periodSeconds} s`,
    )
    .join(' or ');
}

/** What kept `to` away from `wants`. */
function limitsFor(ctx: Context, from: number, to: number, wants: number | undefined): EpisodeLimit[] {
  if (wants === undefined || wants === to) return [];
  const behavior = resolveBehavior(behaviorOf(ctx));
  if (wants > to) {
    if (to >= ctx.hpaMax) return [{ kind: 'maxReplicaCount', value: ctx.hpaMax }];
    const limit = scaleUpLimit(from, emptyHpaHistory(), behavior.scaleUp, 0);
    if (to <= limit && to > from)
      return [
        { kind: 'behavior', direction: 'scaleUp', limit: to, policy: policyText(behavior.scaleUp.policies) },
      ];
    return [];
  }
  if (to <= ctx.hpaMin) return [{ kind: 'minReplicaCount', value: ctx.hpaMin }];
  const window = behavior.scaleDown.stabilizationWindowSeconds;
  const limit = scaleDownLimit(from, emptyHpaHistory(), behavior.scaleDown, 0);
  if (to >= limit && to < from && limit > wants)
    return [
      {
        kind: 'behavior',
        direction: 'scaleDown',
        limit: to,
        policy: policyText(behavior.scaleDown.policies),
      },
    ];
  if (window > 0) return [{ kind: 'stabilization', windowSeconds: window }];
  return [];
}

function directionOf(from: number, to: number, keda?: 'activate' | 'deactivate'): EpisodeDirection {
  return keda ?? (to > from ? 'out' : 'in');
}

interface Decision {
  event: EventRecord;
  from?: number;
  to: number;
  build(from: number): { cause: EpisodeCause; limits: EpisodeLimit[]; keda?: 'activate' | 'deactivate' };
}

/**
 * Correlates a ScaledObject's events, metric samples and replica changes into scaling episodes,
 * oldest first: every change of the scale target's replicas with its cause and limits.
 */
export function scalingEpisodes(input: StoryInput): ScalingEpisode[] {
  const { scaledObject: so, hpa } = input;
  const namespace = so.metadata.namespace;
  const name = so.metadata.name ?? '';
  const target = so.spec.scaleTargetRef;
  const targetKind = target.kind ?? 'Deployment';
  const min = so.spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount;
  const max = so.spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount;
  const ctx: Context = {
    so,
    ...(hpa ? { hpa } : {}),
    metrics: input.metrics ?? [],
    min,
    max,
    hpaMax: hpa?.spec.maxReplicas ?? max,
    hpaMin: hpa?.spec.minReplicas ?? Math.max(min, 1),
  };

  const soRef: InvolvedMatch = { kind: 'ScaledObject', name, ...(namespace ? { namespace } : {}) };
  const hpaRef: InvolvedMatch = {
    kind: 'HorizontalPodAutoscaler',
    name: hpaNameOf(so),
    ...(namespace ? { namespace } : {}),
  };
  const workloadRef: InvolvedMatch = {
    kind: targetKind,
    name: target.name,
    ...(namespace ? { namespace } : {}),
  };
  const events = [...input.events]
    .filter(
      (e) =>
        eventInvolves(e, [soRef, hpaRef, workloadRef]) ||
        (e.involved.kind === 'ReplicaSet' &&
          e.involved.name?.startsWith(`${target.name}-`) &&
          (!namespace || e.involved.namespace === namespace)),
    )
    .sort((a, b) => a.time - b.time);

  const decisions: Decision[] = [];
  const followUps: Array<{ event: EventRecord; from?: number; to: number; used: boolean }> = [];
  let fallbackActive = false;
  let fallbackMetrics: string[] = [];
  let paused = false;

  for (const e of events) {
    const onSo = e.involved.kind === 'ScaledObject';
    if (onSo && e.reason === 'ScaledObjectFallbackActivated') fallbackActive = true;
    if (onSo && e.reason === 'ScaledObjectFallbackDeactivated') fallbackActive = false;
    if (onSo && e.reason === 'KEDAScalerFailed') fallbackMetrics = ctx.metrics.map((m) => m.metricName);
    if (onSo && e.reason === 'ScaledObjectPaused') paused = true;
    if (onSo && e.reason === 'ScaledObjectUnpaused') paused = false;

    if (onSo && (e.reason === 'KEDAScaleTargetActivated' || e.reason === 'KEDAScaleTargetDeactivated')) {
      const m = FROM_TO.exec(e.message);
      if (!m) continue;
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (e.reason === 'KEDAScaleTargetActivated') {
        const triggered = /, triggered by (.+)$/.exec(e.message);
        const names = triggered
          ? triggered[1]!
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
        const forced = /forced activation/.test(e.message);
        decisions.push({
          event: e,
          from,
          to,
          build: () => ({
            keda: 'activate',
            cause: {
              kind: 'activation',
              metricNames: names,
              forced,
              readings: names.map((n) => {
                const series = ctx.metrics.find((s) => s.metricName === n);
                const r = reading(ctx, n, e.time, Math.max(to, 1));
                return series?.activationThreshold === undefined
                  ? r
                  : { ...r, activationThreshold: series.activationThreshold };
              }),
            },
            limits: [],
          }),
        });
      } else {
        const cooldown = so.spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriod;
        decisions.push({
          event: e,
          from,
          to,
          build: () => {
            const cause: EpisodeCause = { kind: 'cooldown-expired', cooldownSeconds: cooldown };
            const since = e.time - cooldown * 1000;
            if (Number.isFinite(since)) cause.inactiveSince = since;
            return { keda: 'deactivate', cause, limits: [] };
          },
        });
      }
      continue;
    }

    if (e.involved.kind === 'HorizontalPodAutoscaler' && e.reason === 'SuccessfulRescale') {
      const m = NEW_SIZE.exec(e.message);
      if (!m) continue;
      const to = Number(m[1]);
      const reason = m[2]!;
      const inFallback = fallbackActive;
      const failing = fallbackMetrics;
      decisions.push({
        event: e,
        to,
        build: (from) => {
          if (inFallback) {
            const replicas = so.spec.fallback?.replicas;
            return {
              cause: {
                kind: 'fallback',
                ...(replicas === undefined ? {} : { replicas }),
                failingMetrics: failing,
              },
              limits: [],
            };
          }
          if (/above Spec\.MaxReplicas/.test(reason))
            return { cause: { kind: 'bounds', bound: 'max', value: to }, limits: [] };
          if (/below Spec\.MinReplicas/.test(reason))
            return { cause: { kind: 'bounds', bound: 'min', value: to }, limits: [] };
          const allBelow = /^All metrics below target/.test(reason);
          const names = allBelow
            ? ctx.metrics.map((s) => s.metricName)
            : [metricOfReason(reason)].filter(Boolean);
          const readings = (names as string[]).map((n) => reading(ctx, n, e.time, from));
          const wanted = readings.map((r) => r.wants).filter((w): w is number => w !== undefined);
          const wants = wanted.length === readings.length && wanted.length ? Math.max(...wanted) : undefined;
          return {
            cause: { kind: 'metric', readings, allBelowTarget: allBelow },
            limits: limitsFor(ctx, from, to, wants),
          };
        },
      });
      continue;
    }

    if (e.reason === 'ScalingReplicaSet' && e.involved.kind === targetKind) {
      const m = RS_SCALED.exec(e.message);
      if (!m) continue;
      followUps.push({
        event: e,
        ...(m[3] !== undefined ? { from: Number(m[3]) } : {}),
        to: Number(m[4]),
        used: false,
      });
      continue;
    }
    if (e.reason === 'SuccessfulRescale' || e.reason === 'KEDAScaleTargetActivated') continue;
    void paused;
  }

  const episodes: ScalingEpisode[] = [];
  let known: number | undefined;
  const replicasBefore = (t: number): number | undefined => {
    let v: number | undefined;
    for (const s of input.replicas ?? []) {
      if (s.t >= t) break;
      v = s.desired ?? s.current ?? v;
    }
    return v;
  };

  for (const d of decisions) {
    const follow = followUps.find(
      (f) =>
        !f.used &&
        f.to === d.to &&
        f.event.time >= d.event.time - 1000 &&
        f.event.time - d.event.time <= FOLLOW_UP_MS,
    );
    if (follow) follow.used = true;
    const from = d.from ?? follow?.from ?? replicasBefore(d.event.time) ?? known;
    if (from === undefined || from === d.to) {
      known = d.to;
      if (from === undefined) {
        // Without the previous count the change cannot be told; keep it as an episode of unknown start.
        const built = d.build(d.to);
        episodes.push(
          finish(d.event.key, d.event.time, d.to, d.to, built, [d.event, ...(follow ? [follow.event] : [])]),
        );
      }
      continue;
    }
    const built = d.build(from);
    episodes.push(
      finish(d.event.key, d.event.time, from, d.to, built, [d.event, ...(follow ? [follow.event] : [])]),
    );
    known = d.to;
  }

  // Workload changes nobody above decided: a pause, a manual scale, or an actor we did not see.
  for (const f of followUps) {
    if (f.used || f.from === undefined) continue;
    if (episodes.some((ep) => ep.to === f.to && Math.abs(ep.time - f.event.time) <= FOLLOW_UP_MS)) continue;
    const pausedNow = pausedAt(events, f.event.time);
    const pause = scaledObjectPauseState(so.metadata.annotations);
    const cause: EpisodeCause = pausedNow
      ? { kind: 'paused', ...(pause.pausedReplicas === undefined ? {} : { replicas: pause.pausedReplicas }) }
      : { kind: 'unknown', detail: 'not by KEDA or the HPA' };
    episodes.push(finish(f.event.key, f.event.time, f.from, f.to, { cause, limits: [] }, [f.event]));
  }

  // Replica changes seen only in samples (events expire after an hour; samples persist).
  const samples = input.replicas ?? [];
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1]!.desired ?? samples[i - 1]!.current;
    const next = samples[i]!.desired ?? samples[i]!.current;
    if (prev === undefined || next === undefined || prev === next) continue;
    const t = samples[i]!.t;
    if (episodes.some((ep) => ep.to === next && Math.abs(ep.time - t) <= SAME_CHANGE_MS)) continue;
    episodes.push(finish(`replicas@${t}`, t, prev, next, inferFromSamples(ctx, t, prev, next), []));
  }

  return episodes.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

function pausedAt(events: readonly EventRecord[], t: number): boolean {
  let paused = false;
  for (const e of events) {
    if (e.time > t) break;
    if (e.reason === 'ScaledObjectPaused') paused = true;
    if (e.reason === 'ScaledObjectUnpaused') paused = false;
  }
  return paused;
}

/** A cause for a change only the replica samples show: the metrics around it, else KEDA's rules. */
function inferFromSamples(
  ctx: Context,
  t: number,
  from: number,
  to: number,
): { cause: EpisodeCause; limits: EpisodeLimit[]; keda?: 'activate' | 'deactivate' } {
  const names = ctx.metrics.map((m) => m.metricName);
  if (from === 0 && to > 0) {
    const readings = names.map((n): MetricReading & { activationThreshold?: number } => {
      const series = ctx.metrics.find((s) => s.metricName === n);
      const r = reading(ctx, n, t, to);
      return series?.activationThreshold === undefined
        ? r
        : { ...r, activationThreshold: series.activationThreshold };
    });
    const active = readings.filter((r) => r.value !== undefined && r.value > (r.activationThreshold ?? 0));
    return {
      keda: 'activate',
      cause: {
        kind: 'activation',
        metricNames: active.map((r) => r.metricName),
        readings: active,
        forced: false,
      },
      limits: [],
    };
  }
  if (to === 0 || (ctx.so.spec.idleReplicaCount !== undefined && to === ctx.so.spec.idleReplicaCount)) {
    const cooldown = ctx.so.spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriod;
    return {
      keda: 'deactivate',
      cause: { kind: 'cooldown-expired', cooldownSeconds: cooldown, inactiveSince: t - cooldown * 1000 },
      limits: [],
    };
  }
  const readings = names.map((n) => reading(ctx, n, t, from));
  if (!readings.some((r) => r.wants !== undefined))
    return { cause: { kind: 'unknown', detail: 'no event recorded it' }, limits: [] };
  const wanted = readings.map((r) => r.wants).filter((w): w is number => w !== undefined);
  const wants = Math.max(...wanted);
  return {
    cause: { kind: 'metric', readings, allBelowTarget: to < from },
    limits: limitsFor(ctx, from, to, wants),
  };
}

function finish(
  id: string,
  time: number,
  from: number,
  to: number,
  built: { cause: EpisodeCause; limits: EpisodeLimit[]; keda?: 'activate' | 'deactivate' },
  events: EventRecord[],
): ScalingEpisode {
  const episode: Omit<ScalingEpisode, 'sentence'> = {
    id,
    time,
    from,
    to,
    direction: directionOf(from, to, built.keda),
    cause: built.cause,
    limits: built.limits,
    events,
  };
  return { ...episode, sentence: describeEpisode(episode) };
}
