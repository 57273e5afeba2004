/**
 * ScaledJob scaling: how many Jobs KEDA creates per poll (kedacore/keda
 * `pkg/scaling/scaledjob/metrics.go` CalculateQueueLengthAndMaxValue / IsScaledJobActive,
 * `pkg/scaling/executor/scale_jobs.go` RequestJobScale, getScalingDecision and the
 * default / custom / accurate / eager strategies, running and pending Job counting).
 */

import type { Condition } from '../kube/types.js';
import {
  scaledJobJobCapacity,
  scaledJobMinReplicaCount,
  type ScaledJobDefaultsInput,
} from '../keda/defaults.js';
import type { KedaEvent, KedaVersion } from './keda.js';
import { goParseFloat } from './modifiers.js';

/** One scaler's contribution (`scaledjob.ScalerMetrics`). */
export interface ScalerMetrics {
  queueLength: number;
  maxValue: number;
  isActive: boolean;
}

/**
 * `CalculateQueueLengthAndMaxValue` for one scaler: queue length = sum of its metric values;
 * maxValue = min(queueLength / targetAverageValue, maxReplicaCount) (0 when the target is 0,
 * e.g. for Value targets, whose AverageValue is unset).
 */
export function calculateQueueLengthAndMaxValue(
  values: readonly number[],
  targetAverageValue: number,
  maxReplicaCount: number,
): { queueLength: number; maxValue: number } {
  const queueLength = values.reduce((a, b) => a + b, 0);
  const maxValue = targetAverageValue !== 0 ? Math.min(queueLength / targetAverageValue, maxReplicaCount) : 0;
  return { queueLength, maxValue };
}

/** `multipleScalersCalculation` values. */
export type MultipleScalersCalculation = 'max' | 'min' | 'avg' | 'sum';

/**
 * `IsScaledJobActive`: combines the scalers (max by default; min/avg/sum over active scalers),
 * forces activity when minReplicaCount > 0, caps maxValue at maxReplicaCount and rounds up.
 */
export function isScaledJobActive(
  scalers: readonly ScalerMetrics[],
  calculation: string | undefined,
  minReplicaCount: number,
  maxReplicaCount: number,
): { isActive: boolean; queueLength: number; maxValue: number; maxFloatValue: number } {
  let queueLength = 0;
  let maxValue = 0;
  let isActive = false;
  switch (calculation) {
    case 'min':
      for (const m of scalers) {
        if ((queueLength === 0 || m.queueLength < queueLength) && m.isActive) {
          queueLength = m.queueLength;
          maxValue = m.maxValue;
          isActive = m.isActive;
        }
      }
      break;
    case 'avg': {
      let q = 0;
      let mv = 0;
      let n = 0;
      for (const m of scalers) {
        if (m.isActive) {
          q += m.queueLength;
          mv += m.maxValue;
          isActive = true;
          n++;
        }
      }
      if (n !== 0) {
        queueLength = q / n;
        maxValue = mv / n;
      }
      break;
    }
    case 'sum':
      for (const m of scalers) {
        if (m.isActive) {
          queueLength += m.queueLength;
          maxValue += m.maxValue;
          isActive = true;
        }
      }
      break;
    default:
      for (const m of scalers) {
        if (m.queueLength > queueLength && m.isActive) {
          queueLength = m.queueLength;
          maxValue = m.maxValue;
          isActive = m.isActive;
        }
      }
  }
  if (minReplicaCount > 0) isActive = true;
  const capped = Math.min(maxValue, maxReplicaCount);
  return {
    isActive,
    queueLength: Math.ceil(queueLength),
    maxValue: Math.ceil(capped),
    maxFloatValue: capped,
  };
}

/** The ScaledJob fields the strategies read. */
export interface ScaledJobScalingSpec extends ScaledJobDefaultsInput {
  scalingStrategy?: {
    strategy?: string;
    customScalingQueueLengthDeduction?: number;
    customScalingRunningJobPercentage?: string;
    pendingPodConditions?: string[];
    multipleScalersCalculation?: string;
  } | null;
}

/** The strategy KEDA selects (custom falls back to default when the percentage does not parse). */
export function selectedStrategy(spec: ScaledJobScalingSpec): 'default' | 'custom' | 'accurate' | 'eager' {
  const s = spec.scalingStrategy;
  switch (s?.strategy) {
    case 'custom':
      return goParseFloat(s.customScalingRunningJobPercentage ?? '').ok ? 'custom' : 'default';
    case 'accurate':
      return 'accurate';
    case 'eager':
      return 'eager';
    default:
      return 'default';
  }
}

/**
 * `GetEffectiveMaxScale` of the selected strategy: returns [effectiveMaxScale, scaleTo].
 * default: maxScale − running; custom: min(maxScale − deduction − int64(running × percentage), max);
 * accurate: max − running if maxScale + running − pending > max, else maxScale − pending;
 * eager: [min(max − running − pending, maxScale), max].
 */
export function effectiveMaxScale(
  spec: ScaledJobScalingSpec,
  maxScale: number,
  runningJobCount: number,
  pendingJobCount: number,
  maxReplicaCount: number,
  scaleTo: number,
): [number, number] {
  const strategy = selectedStrategy(spec);
  switch (strategy) {
    case 'custom': {
      const deduction = spec.scalingStrategy?.customScalingQueueLengthDeduction ?? 0;
      const parsed = goParseFloat(spec.scalingStrategy?.customScalingRunningJobPercentage ?? '');
      const percentage = parsed.ok ? parsed.value : 0;
      const result = maxScale - deduction - Math.trunc(runningJobCount * percentage);
      return [Math.min(result, maxReplicaCount), scaleTo];
    }
    case 'accurate':
      if (maxScale + runningJobCount - pendingJobCount > maxReplicaCount)
        return [maxReplicaCount - runningJobCount, scaleTo];
      return [maxScale - pendingJobCount, scaleTo];
    case 'eager':
      return [Math.min(maxReplicaCount - runningJobCount - pendingJobCount, maxScale), maxReplicaCount];
    default:
      return [maxScale - runningJobCount, scaleTo];
  }
}

/** One trigger's observation for a ScaledJob poll. */
export interface ScaledJobTriggerObservation {
  /** External metric name(s) of the trigger (for activity / status). */
  metricName: string;
  /** The values the scaler returned (usually one). */
  values: readonly number[];
  /** The target average value of the trigger's metric (0 for Value targets). */
  targetAverageValue: number;
  isActive: boolean;
  /** The scaler's error, if it failed (the trigger is then skipped). */
  error?: string;
}

/** Input of one ScaledJob poll. */
export interface ScaledJobPollInput {
  kedaVersion?: KedaVersion;
  spec: ScaledJobScalingSpec;
  triggers: readonly ScaledJobTriggerObservation[];
  /** Jobs of this ScaledJob that are not Complete/Failed. */
  runningJobCount: number;
  /** Of those, the ones with no Running/Succeeded pod (or not meeting pendingPodConditions). */
  pendingJobCount: number;
  /** The previous Active condition (for ScaledJobActive/Inactive events). */
  previousConditions?: readonly Condition[];
}

/** Output of one ScaledJob poll. */
export interface ScaledJobPollResult {
  isActive: boolean;
  isError: boolean;
  activeTriggers: string[];
  /** ceil(queue length) = scaleTo before the strategy. */
  queueLength: number;
  /** ceil(min(maxValue, capacity)). */
  maxScale: number;
  /** The strategy's effective max (never below 0). */
  effectiveMaxScale: number;
  /** The strategy's scaleTo (eager replaces it by the capacity). */
  scaleTo: number;
  /** Jobs KEDA creates now. */
  jobsToCreate: number;
  conditions: Condition[];
  events: KedaEvent[];
}

/**
 * One ScaledJob poll: combine the scalers, apply minReplicaCount and the scaling strategy, and
 * decide how many Jobs to create (only when active), with the Ready/Active conditions and events.
 */
export function scaledJobPoll(input: ScaledJobPollInput): ScaledJobPollResult {
  const { spec } = input;
  const v = input.kedaVersion ?? '2.20.2';
  const capacity = scaledJobJobCapacity(spec).value;
  const min = scaledJobMinReplicaCount(spec).value;
  let isError = false;
  const scalers: ScalerMetrics[] = [];
  const activeTriggers: string[] = [];
  for (const t of input.triggers) {
    if (t.error !== undefined) {
      isError = true;
      continue;
    }
    if (t.isActive) activeTriggers.push(t.metricName);
    const { queueLength, maxValue } = calculateQueueLengthAndMaxValue(
      t.values,
      t.targetAverageValue,
      capacity,
    );
    scalers.push({ queueLength, maxValue, isActive: t.isActive });
  }
  const combined = isScaledJobActive(
    scalers,
    spec.scalingStrategy?.multipleScalersCalculation,
    min,
    capacity,
  );
  let effective: number;
  let scaleTo = combined.queueLength;
  if (input.runningJobCount < min) {
    effective = min - input.runningJobCount;
    scaleTo = effective;
  } else {
    [effective, scaleTo] = effectiveMaxScale(
      spec,
      combined.maxValue,
      input.runningJobCount - min,
      input.pendingJobCount,
      capacity,
      scaleTo,
    );
  }
  if (effective < 0) effective = 0;
  const events: KedaEvent[] = [];
  const event = (type: KedaEvent['type'], reason: string, message: string): KedaEvent =>
    v === '2.19' ? { type, reason, message } : { type, reason, message, action: reason };
  let jobsToCreate = 0;
  if (combined.isActive && effective > 0) {
    jobsToCreate = Math.min(scaleTo, effective);
    events.push(event('Normal', 'KEDAJobsCreated', `Created ${jobsToCreate} jobs`));
  }
  const conditions: Condition[] = [];
  if (isError) {
    conditions.push(
      combined.isActive
        ? {
            type: 'Ready',
            status: 'Unknown',
            reason: 'PartialTriggerError',
            message: 'Some triggers defined in ScaledJob are not working correctly',
          }
        : {
            type: 'Ready',
            status: 'False',
            reason: 'TriggerError',
            message: 'Triggers defined in ScaledJob are not working correctly',
          },
    );
  } else {
    conditions.push({
      type: 'Ready',
      status: 'True',
      reason: 'ScaledJobReady',
      message: 'ScaledJob is defined correctly and is ready for scaling',
    });
  }
  const wasActive = input.previousConditions?.find((c) => c.type === 'Active')?.status === 'True';
  if (combined.isActive) {
    if (!wasActive)
      events.push(event('Normal', 'ScaledJobActive', 'Scaling is performed because triggers are active'));
    conditions.push({
      type: 'Active',
      status: 'True',
      reason: 'ScalerActive',
      message: 'Scaling is performed because triggers are active',
    });
  } else {
    if (wasActive)
      events.push(
        event('Normal', 'ScaledJobInactive', 'Scaling is not performed because triggers are not active'),
      );
    conditions.push({
      type: 'Active',
      status: 'False',
      reason: 'ScalerNotActive',
      message: 'Scaling is not performed because triggers are not active',
    });
  }
  return {
    isActive: combined.isActive,
    isError,
    activeTriggers,
    queueLength: combined.queueLength,
    maxScale: combined.maxValue,
    effectiveMaxScale: effective,
    scaleTo,
    jobsToCreate,
    conditions,
    events,
  };
}

/** The minimal Job shape the counters read. */
export interface JobLike {
  metadata: { name?: string };
  status?: { conditions?: ReadonlyArray<{ type: string; status: string }> };
}

/** The minimal Pod shape the counters read. */
export interface PodLike {
  metadata: { labels?: Readonly<Record<string, string>> };
  status?: { phase?: string; conditions?: ReadonlyArray<{ type: string; status: string }> };
}

/** A Job is finished when it has a Complete or Failed condition with status True. */
export function isJobFinished(job: JobLike): boolean {
  return (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

/** Running Jobs: not finished. */
export function countRunningJobs(jobs: readonly JobLike[]): number {
  return jobs.filter((j) => !isJobFinished(j)).length;
}

/**
 * Pending Jobs: not finished and, without pendingPodConditions, no pod (`job-name=<job>`) Running
 * or Succeeded; with pendingPodConditions, no pod having all of them True.
 */
export function countPendingJobs(
  jobs: readonly JobLike[],
  pods: readonly PodLike[],
  pendingPodConditions: readonly string[] = [],
): number {
  let pending = 0;
  for (const job of jobs) {
    if (isJobFinished(job)) continue;
    const jobPods = pods.filter((p) => p.metadata.labels?.['job-name'] === job.metadata.name);
    if (pendingPodConditions.length > 0) {
      const required = new Set(pendingPodConditions);
      const fulfilled = jobPods.some((p) => {
        const ok = new Set(
          (p.status?.conditions ?? [])
            .filter((c) => required.has(c.type) && c.status === 'True')
            .map((c) => c.type),
        );
        return ok.size === pendingPodConditions.length;
      });
      if (!fulfilled) pending++;
    } else if (!jobPods.some((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Running')) {
      pending++;
    }
  }
  return pending;
}
