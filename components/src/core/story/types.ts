import type { HorizontalPodAutoscaler, MetricTargetType } from '../kube/autoscaling.js';
import type { EventRecord } from '../kube/events.js';
import type { ScaledObject } from '../keda/types.js';

/** A metric's samples as the correlation reads them (the MetricsSampler's `MetricSeries` fits). */
export interface StoryMetricSeries {
  metricName: string;
  triggerType?: string;
  targetType?: MetricTargetType;
  /** Per pod for `AverageValue`, total for `Value`, percent for `Utilization`. */
  target?: number;
  activationThreshold?: number;
  /** Oldest first; `value` is the scaler's value (the total for `AverageValue`). */
  samples: readonly { t: number; value: number }[];
}

/** Replica counts over time (the MetricsSampler's `ReplicaSample` fits). */
export interface StoryReplicaSample {
  t: number;
  current?: number;
  desired?: number;
}

export interface StoryInput {
  scaledObject: ScaledObject;
  /** KEDA's HPA for the ScaledObject, when it exists (targets and behaviour). */
  hpa?: HorizontalPodAutoscaler;
  /**
   * Events of the ScaledObject, its HPA, its scale target and the target's ReplicaSets (others
   * are ignored), normalized (core/kube/events `normalizeEvent`/`mergeEvents`).
   */
  events: readonly EventRecord[];
  metrics?: readonly StoryMetricSeries[];
  replicas?: readonly StoryReplicaSample[];
}

/** Which way the replica count moved. */
export type EpisodeDirection = 'activate' | 'deactivate' | 'out' | 'in';

/** A metric's part in a decision: value against target and what the HPA maths wants for it. */
export interface MetricReading {
  metricName: string;
  triggerType?: string;
  /** Undefined when no sample near the decision is known. */
  value?: number;
  target?: number;
  targetType?: MetricTargetType;
  /** Replicas the HPA algorithm computes from this metric alone (with the 10 % tolerance). */
  wants?: number;
}

/** Why the replica count changed. */
export type EpisodeCause =
  /** The HPA scaled because a metric was above target (or all below, for `in`). */
  | { kind: 'metric'; readings: readonly MetricReading[]; allBelowTarget: boolean }
  /** KEDA activated the target from 0 (or idle): a trigger's value crossed its activation threshold. */
  | {
      kind: 'activation';
      metricNames: readonly string[];
      readings: readonly (MetricReading & { activationThreshold?: number })[];
      forced: boolean;
    }
  /**
   * KEDA deactivated the target after no trigger had been active for `cooldownSeconds`
   * (`readings`: the triggers' values then, with their activation thresholds).
   */
  | {
      kind: 'cooldown-expired';
      cooldownSeconds: number;
      inactiveSince?: number;
      readings?: readonly (MetricReading & { activationThreshold?: number })[];
    }
  /** Fallback replicas while the scaler fails. */
  | { kind: 'fallback'; replicas?: number; failingMetrics: readonly string[] }
  /** A pause annotation (`paused-replicas`) set the count. */
  | { kind: 'paused'; replicas?: number }
  /** The HPA corrected the count into its min/max (`Current number of replicas above Spec.MaxReplicas`). */
  | { kind: 'bounds'; bound: 'min' | 'max'; value: number }
  /** Nothing KEDA or the HPA said explains it (a manual scale, a rollout, events expired). */
  | { kind: 'unknown'; detail?: string };

/** What kept the count from reaching what the metrics wanted. */
export type EpisodeLimit =
  | { kind: 'maxReplicaCount'; value: number }
  | { kind: 'minReplicaCount'; value: number }
  /**
   * The HPA's rate limit allowed at most `limit` replicas: a `spec.behavior` policy, or without
   * one the controller's scale-up limit max(2 × current, 4) (`policy` says which, in words).
   */
  | { kind: 'behavior'; direction: 'scaleUp' | 'scaleDown'; limit: number; policy: string }
  /** The scale-down stabilization window kept a higher recommendation. */
  | { kind: 'stabilization'; windowSeconds: number };

/** One replica change of the scale target and why it happened. */
export interface ScalingEpisode {
  /** Stable id (the deciding event's key, or `replicas@<t>`). */
  id: string;
  /** When the change was decided (ms since the epoch). */
  time: number;
  from: number;
  to: number;
  direction: EpisodeDirection;
  cause: EpisodeCause;
  limits: readonly EpisodeLimit[];
  /** E.g. `Scaled out 1 -> 5: s0-rabbitmq-orders 267 against target 50 per pod wants 6, capped by maxReplicaCount 5`. */
  sentence: string;
  /** The events that record this change (the decision first, then the workload's). */
  events: readonly EventRecord[];
}
