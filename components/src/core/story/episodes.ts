import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerBehavior } from '../kube/autoscaling.js';
import { eventInvolves, type EventRecord, type InvolvedMatch } from '../kube/events.js';
import { scaledObjectPauseState } from '../keda/annotations.js';
import { KEDA_DEFAULTS } from '../keda/defaults.js';
import type { ScaledObject } from '../keda/types.js';
import {
  emptyHpaHistory,
  resolveBehavior,
  scaleDownLimit,
  scaleUpLimit,
  type HpaHistory,
} from '../scaling/hpa-behavior.js';
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

type ActivationReading = MetricReading & { activationThreshold?: number };

const TOLERANCE: Tolerances = { scaleUp: 0.1, scaleDown: 0.1 };
/** How long after a decision the workload's own ScalingReplicaSet event may come. */
const FOLLOW_UP_MS = 60_000;
/** How close a replica-sample change must be to an event-backed episode to be the same change. */
const SAME_CHANGE_MS = 90_000;
/** How long after the workload's scaling event KEDA's ScaledObjectPaused of the same reconcile may be timed. */
const PAUSE_EVENT_AFTER_MS = 5_000;
/** The HPA writes the value it decided on with the decision; a sampler sees it a moment later. */
const DECISION_SAMPLE_BEFORE_MS = 2_000;
const DECISION_SAMPLE_AFTER_MS = 10_000;
/** Without `spec.behavior` the HPA scales up to at most max(2 × current, 4) per sync. */
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

const FROM_TO = /from (\d+) to (\d+)/;
const NEW_SIZE = /^New size: (\d+); reason: (.*)$/s;
const RS_SCALED = /^Scaled (up|down) replica set (\S+) (?:from (\d+) )?to (\d+)/;

interface Context {
  so: ScaledObject;
  hpa?: HorizontalPodAutoscaler;
  metrics: readonly StoryMetricSeries[];
  hpaMax: number;
  hpaMin: number;
  behavior: HorizontalPodAutoscalerBehavior | undefined;
  pollMs: number;
}

function hpaNameOf(so: ScaledObject): string {
  return (
    so.status?.hpaName ??
    so.spec.advanced?.horizontalPodAutoscalerConfig?.name ??
    `keda-hpa-${so.metadata.name ?? ''}`
  );
}

/** The latest sample value at or before `t`. */
export function valueAt(series: StoryMetricSeries | undefined, t: number): number | undefined {
  let found: number | undefined;
  for (const s of series?.samples ?? []) {
    if (s.t > t) break;
    found = s.value;
  }
  return found;
}

/** The sample nearest `t` within [t − before, t + after] that `accept`s, else the latest before `t`. */
function valueNear(
  series: StoryMetricSeries | undefined,
  t: number,
  beforeMs: number,
  afterMs: number,
  accept: (v: number) => boolean = () => true,
): number | undefined {
  let best: { d: number; v: number } | undefined;
  for (const s of series?.samples ?? []) {
    if (s.t < t - beforeMs || s.t > t + afterMs || !accept(s.value)) continue;
    const d = Math.abs(s.t - t);
    if (!best || d < best.d) best = { d, v: s.value };
  }
  return best?.v ?? valueAt(series, t);
}

/** Replicas the HPA algorithm wants for one metric's value, from `current` replicas. */
export function wantsFor(
  reading: Pick<MetricReading, 'value' | 'target' | 'targetType'>,
  current: number,
): number | undefined {
  const { value, target, targetType } = reading;
  if (value === undefined || target === undefined || target <= 0 || current <= 0) return undefined;
  const milli = (v: number) => Math.round(v * 1000);
  if (targetType === 'AverageValue' || targetType === undefined)
    return externalPerPodReplicas(current, milli(target), [milli(value)], TOLERANCE).replicas;
  if (targetType === 'Value')
    return externalValueReplicas(current, current, milli(target), [milli(value)], TOLERANCE).replicas;
  return usageRatioReplicas(current, current, value / target, TOLERANCE);
}

function readingOf(
  ctx: Context,
  metricName: string,
  value: number | undefined,
  current: number,
): MetricReading {
  const series = ctx.metrics.find((m) => m.metricName === metricName);
  const r: MetricReading = { metricName };
  if (series?.triggerType) r.triggerType = series.triggerType;
  if (value !== undefined) r.value = value;
  if (series?.target !== undefined) r.target = series.target;
  if (series?.targetType) r.targetType = series.targetType;
  const wants = wantsFor(r, current);
  if (wants !== undefined) r.wants = wants;
  return r;
}

/** A metric's reading at an HPA decision at `t`. */
function decisionReading(ctx: Context, metricName: string, t: number, current: number): MetricReading {
  const series = ctx.metrics.find((m) => m.metricName === metricName);
  const value = valueNear(series, t, DECISION_SAMPLE_BEFORE_MS, DECISION_SAMPLE_AFTER_MS);
  return readingOf(ctx, metricName, value, current);
}

/** A metric's reading at a KEDA activation (or deactivation) at `t`, with its activation threshold. */
function activationReading(
  ctx: Context,
  metricName: string,
  t: number,
  replicas: number,
  active: boolean,
): ActivationReading {
  const series = ctx.metrics.find((m) => m.metricName === metricName);
  const threshold = series?.activationThreshold ?? 0;
  const value = active
    ? valueNear(series, t, ctx.pollMs, ctx.pollMs, (v) => v > threshold)
    : valueAt(series, t);
  const r: ActivationReading = readingOf(ctx, metricName, value, replicas);
  if (series?.activationThreshold !== undefined) r.activationThreshold = series.activationThreshold;
  return r;
}

/** The metric named in an HPA rescale reason (`external metric s0-x(&LabelSelector{…}) above target`). */
export function metricOfReason(reason: string): string | undefined {
  const external = /^external metric ([^(\s]+)/.exec(reason);
  if (external) return external[1];
  const pods = /^pods metric (\S+)/.exec(reason);
  if (pods) return pods[1];
  const resource = /^(\S+) resource(?: utilization)?/.exec(reason);
  return resource?.[1];
}

function policyText(
  policies: readonly { type: string; value: number; periodSeconds: number }[],
  select: string,
): string {
  const each = policies.map(
    (p) =>
      `${p.value}${p.type === 'Percent' ? '%' : p.value === 1 ? ' pod' : ' pods'} per ${p.periodSeconds} s`,
  );
  if (each.length < 2) return each.join('');
  return `${select === 'Min' ? 'the least of' : 'the most of'} ${each.join(', ')}`;
}

/** What kept `to` away from `wants`, given the HPA's recent scale events (`history`). */
function limitsFor(
  ctx: Context,
  from: number,
  to: number,
  wants: number | undefined,
  history: HpaHistory,
  now: number,
): EpisodeLimit[] {
  if (wants === undefined || wants === to) return [];
  if (wants > to) {
    if (to >= ctx.hpaMax) return [{ kind: 'maxReplicaCount', value: ctx.hpaMax }];
    if (!ctx.behavior) {
      const limit = Math.max(SCALE_UP_LIMIT_FACTOR * from, SCALE_UP_LIMIT_MINIMUM);
      return to === limit
        ? [
            {
              kind: 'behavior',
              direction: 'scaleUp',
              limit,
              policy: `no behavior set: at most max(${SCALE_UP_LIMIT_FACTOR} × ${from}, ${SCALE_UP_LIMIT_MINIMUM})`,
            },
          ]
        : [];
    }
    const rules = resolveBehavior(ctx.behavior).scaleUp;
    const limit = scaleUpLimit(from, history, rules, now);
    return to === limit
      ? [
          {
            kind: 'behavior',
            direction: 'scaleUp',
            limit,
            policy: policyText(rules.policies, rules.selectPolicy),
          },
        ]
      : [];
  }
  if (to <= ctx.hpaMin) return [{ kind: 'minReplicaCount', value: ctx.hpaMin }];
  if (ctx.behavior) {
    const rules = resolveBehavior(ctx.behavior).scaleDown;
    const limit = scaleDownLimit(from, history, rules, now);
    if (to === limit && to > wants)
      return [
        {
          kind: 'behavior',
          direction: 'scaleDown',
          limit,
          policy: policyText(rules.policies, rules.selectPolicy),
        },
      ];
  }
  const window = ctx.behavior
    ? resolveBehavior(ctx.behavior).scaleDown.stabilizationWindowSeconds
    : KEDA_HPA_DOWNSCALE_WINDOW_SECONDS;
  return window > 0 ? [{ kind: 'stabilization', windowSeconds: window }] : [];
}

/** kube-controller-manager's `--horizontal-pod-autoscaler-downscale-stabilization` default. */
const KEDA_HPA_DOWNSCALE_WINDOW_SECONDS = 300;

function directionOf(from: number, to: number, keda?: 'activate' | 'deactivate'): EpisodeDirection {
  return keda ?? (to > from ? 'out' : 'in');
}

/**
 * Occurrences of a (possibly folded) event: a record counted more than once happened at least at
 * its first and its last time; the ones between are not known any more.
 */
function occurrences(e: EventRecord): EventRecord[] {
  if (e.count > 1 && e.firstTime < e.time) return [{ ...e, time: e.firstTime, key: `${e.key}@first` }, e];
  return [e];
}

type Built = { cause: EpisodeCause; limits: EpisodeLimit[]; keda?: 'activate' | 'deactivate' };

interface Decision {
  event: EventRecord;
  /** From the message (KEDA says "from 0 to 1"); the HPA's events do not say. */
  from?: number;
  to: number;
  hpa: boolean;
  build(from: number, history: HpaHistory): Built;
}

interface FollowUp {
  event: EventRecord;
  from?: number;
  to: number;
  used: boolean;
}

/**
 * Correlates a ScaledObject's events, metric samples and replica changes into scaling episodes,
 * oldest first: every change of the scale target's replicas with its cause and its limits.
 * Events explain most changes (KEDA's activation/deactivation, the HPA's rescales with their
 * reasons, the Deployment's replica set scaling); replica samples fill in changes whose events
 * expired (the API server keeps events for an hour), explained from the metric samples.
 */
export function scalingEpisodes(input: StoryInput): ScalingEpisode[] {
  const { scaledObject: so, hpa } = input;
  const namespace = so.metadata.namespace;
  const target = so.spec.scaleTargetRef;
  const targetKind = target.kind ?? 'Deployment';
  const min = so.spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount;
  const max = so.spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount;
  const behavior =
    hpa?.spec.behavior ??
    (so.spec.advanced?.horizontalPodAutoscalerConfig?.behavior as
      HorizontalPodAutoscalerBehavior | undefined);
  const ctx: Context = {
    so,
    ...(hpa ? { hpa } : {}),
    metrics: input.metrics ?? [],
    hpaMax: hpa?.spec.maxReplicas ?? max,
    hpaMin: hpa?.spec.minReplicas ?? Math.max(min, 1),
    behavior,
    pollMs: Math.max((so.spec.pollingInterval ?? KEDA_DEFAULTS.pollingInterval) * 1000, 15_000),
  };

  const ns = namespace ? { namespace } : {};
  const about: InvolvedMatch[] = [
    { kind: 'ScaledObject', name: so.metadata.name ?? '', ...ns },
    { kind: 'HorizontalPodAutoscaler', name: hpaNameOf(so), ...ns },
    { kind: targetKind, name: target.name, ...ns },
  ];
  const events = input.events
    .filter(
      (e) =>
        eventInvolves(e, about) ||
        (e.involved.kind === 'ReplicaSet' &&
          !!e.involved.name?.startsWith(`${target.name}-`) &&
          (!namespace || e.involved.namespace === namespace)),
    )
    .flatMap(occurrences)
    .sort((a, b) => a.time - b.time || a.key.localeCompare(b.key));

  const decisions: Decision[] = [];
  const followUps: FollowUp[] = [];
  let fallbackActive = false;
  for (const e of events) {
    const onSo = e.involved.kind === 'ScaledObject';
    if (onSo && e.reason === 'ScaledObjectFallbackActivated') fallbackActive = true;
    if (onSo && e.reason === 'ScaledObjectFallbackDeactivated') fallbackActive = false;
    if (onSo && (e.reason === 'KEDAScaleTargetActivated' || e.reason === 'KEDAScaleTargetDeactivated')) {
      const m = FROM_TO.exec(e.message);
      if (m) decisions.push(kedaDecision(ctx, e, Number(m[1]), Number(m[2])));
    } else if (e.involved.kind === 'HorizontalPodAutoscaler' && e.reason === 'SuccessfulRescale') {
      const m = NEW_SIZE.exec(e.message);
      if (m) decisions.push(hpaDecision(ctx, e, Number(m[1]), m[2]!, fallbackActive));
    } else if (e.reason === 'ScalingReplicaSet' && e.involved.kind === targetKind) {
      const m = RS_SCALED.exec(e.message);
      if (m)
        followUps.push({
          event: e,
          ...(m[3] !== undefined ? { from: Number(m[3]) } : {}),
          to: Number(m[4]),
          used: false,
        });
    }
  }

  const samples = input.replicas ?? [];
  const replicasBefore = (t: number): number | undefined => {
    let v: number | undefined;
    for (const s of samples) {
      if (s.t >= t) break;
      v = s.desired ?? s.current ?? v;
    }
    return v;
  };

  const episodes: ScalingEpisode[] = [];
  let history = emptyHpaHistory();
  let known: number | undefined;
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
    known = d.to;
    if (from === undefined || from === d.to) continue;
    const built = d.build(from, history);
    episodes.push(
      finish(d.event.key, d.event.time, from, d.to, built, [d.event, ...(follow ? [follow.event] : [])]),
    );
    if (d.hpa) history = remember(history, from, d.to, d.event.time);
  }

  // Workload changes nobody above decided: a pause, a manual scale, or an actor we did not see.
  const pause = scaledObjectPauseState(so.metadata.annotations);
  for (const f of followUps) {
    if (f.used || f.from === undefined || f.from === f.to) continue;
    if (episodes.some((ep) => ep.to === f.to && Math.abs(ep.time - f.event.time) <= FOLLOW_UP_MS)) continue;
    const built: Built = pausedAt(events, f.event.time)
      ? {
          cause: {
            kind: 'paused',
            ...(pause.pausedReplicas === undefined ? {} : { replicas: pause.pausedReplicas }),
          },
          limits: [],
        }
      : fromSamples(ctx, f.event.time, f.from, f.to);
    episodes.push(finish(f.event.key, f.event.time, f.from, f.to, built, [f.event]));
  }

  // Replica changes seen only in samples (events expire after an hour; samples persist).
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1]!.desired ?? samples[i - 1]!.current;
    const next = samples[i]!.desired ?? samples[i]!.current;
    if (prev === undefined || next === undefined || prev === next) continue;
    const t = samples[i]!.t;
    if (episodes.some((ep) => ep.to === next && Math.abs(ep.time - t) <= SAME_CHANGE_MS)) continue;
    episodes.push(finish(`replicas@${t}`, t, prev, next, fromSamples(ctx, t, prev, next), []));
  }

  return episodes.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

function remember(history: HpaHistory, from: number, to: number, t: number): HpaHistory {
  const event = { replicaChange: Math.abs(to - from), timestamp: t, outdated: false };
  return to > from
    ? { ...history, scaleUpEvents: [...history.scaleUpEvents, event] }
    : { ...history, scaleDownEvents: [...history.scaleDownEvents, event] };
}

function kedaDecision(ctx: Context, e: EventRecord, from: number, to: number): Decision {
  if (e.reason === 'KEDAScaleTargetActivated') {
    const triggered = /, triggered by (.+)$/.exec(e.message);
    const names = triggered
      ? triggered[1]!
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    const forced = /forced activation/.test(e.message);
    return {
      event: e,
      from,
      to,
      hpa: false,
      build: () => ({
        keda: 'activate',
        cause: {
          kind: 'activation',
          metricNames: names,
          forced,
          readings: names.map((n) => activationReading(ctx, n, e.time, Math.max(to, 1), true)),
        },
        limits: [],
      }),
    };
  }
  const cooldownSeconds = ctx.so.spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriod;
  return {
    event: e,
    from,
    to,
    hpa: false,
    build: () => ({
      keda: 'deactivate',
      cause: {
        kind: 'cooldown-expired',
        cooldownSeconds,
        inactiveSince: e.time - cooldownSeconds * 1000,
        readings: ctx.metrics
          .filter((m) => m.samples.length)
          .map((m) => activationReading(ctx, m.metricName, e.time, from, false)),
      },
      limits: [],
    }),
  };
}

function hpaDecision(
  ctx: Context,
  e: EventRecord,
  to: number,
  reason: string,
  inFallback: boolean,
): Decision {
  return {
    event: e,
    to,
    hpa: true,
    build: (from, history) => {
      if (inFallback) {
        const replicas = ctx.so.spec.fallback?.replicas;
        const failing = Object.entries(ctx.so.status?.health ?? {})
          .filter(([, h]) => h.status === 'Failing')
          .map(([name]) => name);
        return {
          cause: {
            kind: 'fallback',
            ...(replicas === undefined ? {} : { replicas }),
            failingMetrics: failing,
          },
          limits:
            to >= ctx.hpaMax && replicas !== undefined && replicas > to
              ? [{ kind: 'maxReplicaCount', value: ctx.hpaMax }]
              : [],
        };
      }
      if (/above Spec\.MaxReplicas/.test(reason))
        return { cause: { kind: 'bounds', bound: 'max', value: to }, limits: [] };
      if (/below Spec\.MinReplicas/.test(reason))
        return { cause: { kind: 'bounds', bound: 'min', value: to }, limits: [] };
      const allBelow = /^All metrics below target/.test(reason);
      const named = metricOfReason(reason);
      const names = allBelow || !named ? ctx.metrics.map((s) => s.metricName) : [named];
      const readings = names.map((n) => decisionReading(ctx, n, e.time, from));
      const wanted = readings.map((r) => r.wants).filter((w): w is number => w !== undefined);
      const wants = wanted.length && wanted.length === readings.length ? Math.max(...wanted) : undefined;
      return {
        cause: { kind: 'metric', readings, allBelowTarget: allBelow },
        limits: limitsFor(ctx, from, to, wants, history, e.time),
      };
    },
  };
}

/**
 * Whether KEDA had paused the ScaledObject at `t`. It scales a paused-replicas target in the same
 * reconcile that records its ScaledObjectPaused event, whose second-resolution time can come after
 * the workload's own event.
 */
function pausedAt(events: readonly EventRecord[], t: number): boolean {
  let paused = false;
  for (const e of events) {
    if (e.time > t + PAUSE_EVENT_AFTER_MS) break;
    if (e.reason === 'ScaledObjectPaused') paused = true;
    if (e.reason === 'ScaledObjectUnpaused') paused = false;
  }
  return paused;
}

/** A cause for a change only the replica samples show: the metrics around it and KEDA's rules. */
function fromSamples(ctx: Context, t: number, from: number, to: number): Built {
  const withSamples = ctx.metrics.filter((m) => m.samples.length);
  const idle = ctx.so.spec.idleReplicaCount ?? 0;
  if (from <= idle && to > from) {
    const readings = withSamples
      .map((m) => activationReading(ctx, m.metricName, t, to, true))
      .filter((r) => r.value !== undefined && r.value > (r.activationThreshold ?? 0));
    return {
      keda: 'activate',
      cause: { kind: 'activation', metricNames: readings.map((r) => r.metricName), readings, forced: false },
      limits: [],
    };
  }
  if (to <= idle && from > to) {
    const cooldownSeconds = ctx.so.spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriod;
    return {
      keda: 'deactivate',
      cause: {
        kind: 'cooldown-expired',
        cooldownSeconds,
        inactiveSince: t - cooldownSeconds * 1000,
        readings: withSamples.map((m) => activationReading(ctx, m.metricName, t, from, false)),
      },
      limits: [],
    };
  }
  const readings = withSamples.map((m) => decisionReading(ctx, m.metricName, t, from));
  const wanted = readings.map((r) => r.wants).filter((w): w is number => w !== undefined);
  if (!wanted.length)
    return {
      cause: { kind: 'unknown', detail: 'no KEDA or HPA event or metric sample explains it' },
      limits: [],
    };
  return {
    cause: { kind: 'metric', readings, allBelowTarget: to < from },
    limits: limitsFor(ctx, from, to, Math.max(...wanted), emptyHpaHistory(), t),
  };
}

function finish(
  id: string,
  time: number,
  from: number,
  to: number,
  built: Built,
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
