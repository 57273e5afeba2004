/**
 * What-if preview: replays a load curve against a ScaledObject or ScaledJob spec with the same
 * functions the simulated cluster runs: KEDA's scale loop (`scaleLoopStep`: activation, cooldown,
 * deactivation to 0 or idle) every pollingInterval, the metrics adapter (`externalMetricValue`)
 * and the HPA controller (`reconcileHpa` with the configured behaviour) every 15 s in between;
 * for a ScaledJob, `scaledJobPoll` with Jobs that run for a fixed time. Pure and deterministic.
 *
 * Assumptions (said in `notes`): every external trigger reports the curve's value; cron triggers
 * stay inactive; pods are ready at once; scalers never fail (fallback is not exercised); for
 * cpu/memory the curve is the demand in percent of one pod's request.
 */

import type {
  HorizontalPodAutoscalerCondition,
  HorizontalPodAutoscalerSpec,
  MetricSpec,
} from '../kube/autoscaling.js';
import type { Condition } from '../kube/types.js';
import { hpaMaxReplicas, hpaMinReplicas, pollingInterval } from '../keda/defaults.js';
import { kedaHpaMetricSpecs, type TriggerScalingParams } from '../keda/hpa-metric-specs.js';
import { triggerTargetInfo } from '../keda/trigger-targets.js';
import type { ScaledJob, ScaledObject } from '../keda/types.js';
import type { HealthMap } from './fallback.js';
import { emptyHpaHistory, type HpaHistory } from './hpa-behavior.js';
import { reconcileHpa, type HpaMetricObservation } from './hpa.js';
import { scaleLoopStep, type LoopScaledObject, type MetricObservation, type ObservedHpa } from './keda.js';
import { curvePeak, loadAt, type LoadCurve } from './load-curves.js';
import { externalMetricValue } from './metrics-adapter.js';
import { scaledJobPoll } from './scaled-job.js';

/** The spec being built and the load to replay. */
export type WhatIfInput =
  | {
      kind: 'ScaledObject';
      name: string;
      namespace: string;
      spec: ScaledObject['spec'];
      load: LoadCurve;
      /** Replicas of the target when the ScaledObject is created (default 1). */
      initialReplicas?: number;
      /** HPA controller sync period (default 15 s). */
      hpaSyncSeconds?: number;
    }
  | {
      kind: 'ScaledJob';
      name: string;
      namespace: string;
      spec: ScaledJob['spec'];
      load: LoadCurve;
      /** How long each Job runs (default 120 s). */
      jobSeconds?: number;
    };

/** The state after one controller step. */
export interface WhatIfSample {
  /** Seconds from the start. */
  t: number;
  load: number;
  /** Replicas of the target (ScaledObject) or running Jobs (ScaledJob). */
  replicas: number;
  /** KEDA considered the triggers active at its last poll. */
  active: boolean;
}

/** A KEDA or HPA event at a simulated time. */
export interface WhatIfEvent {
  t: number;
  source: 'keda' | 'hpa';
  reason: string;
  message: string;
}

export interface WhatIfSummary {
  peakLoad: number;
  peakReplicas: number;
  /** When the peak replica count was first reached (s). */
  peakAt: number;
  finalReplicas: number;
  /** Increases and decreases of the replica count (or Job starts for a ScaledJob). */
  scaleUps: number;
  scaleDowns: number;
  /** KEDA activations (0 → N) and deactivations (N → 0/idle). */
  activations: number;
  deactivations: number;
  /** Time spent at 0 replicas (s). */
  secondsAtZero: number;
  /** Jobs started (ScaledJob). */
  jobsStarted: number;
}

export type WhatIfResult =
  | {
      ok: true;
      kind: 'ScaledObject' | 'ScaledJob';
      samples: WhatIfSample[];
      events: WhatIfEvent[];
      summary: WhatIfSummary;
      notes: string[];
      durationSeconds: number;
    }
  | { ok: false; error: string };

/** Where the simulated clock starts (fixed, so results never depend on when they are computed). */
const T0 = Date.UTC(2026, 0, 1);
const MAX_EVENTS = 400;

function activeFor(params: TriggerScalingParams, type: string, value: number): boolean {
  const info = triggerTargetInfo(type);
  if (type === 'cron') return false;
  if (info?.activity === 'at-least-target') return value >= params.target;
  return value > params.activationThreshold;
}

function externalSpecsFor(spec: { triggers: ReadonlyArray<{ type: string }> }) {
  const out: Record<number, Array<{ metricName: string; targetSize: number }>> = {};
  spec.triggers.forEach((t, i) => {
    if (t.type.startsWith('external')) out[i] = [{ metricName: `${t.type}-metric`, targetSize: 1 }];
  });
  return out;
}

function notesFor(triggers: ReadonlyArray<{ type: string }>, kind: WhatIfInput['kind']): string[] {
  const notes = [
    'Every trigger reports the curve’s value; scalers never fail, so fallback is not exercised.',
  ];
  if (triggers.some((t) => t.type === 'cron')) notes.push('Cron triggers stay inactive in the preview.');
  if (triggers.some((t) => t.type === 'cpu' || t.type === 'memory'))
    notes.push('For cpu/memory the curve is the total demand in percent of one pod’s request.');
  if (kind === 'ScaledObject') notes.push('New pods are ready at once (no start-up delay).');
  else notes.push('The queue is not drained by the Jobs: the curve is what the scaler reports.');
  return notes;
}

function summarize(
  samples: readonly WhatIfSample[],
  events: readonly WhatIfEvent[],
  peakLoad: number,
): WhatIfSummary {
  let peakReplicas = 0;
  let peakAt = 0;
  let scaleUps = 0;
  let scaleDowns = 0;
  let secondsAtZero = 0;
  samples.forEach((s, i) => {
    if (s.replicas > peakReplicas) {
      peakReplicas = s.replicas;
      peakAt = s.t;
    }
    const prev = samples[i - 1];
    if (prev) {
      if (s.replicas > prev.replicas) scaleUps++;
      if (s.replicas < prev.replicas) scaleDowns++;
      if (prev.replicas === 0) secondsAtZero += s.t - prev.t;
    }
  });
  return {
    peakLoad,
    peakReplicas,
    peakAt,
    finalReplicas: samples[samples.length - 1]?.replicas ?? 0,
    scaleUps,
    scaleDowns,
    activations: events.filter((e) => e.reason === 'KEDAScaleTargetActivated').length,
    deactivations: events.filter((e) => e.reason === 'KEDAScaleTargetDeactivated').length,
    secondsAtZero,
    jobsStarted: events
      .filter((e) => e.reason === 'KEDAJobsCreated')
      .reduce((n, e) => n + Number(/Created (\d+) jobs/.exec(e.message)?.[1] ?? 0), 0),
  };
}

function simulateScaledObject(input: Extract<WhatIfInput, { kind: 'ScaledObject' }>): WhatIfResult {
  const { spec, load, name, namespace } = input;
  const specs = kedaHpaMetricSpecs(
    { name, spec },
    { namespace, externalMetricSpecs: externalSpecsFor(spec) },
  );
  if (!specs.ok) return { ok: false, error: specs.error };
  const poll = pollingInterval(spec).value;
  const hpaSync = input.hpaSyncSeconds ?? 15;
  const duration = load.durationSeconds;
  const hpaSpec: HorizontalPodAutoscalerSpec = {
    scaleTargetRef: { kind: spec.scaleTargetRef.kind || 'Deployment', name: spec.scaleTargetRef.name },
    minReplicas: hpaMinReplicas(spec).value,
    maxReplicas: hpaMaxReplicas(spec).value,
    metrics: specs.metrics,
  };
  const behavior = spec.advanced?.horizontalPodAutoscalerConfig?.behavior;
  if (behavior) hpaSpec.behavior = behavior as HorizontalPodAutoscalerSpec['behavior'];

  let replicas = input.initialReplicas ?? 1;
  let conditions: Condition[] | undefined;
  let lastActiveTime: number | undefined;
  let health: HealthMap = {};
  let active = false;
  let hpaStatus: {
    conditions?: HorizontalPodAutoscalerCondition[];
    desiredReplicas?: number;
    lastScaleTime?: string;
  } = {};
  let history: HpaHistory = emptyHpaHistory();
  const samples: WhatIfSample[] = [{ t: 0, load: loadAt(load, 0), replicas, active }];
  const events: WhatIfEvent[] = [];
  const record = (t: number, source: WhatIfEvent['source'], reason: string, message: string): void => {
    if (events.length < MAX_EVENTS) events.push({ t, source, reason, message });
  };

  const observations = (value: number): MetricObservation[] =>
    specs.triggers.flatMap((p) =>
      p.sourceType === 'External'
        ? p.metricNames.map((metricName) => ({
            metricName,
            triggerIndex: p.index,
            value,
            active: activeFor(p, p.type, value),
            target: {
              type: p.targetType === 'Value' ? ('Value' as const) : ('AverageValue' as const),
              value: p.target,
            },
          }))
        : [],
    );

  const hpaObservation = (
    m: MetricSpec,
    value: number,
    metrics: readonly MetricObservation[],
  ): HpaMetricObservation => {
    if (m.type === 'External' && m.external) {
      const answer = externalMetricValue({
        spec,
        health,
        externalMetricNames: specs.externalMetricNames,
        metricName: m.external.metric.name,
        metrics,
        currentReplicas: replicas,
        readyReplicas: replicas,
      });
      health = answer.health;
      return answer.ok
        ? { kind: 'external', values: answer.items.map((i) => i.value) }
        : { kind: 'external', error: answer.error };
    }
    const perPod = replicas > 0 ? (value * 10) / replicas : 0;
    const started = T0 - 3_600_000;
    return {
      kind: 'resource',
      pods: Array.from({ length: replicas }, (_, i) => ({
        name: `${name}-${i}`,
        phase: 'Running' as const,
        ready: true,
        readyTransitionTime: started,
        startTime: started,
        usageMilli: Math.round(perPod),
        requestMilli: 1000,
      })),
    };
  };

  let nextPoll = 0;
  let nextHpa = hpaSync;
  while (Math.min(nextPoll, nextHpa) <= duration) {
    const isPoll = nextPoll <= nextHpa;
    const t = isPoll ? nextPoll : nextHpa;
    const now = T0 + t * 1000;
    const value = loadAt(load, t);
    const metrics = observations(value);
    if (isPoll) {
      nextPoll += poll;
      const so: LoopScaledObject = {
        name,
        namespace,
        creationTimestamp: T0,
        spec,
        status: {
          ...(conditions ? { conditions } : {}),
          ...(lastActiveTime !== undefined ? { lastActiveTime } : {}),
          health,
          externalMetricNames: specs.externalMetricNames,
        },
      };
      const scalingActive = hpaStatus.conditions?.find((c) => c.type === 'ScalingActive');
      const hpa: ObservedHpa | undefined = scalingActive
        ? {
            scalingActive: {
              status: scalingActive.status,
              ...(scalingActive.reason ? { reason: scalingActive.reason } : {}),
              ...(scalingActive.message ? { message: scalingActive.message } : {}),
            },
          }
        : undefined;
      const result = scaleLoopStep({
        kedaVersion: '2.20.2',
        scaledObject: so,
        metrics,
        currentReplicas: replicas,
        readyReplicas: replicas,
        ...(hpa ? { hpa } : {}),
        now,
      });
      if (result.skipped) return { ok: false, error: result.skipped };
      conditions = result.conditions;
      lastActiveTime = result.lastActiveTime;
      health = result.health;
      active = result.isActive;
      for (const e of result.events) {
        if (e.reason.startsWith('KEDAScaleTarget')) record(t, 'keda', e.reason, e.message);
      }
      if (result.action.type !== 'none') replicas = result.action.to;
    } else {
      nextHpa += hpaSync;
      const result = reconcileHpa({
        namespace,
        spec: hpaSpec,
        status: hpaStatus,
        currentReplicas: replicas,
        metrics: specs.metrics.map((m) => hpaObservation(m, value, metrics)),
        history,
        now,
      });
      history = result.history;
      hpaStatus = {
        conditions: result.status.conditions,
        desiredReplicas: result.status.desiredReplicas,
        ...(result.status.lastScaleTime ? { lastScaleTime: result.status.lastScaleTime } : {}),
      };
      for (const e of result.events) {
        if (e.reason === 'SuccessfulRescale' || e.type === 'Warning') record(t, 'hpa', e.reason, e.message);
      }
      if (result.rescale) replicas = result.desiredReplicas;
    }
    samples.push({ t, load: value, replicas, active });
  }
  return {
    ok: true,
    kind: 'ScaledObject',
    samples,
    events,
    summary: summarize(samples, events, curvePeak(load)),
    notes: notesFor(spec.triggers, 'ScaledObject'),
    durationSeconds: duration,
  };
}

function simulateScaledJob(input: Extract<WhatIfInput, { kind: 'ScaledJob' }>): WhatIfResult {
  const { spec, load, name, namespace } = input;
  const specs = kedaHpaMetricSpecs(
    { name, spec: { triggers: spec.triggers } },
    { namespace, externalMetricSpecs: externalSpecsFor(spec) },
  );
  if (!specs.ok) return { ok: false, error: specs.error };
  const poll = pollingInterval(spec).value;
  const jobSeconds = input.jobSeconds ?? 120;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const step = gcd(poll, 15);
  let jobs: number[] = [];
  let conditions: Condition[] | undefined;
  let active = false;
  const samples: WhatIfSample[] = [];
  const events: WhatIfEvent[] = [];
  let nextPoll = 0;
  for (let t = 0; t <= load.durationSeconds; t += step) {
    const value = loadAt(load, t);
    jobs = jobs.filter((end) => end > t);
    if (t >= nextPoll) {
      nextPoll = t + poll;
      const result = scaledJobPoll({
        kedaVersion: '2.20.2',
        spec,
        triggers: specs.triggers
          .filter((p) => p.sourceType === 'External')
          .map((p) => ({
            metricName: p.metricNames[0] ?? p.type,
            values: [value],
            targetAverageValue: p.targetType === 'AverageValue' ? p.target : 0,
            isActive: activeFor(p, p.type, value),
          })),
        runningJobCount: jobs.length,
        pendingJobCount: 0,
        ...(conditions ? { previousConditions: conditions } : {}),
      });
      conditions = result.conditions;
      active = result.isActive;
      for (let i = 0; i < result.jobsToCreate; i++) jobs.push(t + jobSeconds);
      for (const e of result.events)
        if (e.reason === 'KEDAJobsCreated' && events.length < MAX_EVENTS)
          events.push({ t, source: 'keda', reason: e.reason, message: e.message });
    }
    samples.push({ t, load: value, replicas: jobs.length, active });
  }
  return {
    ok: true,
    kind: 'ScaledJob',
    samples,
    events,
    summary: summarize(samples, events, curvePeak(load)),
    notes: notesFor(spec.triggers, 'ScaledJob'),
    durationSeconds: load.durationSeconds,
  };
}

/** Replays the load curve against the spec; `ok: false` with KEDA's error when the spec cannot scale. */
export function simulateWhatIf(input: WhatIfInput): WhatIfResult {
  if (input.spec.triggers.length === 0) return { ok: false, error: 'Add a trigger to preview the scaling.' };
  return input.kind === 'ScaledObject' ? simulateScaledObject(input) : simulateScaledJob(input);
}
