/**
 * KEDA fallback (kedacore/keda `pkg/fallback/fallback.go`): per-metric health bookkeeping, the
 * Fallback condition, and the synthetic metric value served so that the HPA lands on
 * `fallback.replicas` (or the current replica count, depending on `fallback.behavior`).
 */

import type { Condition } from '../kube/types.js';
import { milliQuantity, quantityToString } from '../kube/quantity.js';
import { truncToInt64 } from './modifiers.js';

/** A metric's entry in `status.health`. */
export interface MetricHealth {
  numberOfFailures: number;
  status: 'Happy' | 'Failing';
}

/** `status.health` keyed by external metric name. */
export type HealthMap = Readonly<Record<string, MetricHealth>>;

/** The fallback behaviors. */
export type FallbackBehavior =
  'static' | 'currentReplicas' | 'currentReplicasIfHigher' | 'currentReplicasIfLower' | 'scalingModifiers';

/** The ScaledObject fields fallback reads. */
export interface FallbackScaledObject {
  fallback?: { failureThreshold: number; replicas: number; behavior?: string } | null;
  advanced?: {
    scalingModifiers?: {
      formula?: string;
      target?: string;
      activationTarget?: string;
      metricType?: string;
    } | null;
  } | null;
}

function usingModifiers(spec: FallbackScaledObject): boolean {
  const sm = spec.advanced?.scalingModifiers;
  return !!sm && !!(sm.formula || sm.target || sm.activationTarget || sm.metricType);
}

/**
 * `HasValidFallback`: threshold and replicas ≥ 0 and, with scalingModifiers, a target that parses as
 * a positive integer (`strconv.ParseInt`, so `2.5` makes the fallback invalid).
 */
export function hasValidFallback(spec: FallbackScaledObject): boolean {
  const fb = spec.fallback;
  if (!fb) return false;
  let modifierChecking = true;
  if (usingModifiers(spec)) {
    const target = spec.advanced?.scalingModifiers?.target ?? '';
    modifierChecking = /^[+-]?[0-9]+$/.test(target) && Number(target) > 0;
  }
  return fb.failureThreshold >= 0 && fb.replicas >= 0 && modifierChecking;
}

/** Fallback is configured and valid, so health is tracked. */
export function isFallbackEnabled(spec: FallbackScaledObject): boolean {
  return !!spec.fallback && hasValidFallback(spec);
}

/** `fallbackExceededThreshold`: some metric is Failing with more failures than the threshold. */
export function fallbackExceeded(health: HealthMap | undefined, failureThreshold: number): boolean {
  return Object.values(health ?? {}).some(
    (h) => h.status === 'Failing' && h.numberOfFailures > failureThreshold,
  );
}

const FALLBACK_TRUE: Condition = {
  type: 'Fallback',
  status: 'True',
  reason: 'FallbackExists',
  message: 'At least one trigger is falling back on this scaled object',
};
const FALLBACK_FALSE: Condition = {
  type: 'Fallback',
  status: 'False',
  reason: 'NoFallbackFound',
  message: 'No fallbacks are active on this scaled object',
};

/**
 * The Fallback condition: True `FallbackExists` when a metric exceeded the threshold, else False
 * `NoFallbackFound` (also when no valid fallback is configured).
 */
export function fallbackCondition(spec: FallbackScaledObject, health: HealthMap | undefined): Condition {
  if (!isFallbackEnabled(spec) || !spec.fallback) return { ...FALLBACK_FALSE };
  return fallbackExceeded(health, spec.fallback.failureThreshold)
    ? { ...FALLBACK_TRUE }
    : { ...FALLBACK_FALSE };
}

/**
 * Records one metric read (`UpdateHealthStatus` / `IncrementFailure`). Only tracked when fallback is
 * enabled; otherwise the map is returned unchanged. Every read counts: the scale loop and each HPA
 * query of the metrics adapter (unless cached).
 */
export function recordMetricRead(
  spec: FallbackScaledObject,
  health: HealthMap | undefined,
  metricName: string,
  success: boolean,
): HealthMap {
  const current = health ?? {};
  if (!isFallbackEnabled(spec)) return current;
  const next: Record<string, MetricHealth> = { ...current };
  if (success) next[metricName] = { numberOfFailures: 0, status: 'Happy' };
  else
    next[metricName] = {
      numberOfFailures: (current[metricName]?.numberOfFailures ?? 0) + 1,
      status: 'Failing',
    };
  return next;
}

/** What the metric target of the failing metric looks like (from the HPA metric spec KEDA generated). */
export interface FallbackMetricTarget {
  type: 'AverageValue' | 'Value';
  /** The target (averageValue or value) as a number. */
  value: number;
}

/** The replicas the fallback aims for under each behavior. */
export function fallbackReplicas(
  behavior: string | undefined,
  fallbackReplicaCount: number,
  currentReplicas: number,
): number {
  switch (behavior) {
    case 'currentReplicas':
      return currentReplicas;
    case 'currentReplicasIfHigher':
      return currentReplicas > fallbackReplicaCount ? currentReplicas : fallbackReplicaCount;
    case 'currentReplicasIfLower':
      return currentReplicas < fallbackReplicaCount ? currentReplicas : fallbackReplicaCount;
    default:
      return fallbackReplicaCount;
  }
}

/** The outcome of reading a metric through the fallback logic (`GetMetricsWithFallback`). */
export type MetricWithFallback =
  /** The scaler's value, unchanged. */
  | { kind: 'value'; value: number; fallbackActive: false; health: HealthMap }
  /** The scaler failed and the error is passed on (below threshold, or no/invalid fallback, or fallback impossible). */
  | { kind: 'error'; error: string; fallbackActive: false; health: HealthMap }
  /** Synthetic value making the HPA land on the fallback replicas; served under `metricName`. */
  | {
      kind: 'fallback';
      metricName: string;
      milli: number;
      quantity: string;
      replicas: number;
      fallbackActive: true;
      health: HealthMap;
    }
  /** behavior scalingModifiers: a -1 placeholder that the formula sees as nil. */
  | { kind: 'placeholder'; value: -1; fallbackActive: false; health: HealthMap };

/** Inputs of one metric read through the fallback logic. */
export interface MetricReadInput {
  spec: FallbackScaledObject;
  health: HealthMap | undefined;
  metricName: string;
  /** The scaler's result: a value, or its error text. */
  result: { value: number } | { error: string };
  /** The metric's HPA target (ignored when scalingModifiers is used: the modifiers target applies). */
  target: FallbackMetricTarget;
  /** The scale target's `spec.replicas`, for non-static behaviors; `undefined` = could not be read. */
  currentReplicas?: number;
  /** Running and Ready pods of the target, for Value targets. */
  readyReplicas?: number;
}

/**
 * One metric read with fallback applied, exactly as `GetMetricsWithFallback` + `doFallback`: once
 * the failures exceed `failureThreshold`, the served value is
 * `int64(target × 1000 × replicas)` milli (divided by ready replicas for Value targets), so that
 * the HPA computes `replicas`.
 */
export function readMetricWithFallback(input: MetricReadInput): MetricWithFallback {
  const { spec, metricName, result } = input;
  const configured = isFallbackEnabled(spec);
  if ('value' in result) {
    const health = configured ? recordMetricRead(spec, input.health, metricName, true) : (input.health ?? {});
    return { kind: 'value', value: result.value, fallbackActive: false, health };
  }
  if (!configured || !spec.fallback) {
    return { kind: 'error', error: result.error, fallbackActive: false, health: input.health ?? {} };
  }
  const health = recordMetricRead(spec, input.health, metricName, false);
  const failures = health[metricName]?.numberOfFailures ?? 0;
  if (failures <= spec.fallback.failureThreshold) {
    return { kind: 'error', error: result.error, fallbackActive: false, health };
  }
  const behavior = spec.fallback.behavior || 'static';
  if (behavior === 'scalingModifiers')
    return { kind: 'placeholder', value: -1, fallbackActive: false, health };
  if (behavior !== 'static' && input.currentReplicas === undefined) {
    return { kind: 'error', error: result.error, fallbackActive: false, health };
  }
  let replicas = fallbackReplicas(behavior, spec.fallback.replicas, input.currentReplicas ?? 0);
  const modifiers = usingModifiers(spec);
  const sm = spec.advanced?.scalingModifiers;
  const valueType = modifiers ? sm?.metricType === 'Value' : input.target.type === 'Value';
  if (valueType) {
    const ready = input.readyReplicas;
    if (ready === undefined || ready === 0) {
      return { kind: 'error', error: 'error performing fallback', fallbackActive: false, health };
    }
    replicas /= ready;
  }
  const normalisation = modifiers ? Number.parseFloat(sm?.target ?? '') || 0 : input.target.value;
  const milli = truncToInt64(normalisation * 1000 * replicas);
  return {
    kind: 'fallback',
    metricName: modifiers ? 'composite-metric' : metricName,
    milli,
    quantity: quantityToString(milliQuantity(milli)),
    replicas,
    fallbackActive: true,
    health,
  };
}
